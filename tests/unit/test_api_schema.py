"""The committed SDL matches the code, and the API's enums match the store's vocabulary."""

from __future__ import annotations

from actorgraph.api.sdl import SCHEMA_FILE, sdl
from actorgraph.api.types import RelationType
from actorgraph.store.projections import PROJECTION_TYPES


def test_schema_graphql_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == sdl(), "run: python -m actorgraph.api.sdl"


def test_relation_types_are_the_projection_types() -> None:
    assert tuple(t.value for t in RelationType) == PROJECTION_TYPES
