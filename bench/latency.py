"""Round trips and p50/p95 latency of three representative GraphQL queries, one client at a time.

Why sequential and not a load test: this answers "how long does one analyst's request take and how
many Cypher round trips does it cost", which is what the API design controls (DataLoaders, one
query per level). Throughput under concurrency is ``bench/api.py``'s job.

Run against a server you may write to (it loads ``seed/``, which is idempotent, and never wipes)::

    NEO4J_URI=bolt://127.0.0.1:7702 NEO4J_PASSWORD=... python -m bench.latency --runs 200

The API runs as ``actorgraph serve`` in its own process on a free loopback port, so the client's
time is not the server's; round trips come from the ``X-Actorgraph-Cypher-Queries`` header.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from actorgraph.ingest import load_paths
from actorgraph.settings import get_settings
from actorgraph.store.core import Store

ROOT = Path(__file__).resolve().parents[1]
HEADER = "X-Actorgraph-Cypher-Queries"

QUERIES: dict[str, tuple[str, dict[str, object]]] = {
    "contested_about_legion": (
        """query($actor: ID!) { allegations(subject: $actor, contestedOnly: true, first: 10) { totalCount
          edges { node { summary status
            affirming { quote speaker { name } onBehalfOf { name } source { title url } }
            denying { quote speaker { name } onBehalfOf { name } source { title url } } } } } }""",
        {"actor": "freedom-of-russia-legion"},
    ),
    "allegations_page_deep": (
        """{ allegations(first: 50) { totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { id predicate status subject { name }
            object { ... on Actor { name } ... on Event { name } }
            statements { stance quote speaker { name kind } source { title } } } } } }""",
        {},
    ),
    "neighborhood_kremlin_depth2": (
        """{ neighborhood(actorId: "kremlin", depth: 2) { nodes { id label name kind }
          edges { source target type count statementIds } } }""",
        {},
    ),
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=200, help="timed requests per query (after 20 warm-ups)")
    args = parser.parse_args(argv)
    settings = get_settings()
    with Store.connect(settings) as store:
        load_paths(store, [ROOT / "seed"])
    port = _free_port()
    env = {**os.environ, "ACTORGRAPH_API_PORT": str(port), "ACTORGRAPH_API_HOST": "127.0.0.1"}
    server = subprocess.Popen([sys.executable, "-m", "actorgraph", "serve"], env=env, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(timeout=30) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if client.get(f"{url}/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("the API did not become ready")
                time.sleep(0.2)
            print(f"{'query':30} {'round trips':>11} {'p50 ms':>8} {'p95 ms':>8}  (runs={args.runs})")
            for name, (document, variables) in QUERIES.items():
                body = {"query": document, "variables": variables}
                trips: set[int] = set()
                times: list[float] = []
                for i in range(20 + args.runs):
                    began = time.perf_counter()
                    response = client.post(f"{url}/graphql", json=body)
                    elapsed = time.perf_counter() - began
                    data = response.json()
                    if response.status_code != 200 or "errors" in data:
                        raise SystemExit(f"{name}: {response.status_code} {data}")
                    trips.add(int(response.headers[HEADER]))
                    if i >= 20:
                        times.append(elapsed * 1000)
                trip_text = ",".join(str(t) for t in sorted(trips))
                p50, p95 = statistics.median(times), _percentile(times, 0.95)
                print(f"{name:30} {trip_text:>11} {p50:8.1f} {p95:8.1f}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
