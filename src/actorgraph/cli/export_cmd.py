"""``actorgraph export json|graphml``: the graph for other tools."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from actorgraph.cli.console import err_console
from actorgraph.settings import get_settings
from actorgraph.store import export
from actorgraph.store.core import Store


class Format(StrEnum):
    json = "json"
    graphml = "graphml"


FORMAT_HELP = "json: every node and relationship with provenance; graphml: the actor network for Gephi/yEd/networkx."


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export_cmd(
        format: Annotated[Format, typer.Argument(help=FORMAT_HELP)],
        out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: stdout).")] = None,
    ) -> None:
        """Export the graph: `actorgraph export json -o graph.json`, `actorgraph export graphml -o actors.graphml`."""
        settings = get_settings()
        with Store.connect(settings) as store:
            if format is Format.json:
                if out is None:
                    counts = export.write_json(store, sys.stdout)
                else:
                    with out.open("w", encoding="utf-8") as fh:
                        counts = export.write_json(store, fh)
            elif out is None:
                counts = export.write_graphml(store, sys.stdout.buffer)
            else:
                with out.open("wb") as fh:
                    counts = export.write_graphml(store, fh)
        err_console.print(f"exported {counts[0]} nodes and {counts[1]} relationships" + (f" to {out}" if out else ""))
