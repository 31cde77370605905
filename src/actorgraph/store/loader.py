"""Writing checked dossiers: alias resolution, batched upserts and derived data, one transaction each.

One ``UNWIND $rows MERGE`` per label (chunked for very large dossiers), MERGE on ids, so loading the
same dossier twice changes nothing and two loaders racing on it end with one copy (uniqueness
constraints make concurrent MERGEs on the same id wait for each other). Nothing is written unless
alias resolution succeeds for the whole batch (simulated before the first write).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import LiteralString

from actorgraph.errors import InvalidInput, Problem
from actorgraph.model.dossier import PreparedDossier
from actorgraph.model.names import NameIndex, Resolved
from actorgraph.model.rows import LABELS, Row, dossier_rows
from actorgraph.store import derived
from actorgraph.store.core import Store, Tx

CHUNK = 5000
WRITE_QUERIES: dict[str, LiteralString] = {
    "Actor": "write_actors",
    "Event": "write_events",
    "Source": "write_sources",
    "Allegation": "write_allegations",
    "Statement": "write_statements",
}

#: Called after each dossier is written: (dossiers done, dossiers in all, the one just written).
Progress = Callable[[int, int, PreparedDossier], None]


@dataclass
class LoadReport:
    """What a load did: files, per-label created/updated/unchanged counts, names resolved, time."""

    files: list[Path] = field(default_factory=list)
    changes: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    resolved: list[Resolved] = field(default_factory=list)
    statements: int = 0
    seconds: float = 0.0

    def count(self, label: str, change: str) -> int:
        return self.changes[label][change]

    @property
    def changed(self) -> bool:
        return any(c["created"] or c["updated"] for c in self.changes.values())


@dataclass
class WriteResult:
    """What one write changed: per label, how many nodes were created / updated / unchanged."""

    changes: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    resolved: list[Resolved] = field(default_factory=list)


def read_name_index(tx: Tx) -> NameIndex:
    """Every actor's id, name and normalised names: the table alias resolution works from."""
    index = NameIndex()
    for rec in tx.run("actor_names"):
        index.add(rec["id"], rec["name"] or rec["id"], rec["keys"])
    return index


def _chunks(rows: Sequence[Row]) -> Iterator[Sequence[Row]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def write_rows(tx: Tx, label: str, rows: Sequence[Row]) -> Counter[str]:
    """Upsert rows of one label with its write query; returns created/updated/unchanged counts."""
    counts: Counter[str] = Counter()
    for chunk in _chunks(rows):
        for rec in tx.run(WRITE_QUERIES[label], rows=list(chunk)):
            counts[rec["change"]] += rec["n"]
    return counts


def write_dossier(tx: Tx, prepared: PreparedDossier) -> WriteResult:
    """One dossier's transaction: names resolved again against the committed graph, rows, derived data."""
    mapping, resolved, problems = read_name_index(tx).resolve(prepared)
    if problems:
        raise InvalidInput(problems)
    result = WriteResult(resolved=resolved)
    rows = dossier_rows(prepared, mapping)
    for label in LABELS:
        result.changes[label].update(write_rows(tx, label, rows[label]))
    derived.refresh(tx, [a["id"] for a in rows["Allegation"]], check_removed=False)
    return result


def check_names(store: Store, prepared: Sequence[PreparedDossier]) -> None:
    """Resolve every dossier's actors against the graph as if the batch were written; InvalidInput if any fails."""
    index = store.read(read_name_index)
    problems: list[Problem] = []
    for p in prepared:
        mapping, _, found = index.resolve(p)
        problems += found
        index.learn(p, mapping)
    if problems:
        raise InvalidInput(problems)


def load(
    store: Store, prepared: Sequence[PreparedDossier], *, progress: Progress | None = None, began: float | None = None
) -> LoadReport:
    """Write already-checked dossiers, each in its own transaction, after checking names for all of them."""
    began = time.perf_counter() if began is None else began
    report = LoadReport(files=[p.path for p in prepared])
    check_names(store, prepared)
    for done, p in enumerate(prepared, start=1):
        result = store.write(write_dossier, p)
        for label in LABELS:
            report.changes[label].update(result.changes[label])
        report.resolved += result.resolved
        report.statements += len(p.statements)
        if progress is not None:
            progress(done, len(prepared), p)
    report.seconds = time.perf_counter() - began
    return report


__all__ = ["LoadReport", "Progress", "WriteResult", "check_names", "load", "write_dossier", "write_rows"]
