"""``actorgraph history ID``: the audit records of one node (loads and mutations that touched it), newest first."""

from __future__ import annotations

from typing import Annotated

import typer

from actorgraph.cli.console import console
from actorgraph.cli.tables import report_table
from actorgraph.settings import get_settings
from actorgraph.store import history as store_history
from actorgraph.store.core import Store


def register(app: typer.Typer) -> None:
    @app.command()
    def history(
        node_id: Annotated[
            str, typer.Argument(metavar="ID", help="An actor, allegation, statement, source or change id.")
        ],
        limit: Annotated[int, typer.Option(min=1, max=1000, help="Most records shown.")] = 20,
        before: Annotated[
            str | None, typer.Option(help="Only records older than this change id (the next page).")
        ] = None,
    ) -> None:
        """Who changed ID, when, how and why: every load and mutation that touched it, newest first.

        Ids merged away keep their history. The change column (wide terminals) gives the id for
        `--before` and for `unmergeActors(changeId: ...)`.
        """
        with Store.connect(get_settings()) as store:
            rows = store.read(store_history.history, node_id, limit, before)
        if not rows:
            console.print(f"No changes recorded for {node_id!r} (an id loaded before history was kept has none).")
            return
        title = f"History of {node_id} ({len(rows)} change(s), newest first)"
        console.print(report_table("history", rows, lambda i: i, width=console.width, title=title))
        if len(rows) == limit:
            console.print(f"Older changes: actorgraph history {node_id} --before {rows[-1].id}")
