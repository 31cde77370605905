"""The response cache: repeated anonymous reads from memory, exactly until the graph changes; ETag/304;
bookmarks from mutations, read-your-own-writes with them."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from neo4j import Driver

from actorgraph.api.response_cache import VersionGate
from tests.support.aio import run_async
from tests.support.http import EDITOR, Server

QUERY = '{ actor(id: "kremlin") { name aliases } }'


def _post(api: Server, query: str, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.post(f"{api.url}/graphql", json={"query": query}, headers=headers or {}, timeout=30)


@pytest.mark.corrupts_graph  # renames with raw Cypher (another program's write): the name index is not told
def test_repeated_reads_hit_until_any_write(api: Server, seed: None, driver: Driver) -> None:
    first, second = _post(api, QUERY), _post(api, QUERY)
    assert first.headers["x-actorgraph-cache"] == "miss" and second.headers["x-actorgraph-cache"] == "hit"
    assert first.json()["data"] == second.json()["data"] and first.json()["data"]["actor"]["name"] == "Kremlin"
    assert second.json()["extensions"]["cypherQueries"] == int(second.headers["x-actorgraph-cypher-queries"]) == 0
    driver.execute_query("MATCH (a:Actor {id: 'kremlin'}) SET a.name = 'The Kremlin'")  # a write from elsewhere
    after = _post(api, QUERY)
    assert after.headers["x-actorgraph-cache"] == "miss"
    assert after.json()["data"]["actor"]["name"] == "The Kremlin"


def test_callers_with_credentials_or_errors_are_never_cached(api: Server, seed: None) -> None:
    for _ in range(2):
        assert "x-actorgraph-cache" not in _post(api, QUERY, EDITOR).headers
    bad = '{ actor(id: "kremlin") { statements(limit: 500) { id } } }'
    assert _post(api, bad).json()["errors"] and _post(api, bad).headers["x-actorgraph-cache"] == "miss"


@pytest.mark.corrupts_graph  # renames with raw Cypher (another program's write): the name index is not told
def test_get_queries_have_an_etag_that_expires_with_the_graph(api: Server, seed: None, driver: Driver) -> None:
    url = f"{api.url}/graphql"
    first = httpx.get(url, params={"query": QUERY}, timeout=30)
    etag = first.headers["etag"]
    again = httpx.get(url, params={"query": QUERY}, headers={"If-None-Match": etag}, timeout=30)
    assert again.status_code == 304 and again.content == b""
    driver.execute_query("MATCH (a:Actor {id: 'kremlin'}) SET a.aliases = ['Moscow', 'Russia']")
    changed = httpx.get(url, params={"query": QUERY}, headers={"If-None-Match": etag}, timeout=30)
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert changed.json()["data"]["actor"]["aliases"] == ["Moscow", "Russia"]


def test_a_mutation_returns_its_bookmark_and_a_client_reads_its_own_write(api: Server, seed: None) -> None:
    mutation = 'mutation { addAlias(actorId: "kremlin", alias: "Red Square") { id } }'
    done = _post(api, mutation, EDITOR)
    bookmark = done.headers["x-actorgraph-bookmark"]
    assert bookmark and done.json()["extensions"]["bookmark"] == bookmark
    read = _post(api, QUERY, {"X-Actorgraph-Bookmark": bookmark})
    assert "Red Square" in read.json()["data"]["actor"]["aliases"]
    assert "x-actorgraph-cache" not in read.headers  # a client waiting for its write is never served from memory


def test_version_reads_start_after_the_request_and_are_shared() -> None:
    reads: list[int] = []

    def read() -> str:
        reads.append(len(reads))
        return f"v{len(reads)}"

    async def scenario() -> list[str]:
        gate = VersionGate(read)
        first = asyncio.ensure_future(gate.current())
        await asyncio.sleep(0)  # the first read is under way
        later = [asyncio.ensure_future(gate.current()) for _ in range(5)]
        return [await first, *[await f for f in later]]

    versions = run_async(scenario())
    assert versions[0] == "v1" and set(versions[1:]) == {"v2"}  # the late ones share one read begun after them
    assert len(reads) == 2
