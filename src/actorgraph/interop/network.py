"""The actor network with everything Gephi shows: names, kinds, colours, weights, scores, dates.

Shared by the GEXF and GraphML writers, so both files carry the same network. Scores are computed
here on the exported network itself, by the same functions as ``actorgraph analyze`` (PageRank,
betweenness, accusations made and received, camp, community), so a file is complete whether or not
anyone ran ``--write-back``, and agrees with the network it holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from actorgraph.analytics.camps import camps
from actorgraph.analytics.centrality import centrality
from actorgraph.analytics.projection import Edge, build_graph
from actorgraph.interop.colours import kind_colour, relation_colour
from actorgraph.interop.grades import admiralty_code
from actorgraph.interop.graph import ExportedGraph, RelationRecord
from actorgraph.model.vocabulary import AllegationStatus, RelationType

#: Node size range in Gephi units, scaled by PageRank.
MIN_SIZE, MAX_SIZE = 10.0, 50.0


@dataclass
class NetworkNode:
    id: str
    label: str
    node_type: str
    kind: str
    colour: str
    size: float
    attributes: dict[str, Any] = field(default_factory=dict)
    first: dt.date | None = None
    last: dt.date | None = None


@dataclass
class NetworkEdge:
    id: str
    source: str
    target: str
    type: str
    weight: int
    colour: str
    attributes: dict[str, Any]
    first: dt.date | None
    last: dt.date | None


@dataclass
class Network:
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


def _scores(graph: ExportedGraph) -> dict[str, dict[str, Any]]:
    """Per actor: pagerank, betweenness, accusations_made, accused, camp, community."""
    actor_edges = [
        Edge(r.source, r.target, RelationType(r.type), r.statements, r.first_stated, r.last_stated)
        for r in graph.relations
        if r.source in graph.actors and r.target in graph.actors
    ]
    projected = build_graph([(a.id, a.name, a.kind) for a in graph.actors.values()], actor_edges)
    out: dict[str, dict[str, Any]] = {a: {} for a in graph.actors}
    for row in centrality(projected).rows:
        out[row.actor].update(
            pagerank=round(row.pagerank, 9), betweenness=round(row.betweenness, 9),
            accusations_made=row.accusations_made, accused=row.accused,
        )  # fmt: skip
    for camp in camps(projected).rows:
        out[camp.actor]["community"] = camp.community
        if camp.camp is not None:
            out[camp.actor]["camp"] = camp.camp
    return out


def _span(relations: list[RelationRecord]) -> tuple[dt.date | None, dt.date | None]:
    firsts = [r.first_stated for r in relations if r.first_stated]
    lasts = [r.last_stated for r in relations if r.last_stated]
    return (min(firsts) if firsts else None), (max(lasts) if lasts else None)


def _grades(relation: RelationRecord, grades: dict[str, str | None]) -> str | None:
    """The Admiralty codes of the statements behind an edge, in the order of ``statements`` (``--`` for one
    not graded); None when none is graded."""
    codes = [grades.get(s) for s in relation.statements]
    return " ".join(c or "--" for c in codes) if any(codes) else None


def actor_network(graph: ExportedGraph) -> Network:
    """Actors and events as nodes, derived relationships as edges, in id / (type, source, target) order."""
    scores = _scores(graph)
    top = max((s.get("pagerank", 0.0) for s in scores.values()), default=0.0) or 1.0
    touching: dict[str, list[RelationRecord]] = {}
    for r in graph.relations:
        touching.setdefault(r.source, []).append(r)
        touching.setdefault(r.target, []).append(r)
    contested = {a.id for a in graph.allegations.values() if a.status == AllegationStatus.CONTESTED.value}
    nodes: list[NetworkNode] = []
    for a in graph.actors.values():
        first, last = _span(touching.get(a.id, []))
        s = scores[a.id]
        nodes.append(
            NetworkNode(
                id=a.id, label=a.name, node_type="Actor", kind=a.kind, colour=kind_colour("Actor", a.kind),
                size=round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * s.get("pagerank", 0.0) / top, 3),
                attributes={"country": a.country, "reliability": a.reliability, **s}, first=first, last=last,
            )
        )  # fmt: skip
    for e in graph.events.values():
        first, last = _span(touching.get(e.id, []))
        nodes.append(
            NetworkNode(
                id=e.id, label=e.name, node_type="Event", kind=e.kind, colour=kind_colour("Event", e.kind),
                size=MIN_SIZE, attributes={"start_date": e.start_date, "end_date": e.end_date},
                first=first, last=last,
            )
        )  # fmt: skip
    statement_allegation = {s.id: s.allegation for s in graph.statements.values()}
    grades = {s.id: admiralty_code(graph.reliability_of(s), s.credibility) for s in graph.statements.values()}
    edges = [
        NetworkEdge(
            id=f"{r.type}:{r.source}:{r.target}", source=r.source, target=r.target, type=r.type, weight=r.count,
            colour=relation_colour(r.type),
            attributes={
                "statements": " ".join(r.statements),
                "contested": sum(1 for s in r.statements if statement_allegation.get(s) in contested),
                "grades": _grades(r, grades),
            },
            first=r.first_stated, last=r.last_stated,
        )
        for r in graph.relations
        if all(end in graph.actors or end in graph.events for end in (r.source, r.target))
    ]  # fmt: skip
    return Network(nodes=nodes, edges=edges)
