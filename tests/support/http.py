"""A real uvicorn server on a free loopback port, and posting GraphQL to it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import uvicorn
from pydantic import SecretStr

from actorgraph.api.app import create_app
from actorgraph.settings import Settings

API_KEY = "test-editor-key"
JWT_SECRET = "test-jwt-secret-with-enough-length-1234"
EDITOR = {"X-API-Key": API_KEY}

GraphQL = Callable[..., dict[str, Any]]


def free_port() -> int:
    """A loopback port nobody listens on (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """uvicorn in a background thread, serving the real app; a context manager."""

    def __init__(self, settings: Settings) -> None:
        self.port = free_port()
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
    """The test settings with an API key, a JWT secret and a small page size (and any overrides)."""
    values: dict[str, Any] = {"api_keys": [API_KEY], "api_jwt_secret": JWT_SECRET, "api_max_page_size": 60,
                              **overrides}  # fmt: skip
    if "api_keys" in values:
        values["api_keys"] = [SecretStr(v) for v in values["api_keys"]]
    if isinstance(values.get("api_jwt_secret"), str):
        values["api_jwt_secret"] = SecretStr(values["api_jwt_secret"])
    return settings.model_copy(update=values)


def post(
    url: str, query: str, variables: dict[str, Any] | None = None, headers: dict[str, str] | None = None
) -> httpx.Response:
    return httpx.post(
        f"{url}/graphql", json={"query": query, "variables": variables or {}}, headers=headers or {}, timeout=60
    )


def graphql_client(url: str) -> GraphQL:
    """POST a GraphQL document to ``url``; the JSON body (asserting HTTP 200) with ``_round_trips`` added."""

    def run(
        query: str, variables: dict[str, Any] | None = None, headers: dict[str, str] | None = None
    ) -> dict[str, Any]:
        response = post(url, query, variables, headers)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        body["_round_trips"] = int(response.headers["X-Actorgraph-Cypher-Queries"])
        return body

    return run
