"""Fixtures of the interop tests: the seed with analyst verdicts and a small generated corpus, loaded by
the real loader, verdicts set through the real mutation; the graph read back through the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from actorgraph.ingest import LoadReport, load_paths
from actorgraph.model.vocabulary import Verdict
from actorgraph.store.core import Store
from bench.generate import generate, write_dossiers
from tests.support.interop import SEED_VERDICTS, SMALL, Read, graph_of, seed_allegation_id, set_verdicts
from tests.support.paths import SEED


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The 10k corpus takes minutes to load: its tests run only when selected with ``-m corpus10k``."""
    if "corpus10k" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="the 10k corpus takes minutes: run with -m corpus10k")
    for item in items:
        if item.get_closest_marker("corpus10k"):
            item.add_marker(skip)


@pytest.fixture
def read_graph(store: Store) -> Read:
    """The graph as the converters see it, read from Neo4j through the store."""
    return lambda: graph_of(store)


@pytest.fixture
def seed(store: Store) -> LoadReport:
    """The seed, with three verdicts (confirmed, unproven, refuted)."""
    report = load_paths(store, [SEED])
    set_verdicts(store, {seed_allegation_id(k): v for k, v in SEED_VERDICTS.items()})
    return report


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_dossiers(generate(SMALL, seed=3), folder)
    return folder


@pytest.fixture
def corpus(store: Store, small_corpus: Path) -> LoadReport:
    """The small generated corpus (dated statements, events, many sources), with a verdict on its first
    five allegations in id order."""
    report = load_paths(store, [small_corpus])
    ids = sorted(str(r["id"]) for r in store.query("all_allegation_ids"))[:5]
    set_verdicts(store, dict(zip(ids, [*Verdict, *Verdict], strict=False)))
    return report
