"""A served API on its own local Neo4j, for ``make fuzz`` and ``make soak``: started, seeded, stopped.

Both runs write through the API, so they get their own Neo4j (Bolt 7771, HTTP 7471 by default, own
data under ACTORGRAPH_HOME) and their own API process (port 8070), never the dev (7687) or test
servers; everything listens on loopback only. The context manager stops what it started — the API
process it spawned and, if it started it, the Neo4j — whatever happens inside.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import httpx

from actorgraph.local import server
from actorgraph.settings import Settings, get_settings
from actorgraph.store.core import Store
from actorgraph.store.schema import init_schema, wipe

ROOT = Path(__file__).resolve().parents[1]
PROTECTED_PORTS = (7687, 7688, 7770)
API_KEY = "bench-editor-key-0123456789"


@dataclass(frozen=True)
class Served:
    """Where the API answers, the key that may write, the store behind it, and the API's log file."""

    url: str
    key: str
    store: Store
    settings: Settings
    log: Path


def bench_settings() -> Settings:
    """The settings of NEO4J_URI, refusing the servers others use (their data would be wiped)."""
    get_settings.cache_clear()
    settings = get_settings()
    if settings.bolt_port in PROTECTED_PORTS or not settings.is_local:
        raise SystemExit(
            f"NEO4J_URI is {settings.neo4j_uri}: fuzz and soak wipe their database; use their own local server "
            "(the Makefile sets bolt://127.0.0.1:7771)."
        )
    return settings


def _wait_ready(url: str, proc: subprocess.Popen[bytes], log: Path, path: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the API exited at start-up (code {proc.returncode}); see {log}")
        try:
            if httpx.get(f"{url}{path}", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"the API did not become ready within {timeout:.0f}s; see {log}")


@dataclass(frozen=True)
class ApiProcess:
    """A running ``actorgraph serve``: where it answers and its process (fault tests kill it)."""

    url: str
    proc: subprocess.Popen[bytes]

    def kill(self) -> None:
        """SIGKILL the server and its worker processes (its own process group): a crash, no shutdown."""
        with suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()


@contextmanager
def api_process(
    port: int, log: Path, extra_env: dict[str, str] | None = None, *, ready: str = "/readyz"
) -> Iterator[ApiProcess]:
    """``actorgraph serve`` on loopback ``port`` in its own process (settings from the environment, plus
    :data:`API_KEY`), its output in ``log``; yields it once ``ready`` answers 200 (``/healthz`` for an API
    whose Neo4j is meant to be away), terminates it on exit (if still alive)."""
    env = {**os.environ, "ACTORGRAPH_API_KEYS": f'["{API_KEY}"]', "ACTORGRAPH_API_PORT": str(port),
           "ACTORGRAPH_API_HOST": "127.0.0.1", **(extra_env or {})}  # fmt: skip
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "actorgraph", "serve", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, cwd=ROOT,
            start_new_session=True,  # its own process group: the workers go with it
        )  # fmt: skip
    api = ApiProcess(f"http://127.0.0.1:{port}", proc)
    try:
        _wait_ready(api.url, proc, log, ready)
        yield api
    finally:
        if proc.poll() is None:
            proc.terminate()
        with suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=20)
        api.kill()  # workers a killed parent left behind, if any


@contextmanager
def served_api(port: int, log: Path, seed: Path | None = ROOT / "seed") -> Iterator[Served]:
    """Neo4j (started if needed), an empty graph with the schema and ``seed`` loaded, and the API on ``port``."""
    from actorgraph.ingest import load_paths

    settings = bench_settings()
    _, started = server.start(settings)
    store = Store.open(settings)
    try:
        init_schema(store)
        wipe(store)
        if seed is not None:
            load_paths(store, [seed])
        with api_process(port, log) as api:
            yield Served(api.url, API_KEY, store, settings, log)
    finally:
        store.close()
        if started:
            server.stop(settings)


__all__ = ["API_KEY", "ApiProcess", "Served", "api_process", "bench_settings", "served_api"]
