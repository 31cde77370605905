"""Who is calling: an API key (``X-API-Key``) or a bearer token (HS256 JWT with a ``roles`` claim).

Queries are open unless ``ACTORGRAPH_API_OPEN_QUERIES=false``; mutations need the ``editor`` role
(every API key has it). Keys are compared in constant time — digests of equal length, every known
key compared, whichever matches — and never logged. Tokens are checked strictly: the algorithm is
pinned to HS256 (a token naming ``none`` or RS256 is refused), ``exp`` is required (a stolen token
must expire), and ``aud``/``iss`` are required when ``ACTORGRAPH_API_JWT_AUDIENCE``/``_ISSUER`` are set.
The reason a credential failed names the rule, never the token or the key.

Whom the history names (``Principal.name``): a key configured as ``NAME:SECRET`` by its name (the
client sends only the secret), any other key by ``key-`` and the first 8 hex digits of its SHA-256
(safe to show: it identifies, it does not reveal); a token by its ``sub`` claim.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

import jwt
from starlette.requests import HTTPConnection

from actorgraph.api.errors import FORBIDDEN, UNAUTHENTICATED, CodedError
from actorgraph.settings import Settings

EDITOR = "editor"
ALGORITHM = "HS256"


@dataclass(frozen=True)
class Principal:
    """The caller: ``authenticated`` with ``roles``, or anonymous; ``problem`` says why a credential failed."""

    authenticated: bool
    roles: frozenset[str]
    problem: str | None = None
    #: Whom the audit records of this caller's changes name.
    name: str = "anonymous"


ANONYMOUS = Principal(False, frozenset())


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode()).digest()


def _named(configured: str) -> tuple[str, str]:
    """(name, secret) of a configured key: ``NAME:SECRET``, or a bare secret named by its digest.

    >>> _named("ci:s3cret")
    ('ci', 's3cret')
    >>> _named("s3cret")[0]
    'key-1ec1c26b'
    """
    name, sep, secret = configured.partition(":")
    if sep and name and secret:
        return name, secret
    return "key-" + _digest(configured).hex()[:8], configured


def key_name(key: str, settings: Settings) -> str | None:
    """The name of ``key`` if it is one of the API keys; the time taken depends on neither the key nor which matched."""
    given = _digest(key)
    found: str | None = None
    for known in settings.api_keys:
        name, secret = _named(known.get_secret_value())
        if hmac.compare_digest(given, _digest(secret)):
            found = name
    return found


def key_is_known(key: str, settings: Settings) -> bool:
    return key_name(key, settings) is not None


def _token_principal(token: str, settings: Settings) -> Principal:
    if settings.api_jwt_secret is None:
        return Principal(False, frozenset(), "bearer tokens are not enabled (set ACTORGRAPH_API_JWT_SECRET)")
    try:
        claims = jwt.decode(
            token,
            settings.api_jwt_secret.get_secret_value(),
            algorithms=[ALGORITHM],
            audience=settings.api_jwt_audience,
            issuer=settings.api_jwt_issuer,
            options={"require": ["exp"] + (["aud"] if settings.api_jwt_audience else [])
                     + (["iss"] if settings.api_jwt_issuer else [])},
        )  # fmt: skip
    except jwt.MissingRequiredClaimError as exc:
        return Principal(False, frozenset(), f"the bearer token lacks the {exc.claim!r} claim it must carry")
    except jwt.ExpiredSignatureError:
        return Principal(False, frozenset(), "the bearer token has expired: get a new one")
    except jwt.PyJWTError as exc:
        return Principal(False, frozenset(), f"the bearer token is not valid ({type(exc).__name__})")
    roles = claims.get("roles", [])
    sub = claims.get("sub")
    return Principal(
        True,
        frozenset(r for r in roles if isinstance(r, str)) if isinstance(roles, list) else frozenset(),
        name=f"token:{sub}" if isinstance(sub, str) and sub else "token (no sub)",
    )


def authenticate(request: HTTPConnection, settings: Settings) -> Principal:
    key = request.headers.get("x-api-key")
    if key is not None:
        name = key_name(key, settings)
        if name is not None:
            return Principal(True, frozenset({EDITOR}), name=name)
        return Principal(False, frozenset(), "the API key is not valid")
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return _token_principal(header[7:].strip(), settings)
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
