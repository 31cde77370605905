"""Schemathesis against the real API, in-process (the session's uvicorn), queries and mutations with a
valid key, seeded: every response keeps the contract of ``tests/support/fuzz.py`` (no 5xx, no
INTERNAL_SERVER_ERROR, a documented code on every error), and ``db check`` after each operation's
examples proves that whatever the fuzzer managed to write left the graph consistent.

CI size: ``EXAMPLES`` per operation (21 operations: 315 requests); ``make fuzz`` runs the full size with ``st run``.
Failures found so far, each now a regression test in this folder or ``test_found.py``:
``addAlias(actorId: "")`` (and every mutation given an empty id) skipped the existence check and ended
as an INTERNAL_SERVER_ERROR — or, for ``recordStatement``, a statement without its speaker.
"""

from __future__ import annotations

import hypothesis
import pytest
import schemathesis
from graphql import introspection_from_schema
from neo4j import Driver
from schemathesis.schemas import APIOperation

from actorgraph.api.schema import build_schema
from actorgraph.ingest import LoadReport
from actorgraph.settings import Settings
from tests.support.fuzz import contract_violation, register_id_strategy
from tests.support.http import EDITOR, GraphQL, Server

EXAMPLES = 15
register_id_strategy()
#: The schema as schemathesis sees it, from the app's own SDL (no server needed to collect the tests).
SCHEMA = schemathesis.graphql.from_dict(introspection_from_schema(build_schema(Settings())._schema))
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.label for op in OPERATIONS])
def test_every_generated_operation_keeps_the_contract(
    operation: APIOperation, api: Server, seed: LoadReport, driver: Driver
) -> None:
    url = f"{api.url}/graphql"

    @hypothesis.given(operation.as_strategy())
    @hypothesis.settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(hypothesis.HealthCheck),
        database=None,
    )
    def one(case: schemathesis.Case) -> None:
        response = case.call(base_url=url, headers=EDITOR)
        problem = contract_violation(response.status_code, response.content)
        assert problem is None, f"{problem}\n{case.as_curl_command(headers=EDITOR)}"

    one()


EMPTY_IDS = [
    'mutation { addAlias(actorId: "", alias: "x") { id } }',
    'mutation { updateActor(input: {id: "", name: "x", kind: PERSON}) { id } }',
    'mutation { mergeActors(keepId: "", mergeId: "kremlin", reason: "test") { id } }',
    'mutation { mergeActors(keepId: "kremlin", mergeId: "", reason: "test") { id } }',
    'mutation { setVerdict(allegationId: "", verdict: CONFIRMED, rationale: "r") { id } }',
    """mutation { recordStatement(input: {speaker: "", subject: "kremlin", predicate: ATTACKED, object: "cia",
        summary: "s", stance: AFFIRMS, quote: "Kremlin", source: {id: "kremlin-claim"}}) { id } }""",
]


@pytest.mark.parametrize("mutation", EMPTY_IDS)
def test_empty_ids_are_not_found(gql: GraphQL, seed: LoadReport, mutation: str) -> None:
    """Found by fuzzing: an empty id skipped the existence check (INTERNAL_SERVER_ERROR, or a statement
    written without its speaker)."""
    body = gql(mutation, headers=EDITOR)
    assert [e["extensions"]["code"] for e in body["errors"]] in (["NOT_FOUND"], ["BAD_USER_INPUT"]), body
