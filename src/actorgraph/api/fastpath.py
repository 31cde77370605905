"""Compiled execution: a query the look-ahead reads answer completely skips graphql-core's executor.

Issue 13's page of 50 allegations with their statements and speakers resolves some 1,500 fields; through
graphql-core each is a resolver call, a resolve-info object, a completion and (for links) a task, which
cost more than the Cypher read that fetched them all. When every root field of an operation is one of
ours (``roots.py``) and everything selected below it was fetched by its look-ahead read (properties,
``__typename``, the to-one links and statement lists the read covers), the answer is written straight
from the read, in selection order, as the executor would have written it. Anything else — a mutation,
introspection, a directive, a field needing the DataLoaders, an argument the resolvers would reject —
goes through strawberry as before, so behaviour and errors are the resolvers'.

The document is parsed and validated through the same caches and limit rules as the normal path.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Sequence
from enum import Enum
from functools import cache
from types import SimpleNamespace
from typing import Any

from graphql import GraphQLError, GraphQLSchema, OperationDefinitionNode, OperationType, specified_rules
from graphql.execution.values import get_argument_values, get_variable_values
from graphql.language import FieldNode, FragmentDefinitionNode
from graphql.utilities import get_operation_ast
from strawberry.extensions.parser_cache import _get_parse_cache
from strawberry.extensions.validation_cache import _get_validate_cache
from strawberry.schema.base import BaseSchema
from strawberry.types import ExecutionResult
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection, convert_selections
from strawberry.utils.str_converters import to_camel_case

from actorgraph.api import lookahead, roots
from actorgraph.api.connections import Connection
from actorgraph.api.limits import CACHED_OPERATIONS, limit_rules, query_cost

Json = dict[str, Any]


class Ineligible(Exception):
    """The operation needs the executor (a field the reads did not cover)."""


#: Root fields answered here: name -> how to call its root function with the coerced arguments.
RootCall = Callable[[Any, Sequence[Selection], dict[str, Any]], Any]
ROOTS: dict[str, RootCall] = {
    "actor": lambda c, s, a: roots.by_id(c, s, str(a["id"]), "Actor"),
    "allegation": lambda c, s, a: roots.by_id(c, s, str(a["id"]), "Allegation"),
    "node": lambda c, s, a: roots.by_id(c, s, str(a["id"]), None),
    "allegations": lambda c, s, a: roots.allegations(c, s, **a),
    "statements": lambda c, s, a: roots.statements(c, s, **a),
    "actors": lambda c, s, a: roots.by_kind(c, s, "actors", **a),
    "sources": lambda c, s, a: roots.by_kind(c, s, "sources", **a),
    "events": lambda c, s, a: roots.by_kind(c, s, "events", **a),
    "search": lambda c, s, a: roots.search(c, s, a["text"], a.get("limit", 20)),
}
CONNECTION_FIELDS = frozenset({"totalCount", "edges", "pageInfo"})
PAGE_INFO = {"hasNextPage": "has_next_page", "hasPreviousPage": "has_previous_page",
             "startCursor": "start_cursor", "endCursor": "end_cursor"}  # fmt: skip


def _plain(value: Any) -> Any:
    """An argument as the root functions take it: enums as their values."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


def _fields(selections: Sequence[Selection], type_name: str) -> list[SelectedField]:
    """The fields selected on an object of ``type_name``, through fragments that apply to it, in order."""
    out: list[SelectedField] = []
    for sel in selections:
        if isinstance(sel, SelectedField):
            if sel.directives:
                raise Ineligible
            out.append(sel)
        elif isinstance(sel, InlineFragment | FragmentSpread):
            if sel.directives:
                raise Ineligible
            cond = sel.type_condition
            if cond is None or cond == type_name or cond not in lookahead.LABELS:
                out += _fields(sel.selections, type_name)
    seen: set[str] = set()
    for f in out:  # a repeated key with sub-selections would need the executor's field merging
        key = f.alias or f.name
        if key in seen and f.selections:
            raise Ineligible
        seen.add(key)
    return out


def _scalar(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_scalar(v) for v in value]
    return value


@cache
def _plain_fields(label: str) -> dict[str, str]:
    """GraphQL name -> attribute for the fields of ``label`` that are plain values on the object."""
    from actorgraph.api import types  # resolved late: the object types import the look-ahead

    definition = getattr(types, label).__strawberry_definition__
    return {
        (f.graphql_name or to_camel_case(f.python_name)): f.python_name
        for f in definition.fields
        if f.base_resolver is None
    }


def check_node(selections: Sequence[Selection], labels: Sequence[str], depth: int = 0) -> None:
    """Raise Ineligible unless ``node_json`` can write this selection from a look-ahead read alone.

    Checked before the read, so an operation the executor must run is read once, by the executor.
    """
    for label in labels:
        for f in _fields(selections, label):
            if f.name == "__typename" or f.name in _plain_fields(label):
                continue
            if (label, f.name) in lookahead.LINKS and depth < 2:
                check_node(f.selections, lookahead.LINKS[label, f.name][1], depth + 2)
            elif (label, f.name) in lookahead.LISTS and depth == 0:
                check_node(f.selections, ("Statement",), 1)
            else:
                raise Ineligible


def check_root(field: SelectedField) -> None:
    """Raise Ineligible unless the root field's whole answer can be written from its look-ahead read."""
    if field.name in ("actor", "allegation", "node"):
        labels = {"actor": ("Actor",), "allegation": ("Allegation",)}.get(field.name, lookahead.LABELS)
        check_node(field.selections, labels)
    elif field.name == "search":
        for f in _fields(field.selections, "SearchHit"):
            if f.name == "node":
                check_node(f.selections, roots.SEARCHED)
            elif f.name != "score":
                raise Ineligible
    else:
        label = roots.BY_KIND[field.name][1] if field.name in roots.BY_KIND else field.name[:-1].capitalize()
        for f in _fields(field.selections, "Connection"):
            if f.name == "edges":
                for e in _fields(f.selections, "Edge"):
                    if e.name == "node":
                        check_node(e.selections, (label,))
                    elif e.name != "cursor":
                        raise Ineligible
            elif f.name == "pageInfo":
                if any(p.name not in PAGE_INFO for p in _fields(f.selections, "PageInfo")):
                    raise Ineligible
            elif f.name != "totalCount":
                raise Ineligible


def node_json(obj: Any, selections: Sequence[Selection], depth: int = 0) -> Json:
    """One object of a look-ahead read, as the executor would write it for ``selections``."""
    label = type(obj).__name__
    out: Json = {}
    for f in _fields(selections, label):
        key = f.alias or f.name
        if f.name == "__typename":
            out[key] = label
        elif f.name in _plain_fields(label):
            out[key] = _scalar(getattr(obj, _plain_fields(label)[f.name]))
        elif (label, f.name) in lookahead.LINKS and obj.pre is not None and depth < 2:
            fetched, node = obj.pre.link(label, key)
            if not fetched:
                raise Ineligible
            if node is None:
                out[key] = None
            else:
                from actorgraph.api.types import from_tree

                out[key] = node_json(from_tree(node), f.selections, depth + 2)  # below a link: properties only
        elif (label, f.name) in lookahead.LISTS and obj.pre is not None and depth == 0:
            found = obj.pre.statements(label, key)
            if found is None:
                raise Ineligible
            out[key] = [node_json(s, f.selections, 1) for s in found]
        else:
            raise Ineligible
    return out


def connection_json(conn: Connection[Any], selections: Sequence[Selection]) -> Json:
    out: Json = {}
    for f in _fields(selections, "Connection"):
        key = f.alias or f.name
        if f.name == "totalCount":
            out[key] = conn.total_count
        elif f.name == "pageInfo":
            out[key] = {}
            for p in _fields(f.selections, "PageInfo"):
                if p.name not in PAGE_INFO:
                    raise Ineligible
                out[key][p.alias or p.name] = getattr(conn.page_info, PAGE_INFO[p.name])
        elif f.name == "edges":
            edges = []
            for edge in conn.edges:
                item: Json = {}
                for e in _fields(f.selections, "Edge"):
                    if e.name == "cursor":
                        item[e.alias or e.name] = edge.cursor
                    elif e.name == "node":
                        item[e.alias or e.name] = node_json(edge.node, e.selections)
                    else:
                        raise Ineligible
                edges.append(item)
            out[key] = edges
        else:
            raise Ineligible
    return out


def _root_json(field: SelectedField, value: Any) -> Any:
    if isinstance(value, Connection):
        return connection_json(value, field.selections)
    if isinstance(value, list):  # search hits
        out = []
        for hit in value:
            item: Json = {}
            for f in _fields(field.selections, "SearchHit"):
                if f.name == "score":
                    item[f.alias or f.name] = hit.score
                elif f.name == "node":
                    item[f.alias or f.name] = node_json(hit.node, f.selections)
                else:
                    raise Ineligible
            out.append(item)
        return out
    return None if value is None else node_json(value, field.selections)


def _graphql(schema: BaseSchema) -> GraphQLSchema:
    """graphql-core's schema under strawberry's (what the executor validates and coerces against)."""
    found: GraphQLSchema = schema._schema  # type: ignore[attr-defined]
    return found


def _operation(
    schema: BaseSchema, query: str, variables: dict[str, Any] | None, operation_name: str | None,
    max_tokens: int, rules: tuple[Any, ...], max_cost: int, default_list: int,
) -> tuple[OperationDefinitionNode, dict[str, FragmentDefinitionNode], Any]:  # fmt: skip
    """The operation to run, its fragments and coerced variables; Ineligible when the executor must speak
    (which also words a refusal: over the cost limit, say)."""
    try:
        document = _get_parse_cache(CACHED_OPERATIONS)(query, max_tokens=max_tokens)
    except GraphQLError as exc:
        raise Ineligible from exc
    if _get_validate_cache(CACHED_OPERATIONS)(_graphql(schema), document, rules):
        raise Ineligible
    operation = get_operation_ast(document, operation_name)
    if operation is None or operation.operation is not OperationType.QUERY:
        raise Ineligible
    coerced = get_variable_values(_graphql(schema), operation.variable_definitions or (), variables or {})
    if isinstance(coerced, list):
        raise Ineligible
    if query_cost(_graphql(schema), document, operation_name, variables, default_list=default_list) > max_cost:
        raise Ineligible
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    return operation, fragments, coerced


async def execute(
    schema: BaseSchema, context: Any, query: str, variables: dict[str, Any] | None, operation_name: str | None
) -> ExecutionResult | None:
    """The answer without the executor, or None when the operation needs it (then nothing was changed)."""
    settings = context.settings
    rules = (*specified_rules, *limit_rules(settings))
    try:
        operation, fragments, coerced = _operation(
            schema, query, variables, operation_name, settings.api_max_tokens, rules,
            settings.api_max_cost, settings.api_max_page_size,
        )  # fmt: skip
        info = SimpleNamespace(fragments=fragments, variable_values=coerced)
        query_type = _graphql(schema).query_type
        assert query_type is not None
        roots_asked: list[tuple[SelectedField, dict[str, Any]]] = []
        for node in operation.selection_set.selections:
            if not isinstance(node, FieldNode) or node.directives or node.name.value not in ROOTS:
                raise Ineligible
            try:  # coerced as the executor would: ints, enums, dates, the schema's defaults
                args = get_argument_values(query_type.fields[node.name.value], node, coerced)
            except GraphQLError as exc:
                raise Ineligible from exc
            if args.get("asOf") is not None:  # read as of a day: derived again, not a look-ahead read
                raise Ineligible
            selected = convert_selections(info, [node])[0]  # type: ignore[arg-type]
            assert isinstance(selected, SelectedField)
            check_root(selected)
            roots_asked.append((selected, {_snake(k): _plain(v) for k, v in args.items()}))
        if not roots_asked:
            raise Ineligible
    except Ineligible:
        return None
    if not settings.api_open_queries and not context.principal.authenticated:
        return None  # the executor's access check words the refusal
    try:
        values = await asyncio.gather(*(ROOTS[f.name](context, f.selections, a) for f, a in roots_asked))
        data = {f.alias or f.name: _root_json(f, v) for (f, _), v in zip(roots_asked, values, strict=True)}
    except Exception:
        return None
    context.operation_type = "query"
    return ExecutionResult(data=data, errors=None)


__all__ = ["ROOTS", "execute"]
