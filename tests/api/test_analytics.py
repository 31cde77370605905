"""The reports through GraphQL (typed results), the cache, its invalidation, and write-back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
import strawberry
from neo4j import Driver

from actorgraph.analytics import NetworkFilter, camps, centrality, project
from actorgraph.analytics.cache import ReportCache
from actorgraph.analytics.writeback import write_back
from actorgraph.api.analytics import CACHE, AnalyticsQuery
from actorgraph.model.vocabulary import Predicate
from actorgraph.settings import Settings
from actorgraph.store.core import Store
from tests.support.aio import run_async

pytestmark = pytest.mark.usefixtures("small_network")


@strawberry.type
class Query:
    @strawberry.field
    def analytics(self) -> AnalyticsQuery:
        return AnalyticsQuery()


SCHEMA = strawberry.Schema(query=Query)


@dataclass
class Context:
    store: Store


def run(driver: Driver, settings: Settings, document: str, **variables: Any) -> dict[str, Any]:
    context = Context(Store(driver, settings))
    result = run_async(SCHEMA.execute(document, variable_values=variables, context_value=context))
    assert result.errors is None, result.errors
    assert result.data is not None
    return result.data["analytics"]


def test_every_report_answers_with_typed_results(driver: Driver, settings: Settings) -> None:
    data = run(
        driver,
        settings,
        """{ analytics {
        centrality(limit: 2) { entries { actor accusationsMade accused pagerank betweenness } betweennessSamples }
        camps { entries { actor camp leaning undetermined community evidence { links stability } }
                frustration frustrated { source target type } communities exact basis }
        contested { allegation affirming denying sources balance status }
        contradictions { actorA actorB aDeniesB bDeniesA allegations summaries }
        ego(actor: "Kremlin-like") { neighbour direction type sign weight }
        path(source: "y", target: "k") { length actors hops { types } }
    } }""",
    )
    # PageRank by hand: k accuses a and b, nobody accuses k, the six others are dangling, so k gets
    # (1 - alpha)/7 + alpha * (what the dangling spread) = 1 / (7 + alpha). Betweenness: on the undirected
    # network {k-a, k-b, k-h, a-b} (y, m, lone isolated) k alone links h to a and to b: 2 of 15 pairs.
    assert data["centrality"]["entries"][0] == {
        "actor": "k", "accusationsMade": 2, "accused": 0, "pagerank": pytest.approx(1 / 7.85, abs=1e-9),
        "betweenness": pytest.approx(2 / 15),
    }  # fmt: skip
    entries = {e["actor"]: e for e in data["camps"]["entries"]}
    camp = {actor: e["camp"] for actor, e in entries.items()}
    assert camp["k"] != camp["a"] == camp["b"] and camp["y"] is None and entries["y"]["evidence"] is None
    # h is linked by one CONTRADICTS relationship only: it leans to a's camp, too thinly to be shown there
    assert camp["h"] is None and entries["h"]["undetermined"] and entries["h"]["leaning"] == camp["a"]
    assert entries["h"]["evidence"]["links"] == 1 and entries["k"]["evidence"]["links"] == 4
    assert data["camps"]["frustration"] == 0 and data["camps"]["exact"] is True
    assert data["camps"]["basis"] == "HOSTILITY"
    assert data["contested"] == [
        {"allegation": "al1", "affirming": ["k"], "denying": ["h"], "sources": 2, "balance": 1.0, "status": "CONTESTED"}
    ]
    assert data["contradictions"][0]["actorA"] == "h" and data["contradictions"][0]["allegations"] == ["al1"]
    assert {"neighbour": "h", "direction": "in", "type": "CONTRADICTS", "sign": -1, "weight": 2} in data["ego"]
    assert data["path"] == []  # y has no derived relationship of its own


def test_filters_and_errors(driver: Driver, settings: Settings) -> None:
    data = run(driver, settings, """query($f: NetworkFilter) { analytics {
        centrality(network: $f) { entries { actor accusationsMade } } } }""",
        f={"dateTo": "2030-01-31", "predicates": ["CONTROLLED_BY"]})  # fmt: skip
    made = {e["actor"]: e["accusationsMade"] for e in data["centrality"]["entries"]}
    assert made == {"k": 1, "a": 0, "h": 0}  # h is the object of the allegation kept
    result = run_async(SCHEMA.execute('{ analytics { ego(actor: "nobody") { neighbour } } }',
                                        context_value=Context(Store(driver, settings))))  # fmt: skip
    assert result.errors and "no actor 'nobody'" in result.errors[0].message


@pytest.mark.corrupts_graph  # renames with raw Cypher (another program's write): the name index is not told
def test_the_cache_serves_until_the_graph_changes(driver: Driver, settings: Settings) -> None:
    CACHE.clear()
    query = "{ analytics { centrality { entries { actor name accusationsMade } } } }"
    first = run(driver, settings, query)
    hits = CACHE.hits
    assert run(driver, settings, query) == first and CACHE.hits > hits
    store = Store(driver, settings)
    version = store.version()
    assert store.version() == version  # reads do not move it
    driver.execute_query("MATCH (a:Actor {id: 'k'}) SET a.name = 'Renamed'", database_=settings.neo4j_database)
    assert store.version() != version
    after = run(driver, settings, query)
    assert after["centrality"]["entries"][0]["name"] == "Renamed"


def test_report_cache_keys_and_versions() -> None:
    cache = ReportCache(max_entries=2)
    calls: list[str] = []

    def compute(tag: str) -> str:
        calls.append(tag)
        return tag

    assert cache.get_or_compute("a", "v1", lambda: compute("a1")) == "a1"
    assert cache.get_or_compute("a", "v1", lambda: compute("a2")) == "a1"
    assert cache.get_or_compute("a", "v2", lambda: compute("a3")) == "a3"
    cache.get_or_compute("b", "v2", lambda: compute("b"))
    cache.get_or_compute("c", "v2", lambda: compute("c"))  # evicts the least recently used ("a")
    assert cache.get_or_compute("a", "v2", lambda: compute("a4")) == "a4"
    assert calls == ["a1", "a3", "b", "c", "a4"]


def test_write_back_stores_scores_and_clears_stale_ones(driver: Driver, settings: Settings) -> None:
    store = Store(driver, settings)
    g = project(store)
    assert write_back(store, camps(g)) == 7
    assert write_back(store, centrality(g)) == 7
    rows = driver.execute_query(
        "MATCH (a:Actor) RETURN a.id AS id, a.camp AS camp, a.pagerank AS pagerank, a.accusations_made AS made",
        database_=settings.neo4j_database,
    ).records
    stored = {r["id"]: r for r in rows}
    assert stored["k"]["made"] == 2 and stored["k"]["pagerank"] > 0
    assert stored["k"]["camp"] != stored["a"]["camp"] and stored["lone"]["camp"] is None
    driver.execute_query("MATCH (a:Actor) SET a.camp = 'stale'", database_=settings.neo4j_database)
    small = project(store, NetworkFilter(predicates=(Predicate.ALLIED_WITH,)))
    write_back(store, camps(small))
    camps_now = {
        r["id"]: r["camp"]
        for r in driver.execute_query(
            "MATCH (a:Actor) RETURN a.id AS id, a.camp AS camp", database_=settings.neo4j_database
        ).records
    }
    # the stale camps are gone, and a and b, linked by one ALLIED_WITH relationship, are undetermined: no camp stored
    assert camps_now["k"] is None and camps_now["a"] is None and camps_now["b"] is None


def test_narrative_camps_and_the_series_over_time(driver: Driver, settings: Settings) -> None:
    data = run(
        driver,
        settings,
        """{ analytics {
        camps(by: NARRATIVE) { basis entries { actor camp leaning evidence { links weight } } reportersLeftOut }
        campsOverTime(window: "30d") { windows { start end label } entries { window actor camp leaning }
                                       changes { actor } frustration }
        centralityOverTime(window: "30d") { windows { label } entries { window actor accusationsMade rank } }
        centrality(limit: 1) { entries { actor rank rankLow rankHigh } rankResamples }
    } }""",
    )
    narrative = {e["actor"]: e for e in data["camps"]["entries"]}
    assert data["camps"]["basis"] == "NARRATIVE"
    # k affirms al1, h (through y) denies it: one contradicting link, too thin for either to be shown
    assert narrative["k"]["leaning"] != narrative["h"]["leaning"] and narrative["k"]["camp"] is None
    assert narrative["k"]["evidence"] == {"links": 1, "weight": 2.0} and narrative["a"]["evidence"] is None
    series = data["campsOverTime"]
    assert [w["label"] for w in series["windows"]] == ["2030-01-10..2030-02-08", "2030-02-09..2030-03-10"]
    assert {e["actor"] for e in series["entries"] if e["window"] == 0} == {"k", "a", "b"}
    assert series["changes"] == [] and len(series["frustration"]) == 2
    accusers = data["centralityOverTime"]["entries"]
    assert [(e["window"], e["actor"], e["accusationsMade"], e["rank"]) for e in accusers if e["accusationsMade"]] == [
        (0, "k", 1, 1), (1, "k", 1, 1)
    ]  # fmt: skip
    assert data["centrality"]["entries"][0]["rank"] == 1 and data["centrality"]["rankResamples"] == 50


def test_a_window_that_is_no_length_is_refused(driver: Driver, settings: Settings) -> None:
    context = Context(Store(driver, settings))
    result = run_async(SCHEMA.execute('{ analytics { campsOverTime(window: "soon") { frustration } } }',
                                      context_value=context))  # fmt: skip
    assert result.errors is not None and "30d or 2w" in result.errors[0].message
