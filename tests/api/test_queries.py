"""Queries over real HTTP: filters, pagination both ways, search, graph views, round trips."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from actorgraph.ingest import load_paths
from actorgraph.settings import Settings
from actorgraph.store.core import Store
from tests.support.http import GraphQL
from tests.support.paths import ROOT


def _ids(body: dict[str, Any], field: str) -> list[str]:
    assert "errors" not in body, body
    return [e["node"]["id"] for e in body["data"][field]["edges"]]


def test_actor_kind_filter(gql: GraphQL, seed: None) -> None:
    body = gql("{ actors(kind: INTELLIGENCE_AGENCY) { totalCount edges { node { id } } } }")
    assert _ids(body, "actors") == ["cia", "hur"]
    assert body["data"]["actors"]["totalCount"] == 2


def test_allegation_filters(gql: GraphQL, seed: None) -> None:
    q = """query($p: Predicate, $s: AllegationStatus, $subj: ID, $obj: ID, $sp: ID, $c: Boolean!) {
      allegations(predicate: $p, status: $s, subject: $subj, object: $obj, speaker: $sp, contestedOnly: $c, first: 50) {
        totalCount edges { node { id predicate status subject { id }
          object { ... on Actor { id } ... on Event { id } } } }
      } }"""

    def nodes(**v: Any) -> list[dict[str, Any]]:
        body = gql(q, {"c": False, **v})
        assert "errors" not in body, body
        return [e["node"] for e in body["data"]["allegations"]["edges"]]

    assert len(nodes()) == 19
    assert {n["predicate"] for n in nodes(p="CONTROLLED_BY")} == {"CONTROLLED_BY"} and len(
        nodes(p="CONTROLLED_BY")
    ) == 4
    assert len(nodes(s="SELF_CLAIMED")) == 4
    assert {n["subject"]["id"] for n in nodes(subj="siberian-battalion")} == {"siberian-battalion"}
    assert len(nodes(obj="incursion-into-russia")) == 4
    assert len(nodes(sp="andriy-yusov")) == 3
    assert {n["status"] for n in nodes(c=True)} == {"CONTESTED"} and len(nodes(c=True)) == 3


def test_statement_filters_and_date_range(gql: GraphQL, driver: Driver, settings: Settings) -> None:
    load_paths(Store(driver, settings), [ROOT / "tests" / "data" / "river-dam.yaml"])
    q = """query($st: Stance, $sp: ID, $f: Date, $t: Date) {
      statements(stance: $st, speaker: $sp, dateFrom: $f, dateTo: $t, first: 50) {
        totalCount edges { node { id statedOn stance } } } }"""
    body = gql(q, {"st": "DENIES"})
    assert body["data"]["statements"]["totalCount"] == 2
    body = gql(q, {"sp": "river-monitors"})
    assert body["data"]["statements"]["totalCount"] == 2
    body = gql(q, {"f": "2031-05-03", "t": "2031-05-04"})
    dates = [e["node"]["statedOn"] for e in body["data"]["statements"]["edges"]]
    assert dates == ["2031-05-03", "2031-05-04"]


def test_source_kind_filter(gql: GraphQL, seed: None) -> None:
    assert _ids(gql("{ sources(kind: ARTICLE) { edges { node { id } } } }"), "sources") == [
        "article-000-4a78cf95e0652a9d"
    ]
    assert _ids(gql("{ sources(kind: REPORT) { edges { node { id } } } }"), "sources") == []


def test_pagination_forwards_and_backwards(gql: GraphQL, seed: None) -> None:
    everything = _ids(gql("{ actors(first: 50) { edges { node { id } } } }"), "actors")
    assert len(everything) == 12
    q = """query($first: Int, $after: String, $last: Int, $before: String) {
      actors(first: $first, after: $after, last: $last, before: $before) {
        edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""
    forward: list[str] = []
    after = None
    while True:
        page = gql(q, {"first": 5, "after": after})["data"]["actors"]
        forward += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert forward == everything
    backward: list[str] = []
    before = None
    while True:
        page = gql(q, {"last": 5, "before": before})["data"]["actors"]
        backward = [e["node"]["id"] for e in page["edges"]] + backward
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]
    assert backward == everything
    last_two = gql(q, {"last": 2})["data"]["actors"]
    assert [e["node"]["id"] for e in last_two["edges"]] == everything[-2:]
    assert last_two["pageInfo"]["hasPreviousPage"] and not last_two["pageInfo"]["hasNextPage"]


def test_links_both_ways(gql: GraphQL, seed: None) -> None:
    body = gql("""{ actor(id: "kremlin") {
        accuses { other { ... on Actor { id } } count statementIds }
        statements(limit: 50) { id allegation { subject { id } } }
      }
      legion: actor(id: "freedom-of-russia-legion") {
        accusers { other { ... on Actor { id } } count }
        allegationsAbout(status: CONTESTED) { summary }
        relations(types: [CLAIMS_RESPONSIBILITY], direction: OUT) { type other { ... on Event { id name } } }
      } }""")
    assert "errors" not in body, body
    kremlin = body["data"]["actor"]
    assert {r["other"]["id"] for r in kremlin["accuses"]} == {
        "freedom-of-russia-legion",
        "siberian-battalion",
        "ukrainian-military",
    }
    assert len(kremlin["statements"]) == 7
    legion = body["data"]["legion"]
    assert legion["accusers"] == [{"other": {"id": "kremlin"}, "count": 3}]
    assert len(legion["allegationsAbout"]) == 1
    assert legion["relations"][0]["other"]["id"] == "incursion-into-russia"


def test_the_seed_article_reports_and_accuses_nobody(gql: GraphQL, seed: None) -> None:
    # Issue 14: the unattributed article's own report that the RVC took part is provenance (REPORTS),
    # not an accusation that would put its author in the Kremlin's camp.
    body = gql("""{ author: actor(id: "seed-article-author") {
        kind accuses { type }
        relations(types: [REPORTS, ACCUSES], direction: OUT) { type other { ... on Actor { id } } }
      }
      rvc: actor(id: "russian-volunteer-corps") { accusers { type } relations(types: [REPORTS], direction: IN) {
        type other { ... on Actor { id } } statementIds } } }""")
    assert "errors" not in body, body
    author, rvc = body["data"]["author"], body["data"]["rvc"]
    assert author["kind"] == "MEDIA" and author["accuses"] == []
    assert author["relations"] == [{"type": "REPORTS", "other": {"id": "russian-volunteer-corps"}}]
    assert rvc["accusers"] == []
    assert [(r["type"], r["other"]["id"], len(r["statementIds"])) for r in rvc["relations"]] == [
        ("REPORTS", "seed-article-author", 1)
    ]


def test_node_lookup_and_search(gql: GraphQL, seed: None) -> None:
    body = gql('{ node(id: "hur") { id ... on Actor { name } } missing: node(id: "nope") { id } }')
    assert body["data"] == {"node": {"id": "hur", "name": "Main Directorate of Intelligence (HUR)"}, "missing": None}
    body = gql('{ search(text: "moscow") { score node { id } } }')
    assert "kremlin" in [h["node"]["id"] for h in body["data"]["search"]]  # by its alias "Moscow"
    body = gql('{ search(text: "tyrannical regime") { node { id ... on Statement { quote } } } }')
    assert body["data"]["search"] and all("tyrannical" in h["node"]["quote"] for h in body["data"]["search"])
    body = gql('{ search(text: "Légion (Freedom") { node { id } } }')  # accents and Lucene syntax are safe
    assert "errors" not in body and body["data"]["search"][0]["node"]["id"] == "freedom-of-russia-legion"


def test_neighborhood_and_paths(gql: GraphQL, seed: None) -> None:
    body = gql(
        """{ neighborhood(actorId: "hur", depth: 2) { nodes { id label }
            edges { source target type direction count statementIds } } }"""
    )
    view = body["data"]["neighborhood"]
    edges = {(e["source"], e["type"], e["target"], e["direction"]) for e in view["edges"]}
    assert edges >= {
        ("hur", "CONTRADICTS", "kremlin", "OUT"),
        ("hur", "DENIES_INVOLVEMENT", "incursion-into-russia", "OUT"),
        ("kremlin", "ACCUSES", "freedom-of-russia-legion", "OUT"),  # the second hop, away from HUR
    }
    assert all(e["count"] == len(e["statementIds"]) > 0 for e in view["edges"])
    assert {"hur", "kremlin", "incursion-into-russia"} <= {n["id"] for n in view["nodes"]}
    body = gql(
        """{ paths(fromId: "hur", toId: "freedom-of-russia-legion", maxLength: 3) {
            nodes { id } edges { source type target direction } } }"""
    )
    paths = {(e["source"], e["type"], e["target"], e["direction"]) for e in body["data"]["paths"]["edges"]}
    assert ("hur", "CONTRADICTS", "kremlin", "OUT") in paths
    assert ("kremlin", "ACCUSES", "freedom-of-russia-legion", "OUT") in paths
    back = gql(
        '{ paths(fromId: "freedom-of-russia-legion", toId: "hur", maxLength: 3) { edges { source direction } } }'
    )
    assert {e["direction"] for e in back["data"]["paths"]["edges"] if e["source"] == "kremlin"} == {"IN"}


def _many(driver: Driver, n: int) -> None:
    driver.execute_query(
        """UNWIND range(1, $n) AS i
        MERGE (sp:Actor {id: 'speaker-' + toString(i % 7), name: 'Speaker ' + toString(i % 7), kind: 'PERSON'})
        MERGE (su:Actor {id: 'subject-' + toString(i), name: 'Subject ' + toString(i), kind: 'ARMED_GROUP'})
        MERGE (src:Source {id: 'src', kind: 'ARTICLE', title: 'T', text: 'q'})
        CREATE (a:Allegation {id: 'alg-' + right('000' + toString(i), 3), predicate: 'ATTACKED', polarity: 'HOSTILE',
                summary: 's', status: 'UNVERIFIED'})-[:SUBJECT]->(su)
        CREATE (a)-[:OBJECT]->(sp)
        CREATE (sp)-[:MADE]->(s:Statement {id: 'st-' + toString(i), stance: 'AFFIRMS', quote: 'q', start: 0, end: 1})
        CREATE (s)-[:ON]->(a)
        CREATE (s)-[:REPORTED_IN]->(src)""",
        n=n,
    )


@pytest.mark.corrupts_graph  # a synthetic graph written by hand, nothing derived
def test_round_trips_depend_on_depth_not_on_page_size(gql: GraphQL, driver: Driver) -> None:
    _many(driver, 60)
    q = """query($n: Int!) { allegations(first: $n) { edges { node { id subject { name }
        statements { quote speaker { name } source { title } } } } } }"""
    small = gql(q, {"n": 5})
    large = gql(q, {"n": 50})
    assert len(large["data"]["allegations"]["edges"]) == 50
    assert small["_round_trips"] == large["_round_trips"]
    assert small["extensions"]["cypherQueries"] == small["_round_trips"]
    # the page, its allegations with their subjects, statements, speakers and sources: one look-ahead read
    assert large["_round_trips"] == 1
    both = """{ allegations(first: 50) { edges { node { id subject { name }
        affirming(limit: 3) { quote speaker { name } } denying { quote source { title } }
        statements(limit: 7) { speaker { name } } } } } }"""
    assert gql(both)["_round_trips"] == 1  # stances and limits differ, the read does not
    # Deeper than the read goes: the loaders take over, one batch per level (the statements' allegations
    # need their full rows for the subject's id, then the subjects), whatever the page size.
    deep = """query($n: Int!) { allegations(first: $n) { edges { node { id
        statements { allegation { subject { name } } } } } } }"""
    deep_small, deep_large = gql(deep, {"n": 5}), gql(deep, {"n": 50})
    assert "errors" not in deep_large, deep_large
    assert deep_small["_round_trips"] == deep_large["_round_trips"] == 3
    names = {s["allegation"]["subject"]["name"] for e in deep_large["data"]["allegations"]["edges"]
             for s in e["node"]["statements"]}  # fmt: skip
    assert names == {f"Subject {i}" for i in range(1, 51)}


def test_one_round_trip_per_root_field(gql: GraphQL, seed: None) -> None:
    body = gql("""{ actor(id: "kremlin") { name statements(limit: 3) { quote allegation { summary } } }
        legion: actor(id: "freedom-of-russia-legion") { name }
        node(id: "hur") { ... on Actor { name } }
        actors(first: 3) { totalCount edges { node { name } } } }""")
    assert "errors" not in body, body
    assert body["_round_trips"] == 4
    assert body["data"]["node"] == {"name": "Main Directorate of Intelligence (HUR)"}
    assert len(body["data"]["actor"]["statements"]) == 3
    assert all(s["allegation"]["summary"] for s in body["data"]["actor"]["statements"])
    assert body["data"]["actors"]["totalCount"] == 12
    # a typed lookup does not find another label's node
    assert gql('{ actor(id: "hur") { id } allegation(id: "hur") { id } }')["data"] == {
        "actor": {"id": "hur"},
        "allegation": None,
    }
