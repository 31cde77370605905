"""The FastAPI application: ``/graphql`` (GraphiQL in a browser), ``/healthz``, ``/readyz``.

The lifespan owns the store (the one door to Neo4j, with the API's transaction timeout); each
GraphQL request gets a fresh context (caller, a store scoped to the request, DataLoaders). Every
response says how many Cypher round trips it took — reads, analytics and mutations alike — in the
``X-Actorgraph-Cypher-Queries`` header and in ``extensions.cypherQueries``.

A mutation's answer carries the bookmark of its transaction (``extensions.bookmark`` and the
``X-Actorgraph-Bookmark`` header); a client that sends that header back has its reads wait for the
transaction, so it reads its own writes even from another member of a cluster. Repeated anonymous reads
are served by the response cache (``api/response_cache.py``) until the graph changes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from graphql import ExecutionResult
from starlette.requests import HTTPConnection
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult as StrawberryResult

from actorgraph.api import fastpath
from actorgraph.api.auth import authenticate
from actorgraph.api.context import Context
from actorgraph.api.errors import format_error
from actorgraph.api.response_cache import CACHEABLE_HEADER, CacheMiddleware
from actorgraph.api.schema import build_schema
from actorgraph.api.web import mount_web
from actorgraph.errors import ActorgraphError
from actorgraph.settings import Settings, get_settings
from actorgraph.store.core import Store

ROUND_TRIPS_HEADER = "X-Actorgraph-Cypher-Queries"
BOOKMARK_HEADER = "X-Actorgraph-Bookmark"


class Router(GraphQLRouter[Context, None]):
    """Strawberry's router with our error format, the round-trip count on every response, and the compiled
    fast path (``api/fastpath.py``) tried before strawberry's executor for queries it fully covers."""

    async def execute_single(  # type: ignore[no-untyped-def]
        self, request, request_adapter, sub_response, context, root_value, request_data
    ) -> StrawberryResult:
        if request_data.query is not None and (request_adapter.method == "POST" or self.allow_queries_via_get):
            fast = await fastpath.execute(
                self.schema, context, request_data.query, request_data.variables, request_data.operation_name
            )
            if fast is not None:
                return fast
        return await super().execute_single(request, request_adapter, sub_response, context, root_value, request_data)

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:  # type: ignore[override]
        data: dict[str, Any] = {"data": result.data}
        if result.errors:
            data["errors"] = [format_error(e) for e in result.errors]
        context: Context | None = getattr(request.state, "graphql_context", None)
        if context is not None:
            trips = context.store.round_trips
            data["extensions"] = {"cypherQueries": trips}
            marks = context.store.last_bookmarks
            if marks:
                data["extensions"]["bookmark"] = ",".join(marks)
            if context.response is not None:
                context.response.headers[ROUND_TRIPS_HEADER] = str(trips)
                if marks:
                    context.response.headers[BOOKMARK_HEADER] = ",".join(marks)
                elif context.operation_type == "query" and not result.errors and not context.principal.authenticated:
                    context.response.headers[CACHEABLE_HEADER.decode()] = "1"
        return data  # type: ignore[return-value]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    state: dict[str, Store] = {}

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        state["store"] = Store.open(settings, timeout=settings.api_tx_timeout, retry_seconds=1.0)
        try:
            yield
        finally:
            state["store"].close()

    async def context_getter(request: HTTPConnection, response: Response) -> Context:  # a WebSocket too
        sent = request.headers.get(BOOKMARK_HEADER, "")
        marks = tuple(m for m in sent.split(",") if m.strip())
        context = Context(settings, state["store"].scoped(marks), authenticate(request, settings))
        context.request = request  # type: ignore[assignment]  # a Request or a WebSocket
        context.response = response
        request.state.graphql_context = context
        return context

    app = FastAPI(title="actorgraph", version="0.1.0", lifespan=lifespan)
    if settings.api_response_cache:  # inside CORS (added later, so outside it): cached answers get CORS headers
        app.add_middleware(CacheMiddleware, version=lambda: state["store"].version())
    if settings.api_cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.api_cors_origins,
            allow_methods=["GET", "POST", "OPTIONS"],
            expose_headers=[ROUND_TRIPS_HEADER, BOOKMARK_HEADER, "ETag"],
            allow_headers=["content-type", "authorization", "x-api-key", BOOKMARK_HEADER.lower(), "if-none-match"],
        )
    app.include_router(Router(build_schema(settings), context_getter=context_getter), prefix="/graphql")

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        """The process is up (says nothing about Neo4j)."""
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> JSONResponse:
        """Neo4j answers: 200, else 503 (and ready again as soon as it does)."""

        try:
            with anyio.fail_after(5):
                await anyio.to_thread.run_sync(state["store"].ping)  # no retries: an outage shows at once
        except (ActorgraphError, TimeoutError):
            return JSONResponse({"status": "unavailable"}, status_code=503)
        return JSONResponse({"status": "ready"})

    mount_web(app)  # the explorer at / (last: it answers every path the API does not)
    return app
