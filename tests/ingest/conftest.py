"""Fixtures for loading dossiers into the real test server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from actorgraph.ingest import LoadReport, load_paths
from actorgraph.settings import Settings
from tests.helpers import ROOT

SEED = ROOT / "seed"
DATA = ROOT / "tests" / "data"

Loader = Callable[..., LoadReport]


@pytest.fixture
def load(driver: Driver, settings: Settings) -> Loader:
    """Load dossiers through the real loader: ``load(path, ...)``."""

    def _load(*paths: Path) -> LoadReport:
        return load_paths(driver, settings, list(paths))

    return _load


def snapshot(driver: Driver) -> dict[str, Any]:
    """Every node and relationship with its properties, for comparing graph states exactly."""
    nodes = driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY n.id").records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p ORDER BY a, t, b"
    ).records
    return {"nodes": [(r["l"], r["p"]) for r in nodes], "rels": [(r["a"], r["t"], r["b"], r["p"]) for r in rels]}


def write_dossier(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
