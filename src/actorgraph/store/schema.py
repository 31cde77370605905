"""Schema and housekeeping: ``db init``, ``db stats``, ``db wipe``."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import LiteralString

from actorgraph.store.core import Store, Tx
from actorgraph.store.cypher import query, statements


def schema_statements() -> list[LiteralString]:
    """The statements of ``cypher/schema.cypher``, in order."""
    text = resources.files("actorgraph.cypher").joinpath("schema.cypher").read_text(encoding="utf-8")
    return statements(text)


def init_schema(store: Store) -> int:
    """Apply every constraint and index (idempotent) and wait for them to come online.

    Schema statements cannot share a transaction with data, nor with each other, hence autocommit.
    """
    stmts = schema_statements()
    for stmt in stmts:
        store.autocommit(stmt)
    store.autocommit("CALL db.awaitIndexes(300)")
    store.autocommit(query("backfill_name_keys"))
    return len(stmts)


@dataclass(frozen=True)
class Counts:
    """Node counts per label and relationship counts per type."""

    nodes: dict[str, int]
    relationships: dict[str, int]


def _quote_name(name: str) -> LiteralString:
    """Backtick-quote a label/type name read from the database itself (never from user input)."""
    return "`" + name.replace("`", "``") + "`"


def _counts(tx: Tx) -> Counts:
    labels = [r["label"] for r in tx.run("labels")]
    types = [r["relationshipType"] for r in tx.run("relationship_types")]
    nodes: dict[str, int] = {}
    for label in sorted(labels):
        rec = tx.run_text("MATCH (n:" + _quote_name(label) + ") RETURN count(n) AS c").single()
        nodes[label] = int(rec["c"]) if rec else 0
    rels: dict[str, int] = {}
    for rtype in sorted(types):
        rec = tx.run_text("MATCH ()-[r:" + _quote_name(rtype) + "]->() RETURN count(r) AS c").single()
        rels[rtype] = int(rec["c"]) if rec else 0
    return Counts(nodes={k: v for k, v in nodes.items() if v}, relationships={k: v for k, v in rels.items() if v})


def counts(store: Store) -> Counts:
    """Counts per label and type, each a count-store lookup (cheap even on large graphs).

    Label and type names come from ``db.labels()`` / ``db.relationshipTypes()`` of the same
    database, so quoting them into the text is safe (a literal label lets Neo4j answer from its count
    store; a dynamic one would not).
    """
    return store.read(_counts)


def wipe(store: Store) -> int:
    """Delete every node and relationship, in batches so a large graph does not exhaust the heap.

    ``CALL ... IN TRANSACTIONS`` needs an auto-commit transaction. Relationships go first, in their
    own batches: a node's DETACH DELETE takes all of its relationships into one transaction.
    """
    store.autocommit(query("wipe_relationships"))
    records = store.autocommit(query("wipe"))
    return int(records[0]["deleted"]) if records else 0
