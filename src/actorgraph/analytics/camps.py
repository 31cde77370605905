"""Two opposing camps by structural balance, the links that break them, and communities; with evidence.

Two kinds of camps, kept apart because they answer different questions:

- **hostility camps** (``by="hostility"``, the default): the derived relationships as a signed network
  (hostile edges -1: ACCUSES, CONTRADICTS, OPPOSES; cooperative and structural +1) — *who is hostile
  to whom*. An actor confirming a group's claim "accuses" it, so lands against it.
- **narrative camps** (``by="narrative"``): narrative alignment (:mod:`actorgraph.analytics.narratives`),
  voices agreeing or contradicting on the same allegations — *which accounts do actors back*.

Both are split by :func:`actorgraph.analytics.balance.split_signed`, so every placement carries its
evidence (links, weight, stability) and a camp is shown only when that evidence is enough; otherwise
the actor is *undetermined* and only its leaning is kept. Reporting voices (MEDIA actors) are left out
unless ``include_reporters`` (:mod:`actorgraph.analytics.reporters`). Communities are Louvain on the
positive links of the same network (cooperative relationships; agreements), with a stability of their
own on small networks.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx

from actorgraph.analytics.balance import (
    EXACT_LIMIT,
    MIN_LINKS,
    MIN_STABILITY,
    RESAMPLES,
    Link,
    PlacementEvidence,
    split_signed,
)
from actorgraph.analytics.layers import name
from actorgraph.analytics.narratives import StatementWeight, narrative_links, statement_count
from actorgraph.analytics.reporters import reporting_voices, voiced_by
from actorgraph.errors import UsageError

Basis = Literal["hostility", "narrative"]
BASES: tuple[Basis, ...] = ("hostility", "narrative")
#: Community stability (Louvain run again per resample) is computed on networks up to this many actors.
COMMUNITY_STABILITY_LIMIT = 1000
COMMUNITY_RESAMPLES = 20


@dataclass(frozen=True)
class CampRow:
    actor: str
    name: str
    camp: str | None
    """``A`` or ``B`` when the evidence shows it; None when undetermined, unlinked or a reporting voice left out."""
    leaning: str | None
    """Where the best split puts the actor, shown or not (None: no signed link counted)."""
    evidence: PlacementEvidence | None
    """The links behind the placement and its stability; None when the actor has no signed link."""
    community: int
    """Louvain community on the positive links (0 is the largest)."""
    component: int | None
    """Which connected part of the signed network (0 is the largest): camps of different parts are independent."""
    reporting: bool = False
    """A reporting voice (MEDIA), left out as a voice unless asked for."""
    community_stability: float | None = None
    """Share of resampled Louvain runs in which the actor's community stays the same (mean Jaccard); None when
    the actor has no positive link or the network is too large to resample."""
    community_size: int = 1
    """How many actors share the community (1: the actor has no positive link to anyone)."""

    @property
    def undetermined(self) -> bool:
        """Placed by the split, on evidence too thin to show a camp."""
        return self.camp is None and self.leaning is not None


@dataclass(frozen=True)
class FrustratedEdge:
    """Links that break the split: hostile (contradicting) inside a camp, cooperative (agreeing) across."""

    source: str
    target: str
    type: str
    sign: int
    weight: float
    source_camp: str
    target_camp: str
    allegations: list[str] = field(default_factory=list)
    """Narrative camps: the allegations the pair agrees or contradicts on."""


@dataclass(frozen=True)
class CampsResult:
    rows: list[CampRow]
    frustration: int
    """How many links break the split (relationships for hostility, agreeing/contradicting pairs for narratives)."""
    frustration_weight: float
    frustrated: list[FrustratedEdge]
    communities: list[list[str]]
    exact: bool
    """True when every component was split exactly."""
    basis: str = "hostility"
    resamples: int = RESAMPLES
    min_links: int = MIN_LINKS
    min_stability: float = MIN_STABILITY
    reporters_left_out: list[str] = field(default_factory=list)
    """Reporting voices whose links were not counted (empty when they were included)."""


def hostility_links(graph: nx.MultiDiGraph, *, weight: str | None = "weight",
                    include_reporters: bool = False) -> list[Link]:  # fmt: skip
    """Every signed relationship of the network as a link (neutral ones skipped), one per edge.

    >>> from actorgraph.analytics.projection import Edge, build_graph
    >>> g = build_graph([], [Edge("k", "a", "ACCUSES", ("s1", "s2")), Edge("k", "e", "DENIES_INVOLVEMENT", ("s3",))])
    >>> hostility_links(g)
    [Link(a='k', b='a', sign=-1, weight=2.0, kind='ACCUSES', about=None)]
    """
    voices = frozenset() if include_reporters else reporting_voices(graph)
    return [
        Link(u, v, d["sign"], float(d[weight]) if weight else 1.0, d["type"])
        for u, v, d in graph.edges(data=True)
        if u != v and d["sign"] != 0 and not (voices and voiced_by(d["type"], u, v, voices))
    ]


def _positive_layer(nodes: Sequence[str], links: Sequence[Link]) -> nx.Graph:
    out = nx.Graph()
    out.add_nodes_from(nodes)
    for link in links:
        if link.sign > 0 and link.a != link.b:
            w = out[link.a][link.b]["weight"] if out.has_edge(link.a, link.b) else 0.0
            out.add_edge(link.a, link.b, weight=w + link.weight)
    return out


def _communities(layer: nx.Graph, seed: int, resolution: float) -> list[list[str]]:
    found = nx.community.louvain_communities(layer, weight="weight", resolution=resolution, seed=seed)
    return sorted((sorted(map(str, c)) for c in found), key=lambda c: (-len(c), c))


def _community_stability(layer: nx.Graph, communities: list[list[str]], seed: int,
                         resolution: float) -> dict[str, float]:  # fmt: skip
    """Mean Jaccard similarity of each linked actor's community with its community in resampled runs."""
    linked = [n for n in layer if layer.degree(n) > 0]
    if not linked or layer.number_of_nodes() > COMMUNITY_STABILITY_LIMIT:
        return {}
    home = {n: set(c) for c in communities for n in c}
    rng = random.Random(seed)
    total: dict[str, float] = defaultdict(float)
    edges = list(layer.edges(data="weight"))
    for r in range(COMMUNITY_RESAMPLES):
        drawn = nx.Graph()
        drawn.add_nodes_from(layer)
        for u, v, w in edges:
            times = _poisson(rng)
            if times:
                drawn.add_edge(u, v, weight=w * times)
        again = {n: set(c) for c in _communities(drawn, seed + r + 1, resolution) for n in c}
        for n in linked:
            total[n] += len(home[n] & again[n]) / len(home[n] | again[n])
    return {n: total[n] / COMMUNITY_RESAMPLES for n in linked}


def _poisson(rng: random.Random) -> int:
    """A Poisson(1) draw (Knuth's method: a handful of uniforms)."""
    limit, k, p = 0.36787944117144233, 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def camps(
    graph: nx.MultiDiGraph,
    *,
    by: Basis = "hostility",
    seed: int = 0,
    weight: str | None = "weight",
    statement_weight: StatementWeight = statement_count,
    include_reporters: bool = False,
    restarts: int = 2,
    resolution: float = 1.0,
    exact_limit: int = EXACT_LIMIT,
    resamples: int = RESAMPLES,
    min_links: int = MIN_LINKS,
    min_stability: float = MIN_STABILITY,
) -> CampsResult:
    """Split actors into two opposing camps minimising frustration, each placement with its evidence.

    ``by`` chooses the signed network: ``hostility`` (derived relationships, weighted by statements;
    ``weight=None`` counts each once) or ``narrative`` (agreements and contradictions per allegation,
    weighted by ``statement_weight``; needs the graph projected with its accounts). In each connected
    part camp ``A`` is the one holding its strongest actor. Parts of up to ``exact_limit`` actors are
    split exactly; larger ones by local search with ``restarts`` random starts. A camp is shown when the
    actor has at least ``min_links`` links and keeps its camp in ``min_stability`` of ``resamples``.

    >>> from actorgraph.analytics.projection import Edge, build_graph
    >>> g = build_graph([], [Edge("k", "a", "ACCUSES", ("s1",)), Edge("a", "b", "ALLIED_WITH", ("s2",)),
    ...                      Edge("k", "b", "ACCUSES", ("s3",)), Edge("a", "k", "OPPOSES", ("s4",))])
    >>> result = camps(g)
    >>> [(r.actor, r.camp, r.evidence.links) for r in result.rows], result.frustration
    ([('a', 'A', 3), ('b', 'A', 2), ('k', 'B', 3)], 0)
    """
    if by not in BASES:
        raise UsageError(f"camps by {by!r}: choose hostility or narrative.")
    reporters = sorted(reporting_voices(graph)) if not include_reporters else []
    if by == "narrative":
        links = narrative_links(graph, weight=statement_weight, include_reporters=include_reporters)
        if weight is None:
            links = [Link(k.a, k.b, k.sign, 1.0, k.kind, k.about) for k in links]
    else:
        links = hostility_links(graph, weight=weight, include_reporters=include_reporters)
    split = split_signed(links, seed=seed, restarts=restarts, exact_limit=exact_limit, resamples=resamples)
    frustrated = _frustrated(split.broken, split.leaning, by)
    nodes = sorted({str(n) for n in graph.nodes} | set(split.leaning), key=str)
    layer = _positive_layer(nodes, links)
    communities = _communities(layer, seed, resolution)
    community_of = {n: i for i, members in enumerate(communities) for n in members}
    kept = _community_stability(layer, communities, seed, resolution)
    left_out = set(reporters)
    rows = []
    for n in nodes:
        evidence = split.evidence.get(n)
        shown = evidence is not None and evidence.determined(min_links, min_stability)
        rows.append(
            CampRow(
                actor=n,
                name=name(graph, n) if n in graph else n,
                camp=split.leaning[n] if shown else None,
                leaning=split.leaning.get(n),
                evidence=evidence,
                community=community_of[n],
                component=split.component.get(n),
                reporting=n in left_out,
                community_stability=kept.get(n),
                community_size=len(communities[community_of[n]]),
            )
        )
    rows.sort(key=lambda r: (_order(r), r.component or 0, r.camp or r.leaning or "", r.actor))
    return CampsResult(
        rows=rows,
        frustration=len(frustrated),
        frustration_weight=float(sum(e.weight for e in frustrated)),
        frustrated=frustrated,
        communities=communities,
        exact=split.exact,
        basis=by,
        resamples=resamples,
        min_links=min_links,
        min_stability=min_stability,
        reporters_left_out=reporters,
    )


def _order(row: CampRow) -> int:
    """Placed first, then undetermined, then actors with no signed link, reporting voices last."""
    if row.camp is not None:
        return 0
    if row.leaning is not None:
        return 1
    return 3 if row.reporting else 2


def _frustrated(broken: list[Link], leaning: dict[str, str], by: Basis) -> list[FrustratedEdge]:
    """Broken links as the report lists them: one per relationship, or one per pair and kind for narratives."""
    if by == "hostility":
        out = [FrustratedEdge(k.a, k.b, k.kind, k.sign, k.weight, leaning[k.a], leaning[k.b]) for k in broken]
    else:
        grouped: dict[tuple[str, str, str], list[Link]] = defaultdict(list)
        for k in broken:
            grouped[(k.a, k.b, k.kind)].append(k)
        out = []
        for (a, b, kind), group in grouped.items():
            about = sorted(k.about for k in group if k.about)
            weight = sum(k.weight for k in group)
            out.append(FrustratedEdge(a, b, kind, group[0].sign, weight, leaning[a], leaning[b], about))
    out.sort(key=lambda e: (-e.weight, e.source, e.target, e.type))
    return out


def narratives(
    graph: nx.MultiDiGraph,
    *,
    seed: int = 0,
    statement_weight: StatementWeight = statement_count,
    include_reporters: bool = False,
    resamples: int = RESAMPLES,
) -> CampsResult:
    """Narrative camps: :func:`camps` with ``by="narrative"`` (the ``analyze narratives`` report).

    >>> from actorgraph.analytics.projection import build_graph
    >>> from actorgraph.model.derivation import Account
    >>> from actorgraph.model.network import AllegationInfo
    >>> from actorgraph.model.vocabulary import Predicate, Stance
    >>> def said(aid, sid, stance, voice):
    ...     return Account(aid, Predicate.INVOLVED_IN, "n", "attack", True, sid, stance, None, voice, None)
    >>> claim = AllegationInfo("g", Predicate.CARRIED_OUT, None, "G did it", "g", "attack",
    ...     [said("g", "s1", Stance.AFFIRMS, "g"), said("g", "s2", Stance.AFFIRMS, "c")])
    >>> blame = AllegationInfo("n", Predicate.INVOLVED_IN, None, "N was behind it", "n", "attack",
    ...     [said("n", "s3", Stance.AFFIRMS, "b"), said("n", "s4", Stance.DENIES, "c"),
    ...      said("n", "s5", Stance.DENIES, "n")])
    >>> result = narratives(build_graph([], [], {"g": claim, "n": blame}))
    >>> sorted((r.actor, r.leaning) for r in result.rows)
    [('b', 'B'), ('c', 'A'), ('g', 'A'), ('n', 'A')]
    """
    return camps(graph, by="narrative", seed=seed, statement_weight=statement_weight,
                 include_reporters=include_reporters, resamples=resamples)  # fmt: skip


__all__ = [
    "BASES",
    "Basis",
    "CampRow",
    "CampsResult",
    "FrustratedEdge",
    "camps",
    "hostility_links",
    "narratives",
]
