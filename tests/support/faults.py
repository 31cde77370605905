"""Helpers of the fault tests: the environment of processes aimed at the fault server, and what a load left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver

from actorgraph.ingest.read import read_dossiers
from actorgraph.local import server
from actorgraph.settings import Settings
from tests.support.paths import ROOT


@dataclass(frozen=True)
class FaultDisk:
    """The fault instance's own filesystem (a tmpfs), when one could be mounted."""

    path: Path
    mounted: bool


def fault_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The whole environment of a CLI or API process aimed at the fault server."""
    return {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "ACTORGRAPH_HTTP_PORT": str(settings.http_port),
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "NO_COLOR": "1",
        "COLUMNS": "200",
        **extra,
    }


def start_cli(settings: Settings, *args: str) -> subprocess.Popen[str]:
    """``actorgraph ARGS`` in the background against the fault server, output captured."""
    return subprocess.Popen(
        [sys.executable, "-m", "actorgraph", *args], env=fault_env(settings), cwd=ROOT, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def kill_neo4j(settings: Settings) -> int:
    """SIGKILL the fault server's JVM (no shutdown, no checkpoint): a power cut for the database."""
    pid = server.running_pid(server.Layout.of(settings))
    assert pid is not None, "the fault server is not running"
    os.kill(pid, signal.SIGKILL)
    return pid


def dossier_states(driver: Driver, paths: list[object]) -> dict[str, str]:
    """Per dossier: 'in' (its source and every statement), 'out' (nothing of it), or 'partial'."""
    prepared = read_dossiers(paths)  # type: ignore[arg-type]
    counts = {r["id"]: r["n"] for r in driver.execute_query(
        "MATCH (src:Source) OPTIONAL MATCH (src)<-[:REPORTED_IN]-(s:Statement) RETURN src.id AS id, count(s) AS n"
    ).records}  # fmt: skip
    states = {}
    for p in prepared:
        n = counts.get(p.dossier.source.id)
        states[p.dossier.source.id] = "out" if n is None else ("in" if n == len(p.statements) else "partial")
    return states
