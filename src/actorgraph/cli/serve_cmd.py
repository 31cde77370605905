"""``actorgraph serve``: the GraphQL API on ACTORGRAPH_API_HOST:ACTORGRAPH_API_PORT."""

from __future__ import annotations

from typing import Annotated

import typer

from actorgraph.cli.console import console
from actorgraph.settings import get_settings


def run_serve(host: str | None = None, port: int | None = None) -> None:
    """Serve the API until interrupted; shared by ``serve`` and ``up``."""
    import uvicorn

    settings = get_settings()
    host = host or settings.api_host
    port = port or settings.api_port
    console.print(
        f"Explorer on http://{host}:{port}/ and GraphQL API on http://{host}:{port}/graphql (GraphiQL in a browser); "
        "Ctrl-C stops it.",
        soft_wrap=True,
    )
    uvicorn.run(
        "actorgraph.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=settings.api_workers,
        log_level="warning",
    )


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[str | None, typer.Option(help="Interface (default ACTORGRAPH_API_HOST).")] = None,
        port: Annotated[int | None, typer.Option(help="Port (default ACTORGRAPH_API_PORT).")] = None,
    ) -> None:
        """Serve the GraphQL API: /graphql (GraphiQL in a browser), /healthz, /readyz."""
        run_serve(host, port)
