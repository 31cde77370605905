"""The per-request context: settings, the caller, the request's own store and fresh DataLoaders.

The store is scoped to the request (:meth:`~actorgraph.store.core.Store.scoped`): same driver, its own
round-trip count, the API's transaction timeout. Loaders are created for every request (never
shared), so one request's cache cannot leak another's data, and every batch a loader sends is
exactly one Cypher round trip.
"""

from __future__ import annotations

import asyncio

from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from actorgraph.api.auth import Principal
from actorgraph.model.vocabulary import RelationType
from actorgraph.settings import Settings
from actorgraph.store.core import Store
from actorgraph.store.reads import AllegationsKey, NodeKey, Reader, Row, StatementsKey

NodeRow = tuple[str, Row]


class Loaders:
    """DataLoaders over one Reader, one per kind of lookup.

    Keys carry their own filters (stance, status, limit), so an allegation's ``affirming`` and
    ``denying`` (or two differently limited lists) join the same batch: one round trip per level of
    the query, whatever its arguments.
    """

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.node: DataLoader[NodeKey, NodeRow | None] = DataLoader(self._load_nodes)
        self.statements: DataLoader[StatementsKey, list[Row]] = DataLoader(self._load_statements)
        self.allegations: DataLoader[AllegationsKey, list[Row]] = DataLoader(self._load_allegations)
        self.relations: DataLoader[str, list[Row]] = DataLoader(self._load_relations)
        self.custody: DataLoader[NodeKey, Row | None] = DataLoader(self._load_custody)

    async def _load_nodes(self, keys: list[NodeKey]) -> list[NodeRow | None]:
        found = await asyncio.to_thread(self.reader.nodes, keys)
        return [found.get(k) for k in keys]

    async def _load_statements(self, keys: list[StatementsKey]) -> list[list[Row]]:
        grouped = await asyncio.to_thread(self.reader.statements_of, keys)
        return [grouped.get(k, []) for k in keys]

    async def _load_allegations(self, keys: list[AllegationsKey]) -> list[list[Row]]:
        grouped = await asyncio.to_thread(self.reader.allegations_of, keys)
        return [grouped.get(k, []) for k in keys]

    async def _load_custody(self, keys: list[NodeKey]) -> list[Row | None]:
        found = await asyncio.to_thread(self.reader.custody, keys)
        return [found.get(k) for k in keys]

    async def _load_relations(self, ids: list[str]) -> list[list[Row]]:
        """Every derived relationship of each actor; resolvers pick the types and direction they want."""
        grouped = await asyncio.to_thread(self.reader.relations, ids, [t.value for t in RelationType])
        return [grouped.get(i, []) for i in ids]

    def prime(self, label: str, rows: list[Row]) -> None:
        """Rows fetched by a one-to-many query are node rows too: later ``node`` loads need no query."""
        for row in rows:
            self.node.prime((label, row["id"]), (label, row))
            self.node.prime((None, row["id"]), (label, row))


class Context(BaseContext):
    """What every resolver gets as ``info.context``."""

    def __init__(self, settings: Settings, store: Store, principal: Principal) -> None:
        super().__init__()
        self.settings = settings
        self.store = store
        self.reader = Reader(store)
        self.principal = principal
        self.loaders = Loaders(self.reader)
        #: "query" or "mutation", set when the operation starts (an answer to a query may be cached).
        self.operation_type: str | None = None
