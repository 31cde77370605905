"""Schemathesis hooks for ``make fuzz`` (``SCHEMATHESIS_HOOKS=tests.fuzz.hooks``): our response contract
as a check, next to schemathesis' own ``not_a_server_error``."""

from __future__ import annotations

from typing import Any

import schemathesis

from tests.support.fuzz import contract_violation, register_id_strategy


@schemathesis.check
def actorgraph_contract(ctx: Any, response: Any, case: Any) -> bool | None:
    """No 5xx, no INTERNAL_SERVER_ERROR, a documented code on every error, no leaked internals."""
    problem = contract_violation(response.status_code, response.content)
    if problem is not None:
        raise AssertionError(problem)
    return None


register_id_strategy()
