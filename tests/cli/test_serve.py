"""``actorgraph serve``: several workers, and no keep-alive response waits for a delayed ACK (TCP_NODELAY)."""

from __future__ import annotations

import asyncio
import http.client
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from actorgraph.api.transport import set_nodelay
from actorgraph.cli.serve_cmd import default_workers
from tests.support.aio import run_async
from tests.support.http import free_port
from tests.support.paths import ROOT

#: Nagle's algorithm + the client's delayed ACK hold a response's second segment ~40 ms; anything near is a delay.
DELAYED_MS = 30.0


def test_set_nodelay_on_a_tcp_transport() -> None:
    async def check() -> tuple[bool, int]:
        server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        raw = socket.create_connection(("127.0.0.1", port))
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 0)
        _, writer = await asyncio.open_connection(sock=raw)
        done = set_nodelay(writer.transport)
        value = raw.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        writer.close()
        server.close()
        return done, value

    done, value = run_async(check())
    assert done and value == 1


def test_default_workers_is_one_per_core() -> None:
    assert default_workers() == (os.cpu_count() or 1)


@pytest.fixture
def two_workers() -> Iterator[int]:
    """`actorgraph serve --workers 2` on a free port (its /healthz needs no database)."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "actorgraph", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_keep_alive_responses_are_not_delayed_with_several_workers(two_workers: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", two_workers, timeout=10)
    times = []
    for _ in range(12):  # one connection: every response after the first rides the same keep-alive socket
        began = time.perf_counter()
        conn.request("GET", "/healthz")
        response = conn.getresponse()
        assert response.status == 200 and response.read() == b'{"status":"ok"}'
        times.append((time.perf_counter() - began) * 1000)
    conn.close()
    later = times[1:]
    assert statistics.median(later) < DELAYED_MS, f"keep-alive responses took {later} ms"
