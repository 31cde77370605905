"""Error formatting: our errors get stable codes; anything unexpected is masked, never a stack trace."""

from __future__ import annotations

from graphql import GraphQLError

from actorgraph.api.errors import format_error
from actorgraph.errors import (
    ActorgraphError,
    Conflict,
    DatabaseError,
    InvalidInput,
    Neo4jAuthError,
    Neo4jUnavailable,
    NotFound,
    Problem,
    QueryTimeout,
    UsageError,
)


def _wrapped(exc: Exception) -> GraphQLError:
    return GraphQLError(str(exc), original_error=exc, path=["field"])


def test_our_errors_map_to_stable_codes() -> None:
    assert format_error(_wrapped(NotFound("no actor 'x'")))["extensions"] == {"code": "NOT_FOUND"}
    assert format_error(_wrapped(Neo4jUnavailable("down")))["extensions"] == {"code": "UNAVAILABLE"}
    bad = format_error(_wrapped(InvalidInput([Problem("input", "input.alias", "needs letters")])))
    assert bad["extensions"]["code"] == "BAD_USER_INPUT"
    assert bad["message"] == "input.alias: needs letters" and bad["path"] == ["field"]


def test_unexpected_errors_are_masked() -> None:
    out = format_error(_wrapped(KeyError("secret internals at line 42")))
    assert out == {"message": "internal error", "extensions": {"code": "INTERNAL_SERVER_ERROR"}, "path": ["field"]}


def test_the_class_decides_whose_fault_it_is() -> None:
    uri = "bolt://10.1.2.3:7687"
    for exc, code in [
        (UsageError("limit must be between 1 and 500"), "BAD_USER_INPUT"),
        (Conflict("an id being written already exists"), "BAD_USER_INPUT"),
        (QueryTimeout("ran too long"), "UNAVAILABLE"),
        (Neo4jAuthError(f"Neo4j at {uri} refused the password"), "UNAVAILABLE"),
        (DatabaseError("Neo4j refused a query (Neo.ClientError.Statement.SyntaxError)"), "INTERNAL_SERVER_ERROR"),
        (ActorgraphError("an unclassified failure of ours"), "INTERNAL_SERVER_ERROR"),
    ]:
        out = format_error(_wrapped(exc))
        assert out["extensions"]["code"] == code, exc
        assert uri not in out["message"]  # the server's address never reaches a client
