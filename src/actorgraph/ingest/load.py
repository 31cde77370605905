"""Loading dossiers: check every file first, then write each in its own transaction.

Nothing is written unless every file passes every check (including alias resolution against the
graph, simulated over the whole batch). Each dossier is then one transaction: all of it, its
derived statuses and projections, or none of it.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import Driver, ManagedTransaction
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from actorgraph.errors import InvalidInput, Problem
from actorgraph.ingest.read import PreparedDossier, read_dossiers
from actorgraph.settings import Settings
from actorgraph.store.driver import translated
from actorgraph.store.writer import LABELS, NameIndex, Resolved, WriteResult, write_dossier


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


def load_paths(driver: Driver, settings: Settings, paths: Sequence[Path], *, progress: bool = False) -> LoadReport:
    """Validate every dossier under ``paths``, then write them; raises InvalidInput before any write."""
    began = time.perf_counter()
    prepared = read_dossiers(paths)
    return load_prepared(driver, settings, prepared, progress=progress, began=began)


def load_prepared(
    driver: Driver,
    settings: Settings,
    prepared: Sequence[PreparedDossier],
    *,
    progress: bool = False,
    began: float | None = None,
) -> LoadReport:
    """Write already-checked dossiers (alias resolution is checked for all of them before the first write)."""
    began = time.perf_counter() if began is None else began
    report = LoadReport(files=[p.path for p in prepared])
    with translated(settings):
        with driver.session(database=settings.neo4j_database) as session:
            index = session.execute_read(NameIndex.read)
        mappings: list[dict[str, str]] = []
        problems: list[Problem] = []
        for p in prepared:
            mapping, _, found = index.resolve(p)
            problems += found
            index.learn(p, mapping)
            mappings.append(mapping)
        if problems:
            raise InvalidInput(problems)
        with _progress(progress) as bar:
            task = bar.add_task("Loading", total=len(prepared))
            for p in prepared:
                bar.update(task, description=f"Loading {p.path.name}")
                with driver.session(database=settings.neo4j_database) as session:
                    result: WriteResult = session.execute_write(_write_one, p)
                for label in LABELS:
                    report.changes[label].update(result.changes[label])
                report.resolved += result.resolved
                report.statements += len(p.statements)
                bar.advance(task)
    report.seconds = time.perf_counter() - began
    return report


def _write_one(tx: ManagedTransaction, prepared: PreparedDossier) -> WriteResult:
    """One dossier's transaction; names are resolved again inside it against the committed graph."""
    index = NameIndex.read(tx)
    mapping, resolved, problems = index.resolve(prepared)
    if problems:
        raise InvalidInput(problems)
    result = write_dossier(tx, prepared, mapping)
    result.resolved = resolved
    return result


def _progress(enabled: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        disable=not enabled,
        transient=True,
    )
