"""GraphQL object types. Each is built from a store row; links resolve through DataLoaders."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from actorgraph.api.enums import (
    ActorKind,
    AllegationStatus,
    Direction,
    EventKind,
    Polarity,
    Predicate,
    RelationType,
    Reliability,
    SourceKind,
    Stance,
    Verdict,
)
from actorgraph.api.errors import BAD_USER_INPUT, CodedError
from actorgraph.api.lookahead import Keys, reliability_grades
from actorgraph.model import vocabulary as v
from actorgraph.store.derived import status_reasons, timelines
from actorgraph.store.reads import AllegationsKey, Row, StatementsKey
from actorgraph.store.tree import TreeNode

#: The ``minReliability`` argument of every list of statements (one description, one type).
MinReliability = Annotated[
    Reliability | None,  # type: ignore[valid-type]
    strawberry.argument(description="Only statements whose source (else speaker) is graded this or better."),
]

#: Every derived relationship type, as the store names it.
ALL_RELATION_TYPES = frozenset(t.value for t in v.RelationType)

Ctx = Info[Any, None]


def page_limit(maximum: int, limit: int) -> int:
    """Nested lists are bounded by the same maximum as connection pages (ACTORGRAPH_API_MAX_PAGE_SIZE)."""
    if limit < 0 or limit > maximum:
        raise CodedError(f"limit must be between 0 and {maximum} (ACTORGRAPH_API_MAX_PAGE_SIZE)", BAD_USER_INPUT)
    return limit


AnyNode = "Actor | Event | Allegation | Statement | Source"


@dataclass(frozen=True)
class Prefetch:
    """What a look-ahead read fetched below one object: linked nodes and lists, by response key."""

    node: TreeNode
    keys: Keys

    def link(self, label: str, key: str) -> tuple[bool, TreeNode | None]:
        """(fetched?, the linked node or None when there is none) for the field at response ``key``."""
        link_key = self.keys.links.get((label, key))
        if link_key is None:
            return False, None
        return True, self.node.links.get(link_key)

    def statements(self, label: str, key: str) -> list[Statement] | None:
        """The statements fetched for the list field at response ``key``, or None if it was not fetched."""
        index = self.keys.lists.get((label, key))
        if index is None:
            return None
        child_keys = self.keys.children.get(index, Keys())
        return [Statement.from_tree(n, child_keys) for n in self.node.lists.get(index, [])]


def build(label: str, row: Row, pre: Prefetch | None = None, *, complete: bool = True) -> Any:
    """The GraphQL object of a store row with its label (``complete``: the row has every property and link id)."""
    factories: dict[str, Any] = {
        "Actor": Actor.from_row,
        "Event": Event.from_row,
        "Allegation": Allegation.from_row,
        "Statement": Statement.from_row,
        "Source": Source.from_row,
    }
    obj = factories[label](row)
    obj.pre = pre
    obj.complete = complete
    return obj


def from_tree(node: TreeNode, keys: Keys | None = None) -> Any:
    """The GraphQL object of a look-ahead node: only its selected fields are set, the rest is fetched below."""
    return build(node.label, node.row, Prefetch(node, keys or Keys()), complete=False)


async def load_node(
    info: Ctx, node_id: str | None, label: str | None = None
) -> Actor | Event | Allegation | Statement | Source | None:
    """A node by id through the request's loader; ``label`` when known makes it one index seek."""
    if node_id is None:
        return None
    found = await info.context.loaders.node.load((label, node_id))
    return build(*found) if found else None  # type: ignore[no-any-return]


async def linked(info: Ctx, obj: Any, own_label: str, id_attr: str, label: str | None) -> Any:
    """A to-one neighbour: from the look-ahead read when it fetched it, else through the loaders.

    An object built from a look-ahead read knows only its selected properties, so when its link was not
    fetched (a level deeper than the read covers) its full row is loaded first for the neighbour's id.
    """
    pre: Prefetch | None = obj.pre
    if pre is not None:
        fetched, node = pre.link(own_label, str(info.path.key))
        if fetched:
            return from_tree(node) if node is not None else None
    target = getattr(obj, id_attr)
    if not obj.complete:
        full = await info.context.loaders.node.load((own_label, str(obj.id)))
        if full is None:
            return None
        target = getattr(build(*full), id_attr)
    return await load_node(info, target, label)


async def _statements(
    info: Ctx, owner: Any, kind: str, stance: v.Stance | None, limit: int, min_reliability: Any = None
) -> list[Statement]:
    """A list of statements: from the look-ahead read when it fetched it, else one batched loader round trip.

    ``min_reliability`` keeps the statements whose source is graded that well or better (the speaker's default
    grade standing in for an ungraded source), so an analyst can read only what B-or-better sources report.
    An allegation read ``asOf`` a day lists only the statements stated by then.
    """
    as_of: dt.date | None = getattr(owner, "as_of", None)
    pre: Prefetch | None = owner.pre
    if pre is not None:
        fetched = pre.statements(type(owner).__name__, str(info.path.key))
        if fetched is not None:
            return fetched
    parent = str(owner.id)
    key = StatementsKey(
        kind,
        parent,
        stance.value if stance else None,
        page_limit(info.context.settings.api_max_page_size, limit),
        reliability_grades(min_reliability),
        as_of,
    )
    rows = await info.context.loaders.statements.load(key)
    info.context.loaders.prime("Statement", rows)
    return [Statement.from_row(r) for r in rows]


async def _custody(info: Ctx, label: str, node_id: Any) -> Row:
    """A statement's or source's chain of custody, batched per level of the query (one round trip)."""
    found = await info.context.loaders.custody.load((label, str(node_id)))
    return found or {}


async def _allegations(
    info: Ctx, role: str, parent: str, status: v.AllegationStatus | None, limit: int
) -> list[Allegation]:
    key = AllegationsKey(
        role, parent, status.value if status else None, page_limit(info.context.settings.api_max_page_size, limit)
    )
    rows = await info.context.loaders.allegations.load(key)
    info.context.loaders.prime("Allegation", rows)
    return [Allegation.from_row(r) for r in rows]


@strawberry.interface(description="Anything with a stable id.")
class Node:
    id: strawberry.ID
    pre: strawberry.Private[Any] = None  # Prefetch: what a look-ahead read fetched below this object
    complete: strawberry.Private[bool] = True  # built from a full row (every property, every link id)


@strawberry.type(description="A derived relationship of an actor, seen from that actor.")
class Relation:
    type: RelationType  # type: ignore[valid-type]
    direction: Direction
    count: int
    statement_ids: list[strawberry.ID]
    first_stated: dt.date | None
    last_stated: dt.date | None
    other_id: strawberry.Private[str]

    @strawberry.field(description="The actor or event at the other end.")
    async def other(self, info: Ctx) -> Annotated[Actor | Event, strawberry.union("ActorOrEvent")] | None:
        node = await load_node(info, self.other_id)
        return node if isinstance(node, Actor | Event) else None


@strawberry.type(description="Someone who acts or speaks: a person, group, agency, state...")
class Actor(Node):
    name: str
    kind: ActorKind  # type: ignore[valid-type]
    aliases: list[str]
    description: str | None
    wikidata: str | None
    country: str | None
    reliability: Reliability | None = strawberry.field(  # type: ignore[valid-type]
        description="Default reliability (A-F) of what this actor says, where the statement's source is not graded."
    )
    pagerank: float | None = strawberry.field(description="Stored by `actorgraph analyze centrality --write-back`.")
    betweenness: float | None = strawberry.field(description="Stored by `actorgraph analyze centrality --write-back`.")
    accusations_made: int | None = strawberry.field(
        description="Statements behind its ACCUSES edges; stored by `analyze centrality --write-back`."
    )
    accused: int | None = strawberry.field(
        description="Statements behind ACCUSES edges at it; stored by `analyze centrality --write-back`."
    )
    camp: str | None = strawberry.field(description="A or B; stored by `actorgraph analyze camps --write-back`.")
    community: int | None = strawberry.field(
        description="Louvain community (0 is the largest); stored by `analyze camps --write-back`."
    )

    @classmethod
    def from_row(cls, row: Row) -> Actor:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row.get("name") or row["id"],
            kind=v.ActorKind(row.get("kind", "UNKNOWN")),
            aliases=list(row.get("aliases") or []),
            description=row.get("description"),
            wikidata=row.get("wikidata"),
            country=row.get("country"),
            reliability=v.Reliability(row["reliability"]) if row.get("reliability") else None,
            pagerank=row.get("pagerank"),
            betweenness=row.get("betweenness"),
            accusations_made=row.get("accusations_made"),
            accused=row.get("accused"),
            camp=row.get("camp"),
            community=row.get("community"),
        )

    @strawberry.field(description="Statements this actor made.")
    async def statements(
        self,
        info: Ctx,
        stance: Stance | None = None,
        limit: int = 20,  # type: ignore[valid-type]
        min_reliability: MinReliability = None,
    ) -> list[Statement]:
        return await _statements(info, self, "speaker", stance, limit, min_reliability)

    @strawberry.field(description="Allegations whose subject is this actor.")
    async def allegations_about(
        self,
        info: Ctx,
        status: AllegationStatus | None = None,  # type: ignore[valid-type]
        limit: int = 20,
    ) -> list[Allegation]:
        return await _allegations(info, "subject", self.id, status, limit)

    @strawberry.field(description="Derived relationships, optionally of some types and one direction.")
    async def relations(
        self,
        info: Ctx,
        types: list[RelationType] | None = None,  # type: ignore[valid-type]
        direction: Direction | None = None,
    ) -> list[Relation]:
        wanted = {t.value for t in types} if types else ALL_RELATION_TYPES
        rows = await info.context.loaders.relations.load(self.id)
        out = []
        for r in rows:
            if r["type"] not in wanted:
                continue
            d = Direction.OUT if r["outgoing"] else Direction.IN
            if direction is not None and d is not direction:
                continue
            out.append(
                Relation(
                    type=RelationType(r["type"]),
                    direction=d,
                    count=int(r["count"] or 0),
                    statement_ids=[strawberry.ID(s) for s in r["statements"] or []],
                    first_stated=r["first_stated"],
                    last_stated=r["last_stated"],
                    other_id=r["other"],
                )
            )
        return out

    @strawberry.field(description="Who accuses this actor (incoming ACCUSES).")
    async def accusers(self, info: Ctx) -> list[Relation]:
        return await self.relations(info, types=[RelationType.ACCUSES], direction=Direction.IN)

    @strawberry.field(description="Whom this actor accuses (outgoing ACCUSES).")
    async def accuses(self, info: Ctx) -> list[Relation]:
        return await self.relations(info, types=[RelationType.ACCUSES], direction=Direction.OUT)


@strawberry.type(description="Something that happened, which allegations can be about.")
class Event(Node):
    name: str
    kind: EventKind  # type: ignore[valid-type]
    start_date: dt.date | None
    end_date: dt.date | None
    location: str | None
    description: str | None

    @classmethod
    def from_row(cls, row: Row) -> Event:
        return cls(
            id=strawberry.ID(row["id"]),
            name=row.get("name") or row["id"],
            kind=v.EventKind(row.get("kind", "OTHER")),
            start_date=row.get("start_date"),
            end_date=row.get("end_date"),
            location=row.get("location"),
            description=row.get("description"),
        )

    @strawberry.field(description="Allegations whose object is this event.")
    async def allegations(self, info: Ctx, status: AllegationStatus | None = None, limit: int = 20) -> list[Allegation]:  # type: ignore[valid-type]
        return await _allegations(info, "object", self.id, status, limit)


@strawberry.type(description="One affirming voice as the corroboration rule saw it.")
class ReasonVoice:
    voice: strawberry.ID = strawberry.field(description="The actor the statements count for.")
    origins: list[strawberry.ID] = strawberry.field(
        description="Root sources of its statements' chains of custody (quoted from, else derived from)."
    )
    first_hand: bool = strawberry.field(description="Recorded where it was said, not repeated from another source.")
    own_side: bool = strawberry.field(description="The allegation's subject or its own side: a claim, not a witness.")
    why: str | None = strawberry.field(description="Why it was not counted, when it was not.")


@strawberry.type(description="Why an allegation has its status: which voices and origins counted, which did not.")
class StatusReason:
    status: AllegationStatus | None  # type: ignore[valid-type]
    summary: str = strawberry.field(description="The reason in one sentence.")
    counted: list[ReasonVoice] = strawberry.field(description="Independent voices with independent origins.")
    discounted: list[ReasonVoice] = strawberry.field(
        description="Voices not counted: copies of an origin already counted, the subject's own side."
    )
    denying: list[strawberry.ID] = strawberry.field(description="Voices that deny it.")
    superseded: list[strawberry.ID] = strawberry.field(
        default_factory=list,
        description="Statements not counted because a later statement of the same voice retracted them.",
    )

    @classmethod
    def from_model(cls, reason: Any) -> StatusReason:
        def voice(v: Any) -> ReasonVoice:
            return ReasonVoice(voice=strawberry.ID(v.voice), origins=[strawberry.ID(o) for o in v.origins],
                               first_hand=v.first_hand, own_side=v.own_side, why=v.why)  # fmt: skip

        return cls(
            status=reason.status,
            summary=reason.summary,
            counted=[voice(v) for v in reason.counted],
            discounted=[voice(v) for v in reason.discounted],
            denying=[strawberry.ID(d) for d in reason.denying],
            superseded=[strawberry.ID(sid) for sid, _, _ in reason.superseded],
        )


@strawberry.type(description="One statement on an allegation's timeline: when said and recorded, and if retracted.")
class TimelineEntry:
    statement_id: strawberry.ID
    stance: Stance  # type: ignore[valid-type]
    voice: strawberry.ID = strawberry.field(description="The actor it counts for (the institution spoken for).")
    speaker_id: strawberry.ID
    stated_on: dt.date | None = strawberry.field(description="When it was said (valid time).")
    recorded_at: dt.datetime | None = strawberry.field(description="When it was recorded (transaction time, UTC).")
    superseded: bool = strawberry.field(
        description="Retracted: a later statement of the same voice took the opposite stance, so this one no "
        "longer counts (it is kept, never deleted)."
    )
    superseded_by: strawberry.ID | None = strawberry.field(description="The statement that retracted it.")

    @strawberry.field(description="The statement itself.")
    async def statement(self, info: Ctx) -> Statement | None:
        node = await load_node(info, str(self.statement_id), "Statement")
        return node if isinstance(node, Statement) else None

    @classmethod
    def from_model(cls, entry: Any) -> TimelineEntry:
        return cls(
            statement_id=strawberry.ID(entry.statement),
            stance=v.Stance(entry.stance),
            voice=strawberry.ID(entry.voice),
            speaker_id=strawberry.ID(entry.speaker),
            stated_on=entry.stated_on,
            recorded_at=entry.recorded_at,
            superseded=entry.superseded,
            superseded_by=strawberry.ID(entry.superseded_by) if entry.superseded_by else None,
        )


@strawberry.type(description="A proposition, subject-predicate-object, that speakers affirm or deny.")
class Allegation(Node):
    predicate: Predicate  # type: ignore[valid-type]
    polarity: Polarity  # type: ignore[valid-type]
    summary: str
    status: AllegationStatus | None  # type: ignore[valid-type]
    verdict: Verdict | None  # type: ignore[valid-type]
    verdict_rationale: str | None
    verdict_source: str | None
    subject_id: strawberry.Private[str]
    object_id: strawberry.Private[str]
    #: Read as of the end of this day (``allegation(id, asOf)``): status, reason, statements and timeline.
    as_of: strawberry.Private[dt.date | None] = None
    #: The status reason as of that day, derived when the allegation was read.
    as_of_reason: strawberry.Private[Any] = None

    @classmethod
    def from_row(cls, row: Row) -> Allegation:
        predicate = v.Predicate(row.get("predicate") or v.Predicate.ATTACKED)  # unselected: never shown
        return cls(
            id=strawberry.ID(row["id"]),
            predicate=predicate,
            polarity=predicate.polarity,
            summary=row.get("summary", ""),
            status=v.AllegationStatus(row["status"]) if row.get("status") else None,
            verdict=v.Verdict(row["verdict"]) if row.get("verdict") else None,
            verdict_rationale=row.get("verdict_rationale"),
            verdict_source=row.get("verdict_source"),
            subject_id=row.get("subject", ""),
            object_id=row.get("object", ""),
        )

    @strawberry.field(
        description="Why it has its status: the independent voices and origins counted, the copies and own-side "
        "claims not counted (the status rule run again on its statements)."
    )
    async def status_reason(self, info: Ctx) -> StatusReason | None:
        if self.as_of is not None:
            found = self.as_of_reason
        else:
            found = (await asyncio.to_thread(status_reasons, info.context.store, [str(self.id)])).get(str(self.id))
        return StatusReason.from_model(found) if found is not None else None

    @strawberry.field(
        description="Its statements in the order they were said (statedOn, undated last), then recorded "
        "(recordedAt), each marked when a later statement of the same voice retracted it (superseded: kept, "
        "shown, but counted neither for status nor for the network); the first `limit`."
    )
    async def timeline(self, info: Ctx, limit: int = 50) -> list[TimelineEntry]:
        limit = page_limit(info.context.settings.api_max_page_size, limit)
        found = await asyncio.to_thread(timelines, info.context.store, [str(self.id)], self.as_of)
        return [TimelineEntry.from_model(e) for e in found.get(str(self.id), [])[:limit]]

    @strawberry.field(description="CAMEO 1.1b3 code of the alleged act, where one exists.")
    def cameo(self) -> str | None:
        return v.Predicate(self.predicate).info.cameo

    @strawberry.field
    async def subject(self, info: Ctx) -> Actor | None:
        node = await linked(info, self, "Allegation", "subject_id", "Actor")
        return node if isinstance(node, Actor) else None

    @strawberry.field
    async def object(self, info: Ctx) -> Annotated[Actor | Event, strawberry.union("ActorOrEvent")] | None:
        node = await linked(info, self, "Allegation", "object_id", None)
        return node if isinstance(node, Actor | Event) else None

    @strawberry.field(description="Its statements, optionally of one stance.")
    async def statements(
        self,
        info: Ctx,
        stance: Stance | None = None,
        limit: int = 50,  # type: ignore[valid-type]
        min_reliability: MinReliability = None,
    ) -> list[Statement]:
        return await _statements(info, self, "allegation", stance, limit, min_reliability)

    @strawberry.field(description="Statements that affirm it.")
    async def affirming(
        self,
        info: Ctx,
        limit: int = 50,
        min_reliability: MinReliability = None,
    ) -> list[Statement]:
        return await _statements(info, self, "allegation", v.Stance.AFFIRMS, limit, min_reliability)

    @strawberry.field(description="Statements that deny it.")
    async def denying(
        self,
        info: Ctx,
        limit: int = 50,
        min_reliability: MinReliability = None,
    ) -> list[Statement]:
        return await _statements(info, self, "allegation", v.Stance.DENIES, limit, min_reliability)


@strawberry.type(description="One actor's act of affirming or denying an allegation, with the verbatim quote.")
class Statement(Node):
    stance: Stance  # type: ignore[valid-type]
    quote: str
    start: int
    end: int
    stated_on: dt.date | None
    medium: str | None
    confidence: float | None
    note: str | None
    credibility: int | None = strawberry.field(
        description="Information credibility on the Admiralty scale: 1 confirmed, 2 probably true, 3 possibly true, "
        "4 doubtful, 5 improbable, 6 cannot be judged. Graded by analysts."
    )
    recorded_at: dt.datetime | None = strawberry.field(
        default=None,
        description="Transaction time: when the statement was first written to the graph (UTC; a re-load keeps it). "
        "`statedOn` is when it was said.",
    )
    speaker_id: strawberry.Private[str]
    allegation_id: strawberry.Private[str]
    source_id: strawberry.Private[str]
    on_behalf_of_id: strawberry.Private[str | None]

    @classmethod
    def from_tree(cls, node: TreeNode, keys: Keys) -> Statement:
        statement: Statement = build("Statement", node.row, Prefetch(node, keys), complete=False)
        return statement

    @classmethod
    def from_row(cls, row: Row) -> Statement:
        return cls(
            id=strawberry.ID(row["id"]),
            stance=v.Stance(row.get("stance") or v.Stance.AFFIRMS),  # a partial row: unselected, never shown
            quote=row.get("quote") or "",
            start=int(row.get("start") or 0),
            end=int(row.get("end") or 0),
            stated_on=row.get("stated_on"),
            medium=row.get("medium"),
            confidence=row.get("confidence"),
            note=row.get("note"),
            credibility=row.get("credibility"),
            recorded_at=row.get("recorded_at"),
            speaker_id=row.get("speaker", ""),
            allegation_id=row.get("allegation", ""),
            source_id=row.get("source", ""),
            on_behalf_of_id=row.get("on_behalf_of"),
        )

    @strawberry.field
    async def speaker(self, info: Ctx) -> Actor | None:
        node = await linked(info, self, "Statement", "speaker_id", "Actor")
        return node if isinstance(node, Actor) else None

    @strawberry.field(description="The institution the speaker spoke for, if any.")
    async def on_behalf_of(self, info: Ctx) -> Actor | None:
        node = await linked(info, self, "Statement", "on_behalf_of_id", "Actor")
        return node if isinstance(node, Actor) else None

    @strawberry.field
    async def allegation(self, info: Ctx) -> Allegation | None:
        node = await linked(info, self, "Statement", "allegation_id", "Allegation")
        return node if isinstance(node, Allegation) else None

    @strawberry.field
    async def source(self, info: Ctx) -> Source | None:
        node = await linked(info, self, "Statement", "source_id", "Source")
        return node if isinstance(node, Source) else None

    @strawberry.field(
        description="The source it was quoted from, when its own source is secondary (PROV wasQuotedFrom)."
    )
    async def quoted_from(self, info: Ctx) -> Source | None:
        node = await load_node(info, (await _custody(info, "Statement", self.id)).get("link"), "Source")
        return node if isinstance(node, Source) else None

    @strawberry.field(
        description="Its origin: the root of its chain of custody (the source quoted, else its own source, up "
        "derivedFrom). Copies of one origin count once for corroboration."
    )
    async def origin(self, info: Ctx) -> Source | None:
        node = await load_node(info, (await _custody(info, "Statement", self.id)).get("origin"), "Source")
        return node if isinstance(node, Source) else None

    @strawberry.field(description="True when recorded where it was said; false when it repeats its origin.")
    async def first_hand(self, info: Ctx) -> bool:
        return not (await _custody(info, "Statement", self.id)).get("copied", False)

    @strawberry.field(description="Its effective reliability: its source's grade, else its speaker's default.")
    async def reliability(self, info: Ctx) -> Reliability | None:  # type: ignore[valid-type]
        grade = (await _custody(info, "Statement", self.id)).get("reliability")
        return v.Reliability(grade) if grade else None


@strawberry.type(description="Where statements were reported, with its full text.")
class Source(Node):
    kind: SourceKind  # type: ignore[valid-type]
    title: str
    url: str | None
    publisher: str | None
    published_on: dt.date | None
    sha256: str | None
    verification: str | None
    text: str | None
    reliability: Reliability | None = strawberry.field(  # type: ignore[valid-type]
        description="Source reliability on the Admiralty scale (A completely reliable ... E unreliable, F cannot "
        "be judged)."
    )

    @classmethod
    def from_row(cls, row: Row) -> Source:
        return cls(
            id=strawberry.ID(row["id"]),
            kind=v.SourceKind(row.get("kind", "OTHER")),
            title=row.get("title") or row["id"],
            url=row.get("url"),
            publisher=row.get("publisher"),
            published_on=row.get("published_on"),
            sha256=row.get("sha256"),
            verification=row.get("verification"),
            text=row.get("text"),
            reliability=v.Reliability(row["reliability"]) if row.get("reliability") else None,
        )

    @strawberry.field(description="The source this one repeats (PROV wasDerivedFrom), if any.")
    async def derived_from(self, info: Ctx) -> Source | None:
        node = await load_node(info, (await _custody(info, "Source", self.id)).get("link"), "Source")
        return node if isinstance(node, Source) else None

    @strawberry.field(description="The root of its chain of custody (itself when it derives from none).")
    async def origin(self, info: Ctx) -> Source | None:
        node = await load_node(info, (await _custody(info, "Source", self.id)).get("origin"), "Source")
        return node if isinstance(node, Source) else None

    @strawberry.field(description="Statements reported in this source.")
    async def statements(
        self,
        info: Ctx,
        stance: Stance | None = None,
        limit: int = 50,  # type: ignore[valid-type]
        min_reliability: MinReliability = None,
    ) -> list[Statement]:
        return await _statements(info, self, "source", stance, limit, min_reliability)
