"""The ``actorgraph`` command: one module per command group, wired here.

Every command turns our errors into one red line on stderr with the fix, and an exit code
(2 for invalid input, 1 otherwise): no tracebacks for problems a user can fix.
"""

from __future__ import annotations

import logging
import sys

import typer

from actorgraph.cli import (
    analyze_cmd,
    db_cmd,
    draft_cmd,
    dump_cmd,
    export_cmd,
    history_cmd,
    import_cmd,
    load_cmd,
    neo4j_cmd,
    serve_cmd,
    up_cmd,
)
from actorgraph.cli.console import err_console
from actorgraph.errors import ActorgraphError

app = typer.Typer(
    name="actorgraph",
    help=(
        "A knowledge graph of actors and allegations: who claims, accuses or denies what about whom,\n\n"
        "with the source and verbatim quote behind every statement.\n\n"
        "Start here: `actorgraph up` (local Neo4j + seed + API), then open http://127.0.0.1:8000 (the explorer) "
        "or http://127.0.0.1:7474 (Neo4j Browser)."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(neo4j_cmd.app, name="neo4j")
app.add_typer(db_cmd.app, name="db")
load_cmd.register(app)
serve_cmd.register(app)
up_cmd.register(app)
analyze_cmd.register(app)
export_cmd.register(app)
dump_cmd.register(app)
draft_cmd.register(app)
import_cmd.register(app)
history_cmd.register(app)


def _quiet_driver_logs() -> None:
    """The driver's own log lines (retries, defunct connections) never reach the terminal: every driver
    failure reaches the user as our one translated line (found by killing Neo4j mid-load)."""
    driver_log = logging.getLogger("neo4j")
    driver_log.addHandler(logging.NullHandler())
    driver_log.propagate = False


def main() -> None:
    """Entry point: run the app, printing our errors as one line instead of a traceback."""
    _quiet_driver_logs()
    try:
        code = app(standalone_mode=False)  # click returns typer.Exit's code instead of exiting
    except ActorgraphError as exc:
        err_console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        err_console.print("aborted")
        sys.exit(1)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)
    except Exception as exc:  # click's usage errors and the like
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise
    if isinstance(code, int) and code:
        sys.exit(code)
