"""Optional networkx backends (e.g. nx-parallel), used through networkx's own dispatching.

Nothing here requires a backend: when one that implements an algorithm is installed, networkx is
asked to prefer it (``backend_priority``) and falls back to its own implementation otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import networkx as nx

#: Backends we know to help on a CPU (GPU ones such as cugraph also work when installed).
PREFERRED = ("parallel", "cugraph", "graphblas")


def installed() -> list[str]:
    """The networkx backends installed besides networkx itself, preferred ones first."""
    found = [name for name in nx.utils.backends.backend_info if name != "networkx"]
    return sorted(found, key=lambda n: (PREFERRED.index(n) if n in PREFERRED else len(PREFERRED), n))


@contextmanager
def preferred() -> Iterator[list[str]]:
    """Within the block, networkx dispatches to installed backends first (and falls back to itself)."""
    backends = installed()
    if not backends:
        yield []
        return
    config = nx.config
    old_algos = list(config.backend_priority.algos)
    old_fallback = config.fallback_to_nx
    config.backend_priority.algos = backends
    config.fallback_to_nx = True
    try:
        yield backends
    finally:
        config.backend_priority.algos = old_algos
        config.fallback_to_nx = old_fallback
