"""GraphQL errors with a stable ``extensions.code``; nothing raw (no stack trace) reaches a client.

Codes: BAD_USER_INPUT, NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, UNAVAILABLE, and INTERNAL_SERVER_ERROR
for anything that is not the caller's doing — a query Neo4j refused (:class:`~actorgraph.errors.DatabaseError`),
an unclassified error, a bug — whose details go to the server log only. The class of an error, set
where it was raised (``actorgraph.errors``), decides its code; messages about the database never name
its address.
"""

from __future__ import annotations

import logging
from typing import Any

from graphql import GraphQLError
from pydantic import ValidationError

from actorgraph.errors import (
    Conflict,
    InvalidInput,
    Neo4jAuthError,
    Neo4jUnavailable,
    NotFound,
    QueryTimeout,
    UsageError,
)

log = logging.getLogger("actorgraph.api")

BAD_USER_INPUT = "BAD_USER_INPUT"
NOT_FOUND = "NOT_FOUND"
UNAUTHENTICATED = "UNAUTHENTICATED"
FORBIDDEN = "FORBIDDEN"
UNAVAILABLE = "UNAVAILABLE"
INTERNAL = "INTERNAL_SERVER_ERROR"


class CodedError(GraphQLError):
    """An error we raise on purpose, already carrying its code."""

    def __init__(self, message: str, code: str, **extra: Any) -> None:
        super().__init__(message, extensions={"code": code, **extra})


def pydantic_problems(exc: ValidationError, prefix: str = "input") -> list[dict[str, str]]:
    out = []
    for err in exc.errors():
        path = ".".join(str(p) for p in (prefix, *err.get("loc", ())))
        out.append({"path": path, "message": str(err.get("msg", "invalid")).removeprefix("Value error, ")})
    return out


def format_error(error: GraphQLError) -> dict[str, Any]:
    """The JSON of one error, with a code; unexpected errors are masked."""
    original = error.original_error
    ext = dict(error.extensions or {})
    message = error.message
    if isinstance(original, GraphQLError) and original.extensions:
        ext = {**original.extensions, **ext}
    elif isinstance(original, InvalidInput):
        ext = {"code": BAD_USER_INPUT, "problems": [{"path": p.path, "message": p.message} for p in original.problems]}
        message = "; ".join(f"{p.path}: {p.message}" for p in original.problems)
    elif isinstance(original, ValidationError):
        problems = pydantic_problems(original)
        ext = {"code": BAD_USER_INPUT, "problems": problems}
        message = "; ".join(f"{p['path']}: {p['message']}" for p in problems)
    elif isinstance(original, GraphQLError):  # the request's own value refused by graphql-core (a bad enum value)
        ext = {"code": BAD_USER_INPUT}
    elif isinstance(original, NotFound):
        ext = {"code": NOT_FOUND}
    elif isinstance(original, UsageError | Conflict):
        ext = {"code": BAD_USER_INPUT}
    elif isinstance(original, QueryTimeout):
        ext, message = {"code": UNAVAILABLE}, "the query ran longer than the API's transaction timeout; narrow it"
    elif isinstance(original, Neo4jUnavailable | Neo4jAuthError):
        ext, message = {"code": UNAVAILABLE}, "the graph database is unavailable; retry shortly"
    elif original is not None:
        log.error("unexpected error", exc_info=original)
        ext, message = {"code": INTERNAL}, "internal error"
    elif "code" not in ext:
        ext["code"] = BAD_USER_INPUT  # parse and validation errors, limits
    out: dict[str, Any] = {"message": message, "extensions": ext}
    if error.locations:
        out["locations"] = [{"line": loc.line, "column": loc.column} for loc in error.locations]
    if error.path:
        out["path"] = error.path
    return out
