"""The GraphQL-over-HTTP audit of ``graphql-http`` (the spec's reference implementation), run with node
from this folder's pinned package against the real API: no error and no warning.

Issue 11 found 8 warnings (``application/graphql-response+json`` unsupported); ``api/http.py`` fixed them.
``make conformance-deps`` installs the package (``npm ci`` from the committed package-lock.json).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from tests.support.http import Server

HERE = Path(__file__).parent


def _node() -> str:
    node = shutil.which("node")
    if node is None or not (HERE / "node_modules" / "graphql-http").is_dir():
        pytest.fail("the audit needs node and its package: run `make conformance-deps`")
    return node


def test_graphql_http_audit_has_no_error_and_no_warning(api: Server, driver: Driver) -> None:
    result = subprocess.run(
        [_node(), "audit.mjs", f"{api.url}/graphql"], cwd=HERE, capture_output=True, text=True, timeout=300
    )
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert result.returncode == 0 and summary["error"] == summary["warn"] == 0, result.stdout + result.stderr
    assert summary["audits"] >= 60 and summary["ok"] >= 60


def test_request_errors_are_400_without_data_for_modern_clients(api: Server, driver: Driver) -> None:
    modern = {"accept": "application/graphql-response+json, application/json;q=0.9"}
    for query in ("{ actors { ", "{ nosuchfield }", '{ actors(first: "x") { totalCount } }'):
        response = httpx.post(f"{api.url}/graphql", json={"query": query}, headers=modern)
        assert response.status_code == 400, query
        assert response.headers["content-type"].startswith("application/graphql-response+json")
        body = response.json()
        assert "data" not in body and body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        legacy = httpx.post(f"{api.url}/graphql", json={"query": query})
        assert legacy.status_code == 200 and legacy.headers["content-type"] == "application/json"
    # a field that fails during execution keeps `data` and 200 (the request itself was fine)
    missing = httpx.post(
        f"{api.url}/graphql", json={"query": '{ neighborhood(actorId: "nobody") { nodes { id } } }'}, headers=modern
    )
    assert missing.status_code == 200 and missing.json()["data"] is None and missing.json()["errors"][0]["path"]
    ok = httpx.post(f"{api.url}/graphql", json={"query": "{ __typename }"}, headers=modern)
    assert ok.status_code == 200 and ok.json() == {"data": {"__typename": "Query"}, "extensions": {"cypherQueries": 0}}
