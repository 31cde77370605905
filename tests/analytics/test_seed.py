"""The issue's "done when" on the seed dossier, through the API of the package and the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from neo4j import Driver

from actorgraph.analytics import camps, centrality, contested, contradictions, ego, path, project
from actorgraph.settings import Settings
from actorgraph.store.core import Store
from tests.support.cli import run_cli
from tests.support.graph import Loader
from tests.support.paths import DATA, SEED

ARMED_GROUPS = ("freedom-of-russia-legion", "siberian-battalion", "russian-volunteer-corps")


@pytest.mark.usefixtures("seed")
def test_reports_on_the_seed(store: Store) -> None:
    g = project(store)
    ranked = centrality(g).rows
    assert ranked[0].actor == "kremlin" and ranked[0].accusations_made > ranked[1].accusations_made
    split = {r.actor: r.camp for r in camps(g).rows}
    assert split["kremlin"] is not None
    assert all(split[group] not in (None, split["kremlin"]) for group in ARMED_GROUPS)
    assert split["vladimir-putin"] == split["kremlin"]
    top = contested(g)[0]
    assert top.affirming == ["kremlin"] and top.denying == ["hur"]
    pairs = contradictions(g)
    assert [(p.actor_a, p.actor_b) for p in pairs] == [("hur", "kremlin")]
    assert len(pairs[0].allegations) == 3
    assert "Ukraine's military was behind the incursion into Russia." in pairs[0].summaries
    around = {(r.neighbour, r.direction, r.type) for r in ego(g, "Kremlin")}
    assert ("freedom-of-russia-legion", "out", "ACCUSES") in around and ("hur", "in", "CONTRADICTS") in around
    chains = path(g, "andriy-yusov", "kremlin")
    assert chains[0].actors == ["andriy-yusov", "hur", "kremlin"]
    assert chains[0].hops[1].types == ["CONTRADICTS>"]


@pytest.mark.usefixtures("seed")
def test_cli_camps_plot_json_and_write_back(tmp_path: Path, driver: Driver, settings: Settings) -> None:
    picture = tmp_path / "camps.png"
    done = run_cli("analyze", "camps", "--plot", str(picture), "--write-back")
    assert done.returncode == 0, done.stderr
    assert "Kremlin" in done.stdout and "Frustration: 0" in done.stdout
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size > 20_000
    stored = {
        r["id"]: r["camp"]
        for r in driver.execute_query(
            "MATCH (a:Actor) RETURN a.id AS id, a.camp AS camp", database_=settings.neo4j_database
        ).records
    }
    assert stored["kremlin"] != stored["freedom-of-russia-legion"] and stored["cia"] is None

    as_json = run_cli("analyze", "centrality", "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["rows"][0]["actor"] == "kremlin"
    as_csv = run_cli("analyze", "contested", "--format", "csv")
    assert as_csv.stdout.splitlines()[0].startswith("allegation,summary,predicate,status")
    assert "kremlin" in as_csv.stdout.splitlines()[1]
    chain = run_cli("analyze", "path", "andriy-yusov", "Kremlin", "--plot", str(tmp_path / "path.png"))
    assert chain.returncode == 0, chain.stderr
    assert (tmp_path / "path.png").exists()


@pytest.mark.usefixtures("seed")
def test_cli_names_an_unknown_actor_with_the_fix() -> None:
    done = run_cli("analyze", "ego", "nobody")
    assert done.returncode == 1 and "no actor 'nobody'" in done.stderr and "Traceback" not in done.stderr


CROCUS = DATA / "reference" / "cases" / "crocus-city-hall.yaml"


def test_cli_narratives_reporters_and_windows(tmp_path: Path, load: Loader) -> None:
    load(SEED, CROCUS, DATA / "river-dam.yaml")  # dated 2024 and 2031: a 1-day window cuts too many
    narrative = run_cli("analyze", "narratives", "--plot", str(tmp_path / "narratives.png"), columns=120)
    assert narrative.returncode == 0, narrative.stderr
    assert "narrative camps" in narrative.stdout and "kept" in narrative.stdout
    assert "Author of the seed article" in narrative.stdout and "--include-reporters counts them" in narrative.stdout
    assert (tmp_path / "narratives.png").stat().st_size > 20_000
    counted = run_cli("analyze", "camps", "--include-reporters", "--format", "json")
    rows = {r["actor"]: r for r in json.loads(counted.stdout)["rows"]}
    # Issue 14: the author REPORTS the RVC's involvement (no sign), so even counted it has no signed link.
    author = rows["seed-article-author"]
    assert author["evidence"] is None and author["camp"] is None and author["leaning"] is None
    series = run_cli("analyze", "camps", "--by", "narrative", "--window", "2d", "--to", "2024-12-31",
                     "--plot", str(tmp_path / "changes.png"), columns=80)  # fmt: skip
    assert series.returncode == 0, series.stderr
    assert "narrative camps per window (3 windows)" in series.stdout and "2024-03-22..2024-03-23" in series.stdout
    assert (tmp_path / "changes.png").stat().st_size > 10_000
    too_many = run_cli("analyze", "centrality", "--window", "1d")
    assert too_many.returncode == 2 and "choose a longer window" in too_many.stderr
    assert "Traceback" not in too_many.stderr
