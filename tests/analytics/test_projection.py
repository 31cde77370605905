"""Projecting the network out of Neo4j: stored edges, filters pushed into Cypher, same rules either way."""

from __future__ import annotations

import datetime as dt

import pytest

from actorgraph.analytics import NetworkFilter, contested, project
from actorgraph.errors import ActorgraphError, UsageError
from actorgraph.model.vocabulary import AllegationStatus, Predicate
from actorgraph.store.core import Store


def edge_set(graph: object) -> set[tuple[str, str, str, int, int]]:
    return {(u, v, k, d["sign"], d["weight"]) for u, v, k, d in graph.edges(keys=True, data=True)}  # type: ignore[attr-defined]


def test_unfiltered_projection_has_every_actor_and_signed_weighted_edges(small_network: Store) -> None:
    g = project(small_network)
    assert set(g.nodes) == {"k", "a", "b", "h", "y", "m", "lone"}
    assert g.nodes["k"]["name"] == "Kremlin-like"
    assert edge_set(g) == {
        ("k", "a", "ACCUSES", -1, 1),
        ("k", "b", "ACCUSES", -1, 1),
        ("h", "k", "CONTRADICTS", -1, 2),
        ("a", "b", "ALLIED_WITH", 1, 1),
        ("a", "k", "OPPOSES", -1, 1),
    }
    assert g["k"]["a"]["ACCUSES"]["first_stated"] == dt.date(2030, 1, 10)
    # Unfiltered, only allegations both affirmed and denied bring their statements: nothing else can be
    # contested or contradicted, and the derived edges already carry the rest.
    assert sorted(g.graph["allegations"]) == ["al1"] and g.graph["disputed_only"]
    assert g.graph["allegations"]["al1"].status == "CONTESTED"
    assert [a.voice for a in g.graph["allegations"]["al1"].accounts if a.stance == "DENIES"] == ["h"]


def test_a_filter_that_keeps_everything_gives_the_stored_network(small_network: Store) -> None:
    stored = project(small_network)
    derived = project(small_network, NetworkFilter(date_from=dt.date(2000, 1, 1), date_to=dt.date(2100, 1, 1)))
    assert edge_set(derived) == edge_set(stored)


def test_date_range_keeps_only_statements_inside_it(small_network: Store) -> None:
    g = project(small_network, NetworkFilter(date_from=dt.date(2030, 1, 1), date_to=dt.date(2030, 1, 31)))
    assert edge_set(g) == {("k", "a", "ACCUSES", -1, 1), ("a", "b", "ALLIED_WITH", 1, 1)}
    assert sorted(g.graph["allegations"]) == ["al1", "al3"]  # only matching statements left Neo4j
    assert [a.statement for a in g.graph["allegations"]["al1"].accounts] == ["st1"]
    assert "lone" not in g  # a filtered network has only the actors its statements involve


def test_predicate_and_status_filters(small_network: Store) -> None:
    by_predicate = project(small_network, NetworkFilter(predicates=(Predicate.CONTROLLED_BY,)))
    assert edge_set(by_predicate) == {("k", "a", "ACCUSES", -1, 1), ("h", "k", "CONTRADICTS", -1, 2)}
    by_status = project(small_network, NetworkFilter(statuses=(AllegationStatus.CONTESTED,)))
    assert edge_set(by_status) == edge_set(by_predicate)
    both = project(small_network, NetworkFilter(date_to=dt.date(2030, 1, 31), statuses=(AllegationStatus.CONTESTED,)))
    assert edge_set(both) == {("k", "a", "ACCUSES", -1, 1)}


def test_edges_only_projection_skips_the_statements(small_network: Store) -> None:
    g = project(small_network, accounts=False)
    assert g.graph["allegations"] == {} and not g.graph["has_accounts"]
    with pytest.raises(ActorgraphError, match="accounts=True"):
        contested(g)


def test_a_reversed_date_range_is_refused(small_network: Store) -> None:
    with pytest.raises(UsageError, match="give the earlier date first"):
        project(small_network, NetworkFilter(date_from=dt.date(2030, 2, 1), date_to=dt.date(2030, 1, 1)))
