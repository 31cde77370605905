"""HTTP transport for ``actorgraph serve``: every accepted connection gets ``TCP_NODELAY``.

asyncio sets ``TCP_NODELAY`` on the sockets it creates, but with several workers uvicorn hands each
worker a socket rebuilt from a file descriptor whose protocol number asyncio does not recognise as TCP,
so the option is skipped (uvicorn issue #3149). uvicorn then writes a response's head and body as two
segments; with Nagle's algorithm on, the body waits for the client's delayed ACK of the head, ~40 ms
on every keep-alive response. Setting the option ourselves, per connection, makes the worker count
irrelevant to latency.
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol


def set_nodelay(transport: asyncio.BaseTransport) -> bool:
    """Turn Nagle's algorithm off on a transport's TCP socket; False when it is not TCP (a Unix socket)."""
    sock = transport.get_extra_info("socket")
    if sock is None or sock.family not in (socket.AF_INET, socket.AF_INET6):
        return False
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return True


class NoDelayH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with ``TCP_NODELAY`` set on every connection it serves."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        set_nodelay(transport)
        super().connection_made(transport)  # type: ignore[arg-type]


__all__ = ["NoDelayH11Protocol", "set_nodelay"]
