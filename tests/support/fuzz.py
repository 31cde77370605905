"""The contract every response of the API keeps, whatever the input: what the fuzzers check.

- never a 5xx, never ``INTERNAL_SERVER_ERROR`` (our own failure);
- every GraphQL error carries one of the documented codes, so a refusal of input the schema allowed
  (an id that does not exist, a page size over the limit) says BAD_USER_INPUT or NOT_FOUND, never
  nothing and never a crash;
- no error message leaks a traceback or the database's address.

Shared by the in-process pytest fuzzing (``tests/api/test_fuzz.py``) and ``make fuzz`` (``st run``
with ``tests/fuzz/hooks.py``).
"""

from __future__ import annotations

import json
from typing import Any

CODES = frozenset({"BAD_USER_INPUT", "NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN", "UNAVAILABLE"})
LEAKS = ("Traceback", "bolt://", "neo4j://", 'File "', "neo4j.exceptions")


def contract_violation(status: int, content: bytes) -> str | None:
    """What is wrong with one response, or None when it keeps the contract."""
    if status >= 500:
        return f"HTTP {status}"
    if status == 413:
        return None
    try:
        body: Any = json.loads(content)
    except ValueError:
        return None if status == 400 else f"HTTP {status} with a body that is not JSON"
    errors = body.get("errors") if isinstance(body, dict) else None
    for error in errors or ():
        code = (error.get("extensions") or {}).get("code")
        message = str(error.get("message", ""))
        if code not in CODES:
            return f"an error with code {code!r}: {message[:200]}"
        if any(leak in message for leak in LEAKS):
            return f"an error message leaks internals: {message[:200]}"
    return None


def seed_ids() -> list[str]:
    """Ids of the seed's actors, events, sources and allegations: generated ids that hit real nodes."""
    from actorgraph.ingest.read import read_dossiers
    from actorgraph.model.ids import allegation_id
    from tests.support.paths import SEED

    ids: list[str] = []
    for prepared in read_dossiers([SEED]):
        d = prepared.dossier
        ids += [a.id for a in d.actors] + [e.id for e in d.events] + [d.source.id]
        ids += [allegation_id(a.subject, a.predicate.value, a.object) for a in d.allegations]
    return sorted(set(ids))


def register_id_strategy() -> None:
    """Generate ``ID`` values that reach the core logic: seed ids, new valid slugs, and arbitrary text.

    Left to itself the fuzzer sends random text as ids, which only ever meets "not found" or "not a
    slug"; a third of existing ids and a third of fresh slugs make mutations succeed and queries
    return data, so the rules behind them are exercised too (and ``db check`` judges what they wrote).
    """
    import schemathesis
    from hypothesis import strategies as st
    from schemathesis.graphql import nodes

    from actorgraph.model.ids import SLUG_PATTERN

    ids = st.one_of(st.sampled_from(seed_ids()), st.from_regex(SLUG_PATTERN, fullmatch=True), st.text(max_size=20))
    schemathesis.graphql.scalar("ID", ids.map(nodes.String))
