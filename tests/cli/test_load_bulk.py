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


PROVENANCE = DATA / "provenance"
POST, DAILY, HERALD, MONITORS = (PROVENANCE / f for f in ("telegram-post.yaml", "daily-a.yaml", "herald-b.yaml",
                                                           "monitors.yaml"))  # fmt: skip
ALLEGATION = "MATCH (a:Allegation)-[:SUBJECT]->(:Actor {id: 'eastern-battalion'}) RETURN a.id AS id, a.status AS s"


def _relay(tmp_path: Path) -> Path:
    """A third outlet repeating the second (a chain of two steps to the post): a copy, not a new origin."""
    text = DAILY.read_text(encoding="utf-8").replace("daily-a", "relay-c").replace("Daily A", "Relay C")
    relay = tmp_path / "relay-c.yaml"
    relay.write_text(text.replace("derived_from: tg-volya-post-311", "derived_from: daily-a-kirov"), encoding="utf-8")
    return relay


@pytest.mark.parametrize(("with_monitors", "status"), [(False, "UNVERIFIED"), (True, "CORROBORATED")])
def test_a_bulk_import_follows_chains_of_custody_as_an_online_load(
    driver: Driver, settings: Settings, tmp_path: Path, with_monitors: bool, status: str
) -> None:
    # the copies come before the post they repeat: a chain may name a source of a later file
    inputs = [_relay(tmp_path), HERALD, DAILY, POST, *([MONITORS] if with_monitors else []), SEED]
    store = Store(driver, settings)
    load_paths(store, inputs)
    online = _graph(driver)
    (row,) = driver.execute_query(ALLEGATION).records
    assert row["s"] == status
    online_reason = derived.status_reasons(store, [row["id"]])[row["id"]]
    driver.execute_query("MATCH (n) DETACH DELETE n")
    try:
        bulk_import(settings, inputs, workdir=tmp_path / "import")
    finally:
        forget_bookmarks(driver)
    assert derived.check(store) == []
    imported = _graph(driver)
    assert imported == online
    chains = sorted((a, t, b) for a, t, b, _ in imported["rels"] if t in {"DERIVED_FROM", "QUOTED_FROM"})
    assert [(a, t, b) for a, t, b in chains if t == "DERIVED_FROM"] == [
        ("daily-a-kirov", "DERIVED_FROM", "tg-volya-post-311"), ("relay-c-kirov", "DERIVED_FROM", "daily-a-kirov")
    ]  # fmt: skip
    assert [b for _, t, b in chains if t == "QUOTED_FROM"] == ["tg-volya-post-311"]
    (row,) = driver.execute_query(ALLEGATION).records
    assert row["s"] == status
    reason = derived.status_reasons(store, [row["id"]])[row["id"]]
    assert reason == online_reason
    counted = ["bridge-monitors", "volya-channel"] if with_monitors else ["volya-channel"]
    assert sorted(v.voice for v in reason.counted) == counted
    assert {v.voice for v in reason.discounted} == {"daily-a", "herald-b", "relay-c"}  # the copies
    assert all("already counted" in (v.why or "") for v in reason.discounted)


@pytest.mark.parametrize(
    ("file", "old", "new", "where", "message"),
    [
        (POST, "  published_on: 2031-06-01\n", "  published_on: 2031-06-01\n  derived_from: daily-a-kirov\n",
         "source.derived_from", "a loop (tg-volya-post-311 -> daily-a-kirov -> tg-volya-post-311): a source cannot "
         "derive from its own copy; fix one derived_from"),
        (DAILY, "derived_from: tg-volya-post-311", "derived_from: no-such-post", "source.derived_from",
         "unknown source 'no-such-post': load the dossier of the source it repeats first or in the same load"),
        (HERALD, "quoted_from: tg-volya-post-311", "quoted_from: no-such-post", "statements[0].quoted_from",
         "unknown source 'no-such-post': load the dossier of the source it was quoted from first"),
        (HERALD, "quoted_from: tg-volya-post-311", "quoted_from: herald-b-kirov", "statements[0].quoted_from",
         "names the statement's own source"),
    ],
)  # fmt: skip
def test_bulk_refuses_a_broken_chain_and_writes_nothing(
    driver: Driver, settings: Settings, tmp_path: Path, file: Path, old: str, new: str, where: str, message: str
) -> None:
    bad = tmp_path / "bad" / file.name
    bad.parent.mkdir()
    text = file.read_text(encoding="utf-8")
    assert old in text
    bad.write_text(text.replace(old, new), encoding="utf-8")
    inputs = [bad, *(f for f in (POST, DAILY, HERALD) if f.name != file.name)]
    with pytest.raises(InvalidInput) as info:
        bulk_import(settings, inputs, workdir=tmp_path / "import")
    assert any(
        Path(p.file).name == file.name and p.path == where and message in p.message for p in info.value.problems
    ), info.value.problems
    assert not (tmp_path / "import").exists()
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 0


def test_cli_bulk_reports_a_loop_in_one_line_each(driver: Driver, tmp_path: Path) -> None:
    looped = tmp_path / POST.name
    looped.write_text(POST.read_text(encoding="utf-8").replace(
        "  published_on: 2031-06-01\n", "  published_on: 2031-06-01\n  derived_from: daily-a-kirov\n"
    ), encoding="utf-8")  # fmt: skip
    done = run_cli("load", "--bulk", str(looped), str(DAILY))
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert f"{looped}: source.derived_from: a loop (tg-volya-post-311 -> daily-a-kirov" in done.stderr, done.stderr
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 0
