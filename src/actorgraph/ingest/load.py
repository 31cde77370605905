"""Loading dossiers: check every file first, then hand them to the store's loader.

Nothing is written unless every file passes every check (including alias resolution against the
graph, simulated over the whole batch). Each dossier is then one transaction: all of it, its
derived statuses and relationships, or none of it (``store/loader.py``).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from actorgraph.ingest.read import read_dossiers
from actorgraph.store.core import Store
from actorgraph.store.loader import LoadReport, Progress, load


def load_paths(store: Store, paths: Sequence[Path], *, progress: Progress | None = None) -> LoadReport:
    """Validate every dossier under ``paths``, then write them; raises InvalidInput before any write."""
    began = time.perf_counter()
    prepared = read_dossiers(paths)
    return load(store, prepared, progress=progress, began=began)


__all__ = ["LoadReport", "load_paths"]
