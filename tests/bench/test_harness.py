"""Each part of the harness at a tiny scale against the real server (and the real API under wrk)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from neo4j import Driver

from actorgraph.settings import Settings
from actorgraph.store.core import Store
from actorgraph.store.loader import load
from actorgraph.store.schema import counts
from bench import analytics, api, report
from bench.analytics import growth_exponent
from bench.generate import generate
from bench.ingest import create_plain, measure_limit, prepare, reset, run_scale, seed_graph


def test_ingest_measures_all_three_ways_and_the_reload_changes_nothing(driver: Driver, settings: Settings) -> None:
    store = Store(driver, settings)
    result = run_scale(store, 100, budget_s=30.0, probes=2)
    assert result["statements"] == 100
    assert result["loader"]["measured_statements"] == 100 and not result["loader"]["sampled"]
    assert result["loader"]["reload_changed_anything"] is False
    assert result["loader"]["reload_skipped_dossiers"] == 2
    assert result["loader"]["check_problems"] == []
    assert result["limit"]["statements"] == 100
    assert result["parse"]["statements"] == 100  # the whole corpus: two files of 50
    assert result["probes"]["dossiers"] == 2 and result["probes"]["ratio"] > 0
    assert result["ratios"]["loader_vs_naive"] > 0


@pytest.mark.corrupts_graph  # the limit is plain CREATE: no statuses, no derived relationships, by design
def test_the_limit_writes_the_same_nodes_and_links_as_the_loader(driver: Driver, settings: Settings) -> None:
    store = Store(driver, settings)
    prepared = prepare(generate(150))
    load(store, prepared)
    by_loader = counts(store)
    measure_limit(store, prepared)
    by_limit = counts(store)
    model = ("Actor", "Event", "Source", "Allegation", "Statement")
    assert {k: by_limit.nodes[k] for k in model} == {k: by_loader.nodes[k] for k in model}
    for rel in ("MADE", "ON", "REPORTED_IN", "SUBJECT", "OBJECT"):
        assert by_limit.relationships[rel] == by_loader.relationships[rel]


def test_seeded_graph_has_the_loaders_statuses_and_derived_relationships(driver: Driver, settings: Settings) -> None:
    store = Store(driver, settings)
    prepared = prepare(generate(150))
    reset(store)
    load(store, prepared)
    by_loader = counts(store)
    statuses = "MATCH (a:Allegation) RETURN a.id AS id, a.status AS s ORDER BY id"
    loaded = driver.execute_query(statuses).records
    seed_graph(store, 150)
    seeded = counts(store)
    # The name index included; no load or audit records (seeding is not a user's load).
    assert seeded.relationships == {k: v for k, v in by_loader.relationships.items() if k != "CHANGED"}
    records = {"Dossier", "Change", "ChangeKey"}
    assert seeded.nodes == {k: v for k, v in by_loader.nodes.items() if k not in records}
    assert by_loader.nodes["Change"] > 0  # the loader did write its audit records
    assert driver.execute_query(statuses).records == loaded


@pytest.mark.corrupts_graph  # plain CREATE, nothing derived, by design
def test_a_tiny_plain_create_into_an_empty_db(driver: Driver, settings: Settings) -> None:
    store = Store(driver, settings)
    reset(store)
    assert create_plain(store, prepare(generate(60))) == 60


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (make bench-deps)")
def test_wrk_against_actorgraph_and_the_peer_on_the_same_data(driver: Driver, settings: Settings) -> None:
    store = Store(driver, settings)
    seed_graph(store, 100)
    result = api.run(store, 1.0, concurrency=(2,), rounds=1, only=("ceiling", "actor", "page", "search"))
    assert result["status"] == "ok", result
    actor = result["queries"]["actor"]
    assert actor["cypher_round_trips"] == 1
    runs = actor["runs"]["2"]
    assert {"actorgraph", "actorgraph+cache"} <= set(runs)
    for run in runs.values():
        assert run["requests"] > 0 and run["errors"] == 0
        assert run["p50_ms"] is not None and 0 < run["p50_ms"] <= run["p95_ms"] <= run["p99_ms"]
    if "peer" in result["servers"]:  # installed by make bench-deps: both answered the same data first
        assert all(q["same_data"] == "same" for q in result["queries"].values())
        assert runs["actorgraph"]["vs_peer"] > 0


def test_the_peer_comparison_fails_on_different_data() -> None:
    ours = {"actor": {"id": "a", "name": "A", "kind": "PERSON", "statements": [{"id": "s1"}, {"id": "s2"}]}}
    theirs = {"actors": [{"id": "a", "name": "A", "kind": "PERSON", "statements": [{"id": "s2"}, {"id": "s1"}]}]}
    query = api.QUERIES["actor"]
    assert query.normalise_actorgraph(ours) != query.normalise_peer(theirs)
    theirs["actors"][0]["statements"].reverse()
    assert query.normalise_actorgraph(ours) == query.normalise_peer(theirs)


def test_growth_exponent_is_the_log_log_slope() -> None:
    assert growth_exponent([10, 100, 1000], [1, 10, 100]) == pytest.approx(1.0)
    assert growth_exponent([10, 100], [1, 100]) == pytest.approx(2.0)
    assert growth_exponent([10], [1]) is None


def test_report_renders_skipped_parts_and_judges_targets(tmp_path: Path) -> None:
    results = {
        "mode": "smoke", "started": "now", "duration_s": 1.0, "machine": {"cores": 2},
        "ingest": {"status": "skipped: not here"},
        "api": {"status": "ok", "servers": {"actorgraph": {}, "peer": {}}, "seconds_per_run": 1.0,
                "queries": {"actor": {"description": "(b)", "cypher_round_trips": 1, "runs": {
                    "8": {"actorgraph": {"requests": 10, "errors": 0, "requests_per_s": 40.0, "p50_ms": 10.0,
                                         "p95_ms": 20.0, "p99_ms": 30.0, "vs_peer": 0.8},
                          "peer": {"requests": 10, "errors": 0, "requests_per_s": 50.0, "p50_ms": 10.0,
                                   "p95_ms": 20.0, "p99_ms": 30.0}},
                    "32": {"actorgraph": {"requests": 10, "errors": 0, "requests_per_s": 20.0, "p50_ms": 10.0,
                                          "p95_ms": 20.0, "p99_ms": 30.0, "vs_peer": 0.4}}}}}},
    }  # fmt: skip
    file = tmp_path / "smoke.json"
    file.write_text(json.dumps(results))
    text = report.write(file, tmp_path / "smoke.md").read_text()
    assert "_skipped: not here_" in text
    judged = {t["target"]: t["met"] for t in report.targets(results)}
    assert judged["actor_vs_peer"] is False  # the worse of 8 and 32 clients: 0.4
    assert judged["actor_p95_ms_8"] is True and judged["actor_cached_vs_peer"] is None
    assert judged["loader_vs_naive"] is None
    assert (tmp_path / "smoke.png").exists()


def test_analytics_times_projection_and_every_report_at_three_scales(driver: Driver, settings: Settings) -> None:
    store = Store(driver, settings)
    result = analytics.run(store, (60, 120, 240))
    assert result["status"] == "ok"
    assert [s["statements"] for s in result["scales"]] == [60, 120, 240]
    for scale in result["scales"]:
        assert scale["actors"] > 0 and scale["projection_seconds"] > 0
        assert scale["total_seconds"] >= scale["projection_seconds"]
    assert set(result["growth_exponents"]) >= {"projection", "total"}
    assert result["at_target_scale"]["total_seconds"] > 0
