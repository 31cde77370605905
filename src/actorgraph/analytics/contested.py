"""Allegations ranked by how contested they are: voices on each side and the sources they come from."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from actorgraph.errors import ActorgraphError
from actorgraph.model.network import AllegationInfo
from actorgraph.model.vocabulary import Stance


@dataclass(frozen=True)
class ContestedRow:
    allegation: str
    summary: str
    predicate: str
    status: str | None
    subject: str
    object: str
    affirming: list[str]
    """Distinct voices affirming (an institution spoken for counts once, not per spokesman)."""
    denying: list[str]
    sources: int
    """Distinct sources the statements were reported in."""
    balance: float
    """Weaker side / stronger side: 1.0 when evenly split, 0.0 when nobody disagrees."""
    reason: str = ""
    """Why it has its status (the status rule's reason, read from the store by the CLI and GraphQL; the pure
    report leaves it empty, since the projection carries no chains of custody)."""


def allegations_of(graph: nx.MultiDiGraph) -> dict[str, AllegationInfo]:
    """The statements per allegation the graph was projected with; an error if it was projected without them."""
    if not graph.graph.get("has_accounts"):
        raise ActorgraphError("this report needs the statements: project the graph with accounts=True.")
    found: dict[str, AllegationInfo] = graph.graph["allegations"]
    return found


def contested(graph: nx.MultiDiGraph, *, include_uncontested: bool = False) -> list[ContestedRow]:
    """Allegations affirmed and denied by different voices, most contested first.

    Ranked by the number of voices on the weaker side, then independent sources, then all voices,
    then id. With ``include_uncontested`` allegations nobody disagrees with are listed too (last).

    >>> from actorgraph.analytics.projection import build_graph
    >>> from actorgraph.model.derivation import Account
    >>> from actorgraph.model.network import AllegationInfo
    >>> from actorgraph.model.vocabulary import Predicate
    >>> def said(sid, stance, voice, source):
    ...     return Account("x", Predicate.CONTROLLED_BY, "x", "y", False, sid, stance, None, voice, None, source)
    >>> info = AllegationInfo("x", Predicate.CONTROLLED_BY, "CONTESTED", "X is a proxy", "x", "y", [
    ...     said("s1", Stance.AFFIRMS, "k", "src1"), said("s2", Stance.DENIES, "y", "src2")])
    >>> [(r.allegation, r.affirming, r.denying, r.sources) for r in contested(build_graph([], [], {"x": info}))]
    [('x', ['k'], ['y'], 2)]
    """
    if include_uncontested and graph.graph.get("disputed_only"):
        raise ActorgraphError("this graph holds only disputed allegations' statements: cannot list uncontested ones.")
    rows: list[ContestedRow] = []
    for info in allegations_of(graph).values():
        affirming = sorted({a.voice for a in info.accounts if a.stance is Stance.AFFIRMS})
        denying = sorted({a.voice for a in info.accounts if a.stance is Stance.DENIES})
        weak, strong = sorted((len(affirming), len(denying)))
        if weak == 0 and not include_uncontested:
            continue
        rows.append(
            ContestedRow(
                allegation=info.id,
                summary=info.summary,
                predicate=info.predicate.value,
                status=info.status,
                subject=info.subject,
                object=info.object,
                affirming=affirming,
                denying=denying,
                sources=len({a.source for a in info.accounts if a.source}),
                balance=weak / strong if strong else 0.0,
            )
        )
    rows.sort(
        key=lambda r: (
            -min(len(r.affirming), len(r.denying)),
            -r.sources,
            -(len(r.affirming) + len(r.denying)),
            r.allegation,
        )
    )
    return rows
