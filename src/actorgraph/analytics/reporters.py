"""Voices that report are not parties: outlets and authors are left out of camps and hostility by default.

An article's author who writes "the Russian Volunteer Corps took part in the incursion" is recorded as
affirming it; the derivation makes that ``REPORTS`` (provenance, sign 0), not ``ACCUSES``, because the
author is a reporting voice (``model/derivation.py``). For the question "who is hostile to whom, who
backs which account" what an outlet says is noise: it relays, it does not take part. So the reports that
place actors (camps of either kind, accusation counts) also skip what a **reporting voice** says as a
voice: its ``REPORTS`` and ``CONTRADICTS`` links, its agreements and contradictions. Its statements
stay in the graph as provenance, and the subject-to-object relationships it reports (``A OPPOSES B``)
stay too: they are about the parties. An outlet that others accuse, or that is reported to speak for a
state, keeps those links and is placed by them: it is then a party.

A reporting voice is an actor of a kind in ``REPORTING_KINDS`` (``MEDIA``): outlets, wire services, and
a source's own author when the dossier records it as such (as the seed does with ``seed-article-author``).
"""

from __future__ import annotations

import networkx as nx

from actorgraph.model.vocabulary import RelationType, is_reporting

#: Derived relationships whose ends are voices (who said it), per end: (source is a voice, target is).
#: The others run from an allegation's subject to its object and say nothing about who reported them.
VOICED: dict[str, tuple[bool, bool]] = {
    RelationType.ACCUSES.value: (True, False),
    RelationType.REPORTS.value: (True, False),
    RelationType.CONTRADICTS.value: (True, True),
    RelationType.CLAIMS_RESPONSIBILITY.value: (True, False),
    RelationType.DENIES_INVOLVEMENT.value: (True, False),
}


def reporting_voices(graph: nx.MultiDiGraph) -> frozenset[str]:
    """The actors of the graph that report rather than take part (kind ``MEDIA``).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("wire", kind="MEDIA"); g.add_node("k", kind="GOVERNMENT")
    >>> sorted(reporting_voices(g))
    ['wire']
    """
    return frozenset(str(n) for n, kind in graph.nodes(data="kind") if is_reporting(kind))


def voiced_by(edge_type: str, source: str, target: str, voices: frozenset[str]) -> bool:
    """True when one of ``voices`` is a voice of this relationship (so it says nothing about the parties).

    >>> voiced_by("ACCUSES", "wire", "rvc", frozenset({"wire"})), voiced_by("OPPOSES", "wire", "k", frozenset({"wire"}))
    (True, False)
    """
    ends = VOICED.get(edge_type)
    if ends is None:
        return False
    return (ends[0] and source in voices) or (ends[1] and target in voices)


def without_reporters(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A read-only view of ``graph`` without the relationships voiced by reporting voices (nodes kept).

    >>> from actorgraph.analytics.projection import Edge, build_graph
    >>> g = build_graph([("wire", "Wire", "MEDIA"), ("rvc", "RVC", "ARMED_GROUP"), ("k", "K", "GOVERNMENT")],
    ...                 [Edge("wire", "rvc", "ACCUSES", ("s1",)), Edge("rvc", "k", "OPPOSES", ("s1",))])
    >>> [(u, v, t) for u, v, t in without_reporters(g).edges(keys=True)]
    [('rvc', 'k', 'OPPOSES')]
    """
    voices = reporting_voices(graph)
    if not voices:
        return graph
    view: nx.MultiDiGraph = nx.subgraph_view(
        graph, filter_edge=lambda u, v, key: not voiced_by(str(key), str(u), str(v), voices)
    )
    return view


__all__ = ["VOICED", "reporting_voices", "voiced_by", "without_reporters"]
