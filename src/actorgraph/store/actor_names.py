"""The actors already in the graph, by name: the drafting assistant's only read of Neo4j.

Kept apart from the drafter so that ``actorgraph.draft`` stays pure (it takes a list of known actors) and
this stays the one place a draft touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import Driver, RoutingControl

from actorgraph.settings import Settings
from actorgraph.store.cypher import query
from actorgraph.store.driver import translated


@dataclass(frozen=True)
class ActorName:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]


def known_actor_names(driver: Driver, settings: Settings) -> list[ActorName]:
    """Every actor's id, name, kind and aliases (ordered by id); driver errors come out as ours."""
    with translated(settings):
        records, _, _ = driver.execute_query(
            query("known_actors"), database_=settings.neo4j_database, routing_=RoutingControl.READ
        )
    return [ActorName(r["id"], r["name"], r["kind"], tuple(r["aliases"])) for r in records]
