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
from actorgraph.api.enums import AllegationStatus, Predicate
from actorgraph.errors import UsageError
from actorgraph.model.network import NetworkFilter

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

    def to_model(self) -> NetworkFilter:
        return NetworkFilter(
            date_from=self.date_from,
            date_to=self.date_to,
            predicates=tuple(self.predicates or ()),
            statuses=tuple(self.statuses or ()),
        )


@strawberry.type(description="An actor's centrality in the network.")
class CentralityEntry:
    actor: strawberry.ID
    name: str
    accusations_made: int = strawberry.field(description="Statements behind the actor's ACCUSES edges.")
    accused: int = strawberry.field(description="Statements behind ACCUSES edges pointing at the actor.")
    pagerank: float = strawberry.field(description="PageRank on the weighted accusation layer.")
    betweenness: float = strawberry.field(description="Normalised betweenness on the whole network.")


@strawberry.type
class CentralityReport:
    entries: list[CentralityEntry]
    betweenness_samples: int | None = strawberry.field(description="Sources sampled; null when exact.")


@strawberry.type
class CampEntry:
    actor: strawberry.ID
    name: str
    camp: str | None = strawberry.field(description="A or B; null with no hostile or cooperative link.")
    community: int = strawberry.field(description="Louvain community on the cooperative layer.")
    component: int | None


@strawberry.type(description="A relationship that breaks the split: hostile inside a camp, cooperative across.")
class FrustratedRelation:
    source: strawberry.ID
    target: strawberry.ID
    type: str
    sign: int
    weight: int
    source_camp: str
    target_camp: str


@strawberry.type
class CampsReport:
    entries: list[CampEntry]
    frustration: int
    frustration_weight: float
    frustrated: list[FrustratedRelation]
    communities: list[list[strawberry.ID]]
    exact: bool


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


def _graph(info: Info[Any, Any], network_filter: NetworkFilter, accounts: bool, version: str) -> nx.MultiDiGraph:
    store = info.context.store
    graph: nx.MultiDiGraph = PROJECTIONS.get_or_compute(
        ("projection", network_filter, accounts),
        version,
        lambda: project(store, network_filter, accounts=accounts),
    )
    return graph


async def _cached(info: Info[Any, Any], key: tuple[Any, ...], network: NetworkFilterInput | None, accounts: bool,
                  run: Any) -> Any:  # fmt: skip
    """The report for ``key`` at the current graph version, computed off the event loop when missing."""
    network_filter = network.to_model() if network else NetworkFilter()

    def work() -> Any:
        version = info.context.store.version()
        return CACHE.get_or_compute(
            (*key, network_filter), version, lambda: run(_graph(info, network_filter, accounts, version))
        )

    return await asyncio.to_thread(work)


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise UsageError(f"limit must be between 1 and {MAX_LIMIT}")
    return limit


@strawberry.type(description="Network reports on the actor graph, computed with networkx.")
class AnalyticsQuery:
    @strawberry.field(description="Who accuses most, who is most accused, PageRank and betweenness.")
    async def centrality(
        self, info: Info[Any, Any], network: NetworkFilterInput | None = None, limit: int = 50, seed: int = 0
    ) -> CentralityReport:
        n = _limit(limit)
        result = await _cached(info, ("centrality", seed), network, False, lambda g: centrality_report(g, seed=seed))
        return CentralityReport(
            entries=[CentralityEntry(**asdict(r)) for r in result.rows[:n]],
            betweenness_samples=result.betweenness_samples,
        )

    @strawberry.field(description="Two opposing camps by structural balance, the frustration, Louvain communities.")
    async def camps(
        self, info: Info[Any, Any], network: NetworkFilterInput | None = None, seed: int = 0
    ) -> CampsReport:
        result = await _cached(info, ("camps", seed), network, False, lambda g: camps_report(g, seed=seed))
        return CampsReport(
            entries=[CampEntry(**asdict(r)) for r in result.rows],
            frustration=result.frustration,
            frustration_weight=result.frustration_weight,
            frustrated=[FrustratedRelation(**asdict(e)) for e in result.frustrated],
            communities=[[strawberry.ID(m) for m in c] for c in result.communities],
            exact=result.exact,
        )

    @strawberry.field(description="Allegations ranked by how contested they are.")
    async def contested(
        self, info: Info[Any, Any], network: NetworkFilterInput | None = None, limit: int = 50
    ) -> list[ContestedAllegation]:
        n = _limit(limit)
        rows = await _cached(info, ("contested",), network, True, contested_report)
        return [ContestedAllegation(**asdict(r)) for r in rows[:n]]

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
