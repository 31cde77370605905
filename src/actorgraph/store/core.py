"""The one door to Neo4j: every session, transaction and query of actorgraph passes through :class:`Store`.

Why one door: so that every call, whoever makes it (the loader, a mutation, the analytics
projection, a GraphQL read), gets the same three things without thinking about them —

- the **timeout** of its settings (``ACTORGRAPH_API_TX_TIMEOUT`` for the API; none for the CLI,
  whose loads may legitimately run long);
- a **round-trip count** (``extensions.cypherQueries`` in the API counts every query of a request,
  analytics and mutations included);
- **error translation**: a driver exception never leaves this module; it becomes one of
  :mod:`actorgraph.errors` — unreachable, timed out, conflict, or :class:`~actorgraph.errors.DatabaseError`
  for a query Neo4j refused (our defect) — and only the first names the server's address.

Queries are referred to by the name of their ``.cypher`` file (:mod:`actorgraph.store.cypher`), so no
Cypher is ever assembled from input. Work that needs several queries in one transaction is a function
taking a :class:`Tx`, passed to :meth:`Store.read` or :meth:`Store.write`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Concatenate, LiteralString, ParamSpec, TypeVar

import neo4j
from neo4j import Bookmarks, Driver, GraphDatabase, Query, Record, RoutingControl
from neo4j import exceptions as neo4j_errors

from actorgraph.errors import (
    ActorgraphError,
    ConfigError,
    Conflict,
    DatabaseError,
    Neo4jAuthError,
    Neo4jUnavailable,
    QueryTimeout,
)
from actorgraph.settings import Settings
from actorgraph.store.cypher import query

P = ParamSpec("P")
T = TypeVar("T")

#: What the driver raises; all of it is translated at the door.
DRIVER_ERRORS = (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError)


def translate(exc: BaseException, settings: Settings) -> ActorgraphError:
    """Our error for a driver error. Only "unreachable" and "refused credentials" name the server."""
    where = settings.neo4j_uri
    if isinstance(exc, neo4j_errors.AuthError):
        return Neo4jAuthError(
            f"Neo4j at {where} refused the password for user '{settings.neo4j_user}': set NEO4J_PASSWORD "
            "(environment or .env) to the password the server was set up with."
        )
    if isinstance(exc, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired | OSError):
        hint = "start it with `actorgraph neo4j start`" if settings.is_local else "check NEO4J_URI and the server"
        return Neo4jUnavailable(f"Neo4j is not reachable at {where}: {hint}.")
    code = str(getattr(exc, "code", None) or "")
    if "AuthenticationRateLimit" in code:  # after repeated wrong passwords, Neo4j locks the user for a while
        return Neo4jAuthError(
            f"Neo4j at {where} refused the password for user '{settings.neo4j_user}' too often and locks it for a "
            "few seconds: set NEO4J_PASSWORD (environment or .env) to the password the server was set up with, "
            "then retry."
        )
    if "DatabaseNotFound" in code:
        return Neo4jUnavailable(f"Neo4j has no database '{settings.neo4j_database}': fix NEO4J_DATABASE.")
    if "TransactionTimedOut" in code:
        return QueryTimeout(
            "the query ran longer than its transaction timeout allows: narrow it (or raise the timeout)."
        )
    if "TransactionLogError" in code or "needs to be restarted" in str(getattr(exc, "message", "") or ""):
        return Neo4jUnavailable(
            "Neo4j cannot write to its disk (full or read-only) and stopped accepting transactions: free space "
            "or make its data directory writable, then restart Neo4j (`actorgraph neo4j stop`, then `start`)."
        )
    if "ConstraintValidationFailed" in code:
        return Conflict("an id being written already exists (written at the same time by another client): retry.")
    if isinstance(exc, neo4j_errors.TransientError):
        return Neo4jUnavailable(f"Neo4j is busy ({code}): retry shortly.")
    return DatabaseError(
        f"Neo4j refused a query of actorgraph ({code or type(exc).__name__}): this is a defect, please report it."
    )


@contextmanager
def translated(settings: Settings) -> Iterator[None]:
    """Run a block with driver errors translated to ours (ours pass through untouched)."""
    try:
        yield
    except ActorgraphError:
        raise
    except DRIVER_ERRORS as exc:
        raise translate(exc, settings) from exc


class Counter:
    """A thread-safe count of round trips (resolvers run queries from worker threads)."""

    def __init__(self) -> None:
        self._value = 0
        self._lock = threading.Lock()

    def add(self, n: int = 1) -> None:
        with self._lock:
            self._value += n

    @property
    def value(self) -> int:
        return self._value


class Tx:
    """A transaction seen through the door: named queries only, each one counted as a round trip."""

    def __init__(self, tx: neo4j.ManagedTransaction | neo4j.Transaction, counter: Counter) -> None:
        self._tx = tx
        self._counter = counter

    def run(self, name: LiteralString, **params: Any) -> neo4j.Result:
        """Run the named query; the result streams until consumed."""
        return self.run_text(query(name), **params)

    def run_text(self, text: LiteralString, **params: Any) -> neo4j.Result:
        """Run Cypher text that is ours (a schema statement, a label read back from the database)."""
        self._counter.add()
        return self._tx.run(text, params)

    def records(self, name: LiteralString, **params: Any) -> list[Record]:
        return list(self.run(name, **params))

    def single(self, name: LiteralString, **params: Any) -> Record | None:
        return self.run(name, **params).single()

    def execute(self, name: LiteralString, **params: Any) -> None:
        """Run a write and wait for it, discarding any result."""
        self.run(name, **params).consume()


def open_driver(settings: Settings, *, retry_seconds: float = 15.0) -> Driver:
    """A driver for the configured server; creating it does no I/O.

    ``retry_seconds`` bounds how long managed transactions retry transient failures: long for loads
    (ride out a leader switch), short for the API (answer UNAVAILABLE quickly during an outage).
    A server on another machine with the README's default password is refused before any I/O.
    """
    if not settings.is_local and settings.default_password:
        raise ConfigError(
            f"NEO4J_URI points at another machine ({settings.bolt_host}) but NEO4J_PASSWORD is the published "
            "default: set NEO4J_PASSWORD (environment or .env) to that server's own password."
        )
    return GraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        connection_timeout=5.0,
        connection_acquisition_timeout=10.0,
        # A pooled connection idle for 2 s is checked before reuse: after Neo4j restarts, the first
        # request gets a fresh connection instead of a dead one (found by the fault tests).
        liveness_check_timeout=2.0,
        max_transaction_retry_time=retry_seconds,
        user_agent="actorgraph",
        notifications_min_severity="OFF",
    )


class Store:
    """The door: a driver, the settings, a timeout for every transaction and a round-trip counter.

    One ``Store`` per process owns the driver; :meth:`scoped` gives a request its own counter over the
    same driver.
    """

    def __init__(
        self,
        driver: Driver,
        settings: Settings,
        *,
        timeout: float | None = None,
        counter: Counter | None = None,
        bookmarks: tuple[str, ...] = (),
    ) -> None:
        self.driver = driver
        self.settings = settings
        self.timeout = timeout
        self._counter = counter or Counter()
        #: Transactions this scope's reads must see (a client's own writes, in a cluster): causal consistency.
        self.bookmarks = bookmarks
        #: The bookmark of this scope's last write, for the client to send back (read your own writes).
        self.last_bookmarks: tuple[str, ...] = ()

    # --- opening and closing ----------------------------------------------------------------------

    @classmethod
    def open(cls, settings: Settings, *, timeout: float | None = None, retry_seconds: float = 15.0) -> Store:
        """A store on a new driver (no I/O until the first query); :meth:`close` it."""
        return cls(open_driver(settings, retry_seconds=retry_seconds), settings, timeout=timeout)

    @classmethod
    @contextmanager
    def connect(cls, settings: Settings, *, timeout: float | None = None) -> Iterator[Store]:
        """An open store whose server answered, closed on exit; errors come out translated."""
        with translated(settings):
            store = cls.open(settings, timeout=timeout)
            try:
                store.driver.verify_connectivity()
                yield store
            finally:
                store.close()

    def close(self) -> None:
        self.driver.close()

    def scoped(self, bookmarks: tuple[str, ...] = ()) -> Store:
        """The same driver and timeout with a fresh round-trip count (one per API request).

        ``bookmarks`` (a client's, from a mutation's answer) make every read of the scope wait until the
        server it runs on has those transactions: in a cluster, a client reads its own writes.
        """
        return Store(self.driver, self.settings, timeout=self.timeout, counter=Counter(), bookmarks=bookmarks)

    @property
    def round_trips(self) -> int:
        """Queries sent through this store (or this scope) so far."""
        return self._counter.value

    # --- transactions -------------------------------------------------------------------------------

    def read(self, work: Callable[Concatenate[Tx, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``work(tx, ...)`` in one read transaction (routed to a reader in a cluster)."""
        with translated(self.settings), self._session(neo4j.READ_ACCESS) as session:
            return session.execute_read(self._unit(work, *args, **kwargs))

    def write(self, work: Callable[Concatenate[Tx, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run ``work(tx, ...)`` in one write transaction: all of it, or none of it."""
        with translated(self.settings), self._session(neo4j.WRITE_ACCESS) as session:
            result = session.execute_write(self._unit(work, *args, **kwargs))
            self.last_bookmarks = tuple(sorted(session.last_bookmarks().raw_values))
            return result

    def query(self, name: LiteralString, *, tail: LiteralString | None = None, **params: Any) -> list[Record]:
        """One named read query in its own transaction, optionally followed by a shared ``tail`` file."""
        text = query(name) if tail is None else query(name) + "\n" + query(tail)
        self._counter.add()
        # A client that sent its write's bookmark reads its own write; otherwise no driver-wide bookmarks,
        # as for read() and write(): after `load --bulk` replaced the database, bookmarks of the old one
        # would make every later query wait for a version the new database never reaches, then fail.
        manager = (
            GraphDatabase.bookmark_manager(initial_bookmarks=Bookmarks.from_raw_values(self.bookmarks))
            if self.bookmarks
            else None
        )
        with translated(self.settings):
            records, _, _ = self.driver.execute_query(
                Query(text, timeout=self.timeout),
                params,
                database_=self.settings.neo4j_database,
                routing_=RoutingControl.READ,
                bookmark_manager_=manager,
            )
        return list(records)

    @contextmanager
    def stream(self, name: LiteralString, **params: Any) -> Iterator[Iterator[Record]]:
        """The records of one named read query as they arrive (for exports far larger than memory)."""
        with (
            translated(self.settings),
            self._session(neo4j.READ_ACCESS) as session,
            session.begin_transaction(timeout=self.timeout) as tx,
        ):
            self._counter.add()
            yield iter(tx.run(query(name), params))

    def autocommit(self, text: LiteralString, **params: Any) -> list[Record]:
        """Cypher that must run outside a managed transaction: ``CALL {…} IN TRANSACTIONS``, schema."""
        self._counter.add()
        with translated(self.settings), self._session(neo4j.WRITE_ACCESS) as session:
            return list(session.run(Query(text, timeout=self.timeout), params))

    def version(self) -> str:
        """A string that changes whenever anything is committed to the database.

        The bookmark of a read names the last committed transaction, so it moves with every write and
        nothing else, for one trivial round trip. Servers that return none fall back to a fingerprint
        of counts (``graph_fingerprint.cypher``), which misses writes that change no count.
        """
        with translated(self.settings), self._session(neo4j.READ_ACCESS) as session:
            session.execute_read(self._unit(_ping))
            marks = sorted(session.last_bookmarks().raw_values)
            if marks:
                return "bm:" + ",".join(marks)
            return session.execute_read(self._unit(_fingerprint))

    def ping(self) -> None:
        """Raise our error unless the database answers a query (no retries: an outage shows at once).

        A query, not just a connection: a server that is up while its database still recovers (after a
        crash or a restart) accepts connections but no transactions, and is not ready (found by the
        fault tests: /readyz said ready while every query failed).
        """
        with translated(self.settings), self._session(neo4j.READ_ACCESS) as session:
            self._counter.add()
            session.run(Query(query("ping"), timeout=self.timeout)).consume()

    # --- internals --------------------------------------------------------------------------------

    def _session(self, mode: str) -> neo4j.Session:
        """A session of the given access mode (routed to a reader or the leader in a cluster)."""
        marks = Bookmarks.from_raw_values(self.bookmarks) if self.bookmarks else None
        return self.driver.session(database=self.settings.neo4j_database, default_access_mode=mode, bookmarks=marks)

    def _unit(
        self, work: Callable[Concatenate[Tx, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> Callable[[neo4j.ManagedTransaction], T]:
        counter = self._counter

        def run(tx: neo4j.ManagedTransaction) -> T:
            return work(Tx(tx, counter), *args, **kwargs)

        if self.timeout is not None:
            return neo4j.unit_of_work(timeout=self.timeout)(run)
        return run


def _ping(tx: Tx) -> None:
    tx.execute("ping")


def _fingerprint(tx: Tx) -> str:
    record = tx.single("graph_fingerprint")
    return "fp:" + ":".join(str(v) for v in (record.values() if record else ()))


def database_state(settings: Settings) -> tuple[str, str] | None:
    """(status, message) of NEO4J_DATABASE as the server reports it, or None if the server cannot say.

    Used while waiting for a local server: a database that failed to start (its transaction log
    damaged by a full disk, say) stays "unavailable" forever, and only the server knows why.
    """
    try:
        with open_driver(settings) as driver:
            records, _, _ = driver.execute_query(
                query("database_state"), {"name": settings.neo4j_database}, database_="system"
            )
    except DRIVER_ERRORS:
        return None
    return (str(records[0]["status"]), str(records[0]["message"] or "")) if records else None


def check_connection(settings: Settings) -> None:
    """Raise our error unless the server answers a query with our credentials."""
    with Store.connect(settings) as store:
        store.read(_ping)


__all__ = [
    "Counter",
    "Store",
    "Tx",
    "check_connection",
    "database_state",
    "open_driver",
    "translate",
    "translated",
]
