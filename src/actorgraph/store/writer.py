"""Writing checked dossiers: alias resolution, batched upserts, derived data, in one transaction.

One ``UNWIND $rows MERGE`` per label (chunked for very large dossiers), MERGE on ids, so loading the
same dossier twice changes nothing and two loaders racing on it end with one copy (uniqueness
constraints make concurrent MERGEs on the same id wait for each other).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, LiteralString

from neo4j import ManagedTransaction

from actorgraph.errors import Problem
from actorgraph.ingest.read import PreparedDossier
from actorgraph.model import Actor
from actorgraph.model.ids import allegation_id, statement_id
from actorgraph.store import projections
from actorgraph.store.cypher import query

CHUNK = 5000
LABELS = ("Actor", "Event", "Source", "Allegation", "Statement")


@dataclass(frozen=True)
class Resolved:
    """A dossier actor that turned out to be an actor already known under another id."""

    file: str
    dossier_id: str
    name: str
    actor_id: str
    actor_name: str


@dataclass
class WriteResult:
    """What one write changed: per label, how many nodes were created / updated / unchanged."""

    changes: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    resolved: list[Resolved] = field(default_factory=list)

    def merge(self, other: WriteResult) -> None:
        for label, counter in other.changes.items():
            self.changes[label].update(counter)
        self.resolved += other.resolved


class NameIndex:
    """Normalised name -> actor ids, for resolving a dossier's actors to known ones."""

    def __init__(self) -> None:
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self.names: dict[str, str] = {}

    @classmethod
    def read(cls, tx: ManagedTransaction) -> NameIndex:
        index = cls()
        for rec in tx.run(query("actor_names")):
            index.add(rec["id"], rec["name"] or rec["id"], rec["keys"])
        return index

    def add(self, actor_id: str, name: str, keys: Iterable[str]) -> None:
        self.names[actor_id] = name
        for key in keys:
            self.by_key[key].add(actor_id)

    def resolve(self, prepared: PreparedDossier) -> tuple[dict[str, str], list[Resolved], list[Problem]]:
        """Map each dossier actor id to the stored id (itself unless a name/alias matches another actor)."""
        mapping: dict[str, str] = {}
        resolved: list[Resolved] = []
        problems: list[Problem] = []
        for i, actor in enumerate(prepared.dossier.actors):
            if actor.id in self.names:
                mapping[actor.id] = actor.id
                continue
            matches = sorted({m for key in actor.name_keys() for m in self.by_key.get(key, ())})
            if len(matches) > 1:
                problems.append(
                    Problem(
                        str(prepared.path),
                        f"actors[{i}]",
                        f"{actor.name!r} matches several known actors ({', '.join(matches)}): use one of their ids",
                    )
                )
                continue
            target = matches[0] if matches else actor.id
            mapping[actor.id] = target
            if matches:
                resolved.append(Resolved(str(prepared.path), actor.id, actor.name, target, self.names[target]))
        return mapping, resolved, problems

    def learn(self, prepared: PreparedDossier, mapping: dict[str, str]) -> None:
        """Add a dossier's actors as if written, so later dossiers of the same load resolve to them."""
        for actor in prepared.dossier.actors:
            stored = mapping.get(actor.id, actor.id)
            self.add(stored, self.names.get(stored, actor.name), actor.name_keys())


def _chunks(rows: Sequence[dict[str, Any]]) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def _run_counted(tx: ManagedTransaction, name: LiteralString, rows: Sequence[dict[str, Any]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for chunk in _chunks(rows):
        for rec in tx.run(query(name), rows=list(chunk)):
            counts[rec["change"]] += rec["n"]
    return counts


def actor_row(act: Actor) -> dict[str, Any]:
    """The write row of one actor, written under its own id."""
    props = {"name": act.name, "kind": act.kind.value, "description": act.description,
             "wikidata": act.wikidata, "country": act.country}  # fmt: skip
    return {"id": act.id, "props": props, "aliases": sorted(set(act.aliases)), "name_keys": sorted(act.name_keys())}


def run_write(tx: ManagedTransaction, label: str, rows: Sequence[dict[str, Any]]) -> Counter[str]:
    """Upsert rows of one label with its write query; returns created/updated/unchanged counts."""
    return _run_counted(tx, WRITE_QUERIES[label], rows)


def dossier_rows(prepared: PreparedDossier, mapping: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """The rows each write query takes, with actor ids resolved and stored ids computed."""
    d = prepared.dossier

    def actor(i: str) -> str:
        return mapping.get(i, i)

    actors: dict[str, dict[str, Any]] = {}
    for act in d.actors:
        stored = actor(act.id)
        if stored == act.id:
            new = actor_row(act)
        else:  # resolved to a known actor: keep its identity, learn the new names
            new = {"id": stored, "props": {}, "aliases": sorted({act.name, *act.aliases}), "name_keys": []}
        row = actors.setdefault(stored, {"id": stored, "props": new["props"], "aliases": [], "name_keys": []})
        row["aliases"] = sorted(set(row["aliases"]) | set(new["aliases"]))
        row["name_keys"] = sorted(set(row["name_keys"]) | act.name_keys())
    src = d.source
    sources = [
        {
            "id": src.id,
            "props": {"kind": src.kind.value, "title": src.title, "url": src.url, "publisher": src.publisher,
                      "published_on": src.published_on, "text": prepared.source_text,
                      "sha256": prepared.source_sha256, "verification": d.verification},
        }
    ]  # fmt: skip
    events = [
        {"id": e.id, "props": {"name": e.name, "kind": e.kind.value, "start_date": e.start_date,
                               "end_date": e.end_date, "location": e.location, "description": e.description}}
        for e in d.events
    ]  # fmt: skip
    alleg_ids: dict[str, str] = {}
    allegations = []
    for a in d.allegations:
        subject = actor(a.subject)
        obj = actor(a.object)
        stored = allegation_id(subject, a.predicate.value, obj)
        alleg_ids[a.id] = stored
        verdict: dict[str, Any] | None = (
            {"verdict": a.verdict.value, "verdict_rationale": a.verdict_rationale, "verdict_source": a.verdict_source}
            if a.verdict
            else None
        )
        if verdict is not None and a.verdict_on is not None:
            verdict["verdict_on"] = a.verdict_on
        allegations.append(
            {
                "id": stored,
                "subject": subject,
                "object": obj,
                "props": {"predicate": a.predicate.value, "polarity": a.predicate.polarity.value, "summary": a.summary},
                "verdict": verdict,
            }
        )
    statements = []
    for s in prepared.statements:
        speaker = actor(s.speaker)
        alleg = alleg_ids[s.allegation]
        statements.append(
            {
                "id": s.id or statement_id(src.id, speaker, alleg, s.stance, s.start),
                "speaker": speaker,
                "allegation": alleg,
                "source": src.id,
                "on_behalf_of": actor(s.on_behalf_of) if s.on_behalf_of else None,
                "props": {"stance": s.stance, "quote": s.quote, "start": s.start, "end": s.end,
                          "stated_on": s.stated_on, "medium": s.medium, "confidence": s.confidence, "note": s.note},
            }
        )  # fmt: skip
    return {
        "Actor": list(actors.values()),
        "Event": events,
        "Source": sources,
        "Allegation": allegations,
        "Statement": statements,
    }


WRITE_QUERIES: dict[str, LiteralString] = {
    "Actor": "write_actors",
    "Event": "write_events",
    "Source": "write_sources",
    "Allegation": "write_allegations",
    "Statement": "write_statements",
}


def write_dossier(tx: ManagedTransaction, prepared: PreparedDossier, mapping: dict[str, str]) -> WriteResult:
    """Write one checked dossier and refresh the derived data it affects, in the caller's transaction."""
    result = WriteResult()
    rows = dossier_rows(prepared, mapping)
    for label in LABELS:
        result.changes[label].update(run_write(tx, label, rows[label]))
    projections.refresh(tx, [a["id"] for a in rows["Allegation"]], check_removed=False)
    return result
