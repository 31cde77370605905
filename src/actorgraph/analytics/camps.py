"""Opposing camps by structural balance, the edges that break them, and cooperative communities.

A signed network is *balanced* when its actors split into two camps with every positive link inside a
camp and every negative link across. Real networks are not; the best split is the one that breaks the
least weight of links (the *frustration*). Finding it is NP-hard in general, so small components are
solved exactly (every split tried) and larger ones by seeded local search from a spectral start, a
sign-propagation start and random starts, keeping the best.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
import numpy as np

from actorgraph.analytics.layers import cooperative, name, signed_pairs

#: Components up to this many actors are split exactly (2^(n-1) splits tried).
EXACT_LIMIT = 14
#: Random restarts are tried only on components up to this size; larger ones start from the spectral
#: and sign-propagation splits alone (random starts rarely beat them there and each costs a full search).
RESTART_LIMIT = 2000
CAMP_NAMES = ("A", "B")

Adjacency = dict[str, list[tuple[str, float]]]


@dataclass(frozen=True)
class CampRow:
    actor: str
    name: str
    camp: str | None
    """``A`` or ``B``; None for actors with no hostile or cooperative link."""
    community: int
    """Louvain community on the cooperative layer (0 is the largest)."""
    component: int | None
    """Which connected part of the signed network (0 is the largest): camps of different parts are independent."""


@dataclass(frozen=True)
class FrustratedEdge:
    source: str
    target: str
    type: str
    sign: int
    weight: int
    source_camp: str
    target_camp: str


@dataclass(frozen=True)
class CampsResult:
    rows: list[CampRow]
    frustration: int
    """How many edges break the split (a hostile edge inside a camp, a cooperative one across)."""
    frustration_weight: float
    frustrated: list[FrustratedEdge]
    communities: list[list[str]]
    exact: bool
    """True when every component was split exactly."""


def _cost(adj: Adjacency, side: dict[str, int]) -> float:
    """Frustration in net-weight terms: sum over pairs in the same camp of -J (J = pos - neg) ... up to a constant."""
    total = 0.0
    for u, nbrs in adj.items():
        for v, j in nbrs:
            if u < v:
                total += -j if side[u] == side[v] else j
    return total


def _local_search(adj: Adjacency, side: dict[str, int], rng: random.Random) -> dict[str, int]:
    """Flip single actors while that lowers the frustration (a local optimum).

    With spins s = +-1 and each actor's field h = sum(J * s_neighbour), flipping u changes the cost by
    2 * s_u * h_u, so u flips when it disagrees with its field; only its neighbours' fields change.
    """
    spin = {n: 1 - 2 * side[n] for n in adj}
    field = {u: sum(j * spin[v] for v, j in adj[u]) for u in adj}
    nodes = sorted(adj)
    improved = True
    while improved:
        improved = False
        rng.shuffle(nodes)
        for u in nodes:
            if spin[u] * field[u] < -1e-12:
                spin[u] = -spin[u]
                for v, j in adj[u]:
                    field[v] += 2 * j * spin[u]
                improved = True
    return {n: (1 - spin[n]) // 2 for n in adj}


def _spectral(adj: Adjacency, nodes: list[str], iterations: int = 200) -> dict[str, int]:
    """Signs of the leading eigenvector of the signed adjacency matrix (power iteration, shifted)."""
    index = {n: i for i, n in enumerate(nodes)}
    rows, cols, vals = [], [], []
    for u, nbrs in adj.items():
        for v, j in nbrs:
            rows.append(index[u])
            cols.append(index[v])
            vals.append(j)
    r, c, w = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), np.array(vals, dtype=float)
    shift = float(np.max(np.bincount(r, weights=np.abs(w), minlength=len(nodes)))) if len(w) else 1.0
    x = np.linspace(1.0, 2.0, len(nodes))
    for _ in range(iterations):
        y = np.bincount(r, weights=w * x[c], minlength=len(nodes)) + shift * x
        norm = float(np.linalg.norm(y))
        if norm == 0:
            break
        x = y / norm
    return {n: int(x[index[n]] < 0) for n in nodes}


def _propagate(adj: Adjacency, nodes: list[str]) -> dict[str, int]:
    """Breadth-first from the strongest actor, each newcomer placed to satisfy the link it was reached by."""
    strength = {n: sum(abs(j) for _, j in adj[n]) for n in nodes}
    start = min(nodes, key=lambda n: (-strength[n], n))
    side = {start: 0}
    queue = [start]
    for u in queue:
        for v, j in sorted(adj[u], key=lambda t: (-abs(t[1]), t[0])):
            if v not in side:
                side[v] = side[u] if j > 0 else 1 - side[u]
                queue.append(v)
    return side


def _exact(adj: Adjacency, nodes: list[str]) -> dict[str, int]:
    """Try every split with the first actor in camp 0; the first best one wins (deterministic)."""
    best: tuple[float, int] | None = None
    pairs = [(nodes.index(u), nodes.index(v), j) for u in nodes for v, j in adj[u] if u < v]
    for mask in range(1 << (len(nodes) - 1)):
        bits = mask << 1
        cost = sum(-j if ((bits >> a) & 1) == ((bits >> b) & 1) else j for a, b, j in pairs)
        if best is None or cost < best[0] - 1e-12:
            best = (cost, bits)
    assert best is not None
    return {n: (best[1] >> i) & 1 for i, n in enumerate(nodes)}


def _split(adj: Adjacency, nodes: list[str], seed: int, restarts: int, exact_limit: int) -> tuple[dict[str, int], bool]:
    if len(nodes) <= exact_limit:
        return _exact(adj, nodes), True
    rng = random.Random(seed)
    starts = [_spectral(adj, nodes), _propagate(adj, nodes)]
    starts += [{n: rng.randint(0, 1) for n in nodes} for _ in range(restarts if len(nodes) <= RESTART_LIMIT else 0)]
    best: tuple[float, dict[str, int]] | None = None
    for start in starts:
        side = _local_search(adj, dict(start), random.Random(rng.random()))
        cost = _cost(adj, side)
        if best is None or cost < best[0] - 1e-12:
            best = (cost, side)
    assert best is not None
    return best[1], False


def camps(
    graph: nx.MultiDiGraph,
    *,
    seed: int = 0,
    weight: str | None = "weight",
    restarts: int = 2,
    resolution: float = 1.0,
    exact_limit: int = EXACT_LIMIT,
) -> CampsResult:
    """Split actors into two opposing camps minimising frustration; Louvain communities on the cooperative layer.

    Hostile edges (ACCUSES, CONTRADICTS, OPPOSES) are negative, cooperative and structural ones
    positive; ``weight=None`` counts each edge once instead of by its statements. In each connected
    part of the signed network camp ``A`` is the one holding its strongest actor. Parts of up to
    ``exact_limit`` actors are split exactly; larger ones by local search with ``restarts`` random starts.

    >>> from actorgraph.analytics.projection import Edge, build_graph
    >>> g = build_graph([], [Edge("k", "a", "ACCUSES", ("s1",)), Edge("a", "b", "ALLIED_WITH", ("s2",))])
    >>> sorted((r.actor, r.camp) for r in camps(g).rows), camps(g).frustration
    ([('a', 'A'), ('b', 'A'), ('k', 'B')], 0)
    """
    pairs = signed_pairs(graph, weight)
    adj: Adjacency = defaultdict(list)
    for (u, v), (pos, neg) in pairs.items():
        adj[u].append((v, pos - neg))
        adj[v].append((u, pos - neg))
    signed = nx.Graph()
    signed.add_edges_from(pairs)
    parts = sorted(nx.connected_components(signed), key=lambda c: (-len(c), min(map(str, c))))
    camp_of: dict[str, str] = {}
    component_of: dict[str, int] = {}
    exact = True
    for i, part in enumerate(parts):
        nodes = sorted(part, key=str)
        sub: Adjacency = {n: adj[n] for n in nodes}
        side, was_exact = _split(sub, nodes, seed + i, restarts, exact_limit)
        exact = exact and was_exact
        strength = {n: sum(abs(j) for _, j in sub[n]) for n in nodes}
        anchor = min(nodes, key=lambda n: (-strength[n], str(n)))
        for n in nodes:
            camp_of[n] = CAMP_NAMES[0] if side[n] == side[anchor] else CAMP_NAMES[1]
            component_of[n] = i
    frustrated = [
        FrustratedEdge(str(u), str(v), d["type"], d["sign"], d["weight"], camp_of[u], camp_of[v])
        for u, v, d in graph.edges(data=True)
        if u != v and d["sign"] != 0 and (camp_of[u] == camp_of[v]) != (d["sign"] > 0)
    ]
    frustrated.sort(key=lambda e: (-e.weight, e.source, e.target, e.type))
    coop = cooperative(graph)
    found = nx.community.louvain_communities(coop, weight="weight", resolution=resolution, seed=seed)
    communities = sorted((sorted(map(str, c)) for c in found), key=lambda c: (-len(c), c))
    community_of = {n: i for i, members in enumerate(communities) for n in members}
    rows = [
        CampRow(str(n), name(graph, n), camp_of.get(n), community_of[str(n)], component_of.get(n)) for n in graph.nodes
    ]
    rows.sort(key=lambda r: (r.camp is None, r.component or 0, r.camp or "", r.actor))
    return CampsResult(
        rows=rows,
        frustration=len(frustrated),
        frustration_weight=float(sum(e.weight if weight else 1 for e in frustrated)),
        frustrated=frustrated,
        communities=communities,
        exact=exact,
    )
