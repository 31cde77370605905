"""The compiled fast path answers exactly what strawberry's executor answers, or steps aside."""

from __future__ import annotations

import json
from typing import Any

import pytest

from actorgraph.api import fastpath
from actorgraph.api.auth import ANONYMOUS
from actorgraph.api.context import Context
from actorgraph.api.schema import build_schema
from actorgraph.settings import Settings
from actorgraph.store.core import Store
from tests.support.aio import run_async

COVERED = [
    ('{ actor(id: "kremlin") { id name kind aliases statements(limit: 3) { id stance quote statedOn } } }', None),
    ('query($id: ID!) { a: actor(id: $id) { __typename name } b: actor(id: "nobody") { name } }', {"id": "hur"}),
    (
        """{ allegations(first: 5, contestedOnly: true) { totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { id summary status predicate polarity subject { name } object { ... on Actor { id }
        ... on Event { name } } affirming { quote speaker { name } onBehalfOf { name } source { title } }
        denying(limit: 1) { id allegation { summary } } } } } }""",
        None,
    ),
    ("query($k: ActorKind) { actors(kind: $k, first: 2) { edges { node { id } } } }", {"k": "INTELLIGENCE_AGENCY"}),
    ('{ statements(first: 3, dateFrom: "2020-01-01") { totalCount edges { node { id statedOn } } } }', None),
    (
        '{ search(text: "moscow") { score node { __typename ... on Actor { id name } ... on Statement { quote } } } }',
        None,
    ),
    ('{ node(id: "hur") { id ... on Actor { name kind } } sources { edges { node { title kind } } } }', None),
]
NOT_COVERED = [
    'mutation { addAlias(actorId: "kremlin", alias: "x") { id } }',  # a mutation
    '{ actor(id: "kremlin") { relations { type } } }',  # relations come from the loaders
    '{ actor(id: "kremlin") { statements { allegation { subject { name } } } } }',  # deeper than the read
    '{ actor(id: "kremlin") @include(if: true) { name } }',  # a directive
    "{ __schema { types { name } } }",  # introspection
    '{ neighborhood(actorId: "kremlin") { nodes { id } } }',  # not a look-ahead root
    '{ actor(id: "kremlin") { statements(limit: 500) { id } } }',  # an argument the resolver rejects
]


def _both(store: Store, settings: Settings, query: str, variables: dict[str, Any] | None) -> tuple[Any, Any, int]:
    """The fast path's answer (None: stepped aside), the executor's, and the fast path's round trips."""
    schema = build_schema(settings)

    async def run() -> tuple[Any, Any, int]:
        context = Context(settings, store.scoped(), ANONYMOUS)
        fast = await fastpath.execute(schema, context, query, variables, None)
        slow = await schema.execute(query, variable_values=variables,
                                    context_value=Context(settings, store.scoped(), ANONYMOUS))  # fmt: skip
        return fast, slow, context.store.round_trips

    return run_async(run())


@pytest.mark.parametrize(("query", "variables"), COVERED)
def test_covered_queries_answer_exactly_as_the_executor(
    store: Store, settings: Settings, seed: None, query: str, variables: dict[str, Any] | None
) -> None:
    fast, slow, trips = _both(store, settings, query, variables)
    assert slow.errors is None, slow.errors
    assert fast is not None, "the fast path stepped aside"
    assert 1 <= trips <= 2  # one read per root field
    assert json.dumps(fast.data) == json.dumps(slow.data)  # same values, same key order


@pytest.mark.parametrize("query", NOT_COVERED)
def test_anything_else_is_left_to_the_executor(store: Store, settings: Settings, seed: None, query: str) -> None:
    fast, _, trips = _both(store, settings, query, None)
    assert fast is None
    assert trips == 0  # it stepped aside before reading anything: the executor reads once
