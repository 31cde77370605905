"""Deriving an allegation's status from who affirms and who denies it. Pure: no I/O.

This function is the specification and the only implementation: after every write the store reads
the accounts a change can affect and applies it through :func:`actorgraph.model.derivation.derive_statuses`,
so graph and rule cannot disagree (``docs/design.md``, section "Derivation rules").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from actorgraph.model.vocabulary import AllegationStatus, Stance


@dataclass(frozen=True)
class Position:
    """One account reduced to what status depends on: whose voice, which stance, from which side."""

    voice: str
    stance: Stance
    #: True when the voice is the allegation's subject or speaks for / is part of it.
    own_side: bool


def derive_status(positions: Iterable[Position]) -> AllegationStatus | None:
    """The status of an allegation given the positions taken on it; None when there are none.

    - DENIED: only denials.
    - CONTESTED: affirmed and denied by different voices.
    - SELF_CLAIMED: affirmed only by the subject's own side.
    - CORROBORATED: two or more independent voices affirm, none deny.
    - UNVERIFIED: one independent voice affirms.

    >>> derive_status([Position("kremlin", Stance.AFFIRMS, False), Position("hur", Stance.DENIES, True)])
    <AllegationStatus.CONTESTED: 'CONTESTED'>
    """
    affirming: set[str] = set()
    denying: set[str] = set()
    independent: set[str] = set()
    for pos in positions:
        if pos.stance is Stance.AFFIRMS:
            affirming.add(pos.voice)
            if not pos.own_side:
                independent.add(pos.voice)
        else:
            denying.add(pos.voice)
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
