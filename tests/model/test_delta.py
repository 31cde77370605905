"""The incremental rules against the full ones: random accounts, random edits, same relationships."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from actorgraph.model.delta import apply_changes, relation_changes, structural_pairs
from actorgraph.model.derivation import Account, Links, derive_relations, derive_statuses
from actorgraph.model.vocabulary import Predicate, Stance

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
