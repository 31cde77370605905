"""The actor network as plain data: which statements it is built from, its edges, its allegations.

Pure. The store reads these from Neo4j (``store/network.py``); analytics projects them into a
networkx graph (``analytics/projection.py``). Kept here so both sides share one definition.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from actorgraph.errors import UsageError
from actorgraph.model.derivation import Account, Relations
from actorgraph.model.vocabulary import AllegationStatus, Predicate, RelationType, Reliability, reliability_at_least

_FAR_PAST = dt.date(1, 1, 1)
_FAR_FUTURE = dt.date(9999, 12, 31)


@dataclass(frozen=True)
class NetworkFilter:
    """Which statements the network is built from; empty means all of them.

    >>> NetworkFilter(predicates=(Predicate.CONTROLLED_BY,)).active
    True
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    predicates: tuple[Predicate, ...] = ()
    statuses: tuple[AllegationStatus, ...] = ()
    #: Only statements whose source is graded this or better (the speaker's default grade where the
    #: source has none); an ungraded statement is left out, since nobody vouched for it.
    min_reliability: Reliability | None = None
    #: What had been said by the end of this day: statements stated by then (undated ones left out), with
    #: statuses derived again from them, so ``statuses`` selects by the status as of that day.
    as_of: dt.date | None = None

    @property
    def active(self) -> bool:
        return bool(
            self.date_from or self.date_to or self.predicates or self.statuses or self.min_reliability or self.as_of
        )

    @property
    def dated(self) -> bool:
        return self.date_from is not None or self.date_to is not None or self.as_of is not None

    @property
    def last_day(self) -> dt.date | None:
        """The last day a statement may be stated on: the earlier of ``date_to`` and ``as_of``."""
        ends = [d for d in (self.date_to, self.as_of) if d is not None]
        return min(ends) if ends else None

    def params(self) -> dict[str, Any]:
        """The parameters of the filtered account queries (open ends become far dates)."""
        return {
            "date_from": self.date_from or _FAR_PAST,
            "date_to": self.last_day or _FAR_FUTURE,
            "predicates": sorted(p.value for p in self.predicates) or None,
            # as of a day, statuses are those of that day: selected after they are derived again
            "statuses": (sorted(s.value for s in self.statuses) or None) if self.as_of is None else None,
            "grades": [g.value for g in reliability_at_least(self.min_reliability)] if self.min_reliability else None,
        }

    def check(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UsageError(f"--from {self.date_from} is after --to {self.date_to}: give the earlier date first.")
        if self.date_from and self.as_of and self.date_from > self.as_of:
            raise UsageError(f"--from {self.date_from} is after --as-of {self.as_of}: give the earlier date first.")


@dataclass
class AllegationInfo:
    """An allegation and the accounts of it that the network was built from."""

    id: str
    predicate: Predicate
    status: str | None
    summary: str
    subject: str
    object: str
    accounts: list[Account] = field(default_factory=list)


@dataclass(frozen=True)
class Edge:
    """One derived relationship between two actors, as stored or as re-derived from accounts."""

    source: str
    target: str
    type: RelationType
    statements: tuple[str, ...]
    first_stated: dt.date | None = None
    last_stated: dt.date | None = None
    count: int | None = None


def edges_of(relations: Relations) -> list[Edge]:
    """The derived relationships as edges (statement ids sorted, so equal inputs give equal edges)."""
    return [
        Edge(source, target, rel_type, tuple(sorted(rel.statements)), rel.first_stated, rel.last_stated)
        for rel_type, pairs in relations.items()
        for (source, target), rel in pairs.items()
    ]


@dataclass
class NetworkData:
    """What the store reads for one projection: actors ``(id, name, kind)``, edges and, if asked, allegations."""

    actors: list[tuple[str, str | None, str | None]]
    edges: list[Edge]
    allegations: dict[str, AllegationInfo] | None = None
    #: True when ``allegations`` holds only those both affirmed and denied (all the reports need unfiltered).
    disputed_only: bool = False
    #: Read as of a day: how many undated statements were left out (nothing says they had been said by then).
    undated_left_out: int | None = None


__all__ = ["AllegationInfo", "Edge", "NetworkData", "NetworkFilter", "edges_of"]
