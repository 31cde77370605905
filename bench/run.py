"""Entry point: ``python -m bench.run [--smoke] [--only ingest,api,analytics]``.

Starts (if needed) the benchmark's own local Neo4j from NEO4J_URI, which must not be the dev (7687)
or test (7688) server: the harness wipes its database. Each part runs on its own; a part whose
subject has not landed is recorded as ``skipped: <why>``; ``--only`` reruns some parts and keeps the
others' results from the previous run of the same mode. The exit code is non-zero only if the
harness itself broke (a part ``failed``), never because a target was missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from actorgraph.local import server
from actorgraph.settings import Settings, get_settings
from actorgraph.store.check import check
from actorgraph.store.core import Store
from actorgraph.store.schema import init_schema
from bench import analytics, api, bulk, ingest, machine, report

RESULTS = Path(__file__).resolve().parent / "results"
PROTECTED_PORTS = (7687, 7688)
PARTS = ("ingest", "bulk", "api", "analytics")


@dataclass(frozen=True)
class Plan:
    """Sizes and time budgets of one run."""

    mode: str
    ingest_scales: tuple[int, ...]
    ingest_budget_s: float
    api_statements: int
    api_seconds: float
    analytics_scales: tuple[int, ...]
    api_concurrency: tuple[int, ...] = (1, 8, 32)
    api_rounds: int = 2
    #: Statements of the bulk import (0: not run; it restarts the server, too slow for a smoke run).
    bulk_statements: int = 0


FULL = Plan("full", (10_000, 100_000), 60.0, 10_000, 8.0, (2_500, 10_000, 40_000), bulk_statements=1_000_000)
SMOKE = Plan("smoke", (1_000,), 6.0, 1_000, 1.0, (300, 600, 1_200), api_concurrency=(8,), api_rounds=1)


def _ingest(store: Store, plan: Plan) -> dict[str, Any]:
    scales = [ingest.run_scale(store, n, budget_s=plan.ingest_budget_s) for n in plan.ingest_scales]
    return {"status": "ok", "budget_s": plan.ingest_budget_s, "scales": scales}


def _bulk(store: Store, plan: Plan) -> dict[str, Any]:
    if not plan.bulk_statements:
        return {"status": "skipped: full runs only (the import restarts the server)"}
    return bulk.run(store, plan.bulk_statements)


def _api(store: Store, plan: Plan) -> dict[str, Any]:
    seeded = ingest.seed_graph(store, OPTIONS.get("api_statements") or plan.api_statements)
    measured = api.run(
        store,
        plan.api_seconds,
        concurrency=plan.api_concurrency,
        rounds=OPTIONS.get("rounds") or plan.api_rounds,
        workers=OPTIONS.get("workers") or 1,
        baseline=OPTIONS.get("baseline"),
    )
    return {**measured, "graph": seeded}


def _analytics(store: Store, plan: Plan) -> dict[str, Any]:
    return analytics.run(store, plan.analytics_scales)


def _db_check(store: Store) -> dict[str, Any]:
    """``db check`` on the graph a part left: its time, and the first violations if any."""
    result = check(store)
    seconds = result.read_seconds + result.check_seconds
    return {"seconds": round(seconds, 2), "violations": [str(v) for v in result.report.violations[:20]]}


#: Options of this run that only some parts read (set from the command line in ``main``).
OPTIONS: dict[str, Any] = {}


def own_server(settings: Settings, who: str) -> bool:
    """Start the local server of NEO4J_URI for a harness that wipes it; False (and one line) when that
    server is the user's or the tests' own (:data:`PROTECTED_PORTS`)."""
    if settings.bolt_port in PROTECTED_PORTS:
        print(f"NEO4J_URI is {settings.neo4j_uri}: {who} wipes its database, so give it its own server "
              "(make bench sets bolt://127.0.0.1:7705).", file=sys.stderr)  # fmt: skip
        return False
    if settings.is_local:
        server.start(settings, progress=lambda msg: print(msg, file=sys.stderr))
    return True


RUNNERS: dict[str, Callable[[Store, Plan], dict[str, Any]]] = {
    "ingest": _ingest,
    "bulk": _bulk,
    "api": _api,
    "analytics": _analytics,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny scales, about a minute (what CI runs)")
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated parts (default: all)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for the results JSON")
    parser.add_argument("--rounds", type=int, help="API: interleaved rounds per query and concurrency (median kept)")
    parser.add_argument("--workers", type=int, help="API: actorgraph worker processes (default 1, like the peer)")
    parser.add_argument("--api-statements", type=int, help="API: size of the graph (default: the plan's)")
    parser.add_argument("--baseline-src", type=Path, help="API: also measure actorgraph from this src/ (before)")
    parser.add_argument(
        "--ingest-scales", help="comma-separated statement counts instead of the plan's (mode 'partial')"
    )
    parser.add_argument("--bulk-statements", type=int, help="statements of the bulk import instead of the plan's")
    args = parser.parse_args(argv)
    OPTIONS.update(rounds=args.rounds, workers=args.workers, api_statements=args.api_statements,
                   baseline=args.baseline_src.resolve() if args.baseline_src else None)  # fmt: skip
    plan = SMOKE if args.smoke else FULL
    if args.ingest_scales or args.bulk_statements:  # not the plan: results go to partial.json, never BENCHMARKS.md
        scales = tuple(int(x) for x in args.ingest_scales.split(",")) if args.ingest_scales else plan.ingest_scales
        plan = replace(plan, mode="partial", ingest_scales=scales, bulk_statements=args.bulk_statements or 0)
    parts = [p for p in args.only.split(",") if p]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts {sorted(unknown)}: choose from {', '.join(PARTS)}")
    get_settings.cache_clear()
    settings = get_settings()
    if not own_server(settings, "the benchmark"):
        return 2
    began = time.perf_counter()
    results: dict[str, Any] = {"mode": plan.mode, "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    store = Store.open(settings)
    broke = False
    try:
        init_schema(store)
        results["machine"] = machine.describe(store)
        results["plan"] = plan.__dict__
        for part in parts:
            t0 = time.perf_counter()
            print(f"bench: {part} ...", file=sys.stderr, flush=True)
            try:
                results[part] = RUNNERS[part](store, plan)
                results[part]["db_check"] = _db_check(store)  # the graph each part left must hold every invariant
                broke |= bool(results[part]["db_check"]["violations"])
            except Exception as exc:  # the harness broke: record it, run the other parts, exit non-zero
                traceback.print_exc()
                results[part] = {"status": f"failed: {type(exc).__name__}: {exc}"}
                broke = True
            results[part]["seconds"] = time.perf_counter() - t0
            print(f"bench: {part}: {results[part]['status']} ({results[part]['seconds']:.0f} s)", file=sys.stderr)
        ingest.reset(store)
    finally:
        store.close()
    results["duration_s"] = time.perf_counter() - began
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out / f"{plan.mode}.json"
    if set(parts) != set(PARTS) and out.exists():  # a partial run updates its parts, keeps the others
        previous = json.loads(out.read_text(encoding="utf-8"))
        results = {**previous, **{k: results[k] for k in (*parts, "machine", "plan")}}
        results["duration_s"] = sum(results[k].get("seconds", 0.0) for k in PARTS if k in results)
    results["targets"] = report.targets(results)
    out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    doc = report.ROOT / "BENCHMARKS.md" if plan.mode == "full" and args.out == RESULTS else out.with_suffix(".md")
    report.write(out, doc)
    print(f"bench: wrote {out} and {doc}", file=sys.stderr)
    for t in results["targets"]:
        verdict = "not measured" if t["met"] is None else ("met" if t["met"] else "MISSED")
        print(f"  {t['description']}: {report._f(t['value'], 3)} (target {t['threshold']}) {verdict}", file=sys.stderr)
    return 1 if broke else 0


if __name__ == "__main__":
    sys.exit(main())
