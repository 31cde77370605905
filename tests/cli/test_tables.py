"""Every report's table reads in a normal terminal: within 80 and 120 columns, names not hash ids,
short fields whole or cut with an ellipsis, only free text wrapped (no towers one word wide)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from rich.console import Console

from actorgraph.analytics import camps, centrality, contested, contradictions, ego, narratives, path, project
from actorgraph.analytics.projection import Edge, build_graph
from actorgraph.analytics.windows import Window, camps_over_time, centrality_over_time
from actorgraph.cli.analyze_cmd import print_table
from actorgraph.cli.tables import COLUMNS, report_table, voices
from actorgraph.ingest import LoadReport
from actorgraph.model.history import Change
from actorgraph.store.core import Store

WIDTHS = (80, 120)
#: A name each report's table must show (ids are lowercase slugs).
NAME_SHOWN = {"centrality": "Kremlin", "camps": "Kremlin", "narratives": "Kremlin", "contested": "Kremlin",
              "contradictions": "Kremlin", "ego": "Freedom of Russia Legion", "path": "Andriy Yusov"}  # fmt: skip
#: Tables that are parts of a report's output, each with a name it must show.
PART_NAME_SHOWN = {"frustrated": "Kremlin-like", "camps-over-time": "2030-01-01..2030-01-31",
                   "camp-changes": "Swinging Group X", "centrality-over-time": "Kremlin-like",
                   "history": "analyst-7"}  # fmt: skip


def render(report: str, result: Any, graph: Any, width: int) -> list[str]:
    out = Console(width=width, record=True, color_system=None, force_terminal=False)
    print_table(report, result, 20, graph, out)
    return out.export_text().splitlines()


@pytest.fixture
def results(store: Store, seed: LoadReport) -> tuple[Any, dict[str, Any]]:
    g = project(store)
    return g, {
        "centrality": centrality(g),
        "camps": camps(g),
        "contested": contested(g),
        "contradictions": contradictions(g),
        "ego": ego(g, "kremlin"),
        "path": path(g, "andriy-yusov", "kremlin"),
        "narratives": narratives(project(store, accounts=True, every_account=True)),
    }


def parts() -> dict[str, list[Any]]:
    """Rows of the tables that are parts of a report: broken links, the series per window."""
    names = [("k", "Kremlin-like", None), ("a", "Group A", None), ("b", "Group B", None),
             ("x", "Swinging Group X", None)]  # fmt: skip

    def e(s: str, t: str, typ: str, n: int = 2) -> Edge:
        return Edge(s, t, typ, tuple(f"{s}{t}{typ}{i}" for i in range(n)))

    one = build_graph(names, [e("k", "a", "ACCUSES"), e("k", "b", "ACCUSES"), e("a", "b", "ALLIED_WITH"),
                              e("x", "a", "SUPPORTS"), e("x", "k", "OPPOSES"), e("k", "x", "SUPPORTS", 1)])  # fmt: skip
    two = build_graph(names, [e("k", "a", "ACCUSES"), e("k", "b", "ACCUSES"), e("a", "b", "ALLIED_WITH"),
                              e("x", "k", "SUPPORTS"), e("x", "a", "OPPOSES")])  # fmt: skip
    windows = [(Window(dt.date(2030, 1, 1), dt.date(2030, 1, 31)), one),
               (Window(dt.date(2030, 2, 1), dt.date(2030, 2, 28)), two)]  # fmt: skip
    series = camps_over_time(windows)
    return {
        "frustrated": camps(one).frustrated,
        "camps-over-time": series.per_window(),
        "camp-changes": series.changes,
        "centrality-over-time": centrality_over_time(windows).rows,
        "history": [  # `actorgraph history ID`: free text wraps, the rest is cut
            Change(
                f"chg_2030010{i}T000000000000_0000000{i}",
                dt.datetime(2030, 1, i, tzinfo=dt.UTC),
                "analyst-7",
                "merge",
                "the same unit under two names, per the footage " * 2,
                "merged actor siberian-battalion into freedom-of-russia-legion",
                12,
            )
            for i in (2, 1)
        ],
    }


@pytest.mark.parametrize("width", WIDTHS)
def test_the_parts_of_reports_fit_and_show_names(width: int) -> None:
    rows = parts()
    assert set(rows) | set(NAME_SHOWN) == set(COLUMNS)
    names = {"k": "Kremlin-like", "a": "Group A", "b": "Group B", "x": "Swinging Group X"}.__getitem__
    for table, found in rows.items():
        assert found, table
        out = Console(width=width, record=True, color_system=None, force_terminal=False)
        out.print(report_table(table, found, names, width=width, title=table))
        lines = out.export_text().splitlines()
        assert [line for line in lines if len(line) > width] == [], table
        assert PART_NAME_SHOWN[table] in "\n".join(lines), table


@pytest.mark.parametrize("width", WIDTHS)
def test_every_report_fits_and_shows_names(results: tuple[Any, dict[str, Any]], width: int) -> None:
    graph, by_report = results
    assert set(by_report) | set(PART_NAME_SHOWN) == set(COLUMNS)
    for report, result in by_report.items():
        lines = render(report, result, graph, width)
        assert lines, report
        too_wide = [line for line in lines if len(line) > width]
        assert too_wide == [], f"{report} at {width}: {too_wide[:1]}"
        text = "\n".join(lines)
        assert "alg_" not in text and "stm_" not in text, f"{report} shows hash ids"
        assert NAME_SHOWN[report] in text, report  # names, not ids


@pytest.mark.parametrize("width", WIDTHS)
def test_tables_without_free_text_have_one_line_per_row(results: tuple[Any, dict[str, Any]], width: int) -> None:
    """Names and short fields are cut, never wrapped: one row, one line (a tower would take several)."""
    graph, by_report = results
    for report in ("centrality", "camps", "narratives", "ego"):
        assert not any(c.text for c in COLUMNS[report])
        lines = render(report, by_report[report], graph, width)
        body = [line for line in lines if line.startswith("│")]
        shown = min(20, len(by_report[report].rows if hasattr(by_report[report], "rows") else by_report[report]))
        assert len(body) == shown, f"{report} at {width}: {len(body)} lines for {shown} rows"


def test_contested_keeps_its_columns_readable_at_80(results: tuple[Any, dict[str, Any]]) -> None:
    graph, by_report = results
    lines = render("contested", by_report["contested"], graph, 80)
    header = next(line for line in lines if "allegation" in line)
    widths = [len(cell) for cell in header.strip("┃").split("┃")]
    assert min(widths) >= 9, header  # no column squeezed to a few characters
    assert any("CONTESTED" in line for line in lines)  # statuses whole
    rows = [line for line in lines if "CONTESTED" in line]
    assert len(rows) == len(by_report["contested"])  # one status per allegation: no tower of fragments


def test_long_lists_of_voices_are_summarised() -> None:
    names = {"k": "Kremlin", "t": "TASS", "r": "RIA", "m": "MoD"}.__getitem__
    assert voices(["k", "t", "r", "m"], names) == "Kremlin, TASS +2"
    assert voices(["k"], names) == "Kremlin"
