"""The live-update broker and the version watcher, without a server: fan-out, overflow, polling only while heard."""

from __future__ import annotations

import asyncio

from actorgraph.api.live import Broker, ChangeEvent, ChangeKind, VersionWatcher
from tests.support.aio import run_async

STATEMENT = ChangeEvent(ChangeKind.STATEMENT_RECORDED, frozenset({"s1", "al1"}), statement="s1")


def test_every_subscriber_gets_every_event_and_filters_by_ids() -> None:
    async def run() -> None:
        broker = Broker()
        async with broker.subscribe() as one, broker.subscribe() as two:
            assert broker.subscribers == 2
            broker.publish(STATEMENT)
            assert await one.get() == await two.get() == STATEMENT
        assert broker.subscribers == 0
        broker.publish(STATEMENT)  # nobody listening: nothing kept

    run_async(run())
    assert STATEMENT.touches({"al1", "other"}) and not STATEMENT.touches({"other"}) and STATEMENT.touches(None)


def test_a_subscriber_too_slow_gets_one_reload_everything_instead_of_its_backlog() -> None:
    async def run() -> list[ChangeEvent]:
        broker = Broker(queue_size=2)
        async with broker.subscribe() as queue:
            for _ in range(3):
                broker.publish(STATEMENT)
            return [queue.get_nowait() for _ in range(queue.qsize())]

    assert run_async(run()) == [ChangeEvent(ChangeKind.EXTERNAL_WRITE)]


def test_the_watcher_announces_each_version_move_once_and_reads_only_while_someone_listens() -> None:
    reads: list[str] = []

    def read() -> str:
        reads.append("v1" if len(reads) < 5 else "v2")  # one write, after the fifth poll
        return reads[-1]

    async def run() -> list[ChangeEvent]:
        broker = Broker()
        watcher = VersionWatcher(broker, read, interval=0.01)
        watcher.ensure_running()
        await asyncio.sleep(0.05)
        assert reads == []  # nobody subscribed: no polling at all
        async with broker.subscribe() as queue:
            while len(reads) < 12:
                await asyncio.sleep(0.01)
            heard = [queue.get_nowait() for _ in range(queue.qsize())]
        count = len(reads)
        await asyncio.sleep(0.05)
        assert len(reads) <= count + 1  # the last subscriber left: polling stops
        assert watcher.task is not None
        watcher.task.cancel()
        return heard

    assert run_async(run()) == [ChangeEvent(ChangeKind.EXTERNAL_WRITE)]  # v1 -> v2 once, not once per poll
