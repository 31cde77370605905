"""Pictures of camps: the two camps with the evidence behind each placement, and who changes camp over time.

The camps picture puts camp A on the left and camp B on the right, each actor labelled with the links
its placement rests on and how often resampling kept it there. Undetermined actors are drawn hollow
in a band of their own under the side they lean to, so a placement resting on one link never looks
like a firm one; actors with no signed link sit at the bottom, reporting voices left out are named in
a note. Links are drawn as they count: green positive (cooperative, or agreeing), red negative
(hostile, or contradicting), dashed where they break the split.
"""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

import networkx as nx
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from actorgraph.analytics.balance import Link
from actorgraph.analytics.camps import CampRow, CampsResult, hostility_links
from actorgraph.analytics.narratives import narrative_links
from actorgraph.analytics.plots import CAMP_COLOURS, EDGE_COLOURS, MAX_NODES, Positions, _label, _save
from actorgraph.analytics.windows import CampSeries

TITLES = {
    "hostility": ("Hostility camps: who is hostile to whom",
                  "cooperative / structural", "hostile (accuses, opposes, contradicts)"),
    "narrative": ("Narrative camps: who backs which account",
                  "agree (both affirm or both deny)", "contradict (one affirms what the other denies)"),
}  # fmt: skip
UNDETERMINED_BAND = -1.05
UNLINKED_BAND = -1.62


def camp_links(graph: nx.MultiDiGraph, result: CampsResult) -> list[Link]:
    """The signed links a camps result was computed from (the same basis, reporters the same way)."""
    include = not result.reporters_left_out
    if result.basis == "narrative":
        return narrative_links(graph, include_reporters=include)
    return hostility_links(graph, include_reporters=include)


def _row_positions(names: list[str], x0: float, x1: float, y: float) -> Positions:
    if not names:
        return {}
    step = (x1 - x0) / len(names)
    return {n: (x0 + step * (i + 0.5), y) for i, n in enumerate(names)}


Box = tuple[float, float, float, float]


def _camp_layout(rows: list[CampRow], links: list[Link], seed: int, box: Box) -> Positions:
    """A spring layout of one camp's actors (linked by their links) scaled into ``box``."""
    if not rows:
        return {}
    g = nx.Graph()
    g.add_nodes_from(r.actor for r in rows)
    g.add_edges_from((k.a, k.b) for k in links if k.a in g and k.b in g)
    raw = nx.spring_layout(g, seed=seed, k=1.6 / math.sqrt(len(rows))) if len(rows) > 1 else {rows[0].actor: (0, 0)}
    xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
    x0, y0, x1, y1 = box

    def scale(v: float, lo: float, hi: float, a: float, b: float) -> float:
        return (a + b) / 2 if hi - lo < 1e-9 else a + (v - lo) / (hi - lo) * (b - a)

    return {
        str(n): (scale(p[0], min(xs), max(xs), x0, x1), scale(p[1], min(ys), max(ys), y0, y1)) for n, p in raw.items()
    }


def _evidence_text(row: CampRow) -> str:
    e = row.evidence
    if e is None:
        return ""
    return f"{e.links} link{'s' if e.links != 1 else ''} · kept {round(100 * e.stability)}%"


def plot_camps(
    graph: nx.MultiDiGraph, result: CampsResult, out: Path, *, seed: int = 0, max_nodes: int = MAX_NODES
) -> Path:
    """Camp A left, camp B right, undetermined actors hollow below their leaning, each with its evidence."""
    links = camp_links(graph, result)
    strength = {r.actor: r.evidence.weight if r.evidence else 0.0 for r in result.rows}

    def strongest(rows: list[CampRow], limit: int) -> list[CampRow]:
        return sorted(rows, key=lambda r: (-strength[r.actor], r.actor))[: max(limit, 0)]

    placed = strongest([r for r in result.rows if r.camp], max_nodes)
    unsure = strongest([r for r in result.rows if r.undetermined], min(12, max_nodes - len(placed)))
    loose = [r for r in result.rows if r.leaning is None and not r.reporting]
    loose = sorted(loose, key=lambda r: r.name)[: max(0, min(8, max_nodes - len(placed) - len(unsure)))]
    pos: Positions = {}
    pos |= _camp_layout([r for r in placed if r.camp == "A"], links, seed, (-2.3, -0.55, -0.6, 1.0))
    pos |= _camp_layout([r for r in placed if r.camp == "B"], links, seed, (0.6, -0.55, 2.3, 1.0))
    pos |= _row_positions([r.actor for r in unsure if r.leaning == "A"], -2.5, -0.45, UNDETERMINED_BAND)
    pos |= _row_positions([r.actor for r in unsure if r.leaning == "B"], 0.45, 2.5, UNDETERMINED_BAND)
    pos |= _row_positions([r.actor for r in loose], -2.4, 2.4, UNLINKED_BAND)
    rows = {r.actor: r for r in result.rows}
    fig = Figure(figsize=(14, 9))
    ax = fig.add_subplot()
    _draw_links(ax, links, pos, result)
    top = max((strength[n] for n in pos), default=1.0) or 1.0
    for n, (x, y) in pos.items():
        row = rows[n]
        colour = CAMP_COLOURS.get(row.camp or row.leaning)
        size = 220 + 1500 * math.sqrt(strength[n] / top)
        if row.camp:
            ax.scatter([x], [y], s=size, c=colour, edgecolors="white", linewidths=1.2, zorder=3)
        elif row.leaning:
            ax.scatter([x], [y], s=size, facecolors="white", edgecolors=colour, linewidths=1.8, hatch="////", zorder=3)
        else:
            ax.scatter([x], [y], s=180, c=CAMP_COLOURS[None], edgecolors="white", zorder=3)
        offset = -10 - math.sqrt(size) / 2
        plate = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8}
        ax.annotate(_label(row.name), (x, y), xytext=(0, offset), textcoords="offset points", ha="center", va="top",
                    fontsize=8, zorder=4, bbox=plate)  # fmt: skip
        if row.evidence:
            ax.annotate(_evidence_text(row), (x, y), xytext=(0, math.sqrt(size) / 2 + 3), textcoords="offset points",
                        ha="center", va="bottom", fontsize=6.5, color="#555555", zorder=4)  # fmt: skip
    names = {r.actor: r.name for r in result.rows}
    _frame(ax, result, len(pos), len(result.rows) - len(result.reporters_left_out), bool(unsure), bool(loose),
           [names.get(a, a) for a in result.reporters_left_out])  # fmt: skip
    return _save(fig, out)


def _draw_links(ax: Axes, links: list[Link], pos: Positions, result: CampsResult) -> None:
    """One line per pair of drawn actors: net sign, width by weight, dashed when it breaks the split."""
    net: dict[tuple[str, str], float] = defaultdict(float)
    for k in links:
        if k.a in pos and k.b in pos:
            key = (k.a, k.b) if k.a <= k.b else (k.b, k.a)
            net[key] += k.sign * k.weight
    broken = {(e.source, e.target) if e.source <= e.target else (e.target, e.source) for e in result.frustrated}
    for (a, b), j in net.items():
        if abs(j) < 1e-12:
            continue
        (x1, y1), (x2, y2) = pos[a], pos[b]
        sign = 1 if j > 0 else -1
        ax.plot([x1, x2], [y1, y2], color=EDGE_COLOURS[sign], lw=0.8 + 1.4 * math.log1p(abs(j)),
                alpha=0.9 if (a, b) in broken else 0.45, linestyle=(0, (4, 2)) if (a, b) in broken else "-",
                zorder=1)  # fmt: skip


def _frame(ax: Axes, result: CampsResult, shown: int, total: int, unsure: bool, loose: bool,
           reporters: list[str]) -> None:  # fmt: skip
    title, positive, negative = TITLES[result.basis]
    ax.axvline(0, color="#dddddd", lw=1, zorder=0)
    ax.text(-1.45, 1.22, "Camp A", ha="center", fontsize=13, color=CAMP_COLOURS["A"], weight="bold")
    ax.text(1.45, 1.22, "Camp B", ha="center", fontsize=13, color=CAMP_COLOURS["B"], weight="bold")
    if unsure:
        ax.add_patch(Rectangle((-2.6, UNDETERMINED_BAND - 0.32), 5.2, 0.56, color="#f4f4f4", zorder=0))
        ax.text(0, UNDETERMINED_BAND, "undetermined:\ntoo little evidence;\ndrawn under the\ncamp it leans to",
                ha="center", va="center", fontsize=7, color="#777777", zorder=2,
                bbox={"boxstyle": "round,pad=0.2", "fc": "#f4f4f4", "ec": "none"})  # fmt: skip
    if loose:
        ax.text(0, UNLINKED_BAND + 0.17, "no signed link", ha="center", fontsize=8, color="#777777")
    cut = f" ({shown} of {total} actors drawn, the strongest)" if shown < total else ""
    rule = (f"a camp is shown with at least {result.min_links} links, kept in {round(100 * result.min_stability)}% "
            f"of {result.resamples} resamples")  # fmt: skip
    ax.set_title(f"{title}{cut}\n{result.frustration} link(s) break the split (weight "
                 f"{result.frustration_weight:g}) · {rule}", fontsize=12)  # fmt: skip
    handles = [
        Line2D([], [], color=EDGE_COLOURS[1], lw=2, label=positive),
        Line2D([], [], color=EDGE_COLOURS[-1], lw=2, label=negative),
        Line2D([], [], color="#555555", lw=1.5, linestyle=(0, (4, 2)), label="breaks the split"),
        Patch(facecolor="white", edgecolor="#555555", hatch="////", label="undetermined"),
        Line2D([], [], marker="o", ls="", color=CAMP_COLOURS[None], label="no signed link"),
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=5, fontsize=8, frameon=False)
    if reporters:
        names = ", ".join(reporters[:4]) + (f" +{len(reporters) - 4}" if len(reporters) > 4 else "")
        ax.text(0, -2.05, f"Left out as reporting voices (their statements stay as provenance): {names}",
                ha="center", fontsize=8, color="#777777")  # fmt: skip
    ax.set_xlim(-2.8, 2.8)
    ax.set_ylim(-2.15, 1.4)
    ax.set_axis_off()


def plot_camp_changes(series: CampSeries, out: Path, *, max_actors: int = 30) -> Path:
    """A grid of actors by window, each cell its camp: who changes camp stands out at the top."""
    windows = series.windows
    seen: dict[str, dict[int, str | None]] = defaultdict(dict)
    names: dict[str, str] = {}
    for step in series.rows:
        seen[step.actor][step.window] = step.camp
        names[step.actor] = step.name
    changes = {c.actor: c.changes for c in series.changes}
    order = sorted(seen, key=lambda a: (-changes.get(a, 0), -sum(1 for c in seen[a].values() if c), names[a]))
    order = order[:max_actors]
    fig = Figure(figsize=(max(7.0, 1.6 + 0.55 * len(windows)), max(3.0, 1.6 + 0.32 * len(order))))
    ax = fig.add_subplot()
    for y, actor in enumerate(order):
        if actor in changes:
            ax.add_patch(Rectangle((-0.5, y - 0.5), len(windows), 1, color="#fff4d6", zorder=0))
        for x, camp in seen[actor].items():
            if camp:
                ax.add_patch(Rectangle((x - 0.4, y - 0.35), 0.8, 0.7, color=CAMP_COLOURS[camp], zorder=1))
                ax.text(x, y, camp, ha="center", va="center", fontsize=7, color="white", weight="bold", zorder=2)
            else:
                ax.add_patch(Rectangle((x - 0.4, y - 0.35), 0.8, 0.7, facecolor="white", hatch="////",
                                       edgecolor=CAMP_COLOURS[None], zorder=1))  # fmt: skip
                ax.text(x, y, "?", ha="center", va="center", fontsize=7, color="#555555", zorder=2)
    labels = [names[a] + (f"  (changes {changes[a]}x)" if a in changes else "") for a in order]
    ax.set_yticks(range(len(order)), labels, fontsize=8)
    for tick, actor in zip(ax.get_yticklabels(), order, strict=True):
        if actor in changes:
            tick.set_fontweight("bold")
    ax.set_xticks(range(len(windows)), [w.label for w in windows], fontsize=7, rotation=40, ha="right")
    ax.set_xlim(-0.5, len(windows) - 0.5)
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.tick_params(length=0)
    ax.spines[["top", "right", "left", "bottom"]].set_visible(False)
    moved = len(series.changes)
    ax.set_title(f"Who changes camp: {series.basis} camps per window\n"
                 f"{moved} actor(s) change camp (highlighted); hatched ? = undetermined that window, "
                 "blank = no signed link", fontsize=11)  # fmt: skip
    fig.tight_layout()
    return _save(fig, out)


__all__ = ["camp_links", "plot_camp_changes", "plot_camps"]
