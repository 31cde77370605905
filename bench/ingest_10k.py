"""10,000 statements: the batched loader against one transaction per statement, in the same run.

The measurement behind the loader's design note. One invented dossier (200 actors, 20 events,
up to 2,000 allegations, 10,000 statements with offsets) is checked once, then written two ways
into an emptied graph:

- batched: ``load_prepared`` — one transaction, one ``UNWIND $rows MERGE`` per label (chunks of
  5,000), then derived statuses and projections once;
- one transaction per statement: the same write queries with one-row batches, and the same refresh
  of that statement's allegation, as a client recording statements one at a time would do.

Both end with the same graph (checked). It WIPES the database it points at, so it asks for
``--wipe`` and prints the URI: ``python -m bench.ingest_10k --wipe [--statements N]``.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from neo4j import Driver, ManagedTransaction

from actorgraph.ingest.load import load_prepared
from actorgraph.ingest.read import read_dossier
from actorgraph.model.vocabulary import ObjectType, Predicate
from actorgraph.settings import Settings, get_settings
from actorgraph.store import projections
from actorgraph.store.driver import open_driver
from actorgraph.store.schema import init_schema, wipe
from actorgraph.store.writer import dossier_rows, run_write

ACTORS = 200
EVENTS = 20
ALLEGATIONS = 2000


def generate(statements: int, seed: int = 7) -> dict[str, Any]:
    """A dossier as plain data: every quote is its own sentence of the source text, with offsets."""
    rng = random.Random(seed)
    predicates = [p for p in Predicate if p not in (Predicate.PART_OF, Predicate.SPEAKS_FOR, Predicate.LEADS)]
    actors = [{"id": f"actor-{i}", "name": f"Actor {i}", "kind": "ORGANIZATION"} for i in range(ACTORS)]
    events = [{"id": f"event-{i}", "name": f"Event {i}", "kind": "ATTACK"} for i in range(EVENTS)]
    wanted = max(1, min(ALLEGATIONS, statements // 5))
    allegations: list[dict[str, str]] = []
    triples: set[tuple[int, str, int]] = set()
    while len(allegations) < wanted:
        pred = rng.choice(predicates)
        s = rng.randrange(ACTORS)
        to_event = pred.info.object_type is ObjectType.EVENT
        o = rng.randrange(EVENTS if to_event else ACTORS)
        if (s, pred.value, o) in triples or (not to_event and o == s):
            continue
        triples.add((s, pred.value, o))
        allegations.append({"id": f"a-{len(allegations)}", "subject": f"actor-{s}", "predicate": pred.value,
                            "object": f"{'event' if to_event else 'actor'}-{o}", "summary": "generated"})  # fmt: skip
    parts: list[str] = []
    rows = []
    pos = 0
    for i in range(statements):
        alleg = allegations[i % wanted]
        speaker = alleg["subject"] if rng.random() < 0.2 else f"actor-{rng.randrange(ACTORS)}"
        quote = f"Statement number {i} by {speaker}."
        parts.append(quote)
        rows.append({"speaker": speaker, "allegation": alleg["id"], "stance": rng.choice(["AFFIRMS", "DENIES"]),
                     "quote": quote, "start": pos, "end": pos + len(quote),
                     "stated_on": f"2030-{1 + i % 12:02d}-{1 + i % 28:02d}"})  # fmt: skip
        pos += len(quote) + 1
    source = {"id": "bench-source", "kind": "REPORT", "title": "Generated", "text": " ".join(parts)}
    return {"source": source, "actors": actors, "events": events, "allegations": allegations, "statements": rows}


def _graph_counts(driver: Driver, settings: Settings) -> dict[str, int]:
    nodes = driver.execute_query(
        "MATCH (n) RETURN labels(n)[0] AS k, count(*) AS n", database_=settings.neo4j_database
    ).records
    rels = driver.execute_query(
        "MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n", database_=settings.neo4j_database
    ).records
    return {r["k"]: r["n"] for r in [*nodes, *rels]}


def one_per_statement(driver: Driver, settings: Settings, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Each statement in its own transaction: its actors, allegation and itself, then the refresh."""
    actors = {r["id"]: r for r in rows["Actor"]}
    allegations = {r["id"]: r for r in rows["Allegation"]}

    def base(tx: ManagedTransaction) -> None:
        run_write(tx, "Source", rows["Source"])
        run_write(tx, "Event", rows["Event"])
        run_write(tx, "Actor", rows["Actor"])

    def one(tx: ManagedTransaction, st: dict[str, Any]) -> None:
        alleg = allegations[st["allegation"]]
        needed = {st["speaker"], alleg["subject"], alleg["object"]}
        run_write(tx, "Actor", [actors[i] for i in sorted(needed) if i in actors])
        run_write(tx, "Allegation", [alleg])
        run_write(tx, "Statement", [st])
        projections.refresh(tx, [alleg["id"]], check_removed=False)

    began = time.perf_counter()
    with driver.session(database=settings.neo4j_database) as session:
        session.execute_write(base)
        for i, st in enumerate(rows["Statement"], start=1):
            session.execute_write(one, st)
            if i % 1000 == 0:
                print(f"  one per statement: {i} after {time.perf_counter() - began:.1f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--wipe", action="store_true", help="confirm: the target database is emptied")
    args = parser.parse_args()
    settings = get_settings()
    if not args.wipe:
        raise SystemExit(f"this empties {settings.neo4j_uri}: run again with --wipe")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yaml"
        path.write_text(yaml.safe_dump(generate(args.statements), sort_keys=False), encoding="utf-8")
        t0 = time.perf_counter()
        prepared = read_dossier(path)
        read_s = time.perf_counter() - t0
    driver = open_driver(settings)
    try:
        init_schema(driver, settings)
        wipe(driver, settings)
        t0 = time.perf_counter()
        load_prepared(driver, settings, [prepared])
        batched_s = time.perf_counter() - t0
        print(f"  batched: {batched_s:.2f} s", flush=True)
        batched_graph = _graph_counts(driver, settings)
        wipe(driver, settings)
        rows = dossier_rows(prepared, {a.id: a.id for a in prepared.dossier.actors})
        t0 = time.perf_counter()
        one_per_statement(driver, settings, rows)
        naive_s = time.perf_counter() - t0
        naive_graph = _graph_counts(driver, settings)
        wipe(driver, settings)
    finally:
        driver.close()
    n = len(prepared.statements)
    print(f"{n} statements, target {settings.neo4j_uri}")
    print(f"read + validate: {read_s:.2f} s")
    print(f"batched (one transaction, UNWIND per label): {batched_s:.2f} s  ({n / batched_s:,.0f} statements/s)")
    print(f"one transaction per statement:               {naive_s:.2f} s  ({n / naive_s:,.0f} statements/s)")
    print(f"speed-up: {naive_s / batched_s:.1f}x; same graph: {batched_graph == naive_graph}")
    if batched_graph != naive_graph:
        print(f"batched {batched_graph}\nper-statement {naive_graph}")


if __name__ == "__main__":
    main()
