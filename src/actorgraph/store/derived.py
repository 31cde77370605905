"""Derived data, kept in step with every write: allegation ``status`` and the derived relationships.

The rules are pure and live in :mod:`actorgraph.model.derivation`. This module reads the accounts a
change can affect, applies the rules and writes the results back in the caller's transaction, so a
load or a mutation is all-or-nothing including its derived data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from actorgraph.model.derivation import Account, Links, derive_relations, derive_statuses
from actorgraph.model.vocabulary import STRUCTURAL_PREDICATES, RelationType
from actorgraph.store.core import Tx

#: The derived relationship types as query parameters (``$types``).
RELATION_TYPES: list[str] = [t.value for t in RelationType]


def structural_links(tx: Tx, actors: Iterable[str]) -> Links:
    """Pairs bound into one side by an affirmed PART_OF / SPEAKS_FOR / LEADS touching ``actors``."""
    predicates = sorted(p.value for p in STRUCTURAL_PREDICATES)
    return {
        frozenset((rec["a"], rec["b"]))
        for rec in tx.run("structural_links", actors=sorted(set(actors)), predicates=predicates)
    }


def _read_accounts(tx: Tx, actors: list[str]) -> tuple[list[Account], set[str]]:
    """The accounts touching ``actors``, and the ids of every allegation seen (with or without accounts)."""
    accounts: list[Account] = []
    seen: set[str] = set()
    for rec in tx.run("accounts", actors=actors):
        seen.add(rec["allegation"])
        if rec["statement"] is None:
            continue
        accounts.append(Account.from_mapping(rec))
    return accounts, seen


def refresh(
    tx: Tx,
    allegation_ids: list[str],
    extra_actors: Iterable[str] = (),
    *,
    check_removed: bool = True,
) -> None:
    """Recompute status and derived relationships affected by changes to these allegations (and actors).

    Call inside the transaction that made the change, after statements were added, moved to
    another actor or deleted. ``extra_actors`` names actors whose relationships must be rebuilt
    even if nothing else points at them (e.g. the survivor of an actor merge). ``check_removed``
    also rebuilds every relationship citing a statement that no longer exists; the loader, which
    never deletes statements, turns that scan off.
    """
    record = tx.single("scope_actors", ids=list(allegation_ids))
    actors_set = set(record["actors"] if record else []) | set(extra_actors)
    if check_removed:
        stale = tx.single("stale_relation_actors", types=RELATION_TYPES)
        actors_set |= set(stale["actors"] if stale else [])
    actors = sorted(actors_set)
    if not actors:
        return
    accounts, seen = _read_accounts(tx, actors)
    involved = {a.voice for a in accounts} | {a.speaker for a in accounts} | {a.subject for a in accounts}
    links = structural_links(tx, involved | actors_set)
    statuses = derive_statuses(accounts, links)
    for aid in seen | set(allegation_ids):
        statuses.setdefault(aid, None)
    tx.execute("set_status", rows=[{"id": k, "status": v} for k, v in statuses.items()])
    tx.execute("delete_relations", actors=actors, types=RELATION_TYPES)
    rows: list[dict[str, Any]] = []
    for rel_type, relations in derive_relations(accounts, links).items():
        for (source, target), rel in relations.items():
            if source in actors_set or target in actors_set:
                rows.append(
                    {"type": RelationType(rel_type).value, "source": source, "target": target,
                     "statements": sorted(rel.statements), "count": len(rel.statements),
                     "first_stated": rel.first_stated, "last_stated": rel.last_stated}
                )  # fmt: skip
    if rows:
        tx.execute("create_relations", rows=rows)


def refresh_all(tx: Tx) -> None:
    """Rebuild every status and derived relationship from scratch (after bulk changes or for repair)."""
    ids = [rec["id"] for rec in tx.run("all_allegation_ids")]
    actors = [rec["id"] for rec in tx.run("all_actor_ids")]
    refresh(tx, ids, extra_actors=actors, check_removed=False)


__all__ = ["RELATION_TYPES", "refresh", "refresh_all", "structural_links"]
