"""Live updates: GraphQL subscriptions (graphql-transport-ws on ``/graphql``) fed by every write.

Two feeds reach subscribers through one in-memory :class:`Broker` per API process:

- **This API's mutations** announce exactly what they touched (``announce``, called once a mutation
  has committed): a recorded statement with its allegation, speakers, source, subject and object; an
  allegation whose verdict was set; an actor created, edited, given an alias or merged into.
- **Writes from other processes** (``actorgraph load``, ``analyze --write-back``, Neo4j Browser) cannot
  call us, so a :class:`VersionWatcher` polls the graph's version (the bookmark of a trivial read, see
  :meth:`actorgraph.store.core.Store.version`: one cheap round trip) every ``POLL_SECONDS`` while
  anyone is subscribed, and publishes an ``EXTERNAL_WRITE`` change when it moves. What such a write
  touched is unknown, so every filtered subscription passes it on: clients reload what they show.
  The API's own mutations move the version too, so they are announced twice (precisely at once,
  then as ``EXTERNAL_WRITE`` within a poll); delivery is at least once, never lost to a race.

**The single-process limit.** The broker is a set of queues in one process. With several API workers
(``ACTORGRAPH_API_WORKERS`` > 1) a mutation is announced precisely only to the subscribers of the
worker that ran it; every other worker still sees the version move and tells its subscribers within a
poll, as ``EXTERNAL_WRITE`` (``statementRecorded`` does not fire there). To give every worker the
precise events, replace the broker with a shared channel: Redis or PostgreSQL ``LISTEN/NOTIFY``
pub/sub that each worker subscribes to, or a change log written by the store in the same transaction as
each write (a ``:Change`` node, or Neo4j's change data capture in Enterprise) that every worker reads
from the version it last saw, which would also make loads precise.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

import strawberry
from starlette.requests import HTTPConnection

from actorgraph.api.auth import Principal, authenticate, require_reader
from actorgraph.api.context import Loaders
from actorgraph.api.types import Actor, Allegation, Ctx, Statement, load_node

log = logging.getLogger("actorgraph.api.live")

POLL_SECONDS = 1.0
QUEUE_SIZE = 256


@strawberry.enum(description="What kind of write a change was.")
class ChangeKind(Enum):
    STATEMENT_RECORDED = "STATEMENT_RECORDED"
    ALLEGATION_CHANGED = "ALLEGATION_CHANGED"
    ACTOR_CHANGED = "ACTOR_CHANGED"
    EXTERNAL_WRITE = "EXTERNAL_WRITE"


@dataclass(frozen=True)
class ChangeEvent:
    """One committed write: its kind, the nodes it touched (empty: unknown) and, for a statement, its id."""

    kind: ChangeKind
    ids: frozenset[str] = frozenset()
    statement: str | None = None

    def touches(self, wanted: set[str] | None) -> bool:
        """Whether a subscriber interested in ``wanted`` (None: everything) should hear of it.

        >>> ChangeEvent(ChangeKind.ACTOR_CHANGED, frozenset({"a"})).touches({"b"})
        False
        >>> ChangeEvent(ChangeKind.EXTERNAL_WRITE).touches({"b"})
        True
        """
        return wanted is None or not self.ids or bool(self.ids & wanted)


class Broker:
    """Fan-out of change events to this process's subscribers (one bounded queue each).

    A subscriber too slow to keep up loses its backlog for one ``EXTERNAL_WRITE``: "reload everything"
    says all the dropped events said.
    """

    def __init__(self, queue_size: int = QUEUE_SIZE) -> None:
        self.queue_size = queue_size
        self._queues: set[asyncio.Queue[ChangeEvent]] = set()
        self._joined = asyncio.Event()

    @property
    def subscribers(self) -> int:
        return len(self._queues)

    def publish(self, event: ChangeEvent) -> None:
        for queue in self._queues:
            if queue.full():
                while not queue.empty():
                    queue.get_nowait()
                event_for_queue = ChangeEvent(ChangeKind.EXTERNAL_WRITE)
            else:
                event_for_queue = event
            queue.put_nowait(event_for_queue)

    @contextlib.asynccontextmanager
    async def subscribe(self) -> AsyncIterator[asyncio.Queue[ChangeEvent]]:
        queue: asyncio.Queue[ChangeEvent] = asyncio.Queue(self.queue_size)
        self._queues.add(queue)
        self._joined.set()
        try:
            yield queue
        finally:
            self._queues.discard(queue)
            if not self._queues:
                self._joined.clear()

    async def until_subscribed(self) -> None:
        await self._joined.wait()


class VersionWatcher:
    """Publishes ``EXTERNAL_WRITE`` whenever the graph's version moves, polling only while someone listens."""

    def __init__(self, broker: Broker, read_version: Callable[[], str], interval: float = POLL_SECONDS) -> None:
        self.broker = broker
        self.read_version = read_version
        self.interval = interval
        self.task: asyncio.Task[None] | None = None

    def ensure_running(self) -> None:
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self.run(), name="actorgraph-live-watcher")

    async def run(self) -> None:
        last: str | None = None
        while True:
            if not self.broker.subscribers:
                last = None  # nobody heard the versions in between: start again from the current one
                await self.broker.until_subscribed()
            try:
                version = await asyncio.to_thread(self.read_version)
            except Exception as exc:  # Neo4j away: say so once per failure, keep trying
                log.warning("live updates: cannot read the graph version (%s); retrying", type(exc).__name__)
                await asyncio.sleep(self.interval * 5)
                continue
            if last is not None and version != last:
                self.broker.publish(ChangeEvent(ChangeKind.EXTERNAL_WRITE))
            last = version
            await asyncio.sleep(self.interval)


@dataclass
class Live:
    """The broker and watcher of one API application (kept on ``app.state``)."""

    broker: Broker
    watcher: VersionWatcher


def live_of(info: Ctx) -> Live:
    """The application's :class:`Live`, created on first use (no lifespan hook needed)."""
    context = info.context
    state = context.request.app.state
    found: Live | None = getattr(state, "actorgraph_live", None)
    if found is None:
        broker = Broker()
        found = Live(broker, VersionWatcher(broker, context.store.version))
        state.actorgraph_live = found
    return found


async def announce(info: Ctx, node: Any) -> None:
    """Tell subscribers what a committed mutation touched; ``node`` is what the mutation returns."""
    if isinstance(node, Statement):
        ids = {node.id, node.speaker_id, node.allegation_id, node.source_id}
        if node.on_behalf_of_id:
            ids.add(node.on_behalf_of_id)
        allegation = await load_node(info, node.allegation_id)
        if isinstance(allegation, Allegation):
            ids |= {allegation.subject_id, allegation.object_id}
        event = ChangeEvent(ChangeKind.STATEMENT_RECORDED, frozenset(ids), statement=str(node.id))
    elif isinstance(node, Allegation):
        event = ChangeEvent(ChangeKind.ALLEGATION_CHANGED, frozenset({node.id, node.subject_id, node.object_id}))
    elif isinstance(node, Actor):
        event = ChangeEvent(ChangeKind.ACTOR_CHANGED, frozenset({str(node.id)}))
    else:
        return
    live_of(info).broker.publish(event)


def _principal(info: Ctx) -> Principal:
    """The subscriber: from the WebSocket's headers, else from the ``connection_init`` payload, where browsers
    (which cannot set headers on a WebSocket) put ``X-API-Key`` or ``Authorization`` for closed deployments."""
    context = info.context
    params = context.connection_params
    if context.principal.authenticated or not isinstance(params, dict) or not params:
        principal: Principal = context.principal
        return principal
    headers = [(str(k).lower().encode(), v.encode()) for k, v in params.items() if isinstance(v, str)]
    return authenticate(HTTPConnection({"type": "http", "headers": headers}), context.settings)


async def _events(info: Ctx, wanted: set[str] | None) -> AsyncGenerator[ChangeEvent, None]:
    """The changes ``wanted`` hears of, each with fresh DataLoaders (a connection lives long; caches must not)."""
    require_reader(_principal(info), info.context.settings)
    live = live_of(info)
    async with live.broker.subscribe() as queue:
        live.watcher.ensure_running()
        while True:
            event = await queue.get()
            if event.touches(wanted):
                info.context.loaders = Loaders(info.context.reader)
                yield event


@strawberry.type(description="A committed write: what kind, and which nodes it touched.")
class GraphChange:
    kind: ChangeKind
    ids: list[strawberry.ID] = strawberry.field(
        description="Nodes the write touched; empty when unknown (EXTERNAL_WRITE): anything may have changed."
    )


@strawberry.type(description="Live updates over graphql-transport-ws on /graphql.")
class Subscription:
    @strawberry.subscription(
        description="Every committed write, or those touching one of `ids` (writes of unknown extent always pass)."
    )
    async def graph_changed(
        self, info: Ctx, ids: list[strawberry.ID] | None = None
    ) -> AsyncGenerator[GraphChange, None]:
        async for event in _events(info, {str(i) for i in ids} if ids else None):
            yield GraphChange(kind=event.kind, ids=[strawberry.ID(i) for i in sorted(event.ids)])

    @strawberry.subscription(
        description="Statements recorded through this API, optionally only those on one allegation, by or about "
        "one actor, or in one source."
    )
    async def statement_recorded(
        self,
        info: Ctx,
        allegation_id: strawberry.ID | None = None,
        actor_id: strawberry.ID | None = None,
        source_id: strawberry.ID | None = None,
    ) -> AsyncGenerator[Statement, None]:
        wanted = {str(i) for i in (allegation_id, actor_id, source_id) if i is not None}
        async for event in _events(info, wanted or None):
            if event.statement is None or (wanted and not event.ids >= wanted):
                continue
            node = await load_node(info, event.statement)
            if isinstance(node, Statement):
                yield node

    @strawberry.subscription(
        description="The allegation, each time it may have changed: a statement on it recorded, its verdict set, "
        "or a write from outside this API."
    )
    async def allegation_changed(self, info: Ctx, id: strawberry.ID) -> AsyncGenerator[Allegation, None]:
        async for _ in _events(info, {str(id)}):
            node = await load_node(info, id)
            if isinstance(node, Allegation):
                yield node
