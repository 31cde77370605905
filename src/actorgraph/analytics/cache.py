"""Report results cached per (report, arguments) and dropped as soon as the graph changes.

Every entry remembers the graph's version it was computed at (:meth:`actorgraph.store.core.Store.version`,
the bookmark of the last committed transaction: it moves with every write — a load, a mutation, a
write-back — and with nothing else). No writer needs to cooperate.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


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
