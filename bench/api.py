"""API: actorgraph beside the peer (@neo4j/graphql), same database, same queries, same run, interleaved.

The load generator is ``wrk`` (C, event-driven) driven by a Lua script that rotates request bodies and
reports p50/p95/p99. We chose it over a Python client because on a 2-core machine the client shares the
CPU with the servers and Neo4j: a Python client would spend more CPU per request than the servers and
cap the ceiling at its own speed.

Each query is written for both servers (``QUERIES``); before anything is timed, both answer the same
variables and their answers, normalised to one shape, must be equal (ids in the same order, the same
fields), or the run fails. Then, per query and per concurrency, the servers run one after the other
(rotating who goes first) for ``rounds`` rounds, so machine noise hits all of them alike; the result
is each server's median requests/s and latency, and actorgraph ÷ peer. Servers measured:

- ``actorgraph``: the response cache off (every request executes), the comparison the issue asks for;
- ``actorgraph+cache``: the response cache on (a frontend re-reading what it showed), for the queries
  where a frontend re-reads (actor, page);
- ``peer``: @neo4j/graphql on Apollo Server, one Node process;
- ``before`` (with ``--baseline-src``): actorgraph from another source tree, e.g. the last release.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from actorgraph.store.core import Store
from bench.queries import bench_records
from bench.servers import Variant, peer_missing, serve

ROUND_TRIPS_HEADER = "X-Actorgraph-Cypher-Queries"
SEARCH_WORDS = ("liberation", "front", "ministry", "northern army", "false", "council", "volunteer guard", "fact")
PAGE_SIZE = 50
FAR_PAGE = 100

Json = dict[str, Any]


@dataclass(frozen=True)
class BenchQuery:
    """One question asked of both servers: each one's document, and how to reduce an answer to comparable data."""

    description: str
    actorgraph: str
    peer: str
    normalise_actorgraph: Callable[[Json], Any]
    normalise_peer: Callable[[Json], Any]
    cached_variant: bool = False  # also measured with actorgraph's response cache on


def _statements(items: list[Json]) -> list[Json]:
    out = []
    for s in items:
        speaker = s.get("speaker")
        if isinstance(speaker, list):  # the peer's relationship fields are lists
            speaker = speaker[0] if speaker else None
        out.append({**s, **({"speaker": speaker} if "speaker" in s else {})})
    return out


def _actor(actor: Json | None) -> Any:
    return None if actor is None else {**actor, "statements": _statements(actor["statements"])}


def _page(conn: Json) -> Any:
    nodes = [e["node"] for e in conn["edges"]]
    return {"total": conn["totalCount"], "nodes": [{**n, "statements": _statements(n["statements"])} for n in nodes]}


def _hits(hits: list[Json]) -> Any:
    return [(h["__typename"], h["id"]) for h in hits]


STATEMENT_ORDER = "sort: [{stated_on: ASC}, {id: ASC}]"
PAGE_NODE = "id summary status statements(limit: 50{order}) {{ id stance speaker {{ id name }} }}"
QUERIES: dict[str, BenchQuery] = {
    "ceiling": BenchQuery(
        "(a) `{ __typename }`: no database, the ceiling",
        "query Ceiling { __typename }",
        "query Ceiling { __typename }",
        lambda d: d,
        lambda d: d,
    ),
    "actor": BenchQuery(
        "(b) actor by id with 20 of its statements",
        "query Actor($id: ID!) { actor(id: $id) { id name kind statements(limit: 20) { id stance quote } } }",
        "query Actor($id: ID!) { actors(where: {id: {eq: $id}}) { id name kind"
        f" statements(limit: 20, {STATEMENT_ORDER}) {{ id stance quote }} }} }}",
        lambda d: _actor(d["actor"]),
        lambda d: _actor(d["actors"][0] if d["actors"] else None),
        cached_variant=True,
    ),
    "page": BenchQuery(
        "(c) first page of 50 allegations with statements and speakers",
        "query Page { allegations(first: 50) { totalCount edges { node { " + PAGE_NODE.format(order="") + " } } } }",
        "query Page { allegationsConnection(first: 50, sort: [{id: ASC}]) { totalCount edges { node { "
        + PAGE_NODE.format(order=", " + STATEMENT_ORDER)
        + " } } } }",
        lambda d: _page(d["allegations"]),
        lambda d: _page(d["allegationsConnection"]),
        cached_variant=True,
    ),
    "far_page": BenchQuery(
        "(c') a far page of 50 allegations (page 100, or the last one)",
        "query Far($after: String) { allegations(first: 50, after: $after) { totalCount edges { node { "
        + PAGE_NODE.format(order="")
        + " } } } }",
        "query Far($after: String) { allegationsConnection(first: 50, after: $after, sort: [{id: ASC}]) "
        "{ totalCount edges { node { " + PAGE_NODE.format(order=", " + STATEMENT_ORDER) + " } } } }",
        lambda d: _page(d["allegations"]),
        lambda d: _page(d["allegationsConnection"]),
    ),
    "search": BenchQuery(
        "(d) full-text search, 20 hits",
        "query Search($text: String!) { search(text: $text, limit: 20)"
        " { node { __typename ... on Actor { id name } ... on Statement { id quote } ... on Event { id name } } } }",
        "query Search($text: String!) { search(phrase: $text, limit: 20)"
        " { __typename ... on Actor { id name } ... on Statement { id quote } ... on Event { id name } } }",
        lambda d: _hits([h["node"] for h in d["search"]]),
        lambda d: _hits(d["search"]),
    ),
}


def lucene(text: str) -> str:
    """What actorgraph sends to the full-text index for ``text`` (every word must match), for the peer."""
    special = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
    return " AND ".join(special.sub(r"\\\1", w) for w in text.split())


def post(url: str, query: str, variables: Json | None = None) -> httpx.Response:
    resp = httpx.post(url, json={"query": query, "variables": variables or {}}, timeout=CHECK_TIMEOUT_S)
    resp.raise_for_status()
    body = resp.json()
    if body.get("errors"):
        raise RuntimeError(f"{url}: query failed: {body['errors'][0].get('message')}")
    return resp


def _relay_cursor(offset: int) -> str:
    return base64.b64encode(f"arrayconnection:{offset}".encode()).decode()


def _far_cursors(ag_url: str, peer_url: str | None) -> tuple[int, str | None, str | None]:
    """The page number measured as 'far' (100, or the last one) and each server's cursor for it."""
    walk = "query($after: String) { allegations(first: 50, after: $after) { pageInfo { hasNextPage endCursor } } }"
    after: str | None = None
    cursors: list[str | None] = [None]
    while len(cursors) < FAR_PAGE:
        info = post(ag_url, walk, {"after": after}).json()["data"]["allegations"]["pageInfo"]
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
        cursors.append(after)
    page = len(cursors)
    peer_cursor = None
    if peer_url is not None and page > 1:
        # The library's cursors are graphql-relay offsets ("arrayconnection:<index>"): the one of the last
        # item before the far page. Checked against the cursor it gives for the first page.
        first = "{ allegationsConnection(first: 50, sort: [{id: ASC}]) { pageInfo { endCursor } } }"
        given = post(peer_url, first).json()["data"]["allegationsConnection"]["pageInfo"]["endCursor"]
        if given != _relay_cursor(PAGE_SIZE - 1):
            raise RuntimeError(f"the peer's cursors are not graphql-relay offsets: {given!r}")
        peer_cursor = _relay_cursor((page - 1) * PAGE_SIZE - 1)
    return page, cursors[-1], peer_cursor


def variables(name: str, actor_ids: list[str], far: tuple[int, str | None, str | None]) -> dict[str, list[Json]]:
    """Per server kind, the rotating variables of query ``name`` (ids and words rotate: no flattering caches)."""
    if name == "actor":
        rows = [{"id": i} for i in actor_ids]
        return {"actorgraph": rows, "peer": rows}
    if name == "search":
        return {"actorgraph": [{"text": w} for w in SEARCH_WORDS], "peer": [{"text": lucene(w)} for w in SEARCH_WORDS]}
    if name == "far_page":  # the code before keyset cursors used positions: base64("cursor:<index>")
        position = base64.urlsafe_b64encode(f"cursor:{(far[0] - 1) * PAGE_SIZE - 1}".encode()).decode()
        return {"actorgraph": [{"after": far[1]}], "peer": [{"after": far[2]}], "before": [{"after": position}]}
    return {"actorgraph": [{}], "peer": [{}]}


def _server_variables(var: dict[str, list[Json]], server: str, kind: str) -> list[Json]:
    return var.get(server) or var["peer" if kind == "peer" else "actorgraph"]


#: Longest a single answer may take in the data check (a server slower than this is reported, not measured).
CHECK_TIMEOUT_S = 60.0


def check_same_data(name: str, urls: dict[str, str], var: dict[str, list[Json]]) -> tuple[int, str]:
    """Both servers answer the same data for every variable set (else raise).

    Returns actorgraph's round trips and the check's verdict: "same", "no peer", or why the peer could
    not be checked (it did not answer within CHECK_TIMEOUT_S: then it is not measured on this query).
    """
    q = QUERIES[name]
    trips = 0
    for ag_vars, peer_vars in zip(var["actorgraph"], var["peer"], strict=True):
        ag = post(urls["actorgraph"], q.actorgraph, ag_vars)
        trips = int(ag.headers.get(ROUND_TRIPS_HEADER, "-1"))
        if "peer" in urls:
            mine = q.normalise_actorgraph(ag.json()["data"])
            try:
                theirs = q.normalise_peer(post(urls["peer"], q.peer, peer_vars).json()["data"])
            except httpx.TimeoutException:
                return trips, f"peer: no answer within {CHECK_TIMEOUT_S:.0f} s"
            except RuntimeError as exc:  # the peer answered with an error (e.g. Neo4j's memory limit)
                return trips, f"peer: {str(exc).split('query failed: ')[-1][:160]}"
            if mine != theirs:
                raise RuntimeError(f"{name}: actorgraph and the peer disagree for {ag_vars}:\n{mine!r:.600}\n"
                                   f"{theirs!r:.600}")  # fmt: skip
    return trips, "same" if "peer" in urls else "no peer"


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


def run_wrk(url: str, bodies: list[str], connections: int, seconds: float) -> dict[str, Any]:
    """One wrk run against a loopback URL, bounded in time; latencies in milliseconds."""
    wrk = shutil.which("wrk")
    assert wrk is not None
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA.replace("BODIES", ", ".join("[==[" + b + "]==]" for b in bodies)))
        script = f.name
    try:
        threads = 1 if connections == 1 else 2
        cmd = [wrk, f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "10s",
               "-s", script, url]  # fmt: skip
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
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


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median throughput (its latencies belong to it), with every round's req/s kept."""
    ordered = sorted(runs, key=lambda r: r["requests_per_s"])
    median = dict(ordered[(len(ordered) - 1) // 2])
    median["rounds_requests_per_s"] = [r["requests_per_s"] for r in runs]
    median["requests_per_s"] = statistics.median(r["requests_per_s"] for r in runs)
    return median


def _rotations(names: list[str], rounds: int) -> Iterator[list[str]]:
    for i in range(rounds):
        shift = i % len(names)
        yield names[shift:] + names[:shift]


def run(
    store: Store,
    seconds: float,
    *,
    concurrency: tuple[int, ...] = (1, 8, 32),
    rounds: int = 1,
    workers: int = 1,
    baseline: Path | None = None,
    only: tuple[str, ...] = tuple(QUERIES),
) -> dict[str, Any]:
    """Every query at every concurrency on every server, interleaved; ratios of actorgraph to the peer."""
    if shutil.which("wrk") is None:
        return {"status": "skipped: wrk is not installed (make bench-deps)"}
    settings = store.settings
    actor_ids = [r["id"] for r in bench_records(store, "busiest_actors")]
    variants = [Variant("actorgraph", "actorgraph", {"ACTORGRAPH_API_RESPONSE_CACHE": "false"}, workers)]
    variants.append(Variant("actorgraph+cache", "actorgraph", {"ACTORGRAPH_API_RESPONSE_CACHE": "true"}, workers))
    missing = peer_missing()
    if missing is None:
        variants.append(Variant("peer", "peer"))
    if baseline is not None:
        variants.append(Variant("before", "actorgraph", {}, workers, baseline))
    results: dict[str, Any] = {
        "status": "ok",
        "servers": {v.name: {"kind": v.kind, "workers": v.workers, "env": v.env} for v in variants},
        "peer": "@neo4j/graphql 7.6.3 on @apollo/server 5.5.1, one Node process" if missing is None else missing,
        "seconds_per_run": seconds,
        "rounds": rounds,
        "queries": {},
    }
    with ExitStack() as stack:
        urls = {v.name: stack.enter_context(serve(v, settings)) for v in variants}
        kinds = {v.name: v.kind for v in variants}
        pair = {"actorgraph": urls["actorgraph"], **({"peer": urls["peer"]} if "peer" in urls else {})}
        far = _far_cursors(urls["actorgraph"], urls.get("peer"))
        results["far_page"] = far[0]
        for name in only:
            try:
                results["queries"][name] = _measure(name, urls, kinds, pair, actor_ids, far, concurrency, rounds,
                                                    seconds)  # fmt: skip
            except Exception as exc:  # a failing query is recorded; the others are still measured
                results["queries"][name] = {"description": QUERIES[name].description, "cypher_round_trips": None,
                                            "same_data": f"failed: {exc}"[:300], "runs": {}}  # fmt: skip
    _ratios(results)
    return results


def _measure(
    name: str, urls: dict[str, str], kinds: dict[str, str], pair: dict[str, str], actor_ids: list[str],
    far: tuple[int, str | None, str | None], concurrency: tuple[int, ...], rounds: int, seconds: float,
) -> dict[str, Any]:  # fmt: skip
    """One query: the same-data check, then every server at every concurrency, interleaved."""
    q = QUERIES[name]
    var = variables(name, actor_ids, far)
    trips, checked = check_same_data(name, pair, var)
    measured = [n for n in urls if q.cached_variant or n != "actorgraph+cache"]
    if checked.startswith("peer:"):
        measured.remove("peer")
    bodies = {
        n: [json.dumps({"query": q.peer if kinds[n] == "peer" else q.actorgraph, "variables": v})
            for v in _server_variables(var, n, kinds[n])]
        for n in measured
    }  # fmt: skip
    for n in measured:  # warm up (JIT, plan caches, page cache, response cache); errors fail the run
        for b in bodies[n][:8]:
            answer = httpx.post(urls[n], content=b, headers={"Content-Type": "application/json"},
                                timeout=CHECK_TIMEOUT_S)  # fmt: skip
            if answer.status_code != 200 or "errors" in answer.json():
                raise RuntimeError(f"{n} failed {name}: {answer.text[:300]}")
    entry: dict[str, Any] = {"description": q.description, "cypher_round_trips": trips,
                             "same_data": checked, "runs": {}}  # fmt: skip
    for c in concurrency:
        per: dict[str, list[dict[str, Any]]] = {n: [] for n in measured}
        for order in _rotations(measured, rounds):
            for n in order:
                per[n].append(run_wrk(urls[n], bodies[n], c, seconds))
        entry["runs"][str(c)] = {n: _median_run(rs) for n, rs in per.items()}
    return entry


def _ratios(results: dict[str, Any]) -> None:
    """actorgraph (and its cached variant, and the baseline) divided by the peer, per query and concurrency."""
    for entry in results["queries"].values():
        for runs in entry["runs"].values():
            peer = runs.get("peer")
            for name, r in runs.items():
                if name != "peer" and peer and peer["requests_per_s"]:
                    r["vs_peer"] = r["requests_per_s"] / peer["requests_per_s"]


__all__ = ["QUERIES", "check_same_data", "lucene", "run", "run_wrk"]
