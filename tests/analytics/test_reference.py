"""The reference set: each case's hand-written expectations reproduced by the reports on the real server.

The expectations were written before the reports ran (tests/data/reference/expected/); a miss is either
fixed or listed under the case's ``misses:`` with its reason. The committed score card and the README's
sentence must say what the reports do now.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from actorgraph.analytics.projection import Edge, build_graph, project
from actorgraph.store.core import Store
from actorgraph.store.schema import wipe
from bench.reference import CARD, Case, cases, check, findings, score_card
from tests.support.graph import Loader
from tests.support.paths import ROOT

CASES = cases()


def test_every_case_is_there() -> None:
    assert {c.expected_file.stem for c in CASES} == {"seed", "river-dam", "crocus-city-hall", "kakhovka-dam"}


@pytest.mark.parametrize("case", CASES, ids=[c.expected_file.stem for c in CASES])
def test_the_reports_reproduce_the_expectations(case: Case, store: Store, load: Loader) -> None:
    load(*case.dossiers)
    checks = check(case, findings(project(store, accounts=True, every_account=True)))
    assert len(checks) >= 10
    unexplained = [c for c in checks if not c.ok and c.miss_reason is None]
    assert unexplained == [], "\n".join(f"{c.finding} {c.subject}: expected {c.expected}, got {c.got}"
                                        for c in unexplained)  # fmt: skip
    fixed = [c.subject for c in checks if c.ok and c.miss_reason is not None]
    assert fixed == [], "listed as misses but reproduced now: remove them from `misses:`"


def test_the_score_card_and_the_readme_are_current(store: Store, load: Loader) -> None:
    checks = []
    for case in CASES:
        wipe(store)
        load(*case.dossiers)
        checks += check(case, findings(project(store, accounts=True, every_account=True)))
    card = score_card(checks)
    assert CARD.read_text(encoding="utf-8") == card, "run `python -m bench.reference` and commit the card"
    score = re.search(r"\*\*(\d+ of \d+)\*\*", card)
    assert score is not None
    assert f"{score.group(1)} expectations" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_wrong_expectation_is_caught(tmp_path: Path) -> None:
    # k accuses a and b three times each; a and b are allied: camps {k} against {a, b}. Expect the opposite.
    g = build_graph([("k", "K", "STATE"), ("a", "A", "STATE"), ("b", "B", "STATE")], [
        Edge("k", "a", "ACCUSES", ("1", "2", "3")), Edge("k", "b", "ACCUSES", ("4", "5", "6")),
        Edge("a", "b", "ALLIED_WITH", ("7", "8")),
    ], {})  # fmt: skip
    wrong = Case("wrong", tmp_path / "wrong.yaml", [], {
        "hostility_camps": {"sides": [["k", "a"], ["b"]], "undetermined": ["k"], "unplaced": ["a"]},
        "top_accusers": [["a"]],
        "misses": [{"finding": "top accusers", "subject": "a", "why": "a test"}],
    })  # fmt: skip
    checks = check(wrong, findings(g))
    # A side's camp is the one most of its members are in: k (listed first of a tie) and b hold theirs, a is
    # the one misplaced; k is not undetermined, a not unplaced, a not the top accuser.
    assert [(c.subject, c.ok) for c in checks] == [
        ("k", True),
        ("a", False),
        ("b", True),
        ("k", False),
        ("a", False),
        ("a", False),
    ]
    assert checks[-1].miss_reason == "a test"
    right = Case("right", tmp_path / "right.yaml", [], {
        "hostility_camps": {"sides": [["k"], ["a", "b"]]}, "top_accusers": [["k"]],
        "contested": {"head": [], "only": True},
    })  # fmt: skip
    assert all(c.ok for c in check(right, findings(g)))
    assert "**2 of 6**" in score_card(checks) and "a test" in score_card(checks)
