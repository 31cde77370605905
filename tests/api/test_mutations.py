"""Every mutation over real HTTP: one transaction each, status and projections kept right."""

from __future__ import annotations

from typing import Any

from neo4j import Driver

from tests.support.graph import snapshot
from tests.support.http import EDITOR, GraphQL

ACTOR = """mutation($input: ActorInput!) { createActor(input: $input) { id name kind aliases } }"""


def _ok(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def test_create_and_update_actor(gql: GraphQL, driver: Driver) -> None:
    data = _ok(gql(ACTOR, {"input": {"id": "wagner", "name": "Wagner Group", "kind": "ARMED_GROUP",
                                     "aliases": ["PMC Wagner"]}}, EDITOR))  # fmt: skip
    assert data["createActor"] == {
        "id": "wagner",
        "name": "Wagner Group",
        "kind": "ARMED_GROUP",
        "aliases": ["PMC Wagner"],
    }
    again = gql(ACTOR, {"input": {"id": "wagner", "name": "Other", "kind": "PERSON"}}, EDITOR)
    assert again["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    update = """mutation($input: ActorInput!) { updateActor(input: $input) { name kind aliases description } }"""
    data = _ok(gql(update, {"input": {"id": "wagner", "name": "Wagner", "kind": "ARMED_GROUP",
                                      "aliases": ["Wagner Group"], "description": "PMC"}}, EDITOR))  # fmt: skip
    assert data["updateActor"] == {"name": "Wagner", "kind": "ARMED_GROUP", "aliases": ["PMC Wagner", "Wagner Group"],
                                   "description": "PMC"}  # fmt: skip
    missing = gql(update, {"input": {"id": "nobody", "name": "X", "kind": "PERSON"}}, EDITOR)
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_add_alias_resolves_in_search_and_refuses_a_taken_name(gql: GraphQL, seed: None) -> None:
    q = """mutation($id: ID!, $alias: String!) { addAlias(actorId: $id, alias: $alias) { aliases } }"""
    data = _ok(gql(q, {"id": "vladimir-putin", "alias": "Владимир Путин"}, EDITOR))
    assert "Владимир Путин" in data["addAlias"]["aliases"]
    taken = gql(q, {"id": "vladimir-putin", "alias": "moscow"}, EDITOR)
    err = taken["errors"][0]
    assert err["extensions"]["code"] == "BAD_USER_INPUT" and "already names 'kremlin'" in err["message"]


def test_record_statement_creates_the_allegation_and_updates_status(gql: GraphQL, seed: None, driver: Driver) -> None:
    q = """mutation($input: StatementInput!) { recordStatement(input: $input) {
        id quote start end stance allegation { status subject { id } } source { id } } }"""
    text = "The Kremlin said the Legion shelled Belgorod. The Legion denied shelling civilians."
    first = {
        "speaker": "kremlin", "subject": "freedom-of-russia-legion", "predicate": "ATTACKED", "object": "russia",
        "summary": "The Legion shelled Belgorod.", "stance": "AFFIRMS", "quote": "the Legion shelled Belgorod",
        "source": {"id": "post-1", "kind": "SOCIAL_POST", "title": "Post", "text": text},
    }  # fmt: skip
    data = _ok(gql(q, {"input": first}, EDITOR))["recordStatement"]
    assert data["allegation"]["status"] == "UNVERIFIED"
    assert text[data["start"] : data["end"]] == "the Legion shelled Belgorod"
    denial = {**first, "speaker": "freedom-of-russia-legion", "stance": "DENIES", "quote": "denied shelling civilians",
              "source": {"id": "post-1"}}  # fmt: skip
    data = _ok(gql(q, {"input": denial}, EDITOR))["recordStatement"]
    assert data["allegation"]["status"] == "CONTESTED"
    rels = driver.execute_query(
        "MATCH (:Actor {id: 'freedom-of-russia-legion'})-[r:DENIES_INVOLVEMENT]->(x) RETURN x.id AS x"
    ).records
    assert [r["x"] for r in rels] == ["russia"]
    bad_quote = {**denial, "quote": "never said this"}
    err = gql(q, {"input": bad_quote}, EDITOR)["errors"][0]
    assert err["extensions"]["code"] == "BAD_USER_INPUT" and "not found verbatim" in err["message"]
    unknown = {**denial, "speaker": "nobody"}
    assert gql(q, {"input": unknown}, EDITOR)["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    invalid = {**denial, "confidence": 3.0}
    err = gql(q, {"input": invalid}, EDITOR)["errors"][0]
    assert err["extensions"]["code"] == "BAD_USER_INPUT" and "confidence" in err["message"]


def test_merge_actors_moves_everything(gql: GraphQL, seed: None, driver: Driver) -> None:
    _ok(gql(ACTOR, {"input": {"id": "gur", "name": "GUR (duplicate)", "kind": "INTELLIGENCE_AGENCY"}}, EDITOR))
    q = """mutation($input: StatementInput!) { recordStatement(input: $input) { id } }"""
    text = "GUR said the raid was planned in Russia."
    stmt = {"speaker": "gur", "subject": "ukrainian-military", "predicate": "INVOLVED_IN",
            "object": "incursion-into-russia", "summary": "x", "stance": "DENIES",
            "quote": "the raid was planned in Russia",
            "source": {"id": "gur-post", "kind": "SOCIAL_POST", "title": "GUR post", "text": text}}  # fmt: skip
    _ok(gql(q, {"input": stmt}, EDITOR))
    statements_before = driver.execute_query("MATCH (s:Statement) RETURN count(s) AS n").records[0]["n"]
    merge = """mutation { mergeActors(keepId: "hur", mergeId: "gur", reason: "a duplicate")
               { id aliases statements(limit: 50) { id } } }"""
    data = _ok(gql(merge, None, EDITOR))["mergeActors"]
    assert "GUR (duplicate)" in data["aliases"]
    assert len(data["statements"]) == 1  # HUR itself made none; its spokesman spoke on its behalf
    assert driver.execute_query("MATCH (s:Statement) RETURN count(s) AS n").records[0]["n"] == statements_before
    assert driver.execute_query("MATCH (a:Actor {id: 'gur'}) RETURN count(a) AS n").records[0]["n"] == 0
    denies = driver.execute_query(
        "MATCH (:Actor {id: 'hur'})-[r:DENIES_INVOLVEMENT]->(:Event {id: 'incursion-into-russia'}) RETURN r.count AS n"
    ).records
    assert denies[0]["n"] == 2
    self_merge = gql("""mutation { mergeActors(keepId: "hur", mergeId: "hur", reason: "test") { id } }""", None, EDITOR)
    assert self_merge["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_merge_folds_allegations_that_become_the_same(gql: GraphQL, seed: None, driver: Driver) -> None:
    _ok(gql(ACTOR, {"input": {"id": "frl", "name": "FRL", "kind": "ARMED_GROUP"}}, EDITOR))
    q = """mutation($input: StatementInput!) { recordStatement(input: $input) { id } }"""
    text = "TASS: the FRL is run by the CIA."
    stmt = {"speaker": "kremlin", "subject": "frl", "predicate": "CONTROLLED_BY", "object": "cia", "summary": "x",
            "stance": "AFFIRMS", "quote": "the FRL is run by the CIA",
            "source": {"id": "tass", "kind": "ARTICLE", "title": "TASS", "text": text}}  # fmt: skip
    _ok(gql(q, {"input": stmt}, EDITOR))
    merge = """mutation { mergeActors(keepId: "freedom-of-russia-legion", mergeId: "frl", reason: "dup") { id } }"""
    _ok(gql(merge, None, EDITOR))
    rows = driver.execute_query(
        """MATCH (a:Allegation {predicate: 'CONTROLLED_BY'})-[:SUBJECT]->(:Actor {id: 'freedom-of-russia-legion'}),
                 (a)-[:OBJECT]->(:Actor {id: 'cia'})
           MATCH (s:Statement)-[:ON]->(a) RETURN a.id AS id, count(s) AS n"""
    ).records
    assert len(rows) == 1 and rows[0]["n"] == 2


def test_set_verdict(gql: GraphQL, seed: None, driver: Driver) -> None:
    alleg = _ok(gql("{ allegations(contestedOnly: true, first: 1) { edges { node { id status } } } }"))
    aid = alleg["allegations"]["edges"][0]["node"]["id"]
    q = """mutation($id: ID!, $r: String!) { setVerdict(allegationId: $id, verdict: UNPROVEN, rationale: $r,
           source: "analyst note") { verdict verdictRationale status } }"""
    data = _ok(gql(q, {"id": aid, "r": "No independent evidence either way."}, EDITOR))["setVerdict"]
    assert data == {
        "verdict": "UNPROVEN",
        "verdictRationale": "No independent evidence either way.",
        "status": "CONTESTED",
    }
    empty = gql(q, {"id": aid, "r": "  "}, EDITOR)
    assert empty["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    missing = gql(q, {"id": "alg_missing", "r": "x"}, EDITOR)
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_a_failed_mutation_changes_nothing(gql: GraphQL, seed: None, driver: Driver) -> None:
    before = snapshot(driver)
    q = """mutation($input: StatementInput!) { recordStatement(input: $input) { id } }"""
    stmt = {
        "speaker": "kremlin",
        "subject": "cia",
        "predicate": "CARRIED_OUT",
        "object": "kremlin",
        "summary": "x",
        "stance": "AFFIRMS",
        "quote": "x",
        "source": {"id": "new-src", "kind": "ARTICLE", "title": "t", "text": "x"},
    }
    body = gql(q, {"input": stmt}, EDITOR)  # CARRIED_OUT takes an event, not an actor
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert snapshot(driver) == before
