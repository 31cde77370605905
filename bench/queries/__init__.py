"""Cypher of the baselines and limits the benchmarks compare our code with (not used by actorgraph)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, LiteralString

from neo4j import Record

from actorgraph.store.core import Store, Tx


@cache
def bench_query(name: str) -> LiteralString:
    """The text of ``bench/queries/<name>.cypher`` (ours, shipped beside this file: never input)."""
    text: LiteralString = resources.files(__name__).joinpath(f"{name}.cypher").read_text(encoding="utf-8")  # type: ignore[assignment]
    return text.strip()


def bench_records(store: Store, name: str, **params: Any) -> list[Record]:
    """The records of one bench query, read through the store's door (counted, translated)."""

    def work(tx: Tx) -> list[Record]:
        return list(tx.run_text(bench_query(name), **params))

    return store.read(work)
