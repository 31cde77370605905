"""Relay-style connections with keyset cursors, each page one look-ahead read.

A cursor is the opaque (base64) sort key of an item: its id for actors, events, sources and allegations;
its date and id for statements. A page is therefore one indexed range read of ``first + 1`` rows
(``store/queries/page_*.cypher``): its cost follows the page, not the list or how far into it the page is.
``totalCount`` is counted only when selected (from the count store when nothing is filtered). The
rows' selected fields, links and statements come from the same query (``tree.cypher``).
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, LiteralString, TypeVar

import strawberry
from strawberry.types.nodes import Selection

from actorgraph.api import lookahead
from actorgraph.api.errors import BAD_USER_INPUT, CodedError
from actorgraph.api.types import from_tree, page_limit
from actorgraph.store.tree import TreeNode, read_tree

T = TypeVar("T")
PREFIX = "k:"
#: Above every id (ids are slugs or hashes): the open upper end of an id range.
TOP = "\U0010ffff"


def encode_cursor(key: list[Any]) -> str:
    return base64.urlsafe_b64encode((PREFIX + json.dumps(key, separators=(",", ":"))).encode()).decode()


def decode_cursor(cursor: str, argument: str, size: int) -> list[Any]:
    """The sort key in a cursor of this API (``size`` values, the last an id), or BAD_USER_INPUT."""
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not text.startswith(PREFIX):
            raise ValueError(text)
        key = json.loads(text[len(PREFIX) :])
        if not isinstance(key, list) or len(key) != size or not isinstance(key[-1], str):
            raise ValueError(text)
        return key
    except (ValueError, UnicodeDecodeError) as exc:
        raise CodedError(f"{argument}: not a cursor from this API (or from another list)", BAD_USER_INPUT) from exc


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int


@dataclass(frozen=True)
class Window:
    """Which rows a page asks for: ``size`` of them after ``after`` or, if ``backward``, before ``before``."""

    size: int
    backward: bool
    after: list[Any] | None
    before: list[Any] | None
    then_last: int | None  # `first` and `last` together: the last of the first


def window(
    maximum: int, first: int | None, after: str | None, last: int | None, before: str | None, key_size: int
) -> Window:
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= maximum:
            raise CodedError(f"{name} must be between 0 and {maximum} (ACTORGRAPH_API_MAX_PAGE_SIZE)", BAD_USER_INPUT)
    start = decode_cursor(after, "after", key_size) if after else None
    end = decode_cursor(before, "before", key_size) if before else None
    if first is None and last is None:
        first = min(20, maximum)
    if first is not None:
        return Window(first, False, start, end, last)
    assert last is not None
    return Window(last, True, start, end, None)


def _key(node: TreeNode, ordered_by_date: bool) -> list[Any]:
    if not ordered_by_date:
        return [node.id]
    date = node.row.get("stated_on")
    return [date.isoformat() if isinstance(date, dt.date) else None, node.id]


async def connection(
    context: Any, selections: Sequence[Selection], head: LiteralString, label: str, first: int | None,
    after: str | None, last: int | None, before: str | None, **filters: Any,
) -> Connection[Any]:  # fmt: skip
    """One page of a list (``head``: a ``page_*`` query over nodes of ``label``) in one Cypher round trip.

    ``selections`` are the connection field's (``totalCount``, ``edges { node { ... } }``...).
    """
    by_date = label == "Statement"
    maximum = context.settings.api_max_page_size
    win = window(maximum, first, after, last, before, 2 if by_date else 1)
    node_selections = lookahead.child(selections, "edges", "node")
    plan, keys = lookahead.plan(node_selections, (label,), lambda n: page_limit(maximum, n))
    if by_date:  # the cursor's date orders statements: read it whatever the selection
        plan = type(plan)({label: (*plan.fields[label], "stated_on")}, plan.links, plan.lists)
    with_total = lookahead.selects(selections, "totalCount")
    params = _statement_params(win, filters) if by_date else _id_params(win, filters)
    result = await asyncio.to_thread(
        read_tree, context.store, head, plan, with_total=with_total, take=win.size + 1, **params
    )
    rows = result.nodes
    if by_date and params["whole"]:
        rows = _cut(rows, win)
    more = len(rows) > win.size
    rows = rows[: win.size]
    if win.backward:
        rows.reverse()
    if win.then_last is not None:
        more_before = len(rows) > win.then_last
        rows = rows[len(rows) - win.then_last :] if win.then_last else []
    else:
        more_before = False
    edges = [Edge(cursor=encode_cursor(_key(n, by_date)), node=from_tree(n, keys)) for n in rows]
    has_previous = more if win.backward else (win.after is not None or more_before)
    has_next = (win.before is not None) if win.backward else more
    return Connection(
        edges=edges,
        total_count=int(result.total or 0),
        page_info=PageInfo(
            has_previous_page=has_previous,
            has_next_page=has_next,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )


def _id_params(win: Window, filters: dict[str, Any]) -> dict[str, Any]:
    return {
        "backward": win.backward,
        "after": win.after[0] if win.after else "",
        "before": win.before[0] if win.before else TOP,
        **filters,
    }


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _statement_params(win: Window, filters: dict[str, Any]) -> dict[str, Any]:
    """Parameters of ``page_statements``: a keyset range forwards; every match (cut here) otherwise."""
    date_from, date_to = filters.get("date_from"), filters.get("date_to")
    lower, upper = date_from or dt.date.min, date_to or dt.date.max
    after_date, after_id, after_undated = lower, "", False
    if win.after is not None:
        cursor_date = _date(win.after[0])
        after_undated = cursor_date is None
        after_id = win.after[1]
        if cursor_date is not None:
            after_date = cursor_date
            lower = max(lower, cursor_date)
    return {
        **filters,
        "whole": win.backward or filters.get("speaker") is not None or win.before is not None,
        "lower": lower,
        "upper": upper,
        "after_date": after_date,
        "after_id": after_id,
        "after_undated": after_undated,
        "undated_after": after_id if after_undated else "",
    }


def _order(key: list[Any]) -> tuple[bool, str, str]:
    return (key[0] is None, key[0] or "", key[1])


def _cut(rows: list[TreeNode], win: Window) -> list[TreeNode]:
    """The window of an ordered whole list, read in the window's direction (the caller keeps ``size + 1``)."""
    keys = [_order(_key(n, True)) for n in rows]
    low = _order(win.after) if win.after is not None else None
    high = _order(win.before) if win.before is not None else None
    kept = [n for n, k in zip(rows, keys, strict=True) if (low is None or k > low) and (high is None or k < high)]
    return list(reversed(kept)) if win.backward else kept


__all__ = ["Connection", "Edge", "PageInfo", "connection", "decode_cursor", "encode_cursor"]
