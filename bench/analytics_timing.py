"""Time every analytics report on a synthetic network of 10,000 actors and 200,000 statements.

The network is built without Neo4j but through the same code as a real projection: synthetic
statements (Zipf-distributed speakers and subjects, as in real corpora) go through the model's
derivation rules (``derive_relations``) and ``build_graph``. Run:

    MPLBACKEND=Agg .venv/bin/python -m bench.analytics_timing [--actors 10000] [--statements 200000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import time
from bisect import bisect_left
from typing import Any

import networkx as nx

from actorgraph.analytics import camps, centrality, contested, contradictions, ego, narratives, path
from actorgraph.analytics.backend import installed
from actorgraph.analytics.projection import build_graph
from actorgraph.model.derivation import Account, derive_relations
from actorgraph.model.network import AllegationInfo, edges_of
from actorgraph.model.vocabulary import PREDICATES, STRUCTURAL_PREDICATES, ObjectType, Predicate, Stance

ACTOR_PREDICATES = [p for p, info in PREDICATES.items() if info.object_type is ObjectType.ACTOR]


def synthetic(actors: int, statements: int, seed: int = 0) -> nx.MultiDiGraph:
    """A deterministic synthetic network: one allegation per four statements, 20% denials."""
    rng = random.Random(seed)
    cum = list(itertools.accumulate(1.0 / (i + 1) ** 1.1 for i in range(actors)))

    def actor() -> str:
        return f"actor-{min(bisect_left(cum, rng.random() * cum[-1]), actors - 1)}"

    allegations: list[tuple[str, Predicate, str, str]] = []
    for i in range(statements // 4):
        subject, obj = actor(), actor()
        while obj == subject:
            obj = actor()
        allegations.append((f"al-{i}", rng.choice(ACTOR_PREDICATES), subject, obj))
    rows: list[Account] = []
    infos: dict[str, AllegationInfo] = {}
    for i in range(statements):
        aid, predicate, subject, obj = allegations[rng.randrange(len(allegations))]
        stance = Stance.DENIES if rng.random() < 0.2 else Stance.AFFIRMS
        stated = dt.date(2030, 1, 1) + dt.timedelta(days=rng.randrange(730))
        row = Account(aid, predicate, subject, obj, False, f"st-{i}", stance, stated, actor(), None, f"src-{i // 50}")
        rows.append(row)
        info = infos.setdefault(aid, AllegationInfo(aid, predicate, None, f"{subject} {predicate} {obj}", subject, obj))
        info.accounts.append(row)
    links = {
        frozenset((r.subject, r.object))
        for r in rows
        if r.predicate in STRUCTURAL_PREDICATES and r.stance is Stance.AFFIRMS
    }
    nodes = [(f"actor-{i}", f"Actor {i}", "ORGANIZATION") for i in range(actors)]
    return build_graph(nodes, edges_of(derive_relations(rows, links)), infos)


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    began = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - began, result


def run(actors: int, statements: int, seed: int) -> dict[str, Any]:
    build_seconds, graph = timed(synthetic, actors, statements, seed)
    ranked = [n for n, d in sorted(graph.degree, key=lambda kv: (-kv[1], kv[0])) if d > 0]
    hubs = [ranked[0], ranked[len(ranked) // 2]]
    out: dict[str, Any] = {
        "actors": graph.number_of_nodes(),
        "statements": statements,
        "edges": graph.number_of_edges(),
        "backends": installed(),
        "build_seconds": round(build_seconds, 2),
        "reports": {},
    }
    calls = {
        "centrality": (centrality, (graph,), {"seed": seed}),
        "camps": (camps, (graph,), {"seed": seed}),
        "narratives": (narratives, (graph,), {"seed": seed}),
        "contested": (contested, (graph,), {}),
        "contradictions": (contradictions, (graph,), {}),
        "ego": (ego, (graph, hubs[0]), {}),
        "path": (path, (graph, hubs[1], ranked[-1]), {}),
    }
    for report, (fn, args, kwargs) in calls.items():
        seconds, result = timed(fn, *args, **kwargs)
        size = len(result.rows) if hasattr(result, "rows") else len(result)
        out["reports"][report] = {"seconds": round(seconds, 2), "rows": size}
        if report in ("camps", "narratives"):
            out["reports"][report]["frustration"] = result.frustration
            out["reports"][report]["exact"] = result.exact
            out["reports"][report]["placed"] = sum(1 for r in result.rows if r.camp is not None)
            out["reports"][report]["undetermined"] = sum(1 for r in result.rows if r.undetermined)
        if report == "centrality":
            out["reports"][report]["betweenness_samples"] = result.betweenness_samples
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--statements", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(json.dumps(run(args.actors, args.statements, args.seed), indent=2))


if __name__ == "__main__":
    main()
