"""Reloading: unchanged files skipped by hash, a changed dossier replacing exactly its own contribution,
links that appear and disappear with their dossiers, transactions grouping small dossiers."""

from __future__ import annotations

import shutil
from pathlib import Path

from neo4j import Driver

from actorgraph.ingest import load_paths
from actorgraph.model.ids import allegation_id
from actorgraph.settings import Settings
from actorgraph.store import derived
from actorgraph.store.core import Store
from tests.support.graph import Loader, snapshot, write_dossier
from tests.support.paths import DATA, SEED


def _same_as_rebuild(driver: Driver, settings: Settings) -> None:
    store = Store(driver, settings)
    assert derived.check(store) == []
    before = snapshot(driver)
    store.write(derived.refresh_all)
    assert snapshot(driver) == before


def _status(driver: Driver, aid: str) -> str | None:
    return driver.execute_query("MATCH (a:Allegation {id: $id}) RETURN a.status AS s", id=aid).records[0]["s"]


def _rels(driver: Driver, rel_type: str) -> set[tuple[str, str]]:
    records = driver.execute_query(f"MATCH (a)-[:{rel_type}]->(b) RETURN a.id AS a, b.id AS b").records
    return {(r["a"], r["b"]) for r in records}


def test_a_changed_dossier_takes_back_what_it_no_longer_says(
    load: Loader, driver: Driver, settings: Settings, tmp_path: Path
) -> None:
    load(DATA / "river-dam.yaml")
    assert ("mira-oska", "southland-liberation-front") in _rels(driver, "LEADS")
    text = (DATA / "river-dam.yaml").read_text(encoding="utf-8")
    leads = "  - speaker: northland-defence-ministry\n    allegation: oska-leads-slf\n"
    start = text.index(leads)
    end = text.index("  - speaker: test-wire")
    edited = text[:start] + text[end:]
    alleg = edited.index("  - id: oska-leads-slf")
    edited = edited[:alleg] + edited[edited.index("  - id:", alleg + 1) :]
    report = load(write_dossier(tmp_path, edited, "river-dam.yaml"))
    assert report.deleted == 2 and report.skipped == 0
    assert ("mira-oska", "southland-liberation-front") not in _rels(driver, "LEADS")
    gone = driver.execute_query(  # its last statement taken back, the allegation goes too (no orphans)
        "MATCH (a:Allegation {id: $id}) RETURN a", id=allegation_id("mira-oska", "LEADS", "southland-liberation-front")
    ).records
    assert gone == []
    statements = driver.execute_query("MATCH (s:Statement) RETURN count(s) AS n").records[0]["n"]
    assert statements == 9 - 2
    _same_as_rebuild(driver, settings)


LINKED = """\
source: {id: {source}, kind: ARTICLE, title: T, text: "{text}"}
actors:
  - {id: xan, name: Xan, kind: ARMED_GROUP}
  - {id: yor, name: Yor, kind: STATE}
  - {id: zed, name: Zed, kind: PERSON}
  - {id: wit, name: Wit, kind: MEDIA}
allegations:
{allegations}
statements:
{statements}
"""


def _linked(source: str, sentences: list[tuple[str, str, str, str, str]]) -> str:
    """A dossier whose statements are (speaker, subject, predicate, object, quote), all affirmed."""
    allegations = "\n".join(
        f"  - {{id: a{i}, subject: {s}, predicate: {p}, object: {o}, summary: S{i}.}}"
        for i, (_, s, p, o, _) in enumerate(sentences)
    )
    statements = "\n".join(
        f'  - {{speaker: {sp}, allegation: a{i}, stance: AFFIRMS, quote: "{q}"}}'
        for i, (sp, _, _, _, q) in enumerate(sentences)
    )
    text = " ".join(q for *_, q in sentences)
    return (
        LINKED.replace("{source}", source)
        .replace("{text}", text)
        .replace("{allegations}", allegations)
        .replace("{statements}", statements)
    )


def test_a_link_that_comes_and_goes_with_a_dossier_flips_the_own_side_of_other_accounts(
    load: Loader, driver: Driver, settings: Settings, tmp_path: Path
) -> None:
    controlled = allegation_id("xan", "CONTROLLED_BY", "yor")
    first = _linked("first", [("zed", "xan", "CONTROLLED_BY", "yor", "Zed says Yor runs Xan.")])
    load(write_dossier(tmp_path, first, "first.yaml"))
    assert _status(driver, controlled) == "UNVERIFIED" and ("zed", "xan") in _rels(driver, "ACCUSES")
    second = [
        ("wit", "yor", "OPPOSES", "wit", "Yor hates Wit."),
        ("wit", "zed", "PART_OF", "xan", "Wit says Zed is in Xan."),
    ]
    load(write_dossier(tmp_path, _linked("second", second), "second.yaml"))
    # Zed is now part of Xan: his word on Xan is Xan's own side, an accusation no more
    assert _status(driver, controlled) == "SELF_CLAIMED" and ("zed", "xan") not in _rels(driver, "ACCUSES")
    _same_as_rebuild(driver, settings)
    report = load(write_dossier(tmp_path, _linked("second", second[:1]), "second.yaml"))
    assert report.deleted == 1 and report.derived["flipped_links"] == 1
    assert _status(driver, controlled) == "UNVERIFIED" and ("zed", "xan") in _rels(driver, "ACCUSES")
    _same_as_rebuild(driver, settings)


def test_a_changed_text_file_makes_its_dossier_changed(load: Loader, driver: Driver, tmp_path: Path) -> None:
    folder = tmp_path / "seed"
    shutil.copytree(SEED, folder)
    load(folder)
    assert load(folder).skipped == 1
    text_file = next(folder.glob("*.txt"))
    text_file.write_text(text_file.read_text(encoding="utf-8") + "\nA later correction.", encoding="utf-8")
    report = load(folder)
    assert report.skipped == 0 and report.count("Source", "updated") == 1
    text = driver.execute_query("MATCH (s:Source) RETURN s.text AS t").records[0]["t"]
    assert text.endswith("A later correction.")


def test_small_dossiers_share_transactions_and_give_the_same_graph(
    driver: Driver, settings: Settings, load: Loader
) -> None:
    store = Store(driver, settings)
    one = load_paths(store, [SEED, DATA / "river-dam.yaml"], batch_statements=1)
    assert one.transactions == 2
    alone = snapshot(driver, transaction_time=False)
    driver.execute_query("MATCH (n) DETACH DELETE n")
    both = load_paths(store, [SEED, DATA / "river-dam.yaml"], batch_statements=1000)
    assert both.transactions == 1 and both.statements == one.statements == 31
    assert snapshot(driver, transaction_time=False) == alone
    _same_as_rebuild(driver, settings)
