"""The servers the API benchmark measures, each in its own process on a free loopback port.

- actorgraph as users run it (``python -m actorgraph serve``), with the settings of one variant (response
  cache off or on, worker count), optionally from another source tree (``--baseline-src``: the code
  before a change, for a before/after table in the same run);
- the peer: the official Neo4j GraphQL Library (@neo4j/graphql) on Apollo Server, one Node process,
  installed by ``make bench-deps`` from ``bench/peer/package-lock.json`` (``npm ci``) into that folder.

Each is ready when it answers a GraphQL request; each is stopped (its process, by pid) on exit.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from actorgraph.settings import Settings

PEER_DIR = Path(__file__).resolve().parent / "peer"


@dataclass(frozen=True)
class Variant:
    """One server to measure: its name in the results, and how to start it."""

    name: str
    kind: str  # "actorgraph" or "peer"
    env: dict[str, str] = field(default_factory=dict)
    workers: int = 1
    source: Path | None = None  # another tree's src/ for actorgraph (the baseline)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def peer_missing() -> str | None:
    """Why the peer cannot run here (None when it can)."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (PEER_DIR / "node_modules" / "@neo4j" / "graphql").is_dir():
        return "the peer is not installed (make bench-deps runs npm ci in bench/peer)"
    return None


def _command(variant: Variant, port: int) -> tuple[list[str], dict[str, str], Path | None]:
    if variant.kind == "peer":
        return ["node", str(PEER_DIR / "server.mjs")], {"PORT": str(port)}, PEER_DIR
    cmd = [sys.executable, "-m", "actorgraph", "serve", "--host", "127.0.0.1", "--port", str(port)]
    env = {**variant.env, "ACTORGRAPH_API_WORKERS": str(variant.workers)}  # older trees have no --workers
    if variant.source is not None:
        env["PYTHONPATH"] = str(variant.source)
    return cmd, env, None


@contextmanager
def serve(variant: Variant, settings: Settings) -> Iterator[str]:
    """Start one server on the benchmark's database; yield its GraphQL URL; stop it on exit."""
    port = free_port()
    cmd, extra, cwd = _command(variant, port)
    env = {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        **extra,
    }
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/" + ("" if variant.kind == "peer" else "graphql")
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                ok = httpx.post(url, json={"query": "{ __typename }"}, timeout=2).status_code == 200
                if ok:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise RuntimeError(f"{variant.name} did not start: {err.strip()[-500:]}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


__all__ = ["PEER_DIR", "Variant", "free_port", "peer_missing", "serve"]
