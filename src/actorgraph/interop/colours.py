"""Colours by kind, taken from the Neo4j Browser style we ship, so Gephi shows what Browser shows.

One definition (``cypher/actorgraph.grass``) instead of a second palette that would drift from it.
"""

from __future__ import annotations

from functools import cache

from actorgraph.browser.bundle import style_text
from actorgraph.browser.grass import parse_grass
from actorgraph.browser.labels import KIND_LABELS

#: For a kind the style does not colour.
FALLBACK = "#A5ABB6"


@cache
def _style() -> dict[str, dict[str, str]]:
    return parse_grass(style_text())


def kind_colour(label: str, kind: str | None) -> str:
    """``#RRGGBB`` of an actor by kind (``ArmedGroup`` red...) or of an event.

    >>> kind_colour("Actor", "ARMED_GROUP")
    '#D64545'
    """
    if label == "Event":
        selector = "node.Event"
    else:
        selector = f"node.{KIND_LABELS.get(kind or 'UNKNOWN', KIND_LABELS['UNKNOWN'])}"
    return _style().get(selector, {}).get("color", FALLBACK).upper()


def rgb(colour: str) -> tuple[int, int, int]:
    """``#D64545`` -> ``(214, 69, 69)``."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relation_colour(rel_type: str) -> str:
    """``#RRGGBB`` of a derived relationship type, as Browser draws it."""
    style = _style()
    return style.get(f"relationship.{rel_type}", style.get("relationship", {})).get("color", FALLBACK).upper()
