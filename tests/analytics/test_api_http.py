"""The analytics reports through the real API over HTTP, merged into the root query; a mutation invalidates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from neo4j import Driver

from actorgraph.ingest import load_paths
from actorgraph.settings import Settings
from tests.api.conftest import API_KEY, Server, api_settings
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def api(settings: Settings, driver: Driver) -> Iterator[Server]:
    with Server(api_settings(settings)) as server:
        yield server


def gql(api: Server, query: str, headers: dict[str, str] | None = None) -> dict[str, Any]:
    response = httpx.post(f"{api.url}/graphql", json={"query": query}, headers=headers or {}, timeout=60)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_done_when_over_http_and_invalidation_by_a_mutation(api: Server, driver: Driver, settings: Settings) -> None:
    load_paths(driver, settings, [ROOT / "seed"])
    query = """{ analytics {
        centrality(limit: 1) { entries { actor name accusationsMade } }
        camps { entries { actor camp } frustration }
    } }"""
    body = gql(api, query)
    assert "errors" not in body, body
    data = body["data"]["analytics"]
    assert data["centrality"]["entries"][0]["actor"] == "kremlin"
    camp = {e["actor"]: e["camp"] for e in data["camps"]["entries"]}
    assert camp["kremlin"] != camp["freedom-of-russia-legion"] == camp["siberian-battalion"]
    renamed = gql(
        api,
        'mutation { updateActor(input: {id: "kremlin", name: "The Kremlin", kind: GOVERNMENT}) { name } }',
        {"X-API-Key": API_KEY},
    )
    assert "errors" not in renamed, renamed
    again = gql(api, query)["data"]["analytics"]
    assert again["centrality"]["entries"][0]["name"] == "The Kremlin"  # the cached result was dropped


def test_errors_carry_codes(api: Server) -> None:
    body = gql(api, '{ analytics { path(source: "nobody", target: "kremlin") { length } } }')
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    body = gql(api, "{ analytics { contested(limit: 0) { allegation } } }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
