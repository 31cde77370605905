"""Driving the explorer: GraphQL posts as the explorer makes them, and browser pages with an editor key."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.support.http import EDITOR, Server


def graphql(api: Server, query: str, variables: dict[str, Any] | None = None, editor: bool = False) -> dict[str, Any]:
    """POST a document to the running API (as an editor with ``editor``); the JSON body, HTTP 200 asserted."""
    response = httpx.post(
        f"{api.url}/graphql",
        json={"query": query, "variables": variables or {}},
        headers=EDITOR if editor else {},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def new_page(chromium: Any, width: int = 1280, height: int = 800, key: str | None = None) -> Any:
    """A page in a fresh context; with ``key``, the editor key is already entered (as a user would)."""
    context = chromium.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(15_000)
    if key is not None:
        stored = json.dumps(json.dumps({"kind": "key", "value": key}))
        context.add_init_script(f"sessionStorage.setItem('actorgraph.credential', {stored})")
    return context.new_page()
