"""The balance engine's evidence: link counts, satisfied and broken weight, stability, undetermined placements."""

from __future__ import annotations

import itertools
import random

import pytest

from actorgraph.analytics.balance import MIN_STABILITY, Link, split_signed


def link(a: str, b: str, sign: int, weight: float = 1.0) -> Link:
    return Link(a, b, sign, weight, "ACCUSES" if sign < 0 else "ALLIED_WITH")


def test_one_link_is_undetermined_and_two_agreeing_links_are_not() -> None:
    result = split_signed([link("k", "a", -1), link("k", "b", -1), link("a", "b", 1), link("b", "lone", 1)])
    lone, b = result.evidence["lone"], result.evidence["b"]
    assert lone.links == 1 and not lone.determined()
    # A link survives a Poisson(1) resample with probability 1 - 1/e = 0.63: one link is kept about that often.
    assert 0.45 < lone.stability < MIN_STABILITY
    assert b.links == 3 and b.determined() and b.stability > 0.9
    assert result.leaning["lone"] == result.leaning["b"] != result.leaning["k"]


def test_stability_estimates_the_chance_a_link_survives() -> None:
    # x hangs on two agreeing links: kept unless both vanish, 1 - e^-2 = 0.865.
    links = [link("x", "a", 1), link("x", "b", 1), link("a", "b", 1, 5.0), link("a", "c", -1, 5.0)]
    result = split_signed(links, resamples=2000)
    assert result.evidence["x"].stability == pytest.approx(0.865, abs=0.03)
    assert result.evidence["c"].stability == pytest.approx(0.632, abs=0.03)


def test_evidence_adds_up_and_names_the_broken_links() -> None:
    # An all-hostile triangle: one link must break; its two ends carry it as broken weight.
    result = split_signed([link("x", "y", -1, 3.0), link("y", "z", -1, 2.0), link("z", "x", -1, 1.0)])
    assert [(k.a, k.b) for k in result.broken] == [("z", "x")]  # the lightest breaks
    for actor, evidence in result.evidence.items():
        assert evidence.agreeing + evidence.breaking == pytest.approx(evidence.weight), actor
    assert result.evidence["z"].breaking == 1.0 and result.evidence["y"].breaking == 0.0


def test_seeded_and_reproducible() -> None:
    rng = random.Random(3)
    links = [link(f"n{rng.randrange(9)}", f"n{rng.randrange(9)}", rng.choice([-1, 1])) for _ in range(30)]
    assert split_signed(links, seed=4) == split_signed(links, seed=4)
    differs = {a: e.stability for a, e in split_signed(links, seed=5).evidence.items()}
    assert differs != {a: e.stability for a, e in split_signed(links, seed=4).evidence.items()}


def test_exact_split_is_a_true_minimum() -> None:
    rng = random.Random(7)
    for _ in range(5):
        links = [link(f"n{rng.randrange(8)}", f"n{rng.randrange(8)}", rng.choice([-1, 1]), rng.randint(1, 4))
                 for _ in range(18)]  # fmt: skip
        result = split_signed(links, resamples=0)
        nodes = sorted(result.leaning)
        units = [k for k in links if k.a != k.b]

        def cost(side: dict[str, int], units: list[Link] = units) -> float:
            return sum(k.weight for k in units if (side[k.a] == side[k.b]) != (k.sign > 0))

        best = min(cost(dict(zip(nodes, bits, strict=True))) for bits in itertools.product((0, 1), repeat=len(nodes)))
        found = {n: 0 if result.leaning[n] == "A" else 1 for n in nodes}
        assert cost(found) == best


def test_large_parts_get_stability_from_their_neighbours() -> None:
    # 40 actors in two planted camps with redundant links: beyond the exact limit, every placement stable;
    # one actor with a single link is not.
    rng = random.Random(1)
    truth = {f"n{i}": i % 2 for i in range(40)}
    links = []
    for _ in range(200):
        a, b = rng.sample(sorted(truth), 2)
        links.append(link(a, b, 1 if truth[a] == truth[b] else -1))
    links.append(link("n0", "hanger", -1))
    result = split_signed(links, exact_limit=10)
    assert not result.exact
    assert all(result.evidence[n].stability > 0.9 for n in truth if result.evidence[n].links >= 6)
    assert not result.evidence["hanger"].determined()
    assert result.leaning["hanger"] != result.leaning["n0"]
