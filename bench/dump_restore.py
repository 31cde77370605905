"""Dump, restore and check the benchmark corpus: sizes, times, and a byte-for-byte round trip.

``python -m bench.dump_restore [--statements 100000]`` (``make bench-dump``): builds the generated
corpus with statuses and derived relationships (``bench.ingest.seed_graph``) on its own Neo4j, then
times ``db check``, ``dump`` (plain and gzip), ``restore`` into the wiped database, ``db check`` again
and a second dump, which must equal the first byte for byte. Results: ``bench/results/dump_restore.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from actorgraph.local import server
from actorgraph.store import dump as dumps
from actorgraph.store.check import check
from actorgraph.store.core import Store
from actorgraph.store.schema import init_schema, wipe
from bench.ingest import seed_graph
from bench.served import ROOT, bench_settings

RESULTS = ROOT / "bench" / "results"


def _timed_check(store: Store) -> dict[str, Any]:
    result = check(store)
    seconds = result.read_seconds + result.check_seconds
    return {"seconds": round(seconds, 2), "read_seconds": round(result.read_seconds, 2),
            "violations": len(result.report.violations), "checked": result.report.checked}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=100_000)
    args = parser.parse_args(argv)
    settings = bench_settings()
    _, started = server.start(settings)
    store = Store.open(settings)
    out: dict[str, Any] = {"when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                           "load_average_start": os.getloadavg()}  # fmt: skip
    try:
        init_schema(store)
        print(f"building the {args.statements:,}-statement corpus", flush=True)
        out["corpus"] = seed_graph(store, args.statements)
        out["check_before"] = _timed_check(store)
        with tempfile.TemporaryDirectory() as tmp:
            files = {name: Path(tmp) / name for name in ("graph.jsonl", "graph.jsonl.gz", "again.jsonl.gz")}
            for name in ("graph.jsonl", "graph.jsonl.gz"):
                began = time.perf_counter()
                nodes, rels = dumps.dump(store, files[name])
                size = round(files[name].stat().st_size / 1e6, 1)
                out[f"dump {name}"] = {"seconds": round(time.perf_counter() - began, 2), "nodes": nodes,
                                       "relationships": rels, "megabytes": size}  # fmt: skip
                print(name, out[f"dump {name}"], flush=True)
            wipe(store)
            began = time.perf_counter()
            dumps.restore(store, files["graph.jsonl.gz"])
            out["restore graph.jsonl.gz"] = {"seconds": round(time.perf_counter() - began, 2)}
            out["check_after"] = _timed_check(store)
            dumps.dump(store, files["again.jsonl.gz"])
            out["round_trip_identical"] = files["again.jsonl.gz"].read_bytes() == files["graph.jsonl.gz"].read_bytes()
    finally:
        store.close()
        if started:
            server.stop(settings)
    out["load_average_end"] = os.getloadavg()
    (RESULTS / "dump_restore.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in out.items() if not k.startswith("check")}, indent=1))
    print("check before:", out["check_before"]["seconds"], "s; after:", out["check_after"]["seconds"], "s")
    ok = out["round_trip_identical"] and not out["check_before"]["violations"] and not out["check_after"]["violations"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
