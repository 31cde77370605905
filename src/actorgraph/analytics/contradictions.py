"""Pairs of actors who contradict each other, and on which allegations."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from actorgraph.analytics.contested import allegations_of
from actorgraph.analytics.layers import name


@dataclass(frozen=True)
class ContradictionRow:
    actor_a: str
    actor_b: str
    name_a: str
    name_b: str
    a_denies_b: int
    """Statements behind ``a -[:CONTRADICTS]-> b`` (a denies what b affirms), both sides' statements counted."""
    b_denies_a: int
    allegations: list[str]
    """Allegations one of them affirms and the other denies."""
    summaries: list[str] = field(default_factory=list)


def contradictions(graph: nx.MultiDiGraph) -> list[ContradictionRow]:
    """Every pair linked by CONTRADICTS (either way), with the allegations involved; most contradictions first.

    >>> from actorgraph.analytics.projection import build_graph
    >>> from actorgraph.model.derivation import Account
    >>> from actorgraph.model.network import AllegationInfo, Edge
    >>> from actorgraph.model.vocabulary import Predicate, Stance
    >>> def said(sid, stance, voice):
    ...     return Account("x", Predicate.CONTROLLED_BY, "x", "y", False, sid, stance, None, voice, None)
    >>> info = AllegationInfo("x", Predicate.CONTROLLED_BY, "CONTESTED", "X is a proxy", "x", "y", [
    ...     said("s1", Stance.AFFIRMS, "k"), said("s2", Stance.DENIES, "h")])
    >>> g = build_graph([], [Edge("h", "k", "CONTRADICTS", ("s1", "s2"))], {"x": info})
    >>> [(r.actor_a, r.actor_b, r.allegations) for r in contradictions(g)]
    [('h', 'k', ['x'])]
    """
    allegations = allegations_of(graph)
    by_statement = {acc.statement: info.id for info in allegations.values() for acc in info.accounts}
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    involved: dict[tuple[str, str], set[str]] = defaultdict(set)
    for u, v, data in graph.edges(data=True):
        if data["type"] != "CONTRADICTS" or u == v:
            continue
        pair = (str(u), str(v)) if str(u) <= str(v) else (str(v), str(u))
        counts[pair][0 if pair[0] == str(u) else 1] += int(data["weight"])
        involved[pair] |= {by_statement[s] for s in data["statements"] if s in by_statement}
    rows = [
        ContradictionRow(
            actor_a=a,
            actor_b=b,
            name_a=name(graph, a),
            name_b=name(graph, b),
            a_denies_b=n[0],
            b_denies_a=n[1],
            allegations=sorted(involved[(a, b)]),
            summaries=[allegations[i].summary for i in sorted(involved[(a, b)])],
        )
        for (a, b), n in counts.items()
    ]
    rows.sort(key=lambda r: (-len(r.allegations), -(r.a_denies_b + r.b_denies_a), r.actor_a, r.actor_b))
    return rows
