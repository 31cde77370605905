"""``actorgraph analyze REPORT``: network reports as a table, JSON or CSV, with an optional picture.

The network is projected from Neo4j once (filters applied in Cypher), the report runs on it in
networkx, and ``--write-back`` stores centrality or camp scores on the actors for Neo4j Browser.
With ``--window`` the statements are cut into windows of ``stated_on`` and camps or centrality run on
each window's network (one projection per window).
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

from actorgraph.cli.console import console, err_console
from actorgraph.cli.tables import report_table
from actorgraph.errors import UsageError
from actorgraph.model.vocabulary import AllegationStatus, Predicate, Reliability
from actorgraph.settings import get_settings
from actorgraph.store.core import Store

# networkx, numpy and matplotlib load only when `analyze` runs: other commands start faster.

REPORT_NAMES = ("centrality", "camps", "narratives", "contested", "contradictions", "ego", "path")
FORMATS = ("table", "json", "csv")
ACTOR_ARGUMENTS = {"ego": ("ACTOR",), "path": ("FROM", "TO")}
#: What camps are built from: who is hostile to whom, or which accounts actors back (``narratives``).
BASES = ("hostility", "narrative")
#: Reports that run per time window with ``--window``.
WINDOWED = ("centrality", "camps", "narratives")
#: Reports that leave reporting voices out unless ``--include-reporters``.
PLACING = ("centrality", "camps", "narratives")


def _choices(
    values: list[str], enum: type[Predicate] | type[AllegationStatus] | type[Reliability], flag: str
) -> tuple[Any, ...]:
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


def basis_of(report: str, by: str) -> str:
    """What a camps report is built from: ``narratives`` is camps by narrative alignment."""
    return "narrative" if report == "narratives" else by


def check_usage(report: str, actors: list[str], fmt: str, write_back: bool, *, by: str = "hostility",
                window: str | None = None, include_reporters: bool = False) -> None:  # fmt: skip
    """Refuse a bad command line before anything is read."""
    if report not in REPORT_NAMES:
        raise UsageError(f"no report {report!r}: choose one of {', '.join(REPORT_NAMES)}.")
    wanted = ACTOR_ARGUMENTS.get(report, ())
    if len(actors) != len(wanted):
        usage = " ".join(("actorgraph analyze", report, *wanted))
        raise UsageError(f"`{report}` takes {len(wanted)} actor argument(s): {usage}.")
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    if by not in BASES:
        raise UsageError(
            f"--by {by!r}: choose hostility (who is hostile to whom) or narrative (who backs which account)."
        )
    if by != "hostility" and report != "camps":
        raise UsageError(f"--by chooses what camps are built from: use it with `camps`, not `{report}`.")
    if window is not None and report not in WINDOWED:
        raise UsageError(f"--window runs {', '.join(WINDOWED)} per time window: not `{report}`.")
    if include_reporters and report not in PLACING:
        raise UsageError(f"--include-reporters changes {', '.join(PLACING)}: not `{report}`.")
    if write_back and basis_of(report, by) != "hostility":
        raise UsageError("--write-back stores hostility camps only (narrative camps are not stored): drop it.")
    if write_back and report not in {"centrality", "camps"}:
        raise UsageError("--write-back stores centrality or camps scores: use it with one of those reports.")
    if write_back and window is not None:
        raise UsageError("--write-back stores the scores of one network: drop --window or --write-back.")


def compute(report: str, graph: Any, actors: list[str], *, seed: int, samples: int | None, radius: int,
            by: str = "hostility", include_reporters: bool = False) -> Any:  # fmt: skip
    """Run one report with the options that apply to it."""
    from actorgraph.analytics import REPORT_FUNCTIONS

    if report == "centrality":
        return REPORT_FUNCTIONS[report](graph, k=samples, seed=seed, include_reporters=include_reporters)
    if report in ("camps", "narratives"):
        return REPORT_FUNCTIONS["camps"](graph, by=basis_of(report, by), seed=seed,
                                         include_reporters=include_reporters)  # fmt: skip
    if report == "ego":
        return REPORT_FUNCTIONS[report](graph, actors[0], radius=radius)
    return REPORT_FUNCTIONS[report](graph, *actors)


def compute_series(report: str, graphs: Any, *, seed: int, by: str, include_reporters: bool, limit: int) -> Any:
    """Run camps or centrality on each window's network."""
    from actorgraph.analytics.windows import camps_over_time, centrality_over_time

    if report == "centrality":
        return centrality_over_time(graphs, seed=seed, include_reporters=include_reporters, top=limit)
    return camps_over_time(graphs, by=basis_of(report, by), seed=seed, include_reporters=include_reporters)  # type: ignore[arg-type]


def with_reasons(store: Store, rows: list[Any], limit: int, as_of: dt.date | None = None) -> list[Any]:
    """The contested rows with why each allegation has its status (one read for the rows shown), as of a day."""
    from actorgraph.store.derived import status_reasons

    reasons = status_reasons(store, [r.allegation for r in rows[:limit]], as_of)
    return [dataclasses.replace(r, reason=reasons[r.allegation].summary) if r.allegation in reasons else r
            for r in rows]  # fmt: skip


def rows_of(result: Any) -> list[Any]:
    """The table rows of a report result (a list of dataclasses)."""
    from actorgraph.analytics.camps import CampsResult
    from actorgraph.analytics.centrality import CentralityResult
    from actorgraph.analytics.windows import CampSeries, CentralitySeries

    if isinstance(result, CentralityResult | CampsResult | CampSeries | CentralitySeries):
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


def _flat(row: Any, nested: dict[str, list[str]]) -> list[Any]:
    out: list[Any] = []
    for f in dataclasses.fields(row):
        value = getattr(row, f.name)
        if f.name in nested:
            out += [getattr(value, sub) if value is not None else None for sub in nested[f.name]]
        else:
            out.append(value)
    return out


def to_csv(rows: list[Any]) -> str:
    """Rows as CSV; a field holding a dataclass (a placement's evidence) becomes one column per field of it."""
    buffer = io.StringIO()
    if rows:
        nested: dict[str, list[str]] = {}
        for f in dataclasses.fields(rows[0]):
            sample = next((getattr(r, f.name) for r in rows if getattr(r, f.name) is not None), None)
            if dataclasses.is_dataclass(sample):
                nested[f.name] = [sub.name for sub in dataclasses.fields(sample)]
        header = [
            name for f in dataclasses.fields(rows[0])
            for name in ([f"{f.name}_{sub}" for sub in nested[f.name]] if f.name in nested else [f.name])
        ]  # fmt: skip
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([_cell(v) for v in _flat(row, nested)])
    return buffer.getvalue()


def _names(graph: Any) -> Any:
    from actorgraph.analytics.layers import name

    def names(actor: str) -> str:
        return name(graph, actor) if actor in graph else actor

    return names


def print_table(report: str, result: Any, limit: int, graph: Any, out: Console | None = None) -> None:
    """The report as a table sized to the terminal; names from ``graph`` (the projected network)."""
    from actorgraph.analytics.camps import CampsResult
    from actorgraph.analytics.centrality import CentralityResult
    from actorgraph.analytics.windows import CampSeries, CentralitySeries

    out = out or console
    if isinstance(result, CampSeries | CentralitySeries):
        print_series(result, limit, out)
        return
    rows = rows_of(result)
    if not rows:
        out.print(f"[dim]{report}: nothing to report for this network.[/]")
        return
    names = _names(graph)
    label = f"{result.basis} camps" if isinstance(result, CampsResult) else report
    title = f"{label} ({min(limit, len(rows))} of {len(rows)})"
    out.print(report_table(report, rows[:limit], names, width=out.width, title=title))
    if isinstance(result, CampsResult):
        print_camps_notes(result, limit, names, out)
    if isinstance(result, CentralityResult):
        if result.betweenness_samples:
            out.print(f"[dim]betweenness estimated from {result.betweenness_samples} sampled sources[/]")
        out.print(
            f"[dim]rank: by accusations made, equal counts sharing a rank; a range (2-4) is where it moves when the "
            f"statements are drawn again ({result.rank_resamples} resamples, 5th-95th percentile).[/]"
        )
        _reporters_note(result.reporters_left_out, names, out, "accusations")


def _reporters_note(left_out: list[str], names: Any, out: Console, what: str) -> None:
    if left_out:
        shown = ", ".join(names(a) for a in left_out[:5]) + (f" +{len(left_out) - 5}" if len(left_out) > 5 else "")
        out.print(f"[dim]Reporting voices left out ({what}; their statements stay as provenance): {shown}. "
                  "--include-reporters counts them.[/]")  # fmt: skip


def print_camps_notes(result: Any, limit: int, names: Any, out: Console) -> None:
    """What the camp table's evidence means, the frustration, and the links that break the split."""
    what = "agree or contradict" if result.basis == "narrative" else "are hostile or cooperative"
    out.print(
        f"[dim]links: signed links deciding the camp (pairs that {what}); weight: their statements; kept: share of "
        f"{result.resamples} resamples of the links in which the actor keeps its camp. A? / B?: undetermined, "
        f"fewer than {result.min_links} links or kept under {round(100 * result.min_stability)}% (the letter is "
        "where the best split leans); -: no signed link. community: Louvain on the positive links (- alone); comm. "
        "kept: how stable it is when they are resampled (networks up to 1,000 actors).[/]"
    )
    how = "exact" if result.exact else "local search"
    unit = "agreeing or contradicting pair(s)" if result.basis == "narrative" else "relationship(s)"
    out.print(
        f"Frustration: {result.frustration} {unit} break the split (weight {result.frustration_weight:g}, {how}); "
        f"{sum(1 for c in result.communities if len(c) > 1)} communities of two or more actors."
    )
    _reporters_note(result.reporters_left_out, names, out, "as voices")
    if result.frustrated:
        title = "Links that break the split" + (" (agreeing across camps, contradicting within one)"
                                                if result.basis == "narrative" else "")  # fmt: skip
        out.print(report_table("frustrated", result.frustrated[:limit], names, width=out.width, title=title))


def print_series(result: Any, limit: int, out: Console) -> None:
    """Camps or centrality per window: a summary per window and who changes camp, or the top per window."""
    from actorgraph.analytics.windows import CampSeries

    def names(actor: str) -> str:
        return next((r.name for r in result.rows if r.actor == actor), actor)

    if isinstance(result, CampSeries):
        summary = result.per_window()
        title = f"{result.basis} camps per window ({len(summary)} windows)"
        out.print(report_table("camps-over-time", summary, names, width=out.width, title=title))
        if result.changes:
            shown = result.changes[:limit]
            title = f"Actors that change camp ({len(shown)} of {len(result.changes)})"
            out.print(report_table("camp-changes", shown, names, width=out.width, title=title))
            out.print("[dim]camp per window: A / B shown, ? undetermined, . no signed link in that window.[/]")
        else:
            out.print("No actor changes camp between windows.")
        return
    out.print(report_table("centrality-over-time", result.rows, names, width=out.width,
                           title=f"Top accusers per window ({len(result.windows)} windows)"))  # fmt: skip


def draw(report: str, graph: Any, result: Any, out: Path, seed: int) -> Path:
    """The picture that suits the report."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    from actorgraph.analytics import camp_plots, plots
    from actorgraph.analytics.windows import CampSeries, CentralitySeries

    if isinstance(result, CampSeries):
        return camp_plots.plot_camp_changes(result, out)
    if isinstance(result, CentralitySeries):
        return plots.plot_centrality_over_time(result, out)
    if report in ("camps", "narratives"):
        return camp_plots.plot_camps(graph, result, out, seed=seed)
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
            bool, typer.Option("--write-back", help="Store scores on the actors (centrality, hostility camps).")
        ] = False,
        by: Annotated[
            str,
            typer.Option(
                "--by",
                help="`camps`: hostility (who is hostile to whom, from accusations and alliances) or narrative "
                "(who backs which account: agreeing or contradicting on the same allegations; = `narratives`).",
            ),
        ] = "hostility",
        include_reporters: Annotated[
            bool,
            typer.Option(
                "--include-reporters",
                help="Count reporting voices (MEDIA actors: outlets, a source's author) as parties in camps and "
                "accusations; by default what they say is provenance only.",
            ),
        ] = False,
        window: Annotated[
            str | None,
            typer.Option(
                "--window",
                help="Run camps, narratives or centrality per time window of stated_on, e.g. 30d or 2w "
                "(undated statements belong to no window); --plot draws who changes camp.",
            ),
        ] = None,
        date_from: Annotated[
            str | None, typer.Option("--from", help="Only statements stated on/after YYYY-MM-DD.")
        ] = None,
        date_to: Annotated[
            str | None, typer.Option("--to", help="Only statements stated on/before YYYY-MM-DD.")
        ] = None,
        as_of: Annotated[
            str | None,
            typer.Option(
                "--as-of",
                help="What had been said by YYYY-MM-DD: statements stated by then, statuses derived again from "
                "them (a later retraction does not count yet); undated statements are left out and counted.",
            ),
        ] = None,
        predicate: Annotated[
            list[str] | None, typer.Option("--predicate", "-p", help="Only allegations of this predicate (repeatable).")
        ] = None,
        status: Annotated[
            list[str] | None, typer.Option("--status", "-s", help="Only allegations with this status (repeatable).")
        ] = None,
        min_reliability: Annotated[
            str | None,
            typer.Option(
                "--min-reliability",
                help="Only statements whose source (else speaker) is graded this or better: A-E, F = any grade.",
            ),
        ] = None,
        limit: Annotated[int, typer.Option(help="Rows shown in the table.")] = 20,
        seed: Annotated[
            int, typer.Option(help="Seed for everything random (layout, sampling, Louvain, resampled evidence).")
        ] = 0,
        radius: Annotated[int, typer.Option(help="`ego`: how many hops out.")] = 1,
        samples: Annotated[
            int | None, typer.Option(help="`centrality`: sources sampled for betweenness (default: exact when small).")
        ] = None,
    ) -> None:
        """Analyse the actor network: centrality, camps, narratives, contested, contradictions, ego ACTOR, path FROM TO.

        Every camp is shown with the evidence it rests on (links, their weight, how often resampling keeps it);
        an actor with too little is undetermined (A? / B?). Examples:

          actorgraph analyze camps                      # who is hostile to whom
          actorgraph analyze narratives --plot n.png    # who backs which account (= camps --by narrative)
          actorgraph analyze camps --window 30d --plot changes.png   # camps per 30 days, who changes camp
          actorgraph analyze centrality --include-reporters          # count outlets' accusations too
        """
        from actorgraph.analytics import NEEDS_ACCOUNTS, NetworkFilter, project
        from actorgraph.analytics.ego import resolve

        names = list(actors or [])
        check_usage(report, names, fmt, write_back, by=by, window=window, include_reporters=include_reporters)
        network_filter = NetworkFilter(
            date_from=_date(date_from, "--from"),
            date_to=_date(date_to, "--to"),
            predicates=_choices(predicate or [], Predicate, "--predicate"),
            statuses=_choices(status or [], AllegationStatus, "--status"),
            min_reliability=(
                _choices([min_reliability], Reliability, "--min-reliability")[0] if min_reliability else None
            ),
            as_of=_date(as_of, "--as-of"),
        )
        network_filter.check()
        if radius < 1:
            raise UsageError("--radius must be at least 1.")
        narrative = basis_of(report, by) == "narrative"  # agreement counts too: every statement
        accounts = report in NEEDS_ACCOUNTS or narrative
        settings = get_settings()
        with Store.connect(settings) as store:
            written = None
            if window is not None:
                from actorgraph.analytics.windows import project_windows, window_days

                graphs = project_windows(store, network_filter, window_days(window), accounts=accounts)
                graph = graphs[-1][1] if graphs else project(store, network_filter, accounts=False)
                result = compute_series(report, graphs, seed=seed, by=by, include_reporters=include_reporters,
                                        limit=limit)  # fmt: skip
            else:
                graph = project(store, network_filter, accounts=accounts, every_account=narrative)
                if report == "ego":
                    graph.graph["ego_center"] = resolve(graph, names[0])
                result = compute(report, graph, names, seed=seed, samples=samples, radius=radius, by=by,
                                 include_reporters=include_reporters)  # fmt: skip
                if report == "contested":
                    result = with_reasons(store, result, limit, network_filter.as_of)
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
        if network_filter.as_of is not None and graph.graph.get("undated_left_out") is not None:
            left_out = graph.graph["undated_left_out"]
            err_console.print(f"as of {network_filter.as_of}: {left_out} undated statement(s) left out")
