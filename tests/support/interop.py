"""The interop tests' inputs: verdicts set through the real mutation, the graph read as converters see it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from actorgraph.interop.graph import ExportedGraph, graph_from_records
from actorgraph.model.ids import allegation_id
from actorgraph.model.vocabulary import Verdict
from actorgraph.store import export, mutations
from actorgraph.store.core import Store
from tests.support.paths import SEED

DATA = Path(__file__).resolve().parents[1] / "interop" / "data"
#: Statements of the generated corpus `make test` exports (the 10k corpus runs under -m corpus10k).
SMALL = 300
#: Seed allegations given a verdict, with the verdict.
SEED_VERDICTS = {
    "legion-controlled-by-cia": Verdict.REFUTED,
    "ukrainian-military-involved-in-incursion": Verdict.UNPROVEN,
    "legion-carried-out-incursion": Verdict.CONFIRMED,
}

Read = Callable[[], ExportedGraph]


def graph_of(store: Store) -> ExportedGraph:
    """The graph as the converters see it, read through the store."""
    return graph_from_records(*export.graph_records(store))


def set_verdicts(store: Store, verdicts: dict[str, Verdict]) -> None:
    """Verdicts through the real mutation, on allegations named by id."""
    for allegation, verdict in verdicts.items():
        store.write(mutations.set_verdict, allegation, verdict, f"Analyst reading of {allegation}.",
                    "https://example.org/src")  # fmt: skip


def seed_allegation_id(local: str) -> str:
    """The stored id of a seed allegation named by its dossier-local id (its natural key, hashed)."""
    seed = yaml.safe_load((SEED / "incursion.yaml").read_text(encoding="utf-8"))
    found = next(a for a in seed["allegations"] if a["id"] == local)
    return allegation_id(found["subject"], found["predicate"], found["object"])
