"""Derived data, kept in step with every write: allegation ``status`` and the derived relationships.

The rules are pure (:mod:`actorgraph.model.derivation`) and so is their incremental form
(:mod:`actorgraph.model.delta`). A write brackets its change with :func:`begin` and :func:`finish`
in its own transaction: ``begin`` locks the allegations it will change and reads their accounts,
``finish`` takes their accounts after the change and updates in place exactly the statuses and the
(type, source, target) relationships whose evidence changed. Nothing else is read: the cost follows
the allegations changed, never the degree of the actors involved or the size of the graph.

Own side is decided by structural links, which are themselves derived (an affirmed PART_OF,
SPEAKS_FOR or LEADS allegation gives the relationship of that name). When a write makes a link
appear or disappear, the accounts on other allegations whose own side it flips (allegations about
one end with a statement by the other) are brought into the same update, with the links before and
after. :func:`refresh_all` rebuilds everything from scratch and :func:`check` compares the stored
derived data with such a rebuild without writing (the proof that incremental equals full).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from actorgraph.model.delta import Changes, RelationKey, relation_changes, side_pairs, structural_pairs
from actorgraph.model.derivation import Account, Links, derive_relations, derive_statuses, explain_statuses
from actorgraph.model.status import StatusReason
from actorgraph.model.timeline import Entry, current, timeline
from actorgraph.model.vocabulary import STRUCTURAL_PREDICATES, RelationType, Stance, is_reporting
from actorgraph.store.core import Store, Tx

#: The derived relationship types as query parameters (``$types``).
RELATION_TYPES: list[str] = [t.value for t in RelationType]
#: The derived types that bind actors into one side.
STRUCTURAL_TYPES: frozenset[RelationType] = frozenset(RelationType(p.value) for p in STRUCTURAL_PREDICATES)
#: Rows per ``update_relations`` call (a write of a big corpus changes hundreds of thousands).
UPDATE_BATCH = 5000


@dataclass
class Before:
    """The allegations a write is about to change and their accounts, read under their locks."""

    allegations: set[str]
    accounts: list[Account]


@dataclass
class Outcome:
    """What one update changed in the derived data (for reports and benchmarks)."""

    statuses: int = 0
    relations: int = 0
    flipped_links: int = 0
    extra_allegations: int = 0
    keys: list[RelationKey] = field(default_factory=list)


def read_accounts(tx: Tx, allegation_ids: Collection[str], as_of: dt.date | None = None) -> list[Account]:
    """Every account of the given allegations (none for an allegation without statements); with ``as_of``,
    only those stated on or before that day (undated ones left out: ``model/timeline.py``)."""
    if not allegation_ids:
        return []
    return [Account.from_mapping(rec) for rec in tx.run("accounts_of", ids=sorted(allegation_ids), as_of=as_of)]


def begin(tx: Tx, allegation_ids: Iterable[str]) -> Before:
    """Lock the allegations a write will change and read their accounts: call before the change."""
    ids = set(allegation_ids)
    if ids:
        tx.execute("lock_allegations", ids=sorted(ids))
    return Before(ids, read_accounts(tx, ids))


def finish(tx: Tx, before: Before, allegation_ids: Iterable[str] = ()) -> Outcome:
    """After the change: read the accounts again (``allegation_ids`` adds allegations new ids) and update."""
    ids = before.allegations | set(allegation_ids)
    return update(tx, before.accounts, read_accounts(tx, ids), ids)


def reporting_changes(tx: Tx, kinds: Mapping[str, str]) -> dict[str, bool]:
    """The stored actors of ``kinds`` (id -> the kind about to be written) that become or stop being reporting
    voices, each with whether it was one: read before the write, so a write can bring the allegations they are a
    voice on (:func:`voiced_allegations`) into its update, with the accounts as they were.
    """
    if not kinds:
        return {}
    stored = {rec["id"]: rec["kind"] for rec in tx.run("actors_by_id", ids=sorted(kinds))}
    return {aid: is_reporting(kind) for aid, kind in stored.items() if is_reporting(kind) != is_reporting(kinds[aid])}


def voiced_allegations(tx: Tx, actor_ids: Collection[str]) -> set[str]:
    """The allegations these actors are a voice on (for themselves, or spoken for): REPORTS or ACCUSES follow
    their kind."""
    if not actor_ids:
        return set()
    return {rec["id"] for rec in tx.run("voiced_allegations", ids=sorted(actor_ids))}


def as_before(accounts: Sequence[Account], was_reporter: Mapping[str, bool]) -> list[Account]:
    """Accounts read after a write changed some voices' kinds, as they were before it (``reporter`` then)."""
    if not was_reporter:
        return list(accounts)
    return [replace(a, reporter=was_reporter[a.voice]) if a.voice in was_reporter else a for a in accounts]


def linked(tx: Tx, pairs: Iterable[frozenset[str]]) -> Links:
    """Which of these actor pairs the graph binds into one side (by a derived structural relationship)."""
    wanted = sorted(sorted(p) for p in pairs if len(p) == 2)
    if not wanted:
        return set()
    return {frozenset((r["a"], r["b"])) for r in tx.run("linked_pairs", pairs=wanted)}


def _toggled(links: Links, flipped: set[frozenset[str]]) -> Links:
    return links ^ flipped


def update(
    tx: Tx,
    old: Sequence[Account],
    new: Sequence[Account],
    allegation_ids: Iterable[str],
    *,
    fresh: Collection[str] = (),
) -> Outcome:
    """Bring statuses and derived relationships from what ``old`` accounts gave to what ``new`` give.

    ``old`` and ``new`` are every account of ``allegation_ids`` before and after the write (``old``
    read under the allegations' locks, by :func:`begin`). Structural relationships are updated first,
    so the links after the write can be read back; accounts elsewhere whose own side a changed link
    flips are added to the update. ``fresh`` names actors this transaction created: a relationship
    touching one cannot exist yet, so it is created without looking for it (looking means scanning
    the actor's relationships written in this transaction, which is slow for a new hub).
    """
    outcome = Outcome()
    ids = set(allegation_ids) | {a.allegation for a in old} | {a.allegation for a in new}
    known = side_pairs([*old, *new]) | structural_pairs([*old, *new])
    # An actor created by this transaction had no link before it.
    links_old = linked(tx, {p for p in known if not p & set(fresh)})
    structural = [a for a in (*old, *new) if a.predicate in STRUCTURAL_PREDICATES]
    flipped: set[frozenset[str]] = set()
    if structural:
        touched = structural_pairs(structural)
        first = {
            k: c
            for k, c in relation_changes(
                [a for a in old if a.predicate in STRUCTURAL_PREDICATES],
                [a for a in new if a.predicate in STRUCTURAL_PREDICATES],
                set(),
                set(),
            ).items()
            if k[0] in STRUCTURAL_TYPES
        }
        if first:
            _write_changes(tx, first, fresh)
            outcome.relations += len(first)
            outcome.keys += list(first)
            links_after = linked(tx, touched)
            flipped = {p for p in touched if (p in links_old) != (p in links_after)}
    links_new = _toggled(links_old, flipped)
    old_all, new_all = list(old), list(new)
    if flipped:
        extra = _flipped_allegations(tx, flipped, fresh) - ids
        outcome.flipped_links, outcome.extra_allegations = len(flipped), len(extra)
        if extra:
            accounts = read_accounts(tx, extra)
            more = side_pairs(accounts) - known
            now = linked(tx, more)  # pairs outside `flipped` did not change
            links_old |= now
            links_new |= now
            old_all += accounts
            new_all += accounts
            ids |= extra
    every = relation_changes(old_all, new_all, links_old, links_new)
    changes = {k: c for k, c in every.items() if k[0] not in STRUCTURAL_TYPES}
    _write_changes(tx, changes, fresh)
    outcome.relations += len(changes)
    outcome.keys += list(changes)
    before = derive_statuses(old_all, links_old)
    after = derive_statuses(new_all, links_new)
    rows = [{"id": aid, "status": after.get(aid)} for aid in sorted(ids) if before.get(aid) != after.get(aid)]
    if rows:
        tx.execute("set_status", rows=rows)
    outcome.statuses = len(rows)
    return outcome


def _flipped_allegations(tx: Tx, flipped: set[frozenset[str]], fresh: Collection[str]) -> set[str]:
    """Allegations about one end of a flipped link with a statement by (or for) the other end.

    A speaker created by this transaction has made no statement outside it, and every allegation
    this transaction wrote statements on is in the update already: those pairs need no look.
    """
    ordered = [(x, y) for p in flipped for x, y in (tuple(sorted(p)), tuple(sorted(p, reverse=True)))]
    pairs = sorted([x, y] for x, y in ordered if y not in fresh)
    if not pairs:
        return set()
    return {rec["id"] for rec in tx.run("allegations_of_side", pairs=pairs)}


def _dates(values: Iterable[dt.date | None]) -> list[dt.date]:
    return [d for d in values if d is not None]


def change_rows(changes: Changes) -> list[dict[str, Any]]:
    """The rows of ``update_relations.cypher``, sorted by key (concurrent writers lock in one order)."""
    rows = []
    for (rel_type, source, target), change in sorted(changes.items()):
        added = _dates(change.added.values())
        rows.append(
            {"type": rel_type.value, "source": source, "target": target, "removed": sorted(change.removed),
             "removed_dates": _dates(change.removed.values()), "added": sorted(change.added),
             "added_first": min(added) if added else None, "added_last": max(added) if added else None}
        )  # fmt: skip
    return rows


def _write_changes(tx: Tx, changes: Changes, fresh: Collection[str] = ()) -> None:
    """Create the relationships of new actors outright; update the others in place."""
    new = {k: c for k, c in changes.items() if k[1] in fresh or k[2] in fresh}
    rows = change_rows({k: c for k, c in changes.items() if k not in new})
    for start in range(0, len(rows), UPDATE_BATCH):
        tx.execute("update_relations", rows=rows[start : start + UPDATE_BATCH])
    created = [
        {"type": rel_type.value, "source": source, "target": target, "statements": sorted(c.added),
         "count": len(c.added), "first_stated": min(dates, default=None), "last_stated": max(dates, default=None)}
        for (rel_type, source, target), c in sorted(new.items())
        if c.added
        for dates in [_dates(c.added.values())]
    ]  # fmt: skip
    for start in range(0, len(created), UPDATE_BATCH):
        tx.execute("create_relations", rows=created[start : start + UPDATE_BATCH])


# --- full rebuild and check --------------------------------------------------------------------------


def _all_accounts(tx: Tx) -> list[Account]:
    return [Account.from_mapping(rec) for rec in tx.run("all_accounts")]


def expected(accounts: Sequence[Account]) -> tuple[dict[str, str | None], list[dict[str, Any]]]:
    """Statuses and relationship rows a rebuild gives from these accounts (links from the accounts not retracted)."""
    links = structural_pairs(current(accounts))
    statuses = derive_statuses(accounts, links)
    rows = [
        {"type": rel_type.value, "source": source, "target": target, "statements": sorted(rel.statements),
         "count": len(rel.statements), "first_stated": rel.first_stated, "last_stated": rel.last_stated}
        for rel_type, pairs in derive_relations(accounts, links).items()
        for (source, target), rel in pairs.items()
    ]  # fmt: skip
    return statuses, rows


def refresh_all(tx: Tx) -> None:
    """Rebuild every status and derived relationship from scratch (tests, repair, small graphs).

    One transaction: the whole graph's accounts and derived data pass through memory.
    """
    statuses, rows = expected(_all_accounts(tx))
    tx.execute("delete_all_relations", types=RELATION_TYPES)
    ids = [rec["id"] for rec in tx.run("all_allegation_ids")]
    tx.execute("set_status", rows=[{"id": aid, "status": statuses.get(aid)} for aid in ids])
    for start in range(0, len(rows), UPDATE_BATCH):
        tx.execute("create_relations", rows=rows[start : start + UPDATE_BATCH])


def _stored(tx: Tx) -> tuple[dict[str, str | None], Iterator[dict[str, Any]]]:
    statuses = {rec["id"]: rec["status"] for rec in tx.run("all_statuses")}
    return statuses, (dict(rec) for rec in tx.run("all_relations", types=RELATION_TYPES))


def _key(row: dict[str, Any]) -> tuple[str, str, str]:
    return (row["type"], row["source"], row["target"])


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


def _check(tx: Tx, limit: int) -> list[str]:
    statuses, rows = expected(_all_accounts(tx))
    stored_statuses, stored_rows = _stored(tx)
    problems = [
        f"allegation {aid}: status {stored_statuses.get(aid)} stored, {statuses.get(aid)} derived"
        for aid in sorted(stored_statuses)
        if stored_statuses.get(aid) != statuses.get(aid)
    ]
    wanted = {_key(r): r for r in rows}
    for row in stored_rows:
        want = wanted.pop(_key(row), None)
        got = {k: _native(v) for k, v in row.items()}
        if want is None:
            problems.append(f"{' '.join(_key(row))}: stored, but a rebuild derives no such relationship")
        elif got != want:
            fields = sorted(k for k in want if got.get(k) != want[k])
            problems.append(f"{' '.join(_key(row))}: {', '.join(fields)} differ from a rebuild")
        if len(problems) >= limit:
            return problems
    problems += [f"{' '.join(k)}: a rebuild derives it, the graph lacks it" for k in sorted(wanted)]
    return problems[:limit]


def check(store: Store, *, limit: int = 20) -> list[str]:
    """Differences between the stored derived data and a full rebuild (empty: they are equal).

    Reads the whole graph in one read transaction and writes nothing: the proof, on any graph, that
    the incremental derivation left exactly what a rebuild from scratch gives.
    """
    return store.read(_check, limit)


def _reasons(tx: Tx, ids: list[str], as_of: dt.date | None) -> dict[str, StatusReason]:
    accounts = read_accounts(tx, ids, as_of)
    if as_of is not None:
        actors = {who for pair in side_pairs(accounts) for who in pair}
        return explain_statuses(accounts, links_as_of(tx, actors, as_of))
    return explain_statuses(accounts, linked(tx, side_pairs(accounts)))


def status_reasons(
    store: Store, allegation_ids: Collection[str], as_of: dt.date | None = None
) -> dict[str, StatusReason]:
    """Why each allegation has its status: the status rule run again on its accounts, with its reason.

    Not stored: a reason names voices and origins that any later statement may change, and it is cheap to
    derive for the few allegations a reader looks at (one read: their accounts and own-side links).
    ``as_of``: the status as of the end of that day, from the statements stated by then (an allegation
    nobody had spoken of yet has no reason), own side by the structural links of that day too.
    """
    ids = sorted(set(allegation_ids))
    return store.read(_reasons, ids, as_of) if ids else {}


def _timelines(tx: Tx, ids: list[str], as_of: dt.date | None) -> dict[str, list[Entry]]:
    out: dict[str, list[Entry]] = {aid: [] for aid in ids}
    for rec in tx.run("timeline_of", ids=ids, as_of=as_of):
        stated, recorded = _native(rec["stated_on"]), _native(rec["recorded_at"])
        entry = Entry(rec["statement"], rec["allegation"], Stance(rec["stance"]), rec["voice"], rec["speaker"],
                      stated, recorded)  # fmt: skip
        out[rec["allegation"]].append(entry)
    return {aid: timeline(entries) for aid, entries in out.items()}


def timelines(store: Store, allegation_ids: Collection[str], as_of: dt.date | None = None) -> dict[str, list[Entry]]:
    """Each allegation's statements in the order said, marked where a later statement of the same voice
    retracted them (``model.timeline.timeline``); ``as_of``: only those stated by that day. One read."""
    ids = sorted(set(allegation_ids))
    return store.read(_timelines, ids, as_of) if ids else {}


def links_as_of(tx: Tx, actors: Iterable[str], day: dt.date) -> Links:
    """Pairs bound into one side touching ``actors`` as of the end of ``day``: by a structural allegation
    affirmed by then and not retracted by then (the rules applied to the statements stated by then)."""
    predicates = sorted(p.value for p in STRUCTURAL_PREDICATES)
    records = tx.run("structural_accounts", actors=sorted(set(actors)), predicates=predicates, as_of=day)
    return structural_pairs(current([Account.from_mapping(rec) for rec in records]))


def structural_links(tx: Tx, actors: Iterable[str]) -> Links:
    """Pairs bound into one side touching ``actors``: by a derived PART_OF / SPEAKS_FOR / LEADS, which exists
    exactly when an affirmed structural allegation, not retracted, links them."""
    return {frozenset((rec["a"], rec["b"])) for rec in tx.run("structural_links", actors=sorted(set(actors)))}


__all__ = [
    "RELATION_TYPES",
    "Before",
    "Outcome",
    "as_before",
    "begin",
    "change_rows",
    "check",
    "expected",
    "finish",
    "linked",
    "links_as_of",
    "read_accounts",
    "refresh_all",
    "reporting_changes",
    "status_reasons",
    "structural_links",
    "timelines",
    "update",
    "voiced_allegations",
]
