"""Pictures of the reports, drawn with matplotlib's object API (no pyplot, no display: works headless).

Networks are drawn with nodes sized by weighted degree and labelled by name, hostile links red and
cooperative ones green; rankings as horizontal bars, each rank with the range resampling gives it.
Big networks are cut to their strongest actors so the labels stay readable. Camps have their own
module (``camp_plots``).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from pathlib import Path

import networkx as nx
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from actorgraph.analytics.centrality import CentralityResult, CentralityRow
from actorgraph.analytics.contested import ContestedRow
from actorgraph.analytics.contradictions import ContradictionRow
from actorgraph.analytics.layers import name, undirected
from actorgraph.analytics.windows import CentralitySeries
from actorgraph.errors import UsageError

CAMP_COLOURS = {"A": "#d1495b", "B": "#2e86ab", None: "#b0b0b0"}
EDGE_COLOURS = {-1: "#c0392b", 1: "#27ae60", 0: "#7f8c8d"}
MAX_NODES = 40
Positions = dict[str, tuple[float, float]]


def _save(fig: Figure, out: Path) -> Path:
    if out.suffix.lower() not in {".png", ".svg", ".pdf"}:
        raise UsageError(f"--plot {out}: give a file name ending in .png, .svg or .pdf.")
    out.parent.mkdir(parents=True, exist_ok=True)
    FigureCanvasAgg(fig)
    fig.savefig(out, dpi=150, bbox_inches="tight")
    return out


def _label(text: str, width: int = 18) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _strongest(graph: nx.MultiDiGraph, nodes: Sequence[str], limit: int) -> list[str]:
    strength = dict(undirected(graph).degree(weight="weight"))
    return sorted(nodes, key=lambda n: (-strength.get(n, 0), str(n)))[:limit]


def _draw_network(
    ax: Axes, graph: nx.MultiDiGraph, pos: Positions, colours: dict[str, str], highlight: str | None = None
) -> None:
    nodes = list(pos)
    strength = dict(undirected(graph.subgraph(nodes)).degree(weight="weight"))
    top = max(strength.values(), default=1) or 1
    seen: set[tuple[str, str, int]] = set()
    for u, v, data in graph.subgraph(nodes).edges(data=True):
        if u == v or (u, v, data["sign"]) in seen:
            continue
        seen.add((u, v, data["sign"]))
        (x1, y1), (x2, y2) = pos[u], pos[v]
        ax.annotate(
            "",
            xy=(x2, y2),
            xytext=(x1, y1),
            arrowprops={
                "arrowstyle": "-|>",
                "color": EDGE_COLOURS[data["sign"]],
                "alpha": 0.55,
                "lw": 0.8 + 1.5 * math.log1p(data["weight"]),
                "shrinkA": 12,
                "shrinkB": 12,
                "linestyle": "-" if data["sign"] else ":",
                "connectionstyle": "arc3,rad=0.08",
            },
            zorder=1,
        )
    for n in nodes:
        x, y = pos[n]
        size = 250 + 1600 * (strength.get(n, 0) / top)
        ax.scatter([x], [y], s=size, c=colours[n], edgecolors="black" if n == highlight else "white",
                   linewidths=2.5 if n == highlight else 1.0, zorder=2)  # fmt: skip
        ax.annotate(_label(name(graph, n)), (x, y), xytext=(0, -14 - math.sqrt(size) / 2), textcoords="offset points",
                    ha="center", va="top", fontsize=8, zorder=3,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8})  # fmt: skip
    ax.set_axis_off()
    ax.margins(0.15)


def _layout(graph: nx.MultiDiGraph, nodes: list[str], seed: int, box: tuple[float, float, float, float]) -> Positions:
    """A spring layout of ``nodes`` scaled into ``box`` = (x0, y0, x1, y1)."""
    if not nodes:
        return {}
    sub = undirected(graph.subgraph(nodes))
    raw = (
        nx.spring_layout(sub, seed=seed, k=1.5 / math.sqrt(max(len(nodes), 1)))
        if len(nodes) > 1
        else {nodes[0]: (0, 0)}
    )
    xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
    x0, y0, x1, y1 = box

    def scale(v: float, lo: float, hi: float, a: float, b: float) -> float:
        return (a + b) / 2 if hi - lo < 1e-9 else a + (v - lo) / (hi - lo) * (b - a)

    return {
        str(n): (scale(p[0], min(xs), max(xs), x0, x1), scale(p[1], min(ys), max(ys), y0, y1)) for n, p in raw.items()
    }


def plot_network(graph: nx.MultiDiGraph, nodes: Sequence[str], out: Path, *, title: str, highlight: str | None = None,
                 seed: int = 0, max_nodes: int = MAX_NODES) -> Path:  # fmt: skip
    """A labelled layout of some actors (an ego network, a chain) with their relationships."""
    keep = list(dict.fromkeys([*(n for n in [highlight] if n), *_strongest(graph, list(nodes), max_nodes)]))[:max_nodes]
    pos = _layout(graph, keep, seed, (-1.0, -1.0, 1.0, 1.0))
    fig = Figure(figsize=(11, 8))
    ax = fig.add_subplot()
    _draw_network(ax, graph, pos, {n: "#f4a259" if n == highlight else "#8cb8d6" for n in pos}, highlight)
    ax.set_title(title, fontsize=12)
    return _save(fig, out)


def _bars(ax: Axes, labels: list[str], values: list[float], colour: str, title: str,
          notes: list[str] | None = None) -> None:  # fmt: skip
    ys = list(range(len(labels)))[::-1]
    ax.barh(ys, values, color=colour)
    ax.set_yticks(ys, [_label(s, 40) for s in labels], fontsize=8)
    ax.set_title(title, fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    for i, (y, v) in enumerate(zip(ys, values, strict=True)):
        ax.text(v, y, f" {v:g}" + (f"  {notes[i]}" if notes else ""), va="center", fontsize=8)


def _rank(row: CentralityRow) -> str:
    return f"#{row.rank}" if row.rank_low == row.rank_high == row.rank else f"#{row.rank_low}-{row.rank_high}"


def plot_centrality(result: CentralityResult, out: Path, *, top: int = 15) -> Path:
    """Ranked bars: who accuses most (with each rank's resampled range), who is most accused, PageRank."""
    fig = Figure(figsize=(16, max(4.0, 0.35 * top + 1.5)))
    axes = fig.subplots(1, 3)
    made = sorted(result.rows, key=lambda r: (-r.accusations_made, r.actor))[:top]
    accused = sorted(result.rows, key=lambda r: (-r.accused, r.actor))[:top]
    ranked = sorted(result.rows, key=lambda r: (-r.pagerank, r.actor))[:top]
    _bars(axes[0], [r.name for r in made], [r.accusations_made for r in made], "#d1495b",
          "Accuses most (statements; rank and its range when resampled)", [_rank(r) for r in made])  # fmt: skip
    _bars(axes[1], [r.name for r in accused], [r.accused for r in accused], "#edae49", "Most accused (statements)")
    _bars(axes[2], [r.name for r in ranked], [round(r.pagerank, 3) for r in ranked], "#2e86ab",
          "PageRank on accusations")  # fmt: skip
    fig.tight_layout()
    return _save(fig, out)


def plot_contested(rows: list[ContestedRow], out: Path, *, top: int = 15) -> Path:
    """Affirming and denying voices per allegation, most contested at the top."""
    shown = rows[:top]
    fig = Figure(figsize=(11, max(3.0, 0.45 * len(shown) + 1.5)))
    ax = fig.add_subplot()
    ys = list(range(len(shown)))[::-1]
    ax.barh(ys, [len(r.affirming) for r in shown], color="#27ae60", label="affirming voices")
    ax.barh(ys, [-len(r.denying) for r in shown], color="#c0392b", label="denying voices")
    ax.set_yticks(ys, [_label(r.summary or r.allegation, 60) for r in shown], fontsize=8)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_title("Most contested allegations", fontsize=12)
    ax.legend(fontsize=8, frameon=False)
    fig.tight_layout()
    return _save(fig, out)


def plot_contradictions(rows: list[ContradictionRow], out: Path, *, top: int = 15) -> Path:
    """Pairs of actors by the number of allegations they contradict each other on."""
    shown = rows[:top]
    fig = Figure(figsize=(11, max(3.0, 0.4 * len(shown) + 1.5)))
    ax = fig.add_subplot()
    _bars(ax, [f"{r.name_a} ↔ {r.name_b}" for r in shown], [len(r.allegations) for r in shown], "#8e44ad",
          "Actors contradicting each other (allegations)")  # fmt: skip
    fig.tight_layout()
    return _save(fig, out)


def plot_centrality_over_time(series: CentralitySeries, out: Path, *, top: int = 8) -> Path:
    """Accusations made per window by the actors that accuse most overall: who leads when."""
    totals: dict[str, int] = {}
    names: dict[str, str] = {}
    for step in series.rows:
        totals[step.actor] = totals.get(step.actor, 0) + step.accusations_made
        names[step.actor] = step.name
    leaders = sorted((a for a in totals if totals[a]), key=lambda a: (-totals[a], a))[:top]
    fig = Figure(figsize=(max(8.0, 1.5 + 0.6 * len(series.windows)), 5.5))
    ax = fig.add_subplot()
    xs = list(range(len(series.windows)))
    for actor in leaders:
        made = {s.window: s.accusations_made for s in series.rows if s.actor == actor}
        ys = [made.get(x, 0) for x in xs]
        ax.plot(xs, ys, marker="o", lw=1.8, label=_label(names[actor], 30))
    ax.set_xticks(xs, [w.label for w in series.windows], fontsize=7, rotation=40, ha="right")
    ax.set_ylabel("accusations made (statements)")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title(f"Who accuses most, per window (the {len(leaders)} who accuse most overall)", fontsize=12)
    fig.tight_layout()
    return _save(fig, out)
