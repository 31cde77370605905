"""STIX 2.1 export: the graph as a bundle OpenCTI, MISP or any STIX consumer can read.

Mapping (see :mod:`actorgraph.interop.stix_mapping` for the tables and the reasons):

- actors -> identities or threat actors by kind; wikidata ids as external references;
- events -> campaigns or incidents by kind (campaigns carry first/last seen);
- allegations -> relationships from subject to object (spec types where they fit, ``related-to``
  described by the predicate otherwise);
- statements -> notes: the verbatim quote as ``content``, the speaker in ``authors``, stance and
  offsets in the property extension, referring to the relationship and the speaker;
- sources -> reports referring to everything they support, with the URL and SHA-256 of the text as an
  external reference and the full text in the extension (so an import can check every quote again);
- verdicts -> opinions on the relationship; actorgraph itself is the ``created_by_ref`` identity.

Every object is built by the ``stix2`` library, which checks it; ids are deterministic.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import stix2

from actorgraph.interop.grades import opencti_reliability, stix_confidence
from actorgraph.interop.graph import (
    ActorRecord,
    AllegationRecord,
    EventRecord,
    ExportedGraph,
    SourceRecord,
    StatementRecord,
)
from actorgraph.interop.stix_mapping import (
    ACTOR_TYPES,
    EXTENSION_ID,
    EXTENSION_SCHEMA,
    EXTENSION_VERSION,
    IDENTITY_ID,
    OPENCTI_EXTENSION_ID,
    OPENCTI_RELIABILITY,
    OPINIONS,
    SECTORS,
    TIMESTAMP,
    event_type,
    relationship_for,
    stix_id,
)
from actorgraph.model.vocabulary import ActorKind, EventKind, Predicate, Verdict

_COMMON: dict[str, Any] = {"created": TIMESTAMP, "modified": TIMESTAMP, "created_by_ref": IDENTITY_ID}


def _ext(**values: Any) -> dict[str, Any]:
    """Our property extension with the values that are set (dates as ISO text)."""
    body: dict[str, Any] = {"extension_type": "property-extension"}
    for key, value in values.items():
        if value is None or value == [] or value == ():
            continue
        body[key] = value.isoformat() if hasattr(value, "isoformat") else value
    return {EXTENSION_ID: body}


def actor_ref(actor: ActorRecord) -> str:
    return stix_id(ACTOR_TYPES[ActorKind(actor.kind)][0], f"actor:{actor.id}")


def event_ref(event: EventRecord) -> str:
    return stix_id(event_type(EventKind(event.kind)), f"event:{event.id}")


def allegation_ref(allegation_id: str) -> str:
    return stix_id("relationship", f"allegation:{allegation_id}")


def report_ref(source_id: str) -> str:
    return stix_id("report", f"source:{source_id}")


def note_ref(statement_id: str) -> str:
    return stix_id("note", f"statement:{statement_id}")


class _Refs:
    """Our ids -> STIX ids (and types) of the actors and events of one graph."""

    def __init__(self, graph: ExportedGraph) -> None:
        self.ids: dict[str, str] = {a.id: actor_ref(a) for a in graph.actors.values()}
        self.ids.update({e.id: event_ref(e) for e in graph.events.values()})

    def __getitem__(self, node_id: str) -> str:
        return self.ids[node_id]

    def type_of(self, node_id: str) -> str:
        return self.ids[node_id].split("--", 1)[0]


def _identity() -> stix2.v21.Identity:
    return stix2.v21.Identity(
        id=IDENTITY_ID, name="actorgraph", identity_class="system", created=TIMESTAMP, modified=TIMESTAMP,
        description="The actorgraph knowledge graph of actors and allegations that produced this bundle.",
    )  # fmt: skip


def _opencti_extension_definition() -> stix2.v21.ExtensionDefinition:
    return stix2.v21.ExtensionDefinition(
        id=OPENCTI_EXTENSION_ID, name="opencti-reliability", version=EXTENSION_VERSION,
        extension_types=["toplevel-property-extension"], extension_properties=[OPENCTI_RELIABILITY],
        schema="x_opencti_reliability: OpenCTI's reliability of a report or an identity, as its strings "
        "'A - Completely reliable' ... 'F - Reliability cannot be judged' (the Admiralty scale's letter).",
        description="OpenCTI's reliability property, so OpenCTI shows actorgraph's source grades.", **_COMMON,
    )  # fmt: skip


def _extension_definition() -> stix2.v21.ExtensionDefinition:
    return stix2.v21.ExtensionDefinition(
        id=EXTENSION_ID, name="actorgraph", version=EXTENSION_VERSION, extension_types=["property-extension"],
        schema=EXTENSION_SCHEMA, **_COMMON,
        description="What STIX has no field for: kinds, stances, quote offsets, full source texts.",
    )  # fmt: skip


def _actor(actor: ActorRecord) -> Any:
    kind = ActorKind(actor.kind)
    stix_type, classes = ACTOR_TYPES[kind]
    refs = None
    if actor.wikidata:
        url = f"https://www.wikidata.org/wiki/{actor.wikidata}"
        refs = [{"source_name": "wikidata", "external_id": actor.wikidata, "url": url}]
    fields: dict[str, Any] = {
        "id": actor_ref(actor), "name": actor.name, "description": actor.description, "external_references": refs,
        "extensions": _ext(actorgraph_id=actor.id, kind=kind.value, aliases=list(actor.aliases),
                           country=actor.country, wikidata=actor.wikidata, reliability=actor.reliability),
        **_COMMON,
    }  # fmt: skip
    fields = _graded({k: v for k, v in fields.items() if v is not None}, actor.reliability)
    if stix_type == "threat-actor":
        return stix2.v21.ThreatActor(threat_actor_types=list(classes), aliases=list(actor.aliases) or None, **fields)
    return stix2.v21.Identity(identity_class=classes[0], sectors=SECTORS.get(kind), **fields)


def _event(event: EventRecord) -> Any:
    kind = EventKind(event.kind)
    ext = _ext(actorgraph_id=event.id, kind=kind.value, start_date=event.start_date, end_date=event.end_date,
               location=event.location)  # fmt: skip
    fields: dict[str, Any] = {"id": event_ref(event), "name": event.name, "extensions": ext, **_COMMON}
    if event.description:
        fields["description"] = event.description
    if event_type(kind) == "campaign":
        if event.start_date:
            fields["first_seen"] = f"{event.start_date.isoformat()}T00:00:00Z"
        if event.end_date:
            fields["last_seen"] = f"{event.end_date.isoformat()}T23:59:59Z"
        return stix2.v21.Campaign(**fields)
    return stix2.v21.Incident(**fields)


def _relationship(allegation: AllegationRecord, refs: _Refs) -> stix2.v21.Relationship:
    predicate = Predicate(allegation.predicate)
    rel_type, reverse = relationship_for(predicate, refs.type_of(allegation.subject), refs.type_of(allegation.object))
    source, target = refs[allegation.subject], refs[allegation.object]
    if reverse:
        source, target = target, source
    described = predicate.value.lower().replace("_", " ")
    return stix2.v21.Relationship(
        id=allegation_ref(allegation.id), relationship_type=rel_type, source_ref=source, target_ref=target,
        description=f"{described}: {allegation.summary}",
        extensions=_ext(actorgraph_id=allegation.id, predicate=predicate.value, polarity=predicate.polarity.value,
                        status=allegation.status, summary=allegation.summary),
        **_COMMON,
    )  # fmt: skip


def _note(st: StatementRecord, graph: ExportedGraph, refs: _Refs) -> stix2.v21.Note:
    speaker = graph.actors[st.speaker]
    allegation = graph.allegations[st.allegation]
    verb = "affirms" if st.stance == "AFFIRMS" else "denies"
    behalf = f" (for {graph.name_of(st.on_behalf_of)})" if st.on_behalf_of else ""
    objects = [allegation_ref(st.allegation), refs[st.speaker]]
    if st.on_behalf_of:
        objects.append(refs[st.on_behalf_of])
    custody = [_custody_reference("wasQuotedFrom", st.quoted_from, graph)] if st.quoted_from else None
    return stix2.v21.Note(
        id=note_ref(st.id), abstract=f"{speaker.name}{behalf} {verb}: {allegation.summary}", content=st.quote,
        authors=[speaker.name], object_refs=objects, confidence=stix_confidence(st.credibility),
        external_references=custody,
        extensions=_ext(actorgraph_id=st.id, stance=st.stance, start=st.start, end=st.end,
                        speaker_ref=refs[st.speaker],
                        on_behalf_of_ref=refs[st.on_behalf_of] if st.on_behalf_of else None,
                        stated_on=st.stated_on, medium=st.medium, confidence=st.confidence, analyst_note=st.note,
                        credibility=st.credibility, quoted_from=st.quoted_from, origin=graph.origin_of(st)),
        **_COMMON,
    )  # fmt: skip


def _custody_reference(term: str, source_id: str, graph: ExportedGraph) -> dict[str, Any]:
    """An external reference naming the source a chain of custody leads to (PROV's term as the source name),
    for readers without our extension; no URL, so an importer never takes it for the object's own."""
    source = graph.sources.get(source_id)
    title = f": {source.title}" if source else ""
    return {"source_name": f"prov:{term}", "external_id": source_id,
            "description": f"actorgraph source {source_id}{title}"}  # fmt: skip


def _report(source: SourceRecord, graph: ExportedGraph, refs: _Refs) -> stix2.v21.Report:
    objects: set[str] = set()
    for st in graph.statements_in(source.id):
        allegation = graph.allegations[st.allegation]
        objects |= {note_ref(st.id), allegation_ref(st.allegation), refs[st.speaker]}
        objects |= {refs[allegation.subject], refs[allegation.object]}
        if st.on_behalf_of:
            objects.add(refs[st.on_behalf_of])
    sha = source.sha256 or hashlib.sha256(source.text.encode("utf-8")).hexdigest()
    reference: dict[str, Any] = {"source_name": source.publisher or "source", "hashes": {"SHA-256": sha}}
    if source.url:
        reference["url"] = source.url
    else:
        reference["description"] = "No URL recorded; the hash is of the full text in the actorgraph extension."
    published = f"{source.published_on.isoformat()}T00:00:00Z" if source.published_on else TIMESTAMP
    references = [reference]
    if source.derived_from:
        references.append(_custody_reference("wasDerivedFrom", source.derived_from, graph))
    origin = graph.source_origin(source.id)
    fields: dict[str, Any] = dict(
        id=report_ref(source.id), name=source.title, published=published, report_types=["threat-report"],
        object_refs=sorted(objects) or [IDENTITY_ID], external_references=references,
        extensions=_ext(actorgraph_id=source.id, kind=source.kind, publisher=source.publisher,
                        published_on=source.published_on, text=source.text,
                        sha256=sha, verification=source.verification, reliability=source.reliability,
                        derived_from=source.derived_from, origin=origin if origin != source.id else None),
        **_COMMON,
    )  # fmt: skip
    return stix2.v21.Report(**_graded(fields, source.reliability))


def _graded(fields: dict[str, Any], grade: str | None) -> dict[str, Any]:
    """The fields with OpenCTI's own reliability property ("B - Usually reliable") when there is a grade,
    declared by its top-level property extension."""
    text = opencti_reliability(grade)
    if text is None:
        return fields
    declared = {OPENCTI_EXTENSION_ID: {"extension_type": "toplevel-property-extension"}}
    extensions = {**fields.get("extensions", {}), **declared}
    return {**fields, "extensions": extensions, OPENCTI_RELIABILITY: text, "allow_custom": True}


def _opinion(allegation: AllegationRecord) -> stix2.v21.Opinion:
    verdict = Verdict(allegation.verdict or "")
    return stix2.v21.Opinion(
        id=stix_id("opinion", f"verdict:{allegation.id}"), opinion=OPINIONS[verdict],
        explanation=allegation.verdict_rationale, authors=["actorgraph analyst"],
        object_refs=[allegation_ref(allegation.id)],
        extensions=_ext(verdict=verdict.value, verdict_source=allegation.verdict_source,
                        verdict_on=allegation.verdict_on),
        **_COMMON,
    )  # fmt: skip


def stix_objects(graph: ExportedGraph) -> Iterator[Any]:
    """Every STIX object of the graph, in a fixed order (actorgraph, extension, actors, events,
    relationships, notes, opinions, reports; each by our id)."""
    refs = _Refs(graph)
    yield _identity()
    yield _extension_definition()
    yield _opencti_extension_definition()
    yield from (_actor(a) for a in graph.actors.values())
    yield from (_event(e) for e in graph.events.values())
    yield from (_relationship(a, refs) for a in graph.allegations.values())
    yield from (_note(s, graph, refs) for s in graph.statements.values())
    yield from (_opinion(a) for a in graph.allegations.values() if a.verdict)
    named = {s.derived_from for s in graph.sources.values()} | {st.quoted_from for st in graph.statements.values()}
    yield from (_report(s, graph, refs) for s in graph.sources.values() if graph.statements_in(s.id) or s.id in named)


def to_bundle(graph: ExportedGraph) -> dict[str, Any]:
    """The graph as a STIX 2.1 bundle (a JSON-ready dict); its id is a hash of its content."""
    objects = [json.loads(obj.serialize()) for obj in stix_objects(graph)]
    digest = hashlib.sha256(json.dumps(objects, sort_keys=True).encode("utf-8")).hexdigest()
    return {"type": "bundle", "id": stix_id("bundle", f"bundle:{digest}"), "objects": objects}


def dumps(bundle: dict[str, Any]) -> str:
    """The bundle as JSON text, the same bytes for the same graph."""
    return json.dumps(bundle, ensure_ascii=False, indent=1) + "\n"


def types_count(bundle: dict[str, Any]) -> dict[str, int]:
    """How many objects of each STIX type a bundle holds (for the CLI's summary line)."""
    counts: dict[str, int] = defaultdict(int)
    for obj in bundle["objects"]:
        counts[obj["type"]] += 1
    return dict(sorted(counts.items()))
