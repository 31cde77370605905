"""The one door: every query through it is counted, runs under its timeout, and fails as our error."""

from __future__ import annotations

import pytest
from neo4j import Driver

from actorgraph.errors import DatabaseError, Neo4jUnavailable, QueryTimeout
from actorgraph.settings import Settings
from actorgraph.store.core import Store, Tx
from tests.support.http import free_port

SLOW = "UNWIND range(1, 400000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n"


def _two_queries(tx: Tx) -> int:
    tx.execute("ping")
    record = tx.single("ping")
    return int(record["ok"]) if record else 0


def test_round_trips_are_counted_per_scope(store: Store) -> None:
    before = store.round_trips
    assert store.read(_two_queries) == 1
    store.query("ping")
    assert store.round_trips == before + 3
    scoped = store.scoped()
    scoped.write(_two_queries)
    assert scoped.round_trips == 2 and store.round_trips == before + 3  # each request counts its own


def test_a_refused_query_is_a_database_error_without_the_address(store: Store, settings: Settings) -> None:
    with pytest.raises(DatabaseError) as caught:
        store.read(lambda tx: list(tx.run_text("RETURN $x + ")))  # a syntax error: our defect, not the caller's
    assert "SyntaxError" in str(caught.value) and settings.neo4j_uri not in str(caught.value)


@pytest.mark.parametrize("door", ["read", "write", "autocommit"])
def test_every_kind_of_transaction_honours_the_timeout(driver: Driver, settings: Settings, door: str) -> None:
    timed = Store(driver, settings, timeout=0.5)
    with pytest.raises(QueryTimeout):
        if door == "autocommit":
            timed.autocommit(SLOW)
        else:
            getattr(timed, door)(lambda tx: tx.run_text(SLOW).consume())


def test_an_unreachable_server_says_where_and_what_to_do(settings: Settings) -> None:
    nowhere = settings.model_copy(update={"neo4j_uri": f"bolt://127.0.0.1:{free_port()}"})
    with (
        pytest.raises(Neo4jUnavailable, match=r"not reachable at bolt://127\.0\.0\.1:.*actorgraph neo4j start"),
        Store.connect(nowhere),
    ):
        pass
