"""Narrative alignment: a signed network built from what actors *say*, not from what they do to each other.

Hostility camps (``camps``) answer "who is hostile to whom" from the derived relationships: an actor
that confirms a group's claim "accuses" the group and lands against it. Analysts of information
operations mostly ask another question: *which accounts do actors back* — who tells the same story,
who contradicts it. Narrative alignment answers that from the statements per allegation:

- two voices **agree** on an allegation when both affirm it or both deny it (a positive link);
- they **contradict** each other when one affirms what the other denies (a negative link).

The stance a voice *holds* on an allegation is the one its statements there weigh most for (a voice
that both affirmed and denied with equal weight holds none); a link weighs the two held stances'
weights together, so by default the statements behind it. The weight of a voice's statements of one stance on
one allegation is a function (:data:`StatementWeight`), :func:`statement_count` unless another is
given: when sources are graded and origins traced (issue 14) a function counting independent origins
plugs in here. A time window is a filter of the projection (``--from``/``--to``, ``--window``).

Reporting voices are left out unless asked for (:mod:`actorgraph.analytics.reporters`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import combinations

import networkx as nx

from actorgraph.analytics.balance import Link
from actorgraph.analytics.contested import allegations_of
from actorgraph.analytics.reporters import reporting_voices
from actorgraph.errors import ActorgraphError
from actorgraph.model.derivation import Account
from actorgraph.model.vocabulary import Stance

#: How much one voice's statements of one stance on one allegation weigh (all of them are given at once,
#: so a weight can count distinct origins rather than statements).
StatementWeight = Callable[[Sequence[Account]], float]

AGREES = "AGREES"
CONTRADICTS = "CONTRADICTS"


def statement_count(accounts: Sequence[Account]) -> float:
    """The default weight: one per statement.

    >>> statement_count(())
    0.0
    """
    return float(len(accounts))


def stances_held(accounts: Sequence[Account], weight: StatementWeight = statement_count,
              skip: frozenset[str] = frozenset()) -> dict[str, tuple[int, float]]:  # fmt: skip
    """The stance each voice holds on one allegation: (+1 affirms or -1 denies, its weight); ties take none.

    >>> from actorgraph.model.vocabulary import Predicate
    >>> def said(sid, stance, voice):
    ...     return Account("x", Predicate.CONTROLLED_BY, "x", "y", False, sid, stance, None, voice, None)
    >>> stances_held([said("s1", Stance.AFFIRMS, "k"), said("s2", Stance.AFFIRMS, "k"), said("s3", Stance.DENIES, "k"),
    ...            said("s4", Stance.DENIES, "h")])
    {'h': (-1, 1.0), 'k': (1, 1.0)}
    """
    by_voice: dict[str, dict[Stance, list[Account]]] = defaultdict(lambda: defaultdict(list))
    for acc in accounts:
        if acc.voice not in skip:
            by_voice[acc.voice][acc.stance].append(acc)
    out: dict[str, tuple[int, float]] = {}
    for voice in sorted(by_voice):
        stances = by_voice[voice]
        net = weight(stances.get(Stance.AFFIRMS, [])) - weight(stances.get(Stance.DENIES, []))
        if abs(net) > 1e-12:
            out[voice] = (1 if net > 0 else -1, abs(net))
    return out


def narrative_links(
    graph: nx.MultiDiGraph, *, weight: StatementWeight = statement_count, include_reporters: bool = False
) -> list[Link]:
    """One signed link per pair of voices per allegation they both hold a stance on.

    >>> from actorgraph.analytics.projection import build_graph
    >>> from actorgraph.model.network import AllegationInfo
    >>> from actorgraph.model.vocabulary import Predicate
    >>> def said(sid, stance, voice):
    ...     return Account("x", Predicate.CARRIED_OUT, "g", "attack", True, sid, stance, None, voice, None)
    >>> info = AllegationInfo("x", Predicate.CARRIED_OUT, "CONTESTED", "G did it", "g", "attack", [
    ...     said("s1", Stance.AFFIRMS, "g"), said("s2", Stance.AFFIRMS, "us"), said("s3", Stance.DENIES, "ru")])
    >>> [(l.a, l.b, l.kind, l.weight) for l in narrative_links(build_graph([], [], {"x": info}))]
    [('g', 'ru', 'CONTRADICTS', 2.0), ('g', 'us', 'AGREES', 2.0), ('ru', 'us', 'CONTRADICTS', 2.0)]
    """
    if graph.graph.get("disputed_only"):
        raise ActorgraphError(
            "narrative camps need every statement, and this graph holds only those of disputed allegations: "
            "project it with all accounts."
        )
    skip = frozenset() if include_reporters else reporting_voices(graph)
    links: list[Link] = []
    for aid, info in sorted(allegations_of(graph).items()):
        held = stances_held(info.accounts, weight, skip)
        for a, b in combinations(sorted(held), 2):
            (sa, wa), (sb, wb) = held[a], held[b]
            sign = sa * sb
            links.append(Link(a, b, sign, wa + wb, AGREES if sign > 0 else CONTRADICTS, aid))
    return links


__all__ = ["AGREES", "CONTRADICTS", "StatementWeight", "narrative_links", "stances_held", "statement_count"]
