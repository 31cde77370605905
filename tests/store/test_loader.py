"""The dossier loader against the real server: change counts, types, chunking, what a reload keeps."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from actorgraph.model.ids import allegation_id
from actorgraph.settings import Settings
from actorgraph.store import loader
from tests.support.graph import Loader, snapshot
from tests.support.paths import DATA, SEED


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the river-dam dossier with one edit."""
    text = (DATA / "river-dam.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "river-dam.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_an_edit_counts_as_updated_and_the_rest_unchanged(load: Loader, driver: Driver, tmp_path: Path) -> None:
    first = load(DATA / "river-dam.yaml")
    report = load(_edited(tmp_path, "kind: INTERNATIONAL_ORGANIZATION", "kind: ORGANIZATION"))
    assert report.count("Actor", "updated") == 1
    assert report.count("Actor", "unchanged") == sum(first.changes["Actor"].values()) - 1
    for label in ("Event", "Source", "Allegation", "Statement"):
        assert report.count(label, "created") == report.count(label, "updated") == 0, label
    kind = driver.execute_query("MATCH (a:Actor {id: 'river-monitors'}) RETURN a.kind AS k").records
    assert [r["k"] for r in kind] == ["ORGANIZATION"]


def test_dates_are_neo4j_dates(load: Loader, driver: Driver) -> None:
    load(DATA / "river-dam.yaml")
    rows = driver.execute_query(
        "MATCH (s:Statement) WHERE s.stated_on IS NOT NULL "
        "RETURN DISTINCT valueType(s.stated_on) AS t "
        "UNION MATCH (e:Event) WHERE e.start_date IS NOT NULL RETURN DISTINCT valueType(e.start_date) AS t "
        "UNION MATCH (s:Source) WHERE s.published_on IS NOT NULL RETURN DISTINCT valueType(s.published_on) AS t"
    ).records
    assert {r["t"] for r in rows} == {"DATE NOT NULL"}


def test_a_verdict_set_later_survives_a_reload(load: Loader, driver: Driver) -> None:
    load(DATA / "river-dam.yaml")
    aid = allegation_id("southland-liberation-front", "CARRIED_OUT", "varta-dam-breach")
    driver.execute_query(
        "MATCH (a:Allegation {id: $id}) SET a.verdict = 'UNPROVEN', a.verdict_rationale = 'No forensic report.'",
        id=aid,
    )
    before = snapshot(driver)
    again = load(DATA / "river-dam.yaml")
    assert not again.changed
    assert snapshot(driver) == before


def test_names_from_several_dossiers_add_up(load: Loader, driver: Driver, tmp_path: Path) -> None:
    load(DATA / "river-dam.yaml")
    load(_edited(tmp_path, "aliases: [Ministry of Defence of Northland]", "aliases: [Northland MoD]"))
    aliases = driver.execute_query(
        "MATCH (a:Actor {id: 'northland-defence-ministry'}) RETURN a.aliases AS a, a.name_keys AS k"
    ).records[0]
    assert set(aliases["a"]) == {"Ministry of Defence of Northland", "Northland MoD"}
    assert "northland mod" in aliases["k"]


def test_chunked_writes_give_the_same_graph(
    load: Loader, driver: Driver, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(SEED, DATA / "river-dam.yaml")
    whole = snapshot(driver, transaction_time=False)
    driver.execute_query("MATCH (n) DETACH DELETE n")
    monkeypatch.setattr(loader, "CHUNK", 3)
    report = load(SEED, DATA / "river-dam.yaml")
    assert report.count("Statement", "created") == 31
    assert snapshot(driver, transaction_time=False) == whole
