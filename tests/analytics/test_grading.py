"""The reliability filter of analytics: in the projection (through store/) and on the real command line."""

from __future__ import annotations

import json

from actorgraph.analytics import project
from actorgraph.model.network import NetworkFilter
from actorgraph.model.vocabulary import Reliability
from actorgraph.store.core import Store
from tests.support.cli import run_cli
from tests.support.graph import Loader
from tests.support.paths import DATA

COPIES = [DATA / "provenance" / f for f in ("telegram-post.yaml", "daily-a.yaml", "herald-b.yaml")]


def _reporters(store: Store, grade: Reliability | None) -> set[str]:
    """The voices of the REPORTS edges left by the filter (the three outlets report, they accuse nobody)."""
    g = project(store, NetworkFilter(min_reliability=grade))
    return {a for a, _, t in g.edges(keys=True) if t == "REPORTS"}


def test_projection_keeps_statements_graded_well_enough(store: Store, load: Loader) -> None:
    load(*COPIES)
    assert _reporters(store, None) == {"daily-a", "herald-b", "volya-channel"}
    assert _reporters(store, Reliability.B) == {"daily-a"}
    assert _reporters(store, Reliability.C) == {"daily-a", "herald-b"}
    # The post's source is ungraded: its channel's default grade (E) stands in.
    assert _reporters(store, Reliability.E) == {"daily-a", "herald-b", "volya-channel"}
    assert _reporters(store, Reliability.A) == set()


def test_cli_min_reliability(load: Loader) -> None:
    load(*COPIES)
    done = run_cli("analyze", "ego", "eastern-battalion", "--min-reliability", "b", "--format", "json")
    assert done.returncode == 0, done.stderr
    around = {(r["neighbour"], r["direction"], r["type"]) for r in json.loads(done.stdout)}
    assert around == {("daily-a", "in", "REPORTS")}, around
    wrong = run_cli("analyze", "centrality", "--min-reliability", "G")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "--min-reliability 'G' is not one of: A, B, C, D, E, F" in wrong.stderr + wrong.stdout
