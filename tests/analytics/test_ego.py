"""ego and path on a hand-drawn network, and the optional networkx backends."""

from __future__ import annotations

import networkx as nx
import pytest

from actorgraph.analytics import backend, ego, path
from actorgraph.analytics.projection import Edge, build_graph
from actorgraph.errors import NotFound

#   y -SPEAKS_FOR-> h -CONTRADICTS-> k -ACCUSES-> a -ALLIED_WITH-> b ;  k -ACCUSES-> b ;  lone
NETWORK = build_graph(
    [("k", "Kremlin", None), ("lone", "Lone", None), ("t1", "Twin", None), ("t2", "Twin", None)],
    [Edge("y", "h", "SPEAKS_FOR", ("1",)), Edge("h", "k", "CONTRADICTS", ("2", "3")),
     Edge("k", "a", "ACCUSES", ("4",)), Edge("a", "b", "ALLIED_WITH", ("5",)),
     Edge("k", "b", "ACCUSES", ("6", "7", "8")), Edge("a", "k", "OPPOSES", ("9",))],
)  # fmt: skip


def test_ego_first_ring_both_directions_strongest_first() -> None:
    rows = ego(NETWORK, "kremlin")  # names match case-insensitively
    assert [(r.neighbour, r.direction, r.type, r.weight) for r in rows] == [
        ("b", "out", "ACCUSES", 3),
        ("h", "in", "CONTRADICTS", 2),
        ("a", "out", "ACCUSES", 1),
        ("a", "in", "OPPOSES", 1),
    ]


def test_ego_second_ring_adds_the_links_that_reach_new_actors() -> None:
    rows = ego(NETWORK, "k", radius=2)
    second = [(r.neighbour, r.via, r.type) for r in rows if r.distance == 2]
    assert second == [("y", "h", "SPEAKS_FOR")]  # a-b is inside the first ring, so it is not listed


def test_path_lists_every_shortest_chain_with_directions() -> None:
    rows = path(NETWORK, "y", "b")
    assert [r.actors for r in rows] == [["y", "h", "k", "b"]]
    assert [h.types for h in rows[0].hops] == [["SPEAKS_FOR>"], ["CONTRADICTS>"], ["ACCUSES>"]]
    two = path(NETWORK, "h", "a")
    assert [r.actors for r in two] == [["h", "k", "a"]]
    assert two[0].hops[1].types == ["ACCUSES>", "<OPPOSES"]
    assert path(NETWORK, "k", "lone") == []


def test_unknown_and_ambiguous_actors_say_what_to_do() -> None:
    with pytest.raises(NotFound, match=r"no actor 'nobody'.*analyze centrality"):
        ego(NETWORK, "nobody")
    with pytest.raises(NotFound, match="several actors"):
        path(NETWORK, "Twin", "k")


def test_backends_are_optional_and_restored() -> None:
    before = list(nx.config.backend_priority.algos)
    with backend.preferred() as used:
        assert used == backend.installed()
    assert list(nx.config.backend_priority.algos) == before
    assert "networkx" not in backend.installed()
