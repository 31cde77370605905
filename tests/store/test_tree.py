"""Look-ahead reads: only the selected properties leave Neo4j, and a keyset page costs a page (PROFILE)."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from actorgraph.settings import Settings
from actorgraph.store.core import Store
from actorgraph.store.cypher import query
from actorgraph.store.tree import ListPlan, NodePlan, read_tree

TOP = "\U0010ffff"


def _allegations(driver: Driver, n: int, prefix: str = "alg-") -> None:
    driver.execute_query(
        """UNWIND range(1, $n) AS i
        MERGE (sp:Actor {id: 'speaker', name: 'Speaker', kind: 'PERSON'})
        MERGE (su:Actor {id: 'subject', name: 'Subject', kind: 'ARMED_GROUP'})
        MERGE (src:Source {id: 'src', kind: 'ARTICLE', title: 'T', text: 'q'})
        CREATE (a:Allegation {id: $prefix + right('0000' + toString(i), 4), predicate: 'ATTACKED',
                summary: 's' + toString(i), status: CASE WHEN i % 3 = 0 THEN 'CONTESTED' ELSE 'UNVERIFIED' END})
        CREATE (a)-[:SUBJECT]->(su), (a)-[:OBJECT]->(sp)
        CREATE (sp)-[:MADE]->(s:Statement {id: $prefix + 'st-' + toString(i), stance: 'AFFIRMS', quote: 'a long quote',
                start: 0, end: 1, stated_on: date('2030-01-01') + duration({days: i % 50})})
        CREATE (s)-[:ON]->(a), (s)-[:REPORTED_IN]->(src)""",
        n=n,
        prefix=prefix,
    )


def _params(**over: Any) -> dict[str, Any]:
    return {"with_total": True, "take": 11, "backward": False, "after": "", "before": TOP,
            "predicate": None, "status": None, "subject": None, "object": None, "speaker": None, **over}  # fmt: skip


PLAN = NodePlan({"Allegation": ("summary",)}, {}, (ListPlan(None, 5, ("stance",), {"speaker": {"Actor": ("name",)}}),))


def _db_hits(driver: Driver, head: str = "page_allegations", **params: Any) -> int:
    summary = driver.execute_query(
        "PROFILE " + query(head) + "\n" + query("tree"),
        plan=PLAN.param(),
        **params,  # type: ignore[arg-type]
    ).summary
    assert summary.profile is not None

    def total(op: dict[str, Any]) -> int:
        return int(op.get("dbHits", 0)) + sum(total(c) for c in op.get("children", []))

    return total(summary.profile)


@pytest.mark.corrupts_graph  # a bare graph written with raw Cypher (PROFILE counts, not a loaded graph)
def test_only_the_selected_properties_are_read(driver: Driver, settings: Settings) -> None:
    _allegations(driver, 3)
    result = read_tree(Store(driver, settings), "page_allegations", PLAN, **_params())
    assert result.total == 3 and [n.id for n in result.nodes] == ["alg-0001", "alg-0002", "alg-0003"]
    node = result.nodes[0]
    assert set(node.row) == {"id", "summary"}  # no status, predicate... though the node has them
    [statement] = node.lists[0]
    assert set(statement.row) == {"id", "stance"}  # the quote stays in Neo4j
    assert set(statement.links) == {"speaker"} and set(statement.links["speaker"].row) == {"id", "name"}


@pytest.mark.corrupts_graph  # a bare graph written with raw Cypher (PROFILE counts, not a loaded graph)
def test_a_page_costs_a_page_wherever_it_is_and_however_large_the_list(driver: Driver, settings: Settings) -> None:
    _allegations(driver, 60)
    small_first = _db_hits(driver, **_params(with_total=False))
    small_last = _db_hits(driver, **_params(with_total=False, after="alg-0049"))
    small_contested = _db_hits(driver, "page_allegations_status", **_params(with_total=False, status="CONTESTED"))
    _allegations(driver, 600, "big-")  # eleven times the allegations, sorted after the first 60
    large_first = _db_hits(driver, **_params(with_total=False))
    large_far = _db_hits(driver, **_params(with_total=False, after="big-0500"))
    for hits in (small_last, large_first, large_far):
        assert hits <= 1.5 * small_first, (small_first, small_last, large_first, large_far)
    # a filtered page reads an index range too: its cost does not grow with the list
    large_contested = _db_hits(driver, "page_allegations_status", **_params(with_total=False, status="CONTESTED"))
    assert large_contested <= 1.5 * small_contested, (small_contested, large_contested)
    # totalCount unfiltered comes from the count store
    assert _db_hits(driver, **_params()) <= large_first + 5
