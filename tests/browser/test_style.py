"""The Browser style parses the way Browser parses it and styles what the guide promises."""

from __future__ import annotations

import pytest

from actorgraph.browser.bundle import style_text
from actorgraph.browser.grass import GrassError, check_grass, grass_problems, parse_grass
from actorgraph.browser.labels import DISPLAY_LABELS, KIND_LABELS
from actorgraph.model.vocabulary import RelationType

PROVENANCE = ("MADE", "ON", "SUBJECT", "OBJECT", "REPORTED_IN", "ON_BEHALF_OF")


@pytest.fixture(scope="module")
def style() -> dict[str, dict[str, str]]:
    return check_grass(style_text())


def test_style_file_is_clean_grass() -> None:
    assert grass_problems(style_text()) == []


def test_captions_by_name_predicate_and_stance(style: dict[str, dict[str, str]]) -> None:
    assert style["node.Actor"]["caption"] == "{name}"
    assert style["node.Event"]["caption"] == "{name}"
    assert style["node.Allegation"]["caption"] == "{predicate}"
    assert style["node.Statement"]["caption"] == "{stance}"


def test_every_actor_kind_has_its_own_colour(style: dict[str, dict[str, str]]) -> None:
    colours = [style[f"node.{label}"]["color"] for label in KIND_LABELS.values()]
    assert len(set(colours)) == len(colours)
    assert all(f"node.{label}" in style for label in DISPLAY_LABELS)


def test_derived_relationships_stand_apart_from_provenance(style: dict[str, dict[str, str]]) -> None:
    def width(rel: str) -> float:
        return float(style[f"relationship.{rel}"]["shaft-width"].removesuffix("px"))

    thinnest_derived = min(width(t) for t in RelationType)
    assert all(width(t) < thinnest_derived for t in PROVENANCE)
    assert len({style[f"relationship.{t}"]["color"] for t in PROVENANCE}) == 1  # one quiet grey


def test_centrality_ranks_are_bigger_than_plain_actors(style: dict[str, dict[str, str]]) -> None:
    def size(selector: str) -> int:
        return int(style[selector]["diameter"].removesuffix("px"))

    assert size("node.RankHigh") > size("node.RankMid") > size("node.Actor")


def test_parser_reads_like_browser() -> None:
    parsed = parse_grass("node.Actor {\n  caption: '{name}';\n  color: #FF0000;\n}\nrelationship { shaft-width: 2px }")
    assert parsed == {"node.Actor": {"caption": "{name}", "color": "#FF0000"}, "relationship": {"shaft-width": "2px"}}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("/* actors */ node.Actor { color: #FF0000; }", "comments"),
        ("node.Actor { colour: #FF0000; }", "unknown property"),
        ("node.Actor { color: red; }", "#RRGGBB"),
        ("node.Actor { diameter: 50; }", "size like 50px"),
        ("node[kind=STATE] { color: #FF0000; }", "selectors are"),
        ("", "no rules"),
    ],
)
def test_checker_names_what_browser_would_ignore(text: str, fragment: str) -> None:
    with pytest.raises(GrassError, match=fragment):
        check_grass(text)
