"""Look-ahead: a root field's selection turned into a :class:`~actorgraph.store.tree.NodePlan`.

The peer this API is measured against compiles a whole GraphQL operation into one Cypher query. We get
the same effect for the shapes frontends ask most (a node with its properties, its to-one neighbours and
its lists of statements with theirs) without generating Cypher: the selection becomes a plan, a
parameter of the fixed ``tree.cypher``. Only the properties a selection names are read.

Objects built from such a read remember what was fetched for each of their fields under the field's
response key (:class:`Prefetched`); a resolver finds its data there, or falls back to the DataLoaders
(deeper levels, relations), so round trips stay bounded by depth either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection
from strawberry.utils.str_converters import to_camel_case

from actorgraph.model import vocabulary as v
from actorgraph.store.tree import Fields, ListPlan, NodePlan

LABELS = ("Actor", "Event", "Allegation", "Statement", "Source")

#: GraphQL fields computed from another property: what they read.
DERIVED = {("Allegation", "polarity"): ("predicate",), ("Allegation", "cameo"): ("predicate",)}

#: To-one links the tail follows: (label, GraphQL field) -> (plan key, labels at the other end).
LINKS: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("Allegation", "subject"): ("subject", ("Actor",)),
    ("Allegation", "object"): ("object", ("Actor", "Event")),
    ("Statement", "speaker"): ("speaker", ("Actor",)),
    ("Statement", "onBehalfOf"): ("on_behalf_of", ("Actor",)),
    ("Statement", "allegation"): ("on", ("Allegation",)),
    ("Statement", "source"): ("reported_in", ("Source",)),
}

#: Lists of statements the tail reads: (label, GraphQL field) -> the stance it implies (None: an argument).
LISTS: dict[tuple[str, str], str | None] = {
    ("Actor", "statements"): None,
    ("Allegation", "statements"): None,
    ("Allegation", "affirming"): "AFFIRMS",
    ("Allegation", "denying"): "DENIES",
    ("Source", "statements"): None,
}


@cache
def _types() -> dict[str, Any]:
    from actorgraph.api import types  # the object types import this module: resolve them late

    return {label: getattr(types, label) for label in LABELS}


@cache
def properties(label: str) -> dict[str, tuple[str, ...]]:
    """GraphQL field name -> the stored properties it reads, for the plain fields of ``label``'s type."""
    out: dict[str, tuple[str, ...]] = {}
    for f in _types()[label].__strawberry_definition__.fields:
        name = f.graphql_name or to_camel_case(f.python_name)
        if (label, name) in DERIVED:
            out[name] = DERIVED[label, name]
        elif f.base_resolver is None:
            out[name] = (f.python_name,)
    return out


@cache
def defaults(label: str, field_name: str) -> dict[str, Any]:
    """The declared argument defaults of one field (a list's ``limit``), read from the type itself."""
    for f in _types()[label].__strawberry_definition__.fields:
        if (f.graphql_name or to_camel_case(f.python_name)) == field_name:
            return {to_camel_case(a.python_name): a.default for a in f.arguments}
    return {}


def response_key(f: SelectedField) -> str:
    return f.alias or f.name


def fields_for(selections: Sequence[Selection], labels: Iterable[str]) -> Iterator[tuple[str, SelectedField]]:
    """Each selected field with the label it applies to, through inline fragments and fragment spreads."""
    labels = tuple(labels)
    for sel in selections:
        if isinstance(sel, SelectedField):
            if sel.name != "__typename":
                for label in labels:
                    yield label, sel
        elif isinstance(sel, InlineFragment | FragmentSpread):
            cond = sel.type_condition
            narrowed = tuple(lb for lb in labels if cond is None or cond == lb or cond not in LABELS)
            yield from fields_for(sel.selections, narrowed)


def _props(selections: Sequence[Selection], labels: Iterable[str]) -> Fields:
    found: dict[str, dict[str, None]] = {lb: {} for lb in labels}
    for label, f in fields_for(selections, found):
        for prop in properties(label).get(f.name, ()):
            found[label][prop] = None
    return {lb: tuple(p for p in props if p != "id") for lb, props in found.items()}


def _merge(a: Fields, b: Fields) -> Fields:
    return {lb: tuple(dict.fromkeys((*a.get(lb, ()), *b.get(lb, ())))) for lb in {*a, *b}}


@dataclass
class Keys:
    """Where each response key's data went in the plan, per label: a link key or a list index."""

    links: dict[tuple[str, str], str] = field(default_factory=dict)
    lists: dict[tuple[str, str], int] = field(default_factory=dict)
    #: The keys of each list's statements (their to-one links), by list index.
    children: dict[int, Keys] = field(default_factory=dict)


def _enum_value(value: Any) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


def reliability_grades(minimum: Any) -> tuple[str, ...] | None:
    """The reliability grades a ``minReliability`` argument lets through (None: no filter, every statement)."""
    value = _enum_value(minimum)
    return None if value is None else tuple(g.value for g in v.reliability_at_least(v.Reliability(value)))


def plan(selections: Sequence[Selection], labels: Iterable[str], check_limit: Any) -> tuple[NodePlan, Keys]:
    """The plan for nodes of ``labels`` under ``selections``; ``check_limit(n)`` validates list limits."""
    labels = tuple(labels)
    fields = _props(selections, labels)
    links: dict[str, Fields] = {}
    lists: list[ListPlan] = []
    keys = Keys()
    for label, f in fields_for(selections, labels):
        if (label, f.name) in LINKS:
            key, targets = LINKS[label, f.name]
            links[key] = _merge(links.get(key, {}), _props(f.selections, targets))
            keys.links[label, response_key(f)] = key
        elif (label, f.name) in LISTS and (label, response_key(f)) not in keys.lists:
            args = {**defaults(label, f.name), **f.arguments}
            stance = LISTS[label, f.name] or _enum_value(args.get("stance"))
            child_links: dict[str, Fields] = {}
            child_keys = Keys()
            for _, sub in fields_for(f.selections, ("Statement",)):
                if ("Statement", sub.name) in LINKS:
                    key, targets = LINKS["Statement", sub.name]
                    child_links[key] = _merge(child_links.get(key, {}), _props(sub.selections, targets))
                    child_keys.links["Statement", response_key(sub)] = key
            statement_fields = _props(f.selections, ("Statement",))["Statement"]
            keys.lists[label, response_key(f)] = len(lists)
            keys.children[len(lists)] = child_keys
            grades = reliability_grades(args.get("minReliability"))
            lists.append(ListPlan(stance, check_limit(int(args["limit"])), statement_fields, child_links, grades))
    return NodePlan(fields, links, tuple(lists)), keys


def child(selections: Sequence[Selection], *path: str) -> Sequence[Selection]:
    """The selections under a path of field names (``edges``, ``node``), merged over repeats and fragments."""
    current: list[Selection] = list(selections)
    for name in path:
        nxt: list[Selection] = []
        for _, f in fields_for(current, ("",)):
            if f.name == name:
                nxt += f.selections
        current = nxt
    return current


def selects(selections: Sequence[Selection], name: str) -> bool:
    return any(f.name == name for _, f in fields_for(selections, ("",)))


__all__ = ["Keys", "child", "plan", "properties", "selects"]
