"""Shared fixtures: a real local Neo4j (started by the same code as `actorgraph neo4j start`), the
store on it, loaded graphs, and the real API over HTTP. Helpers that are not fixtures live in
``tests/support``; no test imports a conftest.

Tests use their own server instance (Bolt 7688, HTTP 7475, own data directory) unless NEO4J_URI is
set, so running the suite never touches the data of `make up`. Markers are set from what a test
uses, so they cannot drift: a test that uses the server (any fixture built on it) is marked
``neo4j``, and one that asks for ``driver`` (directly or through ``store``, ``load``, ``seed``...)
starts from an empty graph; one that needs ``chromium`` is marked ``browser``. `make test-unit`
runs the rest, with no server.
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

from actorgraph.browser.labels import apply_display_labels
from actorgraph.ingest import LoadReport, load_paths
from actorgraph.local import server
from actorgraph.settings import Settings, get_settings
from actorgraph.store import derived, schema
from actorgraph.store.check import check as check_graph
from actorgraph.store.core import Store, open_driver
from tests.support.graph import Loader, write_small_network
from tests.support.http import GraphQL, Server, api_settings, graphql_client
from tests.support.paths import SEED


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "_session_driver" in fixtures:
            item.add_marker(pytest.mark.neo4j)
        if "chromium" in fixtures:
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
def _session_driver(settings: Settings, neo4j_server: server.Status) -> Iterator[Driver]:
    drv = open_driver(settings)
    schema.init_schema(Store(drv, settings))
    yield drv
    drv.close()


@pytest.fixture
def driver(_session_driver: Driver, settings: Settings, request: pytest.FixtureRequest) -> Iterator[Driver]:
    """The test server's driver, the graph emptied first (schema kept).

    After the test, ``db check`` must find every invariant holding (whatever the test wrote, through
    the loader, the API or the CLI); a test that damages the graph on purpose is marked
    ``corrupts_graph``.
    """
    _session_driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.neo4j_database)
    yield _session_driver
    if request.node.get_closest_marker("corrupts_graph") is None:
        report = check_graph(Store(_session_driver, settings)).report
        assert report.ok, "db check after the test: " + "; ".join(map(str, report.violations[:10]))


@pytest.fixture
def store(driver: Driver, settings: Settings) -> Store:
    """The door to the (empty) test graph, as the CLI uses it (no timeout)."""
    return Store(driver, settings)


@pytest.fixture
def load(store: Store) -> Loader:
    """Load dossiers through the real loader: ``load(path, ...)``."""

    def _load(*paths: Path) -> LoadReport:
        return load_paths(store, list(paths))

    return _load


@pytest.fixture
def seed(store: Store) -> LoadReport:
    """The seed case loaded by the real loader."""
    return load_paths(store, [SEED])


@pytest.fixture
def seeded(driver: Driver, store: Store, seed: LoadReport) -> Driver:
    """The seed loaded, with the Browser display labels applied (as `make up` does); the driver to read it."""
    apply_display_labels(store)
    return driver


@pytest.fixture
def small_network(store: Store, driver: Driver) -> Store:
    """A small dated network (tests/support/graph.py), statuses and relationships derived by the store."""
    write_small_network(driver)
    store.write(derived.refresh_all)
    return store


@pytest.fixture(scope="session")
def api(settings: Settings, _session_driver: Driver) -> Iterator[Server]:
    """The real API over HTTP on a free port, for the whole session (tests load what they need)."""
    with Server(api_settings(settings)) as running:
        yield running


@pytest.fixture
def gql(api: Server, driver: Driver) -> GraphQL:
    """POST a GraphQL document to the running API; returns the JSON body (asserting HTTP 200)."""
    return graphql_client(api.url)


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
