"""A request body over the limit is refused (413) before anything parses it.

The query limits (``limits.py``) act on a parsed document; a 5 MB body would already have been read
into memory and parsed by then, so the size is bounded here, in front of the router.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from actorgraph.api.errors import BAD_USER_INPUT


class BodySizeLimit:
    """ASGI middleware: a request body over ``max_bytes`` is answered 413 before anything parses it.

    A declared ``Content-Length`` over the limit is refused at once; a body sent without one (chunked)
    is counted as it arrives and refused when it passes the limit, so neither way lets a client make
    the server hold more than the limit in memory.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        message = (
            f"the request body is larger than {self.max_bytes:,} bytes (ACTORGRAPH_API_MAX_BODY_BYTES): "
            "send a smaller document, or pass large values as variables of several requests"
        )
        body = json.dumps({"errors": [{"message": message, "extensions": {"code": BAD_USER_INPUT}}]}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


__all__ = ["BodySizeLimit"]
