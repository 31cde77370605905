"""The actors already in the graph, by name: the drafting assistant's only read of Neo4j.

Kept apart from the drafter so that ``actorgraph.draft`` stays pure (it takes a list of known actors) and
this stays the one place a draft touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from actorgraph.store.core import Store


@dataclass(frozen=True)
class ActorName:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]


def known_actor_names(store: Store) -> list[ActorName]:
    """Every actor's id, name, kind and aliases (ordered by id), in one routed read."""
    return [ActorName(r["id"], r["name"], r["kind"], tuple(r["aliases"])) for r in store.query("known_actors")]
