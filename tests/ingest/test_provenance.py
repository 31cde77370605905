"""Chains of custody and independent corroboration (issue 14, items 2, 3, 7) on the real server.

The case (``tests/data/provenance``): a Telegram post, two outlets repeating it (one by its source's
``derived_from``, one by its statement's ``quoted_from``), and an observer mission's own report.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from actorgraph.errors import InvalidInput
from actorgraph.ingest.bulk import write_import
from actorgraph.settings import Settings
from tests.support.cli import run_cli
from tests.support.graph import Loader
from tests.support.http import GraphQL
from tests.support.paths import DATA

CASE = DATA / "provenance"
POST, DAILY, HERALD, MONITORS = (CASE / f for f in ("telegram-post.yaml", "daily-a.yaml", "herald-b.yaml",
                                                     "monitors.yaml"))  # fmt: skip


def _status(driver: Driver, settings: Settings) -> str | None:
    records = driver.execute_query(
        "MATCH (a:Allegation)-[:SUBJECT]->(:Actor {id: 'eastern-battalion'}) RETURN a.status AS status",
        database_=settings.neo4j_database,
    ).records
    assert len(records) == 1
    status: str | None = records[0]["status"]
    return status


def _reason(gql: GraphQL) -> dict[str, Any]:
    body = gql("""{ allegations(subject: "eastern-battalion") { edges { node { status statusReason {
        status summary denying counted { voice origins firstHand ownSide why }
        discounted { voice origins firstHand ownSide why } } } } } }""")
    assert "errors" not in body, body
    (edge,) = body["data"]["allegations"]["edges"]
    node: dict[str, Any] = edge["node"]
    assert node["statusReason"]["status"] == node["status"]
    reason: dict[str, Any] = node["statusReason"]
    return reason


def test_two_outlets_repeating_one_post_stay_unverified(
    load: Loader, driver: Driver, settings: Settings, gql: GraphQL
) -> None:
    load(HERALD, DAILY, POST)  # the post comes last on the command line: the load writes it first
    assert _status(driver, settings) == "UNVERIFIED"
    reason = _reason(gql)
    assert [v["voice"] for v in reason["counted"]] == ["volya-channel"]
    assert reason["counted"][0]["origins"] == ["tg-volya-post-311"] and reason["counted"][0]["firstHand"]
    copies = {v["voice"]: v for v in reason["discounted"]}
    assert set(copies) == {"daily-a", "herald-b"}
    for copy in copies.values():
        assert copy["origins"] == ["tg-volya-post-311"] and not copy["firstHand"]
        assert copy["why"] == "its origin (tg-volya-post-311) is already counted for volya-channel"
    assert reason["summary"].startswith("UNVERIFIED: counted volya-channel (origin tg-volya-post-311); not counted")

    load(MONITORS)  # a second, independent origin
    assert _status(driver, settings) == "CORROBORATED"
    reason = _reason(gql)
    assert [(v["voice"], v["origins"]) for v in reason["counted"]] == [
        ("bridge-monitors", ["monitors-kirov-report"]), ("volya-channel", ["tg-volya-post-311"])
    ]  # fmt: skip
    assert {v["voice"] for v in reason["discounted"]} == {"daily-a", "herald-b"}


def test_without_the_chain_the_copies_would_count(load: Loader, tmp_path: Path, driver: Driver,
                                                   settings: Settings) -> None:  # fmt: skip
    """The same texts with no chain of custody: three first-hand voices, as before issue 14."""
    for path in (POST, DAILY, HERALD):
        text = path.read_text(encoding="utf-8")
        text = text.replace("  derived_from: tg-volya-post-311\n", "").replace(
            "    quoted_from: tg-volya-post-311\n", ""
        )
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    load(*(tmp_path / p.name for p in (POST, DAILY, HERALD)))
    assert _status(driver, settings) == "CORROBORATED"


def test_a_chain_changed_later_re_derives_the_statements_below_it(
    load: Loader, tmp_path: Path, driver: Driver, settings: Settings, gql: GraphQL
) -> None:
    """The post turns out to repeat the mission's report: every statement below it changes origin.

    The outlets' statements are in other dossiers than the one reloaded, so this is the downstream
    update; the test fixture's ``db check`` then re-derives every status from scratch and compares.
    """
    load(POST, DAILY, HERALD, MONITORS)
    assert _status(driver, settings) == "CORROBORATED"
    relinked = tmp_path / POST.name
    shutil.copy(MONITORS, tmp_path / MONITORS.name)
    relinked.write_text(
        POST.read_text(encoding="utf-8").replace("  published_on: 2031-06-01\n",
                                                 "  published_on: 2031-06-01\n  derived_from: monitors-kirov-report\n"),
        encoding="utf-8",
    )  # fmt: skip
    load(relinked)
    assert _status(driver, settings) == "UNVERIFIED"
    reason = _reason(gql)
    assert [v["voice"] for v in reason["counted"]] == ["bridge-monitors"]
    assert {v["voice"]: v["origins"] for v in reason["discounted"]} == {
        "daily-a": ["monitors-kirov-report"], "herald-b": ["monitors-kirov-report"],
        "volya-channel": ["monitors-kirov-report"],
    }  # fmt: skip
    done = run_cli("db", "check")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_chain_is_stored_as_prov_relationships(load: Loader, driver: Driver, settings: Settings) -> None:
    load(POST, DAILY, HERALD)
    rows = driver.execute_query(
        "MATCH (x)-[r:DERIVED_FROM|QUOTED_FROM]->(s:Source) RETURN type(r) AS t, x.id AS x, s.id AS s ORDER BY t",
        database_=settings.neo4j_database,
    ).records
    assert [(r["t"], r["s"]) for r in rows] == [
        ("DERIVED_FROM", "tg-volya-post-311"),
        ("QUOTED_FROM", "tg-volya-post-311"),
    ]
    assert rows[0]["x"] == "daily-a-kirov"


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("derived_from: tg-volya-post-311", "derived_from: no-such-post", "source.derived_from",
         "unknown source 'no-such-post': load the dossier of the source it repeats first"),
        ("derived_from: tg-volya-post-311", "derived_from: daily-a-kirov", "source",
         "`derived_from` names the source itself"),
    ],
)  # fmt: skip
def test_an_unknown_or_circular_origin_is_refused_before_writing(
    load: Loader, tmp_path: Path, driver: Driver, old: str, new: str, where: str, message: str
) -> None:
    bad = tmp_path / DAILY.name
    bad.write_text(DAILY.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        load(bad)
    assert any(p.path == where and message in p.message for p in info.value.problems), info.value.problems
    assert driver.execute_query("MATCH (n:Statement) RETURN count(n) AS n").records[0]["n"] == 0


def test_a_loop_through_the_graph_is_refused(load: Loader, tmp_path: Path) -> None:
    load(POST, DAILY)
    looped = tmp_path / POST.name
    looped.write_text(POST.read_text(encoding="utf-8").replace(
        "  published_on: 2031-06-01\n", "  published_on: 2031-06-01\n  derived_from: daily-a-kirov\n"
    ), encoding="utf-8")  # fmt: skip
    with pytest.raises(InvalidInput) as info:
        load(looped)
    (problem,) = info.value.problems
    assert problem.path == "source.derived_from"
    assert "a loop (tg-volya-post-311 -> daily-a-kirov -> tg-volya-post-311)" in problem.message


def test_cli_reports_an_unknown_quoted_from_in_one_line(tmp_path: Path, driver: Driver) -> None:
    bad = tmp_path / HERALD.name
    bad.write_text(HERALD.read_text(encoding="utf-8"), encoding="utf-8")
    done = run_cli("load", str(bad))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "statements[0].quoted_from: unknown source 'tg-volya-post-311'" in done.stderr
    assert driver.execute_query("MATCH (n:Statement) RETURN count(n) AS n").records[0]["n"] == 0


def test_graphql_shows_each_statement_s_chain_and_grade(load: Loader, gql: GraphQL) -> None:
    load(POST, DAILY, HERALD)
    body = gql("""{ allegations(subject: "eastern-battalion") { edges { node { affirming {
        speaker { id } firstHand reliability quotedFrom { id } origin { id }
        source { id derivedFrom { id } origin { id } } } } } } }""")
    assert "errors" not in body, body
    seen = {
        s["speaker"]["id"]: (s["firstHand"], s["reliability"], (s["quotedFrom"] or {}).get("id"), s["origin"]["id"],
                             (s["source"]["derivedFrom"] or {}).get("id"), s["source"]["origin"]["id"])
        for s in body["data"]["allegations"]["edges"][0]["node"]["affirming"]
    }  # fmt: skip
    post = "tg-volya-post-311"
    assert seen == {
        "volya-channel": (True, "E", None, post, None, post),
        "daily-a": (False, "B", None, post, post, post),
        "herald-b": (False, "C", post, post, None, "herald-b-kirov"),
    }


@pytest.mark.usefixtures("seed")
def test_analyze_contested_says_why(gql: GraphQL) -> None:
    done = run_cli("analyze", "contested", "--format", "json")
    assert done.returncode == 0, done.stderr
    top = json.loads(done.stdout)[0]
    assert top["affirming"] == ["kremlin"] and top["denying"] == ["hur"]
    assert top["reason"].startswith("CONTESTED: counted kremlin (origin "), top["reason"]
    body = gql("{ analytics { contested(limit: 1) { allegation reason } } }")
    assert "errors" not in body, body
    assert body["data"]["analytics"]["contested"][0]["reason"] == top["reason"]


def test_bulk_import_files_carry_grades_and_chains(tmp_path: Path) -> None:
    """``load --bulk`` writes the chains of custody as the online load links them, and keeps the grades."""
    chained = tmp_path / "chained"
    files, report = write_import([CASE], chained)
    files.close()
    assert report.statements == 4

    def rows(stem: str) -> list[list[str]]:
        return list(csv.reader((chained / f"{stem}.csv").open(encoding="utf-8")))[1:]

    assert rows("derived_from") == [["daily-a-kirov", "tg-volya-post-311"]]
    assert [row[1] for row in rows("quoted_from")] == ["tg-volya-post-311"]
    allegations = list(csv.DictReader((chained / "allegation.csv").open(encoding="utf-8")))
    assert [a["status"] for a in allegations] == ["CORROBORATED"]  # the mission's report is a second origin
    without = tmp_path / "without-monitors"
    files, _ = write_import([POST, DAILY, HERALD], without)
    files.close()
    allegations = list(csv.DictReader((without / "allegation.csv").open(encoding="utf-8")))
    assert [a["status"] for a in allegations] == ["UNVERIFIED"]  # three voices, one origin
    out = tmp_path / "graded"
    files, _ = write_import([POST, MONITORS], out)
    files.close()
    assert ",E" in (out / "actor.csv").read_text(encoding="utf-8")  # the channel's default grade
    assert (out / "source.csv").read_text(encoding="utf-8").splitlines()[0].endswith("reliability")
    assert any(line.endswith(",A") for line in (out / "source.csv").read_text(encoding="utf-8").splitlines())
    statements = list(csv.DictReader((out / "statement.csv").open(encoding="utf-8")))
    assert any(row["credibility:int"] == "2" for row in statements)
    assert {row["recorded_at:datetime"] for row in statements} != {""}  # the import's transaction time
