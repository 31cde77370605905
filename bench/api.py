"""API: requests/s and latency percentiles of four GraphQL queries at 1, 8 and 32 concurrent clients.

The load generator is ``wrk`` (C, event-driven, one thread per core) driven by a Lua script that
rotates request bodies and reports p50/p95/p99. We chose it over a Python asyncio client because on
a 2-core machine the client shares the CPU with the server and Neo4j: a Python client would spend
more CPU per request than the server and cap the ceiling at its own speed, not ours. The server is
the real ``actorgraph.api.app:create_app`` under uvicorn in its own process, one worker (two cores
are shared with Neo4j and wrk; a second worker only adds contention). Cypher round trips per request
are read once per query from the ``X-Actorgraph-Cypher-Queries`` header the API sets.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from actorgraph.settings import Settings
from actorgraph.store.core import Store
from bench.queries import bench_records

CONCURRENCY = (1, 8, 32)
ROUND_TRIPS_HEADER = "X-Actorgraph-Cypher-Queries"

QUERIES: dict[str, str] = {
    "ceiling": "query Ceiling { __typename }",
    "actor": "query Actor($id: ID!) { actor(id: $id) { id name kind statements(limit: 20) { id stance quote } } }",
    "allegations_page": (
        "query Page { allegations(first: 50) { totalCount edges { node { id summary status"
        " statements(limit: 50) { id stance speaker { id name } } } } } }"
    ),
    "search": (
        "query Search($text: String!) { search(text: $text, limit: 20)"
        " { score node { __typename ... on Actor { id name } ... on Statement { id quote } } } }"
    ),
}
DESCRIPTIONS = {
    "ceiling": "(a) `{ __typename }`: no database, the ceiling",
    "actor": "(b) actor by id with its statements",
    "allegations_page": "(c) page of 50 allegations with statements and speakers",
    "search": "(d) full-text search",
}
_SEARCH_WORDS = ("liberation", "front", "ministry", "northern army", "false", "council", "volunteer guard", "fact")

LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
bodies = { BODIES }
counter = 0
request = function()
  counter = counter % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[counter])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout + e.status, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.mean))
end
"""
_RESULT = re.compile(r"^RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$", re.M)


def bodies(name: str, actor_ids: list[str]) -> list[str]:
    """Request bodies for one query; ids and search words rotate so caches do not flatter us."""
    text = QUERIES[name]
    if name == "actor":
        return [json.dumps({"query": text, "variables": {"id": i}}) for i in actor_ids]
    if name == "search":
        return [json.dumps({"query": text, "variables": {"text": w}}) for w in _SEARCH_WORDS]
    return [json.dumps({"query": text})]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(settings: Settings) -> Iterator[str]:
    """The real API under uvicorn in its own process on a free loopback port; yields its /graphql URL."""
    port = _free_port()
    env = {**os.environ, "NEO4J_URI": settings.neo4j_uri, "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}
    cmd = [
        sys.executable, "-m", "uvicorn", "actorgraph.api.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--workers", "1", "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise RuntimeError(f"the API did not start: {err.strip()[-500:]}")
            time.sleep(0.2)
        yield f"{base}/graphql"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def round_trips(url: str, body: str) -> int:
    """Send one request; fail loudly on GraphQL errors; return its Cypher round trips."""
    resp = httpx.post(url, content=body, headers={"Content-Type": "application/json"}, timeout=30)
    resp.raise_for_status()
    data = resp.json()
    if data.get("errors"):
        raise RuntimeError(f"query failed: {data['errors'][0].get('message')}")
    return int(resp.headers.get(ROUND_TRIPS_HEADER, "-1"))


def _lua_string(text: str) -> str:
    return "[==[" + text + "]==]"


def run_wrk(url: str, body_list: list[str], connections: int, seconds: float) -> dict[str, Any]:
    """One wrk run; latencies in milliseconds."""
    wrk = shutil.which("wrk")
    assert wrk is not None
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA.replace("BODIES", ", ".join(_lua_string(b) for b in body_list)))
        script = f.name
    try:
        threads = 1 if connections == 1 else 2
        out = subprocess.run(
            [
                wrk,
                f"-t{threads}",
                f"-c{connections}",
                f"-d{max(1, round(seconds))}s",
                "--timeout",
                "10s",
                "-s",
                script,
                url,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=True,
        ).stdout
    finally:
        Path(script).unlink()
    m = _RESULT.search(out)
    if m is None:
        raise RuntimeError(f"wrk printed no result: {out[-300:]}")
    requests, duration_us, errors, p50, p95, p99, mean = (int(x) for x in m.groups())

    def ms(us: int) -> float | None:  # no completed request, no latency (not 0 ms)
        return us / 1000 if requests else None

    return {
        "connections": connections,
        "requests": requests,
        "errors": errors,
        "requests_per_s": requests / (duration_us / 1e6),
        "p50_ms": ms(p50),
        "p95_ms": ms(p95),
        "p99_ms": ms(p99),
        "mean_ms": ms(mean),
    }


def run(store: Store, seconds: float) -> dict[str, Any]:
    """Every query at every concurrency against the graph already loaded; ratios to the ceiling."""
    if shutil.which("wrk") is None:
        return {"status": "skipped: wrk is not installed (apt-get install wrk)"}
    try:
        import actorgraph.api.app  # noqa: F401
    except ImportError as exc:
        return {"status": f"skipped: the API is not importable ({exc})"}
    settings = store.settings
    top = bench_records(store, "busiest_actors")
    actor_ids = [r["id"] for r in top]
    results: dict[str, Any] = {"status": "ok", "server": "uvicorn, 1 worker", "seconds_per_run": seconds, "queries": {}}
    with serve(settings) as url:
        for name in QUERIES:
            body_list = bodies(name, actor_ids)
            trips = round_trips(url, body_list[0])
            for b in body_list[:3]:  # warm up the JIT and page cache
                round_trips(url, b)
            runs = [run_wrk(url, body_list, c, seconds) for c in CONCURRENCY]
            results["queries"][name] = {"description": DESCRIPTIONS[name], "cypher_round_trips": trips, "runs": runs}
    ceiling = {r["connections"]: r["requests_per_s"] for r in results["queries"]["ceiling"]["runs"]}
    for q in results["queries"].values():
        for r in q["runs"]:
            r["ratio_to_ceiling"] = r["requests_per_s"] / ceiling[r["connections"]]
    return results
