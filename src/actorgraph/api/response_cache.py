"""A response cache for anonymous reads, in front of the GraphQL app, exact to the graph's version.

A frontend re-reads what it showed; each such request would execute the same Cypher for the same
answer. Here a response is kept under (method, query string, body) and the graph's version, the bookmark
of the last committed transaction (:meth:`~actorgraph.store.core.Store.version`): any write — a mutation,
a load from the CLI, another worker's — moves it, so no answer outlives the data it was read from.

- Only anonymous requests (no ``X-API-Key``, no ``Authorization``) that carry no bookmark are served from
  here; only answers the app marks cacheable (a query operation that succeeded) are kept.
- Every request's version is read after the request arrived: concurrent requests share one read, and
  those arriving while it runs wait for the next (:class:`VersionGate`), so a hit costs a fraction of one
  trivial round trip under load and never serves a write's past.
- ``GET`` answers carry an ``ETag`` (the version and the key); ``If-None-Match`` with it gets ``304``.
- If the version cannot be read (Neo4j away), requests go to the app, which says UNAVAILABLE.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from actorgraph.errors import ActorgraphError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Set by the app on answers that may be kept; never sent to the client.
CACHEABLE_HEADER = b"x-actorgraph-cacheable"
CACHE_HEADER = b"x-actorgraph-cache"
BOOKMARK_HEADER = b"x-actorgraph-bookmark"
PRIVATE = (b"x-api-key", b"authorization", BOOKMARK_HEADER)
#: A replayed answer sent no Cypher of its own: its round-trip count (header and extension) says so.
ROUND_TRIPS_HEADER = b"x-actorgraph-cypher-queries"
EXTENSIONS = b'"extensions"'
REPLAYED = b'"extensions": {"cypherQueries": 0}}'
#: A body larger than this is not kept (a huge page is cheap to recompute relative to its memory).
MAX_BODY = 1 << 20


@dataclass(frozen=True)
class Entry:
    version: str
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseCache:
    """A thread-safe LRU of responses, each valid for the graph version it was computed at."""

    def __init__(self, max_entries: int = 2048) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[bytes, Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: bytes, version: str) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry.version != version:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry

    def put(self, key: bytes, entry: Entry) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


class VersionGate:
    """The graph's version as read after a caller arrived, one read shared by everyone waiting for it.

    At most one read runs; callers that arrive meanwhile join the next one, which starts when it ends.
    So each caller's answer comes from a read that began after it asked (no write that finished before
    a request can be missed), and under load one round trip serves many requests.
    """

    def __init__(self, read: Callable[[], str]) -> None:
        self._read = read
        self._next: asyncio.Future[str] | None = None
        self._running = False

    async def current(self) -> str:
        if self._next is None:
            self._next = asyncio.get_running_loop().create_future()
        waiting = self._next
        if not self._running:
            self._running = True
            asyncio.get_running_loop().create_task(self._drain())
        return await waiting

    async def _drain(self) -> None:
        try:
            while self._next is not None:
                batch, self._next = self._next, None
                try:
                    batch.set_result(await asyncio.to_thread(self._read))
                except Exception as exc:  # every waiter sees the failure; the next batch tries again
                    batch.set_exception(exc)
                    batch.exception()  # retrieved: no "never retrieved" warning when nobody waits any more
        finally:
            self._running = False


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value)
    return None


class CacheMiddleware:
    """ASGI middleware serving repeated anonymous reads of ``path`` from a :class:`ResponseCache`."""

    def __init__(self, app: ASGIApp, version: Callable[[], str], *, path: str = "/graphql",
                 cache: ResponseCache | None = None) -> None:  # fmt: skip
        self.app = app
        self.path = path
        self.cache = cache or ResponseCache()
        self.gate = VersionGate(version)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["path"] != self.path
            or scope["method"] not in ("GET", "POST")
            or any(_header(scope, h) is not None for h in PRIVATE)
        ):
            await self.app(scope, receive, send)
            return
        body, more = await _read_body(receive)
        if more:  # too large to be a cacheable query: let the app read it all
            await self.app(scope, _replay(body, receive, more=True), send)
            return
        try:
            version = await self.gate.current()
        except ActorgraphError:
            await self.app(scope, _replay(body, receive), send)
            return
        # The answer depends on the media types too (GraphQL over HTTP: a missing Content-Type is refused,
        # Accept chooses application/json or application/graphql-response+json), so they are in the key.
        negotiated = (_header(scope, b"content-type") or b"", _header(scope, b"accept") or b"")
        parts = (scope["method"].encode(), scope.get("query_string", b""), *negotiated, body)
        key = hashlib.sha256(b"\0".join(parts)).digest()
        etag = b'"' + hashlib.sha256(key + version.encode()).hexdigest()[:32].encode() + b'"'
        is_get = scope["method"] == "GET"
        if is_get and _header(scope, b"if-none-match") == etag:
            await _respond(send, 304, [(b"etag", etag), (CACHE_HEADER, b"hit")], b"")
            return
        entry = self.cache.get(key, version)
        if entry is not None:
            extra = [(b"etag", etag)] if is_get else []
            headers = [*entry.headers, *extra, (CACHE_HEADER, b"hit"), (ROUND_TRIPS_HEADER, b"0")]
            await _respond(send, entry.status, headers, entry.body)
            return
        await self.app(
            scope, _replay(body, receive), _Recorder(send, self.cache, key, version, etag if is_get else None)
        )


class _Recorder:
    """Passes the app's answer through, keeping it when the app marked it cacheable."""

    def __init__(self, send: Send, cache: ResponseCache, key: bytes, version: str, etag: bytes | None) -> None:
        self.send, self.cache, self.key, self.version, self.etag = send, cache, key, version, etag
        self.start: Message | None = None
        self.cacheable = False
        self.chunks: list[bytes] = []

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message.get("headers", ()) if k.lower() != CACHEABLE_HEADER]
            self.cacheable = message["status"] == 200 and len(headers) < len(message.get("headers", ()))
            if self.cacheable and self.etag is not None:
                headers.append((b"etag", self.etag))
            self.start = {**message, "headers": [*headers, (CACHE_HEADER, b"miss")]}
            return  # sent with the first body chunk, once we know it all fits
        if message["type"] == "http.response.body" and self.start is not None:
            if self.cacheable:
                self.chunks.append(message.get("body", b""))
                size = sum(len(c) for c in self.chunks)
                if not message.get("more_body", False) and size <= MAX_BODY:
                    dropped = (b"etag", CACHE_HEADER, ROUND_TRIPS_HEADER)
                    start_headers = [h for h in self.start["headers"] if h[0].lower() not in dropped]
                    self.cache.put(self.key, Entry(self.version, self.start["status"], start_headers,
                                                   replayed(b"".join(self.chunks))))  # fmt: skip
            await self.send(self.start)
            self.start = None
        await self.send(message)


def replayed(body: bytes) -> bytes:
    """The body as a replay sends it: its ``extensions`` (always the app's last key) say 0 round trips."""
    at = body.rfind(EXTENSIONS)
    return body[:at] + REPLAYED if at > 0 and body.rstrip().endswith(b"}") else body


async def _read_body(receive: Receive) -> tuple[bytes, bool]:
    """The request body if it fits in MAX_BODY (else what was read, and True: more follows)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        chunks.append(chunk)
        size += len(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), False
        if size > MAX_BODY:
            return b"".join(chunks), True


def _replay(body: bytes, receive: Receive, *, more: bool = False) -> Receive:
    """A receive that yields ``body`` first (``more``: the client has not sent all of it), then the rest."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": more}
        return await receive()

    return replay


async def _respond(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    length = [(b"content-length", str(len(body)).encode())] if status != 304 else []
    kept = [(k, v) for k, v in headers if k != b"content-length"]
    await send({"type": "http.response.start", "status": status, "headers": [*kept, *length]})
    await send({"type": "http.response.body", "body": body})


__all__ = ["CacheMiddleware", "Entry", "ResponseCache", "VersionGate"]
