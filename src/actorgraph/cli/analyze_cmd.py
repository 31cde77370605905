"""``actorgraph analyze REPORT``: network reports as a table, JSON or CSV, with an optional picture.

The network is projected from Neo4j once (filters applied in Cypher), the report runs on it in
networkx, and ``--write-back`` stores centrality or camp scores on the actors for Neo4j Browser.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from actorgraph.cli.console import console, err_console
from actorgraph.cli.tables import report_table
from actorgraph.errors import UsageError
from actorgraph.model.vocabulary import AllegationStatus, Predicate
from actorgraph.settings import get_settings
from actorgraph.store.core import Store

# networkx, numpy and matplotlib load only when `analyze` runs: other commands start faster.

REPORT_NAMES = ("centrality", "camps", "contested", "contradictions", "ego", "path")
FORMATS = ("table", "json", "csv")
ACTOR_ARGUMENTS = {"ego": ("ACTOR",), "path": ("FROM", "TO")}


def _choices(values: list[str], enum: type[Predicate] | type[AllegationStatus], flag: str) -> tuple[Any, ...]:
    out = []
    for value in values:
        try:
            out.append(enum(value.strip().upper()))
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            raise UsageError(f"{flag} {value!r} is not one of: {allowed}.") from None
    return tuple(out)


def _date(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{flag} {value!r} is not a date: write it as YYYY-MM-DD.") from None


def check_usage(report: str, actors: list[str], fmt: str, write_back: bool) -> None:
    """Refuse a bad command line before anything is read."""
    if report not in REPORT_NAMES:
        raise UsageError(f"no report {report!r}: choose one of {', '.join(REPORT_NAMES)}.")
    wanted = ACTOR_ARGUMENTS.get(report, ())
    if len(actors) != len(wanted):
        usage = " ".join(("actorgraph analyze", report, *wanted))
        raise UsageError(f"`{report}` takes {len(wanted)} actor argument(s): {usage}.")
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    if write_back and report not in {"centrality", "camps"}:
        raise UsageError("--write-back stores centrality or camps scores: use it with one of those reports.")


def compute(report: str, graph: Any, actors: list[str], *, seed: int, samples: int | None, radius: int) -> Any:
    """Run one report with the options that apply to it."""
    from actorgraph.analytics import REPORTS

    if report == "centrality":
        return REPORTS[report](graph, k=samples, seed=seed)
    if report == "camps":
        return REPORTS[report](graph, seed=seed)
    if report == "ego":
        return REPORTS[report](graph, actors[0], radius=radius)
    return REPORTS[report](graph, *actors)


def rows_of(result: Any) -> list[Any]:
    """The table rows of a report result (a list of dataclasses)."""
    from actorgraph.analytics.camps import CampsResult
    from actorgraph.analytics.centrality import CentralityResult

    if isinstance(result, CentralityResult | CampsResult):
        return list(result.rows)
    return list(result)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, list):
        return "; ".join(_cell(v) if not isinstance(v, dict) else "/".join(map(str, v.values())) for v in value)
    if isinstance(value, dict):
        return "/".join(map(str, value.values()))
    return "" if value is None else str(value)


def to_json(result: Any) -> str:
    """A result as JSON: a dataclass (centrality, camps) or a list of row dataclasses."""
    if isinstance(result, list):
        data: Any = [dataclasses.asdict(r) for r in result]
    else:
        data = dataclasses.asdict(result)
    return json.dumps(data, indent=2, default=str, ensure_ascii=False)


def to_csv(rows: list[Any]) -> str:
    buffer = io.StringIO()
    if rows:
        fields = [f.name for f in dataclasses.fields(rows[0])]
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(fields)
        for row in rows:
            writer.writerow([_cell(getattr(row, f)) for f in fields])
    return buffer.getvalue()


def print_table(report: str, result: Any, limit: int, graph: Any, out: Console | None = None) -> None:
    """The report as a table sized to the terminal; names from ``graph`` (the projected network)."""
    from actorgraph.analytics.camps import CampsResult
    from actorgraph.analytics.centrality import CentralityResult
    from actorgraph.analytics.layers import name

    out = out or console
    rows = rows_of(result)
    if not rows:
        out.print(f"[dim]{report}: nothing to report for this network.[/]")
        return

    def names(actor: str) -> str:
        return name(graph, actor) if actor in graph else actor

    title = f"{report} ({min(limit, len(rows))} of {len(rows)})"
    out.print(report_table(report, rows[:limit], names, width=out.width, title=title))
    if isinstance(result, CampsResult):
        how = "exact" if result.exact else "local search"
        out.print(
            f"Frustration: {result.frustration} relationship(s) break the split (weight "
            f"{result.frustration_weight:g}, {how}); {len(result.communities)} cooperative communities."
        )
        if result.frustrated:
            broken = Table(title="Relationships that break the split", pad_edge=False, collapse_padding=True)
            for col in ("source", "target", "type", "statements", "camps"):
                number = col == "statements"
                broken.add_column(col, no_wrap=True, overflow="ellipsis", justify="right" if number else "left",
                                  max_width=None if number else 30)  # fmt: skip
            for e in result.frustrated[:limit]:
                broken.add_row(names(e.source), names(e.target), e.type, str(e.weight),
                               f"{e.source_camp}->{e.target_camp}")  # fmt: skip
            out.print(broken)
    if isinstance(result, CentralityResult) and result.betweenness_samples:
        out.print(f"[dim]betweenness estimated from {result.betweenness_samples} sampled sources[/]")


def draw(report: str, graph: Any, result: Any, out: Path, seed: int) -> Path:
    """The picture that suits the report."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    from actorgraph.analytics import plots

    if report == "camps":
        return plots.plot_camps(graph, result, out, seed=seed)
    if report == "centrality":
        return plots.plot_centrality(result, out)
    if report == "contested":
        return plots.plot_contested(result, out)
    if report == "contradictions":
        return plots.plot_contradictions(result, out)
    if report == "ego":
        center = str(graph.graph["ego_center"])
        nodes = [center, *(r.neighbour for r in result)]
        return plots.plot_network(graph, nodes, out, title=f"Around {graph.nodes[center]['name']}", highlight=center,
                                  seed=seed)  # fmt: skip
    nodes = list(dict.fromkeys(n for p in result for n in p.actors))
    title = "Shortest paths: " + (" → ".join(result[0].names) if result else "none")
    return plots.plot_network(graph, nodes, out, title=title, seed=seed)


def register(app: typer.Typer) -> None:
    @app.command()
    def analyze(
        report: Annotated[str, typer.Argument(help=f"One of: {', '.join(REPORT_NAMES)}.", show_default=False)],
        actors: Annotated[
            list[str] | None,
            typer.Argument(help="`ego ACTOR`, `path FROM TO`: actor ids or names.", show_default=False),
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
        plot: Annotated[Path | None, typer.Option("--plot", help="Draw the result into FILE.png (.svg, .pdf).")] = None,
        write_back: Annotated[
            bool, typer.Option("--write-back", help="Store scores on the actors (centrality, camps).")
        ] = False,
        date_from: Annotated[
            str | None, typer.Option("--from", help="Only statements stated on/after YYYY-MM-DD.")
        ] = None,
        date_to: Annotated[
            str | None, typer.Option("--to", help="Only statements stated on/before YYYY-MM-DD.")
        ] = None,
        predicate: Annotated[
            list[str] | None, typer.Option("--predicate", "-p", help="Only allegations of this predicate (repeatable).")
        ] = None,
        status: Annotated[
            list[str] | None, typer.Option("--status", "-s", help="Only allegations with this status (repeatable).")
        ] = None,
        limit: Annotated[int, typer.Option(help="Rows shown in the table.")] = 20,
        seed: Annotated[int, typer.Option(help="Seed for everything random (layout, sampling, Louvain).")] = 0,
        radius: Annotated[int, typer.Option(help="`ego`: how many hops out.")] = 1,
        samples: Annotated[
            int | None, typer.Option(help="`centrality`: sources sampled for betweenness (default: exact when small).")
        ] = None,
    ) -> None:
        """Analyse the actor network: centrality, camps, contested, contradictions, ego ACTOR, path FROM TO."""
        from actorgraph.analytics import NEEDS_ACCOUNTS, NetworkFilter, project
        from actorgraph.analytics.ego import resolve

        names = list(actors or [])
        check_usage(report, names, fmt, write_back)
        network_filter = NetworkFilter(
            date_from=_date(date_from, "--from"),
            date_to=_date(date_to, "--to"),
            predicates=_choices(predicate or [], Predicate, "--predicate"),
            statuses=_choices(status or [], AllegationStatus, "--status"),
        )
        network_filter.check()
        if radius < 1:
            raise UsageError("--radius must be at least 1.")
        settings = get_settings()
        with Store.connect(settings) as store:
            graph = project(store, network_filter, accounts=report in NEEDS_ACCOUNTS)
            if report == "ego":
                graph.graph["ego_center"] = resolve(graph, names[0])
            result = compute(report, graph, names, seed=seed, samples=samples, radius=radius)
            written = None
            if write_back:
                from actorgraph.analytics.writeback import write_back as store_scores

                written = store_scores(store, result)
        if fmt == "json":
            typer.echo(to_json(result))
        elif fmt == "csv":
            typer.echo(to_csv(rows_of(result)), nl=False)
        else:
            print_table(report, result, limit, graph)
        if plot is not None:
            saved = draw(report, graph, result, plot, seed)
            err_console.print(f"picture: {saved}")
        if written is not None:
            err_console.print(f"wrote {report} scores on {written} actor(s)")
