"""GraphQL object types. Each is built from a store row; links resolve through DataLoaders."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from actorgraph.api.errors import BAD_USER_INPUT, CodedError
from actorgraph.model import vocabulary as v
from actorgraph.store.projections import PROJECTION_TYPES
from actorgraph.store.reads import AllegationsKey, Row, StatementsKey

# Our model's enums, registered with strawberry (descriptions show in the schema).
strawberry.enum(v.ActorKind, description="What kind of actor.")
strawberry.enum(v.EventKind)
strawberry.enum(v.SourceKind)
strawberry.enum(v.Stance, description="Whether a statement affirms or denies its allegation.")
strawberry.enum(v.AllegationStatus, description="Derived from who affirms and who denies.")
strawberry.enum(v.Verdict, description="An analyst's editorial finding, separate from status.")
strawberry.enum(v.Polarity)
strawberry.enum(v.Predicate, description="The controlled vocabulary of allegations.")
ActorKind = v.ActorKind
EventKind = v.EventKind
SourceKind = v.SourceKind
Stance = v.Stance
AllegationStatus = v.AllegationStatus
Verdict = v.Verdict
Polarity = v.Polarity
Predicate = v.Predicate


@strawberry.enum(description="Derived actor-to-actor (or actor-to-event) relationships.")
class RelationType(Enum):
    ACCUSES = "ACCUSES"
    DENIES_INVOLVEMENT = "DENIES_INVOLVEMENT"
    CLAIMS_RESPONSIBILITY = "CLAIMS_RESPONSIBILITY"
    CONTRADICTS = "CONTRADICTS"
    OPPOSES = "OPPOSES"
    SUPPORTS = "SUPPORTS"
    ALLIED_WITH = "ALLIED_WITH"
    PART_OF = "PART_OF"
    SPEAKS_FOR = "SPEAKS_FOR"
    LEADS = "LEADS"


@strawberry.enum
class Direction(Enum):
    OUT = "OUT"
    IN = "IN"


Ctx = Info[Any, None]


def page_limit(info: Ctx, limit: int) -> int:
    """Nested lists are bounded by the same maximum as connection pages."""
    maximum = info.context.settings.api_max_page_size
    if limit < 0 or limit > maximum:
        raise CodedError(f"limit must be between 0 and {maximum} (ACTORGRAPH_API_MAX_PAGE_SIZE)", BAD_USER_INPUT)
    return limit


def build(label: str, row: Row) -> Actor | Event | Allegation | Statement | Source:
    """The GraphQL object of a store row with its label."""
    factories: dict[str, Any] = {
        "Actor": Actor.from_row,
        "Event": Event.from_row,
        "Allegation": Allegation.from_row,
        "Statement": Statement.from_row,
        "Source": Source.from_row,
    }
    result: Actor | Event | Allegation | Statement | Source = factories[label](row)
    return result


async def load_node(info: Ctx, node_id: str | None) -> Actor | Event | Allegation | Statement | Source | None:
    if node_id is None:
        return None
    found = await info.context.loaders.node.load(node_id)
    return build(*found) if found else None


async def _statements(info: Ctx, kind: str, parent: str, stance: v.Stance | None, limit: int) -> list[Statement]:
    key = StatementsKey(kind, parent, stance.value if stance else None, page_limit(info, limit))
    rows = await info.context.loaders.statements.load(key)
    info.context.loaders.prime("Statement", rows)
    return [Statement.from_row(r) for r in rows]


async def _allegations(
    info: Ctx, role: str, parent: str, status: v.AllegationStatus | None, limit: int
) -> list[Allegation]:
    key = AllegationsKey(role, parent, status.value if status else None, page_limit(info, limit))
    rows = await info.context.loaders.allegations.load(key)
    info.context.loaders.prime("Allegation", rows)
    return [Allegation.from_row(r) for r in rows]


@strawberry.interface(description="Anything with a stable id.")
class Node:
    id: strawberry.ID


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
    pagerank: float | None = strawberry.field(description="Stored by `actorgraph analyze centrality --write-back`.")
    betweenness: float | None = strawberry.field(description="Stored by `actorgraph analyze centrality --write-back`.")
    accusations_made: int | None = strawberry.field(
        description="Statements behind its ACCUSES edges; stored by `actorgraph analyze centrality --write-back`."
    )
    accused: int | None = strawberry.field(
        description="Statements behind ACCUSES edges at it; stored by `actorgraph analyze centrality --write-back`."
    )
    camp: str | None = strawberry.field(description="A or B; stored by `actorgraph analyze camps --write-back`.")
    community: int | None = strawberry.field(
        description="Louvain community; stored by `actorgraph analyze camps --write-back`."
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
            pagerank=row.get("pagerank"),
            betweenness=row.get("betweenness"),
            accusations_made=row.get("accusations_made"),
            accused=row.get("accused"),
            camp=row.get("camp"),
            community=row.get("community"),
        )

    @strawberry.field(description="Statements this actor made.")
    async def statements(self, info: Ctx, stance: Stance | None = None, limit: int = 20) -> list[Statement]:  # type: ignore[valid-type]
        return await _statements(info, "speaker", self.id, stance, limit)

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
        wanted = {t.value for t in types} if types else set(PROJECTION_TYPES)
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

    @classmethod
    def from_row(cls, row: Row) -> Allegation:
        predicate = v.Predicate(row["predicate"])
        return cls(
            id=strawberry.ID(row["id"]),
            predicate=predicate,
            polarity=predicate.polarity,
            summary=row.get("summary", ""),
            status=v.AllegationStatus(row["status"]) if row.get("status") else None,
            verdict=v.Verdict(row["verdict"]) if row.get("verdict") else None,
            verdict_rationale=row.get("verdict_rationale"),
            verdict_source=row.get("verdict_source"),
            subject_id=row["subject"],
            object_id=row["object"],
        )

    @strawberry.field(description="CAMEO 1.1b3 code of the alleged act, where one exists.")
    def cameo(self) -> str | None:
        return v.Predicate(self.predicate).info.cameo

    @strawberry.field
    async def subject(self, info: Ctx) -> Actor | None:
        node = await load_node(info, self.subject_id)
        return node if isinstance(node, Actor) else None

    @strawberry.field
    async def object(self, info: Ctx) -> Annotated[Actor | Event, strawberry.union("ActorOrEvent")] | None:
        node = await load_node(info, self.object_id)
        return node if isinstance(node, Actor | Event) else None

    @strawberry.field(description="Its statements, optionally of one stance.")
    async def statements(self, info: Ctx, stance: Stance | None = None, limit: int = 50) -> list[Statement]:  # type: ignore[valid-type]
        return await _statements(info, "allegation", self.id, stance, limit)

    @strawberry.field(description="Statements that affirm it.")
    async def affirming(self, info: Ctx, limit: int = 50) -> list[Statement]:
        return await _statements(info, "allegation", self.id, v.Stance.AFFIRMS, limit)

    @strawberry.field(description="Statements that deny it.")
    async def denying(self, info: Ctx, limit: int = 50) -> list[Statement]:
        return await _statements(info, "allegation", self.id, v.Stance.DENIES, limit)


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
    speaker_id: strawberry.Private[str]
    allegation_id: strawberry.Private[str]
    source_id: strawberry.Private[str]
    on_behalf_of_id: strawberry.Private[str | None]

    @classmethod
    def from_row(cls, row: Row) -> Statement:
        return cls(
            id=strawberry.ID(row["id"]),
            stance=v.Stance(row["stance"]),
            quote=row["quote"],
            start=int(row["start"]),
            end=int(row["end"]),
            stated_on=row.get("stated_on"),
            medium=row.get("medium"),
            confidence=row.get("confidence"),
            note=row.get("note"),
            speaker_id=row["speaker"],
            allegation_id=row["allegation"],
            source_id=row["source"],
            on_behalf_of_id=row.get("on_behalf_of"),
        )

    @strawberry.field
    async def speaker(self, info: Ctx) -> Actor | None:
        node = await load_node(info, self.speaker_id)
        return node if isinstance(node, Actor) else None

    @strawberry.field(description="The institution the speaker spoke for, if any.")
    async def on_behalf_of(self, info: Ctx) -> Actor | None:
        node = await load_node(info, self.on_behalf_of_id)
        return node if isinstance(node, Actor) else None

    @strawberry.field
    async def allegation(self, info: Ctx) -> Allegation | None:
        node = await load_node(info, self.allegation_id)
        return node if isinstance(node, Allegation) else None

    @strawberry.field
    async def source(self, info: Ctx) -> Source | None:
        node = await load_node(info, self.source_id)
        return node if isinstance(node, Source) else None


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
        )

    @strawberry.field(description="Statements reported in this source.")
    async def statements(self, info: Ctx, stance: Stance | None = None, limit: int = 50) -> list[Statement]:  # type: ignore[valid-type]
        return await _statements(info, "source", self.id, stance, limit)
