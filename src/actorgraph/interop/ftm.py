"""FollowTheMoney export: the graph as entities Aleph, OpenSanctions' tools and ``ftm`` read.

Needs the optional extra (``pip install 'actorgraph[followthemoney]'``). Entities are built with the
``followthemoney`` model, so schema and property names are the library's; ids are deterministic
(``ag-actor-<id>`` where our id is a valid FtM id, a hash of it otherwise).

================================  ===============================================================
actorgraph                        FollowTheMoney
================================  ===============================================================
actor PERSON                      ``Person``
actor GOVERNMENT, STATE,          ``PublicBody`` (topics ``gov.national``, ``mil``, ``gov.security``)
MILITARY, INTELLIGENCE_AGENCY
actor ORGANIZATION, ARMED_GROUP,  ``Organization`` (international organisations: topic ``gov.igo``)
MEDIA, INTERNATIONAL_ORG.
actor UNKNOWN                     ``LegalEntity``
event                             ``Event`` (``startDate``, ``endDate``, ``location``)
source                            ``Article`` (``title``, ``bodyText``, ``publisher``, ``publishedAt``,
                                  ``sourceUrl``)
statement                         ``UnknownLink`` from the speaker to the allegation's subject (its
                                  object when the speaker is the subject): ``role`` "affirms
                                  CONTROLLED_BY", ``summary`` the allegation, ``description`` the
                                  verbatim quote, ``date``, ``proof`` the Article (and the one
                                  it was quoted from), ``status``; a second ``summary``: its
                                  Admiralty grade ("Admiralty grade B2: source usually reliable,
                                  information probably true")
source grade, ``derived_from``    the Article's ``notes`` (FtM has no field for a grade or a
                                  chain of custody); an actor's default grade: its ``notes``
spokesperson (``on_behalf_of``)   ``Representation`` (agent: speaker, client: institution)
who a source mentions             ``Documentation`` (document: Article, entity, ``role`` speaker /
                                  subject / object / represented)
================================  ===============================================================
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from actorgraph.errors import ConfigError
from actorgraph.interop.grades import grade_text
from actorgraph.interop.graph import ExportedGraph
from actorgraph.model.vocabulary import ActorKind

SCHEMAS: dict[ActorKind, str] = {
    ActorKind.PERSON: "Person",
    ActorKind.GOVERNMENT: "PublicBody",
    ActorKind.STATE: "PublicBody",
    ActorKind.MILITARY: "PublicBody",
    ActorKind.INTELLIGENCE_AGENCY: "PublicBody",
    ActorKind.ORGANIZATION: "Organization",
    ActorKind.ARMED_GROUP: "Organization",
    ActorKind.MEDIA: "Organization",
    ActorKind.INTERNATIONAL_ORGANIZATION: "Organization",
    ActorKind.UNKNOWN: "LegalEntity",
}
TOPICS: dict[ActorKind, str] = {
    ActorKind.GOVERNMENT: "gov.national",
    ActorKind.STATE: "gov.national",
    ActorKind.MILITARY: "mil",
    ActorKind.INTELLIGENCE_AGENCY: "gov.security",
    ActorKind.INTERNATIONAL_ORGANIZATION: "gov.igo",
}
_CLEAN_ID = re.compile(r"^[a-zA-Z0-9.-]{1,100}$")

Entity = dict[str, Any]


def fid(kind: str, our_id: str) -> str:
    """The FtM id of one of our nodes: readable when our id is a valid FtM id, hashed otherwise.

    >>> fid("actor", "kremlin"), fid("statement", "stm_1")[:14], len(fid("statement", "stm_1"))
    ('ag-actor-kremlin', 'ag-statement-x', 38)
    """
    if _CLEAN_ID.match(our_id):
        return f"ag-{kind}-{our_id}"
    return f"ag-{kind}-x{hashlib.sha1(our_id.encode('utf-8')).hexdigest()[:24]}"


def _model() -> Any:
    try:
        from followthemoney import model
    except ImportError as exc:  # the optional extra is missing
        raise ConfigError(
            "FollowTheMoney export needs the optional extra: pip install 'actorgraph[followthemoney]'"
        ) from exc
    return model


def _entity(model: Any, schema: str, entity_id: str, props: dict[str, Any]) -> Entity:
    """One entity through the library (values cleaned by their type); an unknown property is a bug."""
    proxy = model.make_entity(schema)
    proxy.id = entity_id
    for name, value in props.items():
        values = value if isinstance(value, list | tuple | set) else [value]
        for item in values:
            if item is not None and str(item).strip():
                proxy.add(name, item.isoformat() if hasattr(item, "isoformat") else item, quiet=False)
    data: Entity = proxy.to_dict()
    data["properties"] = {k: sorted(v) for k, v in sorted(data["properties"].items())}
    return {"id": data["id"], "schema": data["schema"], "properties": data["properties"]}


def entities(graph: ExportedGraph) -> Iterator[Entity]:
    """Every entity of the graph: actors, events, articles, then links, each group in id order."""
    model = _model()
    ref: dict[str, str] = {a: fid("actor", a) for a in graph.actors} | {e: fid("event", e) for e in graph.events}
    for a in graph.actors.values():
        kind = ActorKind(a.kind)
        yield _entity(model, SCHEMAS[kind], ref[a.id], {
            "name": a.name, "alias": list(a.aliases), "description": a.description, "country": a.country,
            "wikidataId": a.wikidata, "topics": TOPICS.get(kind), "notes": grade_text(a.reliability, None),
        })  # fmt: skip
    for e in graph.events.values():
        yield _entity(model, "Event", ref[e.id], {
            "name": e.name, "description": e.description, "startDate": e.start_date, "endDate": e.end_date,
            "location": e.location,
        })  # fmt: skip
    for s in graph.sources.values():
        yield _entity(model, "Article", fid("source", s.id), {
            "title": s.title, "bodyText": s.text, "publisher": s.publisher, "publishedAt": s.published_on,
            "sourceUrl": s.url, "summary": s.verification, "notes": _source_notes(graph, s.id),
        })  # fmt: skip
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    spoken_for: dict[tuple[str, str], set[str]] = defaultdict(set)
    for st in graph.statements.values():
        allegation = graph.allegations[st.allegation]
        source = graph.sources[st.source]
        target = allegation.object if allegation.subject == st.speaker else allegation.subject
        quoted = [fid("source", st.quoted_from)] if st.quoted_from in graph.sources else []
        yield _entity(model, "UnknownLink", fid("statement", st.id), {
            "subject": ref[st.speaker], "object": ref[target],
            "role": f"{st.stance.lower()} {allegation.predicate}",
            "summary": [allegation.summary, grade_text(graph.reliability_of(st), st.credibility)],
            "description": st.quote, "date": st.stated_on, "proof": [fid("source", st.source), *quoted],
            "status": allegation.status, "publisher": source.publisher, "sourceUrl": source.url, "recordId": st.id,
        })  # fmt: skip
        roles[(st.source, st.speaker)].add("speaker")
        roles[(st.source, allegation.subject)].add("subject")
        roles[(st.source, allegation.object)].add("object")
        if st.on_behalf_of:
            roles[(st.source, st.on_behalf_of)].add("represented")
            spoken_for[(st.speaker, st.on_behalf_of)].add(st.source)
    for (speaker, institution), sources in sorted(spoken_for.items()):
        yield _entity(model, "Representation", fid("representation", f"{speaker}.{institution}"), {
            "agent": ref[speaker], "client": ref[institution], "role": "spokesperson",
            "proof": [fid("source", s) for s in sorted(sources)],
        })  # fmt: skip
    for (source_id, node), found in sorted(roles.items()):
        yield _entity(model, "Documentation", fid("documentation", f"{source_id}.{node}"), {
            "document": fid("source", source_id), "entity": ref[node], "role": sorted(found),
        })  # fmt: skip


def _source_notes(graph: ExportedGraph, source_id: str) -> list[str | None]:
    """A source's grade and the source it repeats, as text: FtM has no field for either."""
    source = graph.sources[source_id]
    notes = [grade_text(source.reliability, None)]
    if source.derived_from:
        parent = graph.sources.get(source.derived_from)
        title = f" ({parent.title})" if parent else ""
        notes.append(f"Derived from source {source.derived_from}{title} (PROV wasDerivedFrom)")
    return notes


def dumps(items: list[Entity]) -> str:
    """JSON lines, one entity per line (what ``ftm`` and Aleph's loaders read)."""
    return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in items)
