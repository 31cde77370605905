"""A real uvicorn server on a free loopback port, talking to the real test Neo4j."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from neo4j import Driver

from actorgraph.api.app import create_app
from actorgraph.ingest import load_paths
from actorgraph.settings import Settings
from tests.helpers import ROOT

API_KEY = "test-editor-key"
JWT_SECRET = "test-jwt-secret-with-enough-length-1234"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """uvicorn in a background thread; stopped at the end of the session."""

    def __init__(self, settings: Settings) -> None:
        self.port = _free_port()
        config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the API server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def api_settings(settings: Settings, **overrides: Any) -> Settings:
    values = {
        "api_keys": [API_KEY],
        "api_jwt_secret": JWT_SECRET,
        "api_max_page_size": 60,
        **overrides,
    }
    return settings.model_copy(update={k: _secret(k, v) for k, v in values.items()})


def _secret(key: str, value: Any) -> Any:
    from pydantic import SecretStr

    if key == "api_keys":
        return [SecretStr(v) for v in value]
    if key == "api_jwt_secret":
        return SecretStr(value)
    return value


@pytest.fixture(scope="session")
def api(settings: Settings, driver: Driver) -> Iterator[Server]:
    with Server(api_settings(settings)) as server:
        yield server


GraphQL = Callable[..., dict[str, Any]]


def post(
    url: str, query: str, variables: dict[str, Any] | None = None, headers: dict[str, str] | None = None
) -> httpx.Response:
    return httpx.post(
        f"{url}/graphql", json={"query": query, "variables": variables or {}}, headers=headers or {}, timeout=30
    )


@pytest.fixture
def gql(api: Server) -> GraphQL:
    """POST a GraphQL document; returns the JSON body (asserting HTTP 200)."""

    def run(
        query: str, variables: dict[str, Any] | None = None, headers: dict[str, str] | None = None
    ) -> dict[str, Any]:
        response = post(api.url, query, variables, headers)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        body["_round_trips"] = int(response.headers["X-Actorgraph-Cypher-Queries"])
        return body

    return run


EDITOR = {"X-API-Key": API_KEY}


@pytest.fixture
def seed(driver: Driver, settings: Settings) -> None:
    load_paths(driver, settings, [ROOT / "seed"])
