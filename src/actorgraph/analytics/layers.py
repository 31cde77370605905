"""Views of the projected multigraph that the reports run on: one layer, collapsed to a simple graph.

networkx's algorithms want simple graphs with one ``weight`` per pair; our network has one edge per
relationship type. Each function sums the weights of the edges it keeps.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx


def layer(graph: nx.MultiDiGraph, types: Iterable[str]) -> nx.DiGraph:
    """The directed simple graph of the edges of ``types``, weights summed; every actor kept.

    >>> from actorgraph.analytics.projection import Edge, build_graph
    >>> g = build_graph([], [Edge("a", "b", "ACCUSES", ("s1",)), Edge("a", "b", "OPPOSES", ("s2",))])
    >>> layer(g, {"ACCUSES"})["a"]["b"]["weight"]
    1
    """
    keep = set(types)
    out = nx.DiGraph()
    out.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        if data["type"] in keep and u != v:
            w = out[u][v]["weight"] if out.has_edge(u, v) else 0
            out.add_edge(u, v, weight=w + data["weight"])
    return out


def undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    """Every relationship as an undirected link (weights summed): "how are actors connected"."""
    out = nx.Graph()
    out.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        if u != v:
            w = out[u][v]["weight"] if out.has_edge(u, v) else 0
            out.add_edge(u, v, weight=w + data["weight"])
    return out


def signed_pairs(graph: nx.MultiDiGraph, weight: str | None = "weight") -> dict[tuple[str, str], tuple[float, float]]:
    """Per unordered pair (sorted ids), the (positive, negative) weight between them; neutral edges skipped.

    ``weight=None`` counts every edge as 1.
    """
    pairs: dict[tuple[str, str], tuple[float, float]] = {}
    for u, v, data in graph.edges(data=True):
        if u == v or data["sign"] == 0:
            continue
        key = (u, v) if str(u) <= str(v) else (v, u)
        w = float(data[weight]) if weight else 1.0
        pos, neg = pairs.get(key, (0.0, 0.0))
        pairs[key] = (pos + w, neg) if data["sign"] > 0 else (pos, neg + w)
    return pairs


def cooperative(graph: nx.MultiDiGraph) -> nx.Graph:
    """The undirected graph of positive (cooperative and structural) edges, weights summed."""
    out = nx.Graph()
    out.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        if data["sign"] > 0 and u != v:
            w = out[u][v]["weight"] if out.has_edge(u, v) else 0
            out.add_edge(u, v, weight=w + data["weight"])
    return out


def name(graph: nx.MultiDiGraph, node: str) -> str:
    """The display name of an actor (its id when it has none)."""
    return str(graph.nodes[node].get("name") or node)
