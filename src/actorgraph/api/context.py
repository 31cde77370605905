"""The per-request context: settings, the caller, a counted :class:`Reader` and fresh DataLoaders.

Loaders are created for every request (never shared), so one request's cache cannot leak another's
data, and every batch a loader sends is exactly one Cypher round trip.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable
from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from actorgraph.api.auth import Principal
from actorgraph.settings import Settings
from actorgraph.store.reads import Reader, Row

NodeRow = tuple[str, Row]


class Loaders:
    """DataLoaders over one Reader. Keyed loaders (same arguments) share one batch per tick."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.node: DataLoader[str, NodeRow | None] = DataLoader(self._load_nodes)
        self._keyed: dict[Hashable, DataLoader[str, list[Row]]] = {}

    async def _load_nodes(self, ids: list[str]) -> list[NodeRow | None]:
        found = await asyncio.to_thread(self.reader.nodes, ids)
        return [found.get(i) for i in ids]

    def _grouped(self, key: Hashable, fetch: Callable[[list[str]], dict[str, list[Row]]]) -> DataLoader[str, list[Row]]:
        loader = self._keyed.get(key)
        if loader is None:

            async def load(ids: list[str]) -> list[list[Row]]:
                grouped = await asyncio.to_thread(fetch, ids)
                return [grouped.get(i, []) for i in ids]

            loader = DataLoader(load)
            self._keyed[key] = loader
        return loader

    def prime(self, label: str, rows: list[Row]) -> None:
        """Rows fetched by a one-to-many query are node rows too: later ``node`` loads need no query."""
        for row in rows:
            self.node.prime(row["id"], (label, row))

    def statements_of(self, kind: str, stance: str | None, limit: int) -> DataLoader[str, list[Row]]:
        return self._grouped(
            ("statements", kind, stance, limit), lambda ids: self.reader.statements_of(kind, ids, stance, limit)
        )

    def allegations_of(self, role: str, status: str | None, limit: int) -> DataLoader[str, list[Row]]:
        return self._grouped(
            ("allegations", role, status, limit), lambda ids: self.reader.allegations_of(role, ids, status, limit)
        )

    def relations(self, types: tuple[str, ...]) -> DataLoader[str, list[Row]]:
        return self._grouped(("relations", types), lambda ids: self.reader.relations(ids, list(types)))


class Context(BaseContext):
    """What every resolver gets as ``info.context``."""

    def __init__(self, settings: Settings, reader: Reader, principal: Principal, driver: Any) -> None:
        super().__init__()
        self.settings = settings
        self.reader = reader
        self.principal = principal
        self.driver = driver
        self.loaders = Loaders(reader)
