"""The soak in CI size: 32 readers and 4 writers (mutations, overlapping loads) for 60 seconds against
the API in its own process on the test Neo4j; zero unexpected errors, zero lost writes, ``db check`` clean.

``make soak`` runs the same code for 10 minutes on its own server (``bench/soak.py``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from neo4j import Driver

from actorgraph.ingest import LoadReport
from actorgraph.store.core import Store
from bench import soak
from bench.served import API_KEY, api_process
from tests.support.http import free_port

SECONDS = float(os.environ.get("ACTORGRAPH_SOAK_SECONDS", "60"))


def test_soak_loses_nothing_and_breaks_nothing(store: Store, seed: LoadReport, driver: Driver, tmp_path: Path) -> None:
    with api_process(free_port(), tmp_path / "api.log") as api:
        result = soak.run(api.url, API_KEY, store, seconds=SECONDS, readers=32, dossiers=12)
    soak.plot(result["windows"], tmp_path / "soak.png", "CI soak")
    summary = json.dumps({k: v for k, v in result.items() if k != "windows"}, indent=1)
    assert result["requests_by_kind"].get("read", 0) > 100, summary
    assert result["requests_by_kind"].get("mutation", 0) > 10 and result["requests_by_kind"].get("load", 0) > 2, summary
    assert result["unexpected_errors"] == 0, summary
    assert result["lost_writes"] == [], summary
    assert result["db_check_violations"] == [], summary
