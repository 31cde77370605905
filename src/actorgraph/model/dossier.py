"""A dossier that passed every check, ready to be written: what ``ingest`` hands to ``store``.

Pure data. Ids are still the dossier's own: the store resolves actor names against the graph
(:mod:`actorgraph.model.names`) and computes stored ids (:mod:`actorgraph.model.rows`) when writing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from actorgraph.model.entities import Dossier


@dataclass(frozen=True)
class PreparedStatement:
    """A statement with its offsets checked or filled in; ids are still the dossier's own."""

    id: str | None
    speaker: str
    #: the dossier-local allegation id
    allegation: str
    stance: str
    quote: str
    start: int
    end: int
    stated_on: dt.date | None
    medium: str | None
    on_behalf_of: str | None
    confidence: float | None
    note: str | None
    #: Information credibility, 1 (confirmed) to 6 (cannot be judged); None when not graded.
    credibility: int | None = None
    #: The source id it was quoted from (its origin's chain starts there, not at its own source).
    quoted_from: str | None = None


@dataclass(frozen=True)
class PreparedDossier:
    """A dossier that passed every check, with its source text and every quote located."""

    path: Path
    dossier: Dossier
    source_text: str
    source_sha256: str
    statements: list[PreparedStatement]
    #: SHA-256 of what the dossier says (:func:`content_sha256`; a JSON Lines dossier: its records).
    #: Equal hashes mean a reload has nothing to write.
    content_sha256: str = ""
    #: SHA-256 of the whole file it came from (a JSON Lines file holds many dossiers), and the
    #: ``text_file`` it reads, if any: what a reload checks before parsing anything.
    file_sha256: str = ""
    text_file: str | None = None
    #: How many dossiers the file holds (1 for YAML).
    file_dossiers: int = 1

    @property
    def key(self) -> str:
        """The dossier's identity across loads: its source and its file's name (moving a folder keeps it)."""
        return dossier_key(self.dossier.source.id, self.path)


def dossier_key(source_id: str, path: Path) -> str:
    """``source|file name``: one dossier per source per file (a JSON Lines file holds many sources).

    >>> dossier_key("wire-1", Path("cases/wire.yaml"))
    'wire-1|wire.yaml'
    """
    return f"{source_id}|{path.name}"


def content_sha256(data: bytes, text_file: str = "") -> str:
    """The content hash of a dossier: its bytes, then the text of its ``text_file`` if it has one.

    An inline source text is part of the bytes; a text beside the dossier is hashed with them, so
    editing either makes the dossier "changed".
    """
    digest = hashlib.sha256(data)
    digest.update(b"\x00")
    digest.update(text_file.encode("utf-8"))
    return digest.hexdigest()
