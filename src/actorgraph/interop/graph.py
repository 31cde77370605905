"""The graph as plain, typed Python data: what every converter reads.

The store streams nodes (``{"label", "props"}``) and relationships (``{"type", "source", "target",
"props"}``); :func:`graph_from_records` turns them into frozen records with their links resolved (an
allegation knows its subject and object, a statement its speaker, allegation and source). Converters
take an :class:`ExportedGraph` and never see Neo4j, so they are tested on any graph a test builds,
and the same converter serves the CLI (whole graph) and the API (one allegation or actor).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from actorgraph.model.vocabulary import RelationType

#: Scores ``actorgraph analyze --write-back`` stores on actors; carried along when present.
SCORE_PROPERTIES = ("pagerank", "betweenness", "accusations_made", "accused", "camp", "community")

#: The derived relationship types (the rest of the exported relationships are provenance).
DERIVED = frozenset(t.value for t in RelationType)


@dataclass(frozen=True)
class ActorRecord:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    wikidata: str | None = None
    country: str | None = None
    scores: Mapping[str, Any] = field(default_factory=dict)
    #: Default source reliability (A-F) of what it says, where its statement's source is not graded.
    reliability: str | None = None


@dataclass(frozen=True)
class EventRecord:
    id: str
    name: str
    kind: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    location: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class SourceRecord:
    id: str
    kind: str
    title: str
    text: str
    sha256: str | None = None
    url: str | None = None
    publisher: str | None = None
    published_on: dt.date | None = None
    verification: str | None = None
    #: Source reliability, the Admiralty scale's letter (A-F).
    reliability: str | None = None
    #: The source this one repeats (DERIVED_FROM, PROV wasDerivedFrom).
    derived_from: str | None = None


@dataclass(frozen=True)
class AllegationRecord:
    id: str
    subject: str
    predicate: str
    object: str
    summary: str
    status: str | None = None
    verdict: str | None = None
    verdict_rationale: str | None = None
    verdict_source: str | None = None
    verdict_on: dt.date | None = None


@dataclass(frozen=True)
class StatementRecord:
    id: str
    speaker: str
    allegation: str
    source: str
    stance: str
    quote: str
    start: int
    end: int
    on_behalf_of: str | None = None
    stated_on: dt.date | None = None
    medium: str | None = None
    confidence: float | None = None
    note: str | None = None
    #: Information credibility, the Admiralty scale's digit (1-6).
    credibility: int | None = None
    #: The source it was quoted from (QUOTED_FROM, PROV wasQuotedFrom).
    quoted_from: str | None = None

    @property
    def voice(self) -> str:
        """Who the statement counts for: the institution a spokesperson spoke for, else the speaker."""
        return self.on_behalf_of or self.speaker


@dataclass(frozen=True)
class RelationRecord:
    """A derived relationship of the actor network (ACCUSES, CONTRADICTS, ...)."""

    type: str
    source: str
    target: str
    statements: tuple[str, ...]
    first_stated: dt.date | None = None
    last_stated: dt.date | None = None

    @property
    def count(self) -> int:
        return len(self.statements)


@dataclass(frozen=True)
class ExportedGraph:
    """Everything a converter needs, keyed by our ids, in id order."""

    actors: dict[str, ActorRecord]
    events: dict[str, EventRecord]
    sources: dict[str, SourceRecord]
    allegations: dict[str, AllegationRecord]
    statements: dict[str, StatementRecord]
    relations: list[RelationRecord]

    @cached_property
    def _by_allegation(self) -> dict[str, list[StatementRecord]]:
        grouped: dict[str, list[StatementRecord]] = defaultdict(list)
        for st in self.statements.values():
            grouped[st.allegation].append(st)
        return grouped

    @cached_property
    def _by_source(self) -> dict[str, list[StatementRecord]]:
        grouped: dict[str, list[StatementRecord]] = defaultdict(list)
        for st in self.statements.values():
            grouped[st.source].append(st)
        return grouped

    def statements_on(self, allegation_id: str) -> list[StatementRecord]:
        """The statements on one allegation, in id order."""
        return self._by_allegation.get(allegation_id, [])

    def statements_in(self, source_id: str) -> list[StatementRecord]:
        """The statements reported in one source, in id order."""
        return self._by_source.get(source_id, [])

    def source_origin(self, source_id: str) -> str:
        """The root of a source's chain of custody: up ``derived_from`` while the graph holds the next source
        (a download of one allegation may hold only part of a chain: its root is then the last one held)."""
        seen = [source_id]
        up = self.sources[source_id].derived_from if source_id in self.sources else None
        while up is not None and up in self.sources and up not in seen:
            seen.append(up)
            up = self.sources[up].derived_from
        return seen[-1]

    def origin_of(self, statement: StatementRecord) -> str:
        """A statement's origin, as the status rule reads it: the root of the chain from the source it was
        quoted from, else from its own source."""
        return self.source_origin(statement.quoted_from or statement.source)

    def reliability_of(self, statement: StatementRecord) -> str | None:
        """A statement's effective reliability: its source's grade, else its speaker's default."""
        source = self.sources.get(statement.source)
        speaker = self.actors.get(statement.speaker)
        return (source.reliability if source else None) or (speaker.reliability if speaker else None)

    def name_of(self, node_id: str) -> str:
        if node_id in self.actors:
            return self.actors[node_id].name
        if node_id in self.events:
            return self.events[node_id].name
        return node_id


def _date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if hasattr(value, "to_native"):
        return _date(value.to_native())
    return dt.date.fromisoformat(str(value))


def _links(relationships: Iterable[Mapping[str, Any]]) -> tuple[dict[tuple[str, str], str], list[RelationRecord]]:
    """(type, from-id) -> to-id for the provenance links, and the derived relationships."""
    links: dict[tuple[str, str], str] = {}
    relations: list[RelationRecord] = []
    for rel in relationships:
        rtype, source, target = rel["type"], rel["source"], rel["target"]
        props = rel.get("props") or {}
        if rtype in DERIVED:
            relations.append(
                RelationRecord(
                    type=rtype, source=source, target=target, statements=tuple(props.get("statements") or ()),
                    first_stated=_date(props.get("first_stated")), last_stated=_date(props.get("last_stated")),
                )
            )  # fmt: skip
        elif rtype == "MADE":
            links[("MADE", target)] = source  # speaker -> statement, keyed by the statement
        else:
            links[(rtype, source)] = target
    relations.sort(key=lambda r: (r.type, r.source, r.target))
    return links, relations


def graph_from_records(nodes: Iterable[Mapping[str, Any]], relationships: Iterable[Mapping[str, Any]]) -> ExportedGraph:
    """Typed records from what ``store.export`` streams; statements missing a link are left out."""
    links, relations = _links(relationships)
    actors: dict[str, ActorRecord] = {}
    events: dict[str, EventRecord] = {}
    sources: dict[str, SourceRecord] = {}
    allegations: dict[str, AllegationRecord] = {}
    statements: dict[str, StatementRecord] = {}
    for node in nodes:
        p = node["props"]
        nid = p["id"]
        label = node["label"]
        if label == "Actor":
            actors[nid] = ActorRecord(
                id=nid, name=p.get("name") or nid, kind=p.get("kind") or "UNKNOWN",
                aliases=tuple(sorted(p.get("aliases") or ())), description=p.get("description"),
                wikidata=p.get("wikidata"), country=p.get("country"),
                scores={k: p[k] for k in SCORE_PROPERTIES if p.get(k) is not None}, reliability=p.get("reliability"),
            )  # fmt: skip
        elif label == "Event":
            events[nid] = EventRecord(
                id=nid, name=p.get("name") or nid, kind=p.get("kind") or "OTHER",
                start_date=_date(p.get("start_date")), end_date=_date(p.get("end_date")),
                location=p.get("location"), description=p.get("description"),
            )  # fmt: skip
        elif label == "Source":
            sources[nid] = SourceRecord(
                id=nid, kind=p.get("kind") or "OTHER", title=p.get("title") or nid, text=p.get("text") or "",
                sha256=p.get("sha256"), url=p.get("url"), publisher=p.get("publisher"),
                published_on=_date(p.get("published_on")), verification=p.get("verification"),
                reliability=p.get("reliability"), derived_from=links.get(("DERIVED_FROM", nid)),
            )  # fmt: skip
        elif label == "Allegation":
            subject, obj = links.get(("SUBJECT", nid)), links.get(("OBJECT", nid))
            if subject is None or obj is None:
                continue
            allegations[nid] = AllegationRecord(
                id=nid, subject=subject, predicate=p["predicate"], object=obj, summary=p.get("summary") or "",
                status=p.get("status"), verdict=p.get("verdict"), verdict_rationale=p.get("verdict_rationale"),
                verdict_source=p.get("verdict_source"), verdict_on=_date(p.get("verdict_on")),
            )  # fmt: skip
        elif label == "Statement":
            speaker, alleg, src = links.get(("MADE", nid)), links.get(("ON", nid)), links.get(("REPORTED_IN", nid))
            if speaker is None or alleg is None or src is None:
                continue
            statements[nid] = StatementRecord(
                id=nid, speaker=speaker, allegation=alleg, source=src, stance=p["stance"], quote=p["quote"],
                start=int(p["start"]), end=int(p["end"]), on_behalf_of=links.get(("ON_BEHALF_OF", nid)),
                stated_on=_date(p.get("stated_on")), medium=p.get("medium"), confidence=p.get("confidence"),
                note=p.get("note"), credibility=p.get("credibility"), quoted_from=links.get(("QUOTED_FROM", nid)),
            )  # fmt: skip
    return ExportedGraph(
        actors=dict(sorted(actors.items())),
        events=dict(sorted(events.items())),
        sources=dict(sorted(sources.items())),
        allegations=dict(sorted(allegations.items())),
        statements={k: v for k, v in sorted(statements.items()) if v.allegation in allegations},
        relations=relations,
    )
