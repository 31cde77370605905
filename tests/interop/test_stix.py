"""STIX 2.1: the export passes stix2-validator, is deterministic, carries every quote; import (of our
export and of an OpenCTI-style bundle) loads through the normal checks; export -> import -> export
gives the same bundle."""

from __future__ import annotations

import json
from pathlib import Path

from neo4j import Driver

from actorgraph.interop import stix
from actorgraph.interop.stix_mapping import EXTENSION_ID, stix_id
from actorgraph.settings import Settings
from tests.support.cli import run_cli
from tests.support.interop import DATA, Read
from tests.support.peers import stix_findings


def _export(tmp_path: Path, name: str = "graph.stix.json") -> tuple[str, dict[str, object]]:
    out = run_cli("export", "stix", "-o", str(tmp_path / name))
    assert out.returncode == 0, out.stderr
    assert "STIX 2.1 bundle of" in out.stderr
    text = (tmp_path / name).read_text(encoding="utf-8")
    return text, json.loads(text)


def _objects(bundle: dict[str, object], stix_type: str) -> list[dict[str, object]]:
    objects = bundle["objects"]
    assert isinstance(objects, list)
    return [o for o in objects if o["type"] == stix_type]


def test_seed_export_passes_the_validator_and_is_the_same_twice(seed: None, tmp_path: Path) -> None:
    text, bundle = _export(tmp_path)
    errors, warnings = stix_findings(text)
    assert errors == []
    # The only warnings: our ids are name-based UUIDv5 (deterministic), where STIX prefers v4.
    assert warnings and all("{103}" in w for w in warnings)
    again, _ = _export(tmp_path, "again.json")
    assert again == text
    assert len(_objects(bundle, "identity")) == 7  # six actors and actorgraph itself
    assert len(_objects(bundle, "threat-actor")) == 6  # armed groups, military, intelligence agencies
    assert len(_objects(bundle, "note")) == 22 and len(_objects(bundle, "relationship")) == 19
    assert len(_objects(bundle, "opinion")) == 3 and len(_objects(bundle, "report")) == 1
    kremlin = next(o for o in _objects(bundle, "identity") if o["name"] == "Kremlin")
    assert kremlin["id"] == stix_id("identity", "actor:kremlin")


def test_the_validator_does_reject_a_broken_bundle(seed: None, read_graph: Read) -> None:
    bundle = stix.to_bundle(read_graph())
    bundle["objects"][3]["created"] = "yesterday"
    errors, _ = stix_findings(json.dumps(bundle))
    assert any("created" in e for e in errors)


def test_notes_carry_the_quote_the_speaker_and_the_offsets_into_the_report_text(seed: None, tmp_path: Path) -> None:
    _, bundle = _export(tmp_path)
    report = _objects(bundle, "report")[0]
    text = report["extensions"][EXTENSION_ID]["text"]  # type: ignore[index]
    names = {o["id"]: o["name"] for o in bundle["objects"] if "name" in o}  # type: ignore[union-attr]
    for note in _objects(bundle, "note"):
        ext = note["extensions"][EXTENSION_ID]  # type: ignore[index]
        assert text[ext["start"] : ext["end"]] == note["content"]
        assert note["authors"] == [names[ext["speaker_ref"]]]
        assert ext["stance"] in ("AFFIRMS", "DENIES")
        assert note["id"] in report["object_refs"]  # type: ignore[operator]
    denial = next(n for n in _objects(bundle, "note") if n["content"] == "without direct Ukrainian involvement")
    assert denial["abstract"].startswith("Andriy Yusov (for Main Directorate of Intelligence (HUR)) denies")  # type: ignore[union-attr]
    carried = [r for r in _objects(bundle, "relationship") if r["relationship_type"] == "attributed-to"]
    assert {str(r["source_ref"]).split("--")[0] for r in carried} == {"campaign"}  # spec direction
    refuted = next(o for o in _objects(bundle, "opinion") if o["opinion"] == "strongly-disagree")
    assert refuted["explanation"].startswith("Analyst reading of")  # type: ignore[union-attr]


def _reimport(tmp_path: Path, bundle_file: Path, driver: Driver) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")
    out = run_cli("import", "stix", str(bundle_file))
    assert out.returncode == 0, out.stderr + out.stdout
    assert "an actorgraph export" in out.stdout


def test_round_trip_of_the_seed_gives_the_same_bundle(seed: None, driver: Driver, tmp_path: Path) -> None:
    first, _ = _export(tmp_path, "first.json")
    _reimport(tmp_path, tmp_path / "first.json", driver)
    second, _ = _export(tmp_path, "second.json")
    assert second == first


def test_round_trip_of_a_generated_corpus_gives_the_same_bundle(corpus: None, driver: Driver, tmp_path: Path) -> None:
    first, bundle = _export(tmp_path, "first.json")
    assert stix_findings(first)[0] == []
    assert _objects(bundle, "campaign") == [] and _objects(bundle, "incident")  # ATTACK events are incidents
    _reimport(tmp_path, tmp_path / "first.json", driver)
    second, _ = _export(tmp_path, "second.json")
    assert second == first


def test_the_same_graph_gives_the_same_ids_in_memory(seed: None, read_graph: Read) -> None:
    assert stix.to_bundle(read_graph()) == stix.to_bundle(read_graph())


def test_import_with_out_writes_dossiers_the_loader_accepts(seed: None, driver: Driver, tmp_path: Path) -> None:
    _export(tmp_path, "seed.json")
    out = run_cli("import", "stix", str(tmp_path / "seed.json"), "-o", str(tmp_path / "review"))
    assert out.returncode == 0, out.stderr
    files = sorted((tmp_path / "review").glob("*.yaml"))
    assert len(files) == 1 and "actorgraph load" in out.stdout
    assert run_cli("load", "--check", str(tmp_path / "review")).returncode == 0


def test_import_check_only_validates(seed: None, driver: Driver, tmp_path: Path) -> None:
    _export(tmp_path, "seed.json")
    driver.execute_query("MATCH (n) DETACH DELETE n")
    out = run_cli("import", "stix", str(tmp_path / "seed.json"), "--check")
    assert out.returncode == 0 and "every check passed (nothing written)" in out.stdout
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 0


def test_import_of_something_else_fails_in_one_line_and_writes_nothing(driver: Driver, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "not-a-bundle"}', encoding="utf-8")
    out = run_cli("import", "stix", str(bad))
    assert out.returncode == 2
    assert "not a STIX bundle" in out.stderr and "Traceback" not in out.stderr
    bad.write_text("{nope", encoding="utf-8")
    out = run_cli("import", "stix", str(bad))
    assert out.returncode == 2 and "not valid JSON" in out.stderr
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 0


def test_a_tampered_quote_is_caught_by_the_dossier_checks(seed: None, driver: Driver, tmp_path: Path) -> None:
    _, bundle = _export(tmp_path)
    note = _objects(bundle, "note")[0]
    note["content"] = "words nobody said"
    (tmp_path / "tampered.json").write_text(json.dumps(bundle), encoding="utf-8")
    driver.execute_query("MATCH (n) DETACH DELETE n")
    out = run_cli("import", "stix", str(tmp_path / "tampered.json"))
    assert out.returncode == 2
    assert "do not match the quote" in out.stderr
    assert driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 0


def test_opencti_bundle_imports_what_fits_and_counts_the_rest(driver: Driver, settings: Settings) -> None:
    out = run_cli("import", "stix", str(DATA / "opencti-bundle.json"))
    assert out.returncode == 0, out.stderr
    assert "a foreign bundle" in out.stdout
    assert "skipped 1 x relationship uses intrusion-set -> malware: no predicate fits" in out.stdout
    assert "skipped 1 x note in no report" in out.stdout
    kinds = dict(
        (r["name"], r["kind"])
        for r in driver.execute_query("MATCH (a:Actor) RETURN a.name AS name, a.kind AS kind").records
    )
    assert kinds == {
        "Armed Forces of Ukraine": "ORGANIZATION", "Freedom of Russia Legion": "UNKNOWN", "Kremlin": "GOVERNMENT",
        "Andriy Yusov": "PERSON", "GRU Unit 29155": "MILITARY", "Border Watch CERT": "ORGANIZATION",
        "Cadet Blizzard": "UNKNOWN",
    }  # fmt: skip
    event = driver.execute_query("MATCH (e:Event) RETURN e.start_date AS s, e.end_date AS e").records[0]
    assert str(event["s"]) == "2023-05-22" and str(event["e"]) == "2023-05-23"
