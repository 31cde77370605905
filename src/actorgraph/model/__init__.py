"""Pure data and rules: the vocabulary, the pydantic models, ids, quotes, write rows, derivation.

No I/O here (no driver, no files read): every other layer may import ``model``; ``model`` imports
only ``actorgraph.errors``. See ``docs/design.md`` for the data model and the glossary.
"""

from actorgraph.model.derivation import Account, derive_relations, derive_statuses
from actorgraph.model.entities import Actor, Allegation, Dossier, Event, Source, Statement
from actorgraph.model.status import Position, derive_status
from actorgraph.model.vocabulary import (
    PREDICATES,
    RELATIONS,
    ActorKind,
    AllegationStatus,
    EventKind,
    Polarity,
    Predicate,
    RelationType,
    SourceKind,
    Stance,
    Verdict,
)

__all__ = [
    "PREDICATES",
    "RELATIONS",
    "Account",
    "Actor",
    "ActorKind",
    "Allegation",
    "AllegationStatus",
    "Dossier",
    "Event",
    "EventKind",
    "Polarity",
    "Position",
    "Predicate",
    "RelationType",
    "Source",
    "SourceKind",
    "Stance",
    "Statement",
    "Verdict",
    "derive_relations",
    "derive_status",
    "derive_statuses",
]
