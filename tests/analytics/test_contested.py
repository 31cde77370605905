"""contested and contradictions on hand-written statements."""

from __future__ import annotations

import pytest

from actorgraph.analytics import contested, contradictions
from actorgraph.analytics.projection import build_graph
from actorgraph.errors import ActorgraphError
from actorgraph.model.derivation import Account
from actorgraph.model.network import AllegationInfo, Edge
from actorgraph.model.vocabulary import Predicate, Stance

A, D = Stance.AFFIRMS, Stance.DENIES


def allegation(aid: str, *accounts: tuple[str, Stance, str, str | None]) -> AllegationInfo:
    """accounts: (statement, stance, voice, source)."""
    return AllegationInfo(
        aid, Predicate.CONTROLLED_BY, None, f"summary {aid}", "s", "o",
        [Account(aid, Predicate.CONTROLLED_BY, "s", "o", False, st, stance, None, voice, None, src)
         for st, stance, voice, src in accounts],
    )  # fmt: skip


def test_contested_ranks_by_the_weaker_side_then_sources() -> None:
    infos = {
        # 3 affirm, 1 denies: weaker side 1, two sources
        "lopsided": allegation("lopsided", ("1", A, "k", "s1"), ("2", A, "m", "s1"), ("3", A, "n", "s2"),
                               ("4", D, "h", "s2")),
        # 2 v 2: weaker side 2 -> first
        "even": allegation("even", ("5", A, "k", "s1"), ("6", A, "m", "s1"), ("7", D, "h", "s1"), ("8", D, "y", "s1")),
        # 1 v 1 from three sources: ties with lopsided on the weaker side, wins on sources
        "sourced": allegation("sourced", ("9", A, "k", "s1"), ("10", D, "h", "s2"), ("11", A, "k", "s3")),
        # nobody denies: not contested
        "agreed": allegation("agreed", ("12", A, "k", "s1"), ("13", A, "m", "s2")),
        # the same voice twice counts once
        "repeat": allegation("repeat", ("14", A, "k", None), ("15", A, "k", None), ("16", D, "h", None)),
    }  # fmt: skip
    rows = contested(build_graph([], [], infos))
    assert [r.allegation for r in rows] == ["even", "sourced", "lopsided", "repeat"]
    even, sourced, lopsided, repeat = rows
    assert (even.affirming, even.denying, even.sources, even.balance) == (["k", "m"], ["h", "y"], 1, 1.0)
    assert (sourced.sources, lopsided.balance) == (3, pytest.approx(1 / 3))
    assert (repeat.affirming, repeat.sources) == (["k"], 0)
    everything = contested(build_graph([], [], infos), include_uncontested=True)
    assert everything[-1].allegation == "agreed" and everything[-1].balance == 0.0


def test_contradictions_pair_both_directions_with_their_allegations() -> None:
    infos = {
        "x": allegation("x", ("1", A, "k", None), ("2", D, "h", None)),
        "z": allegation("z", ("3", A, "h", None), ("4", D, "k", None)),
        "w": allegation("w", ("5", A, "m", None), ("6", D, "h", None)),
    }
    g = build_graph(
        [("k", "Kremlin", None), ("h", "HUR", None), ("m", "Media", None)],
        [Edge("h", "k", "CONTRADICTS", ("1", "2")), Edge("k", "h", "CONTRADICTS", ("3", "4")),
         Edge("h", "m", "CONTRADICTS", ("5", "6"))],
        infos,
    )  # fmt: skip
    rows = contradictions(g)
    assert [(r.actor_a, r.actor_b, r.a_denies_b, r.b_denies_a, r.allegations) for r in rows] == [
        ("h", "k", 2, 2, ["x", "z"]),
        ("h", "m", 2, 0, ["w"]),
    ]
    assert rows[0].name_b == "Kremlin" and rows[0].summaries == ["summary x", "summary z"]


def test_statement_reports_need_the_statements() -> None:
    g = build_graph([], [Edge("a", "b", "CONTRADICTS", ("1",))])
    with pytest.raises(ActorgraphError, match="accounts=True"):
        contradictions(g)
