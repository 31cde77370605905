"""Root query fields a frontend needs beyond the core API: the whole actor network, and nodes by ids.

``network`` draws the derived actor network with the same projection (and the same cache) as the
analytics reports, so its date, predicate and status filters mean what they mean there: the network
those statements alone would give. ``nodes`` fetches many nodes in one batch (the Relay convention),
e.g. the names behind the ids a report returns.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from typing import TYPE_CHECKING, Annotated, Any

import networkx as nx
import strawberry

from actorgraph.analytics.projection import project
from actorgraph.api.analytics import PROJECTIONS, NetworkFilterInput
from actorgraph.api.enums import Direction, RelationType
from actorgraph.api.errors import BAD_USER_INPUT, CodedError
from actorgraph.api.types import Ctx, Node, build
from actorgraph.model.network import NetworkFilter

if TYPE_CHECKING:
    from actorgraph.api.schema import GraphView

# The schema module imports this one inside build_schema, so its types are referenced lazily.
LazyGraphView = Annotated["GraphView", strawberry.lazy("actorgraph.api.schema")]


def network_view(graph: nx.MultiDiGraph, types: set[str] | None) -> GraphView:
    """Nodes and edges of a projected network, edges limited to ``types``; actors with no edge left are dropped
    when a type filter is given (they would float unconnected)."""
    from actorgraph.api.schema import GraphEdge, GraphNode, GraphView

    edges = [
        GraphEdge(
            source=strawberry.ID(a),
            target=strawberry.ID(b),
            type=RelationType(data["type"]),
            direction=Direction.OUT,
            count=int(data.get("weight") or 0),
            statement_ids=[strawberry.ID(s) for s in data.get("statements") or []],
        )
        for a, b, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["type"]))
        if types is None or data["type"] in types
    ]
    linked = {str(e.source) for e in edges} | {str(e.target) for e in edges}
    nodes = [
        GraphNode(id=strawberry.ID(n), label="Actor", name=data.get("name") or n, kind=data.get("kind"))
        for n, data in sorted(graph.nodes(data=True))
        if types is None or n in linked
    ]
    return GraphView(nodes=nodes, edges=edges)


def as_of_network(ctx: Any, day: dt.date) -> nx.MultiDiGraph:
    """The actor network as of the end of ``day`` (re-derived from the statements stated by then), from the
    cache the analytics reports share. Blocking: call it off the event loop."""
    filters = NetworkFilter(as_of=day)
    version = ctx.store.version()
    graph: nx.MultiDiGraph = PROJECTIONS.get_or_compute(
        ("projection", filters, False), version, lambda: project(ctx.store, filters, accounts=False)
    )
    return graph


def _edge(graph: nx.MultiDiGraph, u: str, v: str, key: str) -> dict[str, Any]:
    data = graph[u][v][key]
    return {"source": u, "target": v, "type": data["type"], "count": data.get("weight"),
            "statements": data.get("statements") or []}  # fmt: skip


def neighborhood_edges(graph: nx.MultiDiGraph, start: str, depth: int, types: list[str]) -> list[dict[str, Any]]:
    """The edges of ``types`` within ``depth`` hops of ``start`` (either direction), as ``expand_frontier`` rows
    with their direction seen from the hop they were reached by."""
    wanted = set(types)
    seen, frontier = {start}, [start]
    out: list[dict[str, Any]] = []
    for _ in range(depth):
        reached: set[str] = set()
        for node in frontier:
            if node not in graph:
                continue
            for u, v, key in [*graph.out_edges(node, keys=True), *graph.in_edges(node, keys=True)]:
                if key not in wanted:
                    continue
                e = _edge(graph, u, v, key)
                e["direction"] = "OUT" if u == node else "IN"
                out.append(e)
                reached.add(v if u == node else u)
        frontier = sorted(reached - seen)
        seen |= reached
        if not frontier:
            break
    return out


def path_edges(
    graph: nx.MultiDiGraph, source: str, target: str, max_length: int, types: list[str], limit: int
) -> list[dict[str, Any]]:
    """The edges of up to ``limit`` shortest paths of ``types`` (either direction) no longer than ``max_length``."""
    wanted = set(types)
    view = nx.Graph()
    view.add_nodes_from(graph.nodes)
    view.add_edges_from((u, v) for u, v, key in graph.edges(keys=True) if key in wanted)
    if source not in view or target not in view:
        return []
    try:
        found = list(itertools.islice(nx.all_shortest_paths(view, source, target), limit))
    except nx.NetworkXNoPath:
        return []
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    for nodes in found:
        if len(nodes) - 1 > max_length:
            continue
        for a, b in itertools.pairwise(nodes):
            for u, v in ((a, b), (b, a)):
                for key in graph[u][v] if graph.has_edge(u, v) else ():
                    if key in wanted:
                        out.setdefault((u, key, v), _edge(graph, u, v, key))
    return list(out.values())


@strawberry.type
class NetworkQuery:
    @strawberry.field(
        description="The derived actor network to draw: every actor and the relationships between them, built "
        "from the statements `network` selects (all when null), edges of `relationTypes` only (all when null; when "
        "given, actors left without an edge are dropped). Edge `count` is the number of statements behind it."
    )
    async def network(
        self,
        info: Ctx,
        network: NetworkFilterInput | None = None,
        relation_types: list[RelationType] | None = None,  # type: ignore[valid-type]
    ) -> LazyGraphView:
        filters = network.to_model() if network else NetworkFilter()
        ctx = info.context

        def work() -> nx.MultiDiGraph:
            version = ctx.store.version()
            # With its statements (each edge's evidence, for click-through), under the key the analytics reports
            # use: the contested and contradictions reports share this cached graph.
            graph: nx.MultiDiGraph = PROJECTIONS.get_or_compute(
                ("projection", filters, True), version, lambda: project(ctx.store, filters, accounts=True)
            )
            return graph

        graph = await asyncio.to_thread(work)
        return network_view(graph, {t.value for t in relation_types} if relation_types else None)

    @strawberry.field(description="Nodes by id, in the order asked; null where there is none.")
    async def nodes(self, info: Ctx, ids: list[strawberry.ID]) -> list[Node | None]:
        maximum = info.context.settings.api_max_page_size
        if len(ids) > maximum:
            raise CodedError(f"ids: at most {maximum} at once (ACTORGRAPH_API_MAX_PAGE_SIZE)", BAD_USER_INPUT)
        found: list[Any] = await info.context.loaders.node.load_many([(None, str(i)) for i in ids])
        return [build(*row) if row else None for row in found]
