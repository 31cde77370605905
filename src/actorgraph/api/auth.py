"""Who is calling: an API key (``X-API-Key``) or a bearer token (HS256 JWT with a ``roles`` claim).

Queries are open unless ``ACTORGRAPH_API_OPEN_QUERIES=false``; mutations need the ``editor`` role
(every API key has it). Keys are compared in constant time and never logged.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

import jwt
from starlette.requests import HTTPConnection

from actorgraph.api.errors import FORBIDDEN, UNAUTHENTICATED, CodedError
from actorgraph.settings import Settings

EDITOR = "editor"


@dataclass(frozen=True)
class Principal:
    """The caller: ``authenticated`` with ``roles``, or anonymous; ``problem`` says why a credential failed."""

    authenticated: bool
    roles: frozenset[str]
    problem: str | None = None


ANONYMOUS = Principal(False, frozenset())


def authenticate(request: HTTPConnection, settings: Settings) -> Principal:
    key = request.headers.get("x-api-key")
    if key is not None:
        for known in settings.api_keys:
            if hmac.compare_digest(key.encode(), known.get_secret_value().encode()):
                return Principal(True, frozenset({EDITOR}))
        return Principal(False, frozenset(), "the API key is not valid")
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        if settings.api_jwt_secret is None:
            return Principal(False, frozenset(), "bearer tokens are not enabled (set ACTORGRAPH_API_JWT_SECRET)")
        try:
            claims = jwt.decode(header[7:].strip(), settings.api_jwt_secret.get_secret_value(), algorithms=["HS256"])
        except jwt.PyJWTError as exc:
            return Principal(False, frozenset(), f"the bearer token is not valid ({type(exc).__name__})")
        roles = claims.get("roles", [])
        return Principal(
            True, frozenset(r for r in roles if isinstance(r, str)) if isinstance(roles, list) else frozenset()
        )
    return ANONYMOUS


def require_reader(principal: Principal, settings: Settings) -> None:
    if settings.api_open_queries or principal.authenticated:
        return
    raise CodedError(principal.problem or "queries need an API key or a bearer token", UNAUTHENTICATED)


def require_editor(principal: Principal) -> None:
    if not principal.authenticated:
        raise CodedError(
            principal.problem or "mutations need an API key (X-API-Key) or a bearer token with the editor role",
            UNAUTHENTICATED,
        )
    if EDITOR not in principal.roles:
        raise CodedError("this token lacks the editor role that mutations need", FORBIDDEN)
