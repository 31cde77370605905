"""Storing report scores on the actor nodes, so Neo4j Browser can size and colour by them.

Property names are fixed here (never taken from input) and read back by the API's ``Actor`` type.
Every run first clears its properties from all actors, so an actor left out of this run (e.g. by a
filter) keeps no stale score (``store/scores.py``). ``camp`` is written only where the evidence shows
it (hostility camps): an undetermined actor gets none, as it shows none in the reports.
"""

from __future__ import annotations

from typing import Any

from actorgraph.analytics.camps import CampsResult
from actorgraph.analytics.centrality import CentralityResult
from actorgraph.store.core import Store
from actorgraph.store.scores import write_scores

CENTRALITY_PROPERTIES = ("pagerank", "betweenness", "accusations_made", "accused")
CAMPS_PROPERTIES = ("camp", "community")


def score_rows(result: CentralityResult | CampsResult) -> tuple[tuple[str, ...], list[dict[str, Any]]]:
    """The properties a result writes and one ``{id, props}`` row per actor (pure; what gets written)."""
    if isinstance(result, CentralityResult):
        return CENTRALITY_PROPERTIES, [
            {"id": r.actor, "props": {"pagerank": r.pagerank, "betweenness": r.betweenness,
                                      "accusations_made": r.accusations_made, "accused": r.accused}}
            for r in result.rows
        ]  # fmt: skip
    return CAMPS_PROPERTIES, [{"id": r.actor, "props": {"camp": r.camp, "community": r.community}} for r in result.rows]


def write_back(store: Store, result: CentralityResult | CampsResult) -> int:
    """Write the scores of a centrality or camps result onto the actors, in one transaction; how many actors."""
    properties, rows = score_rows(result)
    return write_scores(store, properties, rows)
