"""Relay-style cursor connections over the store's ordered ``list_*`` queries.

A cursor is the opaque, base64-encoded position of an item in the filtered, ordered list, so
paging forwards (``first``/``after``) and backwards (``last``/``before``) is one round trip for the
ids plus one for the nodes.
"""

from __future__ import annotations

import asyncio
import base64
from typing import Any, Generic, LiteralString, TypeVar

import strawberry

from actorgraph.api.errors import BAD_USER_INPUT, CodedError
from actorgraph.api.types import Ctx, build
from actorgraph.store.reads import Window

T = TypeVar("T")
PREFIX = "cursor:"


def encode_cursor(index: int) -> str:
    return base64.urlsafe_b64encode(f"{PREFIX}{index}".encode()).decode()


def decode_cursor(cursor: str, argument: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not text.startswith(PREFIX):
            raise ValueError(text)
        return int(text[len(PREFIX) :])
    except ValueError as exc:
        raise CodedError(f"{argument}: not a cursor from this API", BAD_USER_INPUT) from exc


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


def window(info: Ctx, first: int | None, after: str | None, last: int | None, before: str | None) -> Window:
    maximum = info.context.settings.api_max_page_size
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= maximum:
            raise CodedError(f"{name} must be between 0 and {maximum} (ACTORGRAPH_API_MAX_PAGE_SIZE)", BAD_USER_INPUT)
    if first is None and last is None:
        first = min(20, maximum)
    start = decode_cursor(after, "after") + 1 if after else 0
    end = decode_cursor(before, "before") if before else None
    return Window(start=start, end=end, first=first, last=last)


async def connection(
    info: Ctx,
    query_name: LiteralString,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
    **filters: Any,
) -> Connection[Any]:
    """Run a list query for one window and load its nodes in one batch."""
    win = window(info, first, after, last, before)
    page = await asyncio.to_thread(info.context.reader.page, query_name, win, **filters)
    found = await info.context.loaders.node.load_many(page.ids)
    edges = [
        Edge(cursor=encode_cursor(page.offset + i), node=build(*row)) for i, row in enumerate(found) if row is not None
    ]
    end_index = page.offset + len(page.ids)
    return Connection(
        edges=edges,
        total_count=page.total,
        page_info=PageInfo(
            has_previous_page=page.offset > 0,
            has_next_page=end_index < page.total,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )
