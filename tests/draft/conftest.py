"""Drafting is pure: only tests that ask for the ``driver`` fixture start the Neo4j server (and empty the graph).

The root conftest still marks this folder ``neo4j`` (the marker follows the folder); the override of
``_empty_graph`` below is what keeps the pure tests from starting a server.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from actorgraph.draft import get_analyzer, spacy_available
from actorgraph.draft.language import Analyzer
from actorgraph.settings import Settings

HERE = Path(__file__).parent

#: Both modes; spaCy's is skipped (with the install command) when the optional extra is missing.
MODES = [
    "rules",
    pytest.param(
        "spacy", marks=pytest.mark.skipif(not spacy_available(), reason="nlp extra not installed: make draft-deps")
    ),
]


@pytest.fixture(autouse=True)
def _empty_graph(request: pytest.FixtureRequest) -> None:
    """Overrides the root fixture: an empty graph only for tests that use the server."""
    if "driver" not in request.fixturenames:
        return
    drv: Driver = request.getfixturevalue("driver")
    cfg: Settings = request.getfixturevalue("settings")
    drv.execute_query("MATCH (n) DETACH DELETE n", database_=cfg.neo4j_database)


@pytest.fixture(params=MODES)
def analyzer(request: pytest.FixtureRequest) -> Analyzer:
    return get_analyzer(request.param)
