"""History and reversibility on the real server: audit records, unmerge restoring exactly, "not the same" marks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from actorgraph.errors import InvalidInput, NotFound
from actorgraph.ingest import load_paths
from actorgraph.model import Verdict
from actorgraph.store import dump as dumps
from actorgraph.store import history, mutations
from actorgraph.store.check import check
from actorgraph.store.core import Store
from actorgraph.store.cypher import query
from actorgraph.store.unmerge import unmerge_actors
from tests.support.cli import run_cli
from tests.support.graph import write_dossier
from tests.support.paths import DATA, SEED

RIVER = DATA / "river-dam.yaml"
AUDIT = {"Change", "ChangeKey"}


def _data_lines(store: Store, path: Path) -> list[str]:
    """The dump without the audit records (and the header, whose counts include them)."""
    dumps.dump(store, path)
    out = []
    for text in path.read_text(encoding="utf-8").splitlines()[1:]:
        record = json.loads(text)
        if record.get("label") in AUDIT or (record.get("start") or [None])[0] in AUDIT:
            continue
        out.append(text)
    return out


def _changes(store: Store, node_id: str) -> list[history.Change]:
    return store.read(history.history, node_id, 50, None)


def test_loads_record_who_and_what_and_an_unchanged_reload_records_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACTORGRAPH_USER", "analyst-1")
    load_paths(store, [SEED])
    (rec,) = _changes(store, "kremlin")
    assert (rec.action, rec.who, rec.reason) == ("load", "analyst-1", None)
    assert "incursion.yaml" in rec.summary and rec.touched > 20
    alleg = store.driver.execute_query("MATCH (a:Allegation) RETURN a.id AS id LIMIT 1").records[0]["id"]
    for node_id in (alleg, "article-000-4a78cf95e0652a9d"):  # allegations and sources are keys too
        assert [c.id for c in _changes(store, node_id)] == [rec.id]
    load_paths(store, [SEED])  # skipped by its hash: nothing written, nothing recorded
    assert len(_changes(store, "kremlin")) == 1
    load_paths(store, [SEED], who="someone-else")
    assert len(_changes(store, "kremlin")) == 1
    assert check(store).report.ok


def test_history_is_an_index_seek_not_a_scan_of_the_records(store: Store, seed: object) -> None:
    plan = store.driver.execute_query(
        "PROFILE " + query("history_of"), id="kremlin", limit=20, before=None
    ).summary.profile
    ops: list[str] = []

    def walk(p: dict) -> None:  # type: ignore[type-arg]
        ops.append(p["operatorType"].split("@")[0])
        for child in p.get("children", []):
            walk(child)

    walk(plan)
    assert "NodeUniqueIndexSeek" in ops and "NodeByLabelScan" not in ops and "AllNodesScan" not in ops, ops


def test_mutations_record_reasons_and_a_merge_needs_one(store: Store, seed: object) -> None:
    with pytest.raises(InvalidInput, match="reason") as info:
        store.write(mutations.merge_actors, "freedom-of-russia-legion", "siberian-battalion", "  ")
    assert info.value.problems[0].path == "reason"
    assert _changes(store, "siberian-battalion")[0].action == "load"  # nothing written, nothing recorded
    target = store.driver.execute_query("MATCH (a:Allegation) RETURN a.id AS id ORDER BY id LIMIT 1").records[0]["id"]
    why = "Only one side says so."
    store.write(lambda tx: mutations.set_verdict(tx, target, Verdict.UNPROVEN, why, None, who="ed"))
    newest = _changes(store, target)[0]
    assert (newest.action, newest.who, newest.reason) == ("set-verdict", "ed", "Only one side says so.")
    assert "UNPROVEN" in newest.summary


def _merge_case(store: Store) -> None:
    """Seed and a second case, a verdict and a "not the same" mark on the actor that will be merged away."""
    load_paths(store, [SEED, RIVER])
    folded = store.driver.execute_query(
        "MATCH (a:Allegation)-[:SUBJECT]->(:Actor {id: 'siberian-battalion'}) RETURN a.id AS id ORDER BY id LIMIT 1"
    ).records[0]["id"]
    store.write(mutations.set_verdict, folded, Verdict.REFUTED, "Footage geolocated elsewhere.", "geo-report")
    store.write(mutations.mark_distinct, "siberian-battalion", "russian-volunteer-corps", "different commanders")


def test_unmerge_restores_the_graph_exactly(store: Store, tmp_path: Path) -> None:
    _merge_case(store)
    before = _data_lines(store, tmp_path / "before.jsonl")
    keep, merged = "freedom-of-russia-legion", "siberian-battalion"
    store.write(lambda tx: mutations.merge_actors(tx, keep, merged, "one unit under two names", who="ed"))
    assert check(store).report.ok
    during = _data_lines(store, tmp_path / "during.jsonl")
    assert during != before
    assert not store.driver.execute_query("MATCH (a:Actor {id: $id}) RETURN a", id=merged).records
    merge = _changes(store, merged)[0]
    assert (merge.action, merge.reason) == ("merge", "one unit under two names")
    # the mark moved to the kept actor, so the merge cannot sneak a distinct actor in
    with pytest.raises(InvalidInput, match="marked not the same"):
        store.write(mutations.merge_actors, keep, "russian-volunteer-corps", "same?")

    restored = store.write(lambda tx: unmerge_actors(tx, "they are two units", merged_id=merged, who="ed"))
    assert restored == merged
    assert check(store).report.ok
    assert _data_lines(store, tmp_path / "after.jsonl") == before
    assert [c.action for c in _changes(store, merged)[:2]] == ["unmerge", "merge"]
    assert _changes(store, merge.id)[0].action == "unmerge"  # the merge's own id finds its undoing

    with pytest.raises(InvalidInput, match="already undone by chg_"):
        store.write(lambda tx: unmerge_actors(tx, "again", change_id=merge.id))
    with pytest.raises(InvalidInput, match="already undone"):
        store.write(lambda tx: unmerge_actors(tx, "again", merged_id=merged))
    with pytest.raises(NotFound, match="no merge recorded"):
        store.write(lambda tx: unmerge_actors(tx, "why", merged_id="kremlin"))
    with pytest.raises(InvalidInput, match="reason"):
        store.write(lambda tx: unmerge_actors(tx, "", merged_id=merged))
    assert _data_lines(store, tmp_path / "after.jsonl") == before


def test_merge_refuses_actors_marked_distinct_until_unmarked(store: Store, seed: object) -> None:
    store.write(mutations.mark_distinct, "cia", "hur", "two agencies of two states")
    with pytest.raises(InvalidInput, match="unmarkDistinct them first") as info:
        store.write(mutations.merge_actors, "hur", "cia", "same")
    assert info.value.problems[0].path == "mergeId"
    assert check(store).report.ok
    store.write(mutations.unmark_distinct, "hur", "cia", "testing a merge")
    with pytest.raises(InvalidInput, match="not marked distinct"):
        store.write(mutations.unmark_distinct, "hur", "cia", "again")
    store.write(mutations.merge_actors, "hur", "cia", "now allowed")
    assert check(store).report.ok
    assert [c.action for c in _changes(store, "cia")[:3]] == ["merge", "unmark-distinct", "mark-distinct"]


CASE = """\
source:
  id: distinct-post
  kind: SOCIAL_POST
  title: A post
  text: "The CIA runs the Legion, said the Kremlin."
actors:
  - id: kremlin
    name: Kremlin
    kind: GOVERNMENT
    aliases: [{alias}]
  - id: cia
    name: CIA
    kind: INTELLIGENCE_AGENCY
  - id: freedom-of-russia-legion
    name: Freedom of Russia Legion
    kind: ARMED_GROUP
allegations:
  - id: legion-controlled-by-cia
    subject: freedom-of-russia-legion
    predicate: CONTROLLED_BY
    object: cia
    summary: The CIA controls the Legion.
statements:
  - speaker: kremlin
    allegation: legion-controlled-by-cia
    stance: AFFIRMS
    quote: The CIA runs the Legion
"""


def test_a_load_never_gives_an_actor_the_name_of_one_marked_distinct(
    store: Store, seed: object, tmp_path: Path
) -> None:
    store.write(mutations.mark_distinct, "kremlin", "vladimir-putin", "the office is not the man")
    path = write_dossier(tmp_path, CASE.format(alias="Vladimir Putin"))
    with pytest.raises(InvalidInput) as info:
        load_paths(store, [path])
    (problem,) = info.value.problems
    assert problem.path == "actors[0]" and "'vladimir-putin', marked not the same" in problem.message
    assert "unmarkDistinct" in problem.message
    assert not store.driver.execute_query("MATCH (s:Source {id: 'distinct-post'}) RETURN s").records
    result = run_cli("load", str(path))
    assert result.returncode == 2 and "marked not the same" in result.stderr
    store.write(mutations.unmark_distinct, "kremlin", "vladimir-putin", "test: the same name may be shared")
    load_paths(store, [path])  # without the mark the same dossier loads
    assert check(store).report.ok


def test_cli_history_fits_80_columns(store: Store, seed: object) -> None:
    store.write(mutations.mark_distinct, "cia", "hur", "two agencies of two states, a reason long enough to wrap")
    result = run_cli("history", "cia", columns=80)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "mark-distinct" in result.stdout and "load" in result.stdout
    assert result.stdout.index("mark-distinct") < result.stdout.index("load")  # newest first
    none = run_cli("history", "no-such-id")
    assert none.returncode == 0 and "No changes recorded" in none.stdout


def test_cli_load_as_names_who_loaded(store: Store) -> None:
    result = run_cli("load", "--as", "cli-analyst", str(RIVER), env={"ACTORGRAPH_USER": "not-this-one"})
    assert result.returncode == 0, result.stderr
    (rec,) = _changes(store, "northland-defence-ministry")
    assert (rec.action, rec.who) == ("load", "cli-analyst")
    assert run_cli("load", "--as", "cli-analyst", str(RIVER)).returncode == 0  # unchanged: skipped, no record
    assert len(_changes(store, "northland-defence-ministry")) == 1


def test_merges_are_undone_latest_first(store: Store, seed: object, tmp_path: Path) -> None:
    before = _data_lines(store, tmp_path / "before.jsonl")
    store.write(mutations.merge_actors, "freedom-of-russia-legion", "siberian-battalion", "one unit")
    store.write(mutations.merge_actors, "hur", "cia", "test: one agency")  # the Battalion's allegations name the CIA
    with pytest.raises(InvalidInput, match=r"cia .* no longer exist: undo what removed them first"):
        store.write(lambda tx: unmerge_actors(tx, "two units", merged_id="siberian-battalion"))
    store.write(mutations.merge_actors, "ukrainian-military", "hur", "test: a chain of merges")
    with pytest.raises(InvalidInput, match="the kept actor 'hur' is gone"):
        store.write(lambda tx: unmerge_actors(tx, "two agencies", merged_id="cia"))
    for merged in ("hur", "cia", "siberian-battalion"):
        store.write(lambda tx, m=merged: unmerge_actors(tx, "undo", merged_id=m))  # type: ignore[misc]
        assert check(store).report.ok, merged
    assert _data_lines(store, tmp_path / "after.jsonl") == before
