"""The probes listed under "Found" in issue 11, as regression tests over real HTTP.

(The /etc/passwd ``text_file`` probe is ``tests/ingest/test_text_file.py``; the graphql-http audit is
``tests/conformance/``; schemathesis is ``tests/api/test_fuzz.py``.)
"""

from __future__ import annotations

import httpx
import pytest
from neo4j import Driver

from actorgraph.ingest import LoadReport
from actorgraph.settings import Settings
from tests.support.http import EDITOR, GraphQL, Server, api_settings, post


def _codes(body: dict[str, object]) -> list[str]:
    errors = body.get("errors") or []
    assert isinstance(errors, list)
    return [str(e["extensions"]["code"]) for e in errors]


@pytest.mark.parametrize(
    "text", ['") OR 1=1 //', "OR", "Kremlin OR", "a AND", "NOT x", "&& ||", "\\", '"', "*", "~", "kremlin AND"]
)
def test_search_text_with_lucene_syntax_is_plain_words(gql: GraphQL, seed: LoadReport, text: str) -> None:
    """`search(text: "\\") OR 1=1 //")` was an INTERNAL_SERVER_ERROR: operator words broke the escaping."""
    body = gql("query($t: String!) { search(text: $t) { score node { id } } }", {"t": text})
    assert "errors" not in body, body
    assert isinstance(body["data"]["search"], list)


def test_search_still_requires_every_word(gql: GraphQL, seed: LoadReport) -> None:
    hits = gql('{ search(text: "kremlin") { node { id } } }')["data"]["search"]
    assert any(h["node"]["id"] == "kremlin" for h in hits)
    assert gql('{ search(text: "kremlin OR zzzqqq") { node { id } } }')["data"]["search"] == []


def test_a_5_mb_body_is_refused_before_parsing(api: Server, driver: Driver) -> None:
    big = "{ __typename " + " " * 5_000_000 + "}"
    response = httpx.post(f"{api.url}/graphql", json={"query": big}, timeout=60)
    assert response.status_code == 413
    assert _codes(response.json()) == ["BAD_USER_INPUT"]
    assert "ACTORGRAPH_API_MAX_BODY_BYTES" in response.json()["errors"][0]["message"]


def test_a_chunked_body_without_length_is_counted_too(api: Server, driver: Driver) -> None:
    def chunks() -> object:
        for _ in range(60):
            yield b" " * 100_000

    response = httpx.post(
        f"{api.url}/graphql", content=chunks(), headers={"content-type": "application/json"}, timeout=60
    )
    assert response.status_code == 413


def test_suggestions_and_introspection_are_off_for_deployments(settings: Settings, driver: Driver) -> None:
    mistyped = '{ paths(from: "a", toId: "b") { nodes { id } } }'
    local = post_json(api_settings(settings), mistyped)
    assert any("Did you mean" in e["message"] for e in local["errors"])  # on for local use
    with Server(api_settings(settings, api_introspection=False)) as srv:
        body = post(srv.url, mistyped).json()
        assert body["errors"] and not any("Did you mean" in e["message"] for e in body["errors"])
        assert _codes(body) == ["BAD_USER_INPUT"] * len(body["errors"])
        intro = post(srv.url, "{ __schema { types { name } } }").json()
        assert set(_codes(intro)) == {"BAD_USER_INPUT"} and "introspection" in intro["errors"][0]["message"].lower()
        assert post(srv.url, "{ __typename }").json()["data"] == {"__typename": "Query"}
        assert httpx.get(f"{srv.url}/graphql", headers={"accept": "text/html"}).status_code == 404  # no GraphiQL


def post_json(api: Settings, query: str) -> dict[str, object]:
    with Server(api) as srv:
        body: dict[str, object] = post(srv.url, query).json()
    return body


@pytest.mark.corrupts_graph  # 30,000 bare actors written with raw Cypher to make the queries slow
def test_analytics_and_mutations_honour_the_transaction_timeout(settings: Settings, driver: Driver) -> None:
    """Analytics and mutations had no transaction timeout: now every door call has the API's."""
    driver.execute_query(
        "UNWIND range(1, 30000) AS i CREATE (:Actor {id: 'a' + toString(i), name: 'n', kind: 'PERSON'})"
    )
    with Server(api_settings(settings, api_tx_timeout=0.001)) as srv:
        report = post(srv.url, "{ analytics { centrality(limit: 1) { entries { actor } } } }").json()
        assert _codes(report) == ["UNAVAILABLE"]
        mutation = 'mutation { mergeActors(keepId: "a1", mergeId: "a2", reason: "test") { id } }'
        merge = post(srv.url, mutation, headers=EDITOR).json()
        assert _codes(merge) == ["UNAVAILABLE"]
        assert "bolt://" not in str(report) + str(merge)


def test_any_integer_seeds_the_resampling(gql: GraphQL, seed: LoadReport) -> None:
    """Found by fuzzing after issue 18: `camps(seed: -1)` was an INTERNAL_SERVER_ERROR (numpy refuses
    negative seeds); every Int the schema allows now seeds it, as Python's own random does."""
    query = (
        "query($s: Int!) { analytics { camps(seed: $s) { entries { actor camp } } "
        "centrality(seed: $s) { entries { actor } } } }"
    )
    negative, positive = gql(query, {"s": -1}), gql(query, {"s": 1})
    assert "errors" not in negative, negative
    assert negative["data"] == positive["data"]
