"""Time over real HTTP: transaction time, retractions and as-of on the retraction case (tests/data/retraction)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from neo4j import Driver

from actorgraph.analytics import NetworkFilter, project
from actorgraph.model.vocabulary import AllegationStatus
from actorgraph.store import derived
from actorgraph.store.core import Store
from tests.support.cli import run_cli
from tests.support.graph import Loader, snapshot, write_dossier
from tests.support.http import GraphQL
from tests.support.paths import DATA, EXPLORE

CASE = DATA / "retraction"
FILES = [CASE / "kesh-claim.yaml", CASE / "varn-accusation.yaml", CASE / "kesh-retraction.yaml"]
BEFORE, BETWEEN, AFTER = "2032-03-02", "2032-03-05", "2032-03-10"

ALLEGATION = """query($id: ID!, $asOf: Date) { allegation(id: $id, asOf: $asOf) {
  status statusReason { status summary superseded } statements { id stance statedOn recordedAt } } }"""


def _allegation_id(gql: GraphQL) -> str:
    body = gql('{ allegations(subject: "kesh-agency") { edges { node { id } } } }')
    assert "errors" not in body, body
    (edge,) = body["data"]["allegations"]["edges"]
    return str(edge["node"]["id"])


def _as_of(gql: GraphQL, aid: str, day: str | None) -> dict[str, Any]:
    body = gql(ALLEGATION, {"id": aid, "asOf": day})
    assert "errors" not in body, body
    return dict(body["data"]["allegation"])


def _statement(driver: Driver, speaker: str, stance: str) -> str:
    records = driver.execute_query(
        "MATCH (:Actor {id: $speaker})-[:MADE]->(s:Statement {stance: $stance}) RETURN s.id AS id",
        speaker=speaker, stance=stance,
    ).records  # fmt: skip
    (rec,) = records
    return str(rec["id"])


def snapshot_without_time(graph: dict[str, Any]) -> dict[str, Any]:
    nodes = [(labels, {k: v for k, v in props.items() if k != "recorded_at"}) for labels, props in graph["nodes"]]
    return {**graph, "nodes": nodes}


def _edges(gql: GraphQL, day: str | None, actor: str = "kesh-agency") -> set[tuple[str, str, str]]:
    body = gql(
        """query($id: ID!, $asOf: Date) { neighborhood(actorId: $id, asOf: $asOf) { edges { source type target } } }""",
        {"id": actor, "asOf": day},
    )
    assert "errors" not in body, body
    return {(e["source"], e["type"], e["target"]) for e in body["data"]["neighborhood"]["edges"]}


def test_as_of_before_and_after_the_retraction_differ(gql: GraphQL, load: Loader, driver: Driver) -> None:
    load(*FILES)
    aid = _allegation_id(gql)
    claim, denial = _statement(driver, "kesh-agency", "AFFIRMS"), _statement(driver, "kesh-agency", "DENIES")
    before, between = _as_of(gql, aid, BEFORE), _as_of(gql, aid, BETWEEN)
    after, now = _as_of(gql, aid, AFTER), _as_of(gql, aid, None)
    assert before["status"] == before["statusReason"]["status"] == "SELF_CLAIMED"
    assert [s["id"] for s in before["statements"]] == [claim]
    assert between["status"] == "UNVERIFIED" and between["statusReason"]["superseded"] == []
    assert len(between["statements"]) == 2  # the observers' undated note is left out as of a day
    for state in (after, now):
        assert state["status"] == state["statusReason"]["status"] == "CONTESTED"
        assert state["statusReason"]["superseded"] == [claim]
        assert f"superseded {claim} (kesh-agency, retracted by {denial})" in state["statusReason"]["summary"]
    assert len(after["statements"]) == 3 and len(now["statements"]) == 4  # retracted, still shown
    assert all(s["recordedAt"] for s in now["statements"])
    # the network: the claim's CLAIMS_RESPONSIBILITY is gone, the denial contradicts both accusers
    assert _edges(gql, BETWEEN) == {("varn-ministry", "ACCUSES", "kesh-agency")}
    after_edges = {("varn-ministry", "ACCUSES", "kesh-agency"), ("kesh-agency", "CONTRADICTS", "varn-ministry")}
    assert _edges(gql, AFTER) == after_edges
    # stored (now): the undated note counts too, and the denial's DENIES_INVOLVEMENT (to an event) shows
    assert _edges(gql, None) == after_edges | {
        ("lake-mission", "ACCUSES", "kesh-agency"), ("kesh-agency", "CONTRADICTS", "lake-mission"),
        ("kesh-agency", "DENIES_INVOLVEMENT", "dorn-depot-strike"),
    }  # fmt: skip


def test_the_timeline_keeps_the_retracted_claim_and_names_its_retraction(
    gql: GraphQL, load: Loader, driver: Driver
) -> None:
    load(*FILES)
    aid = _allegation_id(gql)
    body = gql(
        """query($id: ID!) { allegation(id: $id) { timeline { statementId stance voice statedOn recordedAt
             superseded supersededBy statement { quote } } } }""",
        {"id": aid},
    )
    assert "errors" not in body, body
    timeline = body["data"]["allegation"]["timeline"]
    assert [(e["voice"], e["stance"], e["statedOn"], e["superseded"]) for e in timeline] == [
        ("kesh-agency", "AFFIRMS", "2032-03-02", True),
        ("varn-ministry", "AFFIRMS", "2032-03-03", False),
        ("kesh-agency", "DENIES", "2032-03-10", False),
        ("lake-mission", "AFFIRMS", None, False),
    ]
    assert timeline[0]["supersededBy"] == timeline[2]["statementId"] == _statement(driver, "kesh-agency", "DENIES")
    assert timeline[0]["statement"]["quote"] == "its units struck the Dorn fuel depot"
    assert all(e["recordedAt"] for e in timeline)
    first = gql("""query($id: ID!) { allegation(id: $id) { timeline(limit: 1) { superseded } } }""", {"id": aid})
    assert first["data"]["allegation"]["timeline"] == [{"superseded": True}]
    too_many = gql("""query($id: ID!) { allegation(id: $id) { timeline(limit: 100000) { voice } } }""", {"id": aid})
    assert too_many["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", too_many
    early = gql("""query($id: ID!) { allegation(id: $id, asOf: "2032-03-05") { timeline { voice superseded } } }""",
                {"id": aid})  # fmt: skip
    assert early["data"]["allegation"]["timeline"] == [
        {"voice": "kesh-agency", "superseded": False},
        {"voice": "varn-ministry", "superseded": False},
    ]


def test_a_reload_changes_nothing_and_any_order_gives_the_same_graph(
    load: Loader, driver: Driver, store: Store
) -> None:
    load(*FILES)
    before = snapshot(driver)
    again = load(*FILES)
    assert not again.changed
    assert snapshot(driver) == before  # recorded_at included: set when first written, kept
    assert derived.check(store) == []
    driver.execute_query("MATCH (n) DETACH DELETE n")
    for file in reversed(FILES):  # the retraction recorded first, the claim it retracts last
        load(file)
    assert derived.check(store) == []
    assert snapshot(driver, transaction_time=False) == snapshot_without_time(before)


def test_analyze_as_of(load: Loader, store: Store) -> None:
    load(*FILES)
    early = project(store, NetworkFilter(as_of=dt.date(2032, 3, 5)))
    late = project(store, NetworkFilter(as_of=dt.date(2032, 3, 10)))
    (info,) = early.graph["allegations"].values()
    assert info.status == "UNVERIFIED" and early.graph["undated_left_out"] == 1
    assert late.graph["allegations"][info.id].status == "CONTESTED"
    assert {(a, b, k) for a, b, k in early.edges(keys=True)} == {("varn-ministry", "kesh-agency", "ACCUSES")}
    assert ("kesh-agency", "varn-ministry", "CONTRADICTS") in set(late.edges(keys=True))
    # --status selects by the status of that day, not today's
    contested = (AllegationStatus.CONTESTED,)
    assert project(store, NetworkFilter(as_of=dt.date(2032, 3, 5), statuses=contested)).number_of_edges() == 0
    assert project(store, NetworkFilter(as_of=dt.date(2032, 3, 10), statuses=contested)).number_of_edges() == 2
    done = run_cli("analyze", "contested", "--as-of", BETWEEN, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "as of 2032-03-05: 1 undated statement(s) left out" in done.stderr
    wrong = run_cli("analyze", "camps", "--from", AFTER, "--as-of", BEFORE)
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert "--from 2032-03-10 is after --as-of 2032-03-02" in wrong.stderr + wrong.stdout


LEADER_CASE = """
source:
  id: ridge-report
  kind: REPORT
  title: Ridge report (invented test source)
  published_on: 2032-04-06
  text: "Tam Orel said the Ridge Group struck the mill. Days later Orel was named the Ridge Group's leader."
actors:
  - {id: tam-orel, name: Tam Orel, kind: PERSON}
  - {id: ridge-group, name: Ridge Group, kind: ARMED_GROUP}
events:
  - {id: mill-strike, name: Strike on the mill, kind: ATTACK, start_date: 2032-03-30}
allegations:
  - {id: ridge-struck-mill, subject: ridge-group, predicate: CARRIED_OUT, object: mill-strike,
     summary: The Ridge Group struck the mill.}
  - {id: orel-leads-ridge, subject: tam-orel, predicate: LEADS, object: ridge-group,
     summary: Tam Orel leads the Ridge Group.}
statements:
  - {speaker: tam-orel, allegation: ridge-struck-mill, stance: AFFIRMS, stated_on: 2032-04-01,
     quote: the Ridge Group struck the mill}
  - {speaker: tam-orel, allegation: orel-leads-ridge, stance: AFFIRMS, stated_on: 2032-04-05,
     quote: Orel was named the Ridge Group's leader}
"""


def test_own_side_as_of_a_day_is_that_day_s(load: Loader, store: Store, driver: Driver, tmp_path: Any) -> None:
    """A speaker who becomes the subject's leader later claims, as of that later day, for its own side."""
    load(write_dossier(tmp_path, LEADER_CASE))
    query = "MATCH (a:Allegation {predicate: 'CARRIED_OUT'})-[:SUBJECT]->(:Actor {id: 'ridge-group'}) RETURN a.id AS id"
    aid = str(driver.execute_query(query).records[0]["id"])
    assert derived.status_reasons(store, [aid], dt.date(2032, 4, 2))[aid].status is AllegationStatus.UNVERIFIED
    assert derived.status_reasons(store, [aid], dt.date(2032, 4, 5))[aid].status is AllegationStatus.SELF_CLAIMED
    early = project(store, NetworkFilter(as_of=dt.date(2032, 4, 2)))
    assert ("tam-orel", "ridge-group", "ACCUSES") in set(early.edges(keys=True))
    late = project(store, NetworkFilter(as_of=dt.date(2032, 4, 5)))
    assert not any(k == "ACCUSES" for _, _, k in late.edges(keys=True))


def test_the_browser_timeline_shows_the_retraction(load: Loader, driver: Driver) -> None:
    load(*FILES)
    text = (EXPLORE / "timeline.cypher").read_text(encoding="utf-8")
    rows = [r.data() for r in driver.execute_query(text).records]
    assert [(r["date"], r["stance"], r["superseded_by"]) for r in rows] == [
        ("2032-03-02", "AFFIRMS", "retracted on 2032-03-10: had no part in the fire at the Dorn fuel depot"),
        ("2032-03-03", "AFFIRMS", None),
        ("2032-03-03", "AFFIRMS", None),  # the undated note, dated by its source's publication
        ("2032-03-10", "DENIES", None),
    ]
    assert all(r["recorded_at"] for r in rows)
