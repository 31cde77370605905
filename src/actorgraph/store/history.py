"""Writing and reading audit records (:mod:`actorgraph.model.history`): one per load transaction or mutation.

:func:`record` runs inside the transaction of the change it records, so the record and the change
commit or fail together. :func:`history` reads one id's records from its ``ChangeKey`` (one index
seek, then only that id's records), newest first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from actorgraph.model.history import Action, Change, change_id
from actorgraph.store.core import Tx

#: Keys written per query: a load of many statements writes its keys in batches.
CHUNK = 5000


def record(
    tx: Tx,
    action: Action,
    who: str,
    summary: str,
    ids: Iterable[str],
    *,
    reason: str | None = None,
    extra: dict[str, Any] | None = None,
) -> str:
    """Write one audit record in ``tx`` with a key per touched id; returns its id."""
    at = dt.datetime.now(dt.UTC)
    cid = change_id(at)
    keys = sorted(set(ids))
    props = {"reason": reason, **(extra or {})}
    tx.execute("write_change", id=cid, at=at, who=who, action=action.value, summary=summary, extra=props,
               ids=keys[:CHUNK])  # fmt: skip
    for start in range(CHUNK, len(keys), CHUNK):
        tx.execute("add_change_keys", id=cid, ids=keys[start : start + CHUNK])
    return cid


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def history(tx: Tx, node_id: str, limit: int = 20, before: str | None = None) -> list[Change]:
    """The records of ``node_id``, newest first: ``limit`` of them, older than the record ``before``."""
    return [
        Change(id=r["id"], at=_native(r["at"]), who=r["who"], action=r["action"], reason=r["reason"],
               summary=r["summary"], touched=int(r["touched"]))
        for r in tx.run("history_of", id=node_id, limit=limit, before=before)
    ]  # fmt: skip


def native_props(props: dict[str, Any]) -> dict[str, Any]:
    """Properties read from Neo4j with driver temporals as Python values (lists included)."""

    def one(value: Any) -> Any:
        return [one(v) for v in value] if isinstance(value, list) else _native(value)

    return {k: one(v) for k, v in props.items()}


__all__ = ["CHUNK", "history", "native_props", "record"]
