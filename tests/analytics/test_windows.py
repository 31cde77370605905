"""Camps and centrality per time window: window lengths, consistent letters, who changes camp, the picture."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from actorgraph.analytics.camp_plots import plot_camp_changes
from actorgraph.analytics.plots import plot_centrality_over_time
from actorgraph.analytics.projection import Edge, build_graph
from actorgraph.analytics.windows import (
    Window,
    camps_over_time,
    centrality_over_time,
    window_days,
    windows_between,
)
from actorgraph.errors import UsageError


def e(s: str, t: str, typ: str, n: int = 2, on: dt.date | None = None) -> Edge:
    return Edge(s, t, typ, tuple(f"{s}{t}{typ}{i}" for i in range(n)), on, on)


def test_window_lengths_and_bounds() -> None:
    assert window_days("30d") == 30 and window_days("2w") == 14 and window_days(" 5 ") == 5
    for bad in ("0d", "1y", "month", ""):
        with pytest.raises(UsageError, match="30d or 2w"):
            window_days(bad)
    found = windows_between(dt.date(2030, 1, 1), dt.date(2030, 3, 1), 30)
    assert [w.label for w in found] == ["2030-01-01..2030-01-30", "2030-01-31..2030-03-01"]
    assert windows_between(dt.date(2030, 1, 1), dt.date(2030, 1, 1), 1)[0].label == "2030-01-01"
    with pytest.raises(UsageError, match="longer window"):
        windows_between(dt.date(2000, 1, 1), dt.date(2030, 1, 1), 1)


W = [Window(dt.date(2030, m, 1), dt.date(2030, m, 28)) for m in (1, 2, 3)]


def series_graphs():  # type: ignore[no-untyped-def]
    """k stays against a and b; x sides with a, then (window 2) with k, then back; the strongest actor moves."""
    one = build_graph([], [e("k", "a", "ACCUSES"), e("k", "b", "ACCUSES"), e("a", "b", "ALLIED_WITH"),
                           e("x", "a", "SUPPORTS"), e("x", "k", "OPPOSES")])  # fmt: skip
    two = build_graph([], [e("k", "a", "ACCUSES", 5), e("k", "b", "ACCUSES", 5), e("a", "b", "ALLIED_WITH"),
                           e("x", "k", "SUPPORTS"), e("x", "a", "OPPOSES")])  # fmt: skip
    three = build_graph([], [e("a", "k", "ACCUSES", 9), e("b", "k", "ACCUSES"), e("a", "b", "ALLIED_WITH"),
                             e("x", "a", "SUPPORTS"), e("x", "k", "OPPOSES")])  # fmt: skip
    return [(W[0], one), (W[1], two), (W[2], three)]


def test_letters_stay_put_across_windows_and_changes_are_found() -> None:
    series = camps_over_time(series_graphs())
    by_window = {(s.window, s.actor): s.camp for s in series.rows}
    for w in range(3):  # k keeps its letter although the strongest actor (who names camp A) changes
        assert by_window[(w, "k")] == by_window[(0, "k")] is not None
        assert by_window[(w, "a")] == by_window[(0, "a")] != by_window[(0, "k")]
    assert [(c.actor, c.changes) for c in series.changes] == [("x", 2)]
    assert series.changes[0].camps == [by_window[(0, "a")], by_window[(0, "k")], by_window[(0, "a")]]
    assert [s.a + s.b + s.undetermined for s in series.per_window()] == [4, 4, 4]


def test_undetermined_windows_are_no_change() -> None:
    thin = build_graph([], [e("k", "a", "ACCUSES"), e("k", "b", "ACCUSES"), e("a", "b", "ALLIED_WITH"),
                            e("x", "k", "SUPPORTS")])  # fmt: skip
    graphs = series_graphs()
    series = camps_over_time([graphs[0], (W[1], thin), graphs[2]])
    x = next(s for s in series.rows if s.actor == "x" and s.window == 1)
    assert x.camp is None and x.leaning is not None  # one link in window 2: undetermined, not a move
    assert series.changes == []


def test_centrality_per_window_keeps_the_top() -> None:
    series = centrality_over_time(series_graphs(), top=1)
    assert [(s.window, s.actor, s.accusations_made) for s in series.rows] == [(0, "k", 4), (1, "k", 10), (2, "a", 9)]


def test_pictures_of_the_series(tmp_path: Path) -> None:
    changes = plot_camp_changes(camps_over_time(series_graphs()), tmp_path / "changes.png")
    accusers = plot_centrality_over_time(centrality_over_time(series_graphs()), tmp_path / "accusers.png")
    for picture in (changes, accusers):
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size > 10_000
