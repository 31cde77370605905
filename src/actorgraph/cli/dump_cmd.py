"""``actorgraph dump FILE`` and ``actorgraph restore FILE``: a backup of the whole graph, and back."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from actorgraph.cli.console import console, err_console
from actorgraph.settings import get_settings
from actorgraph.store import dump as dumps
from actorgraph.store.check import check as check_graph
from actorgraph.store.core import Store


def _bar(description: str) -> Progress:
    return Progress(
        TextColumn(description), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err_console, disable=not err_console.is_terminal, transient=True,
    )  # fmt: skip


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:,.1f} MB"


def register(app: typer.Typer) -> None:
    @app.command("dump")
    def dump_cmd(
        file: Annotated[Path, typer.Argument(help="Where to write; a name ending in .gz is gzip-compressed.")],
    ) -> None:
        """Back up every node and relationship with its properties, as JSON Lines in a stable order.

        The dump is one consistent snapshot (one read transaction), safe to take while the API serves.
        Equal graphs give equal bytes, so `diff` or a checksum tells whether two backups differ.
        Restore it with `actorgraph restore FILE` into an empty database.
        """
        began = time.perf_counter()
        with Store.connect(get_settings()) as store, _bar("Dumping") as bar:
            task = bar.add_task("dump", total=None)
            nodes, rels = dumps.dump(store, file, progress=lambda done, total: bar.update(task, completed=done,
                                                                                      total=total))  # fmt: skip
        console.print(
            f"Dumped {nodes:,} nodes and {rels:,} relationships to {file} ({_size(file)}) "
            f"in {time.perf_counter() - began:.1f}s."
        )

    @app.command("restore")
    def restore_cmd(
        file: Annotated[Path, typer.Argument(help="A file written by `actorgraph dump` (.gz or not).")],
        check: Annotated[bool, typer.Option(help="Run `db check` on the restored graph (exit 1 if it fails).")] = True,
    ) -> None:
        """Restore a dump into an empty database (refused if it holds anything), then check it.

        The whole file is read once first, so a damaged or cut-short file writes nothing. Then
        `actorgraph db check` proves the restored graph holds every invariant (--no-check skips it).
        """
        began = time.perf_counter()
        with Store.connect(get_settings()) as store:
            with _bar("Restoring") as bar:
                task = bar.add_task("restore", total=None)
                nodes, rels = dumps.restore(store, file, progress=lambda done, total: bar.update(
                    task, completed=done, total=total))  # fmt: skip
            seconds = time.perf_counter() - began
            console.print(f"Restored {nodes:,} nodes and {rels:,} relationships from {file} in {seconds:.1f}s.")
            if check:
                report = check_graph(store).report
                for violation in report.violations[:20]:
                    console.print(str(violation), markup=False, highlight=False)
                if not report.ok:
                    console.print(f"db check: {len(report.violations):,} violation(s) in the restored graph.")
                    raise typer.Exit(1)
                console.print("db check: every invariant holds.")
