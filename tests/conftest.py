"""Test fixtures: a real local Neo4j, started by the same code as `actorgraph neo4j start`.

Tests use their own server instance (Bolt 7688, HTTP 7475, own data directory) unless NEO4J_URI is
set, so running the suite never touches the data of `make up`. Every test marked ``neo4j`` (all
tests outside ``tests/unit``; markers come from the folder so they cannot drift) starts from an
empty graph.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

os.environ.setdefault("NEO4J_URI", "bolt://127.0.0.1:7688")
os.environ.setdefault("ACTORGRAPH_HTTP_PORT", "7475")
os.environ.setdefault("NEO4J_PASSWORD", "actorgraph-test")
os.environ.setdefault("ACTORGRAPH_NEO4J_HEAP", "768m")
os.environ.setdefault("ACTORGRAPH_NEO4J_PAGECACHE", "256m")

from actorgraph.local import server
from actorgraph.settings import Settings, get_settings
from actorgraph.store import schema
from actorgraph.store.driver import open_driver

TESTS = Path(__file__).parent
UNIT = TESTS / "unit"
BROWSER = TESTS / "browser"
EXPLORER = TESTS / "web" / "test_explorer.py"  # the explorer in Chromium (tests/web's others are HTTP only)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(str(item.fspath))
        if UNIT not in path.parents:
            item.add_marker(pytest.mark.neo4j)
        if BROWSER in path.parents or path == EXPLORER:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def settings() -> Settings:
    get_settings.cache_clear()
    return get_settings()


@pytest.fixture(scope="session")
def neo4j_server(settings: Settings) -> server.Status:
    """The test server, started once per session if it is not running yet."""
    if settings.is_local:
        status, _ = server.start(settings)
        return status
    return server.status(settings)


@pytest.fixture(scope="session")
def driver(settings: Settings, neo4j_server: server.Status) -> Iterator[Driver]:
    drv = open_driver(settings)
    schema.init_schema(drv, settings)
    yield drv
    drv.close()


@pytest.fixture(autouse=True)
def _empty_graph(request: pytest.FixtureRequest) -> None:
    """Each Neo4j test starts from an empty graph (schema kept)."""
    if request.node.get_closest_marker("neo4j") is None:
        return
    drv: Driver = request.getfixturevalue("driver")
    cfg: Settings = request.getfixturevalue("settings")
    drv.execute_query("MATCH (n) DETACH DELETE n", database_=cfg.neo4j_database)


CHROMIUM = Path("/usr/bin/chromium")
# Headless on a closed network: no GPU, no QUIC, and none of Chromium's background traffic.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright, one for the whole session (never a downloaded browser).

    One Playwright per session: its sync API runs an event loop in this thread, so a second one (another
    folder's fixture) would fail. Without /usr/bin/chromium the browser tests are skipped with the command
    that installs it, except in CI, where ``make test`` has installed it (``make browser-deps``).
    """
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: `make test` runs `make browser-deps`, which installs it")
        pytest.skip(f"{CHROMIUM} is not installed: run `make browser-deps` (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright missing: run `make browser-deps`")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
