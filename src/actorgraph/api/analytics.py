"""The network reports over GraphQL: typed results, cached until the graph changes.

The root query's ``analytics`` field returns :class:`AnalyticsQuery` (a namespace keeps
``analytics { path }`` apart from the API's own ``paths``). Each request reads the graph's version
through its own store (one trivial round trip, counted in ``extensions.cypherQueries``); the
projection and every report are computed once per version and arguments, in a worker thread.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import asdict
from typing import Any

import networkx as nx
import strawberry
from strawberry.types import Info

from actorgraph.analytics.cache import ReportCache
from actorgraph.analytics.camps import camps as camps_report
from actorgraph.analytics.centrality import centrality as centrality_report
from actorgraph.analytics.contested import contested as contested_report
from actorgraph.analytics.contradictions import contradictions as contradictions_report
from actorgraph.analytics.ego import ego as ego_report
from actorgraph.analytics.paths import path as path_report
from actorgraph.analytics.projection import project
from actorgraph.api.analytics_evidence import (
    CampBasis,
    CampSeriesReport,
    CentralitySeriesReport,
    PlacementEvidenceEntry,
    basis_of,
    camps_series,
    centrality_series,
    evidence_fields,
)
from actorgraph.api.enums import AllegationStatus, Predicate, Reliability
from actorgraph.errors import UsageError
from actorgraph.model import vocabulary as v
from actorgraph.model.network import NetworkFilter
from actorgraph.store.derived import status_reasons

#: One cache per process; entries are dropped when the graph's version moves. Projected graphs are
#: large (a 10k-actor network with its statements is hundreds of MB), so only the last two are kept.
CACHE = ReportCache()
PROJECTIONS = ReportCache(max_entries=2)
MAX_LIMIT = 500


@strawberry.input(name="NetworkFilter", description="Which statements the network is built from (all when empty).")
class NetworkFilterInput:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    predicates: list[Predicate] | None = None  # type: ignore[valid-type]
    statuses: list[AllegationStatus] | None = None  # type: ignore[valid-type]
    min_reliability: Reliability | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Only statements whose source (else speaker) is graded this or better."
    )
    as_of: dt.date | None = strawberry.field(
        default=None,
        description="What had been said by the end of this day: statements stated by then (undated ones left out), "
        "statuses derived again from them, a later retraction not counted yet.",
    )

    def to_model(self) -> NetworkFilter:
        return NetworkFilter(
            date_from=self.date_from,
            date_to=self.date_to,
            predicates=tuple(self.predicates or ()),
            statuses=tuple(self.statuses or ()),
            min_reliability=v.Reliability(self.min_reliability) if self.min_reliability else None,
            as_of=self.as_of,
        )


@strawberry.type(description="An actor's centrality in the network.")
class CentralityEntry:
    actor: strawberry.ID
    name: str
    accusations_made: int = strawberry.field(description="Statements behind the actor's ACCUSES edges.")
    accused: int = strawberry.field(description="Statements behind ACCUSES edges pointing at the actor.")
    pagerank: float = strawberry.field(description="PageRank on the weighted accusation layer.")
    betweenness: float = strawberry.field(description="Normalised betweenness on the whole network.")
    rank: int = strawberry.field(description="Rank by accusations made (1 = most; equal counts share a rank).")
    rank_low: int = strawberry.field(description="Best rank when the statements are resampled (5th percentile).")
    rank_high: int = strawberry.field(description="Worst rank when the statements are resampled (95th percentile).")


@strawberry.type
class CentralityReport:
    entries: list[CentralityEntry]
    betweenness_samples: int | None = strawberry.field(description="Sources sampled; null when exact.")
    rank_resamples: int = strawberry.field(description="Resamples behind each rank range.")
    reporters_left_out: list[strawberry.ID] = strawberry.field(
        description="Reporting voices (MEDIA) whose accusations were not counted."
    )


@strawberry.type
class CampEntry:
    actor: strawberry.ID
    name: str
    camp: str | None = strawberry.field(
        description="A or B when the evidence shows it; null when undetermined, unlinked or a reporting voice."
    )
    community: int = strawberry.field(description="Louvain community on the positive links.")
    component: int | None
    leaning: str | None = strawberry.field(description="Where the best split puts the actor, shown or not.")
    evidence: PlacementEvidenceEntry | None = strawberry.field(
        description="The signed links behind the placement and its stability; null with no signed link."
    )
    undetermined: bool = strawberry.field(description="Placed by the split on evidence too thin to show a camp.")
    reporting: bool = strawberry.field(description="A reporting voice (MEDIA), left out as a voice by default.")
    community_stability: float | None = strawberry.field(
        description="Mean Jaccard similarity of the actor's community across resampled runs (small networks)."
    )
    community_size: int = strawberry.field(description="Actors in the community (1: no positive link).")


@strawberry.type(description="A relationship that breaks the split: hostile inside a camp, cooperative across.")
class FrustratedRelation:
    source: strawberry.ID
    target: strawberry.ID
    type: str
    sign: int
    weight: int
    source_camp: str
    target_camp: str
    allegations: list[strawberry.ID] = strawberry.field(
        description="Narrative camps: the allegations the pair agrees or contradicts on."
    )


@strawberry.type
class CampsReport:
    entries: list[CampEntry]
    frustration: int
    frustration_weight: float
    frustrated: list[FrustratedRelation]
    communities: list[list[strawberry.ID]]
    exact: bool
    basis: CampBasis
    resamples: int = strawberry.field(description="Resamples of the links behind each stability.")
    min_links: int = strawberry.field(description="Links a placement needs to be shown.")
    min_stability: float = strawberry.field(description="Stability a placement needs to be shown.")
    reporters_left_out: list[strawberry.ID] = strawberry.field(
        description="Reporting voices (MEDIA) whose links were not counted."
    )


@strawberry.type
class ContestedAllegation:
    allegation: strawberry.ID
    summary: str
    predicate: str
    status: str | None
    subject: strawberry.ID
    object: strawberry.ID
    affirming: list[strawberry.ID]
    denying: list[strawberry.ID]
    sources: int
    balance: float
    reason: str = strawberry.field(description="Why it has its status: voices and origins counted and not counted.")


@strawberry.type
class Contradiction:
    actor_a: strawberry.ID
    actor_b: strawberry.ID
    name_a: str
    name_b: str
    a_denies_b: int
    b_denies_a: int
    allegations: list[strawberry.ID]
    summaries: list[str]


@strawberry.type
class EgoEntry:
    neighbour: strawberry.ID
    name: str
    distance: int
    via: strawberry.ID
    direction: str
    type: str
    sign: int
    weight: int


@strawberry.type
class ChainHop:
    source: strawberry.ID
    target: strawberry.ID
    types: list[str]


@strawberry.type
class Chain:
    rank: int
    length: int
    actors: list[strawberry.ID]
    names: list[str]
    hops: list[ChainHop]


def _graph(
    info: Info[Any, Any], network_filter: NetworkFilter, accounts: bool, version: str, every_account: bool = False
) -> nx.MultiDiGraph:
    store = info.context.store
    graph: nx.MultiDiGraph = PROJECTIONS.get_or_compute(
        ("projection", network_filter, accounts, every_account),
        version,
        lambda: project(store, network_filter, accounts=accounts, every_account=every_account),
    )
    return graph


async def _cached(info: Info[Any, Any], key: tuple[Any, ...], network: NetworkFilterInput | None, accounts: bool,
                  run: Any, *, every_account: bool = False) -> Any:  # fmt: skip
    """The report for ``key`` at the current graph version, computed off the event loop when missing."""
    network_filter = network.to_model() if network else NetworkFilter()

    def work() -> Any:
        version = info.context.store.version()
        return CACHE.get_or_compute(
            (*key, network_filter),
            version,
            lambda: run(_graph(info, network_filter, accounts, version, every_account)),
        )

    return await asyncio.to_thread(work)


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise UsageError(f"limit must be between 1 and {MAX_LIMIT}")
    return limit


@strawberry.type(description="Network reports on the actor graph, computed with networkx.")
class AnalyticsQuery:
    @strawberry.field(description="Who accuses most (with rank ranges), who is most accused, PageRank, betweenness.")
    async def centrality(
        self, info: Info[Any, Any], network: NetworkFilterInput | None = None, limit: int = 50, seed: int = 0,
        include_reporters: bool = False,
    ) -> CentralityReport:  # fmt: skip
        n = _limit(limit)
        result = await _cached(
            info, ("centrality", seed, include_reporters), network, False,
            lambda g: centrality_report(g, seed=seed, include_reporters=include_reporters),
        )  # fmt: skip
        return CentralityReport(
            entries=[CentralityEntry(**asdict(r)) for r in result.rows[:n]],
            betweenness_samples=result.betweenness_samples,
            rank_resamples=result.rank_resamples,
            reporters_left_out=[strawberry.ID(a) for a in result.reporters_left_out],
        )

    @strawberry.field(
        description="Two opposing camps by structural balance, each placement with its evidence; the frustration, "
        "communities. `by`: hostility (who is hostile to whom) or narrative (who backs which account)."
    )
    async def camps(
        self, info: Info[Any, Any], network: NetworkFilterInput | None = None, seed: int = 0,
        by: CampBasis = CampBasis.HOSTILITY, include_reporters: bool = False,
    ) -> CampsReport:  # fmt: skip
        basis = basis_of(by)
        result = await _cached(
            info, ("camps", seed, basis, include_reporters), network, basis == "narrative",
            lambda g: camps_report(g, by=basis, seed=seed, include_reporters=include_reporters),
            every_account=basis == "narrative",
        )  # fmt: skip
        return CampsReport(
            entries=[
                CampEntry(
                    actor=strawberry.ID(r.actor),
                    name=r.name,
                    camp=r.camp,
                    community=r.community,
                    component=r.component,
                    **evidence_fields(r),
                )
                for r in result.rows
            ],
            frustration=result.frustration,
            frustration_weight=result.frustration_weight,
            frustrated=[
                FrustratedRelation(
                    source=strawberry.ID(e.source),
                    target=strawberry.ID(e.target),
                    type=e.type,
                    sign=e.sign,
                    weight=round(e.weight),
                    source_camp=e.source_camp,
                    target_camp=e.target_camp,
                    allegations=[strawberry.ID(a) for a in e.allegations],
                )
                for e in result.frustrated
            ],
            communities=[[strawberry.ID(m) for m in c] for c in result.communities],
            exact=result.exact,
            basis=CampBasis(result.basis),
            resamples=result.resamples,
            min_links=result.min_links,
            min_stability=result.min_stability,
            reporters_left_out=[strawberry.ID(a) for a in result.reporters_left_out],
        )

    @strawberry.field(
        description="Camps per time window of stated_on (`window`: e.g. 30d or 2w), letters kept consistent across "
        "windows, and the actors that change camp."
    )
    async def camps_over_time(
        self, info: Info[Any, Any], window: str, network: NetworkFilterInput | None = None, seed: int = 0,
        by: CampBasis = CampBasis.HOSTILITY, include_reporters: bool = False,
    ) -> CampSeriesReport:  # fmt: skip
        network_filter = network.to_model() if network else NetworkFilter()
        return await camps_series(info, network_filter, window, by, include_reporters, seed)

    @strawberry.field(description="Who accuses most per time window of stated_on (`window`: e.g. 30d), with ranks.")
    async def centrality_over_time(
        self, info: Info[Any, Any], window: str, network: NetworkFilterInput | None = None, limit: int = 10,
        seed: int = 0, include_reporters: bool = False,
    ) -> CentralitySeriesReport:  # fmt: skip
        network_filter = network.to_model() if network else NetworkFilter()
        return await centrality_series(info, network_filter, window, include_reporters, _limit(limit), seed)

    @strawberry.field(description="Allegations ranked by how contested they are.")
    async def contested(
        self, info: Info[Any, Any], network: NetworkFilterInput | None = None, limit: int = 50
    ) -> list[ContestedAllegation]:
        n = _limit(limit)
        rows = await _cached(info, ("contested",), network, True, contested_report)
        shown = rows[:n]
        as_of = network.as_of if network else None
        reasons = await asyncio.to_thread(status_reasons, info.context.store, [r.allegation for r in shown], as_of)
        return [
            ContestedAllegation(
                **{**asdict(r), "reason": reasons[r.allegation].summary if r.allegation in reasons else ""}
            )
            for r in shown
        ]

    @strawberry.field(description="Pairs of actors who contradict each other, with the allegations involved.")
    async def contradictions(
        self, info: Info[Any, Any], network: NetworkFilterInput | None = None, limit: int = 50
    ) -> list[Contradiction]:
        n = _limit(limit)
        rows = await _cached(info, ("contradictions",), network, True, contradictions_report)
        return [Contradiction(**asdict(r)) for r in rows[:n]]

    @strawberry.field(description="An actor's relationships, `radius` hops out (actor by id or name).")
    async def ego(
        self, info: Info[Any, Any], actor: str, radius: int = 1, network: NetworkFilterInput | None = None
    ) -> list[EgoEntry]:
        if not 1 <= radius <= 3:
            raise UsageError("radius must be between 1 and 3")
        rows = await _cached(
            info, ("ego", actor, radius), network, False, lambda g: ego_report(g, actor, radius=radius)
        )
        return [EgoEntry(**asdict(r)) for r in rows]

    @strawberry.field(description="The shortest chains of relationships between two actors (ids or names).")
    async def path(
        self, info: Info[Any, Any], source: str, target: str, limit: int = 10, network: NetworkFilterInput | None = None
    ) -> list[Chain]:
        n = _limit(limit)
        rows = await _cached(
            info, ("path", source, target, n), network, False, lambda g: path_report(g, source, target, limit=n)
        )
        return [
            Chain(
                rank=r.rank,
                length=r.length,
                actors=[strawberry.ID(a) for a in r.actors],
                names=r.names,
                hops=[
                    ChainHop(source=strawberry.ID(h.source), target=strawberry.ID(h.target), types=h.types)
                    for h in r.hops
                ],
            )
            for r in rows
        ]


__all__ = ["CACHE", "AnalyticsQuery", "NetworkFilterInput"]
