"""Storing report scores on the actor nodes, so Neo4j Browser can size and colour by them.

Property names are fixed here (never taken from input). Every run first clears its properties from
all actors, so an actor left out of this run (e.g. by a filter) keeps no stale score.
"""

from __future__ import annotations

from typing import Any

from neo4j import Driver, ManagedTransaction

from actorgraph.analytics.camps import CampsResult
from actorgraph.analytics.centrality import CentralityResult
from actorgraph.settings import Settings
from actorgraph.store.cypher import query
from actorgraph.store.driver import translated

QUERIES = "actorgraph.analytics.queries"
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


def _write(tx: ManagedTransaction, properties: tuple[str, ...], rows: list[dict[str, Any]]) -> int:
    tx.run(query("clear_scores", QUERIES), cleared=dict.fromkeys(properties)).consume()
    record = tx.run(query("write_scores", QUERIES), rows=rows).single()
    return int(record["written"]) if record else 0


def write_back(driver: Driver, settings: Settings, result: CentralityResult | CampsResult) -> int:
    """Write the scores of a centrality or camps result onto the actors, in one transaction; how many actors."""
    properties, rows = score_rows(result)
    with translated(settings), driver.session(database=settings.neo4j_database) as session:
        return int(session.execute_write(_write, properties, rows))
