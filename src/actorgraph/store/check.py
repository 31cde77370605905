"""``actorgraph db check``: read the facts of the whole graph in one transaction and check its invariants.

The reading is here (named queries ``check_*.cypher``, one per kind of fact, each a single scan);
the judging is pure and lives in :mod:`actorgraph.model.invariants`, which re-derives statuses and
derived relationships from the statements with the model's rules. Nothing here depends on how
``store/derived.py`` keeps them in step, so the check is an independent witness of it.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from actorgraph.model.invariants import (
    INDEX_LABELS,
    MODEL_LABELS,
    AllegationFacts,
    CheckReport,
    GraphFacts,
    RelationFacts,
    StatementFacts,
    check_graph,
)
from actorgraph.model.vocabulary import RelationType
from actorgraph.store.core import Store, Tx


def _date(value: Any) -> dt.date | None:
    native = value.to_native() if hasattr(value, "to_native") else value
    return native if isinstance(native, dt.date) else None


def _ids(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values or ())


def read_facts(tx: Tx) -> GraphFacts:
    """Everything :func:`~actorgraph.model.invariants.check_graph` needs, in the caller's transaction."""
    labels = list(MODEL_LABELS)
    index = list(INDEX_LABELS)
    facts = GraphFacts()
    facts.nodes = [(tuple(r["labels"]), r["id"]) for r in tx.run("check_nodes", labels=labels, index=index)]
    shapes = tx.run("check_shapes", labels=labels + index)
    facts.shapes = [(r["type"], r["start"], r["end"], int(r["n"])) for r in shapes]
    for r in tx.run("check_names"):
        facts.actor_names.append((r["id"], r["name"], _ids(r["aliases"]), _ids(r["name_keys"]), _ids(r["keys"])))
        facts.actor_kinds[r["id"]] = r["kind"]
    facts.statements = [
        StatementFacts(
            id=r["id"],
            stance=r["stance"],
            stated_on=_date(r["stated_on"]),
            quote=r["quote"],
            start=r["start"],
            end=r["end"],
            speakers=_ids(r["speakers"]),
            allegations=_ids(r["allegations"]),
            sources=_ids(r["sources"]),
            on_behalf_of=_ids(r["on_behalf_of"]),
            quoted_from=_ids(r["quoted_from"]),
        )
        for r in tx.run("check_statements")
    ]
    facts.allegations = [
        AllegationFacts(
            id=r["id"],
            predicate=r["predicate"],
            status=r["status"],
            subjects=_ids(r["subjects"]),
            objects=tuple((str(o[0]), bool(o[1])) for o in r["objects"] or ()),
        )
        for r in tx.run("check_allegations")
    ]
    for r in tx.run("check_sources"):
        facts.source_texts[r["id"]] = r["text"]
        if r["derived_from"]:
            facts.derived_from[r["id"]] = _ids(r["derived_from"])
    facts.relations = [
        RelationFacts(
            type=r["type"],
            source=r["source"],
            target=r["target"],
            statements=_ids(r["statements"]),
            count=r["count"],
            first_stated=_date(r["first_stated"]),
            last_stated=_date(r["last_stated"]),
        )
        for r in tx.run("check_relations", types=[t.value for t in RelationType])
    ]
    history = tx.single("check_history")
    if history is not None:
        facts.changes = [(c[0], bool(c[1]), c[2], c[3], int(c[4])) for c in history["changes"]]
        facts.marks = [(m[0], m[1]) for m in history["marks"]]
    return facts


@dataclass
class CheckResult:
    """The report of one check, with how long reading and judging took."""

    report: CheckReport
    read_seconds: float
    check_seconds: float


def check(store: Store) -> CheckResult:
    """Read the graph in one read transaction (a consistent snapshot) and check every invariant."""
    began = time.perf_counter()
    facts = store.read(read_facts)
    read = time.perf_counter()
    report = check_graph(facts)
    return CheckResult(report, read - began, time.perf_counter() - read)


__all__ = ["CheckResult", "check", "read_facts"]
