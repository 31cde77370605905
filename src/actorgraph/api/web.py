"""Serving the explorer (the built single-page app in ``web/dist``) at ``/``; GraphiQL stays at ``/graphql``.

Hashed build assets are served from ``/assets`` with a year's caching; every explorer route (``/``,
``/actor/...``, ``/network?...``) answers with ``index.html``, never cached, so a shared link opens
the right view and a new build is picked up at once. Before ``make web`` has built the app, ``/``
says how to build it instead of a bare 404.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

#: The build output of ``web/`` (``npm run build``), beside the package in a source checkout.
DIST = Path(__file__).resolve().parents[3] / "web" / "dist"
#: First path segments the explorer routes itself (see ``web/src/router.ts``).
ROUTES = frozenset({"", "search", "actor", "allegation", "event", "source", "contested", "network"})
#: Top-level files of the build besides index.html (icons).
FILES = frozenset({"favicon.svg"})

NOT_BUILT = """<!doctype html><html lang="en"><meta charset="utf-8"><title>actorgraph</title>
<body style="font: 16px system-ui; max-width: 40em; margin: 3em auto">
<h1>The explorer is not built</h1>
<p>Run <code>make web</code> (or <code>make up</code>) in the actorgraph checkout, then reload this page.</p>
<p>The GraphQL API works without it: <a href="/graphql">/graphql</a>.</p></body></html>"""


def mount_web(app: FastAPI, dist: Path = DIST) -> None:
    """Serve the explorer from ``dist``; register last, after the API's own routes."""

    class CachedAssets(StaticFiles):
        async def get_response(self, path: str, scope):  # type: ignore[no-untyped-def]
            response = await super().get_response(path, scope)
            if response.status_code == 200:
                response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
            return response

    app.mount("/assets", CachedAssets(directory=dist / "assets", check_dir=False), name="explorer-assets")

    @app.get("/{path:path}", include_in_schema=False)
    async def explorer(path: str) -> Response:
        first = path.split("/", 1)[0]
        if first in FILES and (dist / first).is_file():
            return FileResponse(dist / first)
        if first not in ROUTES:
            return Response("Not found", status_code=404, media_type="text/plain")
        index = dist / "index.html"
        if not index.is_file():
            return HTMLResponse(NOT_BUILT, status_code=503)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
