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


def limit_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Extension factories enforcing the settings' limits, with parser and validation caches."""
    rules = [
        *QueryDepthLimiter(max_depth=settings.api_max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.api_max_aliases).validation_rules,
    ]
    return [
        lambda: MaxTokensLimiter(max_token_count=settings.api_max_tokens),  # a parse option: part of the cache key
        lambda: ParserCache(maxsize=CACHED_OPERATIONS),
        lambda: AddValidationRules(rules),
        lambda: ValidationCache(maxsize=CACHED_OPERATIONS),
    ]


__all__ = ["CACHED_OPERATIONS", "limit_extensions"]
