"""actorgraph's exceptions: one base class and a small hierarchy.

Every message is one line that says what went wrong *and what to do*. Errors of the layers below
(the Neo4j driver, subprocesses, YAML) are translated at the boundary — for Neo4j, the one door in
:mod:`actorgraph.store.core` — so the CLI can print ``str(error)`` and the API can map the class to a
GraphQL error code without a traceback (``api/errors.py``).

Which class a failure gets decides who is told it is their fault:

- the caller's mistake: :class:`InvalidInput` (a whole input checked, every problem listed),
  :class:`UsageError` (one bad argument), :class:`NotFound`, :class:`Conflict`;
- the database is away or too slow: :class:`Neo4jUnavailable`, :class:`QueryTimeout`,
  :class:`Neo4jAuthError` (wrong credentials are the operator's to fix, never the API client's);
- our own failure: :class:`DatabaseError` (Neo4j refused a query we wrote) and the base class.
"""

from __future__ import annotations

from dataclasses import dataclass


class ActorgraphError(Exception):
    """Base class; ``exit_code`` is what the CLI exits with. Unclassified means "our failure"."""

    exit_code = 1


class ConfigError(ActorgraphError):
    """A setting or the machine lacks something (Java, Maven, a free port)."""


class ProvisionError(ActorgraphError):
    """Fetching or starting the local Neo4j failed."""


class Neo4jUnavailable(ActorgraphError):
    """Neo4j cannot be reached."""


class QueryTimeout(Neo4jUnavailable):
    """A transaction ran past its timeout (``ACTORGRAPH_API_TX_TIMEOUT`` in the API)."""


class Neo4jAuthError(ActorgraphError):
    """Neo4j refused our credentials."""


class DatabaseError(ActorgraphError):
    """Neo4j failed or refused a query of ours: a defect to report, never the caller's fault."""


class NotFound(ActorgraphError):
    """A node asked for by id does not exist."""


class Conflict(ActorgraphError):
    """A write collided with the graph's state (e.g. an id created concurrently): retry or pick another."""


class UsageError(ActorgraphError):
    """One argument of a command or query is out of range or malformed; the message names it."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (file, path) and what to fix."""

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message}"


class InvalidInput(ActorgraphError):
    """The input was checked as a whole and has problems; nothing was written."""

    exit_code = 2

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{count} {noun} found, nothing was written:\n{lines}")
