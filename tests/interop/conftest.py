"""Fixtures for the interop tests: the seed and a small generated corpus, loaded by the real loader,
with analyst verdicts set through the real mutation; the graph read back by the real store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from neo4j import Driver

from actorgraph.ingest import load_paths
from actorgraph.interop.graph import ExportedGraph, graph_from_records
from actorgraph.model.vocabulary import Verdict
from actorgraph.settings import Settings
from actorgraph.store import export, mutations
from bench.generate import generate, write_dossiers
from tests.helpers import ROOT

SEED = ROOT / "seed"
DATA = Path(__file__).parent / "data"
#: Statements of the generated corpus `make test` exports (the 10k corpus runs under -m corpus10k).
SMALL = 300
#: Seed allegations given a verdict, with the verdict.
SEED_VERDICTS = {
    "legion-controlled-by-cia": Verdict.REFUTED,
    "ukrainian-military-involved-in-incursion": Verdict.UNPROVEN,
    "legion-carried-out-incursion": Verdict.CONFIRMED,
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The 10k corpus takes minutes to load: its tests run only when selected with ``-m corpus10k``."""
    if "corpus10k" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="the 10k corpus takes minutes: run with -m corpus10k")
    for item in items:
        if item.get_closest_marker("corpus10k"):
            item.add_marker(skip)


Read = Callable[[], ExportedGraph]


@pytest.fixture
def read_graph(driver: Driver, settings: Settings) -> Read:
    """The graph as the converters see it, read from Neo4j through the store."""

    def read() -> ExportedGraph:
        return graph_from_records(*export.graph_records(driver, settings))

    return read


def set_verdicts(driver: Driver, settings: Settings, verdicts: dict[str, Verdict]) -> None:
    """Verdicts through the real mutation, on allegations named by id."""
    for allegation, verdict in verdicts.items():
        with driver.session(database=settings.neo4j_database) as session:
            session.execute_write(
                mutations.set_verdict,
                allegation,
                verdict,
                f"Analyst reading of {allegation}.",
                "https://example.org/src",
            )


def seed_allegation_id(driver: Driver, local: str) -> str:
    """The stored id of a seed allegation named by its dossier-local id (through its summary)."""
    import yaml

    seed = yaml.safe_load((SEED / "incursion.yaml").read_text(encoding="utf-8"))
    summary = next(a["summary"] for a in seed["allegations"] if a["id"] == local)
    records = driver.execute_query("MATCH (a:Allegation {summary: $s}) RETURN a.id AS id", s=summary).records
    return str(records[0]["id"])


@pytest.fixture
def seed(driver: Driver, settings: Settings) -> None:
    """The seed, with three verdicts (confirmed, unproven, refuted)."""
    load_paths(driver, settings, [SEED])
    set_verdicts(driver, settings, {seed_allegation_id(driver, k): v for k, v in SEED_VERDICTS.items()})


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_dossiers(generate(SMALL, seed=3), folder)
    return folder


@pytest.fixture
def corpus(driver: Driver, settings: Settings, small_corpus: Path) -> None:
    """The small generated corpus (dated statements, events, many sources), with a verdict on its first
    five allegations in id order."""
    load_paths(driver, settings, [small_corpus])
    ids = [r["id"] for r in driver.execute_query("MATCH (a:Allegation) RETURN a.id AS id ORDER BY id LIMIT 5").records]
    set_verdicts(driver, settings, dict(zip(ids, [*Verdict, *Verdict], strict=False)))
