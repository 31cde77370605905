"""The shortest chains of relationships between two actors, in either direction."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import networkx as nx

from actorgraph.analytics.ego import resolve
from actorgraph.analytics.layers import name


@dataclass(frozen=True)
class Hop:
    source: str
    target: str
    types: list[str]
    """Every relationship type linking this pair, with its direction (``ACCUSES>`` forward, ``<ACCUSES`` back)."""


@dataclass(frozen=True)
class PathRow:
    rank: int
    length: int
    actors: list[str]
    names: list[str]
    hops: list[Hop]


def path(graph: nx.MultiDiGraph, source: str, target: str, *, limit: int = 10) -> list[PathRow]:
    """Up to ``limit`` shortest chains from ``source`` to ``target`` (ids or names), edges taken either way.

    >>> from actorgraph.analytics.projection import Edge, build_graph
    >>> g = build_graph([], [Edge("k", "a", "ACCUSES", ("s1",)), Edge("b", "a", "ALLIED_WITH", ("s2",))])
    >>> [(p.actors, [h.types for h in p.hops]) for p in path(g, "k", "b")]
    [(['k', 'a', 'b'], [['ACCUSES>'], ['<ALLIED_WITH']])]
    """
    start, end = resolve(graph, source), resolve(graph, target)
    view = graph.to_undirected(as_view=True)
    try:
        found = sorted(itertools.islice(nx.all_shortest_paths(view, start, end), limit))
    except nx.NetworkXNoPath:
        return []
    rows = []
    for rank, nodes in enumerate(found, start=1):
        hops = []
        for u, v in itertools.pairwise(nodes):
            types = [f"{t}>" for t in sorted(graph[u][v])] if graph.has_edge(u, v) else []
            types += [f"<{t}" for t in sorted(graph[v][u])] if graph.has_edge(v, u) else []
            hops.append(Hop(str(u), str(v), types))
        rows.append(PathRow(rank, len(nodes) - 1, [str(n) for n in nodes], [name(graph, n) for n in nodes], hops))
    return rows
