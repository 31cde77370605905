"""Limits that keep one request from costing the graph more than a request should.

Depth, alias and token limits bound the *shape* of a document, but not what it asks for:
``actors(first: 100) { edges { node { statements(limit: 100) { allegation { statements(limit: 100)
{ id } } } } } }`` is shallow and short, yet asks for a million rows. The **cost** counts the items a
query may resolve — every field once per item of every list above it, a list counting as its page size
(``first``/``last``/``limit``, or its default) — and a request over ``ACTORGRAPH_API_MAX_COST`` is
refused before anything runs, as ``BAD_USER_INPUT`` naming the setting to raise. With
``ACTORGRAPH_API_INTROSPECTION=false`` the schema stops describing itself (introspection is a
validation error). The body size is bounded earlier, in ``body_limit.py``.

The rules are built once per process: strawberry's ``QueryDepthLimiter`` and ``MaxAliasesLimiter`` make
a new validation-rule class each time they are constructed, and extensions are constructed for every
request, so the rules never compared equal and validation (43% of a request's Python time in issue 13's
profile) could never be cached. Here parsing and validation go through strawberry's LRU caches, keyed by
the document and these same rule classes: a repeated operation is parsed and validated once, and the
limits still hold for every new one. The compiled fast path (``fastpath.py``) validates with the same
rules and checks the same cost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from graphql import (
    ASTValidationRule,
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
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.extensions.base_extension import SchemaExtension

from actorgraph.api.errors import BAD_USER_INPUT, CodedError
from actorgraph.settings import Settings

#: Distinct operations remembered by the parser and validation caches (bounded: query texts are input).
CACHED_OPERATIONS = 512

#: Arguments that say how many items a list field returns.
SIZE_ARGUMENTS = ("first", "last", "limit")
#: What a connection returns when neither ``first`` nor ``last`` is given (``connections.window``).
DEFAULT_CONNECTION_PAGE = 20


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
                raise cost_error(cost, self.max_cost)
        yield


def cost_error(cost: int, max_cost: int) -> CodedError:
    """The refusal of an operation over the cost limit (one wording for both execution paths)."""
    return CodedError(
        f"the query may resolve {cost:,} items, more than the limit of {max_cost:,} "
        "(ACTORGRAPH_API_MAX_COST): ask for smaller pages or fewer nested lists",
        BAD_USER_INPUT,
        cost=cost,
        maxCost=max_cost,
    )


@cache
def _rules(max_depth: int, max_aliases: int, introspection: bool) -> tuple[type[ASTValidationRule], ...]:
    return (
        *QueryDepthLimiter(max_depth=max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules,
        *(() if introspection else (NoSchemaIntrospectionCustomRule,)),
    )


def limit_rules(settings: Settings) -> tuple[type[ASTValidationRule], ...]:
    """The depth, alias (and no-introspection) rules: the same classes every time (so validation caches hit)."""
    return _rules(settings.api_max_depth, settings.api_max_aliases, settings.api_introspection)


def limit_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Extension factories enforcing the settings' limits, with parser and validation caches."""
    rules = list(limit_rules(settings))
    return [
        lambda: MaxTokensLimiter(max_token_count=settings.api_max_tokens),  # a parse option: part of the cache key
        lambda: ParserCache(maxsize=CACHED_OPERATIONS),
        lambda: AddValidationRules(rules),
        lambda: ValidationCache(maxsize=CACHED_OPERATIONS),
        lambda: CostLimit(max_cost=settings.api_max_cost, default_list=settings.api_max_page_size),
    ]


__all__ = ["CACHED_OPERATIONS", "CostLimit", "cost_error", "limit_extensions", "limit_rules", "query_cost"]
