"""Write rows: the one place that turns model objects into the rows the store's write queries take.

Pure. The loader (a whole dossier) and the API's mutations (one statement at a time) both build
their rows here, so an actor, a source, an allegation or a statement is stored the same way whichever
door it came in by. Each row is ``{"id", "props", ...links}``; the write queries in
``store/queries/write_*.cypher`` read exactly these keys.
"""

from __future__ import annotations

import hashlib
from typing import Any

from actorgraph.model.dossier import PreparedDossier, PreparedStatement
from actorgraph.model.entities import Actor, Allegation, Event, Source, Statement
from actorgraph.model.ids import allegation_id, statement_id
from actorgraph.model.quotes import Span

Row = dict[str, Any]

#: The model's node labels, in the order a dossier is written (links point backwards only).
LABELS = ("Actor", "Event", "Source", "Allegation", "Statement")


def text_sha256(text: str) -> str:
    """The hex SHA-256 of a source text (stored, so a changed text is visible)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def actor_row(actor: Actor) -> Row:
    """The row of an actor written under its own id."""
    props = {"name": actor.name, "kind": actor.kind.value, "description": actor.description,
             "wikidata": actor.wikidata, "country": actor.country,
             "reliability": actor.reliability.value if actor.reliability else None}  # fmt: skip
    return {
        "id": actor.id,
        "props": props,
        "aliases": sorted(set(actor.aliases)),
        "name_keys": sorted(actor.name_keys()),
    }


def known_actor_row(stored_id: str, actor: Actor) -> Row:
    """The row of a dossier actor resolved to a known actor: its identity kept, the new names learned."""
    return {"id": stored_id, "props": {}, "aliases": sorted({actor.name, *actor.aliases}),
            "name_keys": sorted(actor.name_keys())}  # fmt: skip


def event_row(event: Event) -> Row:
    return {"id": event.id, "props": {"name": event.name, "kind": event.kind.value, "start_date": event.start_date,
                                      "end_date": event.end_date, "location": event.location,
                                      "description": event.description}}  # fmt: skip


def source_row(source: Source, text: str, verification: str | None = None) -> Row:
    """The row of a source with its full text (inline or read from ``text_file``) and the text's hash."""
    return {
        "id": source.id,
        "derived_from": source.derived_from,
        "props": {"kind": source.kind.value, "title": source.title, "url": source.url, "publisher": source.publisher,
                  "published_on": source.published_on, "text": text, "sha256": text_sha256(text),
                  "verification": verification,
                  "reliability": source.reliability.value if source.reliability else None},
    }  # fmt: skip


def allegation_row(allegation: Allegation, subject: str, obj: str, *, with_verdict: bool = True) -> Row:
    """The row of an allegation under its natural-key id (subject, predicate, object after resolution).

    ``with_verdict=False`` leaves any stored verdict alone (a statement recorded through the API
    never carries one; verdicts have their own mutation).
    """
    verdict: dict[str, Any] | None = None
    if with_verdict and allegation.verdict is not None:
        verdict = {"verdict": allegation.verdict.value, "verdict_rationale": allegation.verdict_rationale,
                   "verdict_source": allegation.verdict_source}  # fmt: skip
        if allegation.verdict_on is not None:  # kept when a verdict comes back from an export
            verdict["verdict_on"] = allegation.verdict_on
    predicate = allegation.predicate
    return {
        "id": allegation_id(subject, predicate.value, obj),
        "subject": subject,
        "object": obj,
        "props": {"predicate": predicate.value, "polarity": predicate.polarity.value, "summary": allegation.summary},
        "verdict": verdict,
    }


def prepare_statement(statement: Statement, span: Span) -> PreparedStatement:
    """A statement from the API as a dossier would give it, its quote located at ``span``."""
    return PreparedStatement(
        id=statement.id, speaker=statement.speaker, allegation=statement.allegation, stance=statement.stance.value,
        quote=statement.quote, start=span[0], end=span[1], stated_on=statement.stated_on, medium=statement.medium,
        on_behalf_of=statement.on_behalf_of, confidence=statement.confidence, note=statement.note,
        credibility=statement.credibility, quoted_from=statement.quoted_from,
    )  # fmt: skip


def statement_row(s: PreparedStatement, *, speaker: str, allegation: str, source: str, on_behalf_of: str | None) -> Row:
    """The row of a statement with its links; ``speaker``/``allegation``/``on_behalf_of`` are stored ids."""
    return {
        "id": s.id or statement_id(source, speaker, allegation, s.stance, s.start),
        "speaker": speaker,
        "allegation": allegation,
        "source": source,
        "on_behalf_of": on_behalf_of,
        "quoted_from": s.quoted_from,
        "props": {"stance": s.stance, "quote": s.quote, "start": s.start, "end": s.end, "stated_on": s.stated_on,
                  "medium": s.medium, "confidence": s.confidence, "note": s.note, "credibility": s.credibility},
    }  # fmt: skip


def dossier_rows(prepared: PreparedDossier, mapping: dict[str, str]) -> dict[str, list[Row]]:
    """The rows of every label of one dossier, actor ids resolved through ``mapping`` (dossier id -> stored)."""
    d = prepared.dossier

    def actor(i: str) -> str:
        return mapping.get(i, i)

    actors: dict[str, Row] = {}
    for act in d.actors:
        stored = actor(act.id)
        new = actor_row(act) if stored == act.id else known_actor_row(stored, act)
        row = actors.setdefault(stored, {"id": stored, "props": new["props"], "aliases": [], "name_keys": []})
        row["aliases"] = sorted(set(row["aliases"]) | set(new["aliases"]))
        row["name_keys"] = sorted(set(row["name_keys"]) | act.name_keys())
    allegations = {a.id: allegation_row(a, actor(a.subject), actor(a.object)) for a in d.allegations}
    statements = [
        statement_row(
            s,
            speaker=actor(s.speaker),
            allegation=allegations[s.allegation]["id"],
            source=d.source.id,
            on_behalf_of=actor(s.on_behalf_of) if s.on_behalf_of else None,
        )
        for s in prepared.statements
    ]
    return {
        "Actor": list(actors.values()),
        "Event": [event_row(e) for e in d.events],
        "Source": [source_row(d.source, prepared.source_text, d.verification)],
        "Allegation": list(allegations.values()),
        "Statement": statements,
    }
