"""When the statements were made: the range of ``stated_on`` that time windows are cut from."""

from __future__ import annotations

import datetime as dt

from actorgraph.store.core import Store
from actorgraph.store.reads import to_python


def stated_range(
    store: Store, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """The first and last ``stated_on`` within the bounds (one round trip); (None, None) when nothing is dated
    there. Windows then end at the last statement of the range, not at its bound (``--to`` far ahead)."""
    records = store.query("stated_range", date_from=date_from, date_to=date_to)
    if not records:
        return None, None
    first, last = to_python(records[0]["first"]), to_python(records[0]["last"])
    return (first if isinstance(first, dt.date) else None), (last if isinstance(last, dt.date) else None)


__all__ = ["stated_range"]
