"""Ids and name keys: deterministic, so re-running a load converges on the same nodes.

A dossier gives readable slugs for actors, events and sources. Allegations and statements get ids
hashed from their natural keys, so the same proposition recorded by two dossiers is one
``Allegation`` node with two accounts, which is what lets accounts agree or clash.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_.:-]{0,127}$"
_SLUG = re.compile(SLUG_PATTERN)


def is_slug(value: str) -> bool:
    return bool(_SLUG.match(value))


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Case-, diacritics-, punctuation- and whitespace-insensitive key for alias resolution.

    >>> name_key("  Légion  'Freedom of Russia' ")
    'legion freedom of russia'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.findall(r"\w+", stripped.casefold())
    return " ".join(words)


def hashed_id(prefix: str, *parts: str) -> str:
    """``prefix_`` + 16 hex chars of SHA-256 over the parts (joined with an unambiguous separator)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}_{digest}"


def allegation_id(subject: str, predicate: str, obj: str) -> str:
    """The id of the proposition *subject predicate object*, the same in every dossier."""
    return hashed_id("alg", subject, predicate, obj)


def statement_id(source: str, speaker: str, allegation: str, stance: str, start: int) -> str:
    """The id of one speaker's act of affirming or denying an allegation at one place in a source."""
    return hashed_id("stm", source, speaker, allegation, stance, str(start))
