"""Who accuses most, who is most accused, who matters in the accusation web, who brokers the network."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import networkx as nx

from actorgraph.analytics.backend import named_backend, preferred
from actorgraph.analytics.brandes import betweenness as vectorized_betweenness
from actorgraph.analytics.layers import layer, name, undirected
from actorgraph.analytics.ranks import RANK_RESAMPLES, accusation_ranks
from actorgraph.analytics.reporters import reporting_voices, without_reporters

#: Exact betweenness costs one breadth-first search per actor, ~ actors x links; above this budget it is
#: estimated from ``k`` sampled sources instead (a 2,000-actor network with 100k links would take minutes).
EXACT_BETWEENNESS_BUDGET = 20_000_000
#: PageRank's tolerance: tight enough to agree with other implementations to 1e-6.
PAGERANK_TOLERANCE = 1e-10
#: Each sampled source is one breadth-first search over the whole network (~0.1-0.3 s at 10k actors).
DEFAULT_SAMPLES = 64


@dataclass(frozen=True)
class CentralityRow:
    actor: str
    name: str
    accusations_made: int
    accused: int
    pagerank: float
    betweenness: float
    rank: int = 0
    """Competition rank by accusations made (1 = most; equal counts share a rank)."""
    rank_low: int = 0
    """The rank range when the statements are resampled (:mod:`actorgraph.analytics.ranks`): best ..."""
    rank_high: int = 0
    """... and worst of the central 90%. A range wider than one rank means the order is not settled."""


@dataclass(frozen=True)
class CentralityResult:
    rows: list[CentralityRow]
    betweenness_samples: int | None
    """Sources sampled for betweenness (None: exact)."""
    rank_resamples: int = RANK_RESAMPLES
    reporters_left_out: list[str] = field(default_factory=list)
    """Reporting voices whose accusations were not counted (empty when they were included)."""


def _iterations(alpha: float) -> int:
    """Power iterations that always reach the tolerance: the error shrinks by ``alpha`` per step.

    networkx stops at 100 by default and then fails, which at alpha 0.85 and our tolerance is too few.
    """
    return math.ceil(math.log(PAGERANK_TOLERANCE) / math.log(alpha)) + 50 if 0 < alpha < 1 else 100


def centrality(
    graph: nx.MultiDiGraph,
    *,
    k: int | None = None,
    seed: int = 0,
    alpha: float = 0.85,
    include_reporters: bool = False,
    resamples: int = RANK_RESAMPLES,
) -> CentralityResult:
    """Rank actors by the accusations they make (weighted out-degree on ACCUSES), then by those they receive.

    - ``accusations_made`` / ``accused``: statements behind the actor's outgoing / incoming ACCUSES edges;
    - ``pagerank``: PageRank on the weighted accusation layer (being accused by the much-accused counts more);
    - ``betweenness``: normalised betweenness on the whole network, undirected and unweighted (who sits on
      the chains between others). Exact within ``EXACT_BETWEENNESS_BUDGET`` (actors x links), else from
      ``k`` (default ``DEFAULT_SAMPLES``) sources drawn with ``seed``;
    - ``rank`` and ``rank_low``..``rank_high``: the rank by accusations made and the range it moves in when
      the statements are resampled ``resamples`` times (:mod:`actorgraph.analytics.ranks`).

    Accusations voiced by reporting voices (MEDIA actors) are not counted unless ``include_reporters``
    (:mod:`actorgraph.analytics.reporters`); betweenness still sees every relationship.

    >>> from actorgraph.analytics.projection import Edge, build_graph
    >>> g = build_graph([], [Edge("k", "a", "ACCUSES", ("s1", "s2")), Edge("a", "k", "ACCUSES", ("s3",))])
    >>> [(r.actor, r.accusations_made, r.accused) for r in centrality(g).rows]
    [('k', 2, 1), ('a', 1, 2)]
    """
    reporters = [] if include_reporters else sorted(reporting_voices(graph))
    accusations = layer(graph if include_reporters else without_reporters(graph), {"ACCUSES"})
    whole = undirected(graph)
    n = whole.number_of_nodes()
    exact = n * max(whole.number_of_edges(), 1) <= EXACT_BETWEENNESS_BUDGET
    samples = None if k is None and exact else min(n, k or DEFAULT_SAMPLES)
    if samples is not None and samples >= n:
        samples = None
    with preferred() as chosen_backends:
        pagerank = (
            nx.pagerank(accusations, alpha=alpha, weight="weight", tol=PAGERANK_TOLERANCE, max_iter=_iterations(alpha))
            if n
            else {}
        )
        if not n:
            betweenness = {}
        elif chosen_backends and named_backend():  # a backend asked for by name: networkx dispatches to it
            betweenness = nx.betweenness_centrality(whole, k=samples, normalized=True, seed=seed)
        else:  # the same numbers as networkx's, one sparse product per BFS level for many sources at once
            betweenness = vectorized_betweenness(whole, k=samples, seed=seed)
    made = dict(accusations.out_degree(weight="weight"))
    received = dict(accusations.in_degree(weight="weight"))
    ranks = accusation_ranks(accusations, list(graph.nodes), seed=seed, resamples=resamples)
    rows = [
        CentralityRow(
            actor=str(node),
            name=name(graph, node),
            accusations_made=int(made.get(node, 0)),
            accused=int(received.get(node, 0)),
            pagerank=float(pagerank.get(node, 0.0)),
            betweenness=float(betweenness.get(node, 0.0)),
            rank=ranks[node].rank,
            rank_low=ranks[node].low,
            rank_high=ranks[node].high,
        )
        for node in graph.nodes
    ]
    rows.sort(key=lambda r: (-r.accusations_made, -r.accused, -r.pagerank, r.actor))
    return CentralityResult(rows=rows, betweenness_samples=samples, rank_resamples=resamples,
                            reporters_left_out=reporters)  # fmt: skip
