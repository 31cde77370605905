"""Writing Neo4j Browser's display labels (one per actor kind, a rank from stored pagerank).

What the labels are is decided in ``browser/labels.py``; this module only runs the query.
"""

from __future__ import annotations

from typing import Any

from actorgraph.store.core import Store, Tx


def _apply(tx: Tx, params: dict[str, Any]) -> int:
    record = tx.single("display_labels", **params)
    return int(record["labelled"]) if record else 0


def apply_display_labels(store: Store, params: dict[str, Any]) -> int:
    """(Re)label every actor with the parameters of ``display_labels.cypher``; how many were labelled."""
    return store.write(_apply, params)
