"""Analytics: projection time and each report's time at three scales, and how they grow.

The growth exponent is the least-squares slope of log(seconds) against log(statements): 1 is
linear, 2 quadratic. The graph at each scale is seeded with ``ingest.seed_graph`` (the loader's
exact result, built fast), since what is measured here is the analysis, not the load.
"""

from __future__ import annotations

import inspect
import math
import time
from collections.abc import Callable, Sequence
from typing import Any

from actorgraph.analytics import REPORT_FUNCTIONS, project
from actorgraph.store.core import Store
from bench.ingest import seed_graph

#: The target scale (10k actors, 200k statements). When the run stops short of it, the time there is
#: extrapolated from the largest scale with the measured growth exponent (never below linear).
TARGET_STATEMENTS = 200_000


def growth_exponent(sizes: Sequence[float], seconds: Sequence[float]) -> float | None:
    """Slope of the log-log least-squares line through (size, seconds); None if it is undefined."""
    points = [(math.log(n), math.log(t)) for n, t in zip(sizes, seconds, strict=True) if n > 0 and t > 0]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    var = sum((x - mx) ** 2 for x, _ in points)
    if var == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in points) / var


def _call(fn: Callable[..., Any], graph: Any) -> Any:
    """Run a report with its defaults; reports that need an actor (ego, path) get the busiest ones."""
    params = [p for p in inspect.signature(fn).parameters.values() if p.default is inspect.Parameter.empty]
    if len(params) <= 1:
        return fn(graph)
    ranked = sorted(graph.degree, key=lambda kv: (-kv[1], str(kv[0])))
    if not ranked:
        raise RuntimeError("the projected graph has no actors: was the benchmark's database emptied meanwhile?")
    args = [ranked[i % len(ranked)][0] for i in range(len(params) - 1)]
    return fn(graph, *args)


def run(store: Store, scales: Sequence[int]) -> dict[str, Any]:
    """Time projection and every report at each scale; the growth exponent of each."""
    reports = REPORT_FUNCTIONS
    rows: list[dict[str, Any]] = []
    for n in scales:
        seeded = seed_graph(store, n)
        began = time.perf_counter()
        graph = project(store)
        row: dict[str, Any] = {
            "statements": seeded["statements"],
            "actors": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "seed_seconds": seeded["seconds"],
            "projection_seconds": time.perf_counter() - began,
            "reports": {},
        }
        for name, fn in reports.items():
            began = time.perf_counter()
            try:
                _call(fn, graph)
            except Exception as exc:  # a bug in a report is a finding to record, not a broken harness
                row.setdefault("errors", {})[name] = f"{type(exc).__name__}: {exc}"
                row["reports"][name] = None
                continue
            row["reports"][name] = time.perf_counter() - began
        row["total_seconds"] = row["projection_seconds"] + sum(t for t in row["reports"].values() if t is not None)
        rows.append(row)
    sizes = [r["statements"] for r in rows]
    exponents = {"projection": growth_exponent(sizes, [r["projection_seconds"] for r in rows])}
    for name in reports:
        timed = [(n, r["reports"][name]) for n, r in zip(sizes, rows, strict=True) if r["reports"][name] is not None]
        exponents[name] = growth_exponent([n for n, _ in timed], [t for _, t in timed])
    exponents["total"] = growth_exponent(sizes, [r["total_seconds"] for r in rows])
    largest = rows[-1]
    target = {"statements": TARGET_STATEMENTS, "measured": largest["statements"] >= TARGET_STATEMENTS}
    if target["measured"]:
        target["total_seconds"] = largest["total_seconds"]
        target["projection_seconds"] = largest["projection_seconds"]
    else:
        for key, exponent in (("total", exponents["total"]), ("projection", exponents["projection"])):
            if exponent is not None:
                growth = (TARGET_STATEMENTS / largest["statements"]) ** max(exponent, 1.0)
                target[f"{key}_seconds"] = largest[f"{key}_seconds"] * growth
    return {"status": "ok", "scales": rows, "growth_exponents": exponents, "at_target_scale": target}
