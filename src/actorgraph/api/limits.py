"""The query limits (depth, aliases, tokens) as schema extensions whose rules are built once per process.

strawberry's ``QueryDepthLimiter`` and ``MaxAliasesLimiter`` make a new validation-rule class each time
they are constructed, and extensions are constructed for every request: the rules never compare equal,
so validation (43% of a request's Python time in issue 13's profile) could never be cached. Here the rule
classes are made once, when the schema is built, and parsing and validation go through strawberry's LRU
caches, keyed by the document and these same rules: a repeated operation is parsed and validated once,
and the limits still hold for every new one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from graphql import ASTValidationRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.extensions.base_extension import SchemaExtension

from actorgraph.settings import Settings

#: Distinct operations remembered by the parser and validation caches (bounded: query texts are input).
CACHED_OPERATIONS = 512


@cache
def _rules(max_depth: int, max_aliases: int) -> tuple[type[ASTValidationRule], ...]:
    return (
        *QueryDepthLimiter(max_depth=max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules,
    )


def limit_rules(settings: Settings) -> tuple[type[ASTValidationRule], ...]:
    """The depth and alias rules for these limits: the same classes every time (so validation caches hit)."""
    return _rules(settings.api_max_depth, settings.api_max_aliases)


def limit_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Extension factories enforcing the settings' limits, with parser and validation caches."""
    rules = list(limit_rules(settings))
    return [
        lambda: MaxTokensLimiter(max_token_count=settings.api_max_tokens),  # a parse option: part of the cache key
        lambda: ParserCache(maxsize=CACHED_OPERATIONS),
        lambda: AddValidationRules(rules),
        lambda: ValidationCache(maxsize=CACHED_OPERATIONS),
    ]


__all__ = ["CACHED_OPERATIONS", "limit_extensions", "limit_rules"]
