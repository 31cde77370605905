"""``actorgraph neo4j start|stop|status``: the local Neo4j server (no Docker needed)."""

from __future__ import annotations

import time

import typer
from rich.table import Table

from actorgraph.cli.console import console, err_console
from actorgraph.local import server
from actorgraph.settings import get_settings

app = typer.Typer(
    help=(
        "Run a local Neo4j Community server, fetched once from Maven Central into ACTORGRAPH_HOME.\n\n"
        "Bolt on NEO4J_URI's port (7687), Neo4j Browser on http://127.0.0.1:ACTORGRAPH_HTTP_PORT (7474)."
    ),
    no_args_is_help=True,
)


@app.command()
def start() -> None:
    """Provision (first time only) and start the local server in the background; no-op if running."""
    settings = get_settings()
    began = time.monotonic()
    with err_console.status("Starting Neo4j") as spinner:
        st, started = server.start(settings, progress=lambda msg: spinner.update(msg))
    if started:
        console.print(
            f"Neo4j {st.version} is running (pid {st.pid}) after {time.monotonic() - began:.1f}s: "
            f"bolt://127.0.0.1:{st.bolt_port}, Browser http://127.0.0.1:{st.http_port}"
        )
    else:
        console.print(f"Neo4j is already running (pid {st.pid}) on bolt://127.0.0.1:{st.bolt_port}")


@app.command()
def stop() -> None:
    """Stop the local server that `start` recorded (and only that process)."""
    pid = server.stop(get_settings())
    console.print(f"Neo4j (pid {pid}) stopped." if pid else "Neo4j was not running.")


@app.command()
def status() -> None:
    """Say whether the local server runs, with its version, ports and data directory."""
    settings = get_settings()
    st = server.status(settings)
    table = Table(show_header=False, box=None)
    table.add_row("state", "[green]running[/]" if st.running else "[yellow]stopped[/]")
    if st.pid:
        table.add_row("pid", str(st.pid))
    table.add_row("version", f"Neo4j Community {st.version}" + ("" if st.provisioned else " (not fetched yet)"))
    table.add_row("bolt", f"bolt://127.0.0.1:{st.bolt_port}")
    table.add_row("browser", f"http://127.0.0.1:{st.http_port}")
    table.add_row("data", str(st.data_dir))
    if not settings.is_local:
        table.add_row("note", f"NEO4J_URI points to {settings.neo4j_uri}: the local server is not used")
    console.print(table)
    raise typer.Exit(0 if st.running else 3)
