"""The files of a bulk import: one CSV per label and per relationship, as ``neo4j-admin database import`` reads them.

Each file's header names its columns with their Neo4j types (``published_on:date``,
``aliases:string[]``) and its id space (``id:ID(Actor)``, ``:START_ID(Statement)``), so the
imported graph has exactly the labels, types and properties the online loader writes. The layout
lives here, beside the Cypher of the online writes, because it is the same store seen through its
offline door; running the import is :func:`actorgraph.local.server.import_database`.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from actorgraph.store.core import Store

#: Separates the elements of an array property in a cell (a control character: never in our text).
ARRAY_DELIMITER = "\x1f"

#: label -> (file, header); the first column is the node's id in its id space (the label).
NODES: dict[str, list[str]] = {
    "Actor": ["id:ID(Actor)", "name", "kind", "description", "wikidata", "country", "aliases:string[]",
              "name_keys:string[]", "reliability"],
    "Event": ["id:ID(Event)", "name", "kind", "start_date:date", "end_date:date", "location", "description"],
    "Source": ["id:ID(Source)", "kind", "title", "url", "publisher", "published_on:date", "text", "sha256",
               "verification", "reliability"],
    "Allegation": ["id:ID(Allegation)", "predicate", "polarity", "summary", "verdict", "verdict_rationale",
                   "verdict_source", "status"],
    "Statement": ["id:ID(Statement)", "stance", "quote", "start:int", "end:int", "stated_on:date", "medium",
                  "confidence:double", "note", "credibility:int", "recorded_at:datetime"],
    "NameKey": ["key:ID(NameKey)"],
    "Dossier": ["id:ID(Dossier)", "sha256", "file", "source", "statements:string[]", "file_sha256",
                "file_dossiers:int", "text_file"],
}  # fmt: skip

_DERIVED = [":TYPE", "statements:string[]", "count:int", "first_stated:date", "last_stated:date"]
#: file stem -> (relationship type or None when the file has a :TYPE column, header)
RELATIONSHIPS: dict[str, tuple[str | None, list[str]]] = {
    "made": ("MADE", [":START_ID(Actor)", ":END_ID(Statement)"]),
    "on": ("ON", [":START_ID(Statement)", ":END_ID(Allegation)"]),
    "reported_in": ("REPORTED_IN", [":START_ID(Statement)", ":END_ID(Source)"]),
    "on_behalf_of": ("ON_BEHALF_OF", [":START_ID(Statement)", ":END_ID(Actor)"]),
    "quoted_from": ("QUOTED_FROM", [":START_ID(Statement)", ":END_ID(Source)"]),
    "derived_from": ("DERIVED_FROM", [":START_ID(Source)", ":END_ID(Source)"]),
    "subject": ("SUBJECT", [":START_ID(Allegation)", ":END_ID(Actor)"]),
    "object_actor": ("OBJECT", [":START_ID(Allegation)", ":END_ID(Actor)"]),
    "object_event": ("OBJECT", [":START_ID(Allegation)", ":END_ID(Event)"]),
    "names": ("NAMES", [":START_ID(NameKey)", ":END_ID(Actor)"]),
    "derived_actor": (None, [":START_ID(Actor)", ":END_ID(Actor)", *_DERIVED]),
    "derived_event": (None, [":START_ID(Actor)", ":END_ID(Event)", *_DERIVED]),
}


def array(values: Iterable[str]) -> str:
    """An array property as one cell (empty: no property)."""
    return ARRAY_DELIMITER.join(values)


@dataclass(frozen=True)
class ImportFile:
    """One CSV of the import: what it holds and where."""

    path: Path
    label: str | None = None
    rel_type: str | None = None
    is_nodes: bool = True


class ImportFiles:
    """Writers for every file of one import, opened once, written row by row (nothing held in memory)."""

    def __init__(self, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        self.folder = folder
        self._handles: list[IO[str]] = []
        self.files: list[ImportFile] = []
        self._writers: dict[str, Any] = {}
        for label, header in NODES.items():
            self._open(label.lower(), header, ImportFile(folder / f"{label.lower()}.csv", label=label))
        for stem, (rel_type, header) in RELATIONSHIPS.items():
            self._open(stem, header, ImportFile(folder / f"{stem}.csv", rel_type=rel_type, is_nodes=False))

    def _open(self, name: str, header: list[str], spec: ImportFile) -> None:
        handle = spec.path.open("w", encoding="utf-8", newline="")
        self._handles.append(handle)
        writer = csv.writer(handle)
        writer.writerow(header)
        self._writers[name] = writer
        self.files.append(spec)

    def write(self, name: str, row: Iterable[Any]) -> None:
        """One row into the file ``name`` (a label in lower case, or a relationship file stem).

        Cells as the csv module writes them: None empty (no property), a date as ``str`` gives it
        (ISO), arrays already joined by :func:`array`.
        """
        self._writers[name].writerow(row)

    def writer(self, name: str) -> Any:
        """The csv writer of one file, for a loop that writes many rows."""
        return self._writers[name]

    def close(self) -> None:
        for handle in self._handles:
            handle.close()

    def discard(self) -> None:
        self.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def arguments(self) -> list[str]:
        """The ``--nodes`` / ``--relationships`` options of ``neo4j-admin database import full``."""
        out = []
        for f in self.files:
            if f.is_nodes:
                out.append(f"--nodes={f.label}={f.path}")
            elif f.rel_type is not None:
                out.append(f"--relationships={f.rel_type}={f.path}")
            else:
                out.append(f"--relationships={f.path}")
        return out


def node_count(store: Store) -> int:
    """How many nodes the database holds (a bulk import goes only into an empty one)."""
    records = store.query("node_count")
    return int(records[0]["n"]) if records else 0


__all__ = ["ARRAY_DELIMITER", "NODES", "RELATIONSHIPS", "ImportFile", "ImportFiles", "array", "node_count"]
