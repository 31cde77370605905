"""History over real HTTP: who (the key's name, the token's subject), why, unmergeActors and markDistinct."""

from __future__ import annotations

import hashlib
import time
from typing import Any

import jwt
from neo4j import Driver

from actorgraph.settings import Settings
from tests.support.http import API_KEY, EDITOR, JWT_SECRET, GraphQL, Server, api_settings, post

HISTORY = """query($id: ID!, $first: Int, $before: ID) {
  history(id: $id, first: $first, before: $before) { id at who action reason summary touched } }"""
MERGE = """mutation($keep: ID!, $merge: ID!, $reason: String!) {
  mergeActors(keepId: $keep, mergeId: $merge, reason: $reason) { id aliases } }"""
UNMERGE = """mutation($change: ID, $merged: ID, $reason: String!) {
  unmergeActors(changeId: $change, mergedId: $merged, reason: $reason) { id name aliases } }"""
MARK = """mutation($a: ID!, $b: ID!, $reason: String!) {
  markDistinct(actorId: $a, otherId: $b, reason: $reason) { id } }"""
UNMARK = """mutation($a: ID!, $b: ID!, $reason: String!) {
  unmarkDistinct(actorId: $a, otherId: $b, reason: $reason) { id } }"""
KEY_NAME = "key-" + hashlib.sha256(API_KEY.encode()).hexdigest()[:8]


def _ok(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def _error(body: dict[str, Any]) -> tuple[str, str]:
    err = body["errors"][0]
    return str(err["extensions"]["code"]), str(err["message"])


def _history(gql: GraphQL, node_id: str, **args: Any) -> list[dict[str, Any]]:
    return list(_ok(gql(HISTORY, {"id": node_id, **args}))["history"])


def test_merge_needs_a_reason_and_unmerge_restores_it_once(gql: GraphQL, seed: None, driver: Driver) -> None:
    missing = gql("""mutation { mergeActors(keepId: "hur", mergeId: "cia") { id } }""", None, EDITOR)
    assert "reason" in missing["errors"][0]["message"]  # required by the schema
    blank = gql(MERGE, {"keep": "hur", "merge": "cia", "reason": "   "}, EDITOR)
    code, message = _error(blank)
    assert code == "BAD_USER_INPUT" and message.startswith("reason: say why"), message
    assert [c["action"] for c in _history(gql, "cia")] == ["load"]
    before = driver.execute_query("MATCH (a:Actor {id: 'hur'}) RETURN a.aliases AS aliases").records[0]["aliases"]
    cia = _ok(gql("""{ actor(id: "cia") { id name aliases } }"""))["actor"]

    merged = _ok(gql(MERGE, {"keep": "hur", "merge": "cia", "reason": "test: one agency"}, EDITOR))["mergeActors"]
    assert "CIA" in merged["aliases"]
    (merge, load) = _history(gql, "cia")
    assert (merge["action"], merge["who"], merge["reason"]) == ("merge", KEY_NAME, "test: one agency")
    assert merge["summary"] == "merged actor cia into hur" and load["action"] == "load"
    assert merge["at"] > load["at"] and merge["touched"] > 2

    restored = _ok(gql(UNMERGE, {"change": merge["id"], "reason": "two agencies"}, EDITOR))["unmergeActors"]
    assert restored == cia
    assert driver.execute_query("MATCH (a:Actor {id: 'hur'}) RETURN a.aliases AS a").records[0]["a"] == before
    again = gql(UNMERGE, {"merged": "cia", "reason": "again"}, EDITOR)
    code, message = _error(again)
    assert code == "BAD_USER_INPUT" and f"already undone by {_history(gql, 'cia')[0]['id']}" in message
    both = gql(UNMERGE, {"merged": "cia", "change": merge["id"], "reason": "x"}, EDITOR)
    assert _error(both)[0] == "BAD_USER_INPUT"
    assert _error(gql(UNMERGE, {"merged": "kremlin", "reason": "x"}, EDITOR))[0] == "NOT_FOUND"


def test_history_pages_newest_first(gql: GraphQL, seed: None) -> None:
    for n in range(3):
        _ok(gql("""mutation($a: String!) { addAlias(actorId: "cia", alias: $a) { id } }""", {"a": f"Agency {n}"},
                EDITOR))  # fmt: skip
    first = _history(gql, "cia", first=2)
    assert [c["summary"] for c in first] == ["alias 'Agency 2' added to cia", "alias 'Agency 1' added to cia"]
    rest = _history(gql, "cia", first=5, before=first[-1]["id"])
    assert [c["action"] for c in rest] == ["add-alias", "load"]
    assert _error(gql(HISTORY, {"id": "cia", "first": 0}))[0] == "BAD_USER_INPUT"
    assert _history(gql, "no-such-id") == []


def test_mark_distinct_refuses_the_merge_until_unmarked(gql: GraphQL, seed: None) -> None:
    _ok(gql(MARK, {"a": "cia", "b": "hur", "reason": "two agencies of two states"}, EDITOR))
    code, message = _error(gql(MERGE, {"keep": "hur", "merge": "cia", "reason": "same"}, EDITOR))
    assert code == "BAD_USER_INPUT" and "marked not the same" in message and "unmarkDistinct" in message
    assert _error(gql(MARK, {"a": "cia", "b": "cia", "reason": "x"}, EDITOR))[0] == "BAD_USER_INPUT"
    assert _error(gql(MARK, {"a": "cia", "b": "nobody", "reason": "x"}, EDITOR))[0] == "NOT_FOUND"
    assert _error(gql(MARK, {"a": "cia", "b": "hur", "reason": ""}, EDITOR))[1].startswith("reason: say why")
    _ok(gql(UNMARK, {"a": "hur", "b": "cia", "reason": "a test merge"}, EDITOR))
    _ok(gql(MERGE, {"keep": "hur", "merge": "cia", "reason": "now allowed"}, EDITOR))
    assert [c["action"] for c in _history(gql, "cia")] == ["merge", "unmark-distinct", "mark-distinct", "load"]


def test_who_is_the_key_name_or_the_token_subject(settings: Settings, driver: Driver) -> None:
    named = api_settings(settings, api_keys=["ci-bot:a-secret-key-1234", API_KEY])
    token = jwt.encode({"roles": ["editor"], "sub": "alice", "exp": int(time.time()) + 600}, JWT_SECRET)
    with Server(named) as srv:
        create = 'mutation { createActor(input: {id: "%s", name: "%s", kind: PERSON}) { id } }'
        assert (
            "errors" not in post(srv.url, create % ("x1", "X one"), headers={"X-API-Key": "a-secret-key-1234"}).json()
        )
        assert "errors" not in post(srv.url, create % ("x2", "X two"), headers=EDITOR).json()
        assert "errors" not in post(srv.url, create % ("x3", "X three"),
                                    headers={"Authorization": f"Bearer {token}"}).json()  # fmt: skip
        wrong = post(srv.url, create % ("x4", "X four"), headers={"X-API-Key": "ci-bot:a-secret-key-1234"}).json()
        assert _error(wrong)[0] == "UNAUTHENTICATED"  # the name is not part of the secret
        who = {i: post(srv.url, HISTORY, {"id": i}).json()["data"]["history"][0]["who"] for i in ("x1", "x2", "x3")}
    assert who == {"x1": "ci-bot", "x2": KEY_NAME, "x3": "token:alice"}
