"""The derivation rules: from accounts (statements in context) to statuses and derived relationships.

Pure: the store reads the accounts a write can affect and writes back what these functions return
(``store/derived.py``); analytics applies the same functions to a filtered set of statements, so a
filtered network means exactly "the network these statements alone would give". The rules are
specified in ``docs/design.md`` (section "Derivation rules").

*Voice*: a statement counts for the institution it was made on behalf of (a spokesman's words are
his agency's position), else for its speaker. A *reporting voice* is a voice of a reporting kind
(``MEDIA``): what it affirms of a hostile act is provenance (REPORTS), not an accusation. *Own side*:
the allegation's subject, or an actor linked to it by an affirmed structural allegation (PART_OF,
SPEAKS_FOR, LEADS).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from actorgraph.model.status import Position, StatusReason, explain_status, with_superseded
from actorgraph.model.timeline import current, superseded
from actorgraph.model.vocabulary import (
    ACCUSATION_PREDICATES,
    RELATION_PREDICATES,
    RESPONSIBILITY_PREDICATES,
    Predicate,
    RelationType,
    Stance,
    is_reporting,
)

#: Pairs of actors bound into one side by an affirmed structural allegation (order-free).
Links = set[frozenset[str]]


class Fields(Protocol):
    """A row read by name: a dict, or a driver record (which is no ``Mapping``)."""

    def __getitem__(self, key: str, /) -> Any: ...

    def get(self, key: str, default: Any = None, /) -> Any: ...


def _native_date(value: Any) -> dt.date | None:
    """A date from the driver's Date (duck-typed: ``to_native``) or a Python date; None otherwise."""
    native = value.to_native() if hasattr(value, "to_native") else value
    return native if isinstance(native, dt.date) else None


@dataclass(frozen=True)
class Account:
    """One statement on one allegation, with what the rules and the reports need to know of both."""

    allegation: str
    predicate: Predicate
    subject: str
    object: str
    object_is_event: bool
    statement: str
    stance: Stance
    stated_on: dt.date | None
    speaker: str
    on_behalf_of: str | None
    #: The source the statement was reported in (reports count distinct sources); None when not read.
    source: str | None = None
    #: The root of its chain of custody (``quoted_from``, else its source, up ``derived_from``); None: unknown.
    origin: str | None = None
    #: True when that chain has a step: the statement repeats its origin rather than being recorded first-hand.
    copied: bool = False
    #: True when the voice is a reporting voice (its kind is in ``REPORTING_KINDS``): it reports, not accuses.
    reporter: bool = False

    @property
    def voice(self) -> str:
        """Whom the statement counts for: the institution spoken for, else the speaker."""
        return self.on_behalf_of or self.speaker

    @classmethod
    def from_mapping(cls, rec: Fields) -> Account:
        """An account from a row with these columns (``store/queries/accounts.cypher`` and its kin).

        ``voice_kind`` is the kind of the voice (the institution spoken for, else the speaker); a row
        without it (an older query, a test) reads as a voice that is no reporter.
        """
        return cls(
            allegation=rec["allegation"],
            predicate=Predicate(rec["predicate"]),
            subject=rec["subject"],
            object=rec["object"],
            object_is_event=bool(rec["object_is_event"]),
            statement=rec["statement"],
            stance=Stance(rec["stance"]),
            stated_on=_native_date(rec["stated_on"]),
            speaker=rec["speaker"],
            on_behalf_of=rec["on_behalf_of"],
            source=rec.get("source"),
            origin=rec.get("origin"),
            copied=bool(rec.get("copied")),
            reporter=is_reporting(rec.get("voice_kind")),
        )


@dataclass
class Relation:
    """A derived relationship being assembled: the statements behind it and their date range."""

    statements: set[str] = field(default_factory=set)
    dates: list[dt.date] = field(default_factory=list)

    def add(self, account: Account) -> None:
        self.statements.add(account.statement)
        if account.stated_on is not None:
            self.dates.append(account.stated_on)

    @property
    def first_stated(self) -> dt.date | None:
        return min(self.dates) if self.dates else None

    @property
    def last_stated(self) -> dt.date | None:
        return max(self.dates) if self.dates else None


#: Derived relationships per type, then per (source, target).
Relations = dict[RelationType, dict[tuple[str, str], Relation]]


def is_own_side(account: Account, links: Links) -> bool:
    """True when the statement comes from the allegation's subject or the subject's own people."""
    return any(
        who == account.subject or frozenset((who, account.subject)) in links for who in {account.voice, account.speaker}
    )


def derive_statuses(accounts: Iterable[Account], links: Links) -> dict[str, str | None]:
    """Status per allegation id, by :func:`derive_status` applied to each allegation's accounts.

    >>> a = Account("al", Predicate.CARRIED_OUT, "legion", "raid", True, "s1", Stance.AFFIRMS, None, "legion", None)
    >>> derive_statuses([a], set())
    {'al': 'SELF_CLAIMED'}
    """
    return {aid: (r.status.value if r.status else None) for aid, r in explain_statuses(accounts, links).items()}


def position(account: Account, links: Links) -> Position:
    """What the status rule reads of one account: voice, stance, own side, origin."""
    return Position(account.voice, account.stance, is_own_side(account, links), account.origin, account.copied)


def explain_statuses(accounts: Iterable[Account], links: Links) -> dict[str, StatusReason]:
    """Status and its reason per allegation id (:func:`~actorgraph.model.status.explain_status`).

    Superseded statements (:mod:`actorgraph.model.timeline`) count for nothing; the reason names them.
    """
    accounts = list(accounts)
    retracted = superseded(accounts)
    by_allegation: dict[str, list[Position]] = defaultdict(list)
    gone: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for acc in accounts:
        if acc.statement in retracted:
            gone[acc.allegation].append((acc.statement, acc.voice, retracted[acc.statement]))
        else:
            by_allegation[acc.allegation].append(position(acc, links))
    return {
        aid: with_superseded(explain_status(by_allegation.get(aid, ())), gone.get(aid, ()))
        for aid in by_allegation.keys() | gone.keys()
    }


def derive_relations(accounts: Sequence[Account], links: Links) -> Relations:
    """The derived relationships implied by the accounts, per type and (source, target).

    - ACCUSES: a voice affirms an accusation (a hostile act) about another actor.
    - REPORTS: the same, said by a reporting voice (``Account.reporter``): provenance, not an accusation.
    - CLAIMS_RESPONSIBILITY: a voice affirms that it (or its own side) carried out / was involved in an event.
    - DENIES_INVOLVEMENT: a voice denies an allegation about itself or its own side; target is the object.
    - CONTRADICTS: a voice denies an allegation that another voice affirms (a reporting voice too: denying is
      taking a position, not relaying one; analytics leave reporting voices out of camps by default).
    - OPPOSES / SUPPORTS / ALLIED_WITH / PART_OF / SPEAKS_FOR / LEADS: subject -> object of affirmed allegations.

    >>> a = Account("al", Predicate.CONTROLLED_BY, "legion", "hur", False, "s1", Stance.AFFIRMS, None, "kremlin", None)
    >>> sorted((t.value, pair) for t, rels in derive_relations([a], set()).items() for pair in rels)
    [('ACCUSES', ('kremlin', 'legion'))]

    The same affirmed by an outlet reports it; an outlet's denial of what another affirms still contradicts:

    >>> wire = Account("al", Predicate.CONTROLLED_BY, "legion", "hur", False, "s2", Stance.AFFIRMS, None, "wire",
    ...                None, reporter=True)
    >>> tass = Account("al", Predicate.CONTROLLED_BY, "legion", "hur", False, "s3", Stance.DENIES, None, "tass",
    ...                None, reporter=True)
    >>> derived = derive_relations([a, wire, tass], set())
    >>> for t, pair in sorted((t.value, p) for t, rels in derived.items() for p in rels):
    ...     print(t, *pair)
    ACCUSES kremlin legion
    CONTRADICTS tass kremlin
    CONTRADICTS tass wire
    REPORTS wire legion
    """
    accounts = current(accounts)  # a retracted statement supports nothing (model/timeline.py)
    out: Relations = defaultdict(lambda: defaultdict(Relation))
    by_allegation: dict[str, list[Account]] = defaultdict(list)
    for acc in accounts:
        by_allegation[acc.allegation].append(acc)
        own = is_own_side(acc, links)
        if acc.stance is Stance.AFFIRMS:
            if acc.predicate in ACCUSATION_PREDICATES and not own:
                kind = RelationType.REPORTS if acc.reporter else RelationType.ACCUSES
                out[kind][(acc.voice, acc.subject)].add(acc)
            if acc.predicate in RESPONSIBILITY_PREDICATES and own and acc.object_is_event:
                out[RelationType.CLAIMS_RESPONSIBILITY][(acc.voice, acc.object)].add(acc)
            if acc.predicate in RELATION_PREDICATES and not acc.object_is_event:
                out[RelationType(acc.predicate.value)][(acc.subject, acc.object)].add(acc)
        elif own:
            out[RelationType.DENIES_INVOLVEMENT][(acc.voice, acc.object)].add(acc)
    for group in by_allegation.values():
        affirming = [a for a in group if a.stance is Stance.AFFIRMS]
        for denial in (a for a in group if a.stance is Stance.DENIES):
            for affirmation in affirming:
                if affirmation.voice != denial.voice:
                    rel = out[RelationType.CONTRADICTS][(denial.voice, affirmation.voice)]
                    rel.add(denial)
                    rel.add(affirmation)
    return out


__all__ = [
    "Account",
    "Links",
    "Relation",
    "Relations",
    "derive_relations",
    "derive_statuses",
    "explain_statuses",
    "is_own_side",
    "position",
]
