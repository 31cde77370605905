"""Root query fields a frontend needs beyond the core API: the whole actor network, and nodes by ids.

``network`` draws the derived actor network with the same projection (and the same cache) as the
analytics reports, so its date, predicate and status filters mean what they mean there: the network
those statements alone would give. ``nodes`` fetches many nodes in one batch (the Relay convention),
e.g. the names behind the ids a report returns.
"""

from __future__ import annotations

import asyncio
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
