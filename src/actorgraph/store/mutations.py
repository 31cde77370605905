"""Edits made one at a time (the API's mutations), each a function of one transaction.

Inputs arrive as the same pydantic models dossiers use and become rows through the same builders
(:mod:`actorgraph.model.rows`), so the rules are the same whichever way data comes in; existence
checks need the graph and happen here. Every function that changes statements, allegations or actor
identity brackets its change with :func:`derived.begin` and :func:`derived.finish`, so status and
derived relationships are never stale and only what the change touches is recomputed. Every one
writes its audit record (:mod:`actorgraph.store.history`) in the same transaction, attributed to
``who``; merges and verdicts require a reason. Run them through :meth:`actorgraph.store.core.Store.write`.
"""

from __future__ import annotations

from actorgraph.errors import InvalidInput, NotFound, Problem
from actorgraph.model import Actor, Allegation, Source, Statement, Verdict
from actorgraph.model.custody import Custody
from actorgraph.model.history import ANONYMOUS, Action, MergeUndo, require_reason
from actorgraph.model.ids import allegation_id, name_key
from actorgraph.model.quotes import locate_quote
from actorgraph.model.rows import actor_row, allegation_row, prepare_statement, source_row, statement_row
from actorgraph.model.vocabulary import ObjectType
from actorgraph.store import derived, history
from actorgraph.store.core import Tx
from actorgraph.store.loader import custody_problems, write_rows


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


def create_actor(tx: Tx, actor: Actor, *, who: str = ANONYMOUS) -> str:
    if _labels(tx, [actor.id]):
        raise InvalidInput([Problem("input", "id", f"{actor.id!r} already exists: use updateActor, or pick a new id")])
    write_rows(tx, "Actor", [actor_row(actor)])
    history.record(tx, Action.CREATE_ACTOR, who, f"created actor {actor.id} ({actor.name})", [actor.id])
    return actor.id


def update_actor(tx: Tx, actor: Actor, *, who: str = ANONYMOUS) -> str:
    """Replace an actor's properties; a kind changed to or from MEDIA re-derives what it was a voice on."""
    _require(tx, {"id": (actor.id, "Actor")})
    was_reporter = derived.reporting_changes(tx, {actor.id: actor.kind.value})
    before = derived.begin(tx, derived.voiced_allegations(tx, was_reporter))
    tx.execute("update_actor", id=actor.id, props=actor_row(actor)["props"], keys=sorted(actor.name_keys()))
    for alias in actor.aliases:
        _add_alias(tx, actor.id, alias)
    derived.finish(tx, before)
    history.record(tx, Action.UPDATE_ACTOR, who, f"updated actor {actor.id} ({actor.name})", [actor.id])
    return actor.id


def add_alias(tx: Tx, actor_id: str, alias: str, *, who: str = ANONYMOUS) -> str:
    _add_alias(tx, actor_id, alias)
    history.record(tx, Action.ADD_ALIAS, who, f"alias {alias.strip()!r} added to {actor_id}", [actor_id])
    return actor_id


def _add_alias(tx: Tx, actor_id: str, alias: str) -> str:
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


def merge_actors(tx: Tx, keep: str, merge: str, reason: str, *, who: str = ANONYMOUS) -> str:
    """Fold actor ``merge`` into ``keep``: every statement and allegation moves, nothing is lost.

    The audit record keeps what :func:`actorgraph.store.unmerge.unmerge_actors` needs to put it all
    back: the absorbed actor as it was, and every re-keyed allegation with its own statements (a fold
    merges two allegations' statements, and only the record still knows which was whose).
    """
    reason = require_reason(reason)
    if keep == merge:
        raise InvalidInput([Problem("input", "mergeId", "an actor cannot be merged into itself")])
    _require(tx, {"keepId": (keep, "Actor"), "mergeId": (merge, "Actor")})
    if tx.single("distinct_pair", a=keep, b=merge) is not None:
        raise InvalidInput([Problem("input", "mergeId", f"{keep!r} and {merge!r} are marked not the same: "
                                    "unmarkDistinct them first if they are")])  # fmt: skip
    # Every allegation whose accounts change: those about `merge` (re-keyed, maybe folded into one
    # about `keep`) and those `merge` spoke on (its voice becomes `keep`'s).
    concerned = tx.records("actor_allegations", id=merge)
    became = {
        r["id"]: allegation_id(
            keep if r["subject"] == merge else r["subject"],
            r["predicate"],
            keep if r["object"] == merge else r["object"],
        )
        for r in concerned
        if merge in (r["subject"], r["object"])
    }
    renamed = set(became.values())
    undo = _merge_undo(tx, keep, merge, became)
    before = derived.begin(tx, {r["id"] for r in concerned} | renamed)
    touched = tx.records("merge_actor_into", keep=keep, merge=merge)
    remaining: list[str] = []
    for rec in touched:
        new_id = allegation_id(rec["subject"], rec["predicate"], rec["object"])
        if new_id != rec["id"] and tx.single("rekey_rename", old=rec["id"], new=new_id) is None:
            tx.execute("rekey_fold", old=rec["id"], new=new_id)
        remaining.append(new_id)
    derived.finish(tx, before, remaining)
    moved = [{"a": min(keep, o), "b": max(keep, o), "props": d["props"]}
             for d in undo.distinct if (o := d["other"]) in undo.added_distinct]  # fmt: skip
    if moved:
        tx.execute("mark_distinct", rows=moved)
    ids = {keep, merge, *became, *renamed, *undo.made, *undo.spoken_for}
    history.record(tx, Action.MERGE, who, f"merged actor {merge} into {keep}", ids, reason=reason,
                   extra={"merged": merge, "undo": undo.to_json()})  # fmt: skip
    return keep


def _merge_undo(tx: Tx, keep: str, merge: str, became: dict[str, str]) -> MergeUndo:
    """The state a merge changes, read before it runs (``became``: re-keyed allegation -> its new id)."""
    rec = tx.single("merge_record", keep=keep, merge=merge)
    assert rec is not None  # both exist: checked by the caller in this transaction
    wanted = sorted(set(became) | {n for n in became.values() if n not in became})
    allegations = [
        {"id": r["id"], "labels": sorted(r["labels"]), "props": history.native_props(r["props"]),
         "subject": r["subject"], "object": r["object"], "statements": sorted(r["statements"])}
        for r in tx.run("allegations_as_they_are", ids=wanted)
    ]  # fmt: skip
    distinct = [{"other": d["other"], "outgoing": bool(d["outgoing"]), "props": history.native_props(d["props"])}
                for d in rec["distinct"]]  # fmt: skip
    return MergeUndo(
        keep=keep, merged=merge, labels=sorted(rec["labels"]), props=history.native_props(rec["props"]),
        made=sorted(rec["made"]), spoken_for=sorted(rec["spoken_for"]),
        added_aliases=list(rec["added_aliases"]), added_keys=list(rec["added_keys"]), distinct=distinct,
        added_distinct=sorted({d["other"] for d in distinct} - set(rec["keep_distinct"]) - {keep}),
        allegations=allegations, became=became,
    )  # fmt: skip


def record_statement(
    tx: Tx,
    allegation: Allegation,
    statement: Statement,
    source_id: str,
    new_source: Source | None,
    *,
    who: str = ANONYMOUS,
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
    ids = [str(stmt["id"]), alleg["id"], source_id]
    history.record(tx, Action.RECORD_STATEMENT, who, f"statement {stmt['id']} by {statement.speaker} on {alleg['id']}",
                   ids)  # fmt: skip
    return str(stmt["id"])


def set_verdict(
    tx: Tx, allegation_id_: str, verdict: Verdict, rationale: str, source: str | None, *, who: str = ANONYMOUS
) -> str:
    if not rationale.strip():
        raise InvalidInput([Problem("input", "rationale", "a verdict needs a rationale saying why")])
    rec = tx.single("set_verdict", id=allegation_id_, verdict=verdict.value, rationale=rationale.strip(), source=source)
    if rec is None:
        raise NotFound(f"allegationId: no Allegation with id {allegation_id_!r}")
    history.record(tx, Action.SET_VERDICT, who, f"verdict {verdict.value} on {allegation_id_}", [allegation_id_],
                   reason=rationale.strip())  # fmt: skip
    return allegation_id_


def mark_distinct(tx: Tx, a: str, b: str, reason: str, *, who: str = ANONYMOUS) -> str:
    """Record that actors ``a`` and ``b`` are not the same: merges refuse them, loads never fold their names."""
    reason = require_reason(reason)
    if a == b:
        raise InvalidInput([Problem("input", "otherId", "an actor cannot be distinct from itself")])
    _require(tx, {"actorId": (a, "Actor"), "otherId": (b, "Actor")})
    cid = history.record(tx, Action.MARK_DISTINCT, who, f"{a} and {b} marked not the same", [a, b], reason=reason)
    tx.execute("mark_distinct", rows=[{"a": min(a, b), "b": max(a, b), "props": {"change": cid}}])
    return a


def unmark_distinct(tx: Tx, a: str, b: str, reason: str, *, who: str = ANONYMOUS) -> str:
    """Take back a "not the same" mark (say why: the history keeps both decisions)."""
    reason = require_reason(reason)
    _require(tx, {"actorId": (a, "Actor"), "otherId": (b, "Actor")})
    if tx.single("distinct_pair", a=a, b=b) is None:
        raise InvalidInput([Problem("input", "otherId", f"{a!r} and {b!r} are not marked distinct")])
    tx.execute("unmark_distinct", rows=[{"a": a, "b": b}])
    history.record(tx, Action.UNMARK_DISTINCT, who, f"{a} and {b} no longer marked not the same", [a, b],
                   reason=reason)  # fmt: skip
    return a
