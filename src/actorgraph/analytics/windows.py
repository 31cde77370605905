"""Analyses over time: camps and centrality per time window of ``stated_on``, and who changes camp.

The statements are cut into consecutive windows of a fixed length (``--window 30d``) from the first
dated statement to the last; each window is projected on its own, with the store's filter (only that
window's statements leave Neo4j and the relationships are re-derived from them), and the report runs on
each. Undated statements belong to no window.

Camp letters are arbitrary in each window (``A`` holds the strongest actor of each part), so before
comparing windows each part of each window is turned to agree best with the camps its actors were last
shown in. An actor **changes camp** when two of its shown camps in a row differ; windows where it is
absent or undetermined are skipped, not counted as a change.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from actorgraph.analytics.balance import RESAMPLES, PlacementEvidence
from actorgraph.analytics.camps import Basis, CampsResult, camps
from actorgraph.analytics.centrality import centrality
from actorgraph.analytics.layers import name
from actorgraph.errors import UsageError
from actorgraph.model.network import NetworkFilter
from actorgraph.store.core import Store
from actorgraph.store.dates import stated_range

_LENGTH = re.compile(r"^\s*(\d+)\s*([dw]?)\s*$")
#: More windows than this is almost always a mistake (a 1d window over years): refused with the fix.
MAX_WINDOWS = 200


@dataclass(frozen=True)
class Window:
    """A closed range of days: statements stated from ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        """``2024-03-22`` for one day, ``2024-03-22..2024-03-23`` otherwise."""
        return str(self.start) if self.start == self.end else f"{self.start}..{self.end}"


def window_days(text: str) -> int:
    """The length of a window in days, from ``30d``, ``2w`` or a bare number of days.

    >>> window_days("30d"), window_days("2w"), window_days("7")
    (30, 14, 7)
    """
    found = _LENGTH.match(text)
    if not found or int(found.group(1)) == 0:
        raise UsageError(f"--window {text!r}: give a length in days or weeks, e.g. 30d or 2w.")
    return int(found.group(1)) * (7 if found.group(2) == "w" else 1)


def windows_between(first: dt.date, last: dt.date, days: int) -> list[Window]:
    """Consecutive windows of ``days`` days covering ``first`` to ``last``.

    >>> [w.label for w in windows_between(dt.date(2024, 3, 22), dt.date(2024, 3, 26), 2)]
    ['2024-03-22..2024-03-23', '2024-03-24..2024-03-25', '2024-03-26..2024-03-27']
    """
    if last < first:
        return []
    count = (last - first).days // days + 1
    if count > MAX_WINDOWS:
        raise UsageError(
            f"--window {days}d cuts {first}..{last} into {count} windows (at most {MAX_WINDOWS}): "
            "choose a longer window or narrow --from/--to."
        )
    step = dt.timedelta(days=days)
    return [Window(first + i * step, first + i * step + step - dt.timedelta(days=1)) for i in range(count)]


def project_windows(store: Store, network_filter: NetworkFilter, days: int, *,
                    accounts: bool) -> list[tuple[Window, nx.MultiDiGraph]]:  # fmt: skip
    """Each window of ``days`` days, within the filter's dates, projected on its own (one read each).

    The windows run from the first to the last ``stated_on`` within the filter's dates (one indexed read).
    """
    from actorgraph.analytics.projection import project

    first, last = stated_range(store, network_filter.date_from, network_filter.last_day)
    if first is None or last is None:
        raise UsageError(
            "--window needs dated statements and none match: give statements a `stated_on` (or widen --from/--to)."
        )
    out = []
    for window in windows_between(first, last, days):
        bounded = NetworkFilter(
            window.start,
            min(window.end, last),
            network_filter.predicates,
            network_filter.statuses,
            network_filter.min_reliability,
        )
        out.append((window, project(store, bounded, accounts=accounts)))
    return out


@dataclass(frozen=True)
class CampStep:
    """One actor's placement in one window."""

    window: int
    label: str
    actor: str
    name: str
    camp: str | None
    """Turned to agree with earlier windows; None when undetermined."""
    leaning: str | None
    evidence: PlacementEvidence | None


@dataclass(frozen=True)
class CampChange:
    actor: str
    name: str
    camps: list[str | None]
    """Per window: the shown camp, ``?`` when undetermined, None when the actor has no link there."""
    changes: int


@dataclass(frozen=True)
class WindowSummary:
    """How many actors each window places in each camp."""

    label: str
    a: int
    b: int
    undetermined: int
    frustration: int


@dataclass(frozen=True)
class CampSeries:
    basis: str
    windows: list[Window]
    rows: list[CampStep]
    """Every actor with a signed link, per window (window order, then as the camps report orders them)."""
    changes: list[CampChange]
    """Actors that change camp at least once, most changes first."""
    frustration: list[int]
    """Per window."""
    resamples: int

    def per_window(self) -> list[WindowSummary]:
        """Per window: actors shown in A, in B, undetermined; the frustration."""
        out = []
        for i, window in enumerate(self.windows):
            here = [r for r in self.rows if r.window == i]
            out.append(WindowSummary(window.label, sum(r.camp == "A" for r in here), sum(r.camp == "B" for r in here),
                                     sum(r.camp is None for r in here), self.frustration[i]))  # fmt: skip
        return out


def _turned(result: CampsResult, last_shown: dict[str, str], last_leaning: dict[str, str]) -> dict[str, str]:
    """Per actor, its leaning with each part's letters swapped when that agrees better with earlier windows.

    Actors shown in a camp before count most; actors only seen leaning before break ties.
    """
    score: dict[int, int] = defaultdict(int)
    for r in result.rows:
        if r.leaning is None or r.component is None:
            continue
        if r.actor in last_shown:
            weight = 4 if r.camp is not None else 2
            score[r.component] += weight if r.leaning == last_shown[r.actor] else -weight
        elif r.actor in last_leaning:
            score[r.component] += 1 if r.leaning == last_leaning[r.actor] else -1
    swap = {"A": "B", "B": "A"}
    return {
        r.actor: swap[r.leaning] if score[r.component] < 0 else r.leaning
        for r in result.rows
        if r.leaning is not None and r.component is not None
    }


def camps_over_time(
    graphs: Sequence[tuple[Window, nx.MultiDiGraph]],
    *,
    by: Basis = "hostility",
    seed: int = 0,
    include_reporters: bool = False,
    resamples: int = RESAMPLES,
) -> CampSeries:
    """Camps per window, letters kept consistent across windows, and the actors that change camp.

    >>> from actorgraph.analytics.projection import Edge, build_graph
    >>> w1, w2 = Window(dt.date(2030, 1, 1), dt.date(2030, 1, 31)), Window(dt.date(2030, 2, 1), dt.date(2030, 2, 28))
    >>> before = build_graph([], [Edge("k", "x", "ACCUSES", ("s1", "s2")), Edge("k", "y", "ACCUSES", ("s3", "s4")),
    ...                          Edge("x", "y", "ALLIED_WITH", ("s5", "s6"))])
    >>> after = build_graph([], [Edge("k", "y", "ACCUSES", ("s7", "s8")), Edge("k", "x", "SUPPORTS", ("s9", "s10")),
    ...                         Edge("x", "y", "OPPOSES", ("s11", "s12"))])
    >>> [(c.actor, c.camps) for c in camps_over_time([(w1, before), (w2, after)]).changes]
    [('x', ['B', 'A'])]
    """
    last_shown: dict[str, str] = {}
    last_leaning: dict[str, str] = {}
    history: dict[str, list[str | None]] = {}
    names: dict[str, str] = {}
    rows: list[CampStep] = []
    frustration: list[int] = []
    windows = [w for w, _ in graphs]
    for i, (_, graph) in enumerate(graphs):
        result = camps(graph, by=by, seed=seed, include_reporters=include_reporters, resamples=resamples)
        frustration.append(result.frustration)
        turned = _turned(result, last_shown, last_leaning)
        for r in result.rows:
            if r.leaning is None:
                continue
            leaning = turned[r.actor]
            shown = leaning if r.camp is not None else None
            names[r.actor] = r.name
            history.setdefault(r.actor, [None] * len(graphs))[i] = shown or "?"
            rows.append(CampStep(i, windows[i].label, r.actor, r.name, shown, leaning, r.evidence))
            last_leaning[r.actor] = leaning
            if shown is not None:
                last_shown[r.actor] = shown
    changes = []
    for actor, seen in history.items():
        shown_camps = [c for c in seen if c in ("A", "B")]
        moves = sum(1 for a, b in itertools.pairwise(shown_camps) if a != b)
        if moves:
            changes.append(CampChange(actor, names[actor], seen, moves))
    changes.sort(key=lambda c: (-c.changes, c.actor))
    return CampSeries(by, windows, rows, changes, frustration, resamples)


@dataclass(frozen=True)
class CentralityStep:
    """One actor's accusations and rank in one window."""

    window: int
    label: str
    actor: str
    name: str
    accusations_made: int
    accused: int
    rank: int
    rank_low: int
    rank_high: int
    pagerank: float


@dataclass(frozen=True)
class CentralitySeries:
    windows: list[Window]
    rows: list[CentralityStep]
    """Per window, the actors that accuse or are accused there, ranked."""


def centrality_over_time(
    graphs: Sequence[tuple[Window, nx.MultiDiGraph]],
    *,
    seed: int = 0,
    include_reporters: bool = False,
    top: int | None = None,
) -> CentralitySeries:
    """Who accuses most in each window (with rank ranges), keeping the ``top`` of each window (all: None).

    Betweenness is left out here: it is a property of the whole network, not of a window's accusations.

    >>> from actorgraph.analytics.projection import Edge, build_graph
    >>> w1, w2 = Window(dt.date(2030, 1, 1), dt.date(2030, 1, 31)), Window(dt.date(2030, 2, 1), dt.date(2030, 2, 28))
    >>> series = centrality_over_time([(w1, build_graph([], [Edge("k", "a", "ACCUSES", ("s1", "s2"))])),
    ...                                (w2, build_graph([], [Edge("a", "k", "ACCUSES", ("s3",))]))])
    >>> [(s.window, s.actor, s.accusations_made, s.rank) for s in series.rows]
    [(0, 'k', 2, 1), (0, 'a', 0, 2), (1, 'a', 1, 1), (1, 'k', 0, 2)]
    """
    rows: list[CentralityStep] = []
    for i, (_, graph) in enumerate(graphs):
        result = centrality(graph, k=1, seed=seed, include_reporters=include_reporters)
        active = [r for r in result.rows if r.accusations_made or r.accused]
        for r in active[:top] if top else active:
            rows.append(CentralityStep(i, graphs[i][0].label, r.actor, name(graph, r.actor), r.accusations_made,
                                       r.accused, r.rank, r.rank_low, r.rank_high, r.pagerank))  # fmt: skip
    return CentralitySeries([w for w, _ in graphs], rows)


__all__ = [
    "CampChange",
    "CampSeries",
    "CampStep",
    "CentralitySeries",
    "CentralityStep",
    "Window",
    "WindowSummary",
    "camps_over_time",
    "centrality_over_time",
    "project_windows",
    "window_days",
    "windows_between",
]
