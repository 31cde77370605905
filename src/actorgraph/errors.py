"""actorgraph's exceptions: one base class and a small hierarchy.

Every message is one line that says what went wrong *and what to do*. Errors of the layers below
(the Neo4j driver, subprocesses, YAML) are translated at the boundary, so the CLI can print
``str(error)`` and the API can map the class to a GraphQL error code without a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class ActorgraphError(Exception):
    """Base class; ``exit_code`` is what the CLI exits with."""

    exit_code = 1


class ConfigError(ActorgraphError):
    """A setting or the machine lacks something (Java, Maven, a free port)."""


class ProvisionError(ActorgraphError):
    """Fetching or starting the local Neo4j failed."""


class Neo4jUnavailable(ActorgraphError):
    """Neo4j cannot be reached."""


class Neo4jAuthError(ActorgraphError):
    """Neo4j refused our credentials."""


class NotFound(ActorgraphError):
    """A node asked for by id does not exist."""


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
