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


def _accusers(store: Store, grade: Reliability | None) -> set[str]:
    g = project(store, NetworkFilter(min_reliability=grade))
    return {a for a, _, t in g.edges(keys=True) if t == "ACCUSES"}


def test_projection_keeps_statements_graded_well_enough(store: Store, load: Loader) -> None:
    load(*COPIES)
    assert _accusers(store, None) == {"daily-a", "herald-b", "volya-channel"}
    assert _accusers(store, Reliability.B) == {"daily-a"}
    assert _accusers(store, Reliability.C) == {"daily-a", "herald-b"}
    # The post's source is ungraded: its channel's default grade (E) stands in.
    assert _accusers(store, Reliability.E) == {"daily-a", "herald-b", "volya-channel"}
    assert _accusers(store, Reliability.A) == set()


def test_cli_min_reliability(load: Loader) -> None:
    load(*COPIES)
    done = run_cli("analyze", "centrality", "--include-reporters", "--min-reliability", "b", "--format", "json")
    assert done.returncode == 0, done.stderr
    made = {r["actor"]: r["accusations_made"] for r in json.loads(done.stdout)["rows"]}
    assert made.get("daily-a") == 1 and not made.get("herald-b") and not made.get("volya-channel"), made
    wrong = run_cli("analyze", "centrality", "--min-reliability", "G")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "--min-reliability 'G' is not one of: A, B, C, D, E, F" in wrong.stderr + wrong.stdout
