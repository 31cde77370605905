"""``actorgraph db init|stats|wipe``: schema and housekeeping on the configured database."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from actorgraph.cli.console import console
from actorgraph.settings import get_settings
from actorgraph.store import schema
from actorgraph.store.core import Store

app = typer.Typer(help="Schema and housekeeping on the database NEO4J_URI points to.", no_args_is_help=True)


@app.command()
def init() -> None:
    """Create the constraints and indexes of cypher/schema.cypher (safe to re-run)."""
    settings = get_settings()
    with Store.connect(settings) as store:
        n = schema.init_schema(store)
    console.print(f"Schema ready: {n} constraints and indexes on {settings.neo4j_uri}.")


@app.command()
def stats() -> None:
    """Print node counts per label and relationship counts per type."""
    settings = get_settings()
    with Store.connect(settings) as store:
        counts = schema.counts(store)
    table = Table(title=f"Graph at {settings.neo4j_uri}")
    table.add_column("kind")
    table.add_column("label / type")
    table.add_column("count", justify="right")
    for label, n in counts.nodes.items():
        table.add_row("node", label, f"{n:,}")
    for rtype, n in counts.relationships.items():
        table.add_row("relationship", rtype, f"{n:,}")
    if not counts.nodes:
        table.add_row("", "(empty: load dossiers with `actorgraph load seed/`)", "0")
    console.print(table)


@app.command()
def wipe(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete every node and relationship in the database (asks first unless --yes)."""
    settings = get_settings()
    if not yes:
        typer.confirm(f"Delete everything in database '{settings.neo4j_database}' at {settings.neo4j_uri}?", abort=True)
    with Store.connect(settings) as store:
        deleted = schema.wipe(store)
    console.print(f"Deleted {deleted:,} nodes and their relationships.")
