"""``actorgraph load PATH...``: validate and load dossiers (built by issue 3)."""

from __future__ import annotations

from pathlib import Path

import typer

from actorgraph.errors import ActorgraphError


def run_load(paths: list[Path]) -> None:
    """Load dossiers; shared by ``load`` and ``up``."""
    raise ActorgraphError("`actorgraph load` is not built yet (issue 3).")


def register(app: typer.Typer) -> None:
    @app.command()
    def load(paths: list[Path]) -> None:
        """Load dossiers (YAML files or folders of them) into Neo4j."""
        run_load(paths)
