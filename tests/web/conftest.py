"""The explorer against the real API and Neo4j: a uvicorn server serving the built SPA, the seed loaded.

``make test`` builds the SPA first (``make web``, cached); run alone, these fixtures build it the same
way, so a stale build can never be what is tested. Chromium is the session's (``tests/conftest.py``).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from actorgraph.ingest import load_paths
from actorgraph.settings import Settings
from tests.api.conftest import API_KEY, Server, api_settings
from tests.helpers import ROOT

SCREENSHOTS = ROOT / "build" / "screenshots"
EDITOR = {"X-API-Key": API_KEY}


@pytest.fixture(scope="session")
def built_spa() -> Path:
    """``web/dist``, rebuilt by make when ``web/`` or the schema changed (a no-op otherwise)."""
    done = subprocess.run(["make", "-s", "web"], cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, f"make web failed:\n{done.stdout}\n{done.stderr}"
    index = ROOT / "web" / "dist" / "index.html"
    assert index.is_file(), "make web built no web/dist/index.html"
    return index.parent


@pytest.fixture(scope="session")
def api(settings: Settings, driver: Driver, built_spa: Path) -> Iterator[Server]:
    # The explorer asks for pages of up to 100 (the API's default maximum); the API tests lower it to 60.
    with Server(api_settings(settings, api_max_page_size=100)) as server:
        yield server


@pytest.fixture
def seed(driver: Driver, settings: Settings) -> None:
    load_paths(driver, settings, [ROOT / "seed"])


def graphql(api: Server, query: str, variables: dict[str, Any] | None = None, editor: bool = False) -> dict[str, Any]:
    import httpx

    response = httpx.post(
        f"{api.url}/graphql",
        json={"query": query, "variables": variables or {}},
        headers=EDITOR if editor else {},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def new_page(chromium: Any, width: int = 1280, height: int = 800, key: str | None = None) -> Any:
    """A page in a fresh context; with ``key``, the editor key is already entered (as a user would)."""
    context = chromium.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(15_000)
    if key is not None:
        stored = json.dumps(json.dumps({"kind": "key", "value": key}))
        context.add_init_script(f"sessionStorage.setItem('actorgraph.credential', {stored})")
    return context.new_page()
