"""`db init`, `db stats`, `db wipe` against the real server."""

from __future__ import annotations

from importlib import resources

import pytest
from neo4j import Driver

from actorgraph.settings import Settings
from actorgraph.store import schema
from actorgraph.store.core import Store
from tests.support.cli import run_cli

LABELS = {"Actor", "Event", "Allegation", "Statement", "Source"}


def test_schema_ships_inside_the_package() -> None:
    assert resources.files("actorgraph.cypher").joinpath("schema.cypher").is_file()


def test_init_is_idempotent_and_covers_every_label(driver: Driver, settings: Settings) -> None:
    before = schema.init_schema(Store(driver, settings))
    after = schema.init_schema(Store(driver, settings))
    assert before == after
    records, _, _ = driver.execute_query(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN *"
    )
    constrained = {r["labelsOrTypes"][0] for r in records if r["properties"] == ["id"]}
    assert constrained >= LABELS
    records, _, _ = driver.execute_query("SHOW FULLTEXT INDEXES YIELD name, state RETURN *")
    assert {r["name"]: r["state"] for r in records}.get("search_text") == "ONLINE"
    out = run_cli("db", "init")
    assert out.returncode == 0, out.stderr


@pytest.mark.corrupts_graph  # bare nodes written by hand to test the schema, not a model graph
def test_fulltext_index_finds_aliases_and_quotes(driver: Driver) -> None:
    driver.execute_query(
        "CREATE (:Actor {id: 'a', name: 'Freedom of Russia Legion', aliases: ['Légion Liberté de la Russie']}),"
        " (:Statement {id: 's', quote: 'inch by inch'})"
    )
    driver.execute_query("CALL db.awaitIndexes(60)")
    found = driver.execute_query(
        "CALL db.index.fulltext.queryNodes('search_text', $q) YIELD node RETURN node.id AS id",
        q="legion liberte",
    ).records
    assert [r["id"] for r in found] == ["a"]
    found = driver.execute_query(
        "CALL db.index.fulltext.queryNodes('search_text', $q) YIELD node RETURN node.id AS id", q="inch"
    ).records
    assert [r["id"] for r in found] == ["s"]


@pytest.mark.corrupts_graph  # bare nodes written by hand to test the schema, not a model graph
def test_stats_counts_per_label_and_type(driver: Driver, settings: Settings) -> None:
    driver.execute_query("CREATE (a:Actor {id: 'a'})-[:MADE]->(:Statement {id: 's'}), (:Actor {id: 'b'})")
    counts = schema.counts(Store(driver, settings))
    assert counts.nodes == {"Actor": 2, "Statement": 1}
    assert counts.relationships == {"MADE": 1}
    out = run_cli("db", "stats")
    assert out.returncode == 0, out.stderr
    assert "Actor" in out.stdout and "MADE" in out.stdout


def test_wipe_asks_first(driver: Driver) -> None:
    driver.execute_query("CREATE (:Actor {id: 'a'})")
    out = run_cli("db", "wipe", stdin="n\n")
    assert out.returncode == 1
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 1
    out = run_cli("db", "wipe", "--yes")
    assert out.returncode == 0, out.stderr
    assert "Deleted 1 nodes" in out.stdout
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 0
