"""``actorgraph up``: everything a new user needs, in one command.

Local Neo4j (unless NEO4J_URI points elsewhere) -> schema -> load ``seed/`` -> serve the API.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from actorgraph.cli import load_cmd, serve_cmd
from actorgraph.cli.console import console, err_console
from actorgraph.local import server
from actorgraph.settings import get_settings
from actorgraph.store import schema
from actorgraph.store.driver import connect


def register(app: typer.Typer) -> None:
    @app.command()
    def up(
        seed: Annotated[Path, typer.Option(help="Dossiers to load.")] = Path("seed"),
        serve: Annotated[bool, typer.Option(help="Serve the API after loading.")] = True,
    ) -> None:
        """Start local Neo4j (if NEO4J_URI is local), create the schema, load the seed and serve the API."""
        settings = get_settings()
        if settings.is_local:
            with err_console.status("Starting Neo4j") as spinner:
                st, _ = server.start(settings, progress=lambda msg: spinner.update(msg))
            console.print(f"Neo4j {st.version} running on bolt://127.0.0.1:{st.bolt_port}")
        with connect(settings) as driver:
            schema.init_schema(driver, settings)
        console.print("Schema ready.")
        if seed.exists():
            load_cmd.run_load([seed])
        else:
            err_console.print(f"[yellow]No {seed}/ folder here: nothing loaded.[/]")
        console.print(f"Neo4j Browser: http://127.0.0.1:{settings.http_port} (user {settings.neo4j_user})")
        if serve:
            serve_cmd.run_serve()
