"""Derived data, rebuilt after every write: allegation ``status`` and the actor network.

The rules live in Python, once: :func:`actorgraph.model.derive_status` for status and
:func:`derive_relations` for the projection relationships (DESIGN.md section 2). The store reads the
accounts that a change can affect, applies the rules and writes the results back in the caller's
transaction, so a load or a mutation is all-or-nothing including its derived data.

"Voice": a statement counts for the institution it was made on behalf of (a spokesman's words are
his agency's position), else for its speaker.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, LiteralString

from neo4j import ManagedTransaction

from actorgraph.model.status import Account, derive_status
from actorgraph.model.vocabulary import (
    ACCUSATION_PREDICATES,
    PROJECTED_PREDICATES,
    RESPONSIBILITY_PREDICATES,
    Predicate,
    Stance,
)
from actorgraph.store.cypher import query

#: Every derived relationship type; the allow-list for the type placed into create_projection.cypher.
PROJECTION_TYPES: tuple[LiteralString, ...] = (
    "ACCUSES",
    "DENIES_INVOLVEMENT",
    "CLAIMS_RESPONSIBILITY",
    "CONTRADICTS",
    "OPPOSES",
    "SUPPORTS",
    "ALLIED_WITH",
    "PART_OF",
    "SPEAKS_FOR",
    "LEADS",
)


@dataclass(frozen=True)
class AccountRow:
    """One statement on one allegation, as read by ``accounts.cypher``."""

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

    @property
    def voice(self) -> str:
        return self.on_behalf_of or self.speaker

    @classmethod
    def from_record(cls, rec: Any) -> AccountRow:
        """One row of ``accounts.cypher`` (or a query returning the same columns)."""
        stated = rec["stated_on"]
        return cls(
            allegation=rec["allegation"],
            predicate=Predicate(rec["predicate"]),
            subject=rec["subject"],
            object=rec["object"],
            object_is_event=bool(rec["object_is_event"]),
            statement=rec["statement"],
            stance=Stance(rec["stance"]),
            stated_on=stated.to_native() if hasattr(stated, "to_native") else stated,
            speaker=rec["speaker"],
            on_behalf_of=rec["on_behalf_of"],
        )


@dataclass
class Relation:
    """A derived relationship being assembled: its statements and their date range."""

    statements: set[str] = field(default_factory=set)
    dates: list[dt.date] = field(default_factory=list)

    def add(self, row: AccountRow) -> None:
        self.statements.add(row.statement)
        if row.stated_on is not None:
            self.dates.append(row.stated_on)

    def as_row(self, source: str, target: str) -> dict[str, Any]:
        return {
            "source": source,
            "target": target,
            "statements": sorted(self.statements),
            "count": len(self.statements),
            "first_stated": min(self.dates) if self.dates else None,
            "last_stated": max(self.dates) if self.dates else None,
        }


def is_own_side(row: AccountRow, links: set[frozenset[str]]) -> bool:
    """True when the statement comes from the allegation's subject or the subject's own people."""
    return any(who == row.subject or frozenset((who, row.subject)) in links for who in {row.voice, row.speaker})


def derive_statuses(rows: Iterable[AccountRow], links: set[frozenset[str]]) -> dict[str, str | None]:
    """Status per allegation id, by :func:`derive_status` applied to each allegation's accounts."""
    by_allegation: dict[str, list[Account]] = defaultdict(list)
    for row in rows:
        by_allegation[row.allegation].append(Account(row.voice, row.stance, is_own_side(row, links)))
    return {aid: (s.value if (s := derive_status(accs)) else None) for aid, accs in by_allegation.items()}


def derive_relations(
    rows: Sequence[AccountRow], links: set[frozenset[str]]
) -> dict[str, dict[tuple[str, str], Relation]]:
    """The projection relationships implied by the accounts, per type and (source, target).

    - ACCUSES: a voice affirms an accusation (a hostile act) about another actor.
    - CLAIMS_RESPONSIBILITY: a voice affirms that it (or its own side) carried out / was involved in an event.
    - DENIES_INVOLVEMENT: a voice denies an allegation about itself or its own side; target is the object.
    - CONTRADICTS: a voice denies an allegation that another voice affirms.
    - OPPOSES / SUPPORTS / ALLIED_WITH / PART_OF / SPEAKS_FOR / LEADS: subject -> object of affirmed allegations.
    """
    out: dict[str, dict[tuple[str, str], Relation]] = defaultdict(lambda: defaultdict(Relation))
    by_allegation: dict[str, list[AccountRow]] = defaultdict(list)
    for row in rows:
        by_allegation[row.allegation].append(row)
        own = is_own_side(row, links)
        if row.stance is Stance.AFFIRMS:
            if row.predicate in ACCUSATION_PREDICATES and not own:
                out["ACCUSES"][(row.voice, row.subject)].add(row)
            if row.predicate in RESPONSIBILITY_PREDICATES and own and row.object_is_event:
                out["CLAIMS_RESPONSIBILITY"][(row.voice, row.object)].add(row)
            if row.predicate in PROJECTED_PREDICATES and not row.object_is_event:
                out[row.predicate.value][(row.subject, row.object)].add(row)
        elif own:
            out["DENIES_INVOLVEMENT"][(row.voice, row.object)].add(row)
    for accounts in by_allegation.values():
        affirming = [r for r in accounts if r.stance is Stance.AFFIRMS]
        for denial in (r for r in accounts if r.stance is Stance.DENIES):
            for affirmation in affirming:
                if affirmation.voice != denial.voice:
                    rel = out["CONTRADICTS"][(denial.voice, affirmation.voice)]
                    rel.add(denial)
                    rel.add(affirmation)
    return out


def _read_rows(tx: ManagedTransaction, actors: list[str]) -> tuple[list[AccountRow], set[str]]:
    """The accounts touching ``actors``, and the ids of every allegation seen (with or without accounts)."""
    rows: list[AccountRow] = []
    seen: set[str] = set()
    for rec in tx.run(query("accounts"), actors=actors):
        seen.add(rec["allegation"])
        if rec["statement"] is None:
            continue
        rows.append(AccountRow.from_record(rec))
    return rows, seen


def refresh(
    tx: ManagedTransaction,
    allegation_ids: list[str],
    extra_actors: Iterable[str] = (),
    *,
    check_removed: bool = True,
) -> None:
    """Recompute status and projections affected by changes to these allegations (and actors).

    Call inside the transaction that made the change, after statements were added, moved to
    another actor or deleted. ``extra_actors`` names actors whose relationships must be rebuilt
    even if nothing else points at them (e.g. the survivor of an actor merge). ``check_removed``
    also rebuilds every relationship citing a statement that no longer exists; the loader, which
    never deletes statements, turns that scan off.
    """
    record = tx.run(query("scope_actors"), ids=list(allegation_ids)).single()
    actors_set = set(record["actors"] if record else []) | set(extra_actors)
    if check_removed:
        stale = tx.run(query("stale_projection_actors")).single()
        actors_set |= set(stale["actors"] if stale else [])
    actors = sorted(actors_set)
    if not actors:
        return
    rows, seen = _read_rows(tx, actors)
    involved = sorted({r.voice for r in rows} | {r.speaker for r in rows} | {r.subject for r in rows} | set(actors))
    links = {frozenset((rec["a"], rec["b"])) for rec in tx.run(query("structural_links"), actors=involved)}
    statuses = derive_statuses(rows, links)
    for aid in seen | set(allegation_ids):
        statuses.setdefault(aid, None)
    tx.run(query("set_status"), rows=[{"id": k, "status": v} for k, v in statuses.items()]).consume()
    scope = set(actors)
    tx.run(query("delete_projections"), actors=actors).consume()
    for rel_type, relations in derive_relations(rows, links).items():
        if rel_type not in PROJECTION_TYPES:  # pragma: no cover - guarded by the enum
            raise ValueError(f"not a projection type: {rel_type}")
        batch = [rel.as_row(s, t) for (s, t), rel in relations.items() if s in scope or t in scope]
        if batch:
            text = query("create_projection").replace("REL_TYPE", _allowed(rel_type))
            tx.run(text, rows=batch).consume()


def _allowed(rel_type: str) -> LiteralString:
    for allowed in PROJECTION_TYPES:
        if allowed == rel_type:
            return allowed
    raise ValueError(f"not a projection type: {rel_type}")


def refresh_all(tx: ManagedTransaction) -> None:
    """Rebuild every status and projection from scratch (after bulk changes or for repair)."""
    ids = [rec["id"] for rec in tx.run("MATCH (a:Allegation) RETURN a.id AS id")]
    actors = [rec["id"] for rec in tx.run("MATCH (x:Actor) RETURN x.id AS id")]
    refresh(tx, ids, extra_actors=actors, check_removed=False)


__all__ = ["PROJECTION_TYPES", "derive_relations", "derive_statuses", "refresh", "refresh_all"]
