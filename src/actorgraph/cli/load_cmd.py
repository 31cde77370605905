"""``actorgraph load PATH...``: check and load dossiers, with a progress bar and a summary table."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from rich.table import Table

from actorgraph.cli.console import console
from actorgraph.ingest import LoadReport, PreparedDossier, load_paths, read_dossiers
from actorgraph.model.rows import LABELS
from actorgraph.settings import get_settings
from actorgraph.store.core import Store
from actorgraph.store.loader import Progress, load


def run_load(paths: list[Path], *, check_only: bool = False) -> LoadReport | None:
    """Load dossiers and print what changed; shared by ``load`` and ``up``."""
    if check_only:
        prepared = read_dossiers(paths)
        n = sum(len(p.statements) for p in prepared)
        console.print(f"{len(prepared)} dossier(s), {n} statements: every check passed (nothing written).")
        return None
    with Store.connect(get_settings()) as store, _progress() as advance:
        report = load_paths(store, paths, progress=advance)
    print_report(report)
    return report


def load_checked(prepared: Sequence[PreparedDossier]) -> LoadReport:
    """Load dossiers already read and checked (e.g. converted from another format), with the progress bar."""
    with Store.connect(get_settings()) as store, _progress() as advance:
        return load(store, prepared, progress=advance)


@contextmanager
def _progress() -> Iterator[Progress]:
    """A progress bar over dossiers (only on a terminal), as the loader's ``progress`` callback."""
    bar = RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
        transient=True,
    )
    task = bar.add_task("Loading", total=None)

    def advance(done: int, total: int, prepared: PreparedDossier) -> None:
        bar.update(task, completed=done, total=total, description=f"Loaded {prepared.path.name}")

    with bar:
        yield advance


def print_report(report: LoadReport) -> None:
    table = Table(
        title=f"Loaded {len(report.files)} dossier(s), {report.statements} statements in {report.seconds:.2f}s"
    )
    table.add_column("label")
    for col in ("created", "updated", "unchanged"):
        table.add_column(col, justify="right")
    for label in LABELS:
        c = report.changes[label]
        table.add_row(label, str(c["created"]), str(c["updated"]), str(c["unchanged"]))
    console.print(table)
    for r in report.resolved:
        console.print(
            f"resolved {r.name!r} ({r.file}: {r.dossier_id}) to the known actor {r.actor_name!r} ({r.actor_id})"
        )
    if not report.changed:
        console.print("Nothing changed: the graph already held these dossiers.")


def register(app: typer.Typer) -> None:
    @app.command()
    def load(
        paths: Annotated[list[Path], typer.Argument(help="Dossier files (*.yaml) or folders of them.")],
        check: Annotated[bool, typer.Option("--check", help="Only validate; write nothing.")] = False,
    ) -> None:
        """Check dossiers completely, then load them (one transaction per dossier; re-running changes nothing).

        Every problem in every file is reported at once with file, path (e.g. statements[3].quote) and
        the fix; then the exit code is 2 and nothing is written. Actors whose name or alias matches a
        known actor (ignoring case and accents) are resolved to it, and the load says so.
        """
        run_load(paths, check_only=check)
