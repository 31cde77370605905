"""Reading whole graph states and writing small hand-made graphs for tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from neo4j import Driver, GraphDatabase

from actorgraph.ingest import LoadReport
from actorgraph.model.ids import name_key
from actorgraph.store.cypher import query

#: The ``load`` fixture: ``load(path, ...)`` loads dossiers through the real loader.
Loader = Callable[..., LoadReport]


def snapshot(driver: Driver, *, audit: bool = False, transaction_time: bool = True) -> dict[str, Any]:
    """Every node and relationship with its properties, for comparing graph states exactly.

    The audit records (``Change``, ``ChangeKey``) are left out unless ``audit``: each write adds one with
    its own time, so two loads of the same data differ only there (tests/store/test_history.py checks them).
    ``transaction_time=False`` leaves out the statements' ``recorded_at``, for comparing graphs built by
    different loads (at different times); a re-load must keep it, so comparisons before and after one keep it.
    """
    # NameKey nodes (the name index) have a `key`, every other node an `id`.
    skip = "" if audit else "WHERE NOT n:Change AND NOT n:ChangeKey "
    nodes = driver.execute_query(
        "MATCH (n) " + skip + "RETURN labels(n) AS l, properties(n) AS p ORDER BY coalesce(n.id, n.key), labels(n)[0]"
    ).records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) "
        + ("" if audit else "WHERE NOT a:Change ")
        + "RETURN coalesce(a.id, a.key) AS a, type(r) AS t, b.id AS b, properties(r) AS p ORDER BY a, t, b"
    ).records

    def props(p: dict[str, Any]) -> dict[str, Any]:
        return p if transaction_time else {k: v for k, v in p.items() if k != "recorded_at"}

    return {"nodes": [(r["l"], props(r["p"])) for r in nodes], "rels": [(r["a"], r["t"], r["b"], r["p"]) for r in rels]}


def write_dossier(tmp_path: Path, text: str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# A small, dated network written with plain Cypher (statuses and relationships derived by the store).
# Actors k (accuser), a and b (groups), h (an agency) speaking through y, m (a media outlet).
# - al1 "a CONTROLLED_BY h": k affirms (2030-01-10, src1); y for h denies (2030-02-10, src2) -> CONTESTED
# - al2 "b ATTACKED k":      k affirms (2030-03-05, src1)                                  -> UNVERIFIED
# - al3 "a ALLIED_WITH b":   m affirms (2030-01-20, src2)                                  -> UNVERIFIED
# - al4 "a OPPOSES k":       a affirms (2030-02-01, src1)                                  -> SELF_CLAIMED
# Derived: k-ACCUSES->a (al1), k-ACCUSES->b (al2), h-CONTRADICTS->k (al1), a-ALLIED_WITH->b, a-OPPOSES->k.
SMALL_ACTORS = [("k", "Kremlin-like"), ("a", "Group A"), ("b", "Group B"), ("h", "Agency H"), ("y", "Spokesman Y"),
                ("m", "Media M"), ("lone", "Nobody's enemy")]  # fmt: skip
SMALL_ALLEGATIONS = [
    ("al1", "a", "CONTROLLED_BY", "h", "A is controlled by H"),
    ("al2", "b", "ATTACKED", "k", "B attacked K"),
    ("al3", "a", "ALLIED_WITH", "b", "A is allied with B"),
    ("al4", "a", "OPPOSES", "k", "A opposes K"),
]
SMALL_STATEMENTS = [
    ("st1", "k", None, "al1", "AFFIRMS", dt.date(2030, 1, 10), "src1"),
    ("st2", "y", "h", "al1", "DENIES", dt.date(2030, 2, 10), "src2"),
    ("st3", "k", None, "al2", "AFFIRMS", dt.date(2030, 3, 5), "src1"),
    ("st4", "m", None, "al3", "AFFIRMS", dt.date(2030, 1, 20), "src2"),
    ("st5", "a", None, "al4", "AFFIRMS", dt.date(2030, 2, 1), "src1"),
]
SMALL_WRITE = """
UNWIND $actors AS row CREATE (:Actor {id: row[0], name: row[1], kind: 'ORGANIZATION', name_keys: [row[2]]});
UNWIND ['src1', 'src2'] AS sid CREATE (:Source {id: sid, kind: 'ARTICLE', title: sid, text: 'q'});
UNWIND $allegations AS row
MATCH (s:Actor {id: row[1]}), (o:Actor {id: row[3]})
CREATE (a:Allegation {id: row[0], predicate: row[2], summary: row[4]})-[:SUBJECT]->(s), (a)-[:OBJECT]->(o);
UNWIND $statements AS row
MATCH (sp:Actor {id: row.speaker}), (al:Allegation {id: row.allegation}), (src:Source {id: row.source})
CREATE (sp)-[:MADE]->(st:Statement {id: row.id, stance: row.stance, stated_on: row.stated_on, quote: 'q',
                                  start: 0, end: 1})-[:ON]->(al),
       (st)-[:REPORTED_IN]->(src)
WITH st, row WHERE row.on_behalf_of IS NOT NULL
MATCH (ob:Actor {id: row.on_behalf_of}) CREATE (st)-[:ON_BEHALF_OF]->(ob)
"""


def write_small_network(driver: Driver) -> None:
    """The small network above, as raw nodes (the caller derives statuses and relationships)."""
    params = {
        "actors": [(actor_id, name, name_key(name)) for actor_id, name in SMALL_ACTORS],
        "allegations": SMALL_ALLEGATIONS,
        "statements": [
            dict(zip(("id", "speaker", "on_behalf_of", "allegation", "stance", "stated_on", "source"), s, strict=True))
            for s in SMALL_STATEMENTS
        ],
    }
    for stmt in SMALL_WRITE.strip().split(";\n"):
        driver.execute_query(stmt, params)  # type: ignore[arg-type]
    driver.execute_query(query("backfill_name_keys"))  # the name index (NameKey nodes) from name_keys


def forget_bookmarks(driver: Driver) -> None:
    """Drop the bookmarks ``driver.execute_query`` chains its calls with.

    A bulk import replaces the database: its transaction ids start again from the beginning, so a
    bookmark of an earlier transaction names a version the new database will never reach.
    """
    driver._query_bookmark_manager = GraphDatabase.bookmark_manager()  # type: ignore[attr-defined]
