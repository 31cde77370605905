"""Time in the derivation: retractions, and what had been said by a given day. Pure: no I/O.

A voice may change its mind: an agency that claimed an attack on Monday and denied it on Friday holds
one position, the Friday one. Deleting or overwriting the Monday statement would lose the record that
it was ever said (Graphiti's users complained of exactly that, getzep/graphiti#1728), so statements are
never touched: the rules read them through :func:`current`, which leaves out the *superseded* ones.

**The retraction rule.** For one voice on one allegation, take its dated statements (``stated_on``).
When those of the latest day all take one stance, that stance is the voice's position, and every earlier
statement of the opposite stance is *superseded* by the first later statement of the position's stance
(the one that retracted it). When the latest day holds both stances, the voice's position is undecided
and nothing is superseded. An undated statement never supersedes and is never superseded: without a
date nothing says which came first.

**As of a day.** :func:`as_of` keeps the statements stated on or before the day (undated ones are left
out: nothing says they had been said by then) and then applies the same rule, so a retraction made
after the day does not count yet. The store filters by day in Cypher; this function is the
specification (and what tests compare with).

The rule is per (allegation, voice): it must be given every statement of an allegation, as every
reader of accounts does (``accounts_of.cypher`` and its kin read whole allegations).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from actorgraph.model.vocabulary import Stance


class Said(Protocol):
    """What the rule reads of a statement (an :class:`~actorgraph.model.derivation.Account`, or a row)."""

    @property
    def allegation(self) -> str: ...

    @property
    def voice(self) -> str: ...

    @property
    def statement(self) -> str: ...

    @property
    def stance(self) -> Stance: ...

    @property
    def stated_on(self) -> dt.date | None: ...


S = TypeVar("S", bound=Said)


def superseded(accounts: Iterable[Said]) -> dict[str, str]:
    """Superseded statement id -> the id of the statement that retracted it (empty: nothing retracted).

    >>> from actorgraph.model.derivation import Account
    >>> from actorgraph.model.vocabulary import Predicate
    >>> def said(sid, stance, day):
    ...     return Account("al", Predicate.CARRIED_OUT, "agency", "raid", True, sid, stance, day, "agency", None)
    >>> superseded([said("s1", Stance.AFFIRMS, dt.date(2024, 5, 1)), said("s2", Stance.DENIES, dt.date(2024, 5, 9)),
    ...             said("s3", Stance.DENIES, None)])
    {'s1': 's2'}
    """
    groups: dict[tuple[str, str], list[Said]] = defaultdict(list)
    for acc in accounts:
        if acc.stated_on is not None:
            groups[(acc.allegation, acc.voice)].append(acc)
    out: dict[str, str] = {}
    for group in groups.values():
        if len({a.stance for a in group}) < 2:
            continue
        latest = max(a.stated_on for a in group if a.stated_on is not None)
        at_latest = {a.stance for a in group if a.stated_on == latest}
        if len(at_latest) != 1:
            continue  # both stances on the last day: undecided, nothing retracted
        (position,) = at_latest
        held = sorted((a.stated_on, a.statement) for a in group if a.stance is position and a.stated_on is not None)
        for acc in group:
            if acc.stance is not position and acc.stated_on is not None:
                day = acc.stated_on
                out[acc.statement] = next(sid for when, sid in held if when > day)
    return out


def current(accounts: Sequence[S]) -> list[S]:
    """The accounts the rules count: all but the superseded ones (the same list when nothing is retracted).

    Applying it twice changes nothing: what is left of a voice's dated statements all hold its position.
    """
    gone = superseded(accounts)
    return [a for a in accounts if a.statement not in gone] if gone else list(accounts)


def as_of(accounts: Sequence[S], day: dt.date) -> list[S]:
    """What had been said by the end of ``day``, as the rules count it: dated on or before it, then :func:`current`."""
    return current([a for a in accounts if a.stated_on is not None and a.stated_on <= day])


@dataclass(frozen=True)
class Entry:
    """One statement on an allegation's timeline: when it was said and recorded, by whom, and if retracted."""

    statement: str
    allegation: str
    stance: Stance
    voice: str
    speaker: str
    stated_on: dt.date | None
    recorded_at: dt.datetime | None
    #: The statement of the same voice that retracted this one (None: it still counts).
    superseded_by: str | None = None

    @property
    def superseded(self) -> bool:
        return self.superseded_by is not None


_LAST = dt.datetime.max.replace(tzinfo=dt.UTC)


def timeline(entries: Iterable[Entry]) -> list[Entry]:
    """The statements in the order they were said (``stated_on``, undated last), then recorded, each marked
    with the statement that superseded it, if one did.

    >>> day = dt.date(2024, 5, 1)
    >>> claim = Entry("s1", "al", Stance.AFFIRMS, "agency", "agency", day, None)
    >>> denial = Entry("s2", "al", Stance.DENIES, "agency", "agency", day + dt.timedelta(days=8), None)
    >>> [(e.statement, e.superseded_by) for e in timeline([denial, claim])]
    [('s1', 's2'), ('s2', None)]
    """
    entries = list(entries)
    gone = superseded(entries)
    ordered = sorted(
        entries,
        key=lambda e: (e.stated_on is None, e.stated_on or dt.date.min, e.recorded_at or _LAST, e.statement),
    )
    return [replace(e, superseded_by=gone.get(e.statement)) for e in ordered]


__all__ = ["Entry", "Said", "as_of", "current", "superseded", "timeline"]
