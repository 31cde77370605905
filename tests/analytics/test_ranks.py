"""Ranks by accusations made, with the range resampling the statements gives them."""

from __future__ import annotations

import networkx as nx
import numpy as np

from actorgraph.analytics.centrality import centrality
from actorgraph.analytics.projection import Edge, build_graph
from actorgraph.analytics.ranks import accusation_ranks, competition_ranks


def test_competition_ranks_share_a_rank_on_ties() -> None:
    assert competition_ranks(np.array([3.0, 3.0, 1.0, 0.0, 1.0])).tolist() == [1, 1, 3, 5, 3]
    columns = competition_ranks(np.array([[2.0, 0.0], [1.0, 5.0]]))
    assert columns.tolist() == [[1, 2], [2, 1]]


def test_a_clear_lead_keeps_its_rank_and_a_close_one_does_not() -> None:
    g = nx.DiGraph([("big", "x", {"weight": 40}), ("close", "x", {"weight": 6}), ("closer", "x", {"weight": 5})])
    ranks = accusation_ranks(g, ["big", "close", "closer", "x"], seed=1)
    assert (ranks["big"].rank, ranks["big"].low, ranks["big"].high) == (1, 1, 1)
    assert ranks["close"].rank == 2 and (ranks["close"].low, ranks["close"].high) == (2, 3)
    assert ranks["x"].rank == 4 and ranks["x"].low == ranks["x"].high == 4  # nobody accused, always last


def test_centrality_rows_carry_their_rank_range_and_are_seeded() -> None:
    g = build_graph([], [Edge("k", "a", "ACCUSES", ("s1", "s2")), Edge("m", "a", "ACCUSES", ("s3",))])
    rows = {r.actor: r for r in centrality(g, seed=2).rows}
    assert rows["k"].rank == 1 and rows["m"].rank == 2 and rows["a"].rank == 3
    assert rows["k"].rank_low == 1 and rows["k"].rank_high >= 1
    assert centrality(g, seed=2) == centrality(g, seed=2)
