"""Network analytics on the actor graph: project it from Neo4j into networkx, then run pure reports.

``REPORT_FUNCTIONS`` maps each report's name to its function (not ``REPORTS``: that is a derived
relationship); every function takes the projected graph first (and, for ``ego`` and ``path``, actor ids)
and has defaults for everything else. ``narratives`` is
``camps`` by narrative alignment. Over time, ``analytics.windows`` runs camps and centrality per window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from actorgraph.analytics.camps import camps, narratives
from actorgraph.analytics.centrality import centrality
from actorgraph.analytics.contested import contested
from actorgraph.analytics.contradictions import contradictions
from actorgraph.analytics.ego import ego
from actorgraph.analytics.paths import path
from actorgraph.analytics.projection import NetworkFilter, build_graph, project

REPORT_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "centrality": centrality,
    "camps": camps,
    "narratives": narratives,
    "contested": contested,
    "contradictions": contradictions,
    "ego": ego,
    "path": path,
}

#: Reports that read the statements per allegation, not only the edges (``camps`` too, by narrative).
NEEDS_ACCOUNTS = frozenset({"contested", "contradictions", "narratives"})

__all__ = [
    "NEEDS_ACCOUNTS",
    "REPORT_FUNCTIONS",
    "NetworkFilter",
    "build_graph",
    "camps",
    "centrality",
    "contested",
    "contradictions",
    "ego",
    "narratives",
    "path",
    "project",
]
