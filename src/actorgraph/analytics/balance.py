"""Structural balance on signed links, and the evidence behind every placement it makes.

A signed network is *balanced* when its actors split into two camps with every positive link inside a
camp and every negative link across. Real networks are not; the best split is the one that breaks the
least weight of links (the *frustration*). Finding it is NP-hard in general, so small components are
solved exactly (every split tried) and larger ones by seeded local search from a spectral start, a
sign-propagation start and random starts, keeping the best.

A split always puts every linked actor somewhere, however little links it. So each placement comes
with its **evidence**: the signed links that decide it (how many, their weight, how much of it the
split satisfies) and its **stability**, the share of resamples in which the actor keeps its camp when
the links are drawn again (each link kept a Poisson(1) number of times, seeded: a bootstrap). A part
small enough to split exactly is split again for every resample, each piece of it that stays linked
turned to match the original split as well as it can; in a larger part each actor's resampled links
are weighed against the others' original camps (one step of the local search). An actor with fewer
than ``MIN_LINKS`` links, or kept in fewer than ``MIN_STABILITY`` of the resamples, is *undetermined*:
the split leans one way, the evidence does not say so.

Both kinds of camps (hostility, narrative) are this engine applied to different links.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

#: Components up to this many actors are split exactly (2^(n-1) splits tried).
EXACT_LIMIT = 14
#: Random restarts are tried only on components up to this size; larger ones start from the spectral
#: and sign-propagation splits alone (random starts rarely beat them there and each costs a full search).
RESTART_LIMIT = 2000
CAMP_NAMES = ("A", "B")
#: Resamples of the links behind each stability score.
RESAMPLES = 100
#: A placement needs at least this many signed links ...
MIN_LINKS = 2
#: ... and to keep its camp in at least this share of the resamples; otherwise it is undetermined.
#: One link is kept by a resample with probability 1 - e^-1 = 0.63, two links 0.86.
MIN_STABILITY = 0.75

Adjacency = dict[str, list[tuple[str, float]]]


class Link(NamedTuple):
    """One signed link between two actors: the unit that is counted as evidence and resampled.

    A relationship of the network (``kind`` its type) for hostility camps; two voices agreeing or
    contradicting on one allegation (``about``) for narrative camps. A tuple: there are hundreds of
    thousands of them in a large network.
    """

    a: str
    b: str
    sign: int
    weight: float
    kind: str
    about: str | None = None


@dataclass(frozen=True)
class PlacementEvidence:
    """What an actor's camp rests on."""

    links: int
    """Signed links touching the actor."""
    weight: float
    """Their total weight (statements, unless weighted otherwise)."""
    agreeing: float
    """Weight of those the split satisfies: positive inside the actor's camp, negative across."""
    breaking: float
    """Weight of those it breaks (the actor's share of the frustration)."""
    stability: float
    """Share of the resamples in which the actor kept its camp (0..1)."""

    def determined(self, min_links: int = MIN_LINKS, min_stability: float = MIN_STABILITY) -> bool:
        """Enough links, kept often enough: the camp can be shown.

        >>> one_link, four = PlacementEvidence(1, 3.0, 3.0, 0.0, 0.63), PlacementEvidence(4, 6.0, 6.0, 0.0, 0.98)
        >>> one_link.determined(), four.determined()
        (False, True)
        """
        return self.links >= min_links and self.stability >= min_stability


@dataclass(frozen=True)
class Balance:
    """The best split found, per actor with at least one link."""

    leaning: dict[str, str]
    """``A`` or ``B``: the camp the split puts the actor in (A holds the strongest actor of each part)."""
    component: dict[str, int]
    """Which connected part (0 is the largest): camps of different parts are independent."""
    evidence: dict[str, PlacementEvidence]
    broken: list[Link]
    """The links the split breaks: positive across camps, negative inside one."""
    exact: bool
    """True when every part was split exactly."""
    resamples: int


def _pairs(links: Sequence[Link], weighted: bool) -> dict[tuple[str, str], float]:
    """Net signed weight per unordered pair (sorted ids): positive minus negative."""
    net: dict[tuple[str, str], float] = defaultdict(float)
    for link in links:
        key = (link.a, link.b) if link.a <= link.b else (link.b, link.a)
        net[key] += link.sign * (link.weight if weighted else 1.0)
    return net


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


def _spins(n: int) -> np.ndarray:
    """Every split of ``n`` actors with the first in camp 0, as rows of spins (+1 camp 0, -1 camp 1).

    Row ``m`` is the split ``bits = m << 1`` (actor i in camp ``(bits >> i) & 1``), in that order.
    """
    masks = np.arange(1 << max(n - 1, 0), dtype=np.int64) << 1
    bits = (masks[:, None] >> np.arange(n, dtype=np.int64)[None, :]) & 1
    spins: np.ndarray = 1 - 2 * bits
    return spins


def _exact(adj: Adjacency, nodes: list[str]) -> dict[str, int]:
    """Try every split with the first actor in camp 0; the first best one wins (deterministic)."""
    index = {n: i for i, n in enumerate(nodes)}
    pairs = [(index[u], index[v], j) for u in nodes for v, j in adj[u] if u < v]
    spins = _spins(len(nodes))
    if pairs:
        a, b, j = (np.array(x) for x in zip(*pairs, strict=True))
        cost = -(spins[:, a] * spins[:, b]) @ j.astype(float)
        best = int(np.flatnonzero(cost <= cost.min() + 1e-12)[0])
    else:
        best = 0
    return {n: int(spins[best, i] < 0) for i, n in enumerate(nodes)}


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


def _components(adj: Adjacency) -> list[list[str]]:
    """Connected parts, largest first (ties by smallest id), each sorted."""
    seen: set[str] = set()
    parts: list[list[str]] = []
    for start in sorted(adj):
        if start in seen:
            continue
        seen.add(start)
        part, queue = [], [start]
        while queue:
            u = queue.pop()
            part.append(u)
            for v, _ in adj[u]:
                if v not in seen:
                    seen.add(v)
                    queue.append(v)
        parts.append(sorted(part))
    return sorted(parts, key=lambda p: (-len(p), p[0]))


def _pieces(n: int, edges: list[tuple[int, int]]) -> list[int]:
    """Union-find over ``n`` actors: the root of each actor's piece."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [root(i) for i in range(n)]


def _kept_exact(n: int, spin: np.ndarray, units: list[tuple[int, int, float]], counts: np.ndarray) -> np.ndarray:
    """Per actor of a small part, in how many resamples an exact re-split keeps it in its camp.

    ``units``: (actor index a, actor index b, signed weight) per link; ``counts``: links x resamples.
    """
    resamples = counts.shape[1]
    pair_index: dict[tuple[int, int], int] = {}
    for a, b, _ in units:
        pair_index.setdefault((min(a, b), max(a, b)), len(pair_index))
    pairs = list(pair_index)
    to_pair = np.zeros((len(pairs), len(units)))
    present_of = np.zeros((len(pairs), len(units)))
    for k, (a, b, j) in enumerate(units):
        p = pair_index[(min(a, b), max(a, b))]
        to_pair[p, k] = j
        present_of[p, k] = 1.0
    resampled = to_pair @ counts  # pairs x resamples: net signed weight
    present = (present_of @ counts) > 0
    spins = _spins(n)
    ia = np.array([p[0] for p in pairs])
    ib = np.array([p[1] for p in pairs])
    cost = -(spins[:, ia] * spins[:, ib]) @ resampled  # splits x resamples
    best = np.argmax(cost <= cost.min(axis=0, keepdims=True) + 1e-12, axis=0)
    kept = np.zeros(n)
    for r in range(resamples):
        linked = [pairs[p] for p in np.flatnonzero(present[:, r])]
        if not linked:
            continue
        roots = _pieces(n, linked)
        touched = {i for pair in linked for i in pair}
        chosen = spins[best[r]]
        for piece in {roots[i] for i in touched}:
            members = [i for i in touched if roots[i] == piece]
            agree = sum(1 for i in members if chosen[i] == spin[i])
            flip = agree * 2 < len(members)
            for i in members:
                kept[i] += (chosen[i] == spin[i]) != flip
    return kept


#: Resamples drawn at once for large parts (bounds the dense links x resamples matrix: ~20 MB at 100k links).
CHUNK = 25


def _kept_local(ua: np.ndarray, ub: np.ndarray, signed: np.ndarray, spin: np.ndarray, rng: np.random.Generator,
                resamples: int) -> np.ndarray:  # fmt: skip
    """Per actor of the large parts, in how many resamples its resampled links still favour its camp.

    The others' camps are held fixed: actor u keeps its camp when s_u * sum(J_resampled * s_v) > 0.
    One sparse product per chunk of resamples, for every actor at once.
    """
    k = np.arange(len(ua))
    values = np.concatenate([signed * spin[ub], signed * spin[ua]]).astype(np.float32)
    field_of = sparse.csr_array(
        (values, (np.concatenate([ua, ub]), np.concatenate([k, k]))), shape=(len(spin), len(ua))
    )
    kept = np.zeros(len(spin))
    for start in range(0, resamples, CHUNK):
        draws = min(CHUNK, resamples - start)
        field = field_of @ rng.poisson(1.0, size=(len(ua), draws)).astype(np.float32)
        kept += ((spin[:, None] * field) > 1e-12).sum(axis=1)
    return kept


def split_signed(
    links: Sequence[Link],
    *,
    seed: int = 0,
    weighted: bool = True,
    restarts: int = 2,
    exact_limit: int = EXACT_LIMIT,
    resamples: int = RESAMPLES,
) -> Balance:
    """Split the actors of signed ``links`` into two camps minimising frustration, with the evidence of each.

    ``weighted=False`` counts each link as 1 instead of its weight. Random starts and resamples are
    drawn from ``seed``; ``resamples=0`` skips the stability (every score is then 0).

    >>> links = [Link("k", "a", -1, 2.0, "ACCUSES"), Link("a", "b", 1, 1.0, "ALLIED_WITH"),
    ...          Link("k", "b", -1, 1.0, "ACCUSES")]
    >>> result = split_signed(links)
    >>> sorted(result.leaning.items()), result.evidence["b"].links, result.broken
    ([('a', 'A'), ('b', 'A'), ('k', 'B')], 2, [])
    """
    units = [link for link in links if link.a != link.b and link.sign != 0]
    adj: Adjacency = defaultdict(list)
    for (u, v), j in _pairs(units, weighted).items():
        adj[u].append((v, j))
        adj[v].append((u, j))
    leaning: dict[str, str] = {}
    side_of: dict[str, int] = {}
    component: dict[str, int] = {}
    exact = True
    parts = _components(adj)
    for i, nodes in enumerate(parts):
        sub: Adjacency = {n: adj[n] for n in nodes}
        side, was_exact = _split(sub, nodes, seed + i, restarts, exact_limit)
        exact = exact and was_exact
        strength = {n: sum(abs(j) for _, j in sub[n]) for n in nodes}
        anchor = min(nodes, key=lambda n: (-strength[n], n))
        for n in nodes:
            side_of[n] = 0 if side[n] == side[anchor] else 1
            leaning[n] = CAMP_NAMES[side_of[n]]
            component[n] = i
    names = sorted(side_of)
    index = {n: i for i, n in enumerate(names)}
    ua = np.fromiter((index[k.a] for k in units), dtype=np.int64, count=len(units))
    ub = np.fromiter((index[k.b] for k in units), dtype=np.int64, count=len(units))
    signed = np.fromiter((k.sign * (k.weight if weighted else 1.0) for k in units), dtype=float, count=len(units))
    sides = np.array([side_of[n] for n in names], dtype=np.int64)
    satisfied = (sides[ua] == sides[ub]) == (signed > 0)
    weight = np.abs(signed)
    size = len(names)

    def per_actor(values: np.ndarray) -> np.ndarray:
        both: np.ndarray = np.add(np.bincount(ua, values, size), np.bincount(ub, values, size))
        return both

    count = per_actor(np.ones(len(units)))
    total = per_actor(weight)
    agreeing = per_actor(weight * satisfied)
    part = np.array([component[name] for name in names], dtype=np.int64)
    kept = _stability(part, ua, ub, signed, sides, seed, resamples, exact_limit)
    evidence = {
        name: PlacementEvidence(
            links=int(count[i]),
            weight=float(total[i]),
            agreeing=float(agreeing[i]),
            breaking=float(total[i] - agreeing[i]),
            stability=float(kept[i]) / resamples if resamples > 0 else 0.0,
        )
        for i, name in enumerate(names)
    }
    broken = [units[k] for k in np.flatnonzero(~satisfied)]
    return Balance(leaning, component, evidence, broken, exact, resamples)


def _stability(part: np.ndarray, ua: np.ndarray, ub: np.ndarray, signed: np.ndarray, side: np.ndarray, seed: int,
               resamples: int, exact_limit: int) -> np.ndarray:  # fmt: skip
    """How many resamples keep each actor in its camp (see the module's docstring); actors by index.

    ``part``: each actor's connected part; ``ua``, ``ub``, ``signed``: each link's ends and signed weight.
    """
    kept = np.zeros(len(part))
    if resamples <= 0 or len(ua) == 0:
        return kept
    rng = np.random.default_rng(abs(seed))  # any int seeds, as in random.Random (numpy refuses negatives)
    spin = 1 - 2 * side
    sizes = np.bincount(part)
    link_part = part[ua]
    order = np.argsort(link_part, kind="stable")
    starts = np.searchsorted(link_part[order], np.arange(len(sizes) + 1))
    by_part = np.argsort(part, kind="stable")
    part_starts = np.searchsorted(part[by_part], np.arange(len(sizes) + 1))
    for p in np.flatnonzero(sizes <= exact_limit):
        ks = order[starts[p] : starts[p + 1]]
        members = by_part[part_starts[p] : part_starts[p + 1]]
        local = {int(g): j for j, g in enumerate(members)}
        units = [(local[int(ua[k])], local[int(ub[k])], float(signed[k])) for k in ks]
        counts = rng.poisson(1.0, size=(len(ks), resamples)).astype(float)
        kept[members] = _kept_exact(len(members), spin[members], units, counts)
    large = sizes[link_part] > exact_limit
    if large.any():
        kept += _kept_local(ua[large], ub[large], signed[large], spin, rng, resamples)
    return kept


__all__ = [
    "CAMP_NAMES",
    "EXACT_LIMIT",
    "MIN_LINKS",
    "MIN_STABILITY",
    "RESAMPLES",
    "Balance",
    "Link",
    "PlacementEvidence",
    "split_signed",
]
