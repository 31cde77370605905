"""Access, error codes and limits over real HTTP; /healthz and /readyz (503 while Neo4j is down)."""

from __future__ import annotations

import time

import httpx
import jwt
import pytest
from neo4j import Driver

from actorgraph.settings import Settings
from tests.support.http import EDITOR, JWT_SECRET, GraphQL, Server, api_settings, post

CREATE = """mutation { createActor(input: {id: "x-actor", name: "X", kind: PERSON}) { id } }"""


def _code(body: dict[str, object]) -> str:
    errors = body["errors"]
    assert isinstance(errors, list)
    return str(errors[0]["extensions"]["code"])


def _token(roles: list[str], secret: str = JWT_SECRET) -> dict[str, str]:
    claims = {"sub": "analyst", "roles": roles, "exp": int(time.time()) + 600}
    return {"Authorization": "Bearer " + jwt.encode(claims, secret, algorithm="HS256")}


def test_mutations_need_credentials(gql: GraphQL, driver: Driver) -> None:
    assert _code(gql(CREATE)) == "UNAUTHENTICATED"
    assert _code(gql(CREATE, headers={"X-API-Key": "wrong"})) == "UNAUTHENTICATED"
    assert (
        _code(gql(CREATE, headers=_token(["editor"], secret="another-secret-of-enough-length-000")))
        == "UNAUTHENTICATED"
    )
    assert _code(gql(CREATE, headers=_token(["viewer"]))) == "FORBIDDEN"
    assert driver.execute_query("MATCH (a:Actor) RETURN count(a) AS n").records[0]["n"] == 0
    assert "errors" not in gql(CREATE, headers=_token(["editor"]))
    body = gql(CREATE.replace("x-actor", "y-actor"), headers=EDITOR)
    assert body["data"] == {"createActor": {"id": "y-actor"}}


def test_closed_deployment_refuses_anonymous_queries(settings: Settings, driver: Driver) -> None:
    with Server(api_settings(settings, api_open_queries=False)) as closed:
        body = post(closed.url, "{ actors { totalCount } }").json()
        assert _code(body) == "UNAUTHENTICATED"
        body = post(closed.url, "{ actors { totalCount } }", headers=EDITOR).json()
        assert body["data"] == {"actors": {"totalCount": 0}}


def test_not_found_and_bad_input_codes(gql: GraphQL, seed: None) -> None:
    body = gql('{ neighborhood(actorId: "nobody") { nodes { id } } }')
    assert _code(body) == "NOT_FOUND"
    assert _code(gql('{ actors(after: "not-a-cursor") { totalCount } }')) == "BAD_USER_INPUT"
    assert _code(gql("{ actors { nosuchfield } }")) == "BAD_USER_INPUT"
    assert _code(gql('{ search(text: "  ") { score } }')) == "BAD_USER_INPUT"


def test_page_size_limit(gql: GraphQL, seed: None) -> None:
    body = gql("{ actors(first: 61) { totalCount } }")
    assert _code(body) == "BAD_USER_INPUT" and "ACTORGRAPH_API_MAX_PAGE_SIZE" in body["errors"][0]["message"]
    assert _code(gql('{ actor(id: "kremlin") { statements(limit: 500) { id } } }')) == "BAD_USER_INPUT"
    assert "errors" not in gql("{ actors(first: 60) { totalCount } }")


def test_depth_alias_and_token_limits(settings: Settings, driver: Driver) -> None:
    strict = api_settings(settings, api_max_depth=3, api_max_aliases=2, api_max_tokens=60)
    with Server(strict) as srv:
        deep = '{ actor(id: "a") { statements { allegation { subject { name } } } } }'
        body = post(srv.url, deep).json()
        assert _code(body) == "BAD_USER_INPUT" and "exceeds maximum operation depth" in body["errors"][0]["message"]
        aliases = '{ a: actor(id: "a") { id } b: actor(id: "b") { id } c: actor(id: "c") { id } }'
        body = post(srv.url, aliases).json()
        assert _code(body) == "BAD_USER_INPUT" and "aliases" in body["errors"][0]["message"]
        tokens = (
            "{ "
            + " ".join(f'x{i}: node(id: "{i}") {{ id }}' for i in range(2))
            + " actors { totalCount "
            + "totalCount " * 50
            + "} }"
        )
        body = post(srv.url, tokens).json()
        assert _code(body) == "BAD_USER_INPUT" and "token" in body["errors"][0]["message"].lower()


def test_cors_allows_only_the_configured_frontend(settings: Settings, driver: Driver) -> None:
    frontend = "http://localhost:5173"
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,x-api-key"}
    with Server(api_settings(settings, api_cors_origins=[frontend])) as srv:
        ok = httpx.options(f"{srv.url}/graphql", headers={"Origin": frontend, **preflight})
        assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == frontend
        other = httpx.options(f"{srv.url}/graphql", headers={"Origin": "http://evil.example", **preflight})
        assert "access-control-allow-origin" not in other.headers
        answer = httpx.post(f"{srv.url}/graphql", json={"query": "{ __typename }"}, headers={"Origin": frontend})
        assert answer.headers["access-control-allow-origin"] == frontend
        assert "x-actorgraph-cypher-queries" in answer.headers["access-control-expose-headers"].lower()


@pytest.mark.corrupts_graph  # bare actors written with raw Cypher to make the query slow
def test_transaction_timeout_is_unavailable_not_a_crash(settings: Settings, driver: Driver) -> None:
    driver.execute_query(
        "UNWIND range(1, 50000) AS i CREATE (:Actor {id: 'a' + toString(i), name: 'n', kind: 'PERSON'})"
    )
    with Server(api_settings(settings, api_tx_timeout=0.001)) as srv:
        response = post(srv.url, "{ actors(kind: PERSON, first: 60) { totalCount } }")
        assert response.status_code == 200
        assert _code(response.json()) == "UNAVAILABLE"


def test_health_and_readiness(api: Server, driver: Driver) -> None:
    """Readiness while Neo4j is down is a fault test, on a server of its own (tests/faults/test_faults.py)."""
    assert httpx.get(f"{api.url}/healthz").json() == {"status": "ok"}
    assert httpx.get(f"{api.url}/readyz").json() == {"status": "ready"}
