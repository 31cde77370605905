"""``actorgraph load PATH...``: check and load dossiers, with a progress bar and a summary table."""

from __future__ import annotations

import time
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
from actorgraph.ingest.bulk import (
    ARRAY_DELIMITER,
    BulkProgress,
    BulkReport,
    after_import,
    peak_rss_mib,
    refuse_remote,
    refuse_unless_empty,
    write_import,
)
from actorgraph.local import server
from actorgraph.model.history import Action
from actorgraph.model.rows import LABELS
from actorgraph.settings import Settings, current_user, get_settings
from actorgraph.store import history
from actorgraph.store.core import Store
from actorgraph.store.loader import BATCH_STATEMENTS, Progress, load


def run_load(
    paths: list[Path], *, check_only: bool = False, batch: int = BATCH_STATEMENTS, who: str | None = None
) -> LoadReport | None:
    """Load dossiers and print what changed; shared by ``load`` and ``up``."""
    if check_only:
        prepared = read_dossiers(paths)
        n = sum(len(p.statements) for p in prepared)
        console.print(f"{len(prepared)} dossier(s), {n} statements: every check passed (nothing written).")
        return None
    with Store.connect(get_settings()) as store, _progress() as advance:
        report = load_paths(store, paths, progress=advance, batch_statements=batch, who=who)
    print_report(report)
    return report


def load_checked(prepared: Sequence[PreparedDossier]) -> LoadReport:
    """Load dossiers already read and checked (e.g. converted from another format), with the progress bar."""
    with Store.connect(get_settings()) as store, _progress() as advance:
        return load(store, prepared, progress=advance)


def bulk_import(
    settings: Settings,
    paths: Sequence[Path],
    *,
    progress: BulkProgress | None = None,
    workdir: Path | None = None,
    who: str | None = None,
) -> BulkReport:
    """Check every file, write the import files, import them into the (empty, local) database, apply the schema.

    Refuses a remote server before contacting it and a database that is not empty before reading
    anything. The server is stopped for the import and started again.
    """
    advance = progress or (lambda _phase, _done, _total: None)
    refuse_remote(settings)
    began = time.perf_counter()
    server.start(settings)
    with Store.connect(settings) as store:
        refuse_unless_empty(store)
    checked = time.perf_counter() - began
    folder = workdir or (settings.home_dir / f"bulk-{settings.bolt_port}")
    out, report = write_import(paths, folder, progress=advance)
    report.seconds = {"checks": checked, **report.seconds}
    t0 = time.perf_counter()
    advance("Importing", 0, None)
    server.stop(settings)
    report.importer = server.import_database(
        settings, out.arguments(), array_delimiter=ARRAY_DELIMITER, report=folder / "import.report"
    )
    server.start(settings)
    report.seconds["import"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    advance("Indexing", 0, None)
    with Store.connect(settings) as store:
        after_import(store)
        summary = f"bulk import of {report.dossiers} dossier(s), {report.files} file(s): {report.statements} statements"
        store.write(history.record, Action.BULK_LOAD, who or current_user(), summary, report.sources)
    report.seconds["schema"] = time.perf_counter() - t0
    out.discard()
    report.peak_rss_mib = peak_rss_mib()
    return report


def run_bulk(paths: list[Path], who: str | None = None) -> BulkReport:
    """``load --bulk``: check, write the import files, import, index; prints the phases."""
    bar = _bar()
    task = bar.add_task("Reading", total=None)

    def advance(phase: str, done: int, total: int | None) -> None:
        bar.update(task, description=phase, completed=done, total=total)

    with bar:
        report = bulk_import(get_settings(), paths, progress=advance, who=who)
    phases = ", ".join(f"{k} {v:.1f}s" for k, v in report.seconds.items())
    console.print(
        f"Imported {report.dossiers} dossier(s) from {report.files} file(s): {report.statements:,} statements, "
        f"{report.relations:,} derived relationships in {report.total_seconds:.1f}s ({phases}); "
        f"peak memory {report.peak_rss_mib:.0f} MiB."
    )
    return report


def _bar() -> RichProgress:
    return RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
        transient=True,
    )


@contextmanager
def _progress() -> Iterator[Progress]:
    """A progress bar over dossiers (only on a terminal), as the loader's ``progress`` callback."""
    bar = _bar()
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
    if report.skipped:
        console.print(f"{report.skipped} dossier(s) skipped: the graph already holds their content.")
    if report.deleted:
        console.print(f"{report.deleted} statement(s) removed: changed dossiers no longer contain them.")
    if not report.changed:
        console.print("Nothing changed: the graph already held these dossiers.")


def register(app: typer.Typer) -> None:
    @app.command()
    def load(
        paths: Annotated[list[Path], typer.Argument(help="Dossier files (*.yaml, *.jsonl) or folders of them.")],
        check: Annotated[bool, typer.Option("--check", help="Only validate; write nothing.")] = False,
        batch: Annotated[
            int, typer.Option("--batch", min=1, help="Statements per transaction (small dossiers share one).")
        ] = BATCH_STATEMENTS,
        bulk: Annotated[
            bool,
            typer.Option(
                "--bulk", help="Into an empty local database through neo4j-admin import (big corpora, offline)."
            ),
        ] = False,
        who: Annotated[
            str | None, typer.Option("--as", help="Whom the history names (default: $ACTORGRAPH_USER, the OS user).")
        ] = None,
    ) -> None:
        """Check dossiers (YAML, or JSON Lines corpora) completely, then load them; re-running changes nothing.

        Every problem in every file is reported at once with file, path (e.g. statements[3].quote, or
        line 12: quote) and the fix; then the exit code is 2 and nothing is written. Actors whose name or
        alias matches a known actor (ignoring case and accents) are resolved to it, and the load says so.
        Files whose content the graph already holds are skipped; a changed dossier replaces what it
        said before. --bulk imports a big corpus into an empty local database with Neo4j's offline
        importer (the server is stopped and started again).
        """
        if bulk:
            if check:
                raise typer.BadParameter("--check and --bulk: give one of them")
            run_bulk(paths, who)
        else:
            run_load(paths, check_only=check, batch=batch, who=who)
