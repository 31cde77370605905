"""Ingest: our loader against the naive way (one transaction per statement) and the limit (plain CREATE).

All three write the same precomputed data. The loader is timed in two parts: reading (YAML parsing
and validation, measured on the generated files) and writing (``store.loader.load`` on checked dossiers:
MERGE, derived statuses and relationships, one transaction per dossier). The naive way and the limit
only write, so the write rate is the fair comparison; the end-to-end rate combines both parts.
The naive way (and, at large scales, the loader) runs for a time budget and its rate is measured on
the prefix it loaded: recorded as ``sampled`` with ``measured_statements``. A prefix loads into a
smaller graph than the whole, so a sampled rate is an upper bound for the full load.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, LiteralString

from actorgraph.ingest import PreparedDossier, PreparedStatement, read_dossiers
from actorgraph.model import Dossier
from actorgraph.model.rows import dossier_rows
from actorgraph.model.vocabulary import ObjectType, Predicate
from actorgraph.store import derived
from actorgraph.store.core import Store, Tx
from actorgraph.store.loader import load
from actorgraph.store.schema import init_schema, wipe
from bench.generate import generate, write_dossiers
from bench.queries import bench_query

LIMIT_BATCH = 10_000
#: Files parsed to measure the reader's rate when the corpus is too big to parse in the time budget.
PARSE_SAMPLE = 60
#: Dossiers per ``load`` call when the loader runs against a time budget.
LOADER_CHUNK = 4


def prepare(dossiers: Sequence[Dossier]) -> list[PreparedDossier]:
    """Checked dossiers as the reader would produce them, without parsing YAML (offsets are given)."""
    out = []
    for i, d in enumerate(dossiers):
        text = d.source.text or ""
        statements = []
        for s in d.statements:
            assert s.start is not None and s.end is not None and text[s.start : s.end] == s.quote
            statements.append(
                PreparedStatement(
                    id=s.id, speaker=s.speaker, allegation=s.allegation, stance=s.stance.value, quote=s.quote,
                    start=s.start, end=s.end, stated_on=s.stated_on, medium=s.medium, on_behalf_of=s.on_behalf_of,
                    confidence=s.confidence, note=s.note,
                )
            )  # fmt: skip
        out.append(
            PreparedDossier(
                path=Path(f"synthetic/{i:06d}.yaml"),
                dossier=d,
                source_text=text,
                source_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                statements=statements,
            )
        )
    return out


def statement_count(prepared: Sequence[PreparedDossier]) -> int:
    return sum(len(p.statements) for p in prepared)


def reset(store: Store) -> None:
    """An empty database with the schema (constraints give the id lookups every variant relies on)."""
    wipe(store)
    init_schema(store)


def measure_parse(paths: Sequence[Path], budget_files: int = PARSE_SAMPLE) -> dict[str, Any]:
    """The reader's rate (YAML -> validated dossiers) on the first ``budget_files`` files."""
    sample = list(paths[:budget_files])
    began = time.perf_counter()
    prepared = read_dossiers(sample)
    seconds = time.perf_counter() - began
    n = statement_count(prepared)
    return {"files": len(sample), "statements": n, "seconds": seconds, "statements_per_s": n / seconds}


def measure_loader(store: Store, prepared: Sequence[PreparedDossier], budget_s: float) -> dict[str, Any]:
    """First load into an empty db (dossiers in order, for at most ``budget_s``), then the same again.

    The reload must change nothing (idempotence); its time is the cost of re-running a load.
    """
    reset(store)
    loaded: list[PreparedDossier] = []
    first_seconds = 0.0
    while len(loaded) < len(prepared) and first_seconds < budget_s:
        chunk = prepared[len(loaded) : len(loaded) + LOADER_CHUNK]
        first_seconds += load(store, chunk).seconds
        loaded += chunk
    again = load(store, loaded)
    n = statement_count(loaded)
    return {
        "statements": statement_count(prepared),
        "measured_statements": n,
        "sampled": len(loaded) < len(prepared),
        "first_seconds": first_seconds,
        "first_statements_per_s": n / first_seconds,
        "reload_seconds": again.seconds,
        "reload_statements_per_s": n / again.seconds,
        "reload_changed_anything": again.changed,
    }


def _naive_params(
    rows: dict[str, list[dict[str, Any]]], events: set[str]
) -> list[tuple[LiteralString, dict[str, Any]]]:
    actors = {r["id"]: r for r in rows["Actor"]}
    allegations = {r["id"]: r for r in rows["Allegation"]}
    source = rows["Source"][0]
    event_rows = {r["id"]: r for r in rows["Event"]}
    out: list[tuple[LiteralString, dict[str, Any]]] = []
    for s in rows["Statement"]:
        alleg = allegations[s["allegation"]]
        is_event = alleg["object"] in events
        obj = event_rows[alleg["object"]] if is_event else actors[alleg["object"]]
        params = {
            "speaker": {"id": s["speaker"], "props": actors[s["speaker"]]["props"]},
            "subject": {"id": alleg["subject"], "props": actors[alleg["subject"]]["props"]},
            "object": {"id": obj["id"], "props": obj["props"]},
            "source": source,
            "allegation": {"id": alleg["id"], "props": alleg["props"]},
            "statement": {"id": s["id"], "props": s["props"]},
        }
        out.append(("naive_statement_event" if is_event else "naive_statement_actor", params))
    return out


def measure_naive(store: Store, prepared: Sequence[PreparedDossier], budget_s: float) -> dict[str, Any]:
    """One transaction per statement through the driver, for at most ``budget_s`` seconds."""
    reset(store)
    work: list[tuple[LiteralString, dict[str, Any]]] = []
    for p in prepared:
        events = {e.id for e in p.dossier.events}
        work += _naive_params(dossier_rows(p, {}), events)

    def one(tx: Tx, name: str, params: dict[str, Any]) -> None:
        tx.run_text(bench_query(name), **params).consume()

    done = 0
    began = time.perf_counter()
    for name, params in work:
        store.write(one, name, params)
        done += 1
        if time.perf_counter() - began > budget_s:
            break
    seconds = time.perf_counter() - began
    return {
        "statements": len(work),
        "measured_statements": done,
        "seconds": seconds,
        "statements_per_s": done / seconds,
        "sampled": done < len(work),
    }


def limit_rows(prepared: Sequence[PreparedDossier]) -> dict[str, list[dict[str, Any]]]:
    """The loader's own rows for every dossier, deduplicated by id: exactly what ends up stored."""
    merged: dict[str, dict[str, dict[str, Any]]] = {k: {} for k in ("Actor", "Event", "Source", "Allegation")}
    statements: list[dict[str, Any]] = []
    for p in prepared:
        rows = dossier_rows(p, {})
        for label, table in merged.items():
            for row in rows[label]:
                table.setdefault(row["id"], row)
        statements += rows["Statement"]
    out = {label: list(table.values()) for label, table in merged.items()}
    out["Statement"] = statements
    return out


def create_plain(store: Store, prepared: Sequence[PreparedDossier]) -> int:
    """Plain ``UNWIND $rows CREATE`` of the precomputed rows, batches of 10k; returns the statement count."""
    rows = limit_rows(prepared)

    def objects(kind: ObjectType) -> list[dict[str, Any]]:
        return [r for r in rows["Allegation"] if Predicate(r["props"]["predicate"]).info.object_type is kind]

    plan: list[tuple[LiteralString, list[dict[str, Any]]]] = [
        ("limit_actors", rows["Actor"]),
        ("limit_nodes_event", rows["Event"]),
        ("limit_nodes_source", rows["Source"]),
        ("limit_allegations_actor", objects(ObjectType.ACTOR)),
        ("limit_allegations_event", objects(ObjectType.EVENT)),
        ("limit_statements", rows["Statement"]),
    ]
    for name, table in plan:
        for start in range(0, len(table), LIMIT_BATCH):
            store.write(_run_batch, bench_query(name), table[start : start + LIMIT_BATCH])
    return len(rows["Statement"])


def _run_batch(tx: Tx, text: LiteralString, rows: list[dict[str, Any]]) -> None:
    tx.run_text(text, rows=rows).consume()


def measure_limit(store: Store, prepared: Sequence[PreparedDossier]) -> dict[str, Any]:
    """The limit: plain CREATE into an empty database, no MERGE, no statuses, no derived relationships."""
    reset(store)
    began = time.perf_counter()
    n = create_plain(store, prepared)
    seconds = time.perf_counter() - began
    return {"statements": n, "seconds": seconds, "statements_per_s": n / seconds}


def seed_graph(store: Store, statements: int) -> dict[str, Any]:
    """A graph of ``statements`` generated statements with statuses and derived relationships, built fast.

    For the API and analytics benchmarks, which need a loaded graph, not a measured load: plain
    CREATE, then one refresh of every allegation's derived data (the store's own code), so the
    graph is exactly what the loader would leave, in a fraction of its time.
    """
    reset(store)
    began = time.perf_counter()
    prepared = prepare(generate(statements))
    create_plain(store, prepared)
    ids = [r["id"] for r in store.query("all_allegation_ids")]
    store.write(derived.refresh, ids)
    return {"statements": statement_count(prepared), "allegations": len(ids), "seconds": time.perf_counter() - began}


def run_scale(
    store: Store,
    statements: int,
    *,
    budget_s: float,
    parse_files: int = PARSE_SAMPLE,
) -> dict[str, Any]:
    """Every ingest measurement at one scale; ratios against the naive way and the limit."""
    began = time.perf_counter()
    dossiers = generate(statements)
    prepared = prepare(dossiers)
    generated_s = time.perf_counter() - began
    with tempfile.TemporaryDirectory(prefix="actorgraph-bench-") as tmp:
        paths = write_dossiers(dossiers[:parse_files], Path(tmp))
        parse = measure_parse(paths, parse_files)
    loader = measure_loader(store, prepared, budget_s)
    naive = measure_naive(store, prepared, budget_s / 2)
    limit = measure_limit(store, prepared)
    reset(store)
    write_rate = loader["first_statements_per_s"]
    end_to_end = 1.0 / (1.0 / write_rate + 1.0 / parse["statements_per_s"])
    return {
        "statements": statement_count(prepared),
        "dossiers": len(prepared),
        "generate_seconds": generated_s,
        "parse": parse,
        "loader": {**loader, "end_to_end_statements_per_s": end_to_end},
        "naive": naive,
        "limit": limit,
        "ratios": {
            "loader_vs_naive": write_rate / naive["statements_per_s"],
            "loader_vs_limit": write_rate / limit["statements_per_s"],
            "loader_end_to_end_vs_naive": end_to_end / naive["statements_per_s"],
            "reload_speedup": loader["first_seconds"] / loader["reload_seconds"],
        },
    }
