"""``actorgraph serve``: the GraphQL API on ACTORGRAPH_API_HOST:ACTORGRAPH_API_PORT, one process per core."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from actorgraph.cli.console import console
from actorgraph.errors import UsageError
from actorgraph.settings import get_settings


def default_workers() -> int:
    """One worker process per core: the API is stateless, so workers scale reads until Neo4j is the limit."""
    return os.cpu_count() or 1


def run_serve(host: str | None = None, port: int | None = None, workers: int | None = None) -> None:
    """Serve the API until interrupted; shared by ``serve`` and ``up``."""
    import uvicorn

    from actorgraph.api.transport import NoDelayH11Protocol

    settings = get_settings()
    host = host or settings.api_host
    port = port or settings.api_port
    workers = workers or settings.api_workers or default_workers()
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    plural = "s" if workers > 1 else ""
    console.print(
        f"Explorer on http://{host}:{port}/ and GraphQL API on http://{host}:{port}/graphql (GraphiQL in a browser), "
        f"{workers} worker{plural}; Ctrl-C stops it.",
        soft_wrap=True,
    )
    uvicorn.run(
        "actorgraph.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        http=NoDelayH11Protocol,
        log_level="warning",
        access_log=False,
    )


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[str | None, typer.Option(help="Interface (default ACTORGRAPH_API_HOST).")] = None,
        port: Annotated[int | None, typer.Option(help="Port (default ACTORGRAPH_API_PORT).")] = None,
        workers: Annotated[
            int | None, typer.Option(help="Worker processes (default ACTORGRAPH_API_WORKERS, else one per core).")
        ] = None,
    ) -> None:
        """Serve the GraphQL API: /graphql (GraphiQL in a browser), /healthz, /readyz."""
        run_serve(host, port, workers)
