"""No secret ever appears in logs, error messages or ``/readyz``: the API runs in its own process with
known secrets, every kind of error is driven at it, and every byte it answered or logged is searched.

Secrets: the Neo4j password (right, and wrong in a second process so the driver's auth error is
driven too), the API key, the JWT secret, and the bearer tokens and keys the callers sent.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import jwt
from neo4j import Driver

from actorgraph.errors import Neo4jAuthError
from actorgraph.settings import Settings
from actorgraph.store.core import Store, open_driver
from bench.served import API_KEY, api_process
from tests.support.cli import run_cli
from tests.support.http import free_port

JWT_SECRET = "jwt-secret-that-must-never-leak-4242"
WRONG_PASSWORD = "wrong-neo4j-password-that-must-never-leak"
NEAR_KEY = API_KEY[:-1] + "X"


def _token(claims: dict[str, object], secret: str = JWT_SECRET, algorithm: str = "HS256") -> str:
    return jwt.encode(claims, secret, algorithm=algorithm)


def _drive_errors(url: str) -> list[str]:
    """Every kind of request that ends in an error (and a few that succeed); the raw responses."""
    later = int(time.time()) + 600
    tokens = [
        _token({"roles": ["editor"], "exp": later}),
        _token({"roles": ["editor"]}),  # no exp
        _token({"roles": ["editor"], "exp": int(time.time()) - 5}),  # expired
        _token({"roles": ["editor"], "exp": later}, secret="another-secret-of-enough-length-000"),
        _token({"roles": ["viewer"], "exp": later}),
        "not.a.token",
    ]
    requests: list[tuple[str, dict[str, str]]] = [
        ('mutation { createActor(input: {id: "s1", name: "S", kind: PERSON}) { id } }', {"X-API-Key": API_KEY}),
        ('mutation { createActor(input: {id: "s1", name: "S", kind: PERSON}) { id } }', {"X-API-Key": API_KEY}),
        ('mutation { addAlias(actorId: "s1", alias: "x") { id } }', {"X-API-Key": NEAR_KEY}),
        ('mutation { addAlias(actorId: "nobody", alias: "x") { id } }', {"X-API-Key": API_KEY}),
        ("{ actors { nosuchfield } }", {}),
        ("{ actors(first: 100000) { totalCount } }", {}),
        ("{ actors ", {}),
        ('{ search(text: ") OR 1=1 //") { score } }', {}),
    ]
    requests += [('mutation { addAlias(actorId: "s1", alias: "y") { id } }', {"Authorization": f"Bearer {t}"})
                 for t in tokens]  # fmt: skip
    out = []
    for query, headers in requests:
        response = httpx.post(f"{url}/graphql", json={"query": query}, headers=headers, timeout=30)
        out.append(f"{response.status_code} {dict(response.headers)} {response.text}")
    for path in ("/readyz", "/healthz", "/graphql?query=%7B__typename%7D"):
        response = httpx.get(f"{url}{path}", timeout=30)
        out.append(f"{response.status_code} {dict(response.headers)} {response.text}")
    return out


def test_no_secret_in_responses_logs_or_readyz(settings: Settings, driver: Driver, tmp_path: Path) -> None:
    password = settings.neo4j_password.get_secret_value()
    env = {"ACTORGRAPH_API_JWT_SECRET": JWT_SECRET, "ACTORGRAPH_API_OPEN_QUERIES": "true"}
    seen: list[str] = []
    with api_process(free_port(), tmp_path / "api.log", env) as api:
        seen += _drive_errors(api.url)
    bad_env = {**env, "NEO4J_PASSWORD": WRONG_PASSWORD}
    with api_process(free_port(), tmp_path / "api-bad-password.log", bad_env, ready="/healthz") as api:
        responses = _drive_errors(api.url)
        assert any('"UNAVAILABLE"' in r for r in responses)  # the auth failure was really driven
        assert any(r.startswith("503") and "unavailable" in r for r in responses)  # /readyz
        seen += responses
    cli = run_cli("db", "check", env={"NEO4J_PASSWORD": WRONG_PASSWORD})
    assert cli.returncode != 0 and "refused the password" in cli.stderr
    seen += [cli.stdout, cli.stderr]
    logs = [(tmp_path / name).read_text(errors="replace") for name in ("api.log", "api-bad-password.log")]
    everything = "\n".join(seen + logs)
    assert "UNAUTHENTICATED" in everything and "BAD_USER_INPUT" in everything
    for secret in (password, WRONG_PASSWORD, API_KEY, NEAR_KEY, JWT_SECRET, "another-secret-of-enough-length-000"):
        assert secret not in everything, f"a secret leaked: {secret[:4]}..."
    for token_part in (t.split(".")[-1] for t in (_token({"roles": ["editor"]}),)):
        assert token_part not in everything
    _wait_for_the_user_to_unlock(settings)


def _wait_for_the_user_to_unlock(settings: Settings) -> None:
    """Wrong passwords lock the Neo4j user for a few seconds (AuthenticationRateLimit): wait it out, so the
    next test's new connections are not refused."""
    deadline = time.monotonic() + 30
    while True:
        fresh = open_driver(settings)
        try:
            Store(fresh, settings).ping()
            return
        except Neo4jAuthError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)
        finally:
            fresh.close()
