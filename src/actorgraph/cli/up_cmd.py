"""``actorgraph up``: everything a new user needs, in one command.

Local Neo4j (unless NEO4J_URI points elsewhere) -> schema -> load ``seed/`` -> serve the API.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from actorgraph.browser import bundle
from actorgraph.browser.labels import apply_display_labels
from actorgraph.cli import load_cmd, serve_cmd
from actorgraph.cli.console import console, err_console
from actorgraph.local import server
from actorgraph.settings import Settings, get_settings
from actorgraph.store import schema
from actorgraph.store.core import Store


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
        with Store.connect(settings) as store:
            schema.init_schema(store)
        console.print("Schema ready.")
        if seed.exists():
            load_cmd.run_load([seed])
        else:
            err_console.print(f"[yellow]No {seed}/ folder here: nothing loaded.[/]")
        with Store.connect(settings) as store:
            apply_display_labels(store)  # Browser's style colours actors by these labels
        _print_browser_help(settings)
        if serve:
            serve_cmd.run_serve()


def _print_browser_help(settings: Settings) -> None:
    """How to reach the styled network in Neo4j Browser: the local server opens the guide on connect."""
    port = settings.http_port
    console.print(
        f"Neo4j Browser: open http://127.0.0.1:{port}/browser/ and connect to bolt://127.0.0.1:{settings.bolt_port} "
        f"as {settings.neo4j_user} (password: NEO4J_PASSWORD).",
        soft_wrap=True,
    )
    if settings.is_local and not bundle.is_served(port):
        err_console.print(
            "[yellow]  This Neo4j was started before actorgraph shipped its Browser guide: restart it once "
            "(actorgraph neo4j stop, then make up) to get the guide and style.[/]",
            soft_wrap=True,
        )
    elif settings.is_local:
        console.print(
            "  The actorgraph guide and style open by themselves on connect; to reopen the guide run\n"
            f"  :play {bundle.guide_url(port)}\n"
            f"  and to restore the style :style {bundle.style_url(port)}",
            soft_wrap=True,
        )
