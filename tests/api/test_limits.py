"""The limits' validation rules are built once, so repeated operations are parsed and validated once."""

from __future__ import annotations

from types import SimpleNamespace
from unittest import mock

from strawberry.extensions import AddValidationRules
from strawberry.schema import schema as strawberry_schema

from actorgraph.api import limits
from actorgraph.api.auth import ANONYMOUS
from actorgraph.api.schema import build_schema
from actorgraph.settings import Settings


def test_rules_are_the_same_objects_for_every_request() -> None:
    factories = limits.limit_extensions(Settings())
    first = [f() for f in factories]
    second = [f() for f in factories]
    rules = [e.validation_rules for e in first if isinstance(e, AddValidationRules)]
    again = [e.validation_rules for e in second if isinstance(e, AddValidationRules)]
    assert rules and rules == again and all(a is b for a, b in zip(rules[0], again[0], strict=True))


def test_a_repeated_operation_is_validated_once_and_limits_still_hold() -> None:
    settings = Settings(api_max_depth=3)
    schema = build_schema(settings)
    context = SimpleNamespace(principal=ANONYMOUS, settings=settings)
    with mock.patch.object(strawberry_schema, "validate", wraps=strawberry_schema.validate) as validate:
        query = "query Twice { __typename }"
        assert schema.execute_sync(query, context_value=context).errors is None
        assert schema.execute_sync(query, context_value=context).errors is None
        assert validate.call_count <= 1
    deep = '{ actor(id: "a") { statements { allegation { subject { name } } } } }'
    for _ in range(2):  # cached or not, too deep is too deep
        errors = schema.execute_sync(deep, context_value=context).errors
        assert errors and "exceeds maximum operation depth" in errors[0].message
