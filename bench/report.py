"""Results JSON -> the tables of BENCHMARKS.md, the targets verdict, and a plot.

Everything shown is read from the JSON, so the document can be regenerated from a committed result:
``python -m bench.report bench/results/full.json``.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: (key, description, threshold, higher_is_better)
TARGETS: tuple[tuple[str, str, float, bool], ...] = (
    ("loader_vs_naive", "ingest vs one transaction per statement (x)", 20.0, True),
    ("loader_vs_limit", "ingest vs plain UNWIND CREATE (fraction of the limit)", 0.5, True),
    ("reload_speedup", "reload of unchanged data vs first load (x faster)", 50.0, True),
    ("probe_full_vs_empty", "a 50-statement dossier into the 100k graph vs into an empty one (x)", 2.0, False),
    ("parse_statements_per_s", "reading + validation (statements/s)", 20_000.0, True),
    ("bulk_seconds", "bulk import of 1M statements, derivation included (s)", 300.0, False),
    ("bulk_peak_rss_mib", "bulk import: peak Python memory (MiB)", 1024.0, False),
    ("actor_vs_peer", "actor query, no response cache: actorgraph / peer, worst of 8 and 32 clients", 0.5, True),
    ("actor_cached_vs_peer", "actor query, response cache on: actorgraph / peer, worst of 8 and 32 clients", 2.0, True),
    ("actor_p95_ms_8", "actor query p95 at 8 clients, cache off or on, the worse (ms)", 50.0, False),
    ("page_vs_peer", "page of 50 allegations: actorgraph / peer, worst of 8 and 32 clients", 0.5, True),
    ("far_page_cost", "page 100 (or the last) vs page 1: time per request at 8 clients (x)", 1.5, False),
    ("search_p95_ms_8", "search p95 at 8 clients (ms)", 100.0, False),
    ("analytics_projection_s", "analytics projection at 200k statements (s)", 5.0, False),
    ("analytics_total_s", "analytics, projection + all reports, at 200k statements (s)", 20.0, False),
)


#: How each mode is run (a partial run names its own scales, recorded under "plan").
COMMANDS = {"full": "make bench", "smoke": "make bench-smoke"}


def _status(part: dict[str, Any] | None) -> str:
    return "missing" if part is None else str(part.get("status", "ok"))


def _ok(results: dict[str, Any], key: str) -> dict[str, Any] | None:
    """The part ``key`` if it ran to completion, else None (skipped, failed or not run)."""
    part: dict[str, Any] | None = results.get(key)
    return part if part is not None and _status(part) == "ok" else None


def target_values(results: dict[str, Any]) -> dict[str, float | None]:
    """The number each target is judged on (worst over the scales measured); None when not measured."""
    values: dict[str, float | None] = {k: None for k, *_ in TARGETS}
    ingest = _ok(results, "ingest")
    if ingest is not None:
        scales = ingest["scales"]
        values["loader_vs_naive"] = min(s["ratios"]["loader_vs_naive"] for s in scales)
        values["loader_vs_limit"] = min(s["ratios"]["loader_vs_limit"] for s in scales)
        values["reload_speedup"] = min(s["ratios"]["reload_speedup"] for s in scales)
        values["probe_full_vs_empty"] = max(s["ratios"].get("probe_full_vs_empty", math.nan) for s in scales)
        values["parse_statements_per_s"] = min(s["parse"]["statements_per_s"] for s in scales)
    bulk = _ok(results, "bulk")
    if bulk is not None:
        values["bulk_seconds"] = bulk["seconds"]
        values["bulk_peak_rss_mib"] = bulk["peak_rss_mib"]
    api = _ok(results, "api")
    if api is not None:
        values.update(_api_values(api["queries"]))
    analytics = _ok(results, "analytics")
    if analytics is not None:
        at_target = analytics.get("at_target_scale", {})
        values["analytics_total_s"] = at_target.get("total_seconds")
        values["analytics_projection_s"] = at_target.get("projection_seconds")
    return values


def _at(queries: dict[str, Any], query: str, clients: int, server: str) -> dict[str, Any] | None:
    run: dict[str, Any] | None = queries.get(query, {}).get("runs", {}).get(str(clients), {}).get(server)
    return run


def _api_values(queries: dict[str, Any]) -> dict[str, float | None]:
    """The API targets from the interleaved runs (None where a server or a concurrency was not measured)."""

    def worst_ratio(query: str, server: str) -> float | None:
        ratios = [r.get("vs_peer") for c in (8, 32) if (r := _at(queries, query, c, server)) is not None]
        known = [x for x in ratios if x is not None]
        return min(known) if known else None

    def p95(query: str, server: str) -> float | None:
        run = _at(queries, query, 8, server)
        if run is None:
            return None
        return float(run["p95_ms"]) if run["requests"] else math.inf

    actor_p95 = [x for x in (p95("actor", "actorgraph"), p95("actor", "actorgraph+cache")) if x is not None]
    first, far = _at(queries, "page", 8, "actorgraph"), _at(queries, "far_page", 8, "actorgraph")
    far_cost = None
    if first and far and far["requests_per_s"]:
        far_cost = first["requests_per_s"] / far["requests_per_s"]
    return {
        "actor_vs_peer": worst_ratio("actor", "actorgraph"),
        "actor_cached_vs_peer": worst_ratio("actor", "actorgraph+cache"),
        "actor_p95_ms_8": max(actor_p95) if actor_p95 else None,
        "page_vs_peer": worst_ratio("page", "actorgraph"),
        "far_page_cost": far_cost,
        "search_p95_ms_8": p95("search", "actorgraph"),
    }


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with its value and whether it is met (None: not measured in this run)."""
    values = target_values(results)
    out = []
    for key, text, threshold, higher in TARGETS:
        value = values[key]
        met = None if value is None else (value >= threshold if higher else value < threshold)
        out.append({"target": key, "description": text, "threshold": threshold, "value": value, "met": met})
    return out


def _f(x: float | None, digits: int = 1) -> str:
    if x is None:
        return "n/a"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def _machine(m: dict[str, Any]) -> list[str]:
    return [
        "| cores | memory | CPU | Python | Neo4j | heap / page cache | driver | load avg at start |",
        "|---|---|---|---|---|---|---|---|",
        f"| {m.get('cores')} | {m.get('memory_gib')} GiB | {m.get('cpu')} | {m.get('python')} | {m.get('neo4j')} "
        f"| {m.get('neo4j_heap')} / {m.get('neo4j_pagecache')} | neo4j {m.get('neo4j_driver')} "
        f"| {m.get('load_average_1m', 'n/a')} |",
    ]


def _ingest(part: dict[str, Any]) -> list[str]:
    lines = [
        "| statements | loader write st/s | loader end-to-end st/s | naive st/s | limit st/s | loader/naive | "
        "loader/limit | reload s (first s) | reload speed-up | reload changed? |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for s in part["scales"]:
        lo, na, li, r = s["loader"], s["naive"], s["limit"], s["ratios"]
        lo_note = f" (first {lo['measured_statements']:,})" if lo.get("sampled") else ""
        na_note = f" (first {na['measured_statements']:,})" if na.get("sampled") else ""
        lines.append(
            f"| {s['statements']:,} | {_f(lo['first_statements_per_s'])}{lo_note} | "
            f"{_f(lo['end_to_end_statements_per_s'])} | {_f(na['statements_per_s'])}{na_note} | "
            f"{_f(li['statements_per_s'])} | {_f(r['loader_vs_naive'], 2)} | {_f(r['loader_vs_limit'], 3)} | "
            f"{_f(lo['reload_seconds'])} ({_f(lo['first_seconds'])}) | {_f(r['reload_speedup'], 2)} | "
            f"{'yes' if lo['reload_changed_anything'] else 'no'} |"
        )
    lines += ["", "Reader (YAML parse + validation) over every file of each corpus; the derived data after the "
              "first load checked against a full rebuild; held-out 50-statement dossiers loaded into the full "
              "graph and each alone into an empty one (median seconds); load average at the start of each "
              "measurement:", ""]  # fmt: skip
    lines += ["| statements | files | read st/s | check vs rebuild | probe into full s | into empty s | full/empty "
              "| transactions | peak RSS MiB | load avg (read / load / naive / limit) |",
              "|---:|---:|---:|---|---:|---:|---:|---:|---:|---|"]  # fmt: skip
    for s in part["scales"]:
        p, lo = s["parse"], s["loader"]
        pr = s.get("probes", {})
        check = lo.get("check_problems")
        verdict = "equal" if check == [] else ("not run" if check is None else f"{len(check)} differences")
        loads = " / ".join(_f(x.get("load_average"), 2) for x in (p, lo, s["naive"], s["limit"]))
        full = pr.get("into_full_seconds") or [None]
        empty = pr.get("into_empty_seconds") or [None]
        lines.append(
            f"| {s['statements']:,} | {p['files']} | {_f(p['statements_per_s'])} | {verdict} | "
            f"{_f(sorted(full)[len(full) // 2], 3)} | {_f(sorted(empty)[len(empty) // 2], 3)} | "
            f"{_f(pr.get('ratio'), 2)} | {lo.get('transactions', 'n/a')} | {_f(lo.get('peak_rss_mib'))} | {loads} |"
        )
    return lines


def _bulk(part: dict[str, Any]) -> list[str]:
    phases = part.get("phases", {})
    rels = part.get("relationships", {})
    derived = sum(v for k, v in rels.items() if k not in ("MADE", "ON", "REPORTED_IN", "ON_BEHALF_OF", "SUBJECT",
                                                          "OBJECT", "NAMES"))  # fmt: skip
    return [
        "| statements | files | total s | read s | derive s | import s (stop, import, start) | schema s "
        "| derived relationships | peak Python RSS MiB | load avg |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {part['statements']:,} | {part['files']} | {_f(part['seconds'])} | {_f(phases.get('read'))} | "
        f"{_f(phases.get('derive'))} | {_f(phases.get('import'))} | {_f(phases.get('schema'))} | {derived:,} | "
        f"{_f(part['peak_rss_mib'])} | {_f(part.get('load_average'), 2)} |",
    ]


def _api(part: dict[str, Any]) -> list[str]:
    servers = list(part["servers"])
    lines = [
        f"Servers: {', '.join(servers)}; peer: {part.get('peer')}; {part.get('rounds', 1)} interleaved round(s) of "
        f"{part['seconds_per_run']:.0f} s per server, query and concurrency (median kept); far page = page "
        f"{part.get('far_page', 'n/a')}.",
        "",
        "| query | round trips | clients | server | requests/s | ÷ peer | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for q in part["queries"].values():
        if q.get("same_data") not in (None, True, "same", "no peer"):
            lines.append(f"| {q['description']} | | | peer | not measured: {q['same_data']} | | | | | |")
        for clients, runs in q["runs"].items():
            for name, r in runs.items():
                trips = q["cypher_round_trips"] if name == "actorgraph" else ""
                lines.append(
                    f"| {q['description']} | {trips} | {clients} | {name} | {_f(r['requests_per_s'])} | "
                    f"{_f(r.get('vs_peer'), 2)} | {_f(r['p50_ms'])} | {_f(r['p95_ms'])} | {_f(r['p99_ms'])} | "
                    f"{r['errors']} |"
                )
    return lines


def _analytics(part: dict[str, Any]) -> list[str]:
    names = list(part["scales"][0]["reports"])
    lines = [
        "| statements | actors | edges | projection s | " + " | ".join(f"{n} s" for n in names) + " | total s |",
        "|---:|---:|---:|---:|" + "---:|" * len(names) + "---:|",
    ]
    for s in part["scales"]:
        cells = " | ".join(_f(s["reports"][n], 3) for n in names)
        lines.append(
            f"| {s['statements']:,} | {s['actors']:,} | {s['edges']:,} | {_f(s['projection_seconds'], 3)} | {cells} "
            f"| {_f(s['total_seconds'], 3)} |"
        )
    at = part.get("at_target_scale", {})
    if at.get("total_seconds") is not None:
        how = "measured" if at["measured"] else "extrapolated from the largest scale with the total's exponent"
        lines += ["", f"At {at['statements']:,} statements: {_f(at['total_seconds'])} s ({how})."]
    for s in part["scales"]:
        for name, err in s.get("errors", {}).items():
            lines += ["", f"**{name} failed at {s['statements']:,} statements:** `{err}`"]
    exps = part["growth_exponents"]
    lines += ["", "Growth exponent (log-log slope of time against statements; 1 = linear):", ""]
    lines += ["| " + " | ".join(exps) + " |", "|" + "---:|" * len(exps)]
    lines.append("| " + " | ".join(_f(v, 2) for v in exps.values()) + " |")
    return lines


def markdown(results: dict[str, Any], plot: str | None) -> str:
    """BENCHMARKS.md for one results file."""
    mode = results["mode"]
    out = [
        "# Benchmarks",
        "",
        f"Generated by `python -m bench.report` from `bench/results/{mode}.json` "
        f"(`{COMMANDS.get(mode, 'python -m bench.run --ingest-scales ... --bulk-statements ...')}`, "
        f"run {results['started']}, "
        f"{_f(results['duration_s'])} s). Regenerate with `make bench`; every number below is in the JSON.",
        "",
        "## Machine",
        "",
        *_machine(results["machine"]),
        "",
        "## Where we stand against the targets",
        "",
        "| target | threshold | measured | met? |",
        "|---|---:|---:|---|",
    ]
    for t in results["targets"]:
        met = "not measured" if t["met"] is None else ("yes" if t["met"] else "**no**")
        cmp = "≥" if any(k == t["target"] and h for k, _, _, h in TARGETS) else "<"
        out.append(f"| {t['description']} | {cmp} {_f(t['threshold'], 2)} | {_f(t['value'], 3)} | {met} |")
    plan = results.get("plan", {})
    if mode not in COMMANDS:
        out += ["", f"**Partial run**: ingest at {plan.get('ingest_scales')} statements, bulk import at "
                    f"{plan.get('bulk_statements'):,} statements. The targets above name the plan's scales (100k "
                    "online, 1M bulk); here each is judged on the scale that was run."]  # fmt: skip
    sections = (
        ("ingest", "Ingest", _ingest, INGEST_NOTE),
        ("bulk", "Bulk import", _bulk, BULK_NOTE),
        ("api", "API", _api, API_NOTE),
        ("analytics", "Analytics", _analytics, ANALYTICS_NOTE),
    )
    for key, title, render, note in sections:
        part = results.get(key)
        out += ["", f"## {title}", "", note, ""]
        status = _status(part)
        out += render(part) if status == "ok" and part is not None else [f"_{status}_"]
    if plot:
        out += ["", "## Throughput and latency against scale", "", f"![throughput and latency]({plot})"]
    return "\n".join(out) + "\n"


BULK_NOTE = (
    "`actorgraph load --bulk` on a generated JSON Lines corpus (files of 2,500 statements: the reader holds one "
    "file at a time) into an empty database, "
    "in its own Python process: reading and checking every file, deriving statuses and relationships in one pass, "
    "stopping the server, `neo4j-admin database import full`, starting the server, creating the schema. Wall time "
    "of the whole command; peak resident memory of its Python process (the server and the importer are Java "
    "processes with their own memory settings)."
)
INGEST_NOTE = (
    "Statements per second writing the same generated corpus, whole, three ways into an empty database: our "
    "loader (`store.loader.load` on the checked dossiers: MERGE, incremental statuses and derived relationships, "
    "transactions of up to 5,000 statements), the naive way (one transaction per statement, parameterised MERGEs "
    "through the driver, no statuses or derived relationships) and the limit (plain `UNWIND $rows CREATE` of the "
    "loader's own precomputed rows, batches of 10k, nothing derived). 'end-to-end' adds reading (YAML parse and "
    "validation of every file). The naive way runs for a time budget; marked '(first N)' it loaded only a prefix, "
    "into a smaller graph, so its rate is an upper bound and loader/naive a lower bound. Reload = the same files "
    "loaded again through `load_paths` (unchanged files skipped by hash; must change nothing); its speed-up is "
    "(read + first load) / reload."
)
API_NOTE = (
    "`wrk` over loopback against actorgraph (`actorgraph serve`, own process) and the peer, @neo4j/graphql on "
    "Apollo Server (one Node process, `bench/peer/`), on the same database: a graph of the generated corpus with "
    "statuses and derived relationships. Before timing, both answer every variable set and must return the "
    "same data. Servers take turns per query and concurrency (who goes first rotates each round), so machine "
    "noise hits them alike; '÷ peer' is requests/s divided by the peer's in the same turn. `actorgraph` runs "
    "with the response cache off (every request executes); `actorgraph+cache` with it on (a frontend re-reading). "
    "Request bodies rotate over the 50 busiest actors and 8 search words. Round trips are read from the "
    "`X-Actorgraph-Cypher-Queries` header. 0 requests/s with n/a latencies means no request completed."
)
ANALYTICS_NOTE = "Projection (Neo4j -> networkx) and each report, at three scales of the generated corpus."


def plot(results: dict[str, Any], path: Path) -> bool:
    """Throughput and latency against scale / concurrency as one PNG; False if nothing to plot."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ingest, api, analytics = (_ok(results, k) for k in ("ingest", "api", "analytics"))
    panels = [p for p in (ingest, api, analytics) if p is not None]
    if not panels:
        return False
    fig, axes = plt.subplots(1, len(panels), figsize=(5.5 * len(panels), 4.2), squeeze=False)
    ax_iter = iter(axes[0])
    if ingest is not None:
        ax = next(ax_iter)
        sizes = [s["statements"] for s in ingest["scales"]]
        for label, part, key in (
            ("loader (write)", "loader", "first_statements_per_s"),
            ("loader reload", "loader", "reload_statements_per_s"),
            ("naive", "naive", "statements_per_s"),
            ("limit (plain CREATE)", "limit", "statements_per_s"),
        ):
            ax.plot(sizes, [s[part][key] for s in ingest["scales"]], marker="o", label=label)
        ax.set(xscale="log", yscale="log", xlabel="statements", ylabel="statements/s", title="Ingest throughput")
        ax.legend(fontsize=8)
    if api is not None:
        ax = next(ax_iter)
        twin = ax.twinx()
        for name, q in api["queries"].items():
            for server in ("actorgraph", "peer"):
                done = [(int(c), rs[server]) for c, rs in q["runs"].items() if server in rs and rs[server]["requests"]]
                if not done:
                    continue
                conns = [c for c, _ in done]
                line = ax.plot(conns, [r["requests_per_s"] for _, r in done], marker="o", label=f"{name} {server}",
                               ls="-" if server == "actorgraph" else ":")[0]  # fmt: skip
                twin.plot(conns, [r["p95_ms"] for _, r in done], ls="--", marker="x", color=line.get_color())
        ax.set(xscale="log", yscale="log", xlabel="concurrent clients", ylabel="requests/s (solid)",
               title="API throughput and p95 latency")  # fmt: skip
        twin.set(yscale="log", ylabel="p95 ms (dashed)")
        ax.legend(fontsize=8, loc="lower left")
    if analytics is not None:
        ax = next(ax_iter)
        sizes = [s["statements"] for s in analytics["scales"]]
        ax.plot(sizes, [s["projection_seconds"] for s in analytics["scales"]], marker="o", label="projection")
        for name in analytics["scales"][0]["reports"]:
            timed = zip(sizes, (s["reports"][name] for s in analytics["scales"]), strict=True)
            done = [(n, t) for n, t in timed if t]
            ax.plot([n for n, _ in done], [t for _, t in done], marker="o", label=name)
        ax.set(xscale="log", yscale="log", xlabel="statements", ylabel="seconds", title="Analytics time")
        ax.legend(fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def write(results_file: Path, markdown_file: Path) -> Path:
    """Render one results file: a PNG beside it and the markdown at ``markdown_file``."""
    results = json.loads(results_file.read_text(encoding="utf-8"))
    results["targets"] = targets(results)
    png = results_file.with_suffix(".png")
    rel = png.resolve().relative_to(markdown_file.resolve().parent) if plot(results, png) else None
    markdown_file.write_text(markdown(results, str(rel) if rel else None), encoding="utf-8")
    return markdown_file


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "results" / "full.json"
    print(write(source, ROOT / "BENCHMARKS.md" if source.stem == "full" else source.with_suffix(".md")))
