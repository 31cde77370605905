"""The dump format: one JSON object per line, in a stable order, so equal graphs give equal bytes. Pure.

Line 1 is the header (format version and counts); then every node, by label in :data:`LABELS` order
and by its key (:func:`key_of`: the id, or a name key's text); then every relationship, by the label
and key of its start node, its type, the label and key of its end node, and its properties. The
bookkeeping nodes (the name index, the load records) are part of it: a restored graph resolves names
and skips unchanged dossiers as the dumped one did. Properties are written with sorted keys; dates, which JSON
lacks, as ``{"$date": "YYYY-MM-DD"}`` (and date-times as ``{"$datetime": ISO 8601}``), so a restore
gives Neo4j back the same types. A restore followed by a dump gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from actorgraph.errors import UsageError
from actorgraph.model.invariants import INDEX_LABELS, MODEL_LABELS

FORMAT = "actorgraph-dump"
VERSION = 1
#: Labels in the order their nodes are written (the model's, then the bookkeeping ones, as ``db check``
#: knows them).
LABELS = MODEL_LABELS + INDEX_LABELS
#: The property that identifies a node of a label, where it is not ``id``.
KEYS = {"NameKey": "key"}


def key_of(label: str) -> str:
    """The property a node of ``label`` is identified by.

    >>> key_of("Actor"), key_of("NameKey")
    ('id', 'key')
    """
    return KEYS.get(label, "id")


def encode_value(value: Any) -> Any:
    """A property value as JSON can hold it (dates tagged).

    >>> encode_value([dt.date(2030, 1, 2)])
    [{'$date': '2030-01-02'}]
    """
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, list):
        return [encode_value(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise UsageError(f"a property of type {type(value).__name__} cannot be dumped: actorgraph stores none of these")


def decode_value(value: Any) -> Any:
    """The inverse of :func:`encode_value`.

    >>> decode_value({"$date": "2030-01-02"})
    datetime.date(2030, 1, 2)
    """
    if isinstance(value, dict):
        if "$date" in value:
            return dt.date.fromisoformat(value["$date"])
        if "$datetime" in value:
            return dt.datetime.fromisoformat(value["$datetime"])
        raise ValueError(f"unknown tagged value {sorted(value)}")
    if isinstance(value, list):
        return [decode_value(v) for v in value]
    return value


def encode_props(props: dict[str, Any]) -> dict[str, Any]:
    return {k: encode_value(v) for k, v in sorted(props.items())}


def decode_props(props: dict[str, Any]) -> dict[str, Any]:
    return {k: decode_value(v) for k, v in props.items()}


def line(record: dict[str, Any]) -> str:
    """One record as one line: sorted keys, no spaces, UTF-8 text kept as is."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


def header(nodes: int, relationships: int) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "nodes": nodes, "relationships": relationships}


def check_header(record: Any, where: str) -> tuple[int, int]:
    """The node and relationship counts a header announces; UsageError if it is not our dump."""
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise UsageError(
            f"{where} is not an actorgraph dump (no header line): give a file written by `actorgraph dump`"
        )
    if record.get("version") != VERSION:
        raise UsageError(f"{where} is dump format version {record.get('version')}, this actorgraph reads {VERSION}")
    return int(record["nodes"]), int(record["relationships"])


__all__ = [
    "FORMAT",
    "KEYS",
    "LABELS",
    "VERSION",
    "check_header",
    "decode_props",
    "encode_props",
    "header",
    "key_of",
    "line",
]
