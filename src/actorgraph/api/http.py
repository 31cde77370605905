"""GraphQL over HTTP as the spec asks: the ``application/graphql-response+json`` media type, and no
schema hints in error messages when suggestions are switched off.

Modern clients send ``Accept: application/graphql-response+json``. For them a request that never
reached execution — a document that does not parse or validate, variables that do not coerce, a
limit refused — is a **400 without** ``data``, so a client (or a proxy) can tell "your request is
wrong" from "a field failed" by the status alone. Clients that accept only ``application/json`` keep
the legacy behaviour (200 for every well-formed request), as the spec requires.

Suggestions ("Did you mean 'fromId'?") describe the schema to anyone who mistypes; deployments that
hide the schema (``ACTORGRAPH_API_INTROSPECTION=false``) hide them too.
"""

from __future__ import annotations

import json
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from strawberry.fastapi import GraphQLRouter
from strawberry.types.unset import UNSET

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def wants_graphql_response_json(accept: str) -> bool:
    """True when the Accept header prefers ``application/graphql-response+json`` to ``application/json``.

    >>> wants_graphql_response_json("application/graphql-response+json, application/json;q=0.9")
    True
    >>> wants_graphql_response_json("application/json"), wants_graphql_response_json("*/*")
    (False, False)
    """
    weights: dict[str, float] = {}
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        weights[media.lower()] = max(q, weights.get(media.lower(), 0.0))
    ours = weights.get(GRAPHQL_RESPONSE_JSON, 0.0)
    return ours > 0 and ours >= weights.get(JSON, 0.0)


def is_request_error(body: dict[str, Any]) -> bool:
    """A result of a request that never executed: errors, no data, and no error on a field path."""
    errors = body.get("errors") or []
    return bool(errors) and body.get("data") is None and not any(e.get("path") for e in errors)


def without_suggestions(message: str) -> str:
    """The message minus graphql-core's "Did you mean ...?" hints.

    >>> without_suggestions("Unknown argument 'from' on field 'Query.paths'. Did you mean 'fromId'?")
    "Unknown argument 'from' on field 'Query.paths'."
    """
    return _SUGGESTION.sub("", message)


class SpecRouter(GraphQLRouter[Any, Any]):
    """Strawberry's router with the media types of the GraphQL-over-HTTP spec and switchable suggestions."""

    def __init__(self, *args: Any, suggestions: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.suggestions = suggestions

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        response = await super().run(request, context=context, root_value=root_value)
        if not isinstance(request, Request) or not isinstance(response, Response):
            return response  # a websocket, or GraphiQL's page
        modern = wants_graphql_response_json(request.headers.get("accept", ""))
        if response.media_type != JSON:
            return response
        if b'"errors"' not in response.body or (not modern and self.suggestions):
            if modern:
                response.headers["content-type"] = GRAPHQL_RESPONSE_JSON
            return response
        return self._rewrite(response, modern)

    def _rewrite(self, response: Response, modern: bool) -> Response:
        body = json.loads(bytes(response.body))
        status = response.status_code
        if isinstance(body, dict):
            if not self.suggestions:
                for error in body.get("errors") or ():
                    error["message"] = without_suggestions(str(error.get("message", "")))
            if modern and is_request_error(body):
                body.pop("data", None)
                status = 400
        headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length", "content-type")}
        return Response(
            json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(),
            status_code=status,
            headers=headers,
            media_type=GRAPHQL_RESPONSE_JSON if modern else JSON,
        )


__all__ = ["GRAPHQL_RESPONSE_JSON", "SpecRouter", "is_request_error", "wants_graphql_response_json"]
