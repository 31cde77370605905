"""The quality measure itself: what counts as a found quote, a right speaker, a precise draft."""

from __future__ import annotations

import dataclasses

from actorgraph.draft.candidates import ActorCandidate, Draft, Span, StatementCandidate
from actorgraph.draft.evaluate import evaluate, overlap
from actorgraph.ingest.read import read_dossier
from actorgraph.model.vocabulary import ActorKind, Predicate, Stance
from tests.support.paths import ROOT

SEED = ROOT / "seed" / "incursion.yaml"


def test_overlap_is_over_the_longer_span() -> None:
    assert overlap(Span(0, 100), Span(0, 100)) == 1.0
    assert overlap(Span(0, 100), Span(10, 100)) == 0.9
    assert overlap(Span(0, 100), Span(0, 79)) < 0.8  # a fragment is not the quote
    assert overlap(Span(0, 79), Span(0, 100)) < 0.8  # nor is a quote padded with its context
    assert overlap(Span(0, 10), Span(20, 30)) == 0.0


def _draft(text: str, speaker: ActorCandidate, stance: Stance, span: Span) -> Draft:
    statement = StatementCandidate(speaker.id, stance, span, Predicate.CONTROLLED_BY, "x", "y", 0.5, "test")
    return Draft(text, "t", "s", "rules", [speaker], [], [statement])


def test_a_wrong_speaker_or_stance_is_counted_wrong() -> None:
    gold = read_dossier(SEED)
    yusov_denial = next(s for s in gold.statements if s.speaker == "andriy-yusov")
    span = Span(yusov_denial.start, yusov_denial.end)
    right = ActorCandidate("yusov", "Yusov", ActorKind.PERSON)
    wrong = ActorCandidate("moscow", "Moscow", ActorKind.GOVERNMENT)

    good = evaluate(_draft(gold.source_text, right, Stance.DENIES, span), gold)
    assert good.found == 2 and good.speaker_ok == 2 and good.stance_ok == 2 and good.precision == 1.0

    bad_speaker = evaluate(_draft(gold.source_text, wrong, Stance.DENIES, span), gold)
    assert bad_speaker.found == 2 and bad_speaker.speaker_ok == 0 and bad_speaker.precision == 0.0

    bad_stance = evaluate(_draft(gold.source_text, right, Stance.AFFIRMS, span), gold)
    assert bad_stance.stance_ok == 0

    voice = dataclasses.replace(right, id="me", is_voice=True)
    assert evaluate(_draft(gold.source_text, voice, Stance.DENIES, span), gold).speaker_ok == 0
