"""A dossier that passed every check, ready to be written: what ``ingest`` hands to ``store``.

Pure data. Ids are still the dossier's own: the store resolves actor names against the graph
(:mod:`actorgraph.model.names`) and computes stored ids (:mod:`actorgraph.model.rows`) when writing.
"""

from __future__ import annotations

import datetime as dt
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


@dataclass(frozen=True)
class PreparedDossier:
    """A dossier that passed every check, with its source text and every quote located."""

    path: Path
    dossier: Dossier
    source_text: str
    source_sha256: str
    statements: list[PreparedStatement]
