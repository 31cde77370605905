"""Every kind of bad input: reported with file, path and fix; exit code 2; nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from actorgraph.errors import InvalidInput
from tests.support.cli import run_cli
from tests.support.graph import Loader, snapshot, write_dossier

VALID = """\
source:
  id: src
  kind: ARTICLE
  title: A report
  text: "The Front said it took the bridge. The ministry denied losing it on 2030-01-02."
actors:
  - {id: front, name: The Front, kind: ARMED_GROUP}
  - {id: ministry, name: The Ministry, kind: GOVERNMENT}
events:
  - {id: bridge-battle, name: Battle for the bridge, kind: BATTLE, start_date: 2030-01-01}
allegations:
  - {id: took-bridge, subject: front, predicate: CARRIED_OUT, object: bridge-battle, summary: Took the bridge.}
statements:
  - {speaker: front, allegation: took-bridge, stance: AFFIRMS, quote: "it took the bridge"}
  - {speaker: ministry, allegation: took-bridge, stance: DENIES, quote: "denied losing it", start: 48, end: 64}
"""


def _problems(load: Loader, path: Path) -> list[str]:
    with pytest.raises(InvalidInput) as info:
        load(path)
    return [str(p) for p in info.value.problems]


@pytest.fixture
def before(driver: Driver) -> dict[str, object]:
    driver.execute_query(
        "CREATE (:NameKey {key: 'already here'})-[:NAMES]->"
        "(:Actor {id: 'already-here', name: 'Already here', kind: 'PERSON', name_keys: ['already here']})"
    )
    return snapshot(driver)


def test_valid_base_loads(load: Loader, tmp_path: Path) -> None:
    report = load(write_dossier(tmp_path, VALID))
    assert report.count("Statement", "created") == 2


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "{speaker: front,", "{speaker: nobody,",
            "statements[0].speaker: unknown actor 'nobody': add it to actors", id="unknown-id",
        ),
        pytest.param(
            "{id: ministry, name: The Ministry", "{id: front, name: The Ministry",
            "actors[1].id: duplicate id 'front': give each entry its own id", id="duplicate-id",
        ),
        pytest.param(
            "kind: GOVERNMENT", "kind: GOVERMENT",
            "actors[1].kind: unknown value 'GOVERMENT': use one of", id="unknown-enum",
        ),
        pytest.param(
            'quote: "it took the bridge"', 'quote: "it seized the bridge"',
            "statements[0].quote: not found verbatim in the source text: copy it exactly", id="quote-not-found",
        ),
        pytest.param(
            "start: 48, end: 64", "start: 47, end: 63",
            "statements[1].start: offsets 47..63 do not match the quote (the quote is at 48..64)", id="bad-offsets",
        ),
        pytest.param(
            "summary: Took the bridge.}\n",
            "summary: Took the bridge.}\n"
            "  - {id: lost, subject: ministry, predicate: OPPOSES, object: front, summary: Unstated.}\n",
            "allegations[1]: allegation 'lost' has no statement: add who affirms or denies it", id="no-statement",
        ),
        pytest.param(
            "start_date: 2030-01-01", "start_date: 2030-13-45",
            "events[0].start_date: '2030-13-45' is not a date: write it as YYYY-MM-DD", id="bad-date",
        ),
        pytest.param(
            "title: A report", "title: A report\n  reliability: G",
            "source.reliability: unknown value 'G': use one of 'A', 'B', 'C', 'D', 'E' or 'F'", id="bad-reliability",
        ),
        pytest.param(
            "kind: ARMED_GROUP}", "kind: ARMED_GROUP, reliability: b}",
            "actors[0].reliability: unknown value 'b': use one of", id="bad-actor-reliability",
        ),
        pytest.param(
            'quote: "it took the bridge"}', 'quote: "it took the bridge", credibility: 7}',
            "statements[0].credibility: 7 is not a credibility grade: use a whole number, 1 (confirmed) to 6",
            id="bad-credibility",
        ),
        pytest.param(
            'quote: "it took the bridge"}', 'quote: "it took the bridge", credibility: "2"}',
            "statements[0].credibility: '2' is not a credibility grade", id="credibility-as-text",
        ),
    ],
)  # fmt: skip
def test_bad_input_is_reported_and_nothing_is_written(
    load: Loader, driver: Driver, tmp_path: Path, before: dict[str, object], old: str, new: str, expected: str
) -> None:
    assert old in VALID
    path = write_dossier(tmp_path, VALID.replace(old, new))
    problems = _problems(load, path)
    assert any(p.startswith(f"{path}: {expected}") for p in problems), problems
    assert snapshot(driver) == before


def test_every_problem_of_every_file_is_reported_at_once(
    load: Loader, driver: Driver, tmp_path: Path, before: dict[str, object]
) -> None:
    good = write_dossier(tmp_path, VALID, "a-good.yaml")
    bad = VALID.replace("{speaker: front,", "{speaker: nobody,").replace("kind: GOVERNMENT", "kind: NOPE")
    bad = bad.replace('quote: "it took the bridge"', 'quote: "not in the text"')
    bad_path = write_dossier(tmp_path, bad, "b-bad.yaml")
    with pytest.raises(InvalidInput) as info:
        load(good, bad_path)
    paths = {p.path for p in info.value.problems}
    assert paths == {"actors[1].kind"}  # pydantic stops this file before the cross-reference checks
    fixed_enum = bad.replace("kind: NOPE", "kind: GOVERNMENT")
    write_dossier(tmp_path, fixed_enum, "b-bad.yaml")
    with pytest.raises(InvalidInput) as info:
        load(good, bad_path)
    assert {p.path for p in info.value.problems} == {"statements[0].speaker", "statements[0].quote"}
    assert snapshot(driver) == before  # the good file was not written either


def test_cli_exits_2_with_one_line_per_problem(driver: Driver, tmp_path: Path) -> None:
    path = write_dossier(tmp_path, VALID.replace("{speaker: front,", "{speaker: nobody,"))
    out = run_cli("load", str(path))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "1 problem found, nothing was written" in out.stderr
    assert "statements[0].speaker: unknown actor 'nobody'" in out.stderr
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 0


def test_yaml_syntax_error_names_the_line(load: Loader, tmp_path: Path) -> None:
    path = write_dossier(tmp_path, VALID.replace("actors:\n", "actors: [\n", 1))
    problems = _problems(load, path)
    assert len(problems) == 1 and "not valid YAML" in problems[0] and "line " in problems[0]
