"""The ego report: an actor's neighborhood — who it is linked to, how, and on how many statements."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from actorgraph.analytics.layers import name
from actorgraph.errors import NotFound


@dataclass(frozen=True)
class EgoRow:
    neighbour: str
    name: str
    distance: int
    via: str
    """The actor one ring in that links to the neighbour (the actor itself in the first ring)."""
    direction: str
    """``out`` (the actor -> neighbour), ``in`` (neighbour -> the actor), or ``-`` beyond the first ring."""
    type: str
    sign: int
    weight: int


def resolve(graph: nx.MultiDiGraph, actor: str) -> str:
    """The node for an actor id, or a name matched case-insensitively; NotFound with the fix otherwise."""
    if actor in graph:
        return actor
    wanted = actor.casefold()
    matches = sorted(str(n) for n, d in graph.nodes(data=True) if str(d.get("name") or "").casefold() == wanted)
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise NotFound(f"{actor!r} names several actors ({', '.join(matches)}): use one of their ids.")
    raise NotFound(f"no actor {actor!r} in the network: use an id from `actorgraph analyze centrality`.")


def ego(graph: nx.MultiDiGraph, actor: str, *, radius: int = 1) -> list[EgoRow]:
    """The relationships of ``actor`` (by id or name) and, with ``radius`` > 1, those of its neighbours.

    One row per relationship: for the first ring, each edge to or from the actor; further out, the edges
    that reach each new actor from the ring before. Strongest first within each ring.

    >>> from actorgraph.analytics.projection import Edge, build_graph
    >>> g = build_graph([], [Edge("k", "a", "ACCUSES", ("s1", "s2")), Edge("h", "k", "CONTRADICTS", ("s3",))])
    >>> [(r.neighbour, r.direction, r.type) for r in ego(g, "k")]
    [('a', 'out', 'ACCUSES'), ('h', 'in', 'CONTRADICTS')]
    """
    if radius < 1:
        raise ValueError("radius must be at least 1")
    center = resolve(graph, actor)
    distance = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), center, cutoff=radius)
    rows: list[EgoRow] = []
    for u, v, data in graph.edges(data=True):
        if u == v or u not in distance or v not in distance:
            continue
        if center in (u, v):
            other, via, direction = (v, u, "out") if u == center else (u, v, "in")
        elif abs(distance[u] - distance[v]) == 1:
            other, via, direction = (u, v, "-") if distance[u] > distance[v] else (v, u, "-")
        else:
            continue
        rows.append(EgoRow(str(other), name(graph, other), distance[other], str(via), direction, data["type"],
                           data["sign"], data["weight"]))  # fmt: skip
    rows.sort(key=lambda r: (r.distance, -r.weight, r.neighbour, r.via, r.type))
    return rows
