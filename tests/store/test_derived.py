"""Derived status and relationships in the real graph, kept right after every kind of change.

The status cases are the rule's own cases (``model.status.derive_status``), built as a graph: the
status the store derives must equal what the rule says for the same accounts.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from neo4j import Driver

from actorgraph.model import Actor, ActorKind, AllegationStatus, Position, RelationType, Stance, derive_status
from actorgraph.model.ids import allegation_id
from actorgraph.settings import Settings
from actorgraph.store import derived, mutations
from actorgraph.store.core import Store, Tx
from tests.support.graph import Loader, snapshot
from tests.support.paths import DATA, SEED

A, D = Stance.AFFIRMS, Stance.DENIES


@dataclass(frozen=True)
class Said:
    """One account in a status case; ``side`` is how the speaker relates to the allegation's subject.

    ``self`` = the subject itself, ``part_of`` = a member (affirmed PART_OF link), ``for`` = a
    spokesperson speaking ON_BEHALF_OF the subject, ``other`` = an independent speaker.
    """

    who: str
    stance: Stance
    side: str = "other"


CASES: list[tuple[list[Said], AllegationStatus]] = [
    ([Said("legion", A, "self")], AllegationStatus.SELF_CLAIMED),
    ([Said("legion", A, "self"), Said("rvc", A, "part_of")], AllegationStatus.SELF_CLAIMED),
    ([Said("kremlin", A)], AllegationStatus.UNVERIFIED),
    ([Said("kremlin", A), Said("legion", A, "self")], AllegationStatus.UNVERIFIED),
    ([Said("kremlin", A), Said("tass", A)], AllegationStatus.CORROBORATED),
    ([Said("kremlin", A), Said("hur", D, "self")], AllegationStatus.CONTESTED),
    ([Said("kremlin", A), Said("yusov", D, "for")], AllegationStatus.CONTESTED),
    ([Said("legion", A, "self"), Said("kremlin", D)], AllegationStatus.CONTESTED),
    ([Said("hur", D, "self")], AllegationStatus.DENIED),
    ([Said("hur", D, "self"), Said("yusov", D, "for")], AllegationStatus.DENIED),
    ([Said("kremlin", A), Said("kremlin", D)], AllegationStatus.UNVERIFIED),
]


def _case_dossier(cases: list[tuple[list[Said], AllegationStatus]]) -> dict[str, Any]:
    """One dossier holding every case: case i is `c{i}-subject CONTROLLED_BY patron`."""
    actors: dict[str, dict[str, Any]] = {"patron": {"id": "patron", "name": "Patron", "kind": "STATE"}}
    allegations: list[dict[str, Any]] = []
    statements: list[dict[str, Any]] = []
    quotes: list[str] = []

    def say(speaker: str, allegation: str, stance: Stance, on_behalf_of: str | None = None) -> None:
        quote = f"quote {len(quotes)} by {speaker}"
        quotes.append(quote)
        row = {"speaker": speaker, "allegation": allegation, "stance": stance.value, "quote": quote}
        if on_behalf_of:
            row["on_behalf_of"] = on_behalf_of
        statements.append(row)

    for i, (accounts, _) in enumerate(cases):
        subject = f"c{i}-subject"
        actors[subject] = {"id": subject, "name": f"Subject {i}", "kind": "ARMED_GROUP"}
        alleg = f"case-{i}"
        allegations.append(
            {"id": alleg, "subject": subject, "predicate": "CONTROLLED_BY", "object": "patron", "summary": alleg}
        )
        for said in accounts:
            speaker = subject if said.side == "self" else f"c{i}-{said.who}"
            actors.setdefault(speaker, {"id": speaker, "name": f"{said.who} {i}", "kind": "ORGANIZATION"})
            if said.side == "part_of":
                link = f"case-{i}-{said.who}-part-of"
                allegations.append(
                    {"id": link, "subject": speaker, "predicate": "PART_OF", "object": subject, "summary": link}
                )
                say(speaker, link, A)
            say(speaker, alleg, said.stance, subject if said.side == "for" else None)
    return {
        "source": {"id": "cases", "kind": "OTHER", "title": "Status cases", "text": ". ".join(quotes) + "."},
        "actors": list(actors.values()),
        "allegations": allegations,
        "statements": statements,
    }


def _status(driver: Driver, aid: str) -> str | None:
    records = driver.execute_query("MATCH (a:Allegation {id: $id}) RETURN a.status AS s", id=aid).records
    return records[0]["s"] if records else None


def _rels(driver: Driver, rel_type: str) -> dict[tuple[str, str], dict[str, Any]]:
    query = f"MATCH (a)-[r:{rel_type}]->(b) RETURN a.id AS a, b.id AS b, properties(r) AS p"
    return {(r["a"], r["b"]): r["p"] for r in driver.execute_query(query).records}


def _refresh(driver: Driver, settings: Settings, allegation_ids: list[str], cypher: str, **params: Any) -> None:
    """Make a raw change between ``begin`` and ``finish`` in one transaction, as the API's mutations do."""

    def work(tx: Tx) -> None:
        before = derived.begin(tx, allegation_ids)
        tx.run_text(cypher, **params).consume()
        derived.finish(tx, before)

    Store(driver, settings).write(work)


def test_graph_status_agrees_with_the_rule_on_every_case(load: Loader, driver: Driver, tmp_path: Path) -> None:
    path = tmp_path / "cases.yaml"
    path.write_text(yaml.safe_dump(_case_dossier(CASES), sort_keys=False), encoding="utf-8")
    load(path)
    assert {expected for _, expected in CASES} == set(AllegationStatus)
    for i, (accounts, expected) in enumerate(CASES):
        rule = derive_status(Position(s.who, s.stance, s.side != "other") for s in accounts)
        assert rule == expected, f"case {i}: the rule says {rule}"
        stored = _status(driver, allegation_id(f"c{i}-subject", "CONTROLLED_BY", "patron"))
        assert stored == expected.value, f"case {i}: the graph says {stored}, the rule {expected}"


def test_spokesman_denial_counts_for_his_institution(load: Loader, driver: Driver) -> None:
    load(SEED)
    denies = _rels(driver, "DENIES_INVOLVEMENT")
    assert set(denies) == {("hur", "incursion-into-russia")}
    assert denies[("hur", "incursion-into-russia")]["count"] >= 1
    contradicts = _rels(driver, "CONTRADICTS")
    assert set(contradicts) == {("hur", "kremlin")}
    rel = contradicts[("hur", "kremlin")]
    assert rel["count"] == len(rel["statements"]) >= 2


def test_refresh_after_a_statement_is_added(load: Loader, driver: Driver, settings: Settings) -> None:
    load(DATA / "river-dam.yaml")
    aid = allegation_id("northland-government", "PRAISED", "river-monitors")
    assert _status(driver, aid) == "UNVERIFIED"
    _refresh(
        driver,
        settings,
        [aid],
        "MATCH (a:Allegation {id: $aid}), (sp:Actor {id: 'river-monitors'}), (src:Source) "
        "CREATE (sp)-[:MADE]->(s:Statement {id: 'denial', stance: 'DENIES', quote: 'T', start: 0, end: 1, "
        "stated_on: date('2031-06-01')})-[:ON]->(a), (s)-[:REPORTED_IN]->(src)",
        aid=aid,
    )
    assert _status(driver, aid) == "CONTESTED"
    rel = _rels(driver, "CONTRADICTS")[("river-monitors", "test-wire")]
    assert "denial" in rel["statements"] and rel["count"] == 2
    assert str(rel["last_stated"]) == "2031-06-01"
    _assert_same_as_full_rebuild(driver, settings)


@pytest.mark.corrupts_graph  # deletes every statement of an allegation: db check names it an orphan, rightly
def test_refresh_after_a_statement_is_removed(load: Loader, driver: Driver, settings: Settings) -> None:
    load(DATA / "river-dam.yaml")
    slf = "southland-liberation-front"
    aid = allegation_id(slf, "CARRIED_OUT", "varta-dam-breach")
    assert _status(driver, aid) == "CONTESTED"
    assert (slf, "varta-dam-breach") in _rels(driver, "DENIES_INVOLVEMENT")
    # take away the denial (Mira Oska speaking for the Front): no denial, no contradiction is left
    _refresh(
        driver,
        settings,
        [aid],
        "MATCH (s:Statement {stance: 'DENIES'})-[:ON]->(:Allegation {id: $aid}) DETACH DELETE s",
        aid=aid,
    )
    assert _status(driver, aid) == "CORROBORATED"
    assert (slf, "varta-dam-breach") not in _rels(driver, "DENIES_INVOLVEMENT")
    assert not any(a == slf for a, _ in _rels(driver, "CONTRADICTS"))
    # and every statement left
    _refresh(driver, settings, [aid], "MATCH (s:Statement)-[:ON]->(:Allegation {id: $aid}) DETACH DELETE s", aid=aid)
    assert _status(driver, aid) is None
    assert not any(b == slf for _, b in _rels(driver, "ACCUSES"))
    _assert_same_as_full_rebuild(driver, settings)


OUTSIDERS = """\
source: {id: wire, kind: ARTICLE, title: Wire, text: "Alpha said Xan is run by Yor. Beta denied it."}
actors:
  - {id: alpha, name: Alpha, kind: MEDIA}
  - {id: beta, name: Beta, kind: MEDIA}
  - {id: xan, name: Xan, kind: ARMED_GROUP}
  - {id: yor, name: Yor, kind: STATE}
allegations:
  - {id: run-by, subject: xan, predicate: CONTROLLED_BY, object: yor, summary: Yor runs Xan.}
statements:
  - {speaker: alpha, allegation: run-by, stance: AFFIRMS, quote: "Xan is run by Yor"}
  - {speaker: beta, allegation: run-by, stance: DENIES, quote: "Beta denied it"}
"""


@pytest.mark.corrupts_graph  # deletes every statement of an allegation: db check names it an orphan, rightly
def test_refresh_after_statements_of_outsiders_are_removed(
    load: Loader, driver: Driver, settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "outsiders.yaml"
    path.write_text(OUTSIDERS, encoding="utf-8")
    load(path)
    aid = allegation_id("xan", "CONTROLLED_BY", "yor")
    assert set(_rels(driver, "CONTRADICTS")) == {("beta", "alpha")}
    assert set(_rels(driver, "REPORTS")) == {("alpha", "xan")}  # alpha is MEDIA: it reports, it does not accuse
    # neither speaker is linked to the allegation any more: the refresh must still find their edge
    _refresh(driver, settings, [aid], "MATCH (s:Statement) DETACH DELETE s")
    assert _rels(driver, "CONTRADICTS") == {}
    assert _rels(driver, "REPORTS") == {}
    assert _status(driver, aid) is None


def test_refresh_after_a_statement_moves_to_another_actor(load: Loader, driver: Driver, settings: Settings) -> None:
    load(SEED)
    aid = allegation_id("ukrainian-military", "INVOLVED_IN", "incursion-into-russia")
    # give HUR's denials to the CIA, an outsider: it no longer denies its own involvement
    _refresh(
        driver,
        settings,
        [aid],
        "MATCH (s:Statement {stance: 'DENIES'})-[:ON]->(:Allegation {id: $aid}) "
        "MATCH (old:Actor)-[m:MADE]->(s) MATCH (cia:Actor {id: 'cia'}) "
        "OPTIONAL MATCH (s)-[b:ON_BEHALF_OF]->() DELETE m, b CREATE (cia)-[:MADE]->(s)",
        aid=aid,
    )
    assert ("hur", "incursion-into-russia") not in _rels(driver, "DENIES_INVOLVEMENT")
    contradicts = _rels(driver, "CONTRADICTS")
    moved = {r["id"] for r in driver.execute_query("MATCH (:Actor {id: 'cia'})-[:MADE]->(s) RETURN s.id AS id").records}
    assert moved and moved <= set(contradicts[("cia", "kremlin")]["statements"])
    assert not moved & set(contradicts.get(("hur", "kremlin"), {}).get("statements", []))
    assert _status(driver, aid) == "CONTESTED"
    _assert_same_as_full_rebuild(driver, settings)


def test_loading_more_keeps_derived_data_equal_to_a_full_rebuild(
    load: Loader, driver: Driver, settings: Settings
) -> None:
    load(SEED)
    load(DATA / "river-dam.yaml")
    _assert_same_as_full_rebuild(driver, settings)


def test_derived_relationship_dates_and_counts(load: Loader, driver: Driver) -> None:
    load(DATA / "river-dam.yaml")
    for rel_type in RelationType:
        for (a, b), props in _rels(driver, rel_type).items():
            assert props["count"] == len(props["statements"]) > 0, (rel_type, a, b)
            if props.get("first_stated") is not None:
                assert props["first_stated"] <= props["last_stated"]
    accuses = _rels(driver, "ACCUSES")[("northland-defence-ministry", "southland-liberation-front")]
    assert str(accuses["first_stated"]) == "2031-05-02"


def _assert_same_as_full_rebuild(driver: Driver, settings: Settings) -> None:
    """Incremental updates must leave exactly what a rebuild from scratch gives: checked, then rebuilt."""
    store = Store(driver, settings)
    assert derived.check(store) == []
    before = snapshot(driver)
    store.write(derived.refresh_all)
    assert snapshot(driver) == before


AUTHOR, RVC = "seed-article-author", "russian-volunteer-corps"


def _rekind(store: Store, actor_id: str, name: str, kind: ActorKind) -> None:
    store.write(lambda tx: mutations.update_actor(tx, Actor(id=actor_id, name=name, kind=kind)))


def _from(driver: Driver, rel_type: str, voice: str) -> dict[str, list[str]]:
    return {b: sorted(p["statements"]) for (a, b), p in _rels(driver, rel_type).items() if a == voice}


def test_a_kind_changed_to_or_from_media_re_derives_what_the_actor_said(
    load: Loader, driver: Driver, settings: Settings, store: Store
) -> None:
    load(SEED)
    reported = _from(driver, "REPORTS", AUTHOR)
    assert RVC in reported and _from(driver, "ACCUSES", AUTHOR) == {}  # the seed article reports, it accuses nobody
    _rekind(store, AUTHOR, "Author of the seed article (unattributed)", ActorKind.PERSON)
    assert _from(driver, "ACCUSES", AUTHOR) == reported and _from(driver, "REPORTS", AUTHOR) == {}
    _assert_same_as_full_rebuild(driver, settings)
    # The Kremlin recorded as an outlet: every accusation it voiced (its spokesmen's too) becomes a report.
    accused = _from(driver, "ACCUSES", "kremlin")
    contradicts = _rels(driver, "CONTRADICTS")
    assert accused
    _rekind(store, "kremlin", "Kremlin", ActorKind.MEDIA)
    assert _from(driver, "REPORTS", "kremlin") == accused and _from(driver, "ACCUSES", "kremlin") == {}
    assert _rels(driver, "CONTRADICTS") == contradicts  # a reporting voice's denials still contradict
    _assert_same_as_full_rebuild(driver, settings)
    _rekind(store, "kremlin", "Kremlin", ActorKind.GOVERNMENT)
    _rekind(store, AUTHOR, "Author of the seed article (unattributed)", ActorKind.MEDIA)
    assert _from(driver, "ACCUSES", "kremlin") == accused and _from(driver, "REPORTS", AUTHOR) == reported
    _assert_same_as_full_rebuild(driver, settings)


def test_a_reload_with_a_changed_kind_re_derives_what_the_actor_said(
    load: Loader, driver: Driver, settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "seed"
    shutil.copytree(SEED, folder)
    dossier = folder / "incursion.yaml"
    text = dossier.read_text(encoding="utf-8")
    media = "    kind: MEDIA\n    description: The article names no author"
    assert text.count(media) == 1
    dossier.write_text(text.replace(media, media.replace("MEDIA", "PERSON")), encoding="utf-8")
    load(SEED)
    reported = _from(driver, "REPORTS", AUTHOR)
    load(folder)  # the same dossier, its author now a person: what it affirmed accuses
    assert _from(driver, "ACCUSES", AUTHOR) == reported and _from(driver, "REPORTS", AUTHOR) == {}
    _assert_same_as_full_rebuild(driver, settings)
    load(SEED)  # and back
    assert _from(driver, "REPORTS", AUTHOR) == reported and _from(driver, "ACCUSES", AUTHOR) == {}
    _assert_same_as_full_rebuild(driver, settings)
