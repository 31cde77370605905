"""Deriving an allegation's status from who affirms and who denies it. Pure: no I/O.

This function is the specification and the only implementation: after every write the store reads
the affected statements with Cypher (``store/queries/accounts.cypher``) and applies it
(``store/projections.py``), so graph and rule cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from actorgraph.model.vocabulary import AllegationStatus, Stance


@dataclass(frozen=True)
class Account:
    """One statement reduced to what status depends on."""

    speaker: str
    stance: Stance
    #: True when the speaker is the allegation's subject or speaks for / is part of it.
    is_subject_side: bool


def derive_status(accounts: Iterable[Account]) -> AllegationStatus | None:
    """The status of an allegation given its accounts; None when there are none.

    - DENIED: only denials.
    - CONTESTED: affirmed and denied by different speakers.
    - SELF_CLAIMED: affirmed only by the subject's side.
    - CORROBORATED: two or more independent speakers affirm, none deny.
    - UNVERIFIED: one independent speaker affirms.

    >>> derive_status([Account("kremlin", Stance.AFFIRMS, False), Account("hur", Stance.DENIES, True)])
    <AllegationStatus.CONTESTED: 'CONTESTED'>
    """
    affirming: set[str] = set()
    denying: set[str] = set()
    independent: set[str] = set()
    for acc in accounts:
        if acc.stance is Stance.AFFIRMS:
            affirming.add(acc.speaker)
            if not acc.is_subject_side:
                independent.add(acc.speaker)
        else:
            denying.add(acc.speaker)
    if not affirming and not denying:
        return None
    if not affirming:
        return AllegationStatus.DENIED
    if denying and len(affirming | denying) >= 2:
        return AllegationStatus.CONTESTED
    if not independent:
        return AllegationStatus.SELF_CLAIMED
    if len(independent) >= 2:
        return AllegationStatus.CORROBORATED
    return AllegationStatus.UNVERIFIED
