"""Loading dossiers: skip what the graph already holds, check every other file, then write.

Before parsing anything, each file's bytes are hashed and looked up (one query for the whole load):
a file whose every dossier was loaded from these very bytes (and, for a ``text_file``, that text) is
skipped, so a reload of unchanged data costs about a hash per file. Nothing is written unless every
remaining file passes every check (including alias resolution against the graph, simulated over the
whole batch). The dossiers are then written in transactions of up to ``batch_statements`` statements:
each all-or-nothing, derived statuses and relationships included (``store/loader.py``).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from pathlib import Path

from actorgraph.ingest.read import find_dossiers, read_dossiers
from actorgraph.model.dossier import content_sha256
from actorgraph.store.core import Store
from actorgraph.store.loader import BATCH_STATEMENTS, LoadReport, Progress, file_records, load


def _text_of(path: Path, text_file: str) -> str | None:
    try:
        return (path.parent / text_file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def unchanged_files(store: Store, files: Sequence[Path]) -> tuple[list[Path], int]:
    """The files that need reading, and how many dossiers the others (unchanged) hold."""
    hashed: list[tuple[Path, bytes, str]] = []
    for file in files:
        try:
            data = file.read_bytes()
        except OSError:
            data = b""
        hashed.append((file, data, hashlib.sha256(data).hexdigest()))
    records = file_records(store, [(f.name, h) for f, data, h in hashed if data])
    todo: list[Path] = []
    skipped = 0
    for file, data, digest in hashed:
        found = records.get((file.name, digest), [])
        complete = bool(found) and len(found) == found[0].file_dossiers
        if complete and all(_same(file, data, r.sha256, r.text_file) for r in found):
            skipped += len(found)
        else:
            todo.append(file)
    return todo, skipped


def _same(file: Path, data: bytes, sha256: str, text_file: str | None) -> bool:
    """A YAML dossier's content hash covers its text file; a JSON Lines file's bytes cover everything."""
    if file.suffix == ".jsonl":
        return True
    text = _text_of(file, text_file) if text_file else ""
    return text is not None and content_sha256(data, text) == sha256


def load_paths(
    store: Store,
    paths: Sequence[Path],
    *,
    progress: Progress | None = None,
    batch_statements: int = BATCH_STATEMENTS,
    who: str | None = None,
) -> LoadReport:
    """Validate every changed dossier under ``paths``, then write them; raises InvalidInput before any write.

    ``who`` is whom the audit records name (default: ``$ACTORGRAPH_USER``, else the OS user).
    """
    began = time.perf_counter()
    files = find_dossiers(paths)
    todo, skipped = unchanged_files(store, files)
    prepared = read_dossiers(paths, files=todo) if todo or not files else []
    report = load(
        store, prepared, progress=progress, began=began, batch_statements=batch_statements, skipped=skipped, who=who
    )
    report.files = list(files)
    return report


__all__ = ["LoadReport", "load_paths", "unchanged_files"]
