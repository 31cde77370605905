"""The committed SDL matches the code, and the API's enums are the model's vocabulary."""

from __future__ import annotations

from actorgraph.api.enums import RelationType
from actorgraph.api.sdl import SCHEMA_FILE, sdl
from actorgraph.model import vocabulary


def test_schema_graphql_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == sdl(), "run: python -m actorgraph.api.sdl"


def test_relation_types_are_the_model_s() -> None:
    assert [t.value for t in RelationType] == [t.value for t in vocabulary.RelationType]
    assert RelationType is not vocabulary.RelationType  # a copy: strawberry never decorates the model


def test_importing_the_api_leaves_the_model_s_enums_alone() -> None:
    import actorgraph.api.schema  # noqa: F401  (registers every GraphQL type)

    for enum in (vocabulary.ActorKind, vocabulary.Predicate, vocabulary.Stance, vocabulary.RelationType):
        assert not [name for name in vars(enum) if "strawberry" in name or name == "_enum_definition"]
