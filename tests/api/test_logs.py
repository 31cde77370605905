"""The server log: expected errors in one line, our own failures with their traceback (no server)."""

from __future__ import annotations

import logging

from graphql import GraphQLError

from actorgraph.api.logs import OneLineForExpected
from actorgraph.errors import DatabaseError, Neo4jUnavailable, NotFound


def _record(error: GraphQLError) -> logging.LogRecord:
    exc = error.original_error
    info = (type(exc), exc, None) if exc is not None else None
    record = logging.LogRecord("strawberry.execution", logging.ERROR, __file__, 1, error, (), info)
    assert OneLineForExpected().filter(record)
    return record


def _wrapped(exc: Exception) -> GraphQLError:
    return GraphQLError(str(exc), original_error=exc)


def test_expected_errors_become_one_line() -> None:
    down = _record(_wrapped(Neo4jUnavailable("Neo4j is not reachable at bolt://x:1: start it.")))
    assert down.getMessage() == "UNAVAILABLE: Neo4j is not reachable at bolt://x:1: start it."
    assert down.exc_info is None and down.levelno == logging.WARNING
    assert _record(_wrapped(NotFound("no actor 'x'"))).getMessage() == "refused: no actor 'x'"
    assert _record(GraphQLError("Cannot query field 'x' on type 'Query'.")).exc_info is None


def test_our_failures_keep_their_traceback() -> None:
    for exc in (DatabaseError("Neo4j refused a query of actorgraph"), KeyError("bug")):
        record = _record(_wrapped(exc))
        assert record.exc_info is not None and record.levelno == logging.ERROR
