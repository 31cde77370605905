"""The incremental rules against the full ones: random accounts, random edits, same relationships."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from actorgraph.model.delta import apply_changes, relation_changes, structural_pairs
from actorgraph.model.derivation import Account, Links, derive_relations, derive_statuses
from actorgraph.model.vocabulary import Predicate, RelationType, Stance

# Few actors and predicates, many accounts: voice pairs recur across allegations, links come and go.
ACTORS = ["a", "b", "c", "d"]
EVENTS = ["x", "y"]
PREDICATES = [Predicate.CONTROLLED_BY, Predicate.CARRIED_OUT, Predicate.PART_OF, Predicate.SPEAKS_FOR,
              Predicate.SUPPORTS]  # fmt: skip


def _account(rng: random.Random, n: int) -> Account:
    pred = rng.choice(PREDICATES)
    subject = rng.choice(ACTORS)
    is_event = pred is Predicate.CARRIED_OUT
    obj = rng.choice(EVENTS) if is_event else rng.choice([a for a in ACTORS if a != subject])
    speaker = rng.choice(ACTORS)
    return Account(
        allegation=f"{subject}-{pred.value}-{obj}", predicate=pred, subject=subject, object=obj,
        object_is_event=is_event, statement=f"s{n}", stance=rng.choice(list(Stance)),
        stated_on=rng.choice([None, dt.date(2030, 1, rng.randint(1, 9))]), speaker=speaker,
        on_behalf_of=rng.choice([None, None, rng.choice(ACTORS)]),
    )  # fmt: skip


def _evidence(accounts: list[Account], links: Links) -> dict[tuple[object, str, str], set[str]]:
    return {
        (t, s, o): set(rel.statements)
        for t, pairs in derive_relations(accounts, links).items()
        for (s, o), rel in pairs.items()
    }


@pytest.mark.parametrize("seed", range(300))
def test_changes_applied_to_the_old_relationships_give_the_new(seed: int) -> None:
    rng = random.Random(seed)
    old = [_account(rng, i) for i in range(rng.randint(0, 40))]
    new = [a for a in old if rng.random() > 0.3] + [_account(rng, 100 + i) for i in range(rng.randint(0, 15))]
    # the links are those the accounts themselves give (as in the graph), plus a fixed outside one
    outside = {frozenset(("c", "d"))} if seed % 2 else set()
    links_old, links_new = structural_pairs(old) | outside, structural_pairs(new) | outside
    changes = relation_changes(old, new, links_old, links_new)
    applied = apply_changes(derive_relations(old, links_old), changes)
    assert {k: set(v) for k, v in applied.items()} == _evidence(new, links_new)
    for key, change in changes.items():
        assert not set(change.removed) & set(change.added), key


def test_a_changed_date_is_taken_away_and_added_again() -> None:
    rng = random.Random(1)
    acc = _account(rng, 0)
    acc = Account(**{**acc.__dict__, "stance": Stance.AFFIRMS, "predicate": Predicate.SUPPORTS,
                     "object_is_event": False, "object": "z"})  # fmt: skip
    later = Account(**{**acc.__dict__, "stated_on": dt.date(2031, 1, 1)})
    changes = relation_changes([acc], [later], set(), set())
    (change,) = changes.values()
    assert change.removed == {"s0": acc.stated_on} and change.added == {"s0": dt.date(2031, 1, 1)}


def test_nothing_changes_when_nothing_changed() -> None:
    rng = random.Random(7)
    accounts = [_account(rng, i) for i in range(30)]
    links = structural_pairs(accounts)
    assert relation_changes(accounts, list(reversed(accounts)), links, links) == {}
    assert derive_statuses(accounts, links) == derive_statuses(list(reversed(accounts)), links)


def _voiced_by(accounts: list[Account], reporters: set[str]) -> list[Account]:
    """The accounts with ``reporter`` set for the voices that are reporting voices (kind MEDIA)."""
    return [replace(a, reporter=a.voice in reporters) for a in accounts]


@pytest.mark.parametrize("seed", range(100))
def test_a_voice_changing_kind_changes_exactly_what_it_said(seed: int) -> None:
    # Some voices become or stop being reporting voices while accounts come and go: the changes still
    # bring the old relationships to the new ones (what store/derived.py relies on for updateActor).
    rng = random.Random(1000 + seed)
    accounts = [_account(rng, i) for i in range(rng.randint(0, 40))]
    was, now = set(rng.sample(ACTORS, rng.randint(0, 2))), set(rng.sample(ACTORS, rng.randint(0, 2)))
    old = _voiced_by(accounts, was)
    kept = [a for a in accounts if rng.random() > 0.2] + [_account(rng, 100 + i) for i in range(rng.randint(0, 5))]
    new = _voiced_by(kept, now)
    links_old, links_new = structural_pairs(old), structural_pairs(new)
    changes = relation_changes(old, new, links_old, links_new)
    applied = apply_changes(derive_relations(old, links_old), changes)
    assert {k: set(v) for k, v in applied.items()} == _evidence(new, links_new)


@pytest.mark.parametrize("seed", range(50))
def test_a_reporting_voice_reports_what_it_would_otherwise_accuse(seed: int) -> None:
    # REPORTS takes exactly the reporting voices' share of ACCUSES; nothing else moves (CONTRADICTS included).
    rng = random.Random(2000 + seed)
    accounts = [_account(rng, i) for i in range(rng.randint(1, 40))]
    reporters = set(rng.sample(ACTORS, rng.randint(1, 2)))
    links = structural_pairs(accounts)
    plain = _evidence(accounts, links)
    flagged = _evidence(_voiced_by(accounts, reporters), links)
    accuses = {k for k in plain if k[0] is RelationType.ACCUSES}
    moved = {k for k in accuses if k[1] in reporters}
    assert {(RelationType.REPORTS, s, o) for _, s, o in moved} == {k for k in flagged if k[0] is RelationType.REPORTS}
    assert {k: v for k, v in flagged.items() if k[0] is not RelationType.REPORTS} == {
        k: v for k, v in plain.items() if k not in moved
    }
    assert all(flagged[(RelationType.REPORTS, s, o)] == plain[(t, s, o)] for t, s, o in moved)
