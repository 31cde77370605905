"""Loading into the real server: idempotence, concurrency, alias resolution, status, projections."""

from __future__ import annotations

import threading
from pathlib import Path

from neo4j import Driver

from actorgraph.ingest import LoadReport, load_paths
from actorgraph.model.ids import allegation_id
from actorgraph.settings import Settings
from actorgraph.store.core import Store
from tests.support.cli import run_cli
from tests.support.graph import Loader, snapshot, write_dossier
from tests.support.paths import DATA, SEED


def _rels(driver: Driver, rel_type: str) -> set[tuple[str, str]]:
    records = driver.execute_query(f"MATCH (a)-[:{rel_type}]->(b) RETURN a.id AS a, b.id AS b").records
    return {(r["a"], r["b"]) for r in records}


def _status(driver: Driver, subject: str, predicate: str, obj: str) -> str:
    aid = allegation_id(subject, predicate, obj)
    return str(driver.execute_query("MATCH (a:Allegation {id: $id}) RETURN a.status AS s", id=aid).records[0]["s"])


def test_seed_shows_the_case(load: Loader, driver: Driver) -> None:
    report = load(SEED)
    assert report.count("Statement", "created") == 22
    assert ("kremlin", "freedom-of-russia-legion") in _rels(driver, "ACCUSES")
    assert ("kremlin", "siberian-battalion") in _rels(driver, "ACCUSES")
    assert _rels(driver, "DENIES_INVOLVEMENT") == {("hur", "incursion-into-russia")}
    assert _rels(driver, "CLAIMS_RESPONSIBILITY") == {
        ("freedom-of-russia-legion", "incursion-into-russia"),
        ("siberian-battalion", "incursion-into-russia"),
    }
    assert _rels(driver, "CONTRADICTS") == {("hur", "kremlin")}
    assert {("freedom-of-russia-legion", "kremlin"), ("siberian-battalion", "kremlin")} <= _rels(driver, "OPPOSES")
    assert _status(driver, "freedom-of-russia-legion", "CONTROLLED_BY", "ukrainian-military") == "CONTESTED"
    assert _status(driver, "ukrainian-military", "INVOLVED_IN", "incursion-into-russia") == "CONTESTED"
    assert _status(driver, "freedom-of-russia-legion", "CARRIED_OUT", "incursion-into-russia") == "SELF_CLAIMED"
    assert _status(driver, "freedom-of-russia-legion", "CONTROLLED_BY", "cia") == "UNVERIFIED"
    accuses = driver.execute_query(
        "MATCH (:Actor {id: 'kremlin'})-[r:ACCUSES]->(:Actor {id: 'freedom-of-russia-legion'}) RETURN r"
    ).records[0]["r"]
    assert accuses["count"] == 3 and len(accuses["statements"]) == 3
    verification = driver.execute_query("MATCH (s:Source) RETURN s.verification AS v").records[0]["v"]
    assert "independently verify" in verification


def test_every_quote_is_the_source_text_between_its_offsets(load: Loader, driver: Driver) -> None:
    load(SEED, DATA / "river-dam.yaml")
    rows = driver.execute_query(
        "MATCH (s:Statement)-[:REPORTED_IN]->(src:Source) RETURN s.quote AS q, s.start AS a, s.end AS b, src.text AS t"
    ).records
    assert len(rows) == 31
    for r in rows:
        assert r["t"][r["a"] : r["b"]] == r["q"]


def test_loading_twice_changes_nothing(load: Loader, driver: Driver) -> None:
    first = load(SEED)
    before = snapshot(driver)
    again = load(SEED)
    assert snapshot(driver) == before
    assert not again.changed
    assert (first.skipped, again.skipped) == (0, 1)
    assert again.transactions == 0 and again.statements == 0


def test_cli_load_prints_summary_and_second_run_says_unchanged(driver: Driver) -> None:
    out = run_cli("load", str(SEED))
    assert out.returncode == 0, out.stderr
    assert "Statement" in out.stdout and "22" in out.stdout
    out = run_cli("load", str(SEED))
    assert "Nothing changed" in out.stdout


def test_two_loaders_at_once_leave_no_duplicates(driver: Driver, settings: Settings) -> None:
    reports: list[LoadReport] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            reports.append(load_paths(Store(driver, settings), [SEED, DATA / "river-dam.yaml"]))
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    ids = driver.execute_query(  # the audit records' keys repeat the ids they are about, by design
        "MATCH (n) WHERE n.id IS NOT NULL AND NOT n:ChangeKey RETURN n.id AS id"
    ).records
    all_ids = [r["id"] for r in ids]
    assert len(all_ids) == len(set(all_ids))
    counts = {
        r["label"]: r["n"]
        for r in driver.execute_query("MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n").records
    }
    assert {k: v for k, v in counts.items() if k not in ("NameKey", "Change", "ChangeKey")} == {
        "Actor": 19, "Event": 3, "Source": 2, "Allegation": 25, "Statement": 31, "Dossier": 2
    }  # fmt: skip
    assert 1 <= counts["Change"] <= 3  # one per transaction that wrote (a loader that waited may find it done)
    duplicated = driver.execute_query(
        "MATCH (a)-[r]->(b) WITH a, type(r) AS t, b, count(*) AS n WHERE n > 1 RETURN count(*) AS dups"
    ).records[0]["dups"]
    assert duplicated == 0


def test_alias_resolves_to_the_known_actor(load: Loader, driver: Driver, tmp_path: Path) -> None:
    load(SEED)
    other = """\
source: {id: other-report, kind: SOCIAL_POST, title: Post, text: "Moscow blamed the LÉGION for the raid."}
actors:
  - {id: russian-govt, name: "MOSCOW", kind: GOVERNMENT}
  - {id: the-legion, name: "Légion Svoboda Rossii", kind: ARMED_GROUP, aliases: [FRL]}
events:
  - {id: the-raid, name: The raid, kind: ATTACK}
allegations:
  - {id: raid, subject: the-legion, predicate: CARRIED_OUT, object: the-raid, summary: The Legion raided.}
statements:
  - {speaker: russian-govt, allegation: raid, stance: AFFIRMS, quote: "Moscow blamed the LÉGION for the raid"}
"""
    report = load(write_dossier(tmp_path, other))
    resolved = {(r.dossier_id, r.actor_id) for r in report.resolved}
    assert resolved == {("russian-govt", "kremlin"), ("the-legion", "freedom-of-russia-legion")}
    assert driver.execute_query("MATCH (a:Actor) RETURN count(a) AS n").records[0]["n"] == 12
    legion = driver.execute_query(
        "MATCH (a:Actor {id: 'freedom-of-russia-legion'}) RETURN a.name AS name, a.aliases AS aliases"
    ).records[0]
    assert legion["name"] == "Freedom of Russia Legion"
    assert "FRL" in legion["aliases"]
    assert ("kremlin", "freedom-of-russia-legion") in _rels(driver, "ACCUSES")
    count = driver.execute_query(
        "MATCH (:Actor {id: 'kremlin'})-[r:ACCUSES]->(:Actor {id: 'freedom-of-russia-legion'}) RETURN r.count AS n"
    ).records[0]["n"]
    assert count == 4


def test_second_case_loads_and_projects_without_code_changes(load: Loader, driver: Driver) -> None:
    load(DATA / "river-dam.yaml")
    slf = "southland-liberation-front"
    assert _status(driver, slf, "CARRIED_OUT", "varta-dam-breach") == "CONTESTED"
    assert _status(driver, slf, "CARRIED_OUT", "convoy-ambush") == "SELF_CLAIMED"
    assert _status(driver, "northland-defence-ministry", "INVOLVED_IN", "varta-dam-breach") == "DENIED"
    assert _status(driver, "mira-oska", "LEADS", slf) == "CORROBORATED"
    assert _status(driver, "northland-government", "PRAISED", "river-monitors") == "UNVERIFIED"
    assert _rels(driver, "ACCUSES") == {("northland-defence-ministry", slf), ("river-monitors", slf)}
    assert _rels(driver, "CLAIMS_RESPONSIBILITY") == {(slf, "convoy-ambush")}
    assert _rels(driver, "DENIES_INVOLVEMENT") == {
        (slf, "varta-dam-breach"),
        ("northland-defence-ministry", "varta-dam-breach"),
    }
    assert _rels(driver, "CONTRADICTS") == {(slf, "northland-defence-ministry"), (slf, "river-monitors")}
    assert _rels(driver, "LEADS") == {("mira-oska", slf)}
    assert _rels(driver, "SUPPORTS") == {("southland-ministry", slf)}
    dates = driver.execute_query(
        "MATCH (:Actor {id: $slf})-[r:CONTRADICTS]->(:Actor {id: 'northland-defence-ministry'}) "
        "RETURN toString(r.first_stated) AS first, toString(r.last_stated) AS last",
        slf=slf,
    ).records[0]
    assert (dates["first"], dates["last"]) == ("2031-05-02", "2031-05-03")
