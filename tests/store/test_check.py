"""`db check` on a real graph: clean after real loads, and each kind of damage named by its check.

Every damage below is done with raw Cypher behind the door's back (as a bug, a crash or a hand edit
would), then the check must name it; a check that cannot see a damage is a defect.
"""

from __future__ import annotations

import pytest
from neo4j import Driver

from actorgraph.store.check import check
from actorgraph.store.core import Store
from tests.support.cli import run_cli


def _violations(store: Store) -> list[str]:
    return [str(v) for v in check(store).report.violations]


def test_seed_is_clean_and_everything_is_counted(store: Store, seed: object) -> None:
    result = check(store)
    assert result.report.ok, result.report.violations
    assert result.report.checked["statement-links"] >= 10
    assert result.report.checked["derived"] >= 10
    assert result.report.checked["quotes"] == result.report.checked["statement-links"]


def test_small_network_rebuilt_by_the_store_is_clean(small_network: Store) -> None:
    assert _violations(small_network) == []


# (what is done to the seed, the check that must name it, a fragment of the message)
DAMAGES = [
    ("MATCH ()-[r:MADE]->(s:Statement) WITH r LIMIT 1 DELETE r", "statement-links", "0 speakers"),
    (
        "MATCH (s:Statement) WITH s LIMIT 1 MATCH (a:Allegation) WHERE NOT (s)-[:ON]->(a) "
        "WITH s, a LIMIT 1 CREATE (s)-[:ON]->(a)",
        "statement-links",
        "2 allegations",
    ),
    ("MATCH (s:Statement) WITH s LIMIT 1 SET s.quote = s.quote + 'x'", "quotes", "the quote is"),
    ("MATCH (s:Statement) WITH s LIMIT 1 SET s.start = s.start + 1", "quotes", "text["),
    (
        "MATCH (a:Allegation) WHERE a.status <> 'CONTESTED' WITH a LIMIT 1 SET a.status = 'CONTESTED'",
        "statuses",
        "the rule gives",
    ),
    ("MATCH ()-[r:ACCUSES]->() WITH r LIMIT 1 DELETE r", "derived", "not stored (missing)"),
    (
        "MATCH (a:Actor), (b:Actor) WHERE a <> b AND NOT (a)-[:ALLIED_WITH]->(b) "
        "WITH a, b LIMIT 1 CREATE (a)-[:ALLIED_WITH {statements: [], count: 0}]->(b)",
        "derived",
        "(extra)",
    ),
    ("MATCH ()-[r:ACCUSES]->() WITH r LIMIT 1 SET r.count = r.count + 1", "derived", "count is"),
    (
        "MATCH ()-[r:CONTRADICTS]->() WITH r LIMIT 1 SET r.statements = r.statements[1..]",
        "derived",
        "statements is",
    ),
    (
        "MATCH (x:Actor) WITH x LIMIT 1 "
        "CREATE (:Allegation {id: 'alg_orphan', predicate: 'ATTACKED'})-[:SUBJECT]->(x), "
        "(:Allegation {id: 'alg_orphan2', predicate: 'ATTACKED'})",
        "orphans",
        "without any statement",
    ),
    ("MATCH (x:Actor) WITH x LIMIT 1 CREATE (:Event {id: x.id, name: 'clash'})", "ids", "ids must be unique"),
    ("CREATE (:Stray {id: 'nobody'})", "ids", "no model label"),
    ("MATCH (a:Actor), (b:Actor) WITH a, b LIMIT 1 CREATE (a)-[:KNOWS]->(b)", "shape", "does not know"),
    ("MATCH (a:Actor), (s:Source) WITH a, s LIMIT 1 CREATE (a)-[:ON]->(s)", "shape", "wrong labels"),
    ("MATCH (a:Allegation)-[r:SUBJECT]->() WITH r LIMIT 1 DELETE r", "allegation-links", "0 subjects"),
    (
        "MATCH (:NameKey)-[r:NAMES]->(:Actor {id: 'kremlin'}) WITH r LIMIT 1 DELETE r",
        "name-keys",
        "not in the name index",
    ),
    (
        "MATCH (a:Actor {id: 'kremlin'}) CREATE (:NameKey {key: 'nobody else'})-[:NAMES]->(a)",
        "name-keys",
        "not one of its names",
    ),
    ("MATCH (k:NameKey), (s:Source) WITH k, s LIMIT 1 CREATE (k)-[:NAMES]->(s)", "shape", "wrong labels"),
    ("MATCH (c:Change) WITH c LIMIT 1 REMOVE c.who", "history", "without who"),
    ("MATCH (c:Change)-[r:CHANGED]->() DELETE r", "history", "without keys"),
    ("MATCH (a:Actor {id: 'kremlin'}) CREATE (a)-[:DISTINCT_FROM]->(a)", "history", "distinct from itself"),
    (
        "MATCH (a:Actor {id: 'kremlin'}), (b:Actor {id: 'cia'}) CREATE (a)-[:DISTINCT_FROM]->(b)",
        "history",
        "smaller id to the larger",
    ),
    (
        "MATCH (a:Actor {id: 'cia'}), (b:Actor {id: 'kremlin'}) "
        "CREATE (a)-[:DISTINCT_FROM]->(b), (b)-[:DISTINCT_FROM]->(a)",
        "history",
        "marked distinct 2 times",
    ),
    ("MATCH (c:Change), (a:Actor) WITH c, a LIMIT 1 CREATE (c)-[:CHANGED]->(a)", "shape", "wrong labels"),
]


@pytest.mark.parametrize(("damage", "check_name", "fragment"), DAMAGES, ids=[d[1] + ":" + d[2] for d in DAMAGES])
@pytest.mark.corrupts_graph
def test_each_damage_is_named(store: Store, seeded: Driver, damage: str, check_name: str, fragment: str) -> None:
    assert _violations(store) == []
    summary = seeded.execute_query(damage).summary.counters  # type: ignore[arg-type]
    assert summary.contains_updates, f"the damage changed nothing: {damage}"
    found = [v for v in _violations(store) if v.startswith(check_name + ":")]
    assert any(fragment in v for v in found), found or _violations(store)


@pytest.mark.corrupts_graph
def test_cli_exits_1_naming_each_violation(seeded: Driver) -> None:
    clean = run_cli("db", "check")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Every invariant holds." in clean.stdout
    seeded.execute_query("MATCH (a:Allegation) WHERE a.status = 'CONTESTED' SET a.status = 'DENIED'")
    broken = run_cli("db", "check")
    assert broken.returncode == 1
    assert "statuses: alg_" in broken.stdout and "the rule gives 'CONTESTED'" in broken.stdout
    as_json = run_cli("db", "check", "--json")
    assert as_json.returncode == 1 and '"check": "statuses"' in as_json.stdout


@pytest.mark.corrupts_graph  # it writes what an older actorgraph derived, then repairs it
def test_rederive_repairs_what_older_rules_derived(seeded: Driver) -> None:
    # The seed as the rules before REPORTS derived it: the unattributed article's author ACCUSES the RVC.
    seeded.execute_query(
        "MATCH (a:Actor {id: 'seed-article-author'})-[r:REPORTS]->(b:Actor {id: 'russian-volunteer-corps'}) "
        "CREATE (a)-[n:ACCUSES]->(b) SET n = properties(r) DELETE r"
    )
    broken = run_cli("db", "check")
    assert broken.returncode == 1 and "db rederive" in broken.stdout
    repaired = run_cli("db", "rederive")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert run_cli("db", "check").returncode == 0
    kinds = seeded.execute_query(
        "MATCH (:Actor {id: 'seed-article-author'})-[r]->(:Actor {id: 'russian-volunteer-corps'}) RETURN type(r) AS t"
    ).records
    assert [r["t"] for r in kinds] == ["REPORTS"]
