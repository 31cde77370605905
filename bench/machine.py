"""What the numbers were measured on: cores, memory, versions. Stored in every results file."""

from __future__ import annotations

import os
import platform
from importlib import metadata
from typing import Any

from actorgraph.settings import Settings
from actorgraph.store.core import Store
from bench.queries import bench_records


def _memory_gib() -> float | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        return None
    return None


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def describe(store: Store | None, settings: Settings | None = None) -> dict[str, Any]:
    """Cores, memory, CPU model, Python, Neo4j server and driver versions, and the Neo4j heap."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu)
    except OSError:
        pass
    neo4j_version = None
    if store is not None:
        settings = store.settings
        rec = bench_records(store, "server_version")
        neo4j_version = rec[0]["v"] if rec else None
    assert settings is not None, "describe() needs a store or settings"
    return {
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "cpu": cpu,
        "os": platform.platform(),
        "python": platform.python_version(),
        "neo4j": neo4j_version,
        "neo4j_heap": settings.neo4j_heap,
        "neo4j_pagecache": settings.neo4j_pagecache,
        "neo4j_driver": _version("neo4j"),
        "actorgraph": _version("actorgraph"),
        "networkx": _version("networkx"),
        # Other work on the machine skews every number: the 1-minute load average when the run began.
        "load_average_1m": round(os.getloadavg()[0], 2),
    }
