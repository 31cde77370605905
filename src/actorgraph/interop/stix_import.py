"""STIX 2.1 import: a bundle becomes dossiers, checked and loaded like any other.

Nothing here writes to Neo4j. :func:`dossiers_from_bundle` returns one :class:`~actorgraph.model.Dossier`
per report; the CLI writes them as YAML and hands them to ``ingest`` (every quote found in its source
text, every reference resolved, aliases resolved against the graph) before anything is written.

Two shapes are read:

- **actorgraph's own export**: the property extension carries every field, so the dossiers give back
  the same graph (and exporting it again gives the same bundle);
- **other tools' bundles** (OpenCTI's shape: identities, threat actors, intrusion sets, campaigns,
  relationships, notes, opinions, reports): kinds and predicates come from the tables of
  :mod:`actorgraph.interop.stix_mapping`. A note on a relationship is a statement affirming it, said by
  the note's author (matched to an actor of the bundle by name or alias) or else by whoever created the
  note; a relationship a report contains without a note is affirmed by the report's creator, quoting
  the relationship's description. STIX carries no source text, so each report's text is assembled from
  its name, description and the notes and descriptions it quotes, and the dossier says so.

What cannot become a statement (a relationship no predicate fits, one with nothing to quote, a note in
no report) is skipped and counted in :attr:`StixImport.skipped`, never guessed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from actorgraph.errors import InvalidInput, Problem
from actorgraph.interop.grades import credibility_from_confidence, reliability_from_text
from actorgraph.interop.stix_mapping import (
    ACTOR_STIX_TYPES,
    EVENT_STIX_TYPES,
    EXTENSION_ID,
    OPENCTI_RELIABILITY,
    VERDICTS,
    predicate_for,
)
from actorgraph.model import Actor, Allegation, Dossier, Event, Source, Statement
from actorgraph.model.ids import is_slug, name_key
from actorgraph.model.vocabulary import ActorKind, EventKind, Predicate, Reliability, SourceKind, Stance

Obj = Mapping[str, Any]

#: Foreign threat-actor types -> our kind (the first that matches wins); otherwise ORGANIZATION.
_THREAT_ACTOR_KINDS = (
    ("spy", ActorKind.INTELLIGENCE_AGENCY),
    ("nation-state", ActorKind.MILITARY),
    ("terrorist", ActorKind.ARMED_GROUP),
    ("unknown", ActorKind.UNKNOWN),
)


@dataclass
class StixImport:
    """The dossiers a bundle gives, and what was skipped (reason -> how many)."""

    dossiers: list[Dossier]
    skipped: Counter[str] = field(default_factory=Counter)
    own_shape: bool = False


def _ext(obj: Obj) -> dict[str, Any]:
    found = (obj.get("extensions") or {}).get(EXTENSION_ID)
    return dict(found) if isinstance(found, Mapping) else {}


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    return dt.date.fromisoformat(str(value)[:10])


def _slug(text: str, fallback: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", name_key(text)).strip("-")[:60].strip("-")
    return words or fallback


class _Reader:
    """One bundle's objects by id, and the actorgraph ids handed out to them."""

    def __init__(self, objects: list[Obj]) -> None:
        self.by_id: dict[str, Obj] = {str(o["id"]): o for o in objects if isinstance(o, Mapping) and "id" in o}
        self.ids: dict[str, str] = {}
        self.taken: set[str] = set()
        self.actors: dict[str, Actor] = {}
        self.events: dict[str, Event] = {}
        self.names: dict[str, str] = {}  # name key -> STIX id of an actor

    def of_type(self, *types: str) -> list[Obj]:
        return [o for o in self.by_id.values() if o.get("type") in types]

    def local_id(self, obj: Obj, name: str) -> str:
        """Our id for a STIX object: the one it carries, else a slug of its name made unique."""
        stix = str(obj["id"])
        if stix in self.ids:
            return self.ids[stix]
        given = _ext(obj).get("actorgraph_id")
        if isinstance(given, str) and is_slug(given):
            chosen = given
        else:
            base = _slug(name, stix.split("--")[0])
            chosen = base if base not in self.taken else f"{base}-{stix.split('--')[-1][:8]}"
        self.taken.add(chosen)
        self.ids[stix] = chosen
        return chosen


def _actor_kind(obj: Obj, ext: Mapping[str, Any]) -> ActorKind:
    if ext.get("kind") in ActorKind.__members__:
        return ActorKind(ext["kind"])
    stix_type = obj.get("type")
    if stix_type == "intrusion-set":
        return ActorKind.UNKNOWN
    if stix_type == "threat-actor":
        if obj.get("x_opencti_type") == "Threat-Actor-Individual":
            return ActorKind.PERSON
        types = set(obj.get("threat_actor_types") or [])
        return next((kind for t, kind in _THREAT_ACTOR_KINDS if t in types), ActorKind.ORGANIZATION)
    klass = obj.get("identity_class")
    if klass == "individual":
        return ActorKind.PERSON
    if any(str(s).startswith("government") for s in obj.get("sectors") or []):
        return ActorKind.GOVERNMENT
    return ActorKind.ORGANIZATION if klass in ("organization", "group", "system") else ActorKind.UNKNOWN


def _read_actor(reader: _Reader, obj: Obj) -> None:
    ext = _ext(obj)
    name = str(obj.get("name") or obj["id"])
    aliases = ext.get("aliases") or obj.get("aliases") or obj.get("x_opencti_aliases") or []
    wikidata = ext.get("wikidata") or next(
        (r.get("external_id") for r in obj.get("external_references") or [] if r.get("source_name") == "wikidata"),
        None,
    )
    actor = Actor(
        id=reader.local_id(obj, name), name=name, kind=_actor_kind(obj, ext),
        aliases=[str(a) for a in aliases if str(a).strip() and str(a) != name], description=obj.get("description"),
        wikidata=wikidata if wikidata and re.match(r"^Q[1-9][0-9]*$", str(wikidata)) else None,
        country=ext.get("country"), reliability=_reliability(obj, ext),
    )  # fmt: skip
    reader.actors[str(obj["id"])] = actor
    for key in actor.name_keys():
        reader.names.setdefault(key, str(obj["id"]))


def _reliability(obj: Obj, ext: Mapping[str, Any]) -> Reliability | None:
    """A grade from our extension, else from OpenCTI's ``x_opencti_reliability`` ("B - Usually reliable")."""
    return reliability_from_text(ext.get("reliability")) or reliability_from_text(obj.get(OPENCTI_RELIABILITY))


def _read_event(reader: _Reader, obj: Obj) -> None:
    ext = _ext(obj)
    name = str(obj.get("name") or obj["id"])
    kind = EventKind(ext["kind"]) if ext.get("kind") in EventKind.__members__ else EventKind.OTHER
    start = _date(ext.get("start_date")) or (None if ext else _date(obj.get("first_seen")))
    end = _date(ext.get("end_date")) or (None if ext else _date(obj.get("last_seen")))
    reader.events[str(obj["id"])] = Event(
        id=reader.local_id(obj, name), name=name, kind=kind, start_date=start, end_date=end,
        location=ext.get("location"), description=obj.get("description"),
    )  # fmt: skip


@dataclass
class _Claim:
    """A relationship read as an allegation: its ends as STIX ids, and the dossier-local allegation."""

    allegation: Allegation
    subject: str
    object: str


def _read_claim(reader: _Reader, obj: Obj, skipped: Counter[str]) -> _Claim | None:
    ext = _ext(obj)
    source, target = str(obj.get("source_ref")), str(obj.get("target_ref"))
    src_type, tgt_type = source.split("--")[0], target.split("--")[0]
    if ext.get("predicate") in Predicate.__members__:
        predicate = Predicate(ext["predicate"])
        reverse = src_type in EVENT_STIX_TYPES
    else:
        found = predicate_for(str(obj.get("relationship_type")), src_type, tgt_type)
        if found is None:
            skipped[f"relationship {obj.get('relationship_type')} {src_type} -> {tgt_type}: no predicate fits"] += 1
            return None
        predicate, reverse = found
    subject, obj_ref = (target, source) if reverse else (source, target)
    if subject not in reader.actors or (obj_ref not in reader.actors and obj_ref not in reader.events):
        skipped["relationship whose ends are not in the bundle"] += 1
        return None
    target_node = reader.actors.get(obj_ref) or reader.events[obj_ref]
    summary = ext.get("summary") or str(obj.get("description") or "").strip()
    if not summary:
        summary = f"{reader.actors[subject].name} {predicate.value.lower().replace('_', ' ')} {target_node.name}"
    local = ext.get("actorgraph_id") or f"rel-{str(obj['id']).split('--')[-1]}"
    allegation = Allegation(
        id=local, subject=reader.actors[subject].id, predicate=predicate, object=target_node.id, summary=summary
    )
    return _Claim(allegation, subject, obj_ref)


def _with_verdicts(reader: _Reader, claims: dict[str, _Claim]) -> None:
    """Opinions on a relationship become its verdict (the last one by ``modified`` wins)."""
    opinions = sorted(reader.of_type("opinion"), key=lambda o: str(o.get("modified") or ""))
    for op in opinions:
        verdict = VERDICTS.get(str(op.get("opinion")))
        ext = _ext(op)
        for ref in op.get("object_refs") or []:
            claim = claims.get(str(ref))
            if claim is None or verdict is None:
                continue
            rationale = str(op.get("explanation") or "").strip() or (
                f"STIX opinion {op.get('opinion')!r} by {', '.join(op.get('authors') or ['an unnamed author'])}"
            )
            claim.allegation = claim.allegation.model_copy(
                update={
                    "verdict": verdict,
                    "verdict_rationale": rationale,
                    "verdict_source": ext.get("verdict_source"),
                    "verdict_on": _date(ext.get("verdict_on")) if ext else _date(op.get("created")),
                }
            )


@dataclass
class _Account:
    """One statement before its source text is known: the quote, and the offsets when the bundle has them."""

    claim: _Claim
    speaker: str
    stance: Stance
    quote: str
    ext: dict[str, Any]
    #: The note's STIX confidence (0-100), read as credibility when the extension gives none.
    confidence: int | None = None


def _speaker(reader: _Reader, note: Obj, fallback: str | None) -> str | None:
    """The STIX id of who said a foreign note: its author matched by name, else its or the report's creator."""
    for author in note.get("authors") or []:
        found = reader.names.get(name_key(str(author)))
        if found:
            return found
    creator = note.get("created_by_ref")
    if creator in reader.actors:
        return str(creator)
    return fallback if fallback in reader.actors else None


def _accounts(reader: _Reader, report: Obj, claims: dict[str, _Claim], skipped: Counter[str]) -> list[_Account]:
    refs = [str(r) for r in report.get("object_refs") or []]
    out: list[_Account] = []
    quoted: set[str] = set()
    creator = report.get("created_by_ref")
    for ref in refs:
        note = reader.by_id.get(ref)
        if note is None or note.get("type") != "note":
            continue
        ext = _ext(note)
        targets = [claims[str(r)] for r in note.get("object_refs") or [] if str(r) in claims]
        if not targets:
            skipped["note on no importable relationship"] += 1
            continue
        if ext.get("stance") in Stance.__members__:
            speaker = str(ext.get("speaker_ref"))
            stance = Stance(ext["stance"])
        else:
            found = _speaker(reader, note, str(creator) if creator else None)
            if found is None:
                skipped["note whose author is no actor of the bundle"] += 1
                continue
            speaker, stance = found, Stance.AFFIRMS
        quote = str(note.get("content") or note.get("abstract") or "").strip()
        if not quote or speaker not in reader.actors:
            skipped["note with nothing to quote"] += 1
            continue
        confidence = note.get("confidence")
        for claim in targets:
            out.append(
                _Account(claim, speaker, stance, quote, ext, confidence if isinstance(confidence, int) else None)
            )
            quoted.add(claim.allegation.id)
    for ref in refs:
        bare = claims.get(ref)
        if bare is None or bare.allegation.id in quoted:
            continue
        description = str(reader.by_id[ref].get("description") or "").strip()
        if not description or creator not in reader.actors:
            skipped["relationship in a report with no note and nothing to quote"] += 1
            continue
        out.append(_Account(bare, str(creator), Stance.AFFIRMS, description, {}))
    return out


def _source_text(report: Obj, accounts: list[_Account]) -> str:
    """A foreign report's text: its name, description and every quote it carries, each once."""
    parts = [str(report.get("name") or ""), str(report.get("description") or "")]
    for acc in accounts:
        if acc.quote not in "\n\n".join(parts):
            parts.append(acc.quote)
    return "\n\n".join(p for p in parts if p.strip())


def _source(reader: _Reader, report: Obj, accounts: list[_Account]) -> Source:
    ext = _ext(report)
    title = str(report.get("name") or report["id"])
    refs = report.get("external_references") or []
    url = next((str(r["url"]) for r in refs if r.get("url")), None)
    creator = reader.actors.get(str(report.get("created_by_ref")))
    publisher = ext.get("publisher") if ext else (creator.name if creator else None)
    kind = SourceKind(ext["kind"]) if ext.get("kind") in SourceKind.__members__ else SourceKind.REPORT
    return Source(
        id=reader.local_id(report, title), kind=kind, title=title, url=url, publisher=publisher,
        published_on=_date(ext.get("published_on")) if ext else _date(report.get("published")),
        text=ext.get("text") if "text" in ext else _source_text(report, accounts),
        reliability=_reliability(report, ext), derived_from=ext.get("derived_from"),
    )  # fmt: skip


def _statement(reader: _Reader, acc: _Account) -> Statement:
    ext = acc.ext
    behalf = ext.get("on_behalf_of_ref")
    return Statement(
        id=ext.get("actorgraph_id"), speaker=reader.actors[acc.speaker].id, allegation=acc.claim.allegation.id,
        stance=acc.stance, quote=acc.quote, start=ext.get("start"), end=ext.get("end"),
        stated_on=_date(ext.get("stated_on")), medium=ext.get("medium"),
        on_behalf_of=reader.actors[str(behalf)].id if behalf in reader.actors else None,
        confidence=ext.get("confidence"), note=ext.get("analyst_note"), quoted_from=ext.get("quoted_from"),
        credibility=ext.get("credibility") if "credibility" in ext else _credibility(acc.confidence),
    )  # fmt: skip


def _credibility(confidence: int | None) -> int | None:
    """A foreign note's confidence read on the spec's Admiralty Credibility scale (0-100 only)."""
    return credibility_from_confidence(confidence) if confidence is not None and 0 <= confidence <= 100 else None


def _dossier(reader: _Reader, report: Obj, accounts: list[_Account]) -> Dossier:
    actors: dict[str, Actor] = {}
    events: dict[str, Event] = {}
    allegations: dict[str, Allegation] = {}
    for acc in accounts:
        for ref in (acc.speaker, acc.claim.subject, acc.claim.object, str(acc.ext.get("on_behalf_of_ref"))):
            if ref in reader.actors:
                actors[ref] = reader.actors[ref]
            elif ref in reader.events:
                events[ref] = reader.events[ref]
        allegations[acc.claim.allegation.id] = acc.claim.allegation
    ext = _ext(report)
    verification = ext.get("verification")
    if not ext:
        verification = (
            "Imported from STIX: the text is the report's name and description followed by the notes "
            "and relationship descriptions it carries, not the original publication."
        )
    return Dossier(
        source=_source(reader, report, accounts),
        actors=sorted(actors.values(), key=lambda a: a.id),
        events=sorted(events.values(), key=lambda e: e.id),
        allegations=sorted(allegations.values(), key=lambda a: a.id),
        statements=[_statement(reader, acc) for acc in accounts],
        verification=verification,
    )


def dossiers_from_bundle(bundle: Any, *, name: str = "bundle") -> StixImport:
    """The dossiers of a STIX 2.1 bundle (parsed JSON); raises :class:`InvalidInput` naming what to fix."""
    try:
        return _dossiers(bundle, name)
    except ValidationError as exc:
        problems = [Problem(name, ".".join(map(str, e.get("loc", ()))), e.get("msg", "invalid")) for e in exc.errors()]
        raise InvalidInput(problems) from exc


def _dossiers(bundle: Any, name: str) -> StixImport:
    if not isinstance(bundle, Mapping) or bundle.get("type") != "bundle" or not isinstance(bundle.get("objects"), list):
        raise InvalidInput([Problem(name, "", 'not a STIX bundle: give a JSON object with "type": "bundle"')])
    reader = _Reader(list(bundle["objects"]))
    skipped: Counter[str] = Counter()
    for obj in reader.of_type(*ACTOR_STIX_TYPES):
        if str(obj.get("identity_class")) == "system" and str(obj.get("name")) == "actorgraph":
            continue  # the exporter itself, not an actor of the graph
        _read_actor(reader, obj)
    for obj in reader.of_type(*EVENT_STIX_TYPES):
        _read_event(reader, obj)
    claims: dict[str, _Claim] = {}
    for obj in sorted(reader.of_type("relationship"), key=lambda o: str(o["id"])):
        claim = _read_claim(reader, obj, skipped)
        if claim is not None:
            claims[str(obj["id"])] = claim
    _with_verdicts(reader, claims)
    dossiers: list[Dossier] = []
    used: set[str] = set()
    reports = sorted(reader.of_type("report"), key=lambda r: (str(_ext(r).get("actorgraph_id") or ""), str(r["id"])))
    origins = {_ext(r).get("derived_from") for r in reports} | {
        _ext(n).get("quoted_from") for n in reader.of_type("note")
    }
    for report in reports:
        accounts = _accounts(reader, report, claims, skipped)
        if not accounts and not ("text" in _ext(report) and _ext(report).get("actorgraph_id") in origins):
            skipped["report with no statement"] += 1
            continue
        dossiers.append(_dossier(reader, report, accounts))
        used |= {a.id for d in dossiers[-1:] for a in d.actors} | {e.id for d in dossiers[-1:] for e in d.events}
    in_reports = {str(r) for report in reports for r in report.get("object_refs") or []}
    for note in reader.of_type("note"):
        if str(note["id"]) not in in_reports and any(str(r) in claims for r in note.get("object_refs") or []):
            skipped["note in no report (nothing says where it was published)"] += 1
    if not dossiers:
        raise InvalidInput(
            [Problem(name, "", "no report with a quotable note or relationship: a statement needs a source")]
        )
    rest_actors = [a for a in reader.actors.values() if a.id not in used]
    rest_events = [e for e in reader.events.values() if e.id not in used]
    if rest_actors or rest_events:  # known to the bundle but in no statement: kept, in the first dossier
        first = dossiers[0]
        dossiers[0] = first.model_copy(
            update={"actors": [*first.actors, *sorted(rest_actors, key=lambda a: a.id)],
                    "events": [*first.events, *sorted(rest_events, key=lambda e: e.id)]}
        )  # fmt: skip
    return StixImport(dossiers=dossiers, skipped=skipped, own_shape=any(_ext(r) for r in reports))


def read_bundle(text: str, *, name: str = "bundle") -> StixImport:
    """:func:`dossiers_from_bundle` of JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput([Problem(name, f"line {exc.lineno}", f"not valid JSON ({exc.msg}): fix the file")]) from exc
    return dossiers_from_bundle(data, name=name)


def group_counts(result: StixImport) -> dict[str, int]:
    """Totals over the dossiers (for the CLI's summary line)."""
    totals: dict[str, int] = defaultdict(int)
    for d in result.dossiers:
        totals["sources"] += 1
        totals["statements"] += len(d.statements)
        totals["allegations"] += len(d.allegations)
    return dict(totals)
