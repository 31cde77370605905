"""The explorer against the real API and Neo4j: a uvicorn server serving the built SPA.

``make test`` builds the SPA first (``make web``, cached); run alone, these fixtures build it the same
way, so a stale build can never be what is tested. Chromium is the session's (``tests/conftest.py``).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from actorgraph.settings import Settings
from tests.support.http import Server, api_settings
from tests.support.paths import ROOT


@pytest.fixture(scope="session")
def built_spa() -> Path:
    """``web/dist``, rebuilt by make when ``web/`` or the schema changed (a no-op otherwise)."""
    done = subprocess.run(["make", "-s", "web"], cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, f"make web failed:\n{done.stdout}\n{done.stderr}"
    index = ROOT / "web" / "dist" / "index.html"
    assert index.is_file(), "make web built no web/dist/index.html"
    return index.parent


@pytest.fixture(scope="session")
def api(settings: Settings, _session_driver: Driver, built_spa: Path) -> Iterator[Server]:
    """The API serving the explorer; it asks for pages of up to 100 (the API's default maximum)."""
    with Server(api_settings(settings, api_max_page_size=100)) as server:
        yield server
