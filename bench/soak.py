"""``make soak``: 32 reading clients and 4 writers against a served API for 10 minutes, then the books.

``python -m bench.soak [--seconds 600] [--readers 32]``. Writers: two send mutations (new actors,
statements recorded on them against their own source, aliases), two load dossiers that overlap (the
same actors and allegations in several dossiers, the two loaders working through the same files in
opposite orders), so concurrent MERGEs of the same ids really race. Afterwards:

- **unexpected errors**: any 5xx, any INTERNAL_SERVER_ERROR, any error on a read, any mutation error,
  any load failure other than a transient one the loader retried (``Conflict``, a busy server);
- **lost writes**: every acknowledged mutation and every completed load is looked for in the graph;
- ``db check`` on the graph the run left;
- throughput and p95 per 10-second window, in ``bench/results/soak.json`` and a plot ``soak.png``.

Loopback only, bounded in time (``--seconds``) and in count (``--max-requests``), stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from actorgraph.errors import Conflict, Neo4jUnavailable
from actorgraph.ingest import load_paths
from actorgraph.store.check import check
from actorgraph.store.core import Store
from bench.served import ROOT

RESULTS = ROOT / "bench" / "results"
WINDOW_S = 10.0

READS = [
    ("query($id: ID!) { actor(id: $id) { name statements(limit: 20) { quote allegation { summary status } } } }",
     "actor"),
    ("{ allegations(contestedOnly: true, first: 20) { totalCount edges { node { summary affirming { quote } "
     "denying { quote speaker { name } } } } } }", None),
    ('query($id: ID!) { neighborhood(actorId: $id, depth: 2) { nodes { id } edges { type } } }', "actor"),
    ('{ search(text: "drone attack") { score node { id } } }', None),
    ("{ actors(first: 50) { totalCount edges { node { id name kind } } } }", None),
    ("{ statements(stance: DENIES, first: 30) { edges { node { quote speaker { name } } } } }", None),
]  # fmt: skip
SEED_ACTORS = ["kremlin", "freedom-of-russia-legion", "hur", "andriy-yusov", "russian-volunteer-corps", "cia"]


@dataclass
class Books:
    """Everything the clients saw and did; appended to from the event loop and the loader threads."""

    samples: list[tuple[float, float, str, bool]] = field(default_factory=list)  # (t, seconds, kind, ok)
    unexpected: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    retried: Counter[str] = field(default_factory=Counter)
    actors: dict[str, str] = field(default_factory=dict)  # acknowledged createActor: id -> name
    aliases: list[tuple[str, str]] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)
    loads: list[tuple[str, int]] = field(default_factory=list)  # (source id, statements) of completed loads
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self, kind: str, detail: str) -> None:
        with self.lock:
            self.unexpected[kind] += 1
            if len(self.examples) < 20:
                self.examples.append(f"{kind}: {detail[:300]}")


class Budget:
    """The run's bounds: a deadline and a request count; every client stops when either is reached."""

    def __init__(self, seconds: float, max_requests: int) -> None:
        self.began = time.monotonic()
        self.deadline = self.began + seconds
        self.left = max_requests
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            if time.monotonic() >= self.deadline or self.left <= 0:
                return False
            self.left -= 1
            return True


async def _post(client: httpx.AsyncClient, books: Books, kind: str, query: str, variables: dict[str, Any],
                headers: dict[str, str] | None = None) -> dict[str, Any] | None:  # fmt: skip
    began = time.monotonic()
    try:
        response = await client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    except httpx.HTTPError as exc:
        books.error(kind, f"{type(exc).__name__}: {exc}")
        return None
    seconds = time.monotonic() - began
    body: dict[str, Any] | None = None
    ok = response.status_code == 200
    if ok:
        body = response.json()
        ok = not body.get("errors")
    with books.lock:
        books.samples.append((began, seconds, kind, ok))
    if not ok:
        books.error(kind, f"HTTP {response.status_code}: {response.text}")
        return None
    return body


async def reader(n: int, client: httpx.AsyncClient, books: Books, budget: Budget) -> None:
    rng = random.Random(n)
    while budget.take():
        query, var = rng.choice(READS)
        variables = {"id": rng.choice(SEED_ACTORS)} if var else {}
        await _post(client, books, "read", query, variables)
        await asyncio.sleep(0.02)  # a person's pace, not a flood: keeps the run bounded on 2 cores


SOURCE_TEXT = "Soak writer {w}: {claims}"
CREATE = "mutation($i: ActorInput!) { createActor(input: $i) { id } }"
ALIAS = "mutation($id: ID!, $a: String!) { addAlias(actorId: $id, alias: $a) { id } }"
RECORD = "mutation($i: StatementInput!) { recordStatement(input: $i) { id } }"


async def mutation_writer(w: int, client: httpx.AsyncClient, books: Books, budget: Budget, key: str) -> None:
    headers = {"X-API-Key": key}
    n = 0
    while budget.take():
        n += 1
        actor = f"soak-w{w}-a{n}"
        name = f"Soak writer {w} actor {n}"
        new = {"i": {"id": actor, "name": name, "kind": "ORGANIZATION"}}
        body = await _post(client, books, "mutation", CREATE, new, headers)
        if body is None:
            continue
        with books.lock:
            books.actors[actor] = name
        if n % 3 == 0 and await _post(
            client, books, "mutation", ALIAS, {"id": actor, "a": f"SW{w} alias {n}"}, headers
        ):
            with books.lock:
                books.aliases.append((actor, f"SW{w} alias {n}"))
        quote = f"claim {n}"
        source: dict[str, Any] = {"id": f"soak-src-{w}-{n}", "kind": "ARTICLE", "title": f"Soak {w}.{n}",
                                  "text": SOURCE_TEXT.format(w=w, claims=quote)}  # fmt: skip
        statement = {"speaker": "kremlin", "subject": actor, "predicate": "ATTACKED", "object": "cia",
                     "summary": f"{name} attacked", "stance": "AFFIRMS" if n % 2 else "DENIES", "quote": quote,
                     "source": source}  # fmt: skip
        recorded = await _post(client, books, "mutation", RECORD, {"i": statement}, headers)
        if recorded is not None:
            with books.lock:
                books.statements.append(recorded["data"]["recordStatement"]["id"])
        await asyncio.sleep(0.05)


# --- loaders of overlapping dossiers ---------------------------------------------------------------------

DOSSIER = """\
source: {{id: {sid}, kind: ARTICLE, title: "Soak dossier {i}", text: "{text}"}}
actors:
{actors}
allegations:
{allegations}
statements:
{statements}
"""
POOL = [f"soak-group-{k}" for k in range(12)]
#: Statements in each overlapping dossier: what an acknowledged load must leave on its source, whether it
#: wrote them or skipped an unchanged file whose statements an earlier load wrote.
STATEMENTS_PER_DOSSIER = 3


def write_overlapping(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` dossiers over a pool of 12 actors and their allegations: most allegations recur."""
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        actors = rng.sample(POOL, 4)
        claims = []
        allegations = []
        statements = []
        triples: set[tuple[str, str, str]] = set()
        while len(triples) < STATEMENTS_PER_DOSSIER:
            speaker, subject, obj = rng.sample(actors, 3)
            predicate = rng.choice(["ATTACKED", "SUPPORTS", "CRITICIZED", "ALLIED_WITH"])
            if (subject, predicate, obj) in triples:
                continue
            j = len(triples)
            triples.add((subject, predicate, obj))
            quote = f"{speaker} says {subject} {predicate.lower()} {obj} ({i}.{j})"
            claims.append(quote)
            allegations.append(f"  - {{id: a{j}, subject: {subject}, predicate: {predicate}, object: {obj}, "
                               f"summary: '{subject} {predicate} {obj}'}}")  # fmt: skip
            stance = "DENIES" if rng.random() < 0.3 else "AFFIRMS"
            statements.append(f"  - {{speaker: {speaker}, allegation: a{j}, stance: {stance}, quote: '{quote}'}}")
        text = " ".join(claims)
        body = DOSSIER.format(
            sid=f"soak-dossier-{i}", i=i, text=text,
            actors="\n".join(f"  - {{id: {a}, name: 'Group {a[11:]}', kind: ARMED_GROUP}}" for a in actors),
            allegations="\n".join(allegations), statements="\n".join(statements),
        )  # fmt: skip
        path = folder / f"soak-{i:03d}.yaml"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def load_writer(w: int, store: Store, paths: list[Path], books: Books, budget: Budget) -> None:
    """Load the dossiers one by one (in this writer's order) until the budget ends; retry transient failures."""
    order = paths if w % 2 == 0 else list(reversed(paths))
    i = 0
    while True:
        if not budget.take():
            return
        path = order[i % len(order)]
        i += 1
        began = time.monotonic()
        for attempt in range(5):
            try:
                load_paths(store, [path])
            except (Conflict, Neo4jUnavailable) as exc:  # racing MERGEs, a deadlock: the loader retries
                with books.lock:
                    books.retried[type(exc).__name__] += 1
                time.sleep(0.1 * (attempt + 1))
                continue
            except Exception as exc:  # everything else is an unexpected error, counted
                books.error("load", f"{path.name}: {type(exc).__name__}: {exc}")
                break
            with books.lock:
                books.samples.append((began, time.monotonic() - began, "load", True))
                books.loads.append((f"soak-dossier-{int(path.stem[5:])}", STATEMENTS_PER_DOSSIER))
            break
        else:
            books.error("load", f"{path.name}: still failing after 5 attempts")


# --- the books ------------------------------------------------------------------------------------------


def lost_writes(store: Store, books: Books) -> list[str]:
    """Every acknowledged write looked for in the graph; what is missing, one line each."""
    lost: list[str] = []
    found = {r["id"]: r for r in store.query("actors_by_id", ids=sorted(books.actors))}
    for actor, name in books.actors.items():
        if actor not in found or found[actor]["name"] != name:
            lost.append(f"actor {actor}")
    aliases = {r["id"]: r["aliases"] for r in store.driver.execute_query(
        "MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id AS id, a.aliases AS aliases",
        ids=sorted({a for a, _ in books.aliases}), database_=store.settings.neo4j_database).records}  # fmt: skip
    lost += [f"alias {alias!r} of {actor}" for actor, alias in books.aliases if alias not in (aliases.get(actor) or [])]
    present = {r["id"] for r in store.driver.execute_query(
        "MATCH (s:Statement) WHERE s.id IN $ids RETURN s.id AS id", ids=books.statements,
        database_=store.settings.neo4j_database).records}  # fmt: skip
    lost += [f"statement {s}" for s in books.statements if s not in present]
    counts = {r["id"]: r["n"] for r in store.driver.execute_query(
        "MATCH (src:Source)<-[:REPORTED_IN]-(s:Statement) WHERE src.id STARTS WITH 'soak-dossier-' "
        "RETURN src.id AS id, count(s) AS n", database_=store.settings.neo4j_database).records}  # fmt: skip
    lost += [f"load of {sid}" for sid, n in set(books.loads) if counts.get(sid) != n]
    return lost


def windows(books: Books, began: float) -> list[dict[str, Any]]:
    """Requests per second and p95 latency (ms) of each ``WINDOW_S`` window, reads and writes together."""
    out: dict[int, list[float]] = {}
    for t, seconds, _, _ in books.samples:
        out.setdefault(int((t - began) // WINDOW_S), []).append(seconds)
    rows = []
    for k in sorted(out):
        lat = sorted(out[k])
        rows.append({"t": k * WINDOW_S, "requests_per_s": round(len(lat) / WINDOW_S, 1),
                     "p95_ms": round(lat[int(0.95 * (len(lat) - 1))] * 1000, 1)})  # fmt: skip
    return rows


def plot(rows: list[dict[str, Any]], path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4))
    ts = [r["t"] for r in rows]
    ax.plot(ts, [r["requests_per_s"] for r in rows], color="tab:blue", label="requests/s")
    ax.set_xlabel("seconds into the run")
    ax.set_ylabel("requests/s", color="tab:blue")
    ax2 = ax.twinx()
    ax2.plot(ts, [r["p95_ms"] for r in rows], color="tab:red", label="p95 ms")
    ax2.set_ylabel("p95 latency (ms)", color="tab:red")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def run(url: str, key: str, store: Store, *, seconds: float, readers: int = 32, max_requests: int = 400_000,
        dossiers: int = 24) -> dict[str, Any]:  # fmt: skip
    """The soak against a served API at ``url`` whose graph ``store`` reads; returns the summary."""
    books = Books()
    budget = Budget(seconds, max_requests)
    began = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_overlapping(Path(tmp), dossiers)
        loaders = [threading.Thread(target=load_writer, args=(w, store, paths, books, budget)) for w in range(2)]
        for thread in loaders:
            thread.start()

        async def clients() -> None:
            # Idle connections are dropped before the server's keep-alive (uvicorn: 5 s) closes them: otherwise a
            # request sent on a connection the server is closing fails with ReadError (a client-side race).
            limits = httpx.Limits(max_connections=readers + 4, keepalive_expiry=2.0)
            async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
                tasks = [reader(n, client, books, budget) for n in range(readers)]
                tasks += [mutation_writer(w, client, books, budget, key) for w in range(2)]
                await asyncio.gather(*tasks)

        # In a thread of its own: the caller may already run an event loop (pytest with Playwright does).
        client_thread = threading.Thread(target=lambda: asyncio.run(clients()))
        client_thread.start()
        client_thread.join()
        for thread in loaders:
            thread.join()
    elapsed = time.monotonic() - began
    lost = lost_writes(store, books)
    graph = check(store).report
    rows = windows(books, began)
    all_lat = sorted(s for _, s, _, _ in books.samples)
    by_kind = Counter(kind for _, _, kind, _ in books.samples)
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(elapsed, 1),
        "readers": readers,
        "writers": {"mutations": 2, "loads": 2},
        "requests": len(books.samples),
        "requests_by_kind": dict(by_kind),
        "requests_per_s": round(len(books.samples) / elapsed, 1),
        "p95_ms": round(all_lat[int(0.95 * (len(all_lat) - 1))] * 1000, 1) if all_lat else None,
        "unexpected_errors": sum(books.unexpected.values()),
        "unexpected_by_kind": dict(books.unexpected),
        "unexpected_examples": books.examples,
        "transient_retries": dict(books.retried),
        "writes_checked": len(books.actors) + len(books.aliases) + len(books.statements) + len(set(books.loads)),
        "lost_writes": lost,
        "db_check_violations": [str(v) for v in graph.violations],
        "windows": rows,
        "load_average": os.getloadavg(),
    }


def main(argv: list[str] | None = None) -> int:
    from bench.served import served_api

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--readers", type=int, default=32)
    parser.add_argument("--max-requests", type=int, default=400_000)
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTORGRAPH_API_PORT", "8070")))
    args = parser.parse_args(argv)
    with served_api(args.port, RESULTS / "soak-api.log") as api:
        print(f"soak: {args.readers} readers + 4 writers against {api.url} for {args.seconds:.0f}s", flush=True)
        result = run(api.url, api.key, api.store, seconds=args.seconds, readers=args.readers,
                     max_requests=args.max_requests)  # fmt: skip
    (RESULTS / "soak.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    plot(result["windows"], RESULTS / "soak.png",
         f"soak: {args.readers} readers + 4 writers, {result['requests']:,} requests")  # fmt: skip
    print(json.dumps({k: v for k, v in result.items() if k != "windows"}, indent=1))
    ok = not result["unexpected_errors"] and not result["lost_writes"] and not result["db_check_violations"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
