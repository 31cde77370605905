"""When the statements were made: the range of ``stated_on`` that time windows are cut from."""

from __future__ import annotations

import datetime as dt

from actorgraph.store.core import Store
from actorgraph.store.reads import to_python


def stated_range(store: Store) -> tuple[dt.date | None, dt.date | None]:
    """The first and last ``stated_on`` in the graph (one round trip); (None, None) when nothing is dated."""
    records = store.query("stated_range")
    if not records:
        return None, None
    first, last = to_python(records[0]["first"]), to_python(records[0]["last"])
    return (first if isinstance(first, dt.date) else None), (last if isinstance(last, dt.date) else None)


__all__ = ["stated_range"]
