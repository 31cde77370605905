"""The tables of ``actorgraph analyze``: readable in an 80-column terminal, fuller in a wider one.

A report row holds ids and every field (``--format json|csv`` print them all). A person at a terminal
wants names, not hash ids, and the few columns that answer the question. So each report has a list
of :class:`Column`: what to show (names looked up in the projected graph), how wide it may get, and
whether it is free text — the only kind that wraps. Short columns never wrap (they are cut with an
ellipsis) and numbers keep their width, so no column turns into a tower one word wide.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.table import Table
from rich.text import Text

#: An actor id -> its display name (from the projected graph).
Names = Callable[[str], str]


@dataclass(frozen=True)
class Column:
    """One column of a report table."""

    header: str
    value: Callable[[Any, Names], str]
    #: Free text (summaries, paths) wraps; everything else is cut with an ellipsis.
    text: bool = False
    number: bool = False
    min_width: int | None = None
    max_width: int | None = None
    #: Shown only when the terminal is at least this wide.
    from_width: int = 0


def _num(value: float) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def voices(ids: Sequence[str], names: Names, shown: int = 2) -> str:
    """The first ``shown`` names, then how many more: a short cell for a long list."""
    head = ", ".join(names(i) for i in ids[:shown])
    more = len(ids) - shown
    return f"{head} +{more}" if more > 0 else head


def _field(name: str) -> Callable[[Any, Names], str]:
    return lambda row, _: _num(getattr(row, name))


def _actor(name: str) -> Callable[[Any, Names], str]:
    return lambda row, names: names(getattr(row, name))


def _listed(items: Sequence[str], shown: int) -> str:
    more = len(items) - shown
    return "; ".join(items[:shown]) + (f"; +{more} more" if more > 0 else "")


def camp_cell(row: Any) -> str:
    """``A``/``B`` when shown, ``A?``/``B?`` when undetermined (the leaning), ``-`` with no signed link."""
    if row.camp is not None:
        return str(row.camp)
    if row.leaning is not None:
        return f"{row.leaning}?"
    return "rep." if getattr(row, "reporting", False) else "-"


def rank_cell(row: Any) -> str:
    """The rank, or the range it moves in when the statements are resampled (``2-4``)."""
    if row.rank_low == row.rank_high == row.rank:
        return str(row.rank)
    return f"{row.rank_low}-{row.rank_high}"


def _evidence(name: str, fmt: Callable[[Any], str]) -> Callable[[Any, Names], str]:
    return lambda row, _: "" if row.evidence is None else fmt(getattr(row.evidence, name))


def _share(value: float | None) -> str:
    return "" if value is None else f"{round(100 * value)}%"


CAMP_COLUMNS = [
    Column("actor", _actor("actor"), min_width=12, max_width=40),
    Column("camp", lambda r, _: camp_cell(r), max_width=4),
    Column("links", _evidence("links", str), number=True),
    Column("weight", _evidence("weight", lambda w: f"{w:g}"), number=True),
    Column("kept", _evidence("stability", _share), number=True),
    Column("community", lambda r, _: str(r.community) if r.community_size > 1 else "-", number=True),
    Column("comm. kept", lambda r, _: _share(r.community_stability), number=True, from_width=100),
    Column("part", lambda r, _: "-" if r.component is None else str(r.component), number=True),
    Column("id", _field("actor"), max_width=30, from_width=110),
]


def _what(row: Any) -> str:
    return f"{row.summary} (why: {row.reason})" if row.reason else row.summary


HISTORY_COLUMNS = [
    Column("when (UTC)", lambda r, _: f"{r.at:%Y-%m-%d %H:%M}"),
    Column("who", lambda r, _: r.who, min_width=8, max_width=20),
    Column("action", lambda r, _: r.action, max_width=16),
    Column("what", lambda r, _: _what(r), text=True, min_width=20),
    Column("change", lambda r, _: r.id, max_width=40, from_width=130),
]

COLUMNS: dict[str, list[Column]] = {
    "history": HISTORY_COLUMNS,
    "centrality": [
        Column("actor", _actor("actor"), min_width=12, max_width=40),
        Column("rank", lambda r, _: rank_cell(r), number=True),
        Column("accuses", _field("accusations_made"), number=True),
        Column("accused", _field("accused"), number=True),
        Column("PageRank", _field("pagerank"), number=True),
        Column("betweenness", _field("betweenness"), number=True),
        Column("id", _field("actor"), max_width=30, from_width=110),
    ],
    "camps": CAMP_COLUMNS,
    "narratives": CAMP_COLUMNS,
    "frustrated": [
        Column("actor", _actor("source"), min_width=10, max_width=30),
        Column("other actor", _actor("target"), min_width=10, max_width=30),
        Column("link", _field("type"), max_width=21),
        Column("weight", lambda r, _: f"{r.weight:g}", number=True),
        Column("camps", lambda r, _: f"{r.source_camp}-{r.target_camp}", max_width=5),
        Column("on", lambda r, _: _listed(r.allegations, 2), text=True, min_width=16, from_width=100),
    ],
    "camps-over-time": [
        Column("window", lambda r, _: r.label, max_width=22),
        Column("A", _field("a"), number=True),
        Column("B", _field("b"), number=True),
        Column("undetermined", _field("undetermined"), number=True),
        Column("frustration", _field("frustration"), number=True),
    ],
    "camp-changes": [
        Column("actor", _actor("actor"), min_width=12, max_width=36),
        Column("changes", _field("changes"), number=True),
        Column("camp per window", lambda r, _: " ".join(c or "." for c in r.camps), text=True, min_width=16),
    ],
    "centrality-over-time": [
        Column("window", lambda r, _: r.label, max_width=22),
        Column("actor", _actor("actor"), min_width=12, max_width=36),
        Column("rank", lambda r, _: rank_cell(r), number=True),
        Column("accuses", _field("accusations_made"), number=True),
        Column("accused", _field("accused"), number=True),
    ],
    "contested": [
        Column("allegation", lambda r, _: r.summary, text=True, min_width=24),
        Column("status", lambda r, _: r.status or "-", max_width=12),
        Column("affirming", lambda r, n: voices(r.affirming, n), min_width=10, max_width=28),
        Column("denying", lambda r, n: voices(r.denying, n), min_width=10, max_width=28),
        Column("sources", _field("sources"), number=True),
        Column("balance", lambda r, _: f"{r.balance:.2f}", number=True, from_width=100),
        Column("why", lambda r, _: r.reason, text=True, min_width=30, from_width=160),
    ],
    "contradictions": [
        Column("actor", _actor("actor_a"), min_width=10, max_width=30),
        Column("denies", _field("a_denies_b"), number=True),
        Column("other actor", _actor("actor_b"), min_width=10, max_width=30),
        Column("denies", _field("b_denies_a"), number=True),
        Column("on", lambda r, _: _listed(r.summaries, 2), text=True, min_width=20),
    ],
    "ego": [
        Column("neighbor", _actor("neighbour"), min_width=12, max_width=36),
        Column("ring", _field("distance"), number=True),
        Column("type", _field("type"), max_width=21),
        Column("dir", _field("direction"), max_width=3),
        Column("statements", _field("weight"), number=True),
        Column("via", _actor("via"), max_width=30, from_width=100),
    ],
    "path": [
        Column("#", _field("rank"), number=True),
        Column("hops", _field("length"), number=True),
        Column("path", lambda r, _: " → ".join(r.names), text=True, min_width=30),
        Column(
            "relationships",
            lambda r, _: " | ".join(",".join(h.types) for h in r.hops),
            text=True,
            from_width=100,
        ),
    ],
}


#: Names give up width first, but only down to this; then free text; then names down to their floor.
SOFT_NAME_WIDTH = 22


def _widths(columns: Sequence[Column], cells: list[list[str]], budget: int) -> list[int]:
    """Column widths that fit ``budget``: numbers and short fields whole, names cut, free text wraps."""
    natural = [
        min(c.max_width or 10**6, max([len(c.header), *(len(row[i]) for row in cells)])) for i, c in enumerate(columns)
    ]
    shrinkable = [i for i, c in enumerate(columns) if c.text or (not c.number and (c.max_width or 99) > 12)]
    floors = {i: min(natural[i], max(len(columns[i].header), columns[i].min_width or 8)) for i in shrinkable}
    text = [i for i in shrinkable if columns[i].text]
    names = [i for i in shrinkable if not columns[i].text]
    soft = {i: max(floors[i], min(natural[i], SOFT_NAME_WIDTH)) for i in names}
    widths = list(natural)
    excess = sum(widths) - budget
    for group, floor in ((names, soft), (text, floors), (names, floors)):
        while excess > 0:
            room = [i for i in group if widths[i] > floor[i]]
            if not room:
                break
            widest = max(room, key=lambda i: widths[i] - floor[i])
            step = min(excess, widths[widest] - floor[widest], max(1, excess // len(room)))
            widths[widest] -= step
            excess -= step
    if excess < 0 and text:  # room to spare: free text takes it (fewer wrapped lines)
        for i in text:
            widths[i] += -excess // len(text)
    return widths


def report_table(report: str, rows: Sequence[Any], names: Names, *, width: int, title: str) -> Table:
    """The table of ``rows`` of ``report`` for a terminal ``width`` columns wide."""
    columns = [c for c in COLUMNS[report] if width >= c.from_width]
    cells = [[c.value(row, names) for c in columns] for row in rows]
    # A table of n columns draws n + 1 rules and pads each cell by one space either side.
    sizes = _widths(columns, cells, width - (3 * len(columns) + 1))
    table = Table(title=title, expand=False)
    for c, size in zip(columns, sizes, strict=True):
        table.add_column(
            c.header,
            justify="right" if c.number else "left",
            no_wrap=not c.text,
            overflow="fold" if c.text else "ellipsis",
            width=size,
        )
    for row in cells:
        table.add_row(*(Text(cell) for cell in row))
    return table


__all__ = ["COLUMNS", "Column", "camp_cell", "rank_cell", "report_table", "voices"]
