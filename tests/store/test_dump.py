"""Backup and restore: stable bytes, exact types, a round trip that gives the same file, refusals in one line."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from neo4j import Driver

from actorgraph.errors import UsageError
from actorgraph.store import dump as dumps
from actorgraph.store.check import check
from actorgraph.store.core import Store
from tests.support.cli import run_cli
from tests.support.graph import snapshot


def _wipe(driver: Driver) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")


@pytest.mark.parametrize("name", ["graph.jsonl", "graph.jsonl.gz"])
def test_round_trip_gives_the_same_bytes_and_the_same_graph(
    store: Store, seeded: Driver, tmp_path: Path, name: str
) -> None:
    seeded.execute_query("MATCH (a:Actor {id: 'kremlin'}) SET a.pagerank = 0.123456789012345, a.camp = 'A'")
    before = snapshot(seeded, audit=True)
    first, second = tmp_path / name, tmp_path / ("again-" + name)
    nodes, rels = dumps.dump(store, first)
    assert nodes == len(before["nodes"]) and rels == len(before["rels"])
    dumps.dump(store, second)
    assert first.read_bytes() == second.read_bytes()  # stable order: equal graphs, equal bytes
    _wipe(seeded)
    assert dumps.restore(store, first) == (nodes, rels)
    assert snapshot(seeded, audit=True) == before  # every property with its type (dates, date-times, lists), labels
    assert check(store).report.ok
    dumps.dump(store, second)
    assert first.read_bytes() == second.read_bytes()
    if name.endswith(".gz"):
        assert gzip.decompress(first.read_bytes()).startswith(b'{"format":"actorgraph-dump"')


def test_restore_refuses_a_non_empty_database(store: Store, seed: object, tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    dumps.dump(store, path)
    before = snapshot(store.driver)
    result = run_cli("restore", str(path))
    assert result.returncode == 2
    assert "the database is not empty" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert snapshot(store.driver) == before


def test_a_damaged_dump_writes_nothing(store: Store, seed: object, tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    dumps.dump(store, path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    _wipe(store.driver)
    cut = tmp_path / "cut.jsonl"
    cut.write_text("".join(lines[:-5]), encoding="utf-8")
    with pytest.raises(UsageError, match="cut short"):
        dumps.restore(store, cut)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(lines[:10]) + "{not json\n" + "".join(lines[11:]), encoding="utf-8")
    with pytest.raises(UsageError, match="line 11 is not JSON"):
        dumps.restore(store, bad)
    other = tmp_path / "other.jsonl"
    other.write_text('{"hello": 1}\n', encoding="utf-8")
    with pytest.raises(UsageError, match="not an actorgraph dump"):
        dumps.restore(store, other)
    assert store.driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 0


def test_cli_round_trip_reports_counts_and_checks(seed: object, tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl.gz"
    dumped = run_cli("dump", str(path))
    assert dumped.returncode == 0 and "Dumped" in dumped.stdout
    assert run_cli("db", "wipe", "--yes").returncode == 0
    restored = run_cli("restore", str(path))
    assert restored.returncode == 0, restored.stderr
    assert "db check: every invariant holds." in restored.stdout
    assert not (tmp_path / "g.jsonl.gz.partial").exists()
