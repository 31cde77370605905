"""Opening the Neo4j driver and translating its errors into ours.

Callers never see a raw driver exception: :func:`translate` turns the ones that mean "not reachable"
or "wrong credentials" into :class:`~actorgraph.errors.Neo4jUnavailable` /
:class:`~actorgraph.errors.Neo4jAuthError` with a one-line fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from neo4j import Driver, GraphDatabase
from neo4j import exceptions as neo4j_errors

from actorgraph.errors import ActorgraphError, Neo4jAuthError, Neo4jUnavailable
from actorgraph.settings import Settings


def open_driver(settings: Settings, *, retry_seconds: float = 15.0) -> Driver:
    """A driver for the configured server; creating it does no I/O.

    ``retry_seconds`` bounds how long managed transactions retry transient failures: long for loads
    (ride out a leader switch), short for the API (answer UNAVAILABLE quickly during an outage).
    """
    return GraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        connection_timeout=5.0,
        connection_acquisition_timeout=10.0,
        max_transaction_retry_time=retry_seconds,
        user_agent="actorgraph",
        notifications_min_severity="OFF",
    )


def translate(exc: Exception, settings: Settings) -> ActorgraphError:
    """Our error for a driver error, naming the server and the fix."""
    where = settings.neo4j_uri
    if isinstance(exc, neo4j_errors.AuthError):
        return Neo4jAuthError(
            f"Neo4j at {where} refused the password for user '{settings.neo4j_user}': set NEO4J_PASSWORD "
            "(environment or .env) to the password the server was set up with."
        )
    if isinstance(exc, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired | OSError):
        hint = "start it with `actorgraph neo4j start`" if settings.is_local else "check NEO4J_URI and the server"
        return Neo4jUnavailable(f"Neo4j is not reachable at {where}: {hint}.")
    if isinstance(exc, neo4j_errors.ClientError) and exc.code and "DatabaseNotFound" in exc.code:
        return Neo4jUnavailable(f"Neo4j at {where} has no database '{settings.neo4j_database}': fix NEO4J_DATABASE.")
    return ActorgraphError(f"Neo4j error at {where}: {getattr(exc, 'message', None) or exc}")


@contextmanager
def translated(settings: Settings) -> Iterator[None]:
    """Run a block with driver errors translated to ours."""
    try:
        yield
    except ActorgraphError:
        raise
    except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as exc:
        raise translate(exc, settings) from exc


@contextmanager
def connect(settings: Settings) -> Iterator[Driver]:
    """An open, verified driver that is closed on exit; errors come out translated."""
    with translated(settings):
        driver = open_driver(settings)
        try:
            driver.verify_connectivity()
            yield driver
        finally:
            driver.close()


def check_connection(settings: Settings) -> None:
    """Raise our error unless the server answers a query with our credentials."""
    with connect(settings) as driver:
        driver.execute_query("RETURN 1", database_=settings.neo4j_database)
