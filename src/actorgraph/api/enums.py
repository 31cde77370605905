"""The model's vocabulary as GraphQL enums, without touching the model.

``strawberry.enum(cls)`` decorates the class it is given; doing that to the model's enums would
change the pure layer as a side effect of importing the API. So each GraphQL enum is a copy: a
``StrEnum`` with the same names and values, made here. Because members of both are ``str`` subclasses
with equal values, a resolver may return a model member where a GraphQL enum is expected, and a
GraphQL member passes wherever pydantic expects the model's.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import Any

import strawberry

from actorgraph.model import vocabulary as v


def graphql_enum(model_enum: type[Enum], description: str | None = None) -> Any:
    """A GraphQL enum with ``model_enum``'s name, members and values (typed Any: mypy cannot follow it)."""
    copy = StrEnum(model_enum.__name__, {m.name: str(m.value) for m in model_enum})  # type: ignore[misc]
    copy.__module__ = __name__
    return strawberry.enum(copy, description=description)


ActorKind = graphql_enum(v.ActorKind, "What kind of actor.")
EventKind = graphql_enum(v.EventKind)
SourceKind = graphql_enum(v.SourceKind)
Stance = graphql_enum(v.Stance, "Whether a statement affirms or denies its allegation.")
AllegationStatus = graphql_enum(v.AllegationStatus, "Derived from who affirms and who denies.")
Verdict = graphql_enum(v.Verdict, "An analyst's editorial finding, separate from status.")
Polarity = graphql_enum(v.Polarity)
Predicate = graphql_enum(v.Predicate, "The controlled vocabulary of allegations.")
RelationType = graphql_enum(v.RelationType, "Derived actor-to-actor (or actor-to-event) relationships.")
Reliability = graphql_enum(
    v.Reliability,
    "Source reliability on the Admiralty scale: "
    + ", ".join(f"{g.value} {meaning}" for g, meaning in v.RELIABILITY_MEANING.items())
    + ". Graded by analysts, never derived.",
)


@strawberry.enum
class Direction(Enum):
    OUT = "OUT"
    IN = "IN"


__all__ = ["ActorKind", "AllegationStatus", "Direction", "EventKind", "Polarity", "Predicate", "RelationType",
           "Reliability", "SourceKind", "Stance", "Verdict", "graphql_enum"]  # fmt: skip
