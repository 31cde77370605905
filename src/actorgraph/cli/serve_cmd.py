"""``actorgraph serve``: the GraphQL API (built by issue 4)."""

from __future__ import annotations

import typer

from actorgraph.errors import ActorgraphError


def run_serve() -> None:
    """Serve the API until interrupted; shared by ``serve`` and ``up``."""
    raise ActorgraphError("`actorgraph serve` is not built yet (issue 4).")


def register(app: typer.Typer) -> None:
    @app.command()
    def serve() -> None:
        """Serve the GraphQL API on ACTORGRAPH_API_HOST:ACTORGRAPH_API_PORT (127.0.0.1:8000)."""
        run_serve()
