"""GraphQL types for the evidence behind camps and ranks, and for the reports over time (issue 18).

Kept beside ``api/analytics.py`` so that module changes only by the fields that use these. Every camp
placement comes with its evidence; a camp is null when the evidence is too thin (``leaning`` still
says where the split puts the actor). The series resolvers project one network per window of
``stated_on`` through the request's store (its reads are counted like any other) and cache the whole
series per graph version and arguments.
"""

from __future__ import annotations

import asyncio
from enum import Enum
from typing import Any

import strawberry
from strawberry.types import Info

from actorgraph.analytics.balance import PlacementEvidence
from actorgraph.analytics.cache import ReportCache
from actorgraph.analytics.camps import Basis, CampRow
from actorgraph.analytics.windows import (
    CampSeries,
    CentralitySeries,
    camps_over_time,
    centrality_over_time,
    project_windows,
    window_days,
)
from actorgraph.model.network import NetworkFilter

#: The series' own cache (a series holds one projection's results per window, not the projections).
SERIES = ReportCache(max_entries=16)


@strawberry.enum(description="What camps are built from.")
class CampBasis(Enum):
    HOSTILITY = "hostility"
    """Who is hostile to whom: accusations, contradictions, oppositions against alliances and structure."""
    NARRATIVE = "narrative"
    """Which accounts actors back: agreeing (both affirm or both deny) or contradicting on the same allegations."""


def basis_of(by: CampBasis) -> Basis:
    """The report's name for a GraphQL basis."""
    return "narrative" if by is CampBasis.NARRATIVE else "hostility"


@strawberry.type(name="PlacementEvidence", description="What an actor's camp rests on.")
class PlacementEvidenceEntry:
    links: int = strawberry.field(description="Signed links touching the actor.")
    weight: float = strawberry.field(description="Their total weight (statements, both ends).")
    agreeing: float = strawberry.field(description="Weight of those the split satisfies.")
    breaking: float = strawberry.field(description="Weight of those it breaks (the actor's share of frustration).")
    stability: float = strawberry.field(description="Share of resamples of the links in which it kept its camp.")

    @classmethod
    def of(cls, evidence: PlacementEvidence | None) -> PlacementEvidenceEntry | None:
        if evidence is None:
            return None
        return cls(links=evidence.links, weight=evidence.weight, agreeing=evidence.agreeing,
                   breaking=evidence.breaking, stability=evidence.stability)  # fmt: skip


def evidence_fields(row: CampRow) -> dict[str, Any]:
    """The evidence fields of a camp entry, from a report row."""
    return {
        "leaning": row.leaning,
        "evidence": PlacementEvidenceEntry.of(row.evidence),
        "undetermined": row.undetermined,
        "reporting": row.reporting,
        "community_stability": row.community_stability,
        "community_size": row.community_size,
    }


@strawberry.type(description="A window of stated_on dates (both ends included).")
class TimeWindow:
    start: str
    end: str
    label: str


@strawberry.type(description="One actor's camp in one window.")
class CampStepEntry:
    window: int = strawberry.field(description="Index into `windows`.")
    actor: strawberry.ID
    name: str
    camp: str | None = strawberry.field(description="A or B, letters kept consistent across windows; null if thin.")
    leaning: str | None
    evidence: PlacementEvidenceEntry | None


@strawberry.type(description="An actor whose shown camp differs between windows.")
class CampChangeEntry:
    actor: strawberry.ID
    name: str
    camps: list[str | None] = strawberry.field(
        description="Per window: A or B, ? when undetermined, null with no signed link there."
    )
    changes: int


@strawberry.type(description="Camps per time window and who changes camp.")
class CampSeriesReport:
    basis: CampBasis
    windows: list[TimeWindow]
    entries: list[CampStepEntry]
    changes: list[CampChangeEntry]
    frustration: list[int]
    resamples: int


@strawberry.type(description="One actor's accusations and rank in one window.")
class CentralityStepEntry:
    window: int
    actor: strawberry.ID
    name: str
    accusations_made: int
    accused: int
    rank: int
    rank_low: int
    rank_high: int
    pagerank: float


@strawberry.type(description="Who accuses most per time window, with rank ranges.")
class CentralitySeriesReport:
    windows: list[TimeWindow]
    entries: list[CentralityStepEntry]


def _windows(series: CampSeries | CentralitySeries) -> list[TimeWindow]:
    return [TimeWindow(start=str(w.start), end=str(w.end), label=w.label) for w in series.windows]


async def _series(info: Info[Any, Any], key: tuple[Any, ...], network_filter: NetworkFilter, window: str,
                  accounts: bool, run: Any) -> Any:  # fmt: skip
    days = window_days(window)
    network_filter.check()
    store = info.context.store

    def work() -> Any:
        version = store.version()
        return SERIES.get_or_compute(
            (*key, days, network_filter), version, lambda: run(project_windows(store, network_filter, days,
                                                                               accounts=accounts))
        )  # fmt: skip

    return await asyncio.to_thread(work)


async def camps_series(info: Info[Any, Any], network_filter: NetworkFilter, window: str, by: CampBasis,
                       include_reporters: bool, seed: int) -> CampSeriesReport:  # fmt: skip
    """Camps per window (the resolver of ``analytics { campsOverTime }``)."""
    basis = basis_of(by)
    series: CampSeries = await _series(
        info, ("camps", basis, include_reporters, seed), network_filter, window, basis == "narrative",
        lambda graphs: camps_over_time(graphs, by=basis, seed=seed, include_reporters=include_reporters),
    )  # fmt: skip
    return CampSeriesReport(
        basis=CampBasis(series.basis),
        windows=_windows(series),
        entries=[
            CampStepEntry(
                window=s.window,
                actor=strawberry.ID(s.actor),
                name=s.name,
                camp=s.camp,
                leaning=s.leaning,
                evidence=PlacementEvidenceEntry.of(s.evidence),
            )
            for s in series.rows
        ],
        changes=[
            CampChangeEntry(actor=strawberry.ID(c.actor), name=c.name, camps=c.camps, changes=c.changes)
            for c in series.changes
        ],
        frustration=series.frustration,
        resamples=series.resamples,
    )


async def centrality_series(info: Info[Any, Any], network_filter: NetworkFilter, window: str,
                            include_reporters: bool, limit: int, seed: int) -> CentralitySeriesReport:  # fmt: skip
    """Top accusers per window (the resolver of ``analytics { centralityOverTime }``)."""
    series: CentralitySeries = await _series(
        info, ("centrality", include_reporters, limit, seed), network_filter, window, False,
        lambda graphs: centrality_over_time(graphs, seed=seed, include_reporters=include_reporters, top=limit),
    )  # fmt: skip
    return CentralitySeriesReport(
        windows=_windows(series),
        entries=[
            CentralityStepEntry(
                window=s.window,
                actor=strawberry.ID(s.actor),
                name=s.name,
                accusations_made=s.accusations_made,
                accused=s.accused,
                rank=s.rank,
                rank_low=s.rank_low,
                rank_high=s.rank_high,
                pagerank=s.pagerank,
            )
            for s in series.rows
        ],
    )


__all__ = [
    "SERIES",
    "CampBasis",
    "CampSeriesReport",
    "CentralitySeriesReport",
    "PlacementEvidenceEntry",
    "basis_of",
    "camps_series",
    "centrality_series",
    "evidence_fields",
]
