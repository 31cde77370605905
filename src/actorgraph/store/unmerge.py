"""Undoing a merge exactly, from what its audit record kept (:class:`actorgraph.model.history.MergeUndo`).

The absorbed actor comes back with its labels and properties; its statements (made, spoken for) and
the names and "not the same" marks the merge gave the kept actor go back to it; every allegation the
merge re-keyed or folded into is put back as it was, with its own statements ON it, and the ids the
merge made that are left without statements go. Derived data is then re-derived for all of them
(``derived.begin``/``finish``), so the graph equals the one before the merge, audit records aside.
A merge is undone once: the unmerge record lists the merge's id, and a second unmerge finds it.
"""

from __future__ import annotations

from actorgraph.errors import InvalidInput, NotFound, Problem
from actorgraph.model.history import ANONYMOUS, Action, MergeUndo, require_reason
from actorgraph.store import derived, history
from actorgraph.store.core import Tx


def unmerge_actors(
    tx: Tx, reason: str, *, change_id: str | None = None, merged_id: str | None = None, who: str = ANONYMOUS
) -> str:
    """Undo the merge ``change_id``, or the newest one that absorbed ``merged_id``; returns the restored id."""
    reason = require_reason(reason)
    if (change_id is None) == (merged_id is None):
        raise InvalidInput([Problem("input", "changeId", "give the merge's changeId or the mergedId, one of them")])
    field = "changeId" if change_id is not None else "mergedId"
    rec = tx.single("merge_of", change=change_id, merged=merged_id)
    if rec is None:
        raise NotFound(f"{field}: no merge recorded for {change_id or merged_id!r}: see history(id) for its changes")
    if rec["undone_by"] is not None:
        raise InvalidInput([Problem("input", field, f"merge {rec['id']} was already undone by {rec['undone_by']}")])
    undo = MergeUndo.from_json(rec["undo"])
    found = {r["id"]: r["label"] for r in tx.run("node_exists", ids=[undo.keep, undo.merged])}
    if found.get(undo.keep) != "Actor":
        raise InvalidInput(
            [Problem("input", field, f"the kept actor {undo.keep!r} is gone: undo what removed it first")]
        )
    if undo.merged in found:
        raise InvalidInput([Problem("input", field, f"{undo.merged!r} exists again: rename or merge it first")])
    ends = {e for a in undo.allegations for e in (a["subject"], a["object"])} - {undo.merged}
    gone = sorted(ends - {r["id"] for r in tx.run("node_exists", ids=sorted(ends))})
    if gone:
        raise InvalidInput([Problem("input", field, f"{', '.join(gone)} (about which the merged allegations are) "
                                    "no longer exist: undo what removed them first")])  # fmt: skip
    now_ids = {r["id"] for r in tx.run("allegations_of_statements", ids=undo.made + undo.spoken_for)}
    restored = {a["id"] for a in undo.allegations}
    before = derived.begin(tx, now_ids | restored | set(undo.became.values()))
    tx.execute("restore_actor", labels=undo.labels, props=undo.props)
    tx.execute("unmerge_actor", keep=undo.keep, merged=undo.merged, added_aliases=undo.added_aliases,
               added_keys=undo.added_keys, made=undo.made, spoken_for=undo.spoken_for,
               added_distinct=undo.added_distinct)  # fmt: skip
    if undo.allegations:
        tx.execute("restore_allegations", rows=undo.allegations)
    # The ids the merge made are left without statements; so is a restored allegation whose statements
    # a later load took back (db check: no allegation without statements).
    tx.execute("drop_empty_allegations", ids=sorted(set(undo.became.values()) | restored))
    marks = [{"a": undo.merged if d["outgoing"] else d["other"], "b": d["other"] if d["outgoing"] else undo.merged,
              "props": d["props"]} for d in undo.distinct]  # fmt: skip
    if marks:
        tx.execute("mark_distinct", rows=marks)
    derived.finish(tx, before, restored)
    ids = {undo.keep, undo.merged, rec["id"], *restored, *undo.became.values(), *undo.made, *undo.spoken_for}
    history.record(tx, Action.UNMERGE, who, f"undid merge {rec['id']}: {undo.merged} split from {undo.keep}", ids,
                   reason=reason, extra={"undoes": rec["id"]})  # fmt: skip
    return undo.merged


__all__ = ["unmerge_actors"]
