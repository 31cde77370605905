"""What the drafter suggests: actors, events and statements, each with a confidence and the reason.

These are plain dataclasses (no pydantic): they are intermediate results, turned into a dossier by
:mod:`actorgraph.draft.dossier` and checked there by the same code ``actorgraph load --check`` uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from actorgraph.model.vocabulary import ActorKind, EventKind, Predicate, Stance


@dataclass(frozen=True)
class KnownActor:
    """An actor already in the graph, as the drafter needs it: to reuse its id, name and kind."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()


@dataclass
class ActorCandidate:
    """An actor the article mentions; ``known`` when it matched an actor in the graph."""

    id: str
    name: str
    kind: ActorKind
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    known: bool = False
    #: the article's own voice (statements the article makes without attributing them)
    is_voice: bool = False
    #: the institution this person speaks for, when the article says so ("Kremlin spokesman ...")
    speaks_for: str | None = None
    evidence: str = ""


@dataclass
class EventCandidate:
    id: str
    name: str
    kind: EventKind
    evidence: str = ""


@dataclass(frozen=True)
class Span:
    """Character offsets in the article text, end exclusive."""

    start: int
    end: int

    def __len__(self) -> int:
        return max(0, self.end - self.start)


@dataclass
class StatementCandidate:
    """One suggested statement: who affirms or denies what, where in the text, and why we think so."""

    speaker: str
    stance: Stance
    quote: Span
    predicate: Predicate
    subject: str
    object: str
    confidence: float
    comment: str
    medium: str | None = None
    on_behalf_of: str | None = None
    #: what a person must decide before loading (written as a comment beside the statement)
    decide: list[str] = field(default_factory=list)


@dataclass
class Draft:
    """Everything suggested for one article, plus how it was made."""

    text: str
    title: str
    source_id: str
    mode: str
    actors: list[ActorCandidate]
    events: list[EventCandidate]
    statements: list[StatementCandidate]
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
