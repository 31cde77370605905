"""The query cost function on the real schema (no server)."""

from __future__ import annotations

from graphql import parse

from actorgraph.api.limits import query_cost
from actorgraph.api.schema import build_schema
from actorgraph.settings import Settings


def _cost(query: str, variables: dict[str, object] | None = None) -> int:
    schema = build_schema(Settings())._schema
    return query_cost(schema, parse(query), None, variables, default_list=100)


def test_scalars_cost_one_each_and_pages_multiply() -> None:
    assert _cost('{ actor(id: "k") { id name } }') == 3
    # actors(1) + edges(10) + node(10) + id(10) + statements(10) + id(10*5)
    assert _cost("{ actors(first: 10) { edges { node { id statements(limit: 5) { id } } } } }") == 91


def test_defaults_variables_and_fragments_count() -> None:
    # a connection without first/last is its default page (20); a list's default `limit` comes from the schema
    assert _cost("{ actors { edges { node { id } } } }") == 1 + 20 + 20 + 20
    assert _cost('{ allegation(id: "a") { affirming { id } } }') == 1 + 1 + 50
    by_var = "query($n: Int!) { actors(first: $n) { edges { node { ...F } } } } fragment F on Actor { id name }"
    assert _cost(by_var, {"n": 4}) == 1 + 4 + 4 + 8
    inline = '{ node(id: "x") { ... on Actor { statements(limit: 3) { id } } } }'
    assert _cost(inline) == 1 + 1 + 3
