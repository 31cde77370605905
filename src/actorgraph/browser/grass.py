"""Read a Neo4j Browser style (``.grass``) exactly as Browser 5 does, and check it.

Browser's parser is forgiving: a comment, a stray colon or an unknown selector is silently kept as
garbage and the style quietly fails to apply. :func:`parse_grass` reproduces that parser so tests
see what Browser sees, and :func:`check_grass` turns the silent failures into problems.
"""

from __future__ import annotations

import re

from actorgraph.errors import ActorgraphError

SELECTOR = re.compile(r"^(node|relationship)(\.[A-Za-z_][A-Za-z0-9_]*)?$")
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
SIZE = re.compile(r"^\d+(\.\d+)?px$")
COLOUR_PROPS = frozenset({"color", "border-color", "text-color-internal", "text-color-external"})
SIZE_PROPS = frozenset({"diameter", "border-width", "font-size", "shaft-width", "padding"})
KNOWN_PROPS = COLOUR_PROPS | SIZE_PROPS | {"caption"}

Grass = dict[str, dict[str, str]]


class GrassError(ActorgraphError):
    """A style file Browser would not apply as written."""


def parse_grass(text: str) -> Grass:
    """Selectors to their declarations, as Browser's ``parseGrass`` reads them (JSON or grass text).

    Quotes are dropped from values (``caption: '{name}'`` gives ``{name}``); a declaration is kept only
    if it has exactly one ``:``; a repeated selector replaces the earlier one.
    """
    rules: dict[str, str] = {}
    in_quotes = in_rule = in_nested = False
    selector = body = ""
    for char in text:
        special = True
        if char == "{":
            if in_quotes:
                special = False
            elif in_rule:
                in_nested = True
            else:
                in_rule = True
        elif char == "}":
            if in_quotes:
                special = False
            elif in_nested:
                in_nested = False
            else:
                in_rule = False
                rules[selector] = body
                selector = body = ""
        elif char in "'\"":
            in_quotes = not in_quotes
        else:
            special = False
        if not special:
            if in_rule:
                body += char
            elif not char.isspace():
                selector += char
    parsed: Grass = {}
    for sel, text_body in rules.items():
        parsed[sel] = {}
        for declaration in text_body.split(";"):
            parts = declaration.split(":")
            if len(parts) == 2:
                parsed[sel][parts[0].strip()] = parts[1].strip()
    return parsed


def grass_problems(text: str) -> list[str]:
    """Everything Browser would silently ignore or misread in a grass text; empty when it is clean."""
    problems: list[str] = []
    if "/*" in text or "//" in text:
        problems.append("comments are not grass: Browser reads them as part of a selector; remove them")
    parsed = parse_grass(text)
    if not parsed:
        problems.append("no rules found: write rules like `node.Actor { caption: '{name}'; }`")
    for selector, props in parsed.items():
        if not SELECTOR.match(selector):
            problems.append(f"{selector!r}: selectors are node, relationship, node.Label or relationship.TYPE")
        for prop, value in props.items():
            if prop not in KNOWN_PROPS:
                problems.append(f"{selector} {prop}: unknown property (known: {', '.join(sorted(KNOWN_PROPS))})")
            elif prop in COLOUR_PROPS and not COLOUR.match(value):
                problems.append(f"{selector} {prop}: {value!r} is not a #RRGGBB colour")
            elif prop in SIZE_PROPS and not SIZE.match(value):
                problems.append(f"{selector} {prop}: {value!r} is not a size like 50px")
    return problems


def check_grass(text: str) -> Grass:
    """The parsed style, or a GrassError listing what Browser would not apply."""
    problems = grass_problems(text)
    if problems:
        raise GrassError(f"Invalid Browser style: {'; '.join(problems)}.")
    return parse_grass(text)
