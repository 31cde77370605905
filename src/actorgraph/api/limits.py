"""Limits that keep one request from costing the graph more than a request should: body size, query cost,
and whether the schema describes itself (introspection).

Depth, alias and token limits (strawberry's extensions, in ``schema.py``) bound the *shape* of a
document, but not what it asks for: ``actors(first: 100) { edges { node { statements(limit: 100) {
allegation { statements(limit: 100) { id } } } } } }`` is shallow and short, yet asks for a million
rows. The **cost** counts the items a query may resolve — every field once per item of every list
above it, a list counting as its page size (``first``/``last``/``limit``, or its default) — and a
request over ``ACTORGRAPH_API_MAX_COST`` is refused before anything runs. The **body size** is
checked before the body is parsed at all. Each refusal is ``BAD_USER_INPUT`` with the setting to
raise, so a caller knows what happened and an operator knows what to change.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLList,
    GraphQLNamedType,
    GraphQLSchema,
    InlineFragmentNode,
    NoSchemaIntrospectionCustomRule,
    SelectionSetNode,
    get_named_type,
    get_nullable_type,
    get_operation_ast,
    value_from_ast,
)
from graphql.pyutils import Undefined
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import AddValidationRules
from strawberry.extensions.base_extension import SchemaExtension

from actorgraph.api.errors import BAD_USER_INPUT, CodedError
from actorgraph.settings import Settings

#: Arguments that say how many items a list field returns.
SIZE_ARGUMENTS = ("first", "last", "limit")
#: What a connection returns when neither ``first`` nor ``last`` is given (``connections.window``).
DEFAULT_CONNECTION_PAGE = 20


# --- query cost -------------------------------------------------------------------------------------


def _size_argument(field: GraphQLField, node: FieldNode, variables: dict[str, Any]) -> int | None:
    given = {arg.name.value: arg.value for arg in node.arguments or ()}
    for name in SIZE_ARGUMENTS:
        arg = field.args.get(name)
        if arg is None:
            continue
        value: Any = Undefined
        if name in given:
            value = value_from_ast(given[name], arg.type, variables)
        elif arg.default_value is not Undefined:
            value = arg.default_value
        if isinstance(value, int) and value >= 0:
            return value
    return None


def _items(
    field: GraphQLField, node: FieldNode, parent: GraphQLNamedType, variables: dict[str, Any], default: int
) -> int:
    """How many items a field stands for under one parent: its page size if it is a list or a connection."""
    named = get_named_type(field.type)
    size = _size_argument(field, node, variables)
    if named.name.endswith("Connection"):
        return size if size is not None else min(DEFAULT_CONNECTION_PAGE, default)
    if isinstance(get_nullable_type(field.type), GraphQLList):  # type: ignore[arg-type]
        if size is not None:
            return size
        return 1 if parent.name.endswith("Connection") else default  # a connection's edges are its page
    return 1


class _Cost:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode, variables: dict[str, Any], default: int) -> None:
        self.schema = schema
        self.variables = variables
        self.default = default
        self.fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}

    def of(self, parent: GraphQLNamedType, selections: SelectionSetNode, multiplier: int, depth: int = 0) -> int:
        if depth > 64:  # validation refuses cycles and depth; this only guards the walk itself
            return multiplier
        total = 0
        for sel in selections.selections:
            if isinstance(sel, FieldNode):
                total += multiplier
                fields = getattr(parent, "fields", {})
                field = fields.get(sel.name.value)
                if field is None or sel.selection_set is None:
                    continue  # a scalar, or __typename and other meta fields
                inner = multiplier * _items(field, sel, parent, self.variables, self.default)
                total += self.of(get_named_type(field.type), sel.selection_set, inner, depth + 1)
            elif isinstance(sel, InlineFragmentNode):
                target = self._type(sel.type_condition.name.value) if sel.type_condition else parent
                total += self.of(target or parent, sel.selection_set, multiplier, depth + 1)
            elif isinstance(sel, FragmentSpreadNode) and sel.name.value in self.fragments:
                frag = self.fragments[sel.name.value]
                target = self._type(frag.type_condition.name.value)
                total += self.of(target or parent, frag.selection_set, multiplier, depth + 1)
        return total

    def _type(self, name: str) -> GraphQLNamedType | None:
        return self.schema.get_type(name)


def query_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None = None,
    variables: dict[str, Any] | None = None,
    *,
    default_list: int = 100,
) -> int:
    """The items an operation may resolve: each field counts once per item of every list above it.

    ``default_list`` is what a list without a size argument counts as (the page-size limit).
    """
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    return _Cost(schema, document, variables or {}, default_list).of(root, operation.selection_set, 1)


class CostLimit(SchemaExtension):
    """Refuse, before execution, an operation whose :func:`query_cost` exceeds ``ACTORGRAPH_API_MAX_COST``."""

    def __init__(self, *, max_cost: int, default_list: int) -> None:
        self.max_cost = max_cost
        self.default_list = default_list

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.graphql_document is not None:
            cost = query_cost(
                ctx.schema._schema, ctx.graphql_document, ctx.operation_name, ctx.variables,
                default_list=self.default_list,
            )  # fmt: skip
            if cost > self.max_cost:
                raise CodedError(
                    f"the query may resolve {cost:,} items, more than the limit of {self.max_cost:,} "
                    "(ACTORGRAPH_API_MAX_COST): ask for smaller pages or fewer nested lists",
                    BAD_USER_INPUT,
                    cost=cost,
                    maxCost=self.max_cost,
                )
        yield


def extensions(settings: Settings) -> list[Any]:
    """The schema extensions of this module, as ``build_schema`` switches them on."""
    out: list[Any] = [
        lambda: CostLimit(max_cost=settings.api_max_cost, default_list=settings.api_max_page_size),
    ]
    if not settings.api_introspection:
        out.append(lambda: AddValidationRules([NoSchemaIntrospectionCustomRule]))
    return out


# --- request body size --------------------------------------------------------------------------------


class BodySizeLimit:
    """ASGI middleware: a request body over ``max_bytes`` is answered 413 before anything parses it.

    A declared ``Content-Length`` over the limit is refused at once; a body sent without one (chunked)
    is counted as it arrives and refused when it passes the limit, so neither way lets a client make
    the server hold more than the limit in memory.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        message = (
            f"the request body is larger than {self.max_bytes:,} bytes (ACTORGRAPH_API_MAX_BODY_BYTES): "
            "send a smaller document, or pass large values as variables of several requests"
        )
        body = json.dumps({"errors": [{"message": message, "extensions": {"code": BAD_USER_INPUT}}]}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


__all__ = ["BodySizeLimit", "CostLimit", "extensions", "query_cost"]
