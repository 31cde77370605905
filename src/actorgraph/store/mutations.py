"""Edits made one at a time (the API's mutations), each inside the caller's transaction.

Inputs arrive as the same pydantic models dossiers use, so the rules are the same; existence checks
need the graph and happen here. Every function that changes statements, allegations or actor
identity ends with :func:`projections.refresh`, so status and projections are never stale.
"""

from __future__ import annotations

import hashlib
from typing import Any

from neo4j import ManagedTransaction

from actorgraph.errors import InvalidInput, NotFound, Problem
from actorgraph.ingest.read import locate_quote
from actorgraph.model import Actor, Allegation, Source, Statement, Verdict
from actorgraph.model.ids import allegation_id, name_key, statement_id
from actorgraph.model.vocabulary import ObjectType
from actorgraph.store import projections
from actorgraph.store.cypher import query
from actorgraph.store.writer import actor_row, run_write


def _labels(tx: ManagedTransaction, ids: list[str]) -> dict[str, str]:
    return {rec["id"]: rec["label"] for rec in tx.run(query("node_exists"), ids=ids)}


def _require(tx: ManagedTransaction, wanted: dict[str, tuple[str | None, str]]) -> dict[str, str]:
    """Check ids exist with the right label: {field: (id, label)}; NotFound naming the field otherwise."""
    ids = [i for i, _ in wanted.values() if i]
    found = _labels(tx, ids)
    for field, (node_id, label) in wanted.items():
        if node_id and found.get(node_id) != label:
            raise NotFound(f"{field}: no {label} with id {node_id!r}: create it first or fix the id")
    return found


def create_actor(tx: ManagedTransaction, actor: Actor) -> str:
    if _labels(tx, [actor.id]):
        raise InvalidInput([Problem("input", "id", f"{actor.id!r} already exists: use updateActor, or pick a new id")])
    run_write(tx, "Actor", [actor_row(actor)])
    return actor.id


def update_actor(tx: ManagedTransaction, actor: Actor) -> str:
    _require(tx, {"id": (actor.id, "Actor")})
    props = {"name": actor.name, "kind": actor.kind.value, "description": actor.description,
             "wikidata": actor.wikidata, "country": actor.country}  # fmt: skip
    tx.run(query("update_actor"), id=actor.id, props=props, keys=sorted(actor.name_keys())).consume()
    for alias in actor.aliases:
        add_alias(tx, actor.id, alias)
    return actor.id


def add_alias(tx: ManagedTransaction, actor_id: str, alias: str) -> str:
    alias = alias.strip()
    key = name_key(alias)
    if not key:
        raise InvalidInput([Problem("input", "alias", "an alias needs letters or digits")])
    _require(tx, {"actorId": (actor_id, "Actor")})
    owners = [rec["id"] for rec in tx.run(query("actor_names")) if key in rec["keys"] and rec["id"] != actor_id]
    if owners:
        raise InvalidInput(
            [Problem("input", "alias", f"{alias!r} already names {owners[0]!r}: if they are the same, use mergeActors")]
        )
    tx.run(query("add_alias"), id=actor_id, alias=alias, key=key).consume()
    return actor_id


def merge_actors(tx: ManagedTransaction, keep: str, merge: str) -> str:
    """Fold actor ``merge`` into ``keep``: every statement and allegation moves, nothing is lost."""
    if keep == merge:
        raise InvalidInput([Problem("input", "mergeId", "an actor cannot be merged into itself")])
    _require(tx, {"keepId": (keep, "Actor"), "mergeId": (merge, "Actor")})
    touched = list(tx.run(query("merge_actor_into"), keep=keep, merge=merge))
    remaining: list[str] = []
    for rec in touched:
        new_id = allegation_id(rec["subject"], rec["predicate"], rec["object"])
        if new_id == rec["id"]:
            remaining.append(new_id)
            continue
        renamed = tx.run(query("rekey_rename"), old=rec["id"], new=new_id).single()
        if renamed is None:
            tx.run(query("rekey_fold"), old=rec["id"], new=new_id).consume()
        remaining.append(new_id)
    projections.refresh(tx, sorted(set(remaining)), extra_actors=[keep])
    return keep


def record_statement(
    tx: ManagedTransaction,
    allegation: Allegation,
    statement: Statement,
    source_id: str,
    new_source: Source | None,
) -> str:
    """Record one statement (and its allegation if new, and its source if given); returns its id."""
    wanted: dict[str, tuple[str | None, str]] = {
        "speaker": (statement.speaker, "Actor"),
        "subject": (allegation.subject, "Actor"),
        "onBehalfOf": (statement.on_behalf_of, "Actor"),
    }
    obj_label = "Event" if allegation.predicate.info.object_type is ObjectType.EVENT else "Actor"
    wanted["object"] = (allegation.object, obj_label)
    if new_source is None:
        wanted["source.id"] = (source_id, "Source")
    _require(tx, wanted)
    if new_source is not None:
        if _labels(tx, [new_source.id]):
            raise InvalidInput([Problem("input", "source.id", f"{new_source.id!r} exists: give only its id")])
        text = new_source.text or ""
    else:
        rec = tx.run(query("source_text"), id=source_id).single()
        text = rec["text"] if rec else ""
    span, field, message = locate_quote(text, statement.quote, statement.start, statement.end, statement.occurrence)
    if span is None:
        raise InvalidInput([Problem("input", field, message)])
    alleg_id = allegation_id(allegation.subject, allegation.predicate.value, allegation.object)
    stmt_id = statement.id or statement_id(source_id, statement.speaker, alleg_id, statement.stance.value, span[0])
    if new_source is not None:
        props: dict[str, Any] = {
            "kind": new_source.kind.value, "title": new_source.title, "url": new_source.url,
            "publisher": new_source.publisher, "published_on": new_source.published_on, "text": text,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        }  # fmt: skip
        run_write(tx, "Source", [{"id": new_source.id, "props": props}])
    run_write(
        tx,
        "Allegation",
        [
            {
                "id": alleg_id,
                "subject": allegation.subject,
                "object": allegation.object,
                "props": {
                    "predicate": allegation.predicate.value,
                    "polarity": allegation.predicate.polarity.value,
                    "summary": allegation.summary,
                },
                "verdict": None,
            }
        ],
    )
    run_write(
        tx,
        "Statement",
        [
            {
                "id": stmt_id,
                "speaker": statement.speaker,
                "allegation": alleg_id,
                "source": source_id,
                "on_behalf_of": statement.on_behalf_of,
                "props": {"stance": statement.stance.value, "quote": statement.quote, "start": span[0],
                          "end": span[1], "stated_on": statement.stated_on, "medium": statement.medium,
                          "confidence": statement.confidence, "note": statement.note},
            }
        ],
    )  # fmt: skip
    projections.refresh(tx, [alleg_id])
    return stmt_id


def set_verdict(
    tx: ManagedTransaction, allegation_id_: str, verdict: Verdict, rationale: str, source: str | None
) -> str:
    if not rationale.strip():
        raise InvalidInput([Problem("input", "rationale", "a verdict needs a rationale saying why")])
    rec = tx.run(
        query("set_verdict"), id=allegation_id_, verdict=verdict.value, rationale=rationale.strip(), source=source
    ).single()
    if rec is None:
        raise NotFound(f"allegationId: no Allegation with id {allegation_id_!r}")
    return allegation_id_
