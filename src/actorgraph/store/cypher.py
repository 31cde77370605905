"""Cypher lives in ``.cypher`` files shipped with the package; code refers to a query by name.

A file may hold several statements separated by ``;`` at line ends (schema files do);
:func:`statements` splits them. Comments (``//``) stay in the text: Neo4j ignores them and they
show up usefully in query logs.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import LiteralString

QUERIES = "actorgraph.store.queries"


@cache
def query(name: str) -> LiteralString:
    """The text of ``store/queries/<name>.cypher``; cached, read once per process."""
    text = resources.files(QUERIES).joinpath(f"{name}.cypher").read_text(encoding="utf-8")
    # The file is ours, shipped in the package: never user input, hence typed LiteralString.
    return text.strip()


def statements(text: str) -> list[LiteralString]:
    """Split a multi-statement file on ``;`` at line ends, dropping comment-only chunks."""
    out: list[LiteralString] = []
    for chunk in text.split(";\n"):
        body = "\n".join(ln for ln in chunk.splitlines() if not ln.strip().startswith("//")).strip()
        if body.rstrip(";"):
            out.append(body.rstrip(";"))
    return out
