"""Schema and housekeeping: ``db init``, ``db stats``, ``db wipe``."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import LiteralString

from neo4j import Driver

from actorgraph.settings import Settings
from actorgraph.store.cypher import query, statements


def schema_statements() -> list[LiteralString]:
    """The statements of ``cypher/schema.cypher``, in order."""
    text = resources.files("actorgraph.cypher").joinpath("schema.cypher").read_text(encoding="utf-8")
    return statements(text)


def init_schema(driver: Driver, settings: Settings) -> int:
    """Apply every constraint and index (idempotent) and wait for them to come online."""
    stmts = schema_statements()
    for stmt in stmts:
        driver.execute_query(stmt, database_=settings.neo4j_database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=settings.neo4j_database)
    return len(stmts)


@dataclass(frozen=True)
class Counts:
    """Node counts per label and relationship counts per type."""

    nodes: dict[str, int]
    relationships: dict[str, int]


def _quote_name(name: str) -> LiteralString:
    """Backtick-quote a label/type name read from the database itself (never from user input)."""
    return "`" + name.replace("`", "``") + "`"


def counts(driver: Driver, settings: Settings) -> Counts:
    """Counts per label and type, each a count-store lookup (cheap even on large graphs).

    Label and type names come from ``db.labels()`` / ``db.relationshipTypes()`` of the same
    database, so quoting them into the text is safe; there is no parameter syntax for a label.
    """
    db = settings.neo4j_database
    labels = [r["label"] for r in driver.execute_query("CALL db.labels()", database_=db).records]
    types = [r["relationshipType"] for r in driver.execute_query("CALL db.relationshipTypes()", database_=db).records]
    nodes: dict[str, int] = {}
    for label in sorted(labels):
        rec = driver.execute_query("MATCH (n:" + _quote_name(label) + ") RETURN count(n) AS c", database_=db)
        nodes[label] = int(rec.records[0]["c"])
    rels: dict[str, int] = {}
    for rtype in sorted(types):
        rec = driver.execute_query("MATCH ()-[r:" + _quote_name(rtype) + "]->() RETURN count(r) AS c", database_=db)
        rels[rtype] = int(rec.records[0]["c"])
    return Counts(nodes={k: v for k, v in nodes.items() if v}, relationships={k: v for k, v in rels.items() if v})


def wipe(driver: Driver, settings: Settings) -> int:
    """Delete every node and relationship, in batches so a large graph does not exhaust the heap.

    ``CALL ... IN TRANSACTIONS`` needs an auto-commit transaction, hence ``session.run``.
    """
    with driver.session(database=settings.neo4j_database) as session:
        record = session.run(query("wipe")).single()
    return int(record["deleted"]) if record else 0
