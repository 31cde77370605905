"""Error formatting: our errors get stable codes; anything unexpected is masked, never a stack trace."""

from __future__ import annotations

from graphql import GraphQLError

from actorgraph.api.errors import format_error
from actorgraph.errors import InvalidInput, Neo4jUnavailable, NotFound, Problem


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
