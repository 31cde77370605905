"""Every ``cypher/explore`` file runs against the loaded seed and returns what its comment promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from neo4j import Driver
from neo4j.graph import Path as GraphPath

from actorgraph.settings import Settings
from tests.support.paths import EXPLORE_FILES

PATH_QUERIES = {"network", "who_accuses_whom", "neighborhood", "path_between"}

SEED_PARAM = re.compile(r"^// :param (\w+) => '([^']*)'$", re.MULTILINE)


def seed_params(path: Path) -> dict[str, str]:
    """The ``:param`` values an explore file's header gives for the seed case."""
    return dict(SEED_PARAM.findall(path.read_text(encoding="utf-8")))


def run(driver: Driver, settings: Settings, path: Path, **params: str) -> list[dict[str, object]]:
    text = path.read_text(encoding="utf-8")
    records, _, _ = driver.execute_query(text, {**seed_params(path), **params}, database_=settings.neo4j_database)
    return [dict(zip(record.keys(), record.values(), strict=True)) for record in records]


def explore(name: str) -> Path:
    return next(p for p in EXPLORE_FILES if p.stem == name)


def test_the_issue_s_questions_all_have_a_file() -> None:
    names = {p.stem for p in EXPLORE_FILES}
    assert {
        "who_accuses_whom", "contested_allegations", "about_actor", "neighborhood", "path_between",
        "statements_by_source", "self_claimed_and_unverified", "timeline",
    } <= names  # fmt: skip


@pytest.mark.parametrize("path", EXPLORE_FILES, ids=lambda p: p.stem)
def test_header_says_what_it_shows_and_which_params(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [ln for ln in lines if ln.startswith("//")]
    assert lines[0].startswith("// ") and len(lines[0]) > 30, "first line must say what the query shows"
    assert any("Parameters:" in ln for ln in header)
    used = set(re.findall(r"\$(\w+)", "\n".join(ln for ln in lines if not ln.startswith("//"))))
    assert used <= set(seed_params(path)), f"every $param needs a `// :param name => '...'` seed example: {used}"


def test_every_file_returns_rows_on_the_seed(seeded: Driver, settings: Settings) -> None:
    """One seed load for all files (loading is the slow part); the message names every failing file."""
    empty, not_paths = [], []
    for path in EXPLORE_FILES:
        rows = run(seeded, settings, path)
        if not rows:
            empty.append(path.name)
        elif path.stem in PATH_QUERIES and not all(isinstance(row["p"], GraphPath) for row in rows):
            not_paths.append(path.name)
    assert not empty, f"no rows on the seed from {empty}"
    assert not not_paths, f"these should return paths p: {not_paths}"


def test_contested_allegations_show_both_sides_with_quotes(seeded: Driver, settings: Settings) -> None:
    rows = run(seeded, settings, explore("contested_allegations"))
    by_object = {(r["subject"], r["object"]): r for r in rows}
    legion = by_object[("Freedom of Russia Legion", "Ukrainian military")]
    assert legion["predicate"] == "CONTROLLED_BY"
    assert any(q.startswith('Kremlin: "Moscow has previously dismissed') for q in legion["affirmed_by"])  # type: ignore[attr-defined]
    assert any(q.startswith('Andriy Yusov: "') for q in legion["denied_by"])  # type: ignore[attr-defined]


def test_about_actor_finds_the_actor_by_alias(seeded: Driver, settings: Settings) -> None:
    by_id = run(seeded, settings, explore("about_actor"), actor="kremlin")
    by_alias = run(seeded, settings, explore("about_actor"), actor="moscow")
    assert by_alias == by_id and by_id
    assert {r["actor"] for r in by_id} == {"Kremlin"}
    nobody = run(seeded, settings, explore("about_actor"), actor="no-such-actor")
    assert nobody == []


def test_chain_between_links_the_spokesman_to_the_kremlin(seeded: Driver, settings: Settings) -> None:
    rows = run(seeded, settings, explore("path_between"))
    for row in rows:
        path = row["p"]
        assert isinstance(path, GraphPath)
        assert {path.start_node["id"], path.end_node["id"]} == {"andriy-yusov", "kremlin"}
    assert min(len(r["p"]) for r in rows) == 2  # type: ignore[arg-type]  # Yusov SPEAKS_FOR HUR CONTRADICTS Kremlin


def test_self_claimed_and_unverified_excludes_contested(seeded: Driver, settings: Settings) -> None:
    rows = run(seeded, settings, explore("self_claimed_and_unverified"))
    assert {r["status"] for r in rows} == {"SELF_CLAIMED", "UNVERIFIED"}
    claimed = [r for r in rows if r["status"] == "SELF_CLAIMED" and r["predicate"] == "CARRIED_OUT"]
    assert {r["subject"] for r in claimed} == {"Freedom of Russia Legion", "Siberian Battalion"}


def test_timeline_and_sources_cover_every_statement(seeded: Driver, settings: Settings) -> None:
    total = seeded.execute_query("MATCH (s:Statement) RETURN count(s) AS n").records[0]["n"]
    timeline = run(seeded, settings, explore("timeline"))
    by_source = run(seeded, settings, explore("statements_by_source"))
    assert len(timeline) == len(by_source) == total
    offsets = [int(str(r["offset"])) for r in by_source]
    assert offsets == sorted(offsets)  # one source in the seed: in reading order
