"""Fixtures for the Browser exploration tests: the real seed, loaded by the real loader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from neo4j import Driver

from actorgraph.browser.labels import apply_display_labels
from actorgraph.ingest import load_paths
from actorgraph.settings import Settings
from tests.helpers import ROOT

SEED = ROOT / "seed"
EXPLORE = ROOT / "src" / "actorgraph" / "cypher" / "explore"
EXPLORE_FILES = sorted(EXPLORE.glob("*.cypher"))
SEED_PARAM = re.compile(r"^// :param (\w+) => '([^']*)'$", re.MULTILINE)


def seed_params(path: Path) -> dict[str, str]:
    """The ``:param`` values an explore file's header gives for the seed case."""
    return dict(SEED_PARAM.findall(path.read_text(encoding="utf-8")))


@pytest.fixture
def seeded(driver: Driver, settings: Settings) -> Driver:
    """The empty test graph with ``seed/`` loaded and the Browser display labels applied."""
    load_paths(driver, settings, [SEED])
    apply_display_labels(driver, settings)
    return driver
