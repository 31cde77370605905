"""Neo4j Browser tests: pages of the session's headless Chromium (``chromium`` in ``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver

from actorgraph.browser.labels import apply_display_labels
from actorgraph.ingest import load_paths
from actorgraph.settings import Settings
from tests.helpers import ROOT

SCREENSHOTS = ROOT / "build" / "screenshots"


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh page in its own context (no stored Browser settings or credentials)."""
    context = chromium.new_context(viewport={"width": 1600, "height": 1000})
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def seeded(driver: Driver, settings: Settings) -> Driver:
    """The seed loaded by the real loader, with the display labels the style needs (as `make up` does)."""
    load_paths(driver, settings, [ROOT / "seed"])
    apply_display_labels(driver, settings)
    return driver
