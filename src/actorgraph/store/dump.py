"""``actorgraph dump`` and ``restore``: every node and relationship, with its properties, as JSON Lines.

A dump is read in one read transaction, so it is a consistent snapshot however long it takes and
whatever writes run meanwhile; its order is stable (:mod:`actorgraph.model.dump_format`), so two
dumps of equal graphs are equal bytes, and a restore followed by a dump gives back the same file. A
name ending in ``.gz`` is gzip-compressed, with no time or file name in the gzip header so the bytes
stay stable. The file is written beside its final name and renamed at the end: a dump that failed
never looks complete.

A restore goes only into an empty database (it refuses a non-empty one with one line), after
reading the whole file once to check it, so a damaged file writes nothing. It writes in batches of
:data:`BATCH` (a large graph does not fit one transaction); if the server fails midway, the message
says to wipe and restore again.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path
from typing import IO, Any, LiteralString

from actorgraph.errors import ActorgraphError, UsageError
from actorgraph.model import dump_format as fmt
from actorgraph.store.core import Store, Tx

BATCH = 5000
#: Called as records are written or restored: (records done, records in all).
Progress = Callable[[int, int], None]


def _quoted(label: str) -> LiteralString:
    """A label of :data:`fmt.LABELS` (an allow-list, never input) quoted into query text."""
    if label not in fmt.LABELS:
        raise ValueError(label)
    return "`" + label + "`"


def _key(label: str) -> LiteralString:
    """The identifying property of ``label``'s nodes (``id``, or ``key`` for the name index)."""
    return "key" if fmt.key_of(label) == "key" else "id"


def _model_label(labels: list[str], where: str) -> tuple[str, list[str]]:
    model = [lb for lb in labels if lb in fmt.LABELS]
    if len(model) != 1:
        raise UsageError(f"{where} has {len(model)} model labels: run `actorgraph db check` and repair it first")
    return model[0], sorted(lb for lb in labels if lb != model[0])


# --- dump ---------------------------------------------------------------------------------------------


@contextmanager
def _open_out(path: Path) -> Iterator[IO[str]]:
    """A text file at ``path`` written through a temporary name; gzip (stable bytes) for ``.gz``."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as raw:
            if path.suffix == ".gz":
                with (
                    gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as zipped,
                    io.TextIOWrapper(zipped, encoding="utf-8", newline="\n") as text,
                ):
                    yield text
            else:
                with io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as text:
                    yield text
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _dump(tx: Tx, out: IO[str], progress: Progress | None) -> tuple[int, int]:
    counts = tx.single("dump_counts", labels=list(fmt.LABELS))
    assert counts is not None
    if counts["unlabelled"]:
        raise UsageError(
            f"{counts['unlabelled']} node(s) carry none of the model's labels: run `actorgraph db check` and "
            "repair the graph before dumping it"
        )
    nodes, rels = int(counts["nodes"]), int(counts["relationships"])
    out.write(fmt.line(fmt.header(nodes, rels)))
    done = 0
    for label in fmt.LABELS:
        text: LiteralString = "MATCH (n:" + _quoted(label) + ") RETURN labels(n) AS labels, properties(n) AS props"
        for rec in tx.run_text(text + " ORDER BY n." + _key(label)):
            _, extra = _model_label(rec["labels"], f"a node {rec['props'].get(_key(label))!r}")
            out.write(fmt.line({"label": label, "extra": extra, "props": fmt.encode_props(_native(rec["props"]))}))
            done += 1
            if progress and done % BATCH == 0:
                progress(done, nodes + rels)
    for label in fmt.LABELS:
        text = (
            "MATCH (a:" + _quoted(label) + ")-[r]->(b) "
            "RETURN a." + _key(label) + " AS start, type(r) AS type, labels(b) AS end_labels, "
            "coalesce(b.id, b.key) AS end, properties(r) AS props "
            "ORDER BY start, type(r), end"
        )
        rows = (_rel_line(label, rec) for rec in tx.run_text(text))
        for _, tied in groupby(rows, key=lambda pair: pair[0]):
            for _, text_line in sorted(tied):  # parallel relationships: ordered by their properties
                out.write(text_line)
                done += 1
                if progress and done % BATCH == 0:
                    progress(done, nodes + rels)
    if done != nodes + rels:
        raise UsageError(f"the dump holds {done} records but the graph {nodes + rels}: a node carries no id (or key)")
    return nodes, rels


def _rel_line(label: str, rec: Any) -> tuple[tuple[str, str, str, str], str]:
    end_label, _ = _model_label(rec["end_labels"], f"the end of a {rec['type']} relationship")
    key = (rec["start"], rec["type"], end_label, rec["end"])
    record = {"type": rec["type"], "start": [label, rec["start"]], "end": [end_label, rec["end"]],
              "props": fmt.encode_props(_native(rec["props"]))}  # fmt: skip
    return key, fmt.line(record)


def _native(props: dict[str, Any]) -> dict[str, Any]:
    """Driver temporal values as Python ones (lists included)."""

    def one(value: Any) -> Any:
        if isinstance(value, list):
            return [one(v) for v in value]
        return value.to_native() if hasattr(value, "to_native") else value

    return {k: one(v) for k, v in props.items()}


def dump(store: Store, path: Path, *, progress: Progress | None = None) -> tuple[int, int]:
    """Write every node and relationship to ``path`` (gzip for ``.gz``); returns (nodes, relationships)."""
    with _open_out(path) as out:
        return store.read(_dump, out, progress)


# --- restore ------------------------------------------------------------------------------------------


@contextmanager
def _open_in(path: Path) -> Iterator[IO[str]]:
    if not path.is_file():
        raise UsageError(f"{path} not found: give the file `actorgraph dump` wrote")
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as text:
            yield text
    else:
        with path.open(encoding="utf-8") as text:
            yield text


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) of every line after the header; UsageError naming the line if one is damaged."""
    try:
        with _open_in(path) as lines:
            for number, text in enumerate(lines, start=1):
                try:
                    yield number, json.loads(text)
                except json.JSONDecodeError as exc:
                    raise UsageError(f"{path}: line {number} is not JSON ({exc.msg}): the file is damaged") from exc
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path} cannot be read ({exc}): the file is damaged or not a dump") from exc


def verify(path: Path) -> tuple[int, int]:
    """Read the whole file once: a header, then as many well-formed nodes and relationships as it announces."""
    nodes = rels = 0
    announced: tuple[int, int] | None = None
    for number, record in _records(path):
        if number == 1:
            announced = fmt.check_header(record, str(path))
        elif "label" in record and record["label"] in fmt.LABELS and "props" in record:
            if rels:
                raise UsageError(f"{path}: line {number} is a node after the relationships: the file is damaged")
            nodes += 1
        elif "type" in record and "start" in record and "end" in record:
            rels += 1
        else:
            raise UsageError(f"{path}: line {number} is neither a node nor a relationship: the file is damaged")
    if announced is None:
        fmt.check_header(None, str(path))
    if announced != (nodes, rels):
        raise UsageError(
            f"{path} holds {nodes} nodes and {rels} relationships but announces {announced[0]} and {announced[1]}: "  # type: ignore[index]
            "it was cut short or edited; dump again"
        )
    return nodes, rels


def _create_nodes(tx: Tx, rows: list[dict[str, Any]]) -> None:
    tx.execute("restore_nodes", rows=rows)


def _create_relationships(tx: Tx, start: str, end: str, rows: list[dict[str, Any]]) -> None:
    text: LiteralString = (
        "UNWIND $rows AS row "
        "MATCH (a:" + _quoted(start) + " {" + _key(start) + ": row.start}) "
        "MATCH (b:" + _quoted(end) + " {" + _key(end) + ": row.end}) "
        "CREATE (a)-[r:$(row.type)]->(b) SET r = row.props"
    )
    tx.run_text(text, rows=rows).consume()


def restore(store: Store, path: Path, *, progress: Progress | None = None) -> tuple[int, int]:
    """Restore a dump into an empty database; returns (nodes, relationships)."""
    nodes, rels = verify(path)
    present = store.query("dump_counts", labels=list(fmt.LABELS))[0]
    if present["nodes"] or present["unlabelled"]:
        raise UsageError(
            f"the database is not empty ({present['nodes'] + present['unlabelled']:,} nodes): restore only into an "
            "empty one (`actorgraph db wipe`, or point NEO4J_URI at a new database)"
        )
    done = 0
    try:
        for label_rows in _batches(path):
            store.write(_create_nodes, label_rows)
            done += len(label_rows)
            if progress:
                progress(done, nodes + rels)
        for (start, end), rel_rows in _rel_batches(path):
            store.write(_create_relationships, start, end, rel_rows)
            done += len(rel_rows)
            if progress:
                progress(done, nodes + rels)
    except ActorgraphError as exc:
        raise type(exc)(
            f"{exc} The restore stopped after {done:,} of {nodes + rels:,} records: the database holds part of "
            "the dump; wipe it (`actorgraph db wipe --yes`) and restore again."
        ) from exc
    return nodes, rels


def _batches(path: Path) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for number, record in _records(path):
        if number == 1 or "label" not in record:
            continue
        labels = [record["label"], *record.get("extra", [])]
        batch.append({"labels": labels, "props": fmt.decode_props(record["props"])})
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _rel_batches(path: Path) -> Iterator[tuple[tuple[str, str], list[dict[str, Any]]]]:
    """Relationships in batches of one (start label, end label) pair, so each batch is one indexed query."""
    pending: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for number, record in _records(path):
        if number == 1 or "type" not in record:
            continue
        (start_label, start), (end_label, end) = record["start"], record["end"]
        key = (start_label, end_label)
        batch = pending.setdefault(key, [])
        batch.append({"type": record["type"], "start": start, "end": end, "props": fmt.decode_props(record["props"])})
        if len(batch) >= BATCH:
            yield key, pending.pop(key)
    yield from pending.items()


__all__ = ["BATCH", "dump", "restore", "verify"]
