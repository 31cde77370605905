"""What SECURITY.md promises about credentials and limits, checked over real HTTP (and the store's door)."""

from __future__ import annotations

import time

import jwt
import pytest
from neo4j import Driver
from pydantic import SecretStr

from actorgraph.api.auth import key_is_known
from actorgraph.errors import ConfigError
from actorgraph.settings import Settings
from actorgraph.store.core import open_driver
from tests.support.http import JWT_SECRET, Server, api_settings, post

CREATE = 'mutation { createActor(input: {id: "x-actor", name: "X", kind: PERSON}) { id } }'


def _bearer(claims: dict[str, object], secret: str = JWT_SECRET, algorithm: str = "HS256") -> dict[str, str]:
    return {"Authorization": "Bearer " + jwt.encode(claims, secret, algorithm=algorithm)}


def _error(body: dict[str, object]) -> tuple[str, str]:
    errors = body["errors"]
    assert isinstance(errors, list)
    return str(errors[0]["extensions"]["code"]), str(errors[0]["message"])


def test_bearer_tokens_must_expire_and_use_the_pinned_algorithm(settings: Settings, driver: Driver) -> None:
    later = int(time.time()) + 600
    with Server(api_settings(settings)) as srv:
        assert _error(post(srv.url, CREATE, headers=_bearer({"roles": ["editor"]})).json()) == (
            "UNAUTHENTICATED",
            "the bearer token lacks the 'exp' claim it must carry",
        )
        expired = _bearer({"roles": ["editor"], "exp": int(time.time()) - 60})
        assert _error(post(srv.url, CREATE, headers=expired).json())[1] == "the bearer token has expired: get a new one"
        unsigned = {
            "Authorization": "Bearer " + jwt.encode({"roles": ["editor"], "exp": later}, None, algorithm="none")
        }
        assert _error(post(srv.url, CREATE, headers=unsigned).json())[0] == "UNAUTHENTICATED"
        hs512 = _bearer({"roles": ["editor"], "exp": later}, algorithm="HS512")
        assert _error(post(srv.url, CREATE, headers=hs512).json())[0] == "UNAUTHENTICATED"
        ok = post(srv.url, CREATE, headers=_bearer({"roles": ["editor"], "exp": later})).json()
        assert ok["data"] == {"createActor": {"id": "x-actor"}}, ok


def test_audience_and_issuer_are_checked_when_set(settings: Settings, driver: Driver) -> None:
    later = int(time.time()) + 600
    strict = api_settings(settings, api_jwt_audience="actorgraph", api_jwt_issuer="https://idp.test")
    good = {"roles": ["editor"], "exp": later, "aud": "actorgraph", "iss": "https://idp.test"}
    with Server(strict) as srv:
        for claims, fragment in [
            ({**good, "aud": "another-app"}, "InvalidAudienceError"),
            ({**good, "iss": "https://evil.test"}, "InvalidIssuerError"),
            ({k: v for k, v in good.items() if k != "aud"}, "'aud'"),
            ({k: v for k, v in good.items() if k != "iss"}, "'iss'"),
        ]:
            code, message = _error(post(srv.url, CREATE, headers=_bearer(claims)).json())
            assert code == "UNAUTHENTICATED" and fragment in message, (claims, message)
        assert post(srv.url, CREATE, headers=_bearer(good)).json()["data"] == {"createActor": {"id": "x-actor"}}


def test_api_keys_compare_whole_digests(settings: Settings) -> None:
    keys = api_settings(settings, api_keys=["first-key-abcdef", "second-key-123456"])
    assert key_is_known("second-key-123456", keys) and key_is_known("first-key-abcdef", keys)
    for wrong in ("", "second-key-12345", "second-key-1234567", "SECOND-KEY-123456", "first-key-abcdef "):
        assert not key_is_known(wrong, keys)


def test_a_remote_server_with_the_default_password_is_refused(settings: Settings) -> None:
    remote = settings.model_copy(
        update={"neo4j_uri": "neo4j://graph.example.org:7687", "neo4j_password": SecretStr("actorgraph")}
    )
    with pytest.raises(ConfigError, match="published default: set NEO4J_PASSWORD") as info:
        open_driver(remote)
    assert "actorgraph'" not in str(info.value)  # the error names the rule, not the password
    open_driver(remote.model_copy(update={"neo4j_password": SecretStr("a-real-password")})).close()
    open_driver(settings.model_copy(update={"neo4j_password": SecretStr("actorgraph")})).close()  # loopback: fine


COST_QUERY = """{ actors(first: %d) { edges { node { statements(limit: %d) {
    allegation { statements(limit: %d) { id quote } } } } } } }"""


def test_query_cost_limit_multiplies_page_sizes_through_nesting(settings: Settings, driver: Driver) -> None:
    with Server(api_settings(settings, api_max_cost=5_000)) as srv:
        small = post(srv.url, COST_QUERY % (5, 5, 5)).json()
        assert "errors" not in small, small
        big = post(srv.url, COST_QUERY % (60, 60, 60)).json()
        code, message = _error(big)
        assert code == "BAD_USER_INPUT" and "ACTORGRAPH_API_MAX_COST" in message
        assert big["errors"][0]["extensions"]["cost"] > 5_000
        variables = post(
            srv.url,
            "query($n: Int!) { actors(first: $n) { edges { node { statements(limit: $n) { "
            "allegation { statements(limit: $n) { id } } } } } } }",
            {"n": 60},
        ).json()
        code, message = _error(variables)
        assert code == "BAD_USER_INPUT" and "ACTORGRAPH_API_MAX_COST" in message  # sizes as variables count the same
        # a query the compiled fast path answers whole (api/fastpath.py) is held to the same limit
        fast = post(srv.url, "{ allegations(first: 100) { edges { node { id statements(limit: 100) { id stance "
                    "speaker { id name } } } } } }").json()  # fmt: skip
        code, message = _error(fast)
        assert code == "BAD_USER_INPUT" and "ACTORGRAPH_API_MAX_COST" in message
