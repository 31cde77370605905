"""The API additions the explorer needs, over real HTTP and WebSocket: network, nodes, subscriptions, `/`."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from neo4j import Driver
from websockets.sync.client import ClientConnection, connect

from actorgraph.ingest import LoadReport, load_paths
from actorgraph.model.ids import allegation_id
from actorgraph.settings import Settings
from actorgraph.store.core import Store
from tests.support.http import API_KEY, Server, api_settings
from tests.support.paths import ROOT
from tests.support.web import graphql

RECORD = """mutation($input: StatementInput!) { recordStatement(input: $input) { id } }"""
# A denial the seed does not have: HUR, through Yusov, denies that the CIA controls the Legion.
YUSOV_ON_CIA = {
    "speaker": "andriy-yusov", "onBehalfOf": "hur", "subject": "freedom-of-russia-legion", "predicate": "CONTROLLED_BY",
    "object": "cia", "summary": "ignored: the allegation exists", "stance": "DENIES",
    "quote": "these operations were conducted autonomously by the groups on Russian soil",
    "source": {"id": "article-000-4a78cf95e0652a9d"}, "medium": "press briefing",
}  # fmt: skip


@contextmanager
def subscription(
    api: Server, query: str, variables: dict[str, Any] | None = None, init: dict[str, str] | None = None
) -> Iterator[ClientConnection]:
    """A graphql-transport-ws connection with one subscription started (id "1"); ``init``: connection_init's payload."""
    url = api.url.replace("http://", "ws://") + "/graphql"
    with connect(url, subprotocols=["graphql-transport-ws"], open_timeout=10) as ws:  # type: ignore[list-item]
        ws.send(json.dumps({"type": "connection_init", "payload": init or {}}))
        assert json.loads(ws.recv(timeout=10))["type"] == "connection_ack"
        ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query, "variables": variables or {}}}))
        yield ws


def next_payload(ws: ClientConnection, timeout: float = 10) -> dict[str, Any]:
    """The data of the next `next` message (pings answered, anything else is a failure)."""
    deadline = time.monotonic() + timeout
    while True:
        message = json.loads(ws.recv(timeout=max(0.1, deadline - time.monotonic())))
        if message["type"] == "ping":
            ws.send(json.dumps({"type": "pong"}))
            continue
        assert message["type"] == "next", message
        assert "errors" not in message["payload"], message
        data: dict[str, Any] = message["payload"]["data"]
        return data


def drain(ws: ClientConnection, quiet: float = 1.5) -> None:
    """Discard what arrives until nothing has for ``quiet`` seconds: a change from before (a previous test's
    writes, seen late by the version watcher) may be announced once; delivery is at least once."""
    while True:
        try:
            ws.recv(timeout=quiet)
        except TimeoutError:
            return


def test_network_draws_the_seed_with_filters(api: Server, seed: LoadReport) -> None:
    body = graphql(api, "{ network { nodes { id name kind } edges { source target type count statementIds } } }")
    assert "errors" not in body, body
    edges = {(e["source"], e["type"], e["target"]): e for e in body["data"]["network"]["edges"]}
    accuses = edges["kremlin", "ACCUSES", "freedom-of-russia-legion"]
    assert accuses["count"] == len(accuses["statementIds"]) == 3  # the evidence comes along, for click-through
    assert ("hur", "CONTRADICTS", "kremlin") in edges
    kinds = {n["id"]: n["kind"] for n in body["data"]["network"]["nodes"]}
    assert kinds["hur"] == "INTELLIGENCE_AGENCY"
    only = graphql(api, "{ network(relationTypes: [CONTRADICTS]) { nodes { id } edges { type } } }")["data"]["network"]
    assert {e["type"] for e in only["edges"]} == {"CONTRADICTS"}
    assert "seed-article-author" not in {n["id"] for n in only["nodes"]}  # no CONTRADICTS edge: dropped
    # The seed's statements are undated, so a date range selects none of them.
    dated = graphql(api, '{ network(network: {dateFrom: "2030-01-01"}) { edges { type } } }')["data"]["network"]
    assert dated["edges"] == []


def test_nodes_in_the_order_asked(api: Server, seed: LoadReport) -> None:
    body = graphql(api, '{ nodes(ids: ["hur", "nobody", "kremlin"]) { id ... on Actor { name } } }')
    assert body["data"]["nodes"] == [{"id": "hur", "name": "Main Directorate of Intelligence (HUR)"}, None,
                                     {"id": "kremlin", "name": "Kremlin"}]  # fmt: skip
    too_many = graphql(api, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": [str(i) for i in range(101)]})
    assert too_many["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_a_recorded_statement_reaches_its_subscribers_only(api: Server, seed: LoadReport) -> None:
    wanted = allegation_id("freedom-of-russia-legion", "CONTROLLED_BY", "cia")
    other_id = allegation_id("freedom-of-russia-legion", "OPPOSES", "kremlin")
    query = """subscription($a: ID) { statementRecorded(allegationId: $a) { quote medium speaker { id }
               allegation { id status } } }"""
    with subscription(api, query, {"a": wanted}) as ws, subscription(api, query, {"a": other_id}) as other:
        time.sleep(0.5)  # the server starts both subscriptions
        recorded = graphql(api, RECORD, {"input": YUSOV_ON_CIA}, editor=True)
        assert "errors" not in recorded, recorded
        data = next_payload(ws)["statementRecorded"]
        assert data == {
            "quote": YUSOV_ON_CIA["quote"], "medium": "press briefing", "speaker": {"id": "andriy-yusov"},
            "allegation": {"id": wanted, "status": "CONTESTED"},  # it was UNVERIFIED: affirmed, never denied
        }  # fmt: skip
        try:
            message = other.recv(timeout=1.5)
        except TimeoutError:
            message = None
        assert message is None or json.loads(message)["type"] == "ping", message


def test_allegation_changed_on_a_verdict(api: Server, seed: LoadReport) -> None:
    cia = allegation_id("freedom-of-russia-legion", "CONTROLLED_BY", "cia")
    query = "subscription($id: ID!) { allegationChanged(id: $id) { id verdict verdictRationale } }"
    with subscription(api, query, {"id": cia}) as ws:
        drain(ws)
        body = graphql(
            api,
            'mutation($id: ID!) { setVerdict(allegationId: $id, verdict: UNPROVEN, rationale: "No evidence shown") '
            "{ id } }",
            {"id": cia},
            editor=True,
        )
        assert "errors" not in body, body
        assert next_payload(ws)["allegationChanged"] == {
            "id": cia, "verdict": "UNPROVEN", "verdictRationale": "No evidence shown",
        }  # fmt: skip


def test_a_load_in_another_process_reaches_subscribers(
    api: Server, seed: LoadReport, driver: Driver, settings: Settings
) -> None:
    """A write the API did not make (here the loader, as `actorgraph load` would) is seen by polling the version."""
    with subscription(api, 'subscription { graphChanged(ids: ["kremlin"]) { kind ids } }') as ws:
        drain(ws)  # meanwhile the watcher reads the version it starts from
        load_paths(Store(driver, settings), [ROOT / "tests" / "data" / "river-dam.yaml"])
        assert next_payload(ws, timeout=10)["graphChanged"] == {"kind": "EXTERNAL_WRITE", "ids": []}


def test_subscriptions_need_no_key_but_mutations_do(api: Server, seed: LoadReport) -> None:
    body = graphql(api, RECORD, {"input": YUSOV_ON_CIA})
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_a_closed_api_takes_the_key_from_connection_init(settings: Settings, driver: Driver) -> None:
    """With ACTORGRAPH_API_OPEN_QUERIES=false a subscriber needs a key; browsers send it in connection_init."""
    query = "subscription { graphChanged { kind } }"
    with Server(api_settings(settings, api_open_queries=False)) as closed:
        with subscription(closed, query) as ws:
            message = json.loads(ws.recv(timeout=10))
            assert message["type"] == "next", message
            assert message["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        with subscription(closed, query, init={"X-API-Key": API_KEY}) as ws:
            drain(ws, quiet=0.5)  # subscribed: no error arrives
            load_paths(Store(driver, settings), [ROOT / "seed"])
            assert next_payload(ws)["graphChanged"]["kind"] == "EXTERNAL_WRITE"


def test_the_explorer_is_served_at_root_and_graphiql_stays(api: Server) -> None:
    for path in ("/", "/actor/kremlin", "/network?types=ACCUSES"):
        page = httpx.get(api.url + path, timeout=10)
        assert page.status_code == 200 and '<div id="app">' in page.text, path
        assert page.headers["cache-control"] == "no-cache"
    asset = next((ROOT / "web" / "dist" / "assets").glob("*.js")).name
    script = httpx.get(f"{api.url}/assets/{asset}", timeout=10)
    assert script.status_code == 200 and "immutable" in script.headers["cache-control"]
    graphiql = httpx.get(api.url + "/graphql", headers={"Accept": "text/html"}, timeout=10)
    assert graphiql.status_code == 200 and "graphiql" in graphiql.text.lower()
    assert httpx.get(api.url + "/no-such-page", timeout=10).status_code == 404
    assert httpx.get(api.url + "/healthz", timeout=10).json() == {"status": "ok"}
