"""``load --bulk``: the offline import gives the graph an online load gives, and refuses what it cannot do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from actorgraph.cli.load_cmd import bulk_import
from actorgraph.errors import InvalidInput, UsageError
from actorgraph.ingest import load_paths
from actorgraph.settings import Settings
from actorgraph.store import derived, history
from actorgraph.store.core import Store
from bench.generate import generate, write_jsonl
from tests.support.cli import run_cli
from tests.support.graph import forget_bookmarks, snapshot
from tests.support.paths import DATA, SEED


def _graph(driver: Driver) -> dict[str, Any]:
    """:func:`snapshot` with the load records' file paths and the statements' transaction times left out
    (the two loads read other files, at other times)."""
    graph = snapshot(driver, transaction_time=False)
    graph["nodes"] = [(labels, {k: v for k, v in props.items() if k != "file"}) for labels, props in graph["nodes"]]
    return graph


def test_a_bulk_import_gives_the_graph_of_an_online_load(driver: Driver, settings: Settings, tmp_path: Path) -> None:
    corpus = write_jsonl(generate(400, per_source=40), tmp_path / "corpus" / "corpus.jsonl")
    inputs = [SEED, DATA / "river-dam.yaml", corpus.parent]
    store = Store(driver, settings)
    load_paths(store, inputs)
    online = _graph(driver)
    driver.execute_query("MATCH (n) DETACH DELETE n")
    try:
        report = bulk_import(settings, inputs, workdir=tmp_path / "import", who="importer")
    finally:
        forget_bookmarks(driver)
    assert report.statements == 400 + 31 and report.relations > 0
    assert report.peak_rss_mib > 0 and set(report.seconds) == {"checks", "read", "derive", "import", "schema"}
    assert derived.check(store) == []
    times = driver.execute_query(
        "MATCH (s:Statement) RETURN count(s) AS n, count(s.recorded_at) AS timed, count(DISTINCT s.recorded_at) AS at"
    ).records[0]
    assert times["n"] == times["timed"] == 400 + 31 and times["at"] == 1  # the import is one transaction time
    imported = _graph(driver)
    for part in ("nodes", "rels"):
        assert len(imported[part]) == len(online[part])
        for got, want in zip(imported[part], online[part], strict=True):
            assert got == want
    again = load_paths(store, inputs)  # the import recorded the dossiers: a reload skips them all
    assert again.skipped == 2 + 10 and not again.changed
    (change,) = store.read(history.history, "article-000-4a78cf95e0652a9d", 5, None)  # one record for the import
    assert (change.action, change.who, change.touched) == ("bulk-load", "importer", len(report.sources))
    assert len(report.sources) == 12
    assert "431 statements" in change.summary


def test_bulk_refuses_a_database_that_is_not_empty(driver: Driver, settings: Settings, tmp_path: Path) -> None:
    load_paths(Store(driver, settings), [SEED])
    with pytest.raises(UsageError, match="imports only into an empty database"):
        bulk_import(settings, [DATA / "river-dam.yaml"], workdir=tmp_path / "import")


def test_bulk_refuses_a_remote_server_without_contacting_it(tmp_path: Path) -> None:
    out = run_cli("load", "--bulk", str(SEED), env={"NEO4J_URI": "bolt://neo4j.invalid:7687"})
    assert out.returncode == 2
    assert "not a server on this machine" in out.stderr + out.stdout
    assert "load without --bulk" in out.stderr + out.stdout


def test_bulk_checks_every_file_before_importing(driver: Driver, settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "actor", "id": "x", "name": "X", "kind": "MILITIA"}\n', encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        bulk_import(settings, [SEED, bad], workdir=tmp_path / "import")
    assert any("line 1: kind: unknown value 'MILITIA'" in str(p) for p in info.value.problems)
    assert not (tmp_path / "import").exists()
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 0
