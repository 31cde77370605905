"""The data model as pydantic v2 models: pure data and per-field validation, no I/O.

These models are the one definition of valid input, shared by dossiers (``ingest``) and API
mutations (``api``). Checks that need the whole dossier (unknown ids, quotes found in the source
text) live in ``ingest.validate``; checks that need the graph live in the store.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from actorgraph.model.ids import SLUG_PATTERN, name_key
from actorgraph.model.vocabulary import ActorKind, EventKind, Predicate, Reliability, SourceKind, Stance, Verdict

Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        description="A readable, stable id: lowercase letters, digits and _ . : - (e.g. `freedom-of-russia-legion`).",
    ),
]
NonEmpty = Annotated[str, Field(min_length=1)]


def _strip(value: str) -> str:
    return value.strip()


Text = Annotated[str, AfterValidator(_strip), Field(min_length=1)]


class _Model(BaseModel):
    """Strict about unknown fields, so a typo in a dossier is an error rather than silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Actor(_Model):
    """Someone who acts or speaks: a person, group, agency, state..."""

    id: Slug
    name: Text
    kind: ActorKind
    aliases: list[Text] = Field(default_factory=list, description="Other names it is known by.")
    description: str | None = None
    wikidata: Annotated[str, Field(pattern=r"^Q[1-9][0-9]*$")] | None = None
    country: Annotated[str, Field(pattern=r"^[A-Z]{2,3}$", description="ISO 3166 code.")] | None = None
    reliability: Reliability | None = Field(
        None,
        description="Default source reliability (A-F) of what this actor says, used where its statement's source "
        "is not graded.",
    )

    def name_keys(self) -> set[str]:
        """Every normalised name this actor can be found under."""
        return {name_key(n) for n in [self.name, *self.aliases]} - {""}


class Event(_Model):
    """Something that happened, which allegations can be about (e.g. an incursion)."""

    id: Slug
    name: Text
    kind: EventKind = EventKind.OTHER
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    location: str | None = None
    description: str | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Event:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("end_date is before start_date: swap them or fix one")
        return self


class Source(_Model):
    """Where statements were reported: its full text is kept so every quote can be checked."""

    id: Slug
    kind: SourceKind
    title: Text
    url: str | None = None
    publisher: str | None = None
    published_on: dt.date | None = None
    text: str | None = Field(None, description="The full text, inline.")
    text_file: str | None = Field(None, description="Or a text file, relative to the dossier.")
    reliability: Reliability | None = Field(
        None, description="Source reliability on the Admiralty scale: A (completely reliable) to E, F cannot be judged."
    )
    derived_from: Slug | None = Field(
        None,
        description="The id of the source this one repeats (an article from a wire story, a story from a post): "
        "its statements then trace to that source's origin (PROV wasDerivedFrom).",
    )

    @model_validator(mode="after")
    def _not_derived_from_itself(self) -> Source:
        if self.derived_from == self.id:
            raise ValueError("`derived_from` names the source itself: name the source it repeats, or remove it")
        return self

    @model_validator(mode="after")
    def _one_text(self) -> Source:
        if (self.text is None) == (self.text_file is None):
            raise ValueError("give the source's text either inline as `text` or as `text_file`, exactly one")
        return self


class Allegation(_Model):
    """A proposition, *subject predicate object*, that speakers affirm or deny.

    ``id`` is a name local to the dossier, used by its statements; the stored node id is derived
    from (subject, predicate, object), so the same proposition in two dossiers is one node.
    """

    id: Slug
    subject: Slug
    predicate: Predicate
    object: Slug
    summary: Text
    verdict: Verdict | None = None
    verdict_rationale: str | None = None
    verdict_source: str | None = None
    verdict_on: dt.date | None = Field(None, description="When the verdict was given (kept by imports and exports).")

    @model_validator(mode="after")
    def _verdict_has_rationale(self) -> Allegation:
        if self.verdict is not None and not (self.verdict_rationale or "").strip():
            raise ValueError("a verdict needs a `verdict_rationale` saying why")
        return self


class Statement(_Model):
    """One actor's act of affirming or denying an allegation, with the verbatim quote that shows it.

    ``start``/``end`` are character offsets of ``quote`` in the source text: filled in when absent,
    checked when given. ``occurrence`` picks which match when the quote appears several times.
    """

    id: Slug | None = None
    speaker: Slug
    allegation: Slug
    stance: Stance
    quote: NonEmpty
    start: Annotated[int, Field(ge=0)] | None = None
    end: Annotated[int, Field(ge=0)] | None = None
    occurrence: Annotated[int, Field(ge=1)] = 1
    stated_on: dt.date | None = None
    medium: str | None = Field(None, description='Where it was said, e.g. "Telegram", "press briefing".')
    on_behalf_of: Slug | None = Field(None, description="The institution a spokesperson speaks for.")
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    note: str | None = Field(None, description="The analyst's note on how this statement was read.")
    quoted_from: Slug | None = Field(
        None,
        description="The id of the source this statement was quoted from, when its own source is secondary "
        "(PROV wasQuotedFrom): its origin is that source's.",
    )
    credibility: Annotated[int, Field(ge=1, le=6, strict=True)] | None = Field(
        None,
        description="Information credibility on the Admiralty scale: 1 (confirmed) to 5 (improbable), "
        "6 cannot be judged.",
    )


class Dossier(_Model):
    """One YAML file: a source and the actors, events, allegations and statements it supports."""

    source: Source
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    allegations: list[Allegation] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    verification: str | None = Field(
        None, description="What the source says about whether its claims could be verified."
    )
