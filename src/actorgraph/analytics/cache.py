"""Report results cached per (report, arguments) and dropped as soon as the graph changes.

The graph's version is the bookmark Neo4j returns for a read: it names the last committed
transaction, so it moves with every write (a load, a mutation, a write-back) and with nothing else,
and reading it costs one trivial round trip. No writer needs to cooperate. Servers that return no
bookmark on reads fall back to a fingerprint of counts (``graph_fingerprint.cypher``), which misses
only writes that change no count (e.g. a rename).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from neo4j import Driver, ManagedTransaction

from actorgraph.settings import Settings
from actorgraph.store.cypher import query
from actorgraph.store.driver import translated

T = TypeVar("T")
QUERIES = "actorgraph.analytics.queries"


def _noop(tx: ManagedTransaction) -> None:
    tx.run("RETURN 1").consume()


def _fingerprint(tx: ManagedTransaction) -> str:
    record = tx.run(query("graph_fingerprint", QUERIES)).single()
    return "fp:" + ":".join(str(v) for v in (record.values() if record else ()))


def graph_version(driver: Driver, settings: Settings) -> str:
    """A string that changes whenever anything is committed to the database."""
    with translated(settings), driver.session(database=settings.neo4j_database) as session:
        session.execute_read(_noop)
        marks = sorted(session.last_bookmarks().raw_values)
        if marks:
            return "bm:" + ",".join(marks)
        return str(session.execute_read(_fingerprint))


class ReportCache:
    """A small thread-safe LRU of results, each remembered with the graph version it was computed at."""

    def __init__(self, max_entries: int = 64) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[str, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_compute(self, key: Hashable, version: str, compute: Callable[[], T]) -> T:
        """The cached value for ``key`` if computed at ``version``; else compute, remember and return it."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None and found[0] == version:
                self._entries.move_to_end(key)
                self.hits += 1
                value: T = found[1]
                return value
            self.misses += 1
        value = compute()
        with self._lock:
            self._entries[key] = (version, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
