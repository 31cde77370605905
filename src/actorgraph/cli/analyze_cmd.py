"""``actorgraph analyze REPORT``: network analytics (built by issue 5)."""

from __future__ import annotations

import typer

from actorgraph.errors import ActorgraphError


def register(app: typer.Typer) -> None:
    @app.command()
    def analyze(report: str) -> None:
        """Run a network report. Not built yet."""
        raise ActorgraphError("`actorgraph analyze` is not built yet (issue 5).")
