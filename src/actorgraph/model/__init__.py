"""Pure data: the vocabulary, the pydantic models, ids and status derivation. No I/O here."""

from actorgraph.model.entities import Actor, Allegation, Dossier, Event, Source, Statement
from actorgraph.model.status import Account, derive_status
from actorgraph.model.vocabulary import (
    PREDICATES,
    ActorKind,
    AllegationStatus,
    EventKind,
    Polarity,
    Predicate,
    SourceKind,
    Stance,
    Verdict,
)

__all__ = [
    "PREDICATES",
    "Account",
    "Actor",
    "ActorKind",
    "Allegation",
    "AllegationStatus",
    "Dossier",
    "Event",
    "EventKind",
    "Polarity",
    "Predicate",
    "Source",
    "SourceKind",
    "Stance",
    "Statement",
    "Verdict",
    "derive_status",
]
