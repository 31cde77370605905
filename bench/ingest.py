"""Ingest: our loader against the naive way (one transaction per statement) and the limit (plain CREATE).

All three write the same generated corpus, whole (never a sample of its first files, except the
naive way, see below). The loader is timed in two parts on the files a user would load: reading
(YAML parsing and validation of every file) and writing (``store.loader.load`` on the checked
dossiers: MERGE, incremental statuses and derived relationships, grouped transactions). The naive
way and the limit only write, so the write rate is the fair comparison; the end-to-end rate adds the
reading. After the first load the derived data is checked against a full rebuild
(``store.derived.check``), the same files are loaded again through ``load_paths`` (must change
nothing, skipped by content hash), and a few held-out 50-statement dossiers are loaded into the full
graph and, one by one, into an empty one (the hub-actor effect: their ratio).

The naive way runs for a time budget on a prefix of the corpus (at ~100 statements/s the whole of
100k would take hours): its rate on a smaller graph is an upper bound of its rate on the whole, so
the loader/naive ratio is a lower bound. Recorded as ``sampled`` with ``measured_statements``.
"""

from __future__ import annotations

import hashlib
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, LiteralString

from actorgraph.ingest import PreparedDossier, PreparedStatement, load_paths, read_dossiers
from actorgraph.model import Dossier
from actorgraph.model.rows import dossier_rows
from actorgraph.model.vocabulary import ObjectType, Predicate
from actorgraph.store import derived
from actorgraph.store.core import Store, Tx
from actorgraph.store.cypher import query
from actorgraph.store.loader import BATCH_STATEMENTS, load
from actorgraph.store.schema import init_schema, wipe
from bench.generate import PER_SOURCE, generate, write_dossiers
from bench.queries import bench_query

LIMIT_BATCH = 10_000
#: Held-out dossiers loaded into the full graph and into an empty one (the median of each is compared).
PROBES = 3


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
                content_sha256=hashlib.sha256(d.model_dump_json().encode("utf-8")).hexdigest(),
            )
        )
    return out


def statement_count(prepared: Sequence[PreparedDossier]) -> int:
    return sum(len(p.statements) for p in prepared)


def reset(store: Store) -> None:
    """An empty database with the schema (constraints give the id lookups every variant relies on)."""
    wipe(store)
    init_schema(store)


def peak_rss_mib() -> float:
    """The peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_average() -> float:
    """The 1-minute load average when a measurement starts (other work on the machine skews it)."""
    return round(os.getloadavg()[0], 2)


def measure_parse(paths: Sequence[Path]) -> tuple[dict[str, Any], list[PreparedDossier]]:
    """The reader's rate (YAML -> validated dossiers) over every file, and the dossiers it gave."""
    load_avg = load_average()
    began = time.perf_counter()
    prepared = read_dossiers(paths)
    seconds = time.perf_counter() - began
    n = statement_count(prepared)
    result = {"files": len(paths), "statements": n, "seconds": seconds, "statements_per_s": n / seconds,
              "load_average": load_avg}  # fmt: skip
    return result, prepared


def measure_loader(
    store: Store, prepared: Sequence[PreparedDossier], folder: Path | None = None, *, check: bool = True
) -> dict[str, Any]:
    """First load of every dossier into an empty db; the check against a rebuild; the reload from files.

    The reload goes through ``load_paths`` on ``folder`` (the files the dossiers were read from) when
    given, as a user would re-run a load: unchanged files are skipped by hash. It must change nothing.
    """
    reset(store)
    load_avg = load_average()
    first = load(store, prepared, batch_statements=BATCH_STATEMENTS)
    problems = derived.check(store) if check else None
    began = time.perf_counter()
    again = load_paths(store, [folder]) if folder is not None else load(store, prepared)
    reload_seconds = time.perf_counter() - began
    n = statement_count(prepared)
    return {
        "statements": n,
        "measured_statements": n,
        "sampled": False,
        "load_average": load_avg,
        "batch_statements": BATCH_STATEMENTS,
        "transactions": first.transactions,
        "first_seconds": first.seconds,
        "first_statements_per_s": n / first.seconds,
        "derived": dict(first.derived),
        "check_problems": problems,
        "reload_seconds": reload_seconds,
        "reload_statements_per_s": n / reload_seconds,
        "reload_changed_anything": again.changed,
        "reload_skipped_dossiers": again.skipped,
        "peak_rss_mib": peak_rss_mib(),
    }


def measure_probes(store: Store, probes: Sequence[PreparedDossier]) -> dict[str, Any]:
    """Held-out dossiers loaded one by one into the full graph, then each alone into an empty one."""
    load_avg = load_average()
    full = [load(store, [p]).seconds for p in probes]
    empty = []
    for p in probes:
        reset(store)
        empty.append(load(store, [p]).seconds)
    into_full, into_empty = statistics.median(full), statistics.median(empty)
    return {
        "dossiers": len(probes),
        "statements_each": [len(p.statements) for p in probes],
        "load_average": load_avg,
        "into_full_seconds": full,
        "into_empty_seconds": empty,
        "ratio": into_full / into_empty,
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

    load_avg = load_average()
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
        "load_average": load_avg,
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
    load_avg = load_average()
    began = time.perf_counter()
    n = create_plain(store, prepared)
    seconds = time.perf_counter() - began
    return {"statements": n, "seconds": seconds, "statements_per_s": n / seconds, "load_average": load_avg}


def seed_graph(store: Store, statements: int) -> dict[str, Any]:
    """A graph of ``statements`` generated statements with statuses and derived relationships, built fast.

    For the API and analytics benchmarks, which need a loaded graph, not a measured load: plain
    CREATE, then one full rebuild of the derived data (the store's own code), so the graph has the
    statuses and relationships the loader would leave, in a fraction of its time.
    """
    reset(store)
    began = time.perf_counter()
    prepared = prepare(generate(statements))
    create_plain(store, prepared)
    store.autocommit(query("backfill_name_keys"))  # the name index the loader keeps (db check verifies it)
    store.write(derived.refresh_all)
    ids = store.query("all_allegation_ids")
    return {"statements": statement_count(prepared), "allegations": len(ids), "seconds": time.perf_counter() - began}


def run_scale(store: Store, statements: int, *, budget_s: float, probes: int = PROBES) -> dict[str, Any]:
    """Every ingest measurement at one scale over the whole corpus; ratios against the naive way and the limit.

    The corpus is generated with ``probes`` dossiers more than ``statements``: those are held out
    and loaded afterwards, into the full graph and into an empty one.
    """
    began = time.perf_counter()
    dossiers = generate(statements + probes * PER_SOURCE)
    corpus, held_out = dossiers[: len(dossiers) - probes], dossiers[len(dossiers) - probes :]
    generated_s = time.perf_counter() - began
    with tempfile.TemporaryDirectory(prefix="actorgraph-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        write_dossiers(corpus, folder)
        parse, prepared = measure_parse(sorted(folder.glob("*.yaml")))
        loader = measure_loader(store, prepared, folder)
    hub = measure_probes(store, prepare(held_out))
    del prepared
    plain = prepare(corpus)
    naive = measure_naive(store, plain, budget_s)
    limit = measure_limit(store, plain)
    reset(store)
    write_rate = loader["first_statements_per_s"]
    end_to_end = 1.0 / (1.0 / write_rate + 1.0 / parse["statements_per_s"])
    return {
        "statements": statement_count(plain),
        "dossiers": len(plain),
        "generate_seconds": generated_s,
        "parse": parse,
        "loader": {**loader, "end_to_end_statements_per_s": end_to_end},
        "probes": hub,
        "naive": naive,
        "limit": limit,
        "ratios": {
            "loader_vs_naive": write_rate / naive["statements_per_s"],
            "loader_vs_limit": write_rate / limit["statements_per_s"],
            "loader_end_to_end_vs_naive": end_to_end / naive["statements_per_s"],
            "reload_speedup": (parse["seconds"] + loader["first_seconds"]) / loader["reload_seconds"],
            "probe_full_vs_empty": hub["ratio"],
        },
    }
