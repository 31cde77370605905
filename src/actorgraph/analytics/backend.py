"""Optional networkx backends (e.g. nx-parallel), used through networkx's own dispatching.

Nothing here requires a backend: when one that implements an algorithm is installed, networkx is
asked to prefer it (``backend_priority``) and falls back to its own implementation otherwise.
``ACTORGRAPH_ANALYTICS_BACKEND`` chooses: ``auto`` (every installed backend, preferred ones first),
``networkx`` (none: plain networkx, e.g. for reproducible timings), or one backend's name (``parallel``
for nx-parallel on many cores, ``cugraph`` on a GPU), which must then be installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import networkx as nx

from actorgraph.errors import ConfigError
from actorgraph.settings import get_settings

#: Backends we know to help on a CPU (GPU ones such as cugraph also work when installed).
PREFERRED = ("parallel", "cugraph", "graphblas")


def installed() -> list[str]:
    """The networkx backends installed besides networkx itself, preferred ones first."""
    found = [name for name in nx.utils.backends.backend_info if name != "networkx"]
    return sorted(found, key=lambda n: (PREFERRED.index(n) if n in PREFERRED else len(PREFERRED), n))


def chosen(choice: str) -> list[str]:
    """The backends a setting names: ``auto`` = all installed, ``networkx`` = none, else that one."""
    if choice == "auto":
        return installed()
    if choice == "networkx":
        return []
    if choice not in installed():
        have = ", ".join(installed()) or "none"
        raise ConfigError(
            f"ACTORGRAPH_ANALYTICS_BACKEND={choice}: no such networkx backend is installed (installed: {have}); "
            "install it (e.g. pip install nx-parallel) or use auto."
        )
    return [choice]


def named_backend() -> bool:
    """True when the setting names one backend (not ``auto`` or ``networkx``): use it wherever it can run."""
    return get_settings().analytics_backend not in ("auto", "networkx")


@contextmanager
def preferred(choice: str | None = None) -> Iterator[list[str]]:
    """Within the block, networkx dispatches to the chosen backends first (and falls back to itself).

    ``choice`` defaults to the ``ACTORGRAPH_ANALYTICS_BACKEND`` setting.
    """
    backends = chosen(choice if choice is not None else get_settings().analytics_backend)
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
