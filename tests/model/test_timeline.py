"""The retraction rule and as-of, pure: which statements a voice's later stance supersedes."""

from __future__ import annotations

import datetime as dt

from actorgraph.model.derivation import Account, derive_relations, derive_statuses, explain_statuses
from actorgraph.model.timeline import as_of, current, superseded
from actorgraph.model.vocabulary import Predicate, RelationType, Stance

D = dt.date(2032, 3, 1)
A, N = Stance.AFFIRMS, Stance.DENIES


def said(sid: str, voice: str, stance: Stance, day: int | None, subject: str = "kesh") -> Account:
    when = D + dt.timedelta(days=day) if day is not None else None
    return Account("al", Predicate.CARRIED_OUT, subject, "strike", True, sid, stance, when, voice, None)


def test_the_latest_stance_supersedes_earlier_opposite_statements_of_that_voice_only() -> None:
    accounts = [said("claim", "kesh", A, 1), said("varn", "varn", A, 2), said("denial", "kesh", N, 9)]
    assert superseded(accounts) == {"claim": "denial"}
    assert [a.statement for a in current(accounts)] == ["varn", "denial"]


def test_a_stance_taken_again_keeps_its_first_statement_and_retracts_the_one_between() -> None:
    accounts = [said("s1", "kesh", A, 1), said("s2", "kesh", N, 2), said("s3", "kesh", A, 3)]
    assert superseded(accounts) == {"s2": "s3"}


def test_undated_statements_and_same_day_reversals_supersede_nothing() -> None:
    assert superseded([said("s1", "kesh", A, 1), said("s2", "kesh", N, None)]) == {}
    assert superseded([said("s1", "kesh", A, None), said("s2", "kesh", N, 3)]) == {}
    assert superseded([said("s1", "kesh", A, 1), said("s2", "kesh", N, 3), said("s3", "kesh", A, 3)]) == {}


def test_current_twice_is_current_once() -> None:
    accounts = [said("s1", "kesh", A, 1), said("s2", "kesh", N, 2), said("s3", "kesh", A, 3), said("s4", "x", N, 1)]
    assert current(current(accounts)) == current(accounts)


def test_as_of_counts_what_had_been_said_by_that_day() -> None:
    accounts = [said("claim", "kesh", A, 1), said("varn", "varn", A, 2), said("denial", "kesh", N, 9),
                said("note", "lake", A, None)]  # fmt: skip
    assert [a.statement for a in as_of(accounts, D + dt.timedelta(days=1))] == ["claim"]
    assert [a.statement for a in as_of(accounts, D + dt.timedelta(days=5))] == ["claim", "varn"]
    assert [a.statement for a in as_of(accounts, D + dt.timedelta(days=9))] == ["varn", "denial"]


def test_a_retraction_changes_status_and_relationships_and_the_reason_names_it() -> None:
    claim, denial, varn = said("claim", "kesh", A, 1), said("denial", "kesh", N, 9), said("varn", "varn", A, 2)
    assert derive_statuses([claim, varn], set()) == {"al": "UNVERIFIED"}
    assert derive_statuses([claim, varn, denial], set()) == {"al": "CONTESTED"}
    assert derive_statuses([claim, denial], set()) == {"al": "DENIED"}  # not CONTESTED: one voice, one position
    rels = derive_relations([claim, varn, denial], set())
    assert RelationType.CLAIMS_RESPONSIBILITY not in rels
    assert dict(rels[RelationType.DENIES_INVOLVEMENT]).keys() == {("kesh", "strike")}
    assert rels[RelationType.CONTRADICTS][("kesh", "varn")].statements == {"denial", "varn"}
    reason = explain_statuses([claim, varn, denial], set())["al"]
    assert reason.superseded == (("claim", "kesh", "denial"),)
    assert "superseded claim (kesh, retracted by denial)" in reason.summary
