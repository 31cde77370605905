"""Storing analytics scores on the actor nodes, so Neo4j Browser can size and colour by them.

Which properties a report writes is decided by ``analytics/writeback.py`` (fixed names, never input).
Every run first clears those properties from all actors, so an actor left out of this run (e.g. by a
filter) keeps no stale score.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from actorgraph.store.core import Store, Tx


def _write(tx: Tx, properties: Sequence[str], rows: list[dict[str, Any]]) -> int:
    tx.execute("clear_scores", cleared=dict.fromkeys(properties))
    record = tx.single("write_scores", rows=rows)
    return int(record["written"]) if record else 0


def write_scores(store: Store, properties: Sequence[str], rows: list[dict[str, Any]]) -> int:
    """Clear ``properties`` on every actor, then set each row's ``props`` on actor ``id``; how many written."""
    return store.write(_write, properties, rows)
