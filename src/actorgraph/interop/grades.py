"""Admiralty grades as other tools write them: one place for every exporter and the STIX importer.

actorgraph grades a source's reliability with the Admiralty scale's letter (A-F) and a statement's
information credibility with its digit (1-6). Formats with a field for a grade get it in that field's
own terms: STIX ``confidence`` by the specification's Admiralty Credibility mapping (the ``stix2``
library's :mod:`stix2.confidence.scales`, so the numbers are the spec's and not ours), OpenCTI's
``x_opencti_reliability`` by its "A - Completely reliable" strings. Formats with no such field carry
the NATO-style code (``B2``) and its meaning as text.
"""

from __future__ import annotations

from stix2.confidence import scales

from actorgraph.model.vocabulary import CREDIBILITY_MEANING, RELIABILITY_MEANING, Reliability

#: Credibility digit -> the Admiralty Credibility label ``stix2.confidence.scales`` takes.
_STIX_CREDIBILITY = {
    1: "1 - Confirmed by other sources",
    2: "2 - Probably True",
    3: "3 - Possibly True",
    4: "4 - Doubtful",
    5: "5 - Improbable",
    6: "6 - Truth cannot be judged",
}


def stix_confidence(credibility: int | None) -> int | None:
    """STIX ``confidence`` of a credibility grade; None for 6 (the spec: "not present") and for no grade.

    >>> [stix_confidence(c) for c in (1, 2, 3, 4, 5, 6, None)]
    [90, 70, 50, 30, 10, None, None]
    """
    if credibility is None or credibility == 6:
        return None
    value: int = scales.admiralty_credibility_to_value(_STIX_CREDIBILITY[credibility])
    return value


def credibility_from_confidence(confidence: int) -> int:
    """The credibility digit a foreign STIX ``confidence`` (0-100) reads as, by the spec's ranges.

    >>> [credibility_from_confidence(v) for v in (100, 80, 79, 50, 20, 19, 0)]
    [1, 1, 2, 3, 4, 5, 5]
    """
    label: str = scales.value_to_admiralty_credibility(confidence)
    return int(label[0])


def opencti_reliability(grade: str | None) -> str | None:
    """OpenCTI's reliability string for a grade.

    >>> opencti_reliability("B"), opencti_reliability(None)
    ('B - Usually reliable', None)
    """
    if grade is None:
        return None
    return f"{grade} - {RELIABILITY_MEANING[Reliability(grade)].capitalize()}"


def reliability_from_text(text: object) -> Reliability | None:
    """A grade from our letter or OpenCTI's string ("C - Fairly reliable"); None for anything else.

    >>> reliability_from_text("C - Fairly reliable"), reliability_from_text("B"), reliability_from_text("high")
    (<Reliability.C: 'C'>, <Reliability.B: 'B'>, None)
    """
    if not isinstance(text, str) or not text.strip():
        return None
    letter = text.strip()[0]
    if letter in Reliability.__members__ and (len(text.strip()) == 1 or text.strip()[1:2] in (" ", "-")):
        return Reliability(letter)
    return None


def admiralty_code(reliability: str | None, credibility: int | None) -> str | None:
    """The combined NATO code (``B2``; ``-`` for the part not graded), None when neither is.

    >>> admiralty_code("B", 2), admiralty_code(None, 3), admiralty_code(None, None)
    ('B2', '-3', None)
    """
    if reliability is None and credibility is None:
        return None
    return f"{reliability or '-'}{credibility if credibility is not None else '-'}"


def grade_text(reliability: str | None, credibility: int | None) -> str | None:
    """The grades as a sentence for formats without a field for them.

    >>> grade_text("B", 4)
    'Admiralty grade B4: source usually reliable, information doubtful'
    >>> grade_text(None, None) is None
    True
    """
    code = admiralty_code(reliability, credibility)
    if code is None:
        return None
    parts = []
    if reliability is not None:
        parts.append(f"source {RELIABILITY_MEANING[Reliability(reliability)]}")
    if credibility is not None:
        parts.append(f"information {CREDIBILITY_MEANING[credibility]}")
    return f"Admiralty grade {code}: {', '.join(parts)}"
