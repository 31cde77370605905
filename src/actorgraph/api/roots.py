"""The root fields that read the graph, each one look-ahead read: by id, keyset pages, full-text search.

Each takes the request's context, the field's selections and plain argument values, so the same code
serves strawberry's resolvers (``api/schema.py``) and the compiled fast path (``api/fastpath.py``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any, LiteralString

import strawberry
from strawberry.types.nodes import Selection

from actorgraph.api import lookahead
from actorgraph.api.connections import Connection, PageInfo, connection
from actorgraph.api.errors import BAD_USER_INPUT, CodedError
from actorgraph.api.types import Node, from_tree, page_limit
from actorgraph.store.tree import read_tree

LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
#: The head query of a page of allegations by the filter that drives it (most selective first), each small to plan.
ALLEGATION_PAGES: dict[str, LiteralString] = {
    "subject": "page_allegations_subject",
    "object": "page_allegations_object",
    "speaker": "page_allegations_speaker",
    "status": "page_allegations_status",
    "predicate": "page_allegations_predicate",
    "all": "page_allegations",
}
#: What the full-text index covers.
SEARCHED = ("Actor", "Event", "Statement")


@strawberry.type
class SearchHit:
    score: float
    node: Node


async def by_id(context: Any, selections: Sequence[Selection], node_id: str, label: str | None) -> Any:
    """One node and everything its selection needs, in one look-ahead read (typed when ``label`` is known)."""
    labels = (label,) if label else lookahead.LABELS
    maximum = context.settings.api_max_page_size
    plan, keys = lookahead.plan(selections, labels, lambda n: page_limit(maximum, n))
    result = await asyncio.to_thread(read_tree, context.store, "find_nodes", plan, ids=[node_id], label=label)
    return from_tree(result.nodes[0], keys) if result.nodes else None


def empty() -> Connection[Any]:
    return Connection(edges=[], total_count=0, page_info=PageInfo(has_next_page=False, has_previous_page=False,
                                                                  start_cursor=None, end_cursor=None))  # fmt: skip


async def allegations(
    context: Any, selections: Sequence[Selection], *, predicate: str | None = None, status: str | None = None,
    subject: str | None = None, object: str | None = None, speaker: str | None = None, contested_only: bool = False,
    first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None,
) -> Connection[Any]:  # fmt: skip
    """A page of allegations, driven by the most selective filter given (an actor's links, then the indexes)."""
    if contested_only:
        if status not in (None, "CONTESTED"):
            return empty()
        status = "CONTESTED"
    filters = {"predicate": predicate, "status": status, "subject": subject, "object": object, "speaker": speaker}
    drive = next((k for k in ("subject", "object", "speaker", "status", "predicate") if filters[k]), "all")
    return await connection(context, selections, ALLEGATION_PAGES[drive], "Allegation", first, after, last, before,
                            **filters)  # fmt: skip


async def statements(
    context: Any, selections: Sequence[Selection], *, stance: str | None = None, speaker: str | None = None,
    date_from: dt.date | None = None, date_to: dt.date | None = None, first: int | None = None,
    after: str | None = None, last: int | None = None, before: str | None = None,
) -> Connection[Any]:  # fmt: skip
    return await connection(
        context, selections, "page_statements", "Statement", first, after, last, before,
        stance=stance, speaker=speaker, date_from=date_from, date_to=date_to,
    )  # fmt: skip


#: The lists filtered by kind only: root field -> (head query, label).
BY_KIND = {
    "actors": ("page_actors", "Actor"),
    "sources": ("page_sources", "Source"),
    "events": ("page_events", "Event"),
}


async def by_kind(
    context: Any, selections: Sequence[Selection], field: str, *, kind: str | None = None, first: int | None = None,
    after: str | None = None, last: int | None = None, before: str | None = None,
) -> Connection[Any]:  # fmt: skip
    head, label = BY_KIND[field]
    return await connection(context, selections, head, label, first, after, last, before, kind=kind)  # type: ignore[arg-type]


async def search(context: Any, selections: Sequence[Selection], text: str, limit: int = 20) -> list[SearchHit]:
    """Full-text hits, best first; every word must match (Lucene's default is any word)."""
    if not text.strip():
        raise CodedError("text: give at least one word to search for", BAD_USER_INPUT)
    maximum = context.settings.api_max_page_size
    if not 1 <= limit <= maximum:
        raise CodedError("limit is out of range (ACTORGRAPH_API_MAX_PAGE_SIZE)", BAD_USER_INPUT)
    escaped = " AND ".join(LUCENE_SPECIAL.sub(r"\\\1", word) for word in text.split())  # never unescaped input
    node_selections = lookahead.child(selections, "node")
    plan, keys = lookahead.plan(node_selections, SEARCHED, lambda n: page_limit(maximum, n))
    hits = await asyncio.to_thread(read_tree, context.store, "search_hits", plan, text=escaped, limit=limit)
    return [SearchHit(score=float(s), node=from_tree(n, keys)) for n, s in zip(hits.nodes, hits.meta, strict=True)]


__all__ = ["BY_KIND", "SEARCHED", "SearchHit", "allegations", "by_id", "by_kind", "empty", "search", "statements"]
