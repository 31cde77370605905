"""The server log says what an operator needs: a traceback only for our own failures.

Strawberry logs every GraphQL error with its traceback ("strawberry.execution"). Most are not
failures of ours: a query that does not validate, an id that does not exist, Neo4j away. Those
become one line (``UNAVAILABLE: Neo4j is not reachable at ...``) so that a real defect — logged in
full by :func:`actorgraph.api.errors.format_error` as ``unexpected error`` — is not buried under
tracebacks of expected ones (found by stopping Neo4j under the API: 300 lines for 3 requests).
"""

from __future__ import annotations

import logging

from graphql import GraphQLError
from pydantic import ValidationError

from actorgraph.errors import ActorgraphError, DatabaseError, Neo4jAuthError, Neo4jUnavailable

STRAWBERRY_LOGGER = "strawberry.execution"


def expected(error: GraphQLError) -> bool:
    """True for errors that are the caller's or the database's doing, never a defect of ours."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError | ValidationError):
        return True  # parse, validation and limits, our coded refusals, bad input
    return (
        isinstance(original, ActorgraphError)
        and type(original) is not ActorgraphError
        and not isinstance(original, DatabaseError)
    )


class OneLineForExpected(logging.Filter):
    """Shorten the records of expected errors to one line without traceback; keep the others whole."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.msg
        if isinstance(error, GraphQLError) and expected(error):
            original = error.original_error
            kind = "UNAVAILABLE" if isinstance(original, Neo4jUnavailable | Neo4jAuthError) else "refused"
            record.msg = f"{kind}: {error.message.splitlines()[0] if error.message else ''}"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def quiet_expected_errors() -> None:
    """Install the filter once per process (creating several apps must not stack filters)."""
    logger = logging.getLogger(STRAWBERRY_LOGGER)
    if not any(isinstance(f, OneLineForExpected) for f in logger.filters):
        logger.addFilter(OneLineForExpected())


__all__ = ["OneLineForExpected", "expected", "quiet_expected_errors"]
