"""Edits made one at a time (the API's mutations), each a function of one transaction.

Inputs arrive as the same pydantic models dossiers use and become rows through the same builders
(:mod:`actorgraph.model.rows`), so the rules are the same whichever way data comes in; existence
checks need the graph and happen here. Every function that changes statements, allegations or actor
identity brackets its change with :func:`derived.begin` and :func:`derived.finish`, so status and
derived relationships are never stale and only what the change touches is recomputed.
Run them through :meth:`actorgraph.store.core.Store.write`.
"""

from __future__ import annotations

from actorgraph.errors import InvalidInput, NotFound, Problem
from actorgraph.model import Actor, Allegation, Source, Statement, Verdict
from actorgraph.model.ids import allegation_id, name_key
from actorgraph.model.quotes import locate_quote
from actorgraph.model.rows import actor_row, allegation_row, prepare_statement, source_row, statement_row
from actorgraph.model.vocabulary import ObjectType
from actorgraph.store import derived
from actorgraph.store.core import Tx
from actorgraph.store.loader import Custody, custody_problems, write_rows


def _labels(tx: Tx, ids: list[str]) -> dict[str, str]:
    return {rec["id"]: rec["label"] for rec in tx.run("node_exists", ids=ids)}


def _require(tx: Tx, wanted: dict[str, tuple[str | None, str]]) -> dict[str, str]:
    """Check ids exist with the right label: {field: (id, label)}; NotFound naming the field otherwise.

    None means "not given" (an optional field); every string is checked, the empty one too (fuzzing
    found ``addAlias(actorId: "")`` skipping the check and failing later as an internal error).
    """
    ids = [i for i, _ in wanted.values() if i is not None]
    found = _labels(tx, ids)
    for field, (node_id, label) in wanted.items():
        if node_id is not None and found.get(node_id) != label:
            raise NotFound(f"{field}: no {label} with id {node_id!r}: create it first or fix the id")
    return found


def create_actor(tx: Tx, actor: Actor) -> str:
    if _labels(tx, [actor.id]):
        raise InvalidInput([Problem("input", "id", f"{actor.id!r} already exists: use updateActor, or pick a new id")])
    write_rows(tx, "Actor", [actor_row(actor)])
    return actor.id


def update_actor(tx: Tx, actor: Actor) -> str:
    """Replace an actor's properties; a kind changed to or from MEDIA re-derives what it was a voice on."""
    _require(tx, {"id": (actor.id, "Actor")})
    was_reporter = derived.reporting_changes(tx, {actor.id: actor.kind.value})
    before = derived.begin(tx, derived.voiced_allegations(tx, was_reporter))
    tx.execute("update_actor", id=actor.id, props=actor_row(actor)["props"], keys=sorted(actor.name_keys()))
    for alias in actor.aliases:
        add_alias(tx, actor.id, alias)
    derived.finish(tx, before)
    return actor.id


def add_alias(tx: Tx, actor_id: str, alias: str) -> str:
    alias = alias.strip()
    key = name_key(alias)
    if not key:
        raise InvalidInput([Problem("input", "alias", "an alias needs letters or digits")])
    _require(tx, {"actorId": (actor_id, "Actor")})
    owners = [rec["id"] for rec in tx.run("actors_named", key=key) if rec["id"] != actor_id]
    if owners:
        raise InvalidInput(
            [Problem("input", "alias", f"{alias!r} already names {owners[0]!r}: if they are the same, use mergeActors")]
        )
    tx.execute("add_alias", id=actor_id, alias=alias, key=key)
    return actor_id


def merge_actors(tx: Tx, keep: str, merge: str) -> str:
    """Fold actor ``merge`` into ``keep``: every statement and allegation moves, nothing is lost."""
    if keep == merge:
        raise InvalidInput([Problem("input", "mergeId", "an actor cannot be merged into itself")])
    _require(tx, {"keepId": (keep, "Actor"), "mergeId": (merge, "Actor")})
    # Every allegation whose accounts change: those about `merge` (re-keyed, maybe folded into one
    # about `keep`) and those `merge` spoke on (its voice becomes `keep`'s).
    concerned = tx.records("actor_allegations", id=merge)
    renamed = {
        allegation_id(
            keep if r["subject"] == merge else r["subject"],
            r["predicate"],
            keep if r["object"] == merge else r["object"],
        )
        for r in concerned
    }
    before = derived.begin(tx, {r["id"] for r in concerned} | renamed)
    touched = tx.records("merge_actor_into", keep=keep, merge=merge)
    remaining: list[str] = []
    for rec in touched:
        new_id = allegation_id(rec["subject"], rec["predicate"], rec["object"])
        if new_id != rec["id"] and tx.single("rekey_rename", old=rec["id"], new=new_id) is None:
            tx.execute("rekey_fold", old=rec["id"], new=new_id)
        remaining.append(new_id)
    derived.finish(tx, before, remaining)
    return keep


def record_statement(
    tx: Tx,
    allegation: Allegation,
    statement: Statement,
    source_id: str,
    new_source: Source | None,
) -> str:
    """Record one statement (and its allegation if new, and its source if given); returns its id.

    Grades and chains of custody are checked as a dossier's are (:func:`custody_problems`: an origin
    must exist and no chain may loop), and the source's DERIVED_FROM is linked before the statement is
    written, so :func:`derived.finish` reads the statement's origin and the status follows the origin rule.
    """
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
        rec = tx.single("source_text", id=source_id)
        text = rec["text"] if rec else ""
    custody = Custody(
        file="input", source=source_id, derived_from=new_source.derived_from if new_source else None,
        quoted_from=(("quotedFrom", statement.quoted_from),), writes_source=new_source is not None,
        derived_field="source.derivedFrom",
        fix="record the source it {} first (a dossier, or recordStatement with its text), or fix the id",
    )  # fmt: skip
    problems = custody_problems(tx, [custody])
    if problems:
        raise InvalidInput(problems)
    span, field, message = locate_quote(text, statement.quote, statement.start, statement.end, statement.occurrence)
    if span is None:
        raise InvalidInput([Problem("input", field, message)])
    if new_source is not None:
        write_rows(tx, "Source", [source_row(new_source, text)])
        if new_source.derived_from is not None:
            tx.execute("link_sources", rows=[{"id": new_source.id, "derived_from": new_source.derived_from}])
    alleg = allegation_row(allegation, allegation.subject, allegation.object, with_verdict=False)
    write_rows(tx, "Allegation", [alleg])
    before = derived.begin(tx, [alleg["id"]])
    stmt = statement_row(
        prepare_statement(statement, span),
        speaker=statement.speaker,
        allegation=alleg["id"],
        source=source_id,
        on_behalf_of=statement.on_behalf_of,
    )
    write_rows(tx, "Statement", [stmt])
    derived.finish(tx, before)
    return str(stmt["id"])


def set_verdict(tx: Tx, allegation_id_: str, verdict: Verdict, rationale: str, source: str | None) -> str:
    if not rationale.strip():
        raise InvalidInput([Problem("input", "rationale", "a verdict needs a rationale saying why")])
    rec = tx.single("set_verdict", id=allegation_id_, verdict=verdict.value, rationale=rationale.strip(), source=source)
    if rec is None:
        raise NotFound(f"allegationId: no Allegation with id {allegation_id_!r}")
    return allegation_id_
