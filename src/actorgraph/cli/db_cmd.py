"""``actorgraph db init|stats|check|rederive|wipe``: schema and housekeeping on the configured database."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from actorgraph.cli.console import console, err_console
from actorgraph.model.invariants import CHECKS
from actorgraph.settings import get_settings
from actorgraph.store import derived, schema
from actorgraph.store.check import CheckResult
from actorgraph.store.check import check as check_graph
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


CHECK_HELP = "\n\n".join(f"- {name}: {what}" for name, what in CHECKS.items())


@app.command(help=(
    "Check every invariant of the graph; exit 1 if any is broken, naming each violation.\n\n"
    "Statuses and derived relationships are re-derived from the statements with the model's rules and "
    "compared with what is stored. The checks:\n\n" + CHECK_HELP
))  # fmt: skip
def check(
    limit: Annotated[int, typer.Option(help="Violations printed per check (0: all of them).")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON (for scripts).")] = False,
) -> None:
    settings = get_settings()
    with Store.connect(settings) as store, err_console.status("Checking the graph"):
        result = check_graph(store)
    if as_json:
        print(json.dumps(_as_json(result), indent=1))
    else:
        _print_check(result, limit)
    if not result.report.ok:
        raise typer.Exit(1)


def _as_json(result: CheckResult) -> dict[str, object]:
    report = result.report
    return {
        "ok": report.ok,
        "checked": report.checked,
        "violations": [{"check": v.check, "where": v.where, "detail": v.detail} for v in report.violations],
        "seconds": round(result.read_seconds + result.check_seconds, 3),
    }


def _print_check(result: CheckResult, limit: int) -> None:
    report = result.report
    table = Table(title=f"Graph check: {result.read_seconds + result.check_seconds:.2f}s")
    table.add_column("check")
    table.add_column("checked", justify="right")
    table.add_column("violations", justify="right")
    grouped = report.by_check()
    for name, found in grouped.items():
        table.add_row(name, f"{report.checked[name]:,}", f"[red]{len(found):,}[/]" if found else "0")
    console.print(table)
    for found in grouped.values():
        shown = found if limit <= 0 else found[:limit]
        for v in shown:
            console.print(str(v), highlight=False, soft_wrap=True, markup=False)
        if len(found) > len(shown):
            console.print(f"{found[0].check}: ... and {len(found) - len(shown):,} more (--limit 0 shows all)")
    if report.ok:
        console.print("Every invariant holds.")
    else:
        console.print(f"{len(report.violations):,} violation(s): the graph does not hold what its statements say.")
        if any(v.check in REDERIVABLE for v in report.violations):
            console.print(
                "Statuses or derived relationships differ from the rules: if actorgraph was upgraded since they were "
                "derived (loads re-derive only what they change), `actorgraph db rederive` derives them again."
            )


#: Checks whose violations a full re-derivation repairs (the rules' output, not the data).
REDERIVABLE = frozenset({"statuses", "derived"})


@app.command()
def rederive() -> None:
    """Derive every status and derived relationship again from the statements, in one transaction.

    Loads and mutations re-derive only what they change, so a database derived by an older actorgraph
    keeps the older rules' output (for example ACCUSES where a reporting voice now REPORTS) until this
    runs. Statements, sources and history are not touched. The whole graph's accounts pass through
    memory: on a large graph give Neo4j a larger heap (ACTORGRAPH_NEO4J_HEAP).
    """
    settings = get_settings()
    with Store.connect(settings) as store, err_console.status("Deriving statuses and relationships again"):
        store.write(derived.refresh_all)
    console.print("Statuses and derived relationships follow the current rules (`actorgraph db check` confirms).")


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
