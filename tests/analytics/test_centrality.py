"""Centrality on hand-worked graphs, and PageRank/betweenness cross-checked against igraph."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from actorgraph.analytics.centrality import centrality
from actorgraph.analytics.layers import layer
from actorgraph.analytics.projection import Edge, build_graph


def edges(*spec: tuple[str, str, str, int]) -> list[Edge]:
    return [Edge(s, t, typ, tuple(f"{s}-{t}-{typ}-{i}" for i in range(n))) for s, t, typ, n in spec]


def test_weighted_degrees_rank_the_top_accuser_first() -> None:
    g = build_graph(
        [("k", "Kremlin", None), ("a", "A", None), ("b", "B", None), ("c", "C", None)],
        edges(("k", "a", "ACCUSES", 3), ("k", "b", "ACCUSES", 2), ("a", "k", "ACCUSES", 1),
              ("a", "k", "OPPOSES", 5), ("b", "c", "ALLIED_WITH", 4)),
    )  # fmt: skip
    rows = {r.actor: r for r in centrality(g).rows}
    assert centrality(g).rows[0].actor == "k"
    assert (rows["k"].accusations_made, rows["k"].accused) == (5, 1)  # OPPOSES is not an accusation
    assert (rows["a"].accusations_made, rows["a"].accused) == (1, 3)
    assert (rows["c"].accusations_made, rows["c"].accused) == (0, 0)
    # Betweenness on the undirected whole network a-k-b-c: of the 3 pairs without b, (k,c) and (a,c)
    # pass through b; normalised by those 3 pairs: 2/3. Likewise k brokers (a,b) and (a,c).
    assert rows["b"].betweenness == pytest.approx(2 / 3)
    assert rows["k"].betweenness == pytest.approx(2 / 3)
    assert rows["c"].betweenness == 0.0
    assert sum(r.pagerank for r in rows.values()) == pytest.approx(1.0)


def test_pagerank_by_hand_on_a_two_cycle() -> None:
    # a <-> b, equal weights: symmetric, each 1/2; a third actor accused by both gets the most.
    g = build_graph([], edges(("a", "b", "ACCUSES", 1), ("b", "a", "ACCUSES", 1)))
    rows = {r.actor: r for r in centrality(g).rows}
    assert rows["a"].pagerank == pytest.approx(0.5)
    g2 = build_graph([], edges(("a", "c", "ACCUSES", 1), ("b", "c", "ACCUSES", 1)))
    ranked = sorted(centrality(g2).rows, key=lambda r: -r.pagerank)
    assert ranked[0].actor == "c"


def _random_graph(n: int, m: int, seed: int) -> list[Edge]:
    rng = random.Random(seed)
    types = ["ACCUSES", "ACCUSES", "OPPOSES", "SUPPORTS", "CONTRADICTS", "PART_OF"]
    out = []
    for i in range(m):
        s, t = rng.randrange(n), rng.randrange(n)
        if s != t:
            out.append(Edge(f"n{s}", f"n{t}", rng.choice(types), tuple(f"s{i}-{j}" for j in range(rng.randint(1, 4)))))
    return out


def test_pagerank_and_betweenness_match_igraph() -> None:
    igraph = pytest.importorskip("igraph")
    g = build_graph([(f"n{i}", None, None) for i in range(60)], _random_graph(60, 240, seed=7))
    result = {r.actor: r for r in centrality(g).rows}
    names = list(g.nodes)
    index = {n: i for i, n in enumerate(names)}

    accuse: dict[tuple[str, str], int] = {}
    links: set[tuple[str, str]] = set()
    for u, v, d in g.edges(data=True):
        if d["type"] == "ACCUSES":
            accuse[(u, v)] = accuse.get((u, v), 0) + d["weight"]
        links.add((min(u, v), max(u, v)))
    directed = igraph.Graph(n=len(names), edges=[(index[u], index[v]) for u, v in accuse], directed=True)
    pr = directed.pagerank(weights=list(accuse.values()), damping=0.85)
    undirected = igraph.Graph(n=len(names), edges=[(index[u], index[v]) for u, v in links], directed=False)
    bt = undirected.betweenness()
    scale = (len(names) - 1) * (len(names) - 2) / 2
    for n in names:
        assert result[n].pagerank == pytest.approx(pr[index[n]], abs=1e-6)
        assert result[n].betweenness == pytest.approx(bt[index[n]] / scale, abs=1e-9)


def test_betweenness_is_sampled_on_large_graphs_and_seeded() -> None:
    g = build_graph([], _random_graph(300, 900, seed=3))
    first = centrality(g, k=50, seed=1)
    assert first.betweenness_samples == 50
    assert first == centrality(g, k=50, seed=1)
    assert centrality(g).betweenness_samples is None  # small enough: exact


def test_pagerank_always_converges() -> None:
    # A periodic web (a <-> b, a <-> c): the power iteration's error only shrinks by alpha a step, so at
    # alpha 0.99 networkx's default 100 steps fail. Stationary: a 1/2, b and c 1/4 each.
    web = [("a", "b"), ("a", "c"), ("b", "a"), ("c", "a")]
    g = build_graph([], edges(*[(s, t, "ACCUSES", 1) for s, t in web]))
    with pytest.raises(nx.PowerIterationFailedConvergence):
        nx.pagerank(layer(g, {"ACCUSES"}), alpha=0.99, tol=1e-10)
    rows = {r.actor: r for r in centrality(g, alpha=0.99).rows}
    assert rows["a"].pagerank == pytest.approx(0.5, abs=1e-3)
    assert rows["b"].pagerank == pytest.approx(rows["c"].pagerank)


def test_the_backend_setting_chooses_networkx_dispatch() -> None:
    from actorgraph.analytics import backend
    from actorgraph.errors import ConfigError

    assert backend.chosen("networkx") == []
    assert backend.chosen("auto") == backend.installed()
    with pytest.raises(ConfigError, match="ACTORGRAPH_ANALYTICS_BACKEND=no-such-backend"):
        backend.chosen("no-such-backend")
    with backend.preferred("networkx") as used:
        assert used == []


@pytest.mark.parametrize("k", [None, 1, 7, 40])
def test_vectorized_betweenness_is_networkx_betweenness(k: int | None) -> None:
    from actorgraph.analytics.brandes import betweenness

    rng = random.Random(3)
    g = nx.gnm_random_graph(40, 90, seed=3)
    g.add_edges_from((rng.randrange(40), 40 + i) for i in range(5))  # leaves
    g.add_node("isolated")
    ours = betweenness(g, k=k, seed=11)
    theirs = nx.betweenness_centrality(g, k=k, normalized=True, seed=11)
    assert set(ours) == set(theirs)
    for v in theirs:
        assert ours[v] == pytest.approx(theirs[v], rel=1e-9, abs=1e-12, nan_ok=True)
