"""The GraphQL schema: queries, graph views, mutations, and the limits switched on in one place."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import strawberry
from strawberry.extensions.base_extension import SchemaExtension
from strawberry.tools import merge_types

from actorgraph import model
from actorgraph.api import live, roots
from actorgraph.api.analytics import AnalyticsQuery
from actorgraph.api.auth import require_editor, require_reader
from actorgraph.api.connections import Connection
from actorgraph.api.enums import (
    ActorKind,
    AllegationStatus,
    Direction,
    EventKind,
    Predicate,
    RelationType,
    Reliability,
    SourceKind,
    Stance,
    Verdict,
)
from actorgraph.api.errors import BAD_USER_INPUT, NOT_FOUND, CodedError
from actorgraph.api.exports import Exports
from actorgraph.api.limits import limit_extensions
from actorgraph.api.network import as_of_network, neighborhood_edges, path_edges
from actorgraph.api.types import (
    Actor,
    Allegation,
    Ctx,
    Event,
    Node,
    Source,
    Statement,
    load_node,
)
from actorgraph.settings import Settings
from actorgraph.store import history as store_history
from actorgraph.store import mutations
from actorgraph.store.core import Tx
from actorgraph.store.derived import status_reasons
from actorgraph.store.unmerge import unmerge_actors

R = TypeVar("R")
MAX_GRAPH_DEPTH = 4
MAX_PATH_LENGTH = 8


class ReadAccess(SchemaExtension):
    """Closed deployments (ACTORGRAPH_API_OPEN_QUERIES=false) refuse anonymous queries."""

    def on_execute(self):  # type: ignore[no-untyped-def]
        ctx = self.execution_context.context
        op = self.execution_context.operation_type
        if op is not None:
            ctx.operation_type = op.value
        if op is not None and op.value == "query":
            require_reader(ctx.principal, ctx.settings)
        yield


# --- graph views ---------------------------------------------------------------------------------


@strawberry.type(description="A node of a drawn graph.")
class GraphNode:
    id: strawberry.ID
    label: str
    name: str
    kind: str | None


@strawberry.type(description="An edge of a drawn graph: a derived relationship with its evidence.")
class GraphEdge:
    source: strawberry.ID
    target: strawberry.ID
    type: RelationType  # type: ignore[valid-type]
    direction: Direction = strawberry.field(
        description="OUT if the edge points away from the view's start (the centre, or `fromId`), else IN."
    )
    count: int
    statement_ids: list[strawberry.ID]


@strawberry.type(description="Nodes and edges for a frontend to draw.")
class GraphView:
    nodes: list[GraphNode]
    edges: list[GraphEdge]


def _orient(edges: list[dict[str, Any]], start: str) -> None:
    """Mark each path edge OUT if it points away from ``start`` (by hops along the paths), else IN."""
    hops = {start: 0}
    frontier = [start]
    while frontier:
        nxt = []
        for node in frontier:
            for e in edges:
                for a, b in ((e["source"], e["target"]), (e["target"], e["source"])):
                    if a == node and b not in hops:
                        hops[b] = hops[node] + 1
                        nxt.append(b)
        frontier = nxt
    for e in edges:
        e["direction"] = "OUT" if hops.get(e["source"], 0) <= hops.get(e["target"], 0) else "IN"


def _types(types: list[Any] | None) -> list[str]:
    return sorted(t.value for t in types) if types else [t.value for t in model.RelationType]


async def _graph_view(info: Ctx, edges: list[dict[str, Any]], extra_ids: list[str]) -> GraphView:
    unique: dict[tuple[str, str, str], dict[str, Any]] = {}
    for e in edges:
        unique.setdefault((e["source"], e["type"], e["target"]), e)  # the hop nearest the start wins
    ids = list(
        dict.fromkeys([*extra_ids, *(e["source"] for e in unique.values()), *(e["target"] for e in unique.values())])
    )
    found = await info.context.loaders.node.load_many([(None, i) for i in ids])
    nodes = [
        GraphNode(id=strawberry.ID(i), label=row[0], name=row[1].get("name", i), kind=row[1].get("kind"))
        for i, row in zip(ids, found, strict=True)
        if row is not None
    ]
    return GraphView(
        nodes=nodes,
        edges=[
            GraphEdge(
                source=strawberry.ID(e["source"]),
                target=strawberry.ID(e["target"]),
                type=RelationType(e["type"]),
                direction=Direction(e["direction"]),
                count=int(e["count"] or 0),
                statement_ids=[strawberry.ID(s) for s in e["statements"] or []],
            )
            for e in unique.values()
        ],
    )


@strawberry.type(description="An audit record: one load or mutation, who made it, when, what and why.")
class Change:
    id: strawberry.ID
    at: dt.datetime
    who: str = strawberry.field(description="The API key's name, the token's `sub`, or the CLI user.")
    action: str = strawberry.field(description="load, bulk-load, merge, unmerge, set-verdict, mark-distinct...")
    reason: str | None = strawberry.field(description="Why (required for merges, verdicts and marks).")
    summary: str
    touched: int = strawberry.field(description="How many ids the change touched.")


MAX_HISTORY = 100

# --- queries -------------------------------------------------------------------------------------

#: The ``asOf`` argument of the network views (one description, one type).
AsOf = Annotated[
    dt.date | None,
    strawberry.argument(
        description="The actor network as of the end of this day: re-derived from the statements stated by then "
        "(undated ones left out, a later retraction not counted yet); events are left out, as in analytics."
    ),
]


@strawberry.type
class Query:
    @strawberry.field(description="Any actor, event, allegation, statement or source by id.")
    async def node(self, info: Ctx, id: strawberry.ID) -> Node | None:
        return await roots.by_id(info.context, _selections(info), str(id), None)  # type: ignore[no-any-return]

    @strawberry.field
    async def actor(self, info: Ctx, id: strawberry.ID) -> Actor | None:
        return await roots.by_id(info.context, _selections(info), str(id), "Actor")  # type: ignore[no-any-return]

    @strawberry.field(
        description="An allegation by id; `asOf` reads it as of the end of that day: its status, statusReason, "
        "statements and timeline from the statements stated by then (undated ones left out), retractions included."
    )
    async def allegation(self, info: Ctx, id: strawberry.ID, as_of: dt.date | None = None) -> Allegation | None:
        if as_of is None:
            return await roots.by_id(info.context, _selections(info), str(id), "Allegation")  # type: ignore[no-any-return]
        node = await load_node(info, str(id), "Allegation")
        if not isinstance(node, Allegation):
            return None
        reason = (await asyncio.to_thread(status_reasons, info.context.store, [str(id)], as_of)).get(str(id))
        node.as_of, node.as_of_reason = as_of, reason
        node.status = reason.status if reason is not None else None
        return node

    @strawberry.field
    async def actors(
        self,
        info: Ctx,
        kind: ActorKind | None = None,  # type: ignore[valid-type]
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Actor]:
        return await roots.by_kind(
            info.context, _selections(info), "actors", kind=kind.value if kind else None,
            first=first, after=after, last=last, before=before,
        )  # fmt: skip

    @strawberry.field(description="Allegations, filtered; `contestedOnly` keeps those affirmed and denied.")
    async def allegations(
        self,
        info: Ctx,
        predicate: Predicate | None = None,  # type: ignore[valid-type]
        status: AllegationStatus | None = None,  # type: ignore[valid-type]
        subject: strawberry.ID | None = None,
        object: strawberry.ID | None = None,
        speaker: strawberry.ID | None = None,
        contested_only: bool = False,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Allegation]:
        return await roots.allegations(
            info.context, _selections(info), predicate=predicate.value if predicate else None,
            status=status.value if status else None, subject=subject, object=object, speaker=speaker,
            contested_only=contested_only, first=first, after=after, last=last, before=before,
        )  # fmt: skip

    @strawberry.field(description="Statements, filtered by stance, speaker and date range (inclusive).")
    async def statements(
        self,
        info: Ctx,
        stance: Stance | None = None,  # type: ignore[valid-type]
        speaker: strawberry.ID | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Statement]:
        return await roots.statements(
            info.context, _selections(info), stance=stance.value if stance else None, speaker=speaker,
            date_from=date_from, date_to=date_to, first=first, after=after, last=last, before=before,
        )  # fmt: skip

    @strawberry.field
    async def sources(
        self,
        info: Ctx,
        kind: SourceKind | None = None,  # type: ignore[valid-type]
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Source]:
        return await roots.by_kind(
            info.context, _selections(info), "sources", kind=kind.value if kind else None,
            first=first, after=after, last=last, before=before,
        )  # fmt: skip

    @strawberry.field
    async def events(
        self,
        info: Ctx,
        kind: EventKind | None = None,  # type: ignore[valid-type]
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Event]:
        return await roots.by_kind(
            info.context, _selections(info), "events", kind=kind.value if kind else None,
            first=first, after=after, last=last, before=before,
        )  # fmt: skip

    @strawberry.field(
        description="Who changed this id, when, how and why, newest first: `first` records older than the "
        "change `before` (ids merged away keep their history)."
    )
    async def history(
        self, info: Ctx, id: strawberry.ID, first: int = 20, before: strawberry.ID | None = None
    ) -> list[Change]:
        if not 1 <= first <= MAX_HISTORY:
            raise CodedError(f"first must be between 1 and {MAX_HISTORY}", BAD_USER_INPUT)
        rows = await asyncio.to_thread(
            info.context.store.read, store_history.history, str(id), first, str(before) if before else None
        )
        return [Change(id=strawberry.ID(r.id), at=r.at, who=r.who, action=r.action, reason=r.reason,
                       summary=r.summary, touched=r.touched) for r in rows]  # fmt: skip

    @strawberry.field(description="Full-text search over actor names and aliases, event names and quotes.")
    async def search(self, info: Ctx, text: str, limit: int = 20) -> list[roots.SearchHit]:
        return await roots.search(info.context, _selections(info), text, limit)

    @strawberry.field(description="An actor's neighborhood over derived relationships, `depth` hops out.")
    async def neighborhood(
        self,
        info: Ctx,
        actor_id: strawberry.ID,
        depth: int = 1,
        relation_types: list[RelationType] | None = None,  # type: ignore[valid-type]
        as_of: AsOf = None,
    ) -> GraphView:
        if not 1 <= depth <= MAX_GRAPH_DEPTH:
            raise CodedError(f"depth must be between 1 and {MAX_GRAPH_DEPTH}", BAD_USER_INPUT)
        if await load_node(info, actor_id, "Actor") is None:
            raise CodedError(f"actorId: no actor {actor_id!r}", NOT_FOUND)
        types = _types(relation_types)
        if as_of is not None:
            graph = await asyncio.to_thread(as_of_network, info.context, as_of)
            return await _graph_view(info, neighborhood_edges(graph, str(actor_id), depth, types), [str(actor_id)])
        seen = {str(actor_id)}
        frontier = [str(actor_id)]
        edges: list[dict[str, Any]] = []
        for _ in range(depth):
            hop = await asyncio.to_thread(info.context.reader.expand, frontier, types)
            for e in hop:  # `other` is the far end, so an edge whose source it is points inwards
                e["direction"] = "IN" if e["source"] == e["other"] != e["target"] else "OUT"
            edges += hop
            frontier = sorted({e["other"] for e in hop} - seen)
            seen |= set(frontier)
            if not frontier:
                break
        return await _graph_view(info, edges, [str(actor_id)])

    @strawberry.field(description="The shortest paths of derived relationships between two actors.")
    async def paths(
        self,
        info: Ctx,
        from_id: strawberry.ID,
        to_id: strawberry.ID,
        max_length: int = 4,
        relation_types: list[RelationType] | None = None,  # type: ignore[valid-type]
        as_of: AsOf = None,
    ) -> GraphView:
        if not 1 <= max_length <= MAX_PATH_LENGTH:
            raise CodedError(f"maxLength must be between 1 and {MAX_PATH_LENGTH}", BAD_USER_INPUT)
        if as_of is not None:
            graph = await asyncio.to_thread(as_of_network, info.context, as_of)
            edges = path_edges(graph, str(from_id), str(to_id), max_length, _types(relation_types), 25)
        else:
            edges = await asyncio.to_thread(
                info.context.reader.shortest_paths, str(from_id), str(to_id), max_length, _types(relation_types), 25
            )
        _orient(edges, str(from_id))
        return await _graph_view(info, edges, [])

    @strawberry.field(
        description="Network reports (networkx): centrality, camps, contested, contradictions, ego, path."
    )
    def analytics(self) -> AnalyticsQuery:
        return AnalyticsQuery()

    @strawberry.field(description="One allegation or actor as STIX 2.1, W3C PROV or ClaimReview, for download.")
    def exports(self) -> Exports:
        return Exports()


# --- mutations -----------------------------------------------------------------------------------


@strawberry.input
class ActorInput:
    id: strawberry.ID
    name: str
    kind: ActorKind  # type: ignore[valid-type]
    aliases: list[str] = strawberry.field(default_factory=list)
    description: str | None = None
    wikidata: str | None = None
    country: str | None = None


@strawberry.input
class SourceInput:
    """An existing source by `id` alone, or a new one with its full `text`."""

    id: strawberry.ID
    kind: SourceKind | None = None  # type: ignore[valid-type]
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published_on: dt.date | None = None
    text: str | None = None
    reliability: Reliability | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="A new source's reliability on the Admiralty scale (A-E, F cannot be judged)."
    )
    derived_from: strawberry.ID | None = strawberry.field(
        default=None,
        description="A new source's origin: the id of the source it repeats (PROV wasDerivedFrom); it must exist.",
    )


@strawberry.input
class StatementInput:
    speaker: strawberry.ID
    subject: strawberry.ID
    predicate: Predicate  # type: ignore[valid-type]
    object: strawberry.ID
    summary: str
    stance: Stance  # type: ignore[valid-type]
    quote: str
    source: SourceInput
    start: int | None = None
    end: int | None = None
    stated_on: dt.date | None = None
    medium: str | None = None
    on_behalf_of: strawberry.ID | None = None
    confidence: float | None = None
    note: str | None = None
    credibility: int | None = strawberry.field(
        default=None,
        description="Information credibility on the Admiralty scale: 1 confirmed ... 5 improbable, 6 cannot be judged.",
    )
    quoted_from: strawberry.ID | None = strawberry.field(
        default=None,
        description="The existing source this statement was quoted from when its own source is secondary "
        "(PROV wasQuotedFrom): its origin is that source's, for corroboration.",
    )


def _who(info: Ctx) -> str:
    """Whom the audit record names: the API key's name or the token's subject."""
    return info.context.principal.name


async def _write(info: Ctx, work: Callable[[Tx], R]) -> R:
    """Run one mutation as one write transaction of the request's store, after checking the caller may edit."""
    require_editor(info.context.principal)
    return await asyncio.to_thread(info.context.store.write, work)


async def _reload(info: Ctx, node_id: str) -> Any:
    info.context.loaders.node.clear_all()  # the mutation may have changed anything cached
    node = await load_node(info, node_id)
    await live.announce(info, node)  # subscribers hear of the committed write
    return node


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create an actor (error if the id exists).")
    async def create_actor(self, info: Ctx, input: ActorInput) -> Actor:
        actor = model.Actor(**_fields(input))
        await _write(info, lambda tx: mutations.create_actor(tx, actor, who=_who(info)))
        result: Actor = await _reload(info, actor.id)
        return result

    @strawberry.mutation(description="Replace an actor's name, kind and descriptions; aliases are added.")
    async def update_actor(self, info: Ctx, input: ActorInput) -> Actor:
        actor = model.Actor(**_fields(input))
        await _write(info, lambda tx: mutations.update_actor(tx, actor, who=_who(info)))
        result: Actor = await _reload(info, actor.id)
        return result

    @strawberry.mutation(description="Add a name an actor is known by.")
    async def add_alias(self, info: Ctx, actor_id: strawberry.ID, alias: str) -> Actor:
        await _write(info, lambda tx: mutations.add_alias(tx, str(actor_id), alias, who=_who(info)))
        result: Actor = await _reload(info, str(actor_id))
        return result

    @strawberry.mutation(
        description="Merge `mergeId` into `keepId` (the same actor): statements move, nothing is lost; "
        "`reason` says why (kept in the history). Undo with `unmergeActors`."
    )
    async def merge_actors(self, info: Ctx, keep_id: strawberry.ID, merge_id: strawberry.ID, reason: str) -> Actor:
        await _write(info, lambda tx: mutations.merge_actors(tx, str(keep_id), str(merge_id), reason, who=_who(info)))
        result: Actor = await _reload(info, str(keep_id))
        return result

    @strawberry.mutation(
        description="Undo a merge exactly (the absorbed actor, its statements, names and allegations come back): "
        "give the merge's `changeId` (see `history`) or the `mergedId` of the absorbed actor (its newest merge)."
    )
    async def unmerge_actors(
        self,
        info: Ctx,
        reason: str,
        change_id: strawberry.ID | None = None,
        merged_id: strawberry.ID | None = None,
    ) -> Actor:
        restored = await _write(
            info,
            lambda tx: unmerge_actors(
                tx, reason, change_id=str(change_id) if change_id else None,
                merged_id=str(merged_id) if merged_id else None, who=_who(info),
            ),
        )  # fmt: skip
        result: Actor = await _reload(info, restored)
        return result

    @strawberry.mutation(
        description="Record that two actors are not the same: `mergeActors` refuses them and no load gives one "
        "the other's names. Undo with `unmarkDistinct`."
    )
    async def mark_distinct(self, info: Ctx, actor_id: strawberry.ID, other_id: strawberry.ID, reason: str) -> Actor:
        await _write(info, lambda tx: mutations.mark_distinct(tx, str(actor_id), str(other_id), reason, who=_who(info)))
        result: Actor = await _reload(info, str(actor_id))
        return result

    @strawberry.mutation(description="Take back a `markDistinct` (the history keeps both decisions).")
    async def unmark_distinct(self, info: Ctx, actor_id: strawberry.ID, other_id: strawberry.ID, reason: str) -> Actor:
        await _write(
            info, lambda tx: mutations.unmark_distinct(tx, str(actor_id), str(other_id), reason, who=_who(info))
        )
        result: Actor = await _reload(info, str(actor_id))
        return result

    @strawberry.mutation(description="Record a statement with its quote and source; creates the allegation if new.")
    async def record_statement(self, info: Ctx, input: StatementInput) -> Statement:
        src = input.source
        new_source = None
        if src.text is not None or src.title is not None or src.kind is not None:
            new_source = model.Source(
                id=str(src.id), kind=src.kind or model.SourceKind.OTHER, title=src.title or "", url=src.url,
                publisher=src.publisher, published_on=src.published_on, text=src.text, reliability=src.reliability,
                derived_from=str(src.derived_from) if src.derived_from is not None else None,
            )  # fmt: skip
        else:
            _only_for_a_new_source(src)
        allegation = model.Allegation(
            id="new", subject=str(input.subject), predicate=input.predicate, object=str(input.object),
            summary=input.summary,
        )  # fmt: skip
        statement = model.Statement(
            speaker=str(input.speaker), allegation="new", stance=input.stance, quote=input.quote, start=input.start,
            end=input.end, stated_on=input.stated_on, medium=input.medium,
            on_behalf_of=str(input.on_behalf_of) if input.on_behalf_of else None,
            confidence=input.confidence, note=input.note, credibility=input.credibility,
            quoted_from=str(input.quoted_from) if input.quoted_from is not None else None,
        )  # fmt: skip
        who = _who(info)
        stmt_id = await _write(
            info, lambda tx: mutations.record_statement(tx, allegation, statement, str(src.id), new_source, who=who)
        )
        result: Statement = await _reload(info, stmt_id)
        return result

    @strawberry.mutation(description="Set an analyst's verdict on an allegation, with the rationale (and a source).")
    async def set_verdict(
        self,
        info: Ctx,
        allegation_id: strawberry.ID,
        verdict: Verdict,  # type: ignore[valid-type]
        rationale: str,
        source: str | None = None,
    ) -> Allegation:
        await _write(
            info,
            lambda tx: mutations.set_verdict(tx, str(allegation_id), verdict, rationale, source, who=_who(info)),
        )
        result: Allegation = await _reload(info, str(allegation_id))
        return result


def _only_for_a_new_source(src: SourceInput) -> None:
    """An existing source named by id keeps the grade and chain its own record gives it: refuse to set them
    here rather than ignore them."""
    for name, value in (("reliability", src.reliability), ("derivedFrom", src.derived_from)):
        if value is not None:
            raise CodedError(f"source.{name}: applies to a new source (with its text); source {str(src.id)!r} "
                             f"is named by id alone: remove {name}", BAD_USER_INPUT)  # fmt: skip


def _selections(info: Ctx) -> Any:
    return info.selected_fields[0].selections


def _fields(value: Any) -> dict[str, Any]:
    return {k: (str(v) if k == "id" else v) for k, v in vars(value).items()}


def build_schema(settings: Settings) -> strawberry.Schema:
    """The schema with its limits, all taken from settings."""
    from actorgraph.api.network import NetworkQuery  # imports this module's graph view types

    return strawberry.Schema(
        query=merge_types("Query", (Query, NetworkQuery)),
        mutation=Mutation,
        subscription=live.Subscription,
        extensions=[*limit_extensions(settings), ReadAccess],
    )
