"""Structural balance camps and cooperative communities on graphs worked out by hand."""

from __future__ import annotations

import random

from actorgraph.analytics.camps import CampsResult, camps
from actorgraph.analytics.projection import Edge, build_graph


def e(s: str, t: str, typ: str, n: int = 1) -> Edge:
    return Edge(s, t, typ, tuple(f"{s}{t}{typ}{i}" for i in range(n)))


def camp_map(result: CampsResult) -> dict[str, str | None]:
    return {r.actor: r.camp for r in result.rows}


def test_balanced_network_splits_with_no_frustration() -> None:
    # k and p together; a, b, c together; every hostile edge across.
    g = build_graph([("iso", "Isolated", None)], [
        e("k", "a", "ACCUSES", 3), e("a", "k", "OPPOSES"), e("b", "k", "CONTRADICTS"), e("c", "p", "OPPOSES"),
        e("a", "b", "ALLIED_WITH"), e("c", "a", "PART_OF"), e("p", "k", "SPEAKS_FOR"),
    ])  # fmt: skip
    result = camps(g)
    camp = camp_map(result)
    assert result.frustration == 0 and result.exact
    assert camp["k"] == camp["p"] != camp["a"]
    assert camp["a"] == camp["b"] == camp["c"]
    assert camp["a"] == "A"  # a is the strongest actor (5 weight of links): its camp is A
    assert camp["iso"] is None


def test_all_hostile_triangle_has_frustration_one() -> None:
    # Three mutual enemies: any split keeps two of them in one camp, so exactly one edge breaks.
    g = build_graph([], [e("x", "y", "ACCUSES"), e("y", "z", "ACCUSES"), e("z", "x", "ACCUSES")])
    result = camps(g)
    assert result.frustration == 1
    assert result.frustration_weight == 1.0
    broken = result.frustrated[0]
    assert broken.source_camp == broken.target_camp


def test_weights_decide_which_edge_breaks() -> None:
    # x+y (3 statements), y-z hostile (3), x+z cooperative (1): the cheapest break is x+z.
    g = build_graph([], [e("x", "y", "ALLIED_WITH", 3), e("y", "z", "ACCUSES", 3), e("x", "z", "SUPPORTS", 1)])
    result = camps(g)
    assert [(f.source, f.target, f.type) for f in result.frustrated] == [("x", "z", "SUPPORTS")]
    unweighted = camps(g, weight=None)
    assert unweighted.frustration == 1  # every split breaks one edge when all count 1


def test_neutral_edges_do_not_count() -> None:
    g = build_graph([], [e("x", "y", "DENIES_INVOLVEMENT", 5), e("x", "z", "ACCUSES")])
    rows = {r.actor: r for r in camps(g).rows}
    assert rows["y"].leaning is None and rows["y"].evidence is None
    assert rows["x"].leaning != rows["z"].leaning
    # one link is too thin to show a camp: both lean, neither is placed
    assert rows["x"].camp is None and rows["x"].undetermined and rows["x"].evidence.links == 1


def planted(n: int, noise: float, seed: int) -> tuple[list[Edge], dict[str, int]]:
    rng = random.Random(seed)
    truth = {f"n{i}": i % 2 for i in range(n)}
    out = []
    for i in range(n * 4):
        s, t = f"n{rng.randrange(n)}", f"n{rng.randrange(n)}"
        if s == t:
            continue
        hostile = truth[s] != truth[t]
        if rng.random() < noise:
            hostile = not hostile
        out.append(e(s, t, "ACCUSES" if hostile else "ALLIED_WITH"))
        out[-1] = Edge(s, t, out[-1].type, (f"st{i}",))
    return out, truth


def test_local_search_recovers_a_planted_split_and_is_deterministic() -> None:
    edges, truth = planted(80, noise=0.0, seed=5)
    g = build_graph([], edges)
    result = camps(g, seed=3)
    assert not result.exact
    assert result.frustration == 0
    camp = camp_map(result)
    for u in truth:
        for v in truth:
            if camp[u] is not None and camp[v] is not None:
                assert (camp[u] == camp[v]) == (truth[u] == truth[v])
    noisy, _ = planted(80, noise=0.05, seed=6)
    g2 = build_graph([], noisy)
    assert camps(g2, seed=3) == camps(g2, seed=3)


def test_heuristic_matches_exact_on_small_random_graphs() -> None:
    rng = random.Random(11)
    for trial in range(5):
        edges = [
            Edge(
                f"n{rng.randrange(10)}", f"n{rng.randrange(10)}", rng.choice(["ACCUSES", "SUPPORTS"]), (f"s{trial}{i}",)
            )
            for i in range(25)
        ]
        g = build_graph([], edges)
        exact = camps(g)
        heuristic = camps(g, restarts=8, exact_limit=0)
        assert exact.exact and not heuristic.exact
        assert heuristic.frustration_weight == exact.frustration_weight


def test_louvain_finds_two_cooperative_cliques() -> None:
    clique1 = [e(a, b, "ALLIED_WITH") for a, b in [("a", "b"), ("b", "c"), ("a", "c")]]
    clique2 = [e(a, b, "SUPPORTS") for a, b in [("x", "y"), ("y", "z"), ("x", "z")]]
    g = build_graph([], [*clique1, *clique2, e("c", "x", "ACCUSES")])
    result = camps(g, seed=1)
    assert sorted(result.communities) == [["a", "b", "c"], ["x", "y", "z"]]
    assert camps(g, seed=1).communities == result.communities
