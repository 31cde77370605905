"""Read queries for the API: every call is exactly one Cypher round trip, counted by the store.

The API's DataLoaders call these with whole batches of ids, so the number of round trips of a
GraphQL request depends on its depth, not on how many items it returns; the request's scoped
:class:`~actorgraph.store.core.Store` counts them so tests and benchmarks can check that.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, LiteralString, NamedTuple

from neo4j import Record
from neo4j.time import Date, DateTime

from actorgraph.store.core import Store

Row = dict[str, Any]


def to_python(value: Any) -> Any:
    """Neo4j temporal values to Python ones, recursively through maps and lists."""
    if isinstance(value, Date | DateTime):
        return value.to_native()
    if isinstance(value, dict):
        return {k: to_python(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_python(v) for v in value]
    return value


#: A node asked for by id: (label, id) when the caller knows the label (one index seek), else (None, id).
NodeKey = tuple[str | None, str]


class StatementsKey(NamedTuple):
    """A request for the statements of one parent: ``kind`` is 'speaker', 'allegation' or 'source'."""

    kind: str
    pid: str
    stance: str | None
    limit: int
    #: Only statements whose reliability (the source's grade, else the speaker's) is one of these; None: all.
    grades: tuple[str, ...] | None = None
    #: Only statements stated on or before this day (undated ones left out); None: all.
    as_of: dt.date | None = None


class AllegationsKey(NamedTuple):
    """A request for the allegations whose ``role`` ('subject' or 'object') is the node ``pid``."""

    role: str
    pid: str
    status: str | None
    limit: int


class Reader:
    """The API's reads: each method is one round trip through the store (counted, with its timeout)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def run(self, name: LiteralString, *, tail: LiteralString | None = None, **params: Any) -> list[Record]:
        """Run the named read query once (routed to readers in a cluster), optionally with a shared tail."""
        return self.store.query(name, tail=tail, **params)

    # --- by id -----------------------------------------------------------------------------------

    def nodes(self, keys: list[NodeKey]) -> dict[NodeKey, tuple[str, Row]]:
        """(label, id) -> (label, properties) for every key whose node exists (typed keys seek one label)."""
        out: dict[NodeKey, tuple[str, Row]] = {}
        unique = list(dict.fromkeys(keys))
        for rec in self.run("read_nodes", keys=[{"label": label, "id": i} for label, i in unique]):
            props = {k: v for k, v in to_python(rec["props"]).items() if v is not None}
            out[rec["asked"], props["id"]] = (rec["label"], props)
        return out

    # --- one-to-many for a batch of requests ----------------------------------------------------

    def statements_of(self, keys: list[StatementsKey]) -> dict[StatementsKey, list[Row]]:
        """Statements for every request in one round trip, in (stated_on, id) order."""
        grouped: dict[StatementsKey, list[Row]] = defaultdict(list)
        rows = [
            {"i": i, "kind": k.kind, "pid": k.pid, "stance": k.stance, "limit": k.limit,
             "grades": list(k.grades) if k.grades is not None else None, "as_of": k.as_of}
            for i, k in enumerate(keys)
        ]  # fmt: skip
        for rec in self.run("read_statements_of", keys=rows):
            grouped[keys[rec["i"]]].append(to_python(rec["props"]))
        return grouped

    def custody(self, keys: list[NodeKey]) -> dict[NodeKey, Row]:
        """The chain of custody of statements and sources (``(label, id)``): link, origin, copied, reliability."""
        found: dict[NodeKey, Row] = {}
        for rec in self.run("custody_of", keys=[{"label": label, "id": i} for label, i in keys]):
            found[rec["label"], rec["id"]] = {"link": rec["link"], "origin": rec["origin"], "copied": rec["copied"],
                                              "reliability": rec["reliability"]}  # fmt: skip
        return found

    def allegations_of(self, keys: list[AllegationsKey]) -> dict[AllegationsKey, list[Row]]:
        """Allegations for every request in one round trip, in id order."""
        grouped: dict[AllegationsKey, list[Row]] = defaultdict(list)
        rows = [
            {"i": i, "role": k.role, "pid": k.pid, "status": k.status, "limit": k.limit} for i, k in enumerate(keys)
        ]
        for rec in self.run("read_allegations_about", keys=rows):
            grouped[keys[rec["i"]]].append(to_python(rec["props"]))
        return grouped

    def relations(self, ids: list[str], types: list[str]) -> dict[str, list[Row]]:
        grouped: dict[str, list[Row]] = defaultdict(list)
        for rec in self.run("read_relations", ids=ids, types=types):
            grouped[rec["pid"]].append(to_python(dict(rec)))
        return grouped

    # --- graph views --------------------------------------------------------------------------

    def expand(self, ids: list[str], types: list[str]) -> list[Row]:
        return [dict(r) for r in self.run("expand_frontier", ids=ids, types=types)]

    def shortest_paths(self, source: str, target: str, max_length: int, types: list[str], limit: int) -> list[Row]:
        return [
            dict(r)
            for r in self.run(
                "shortest_paths", **{"from": source, "to": target}, max_length=max_length, types=types, limit=limit
            )
        ]
