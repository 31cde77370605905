"""JSON Lines corpora: the same graph as the same dossiers in YAML, the same checks with line numbers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from actorgraph.errors import InvalidInput
from actorgraph.ingest import read_dossier, read_dossiers
from bench.generate import generate, jsonl_records, write_dossiers, write_jsonl
from tests.support.graph import Loader
from tests.support.paths import DATA


def _model_graph(driver: Driver) -> list[Any]:
    """Nodes and relationships of the model (load and audit records and the name index aside), without file names
    or transaction times (the two loads ran at different times)."""
    nodes = driver.execute_query(
        "MATCH (n) WHERE n:Actor OR n:Event OR n:Source OR n:Allegation OR n:Statement "
        "RETURN labels(n) AS l, n {.*, recorded_at: null} AS p ORDER BY n.id"
    ).records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE NOT a:NameKey AND NOT a:Change "
        "RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p ORDER BY a, t, b"
    ).records
    return [(r["l"], r["p"]) for r in nodes] + [(r["a"], r["t"], r["b"], r["p"]) for r in rels]


def _lines(tmp_path: Path, records: list[dict[str, Any]]) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_corpus_as_json_lines_gives_the_graph_of_its_yaml_dossiers(
    load: Loader, driver: Driver, tmp_path: Path
) -> None:
    dossiers = generate(300, per_source=60)
    load(*write_dossiers(dossiers, tmp_path / "yaml"))
    as_yaml = _model_graph(driver)
    driver.execute_query("MATCH (n) DETACH DELETE n")
    report = load(write_jsonl(dossiers, tmp_path / "corpus.jsonl"))
    assert report.count("Statement", "created") == 300 and report.transactions >= 1
    assert _model_graph(driver) == as_yaml
    assert load(tmp_path / "corpus.jsonl").skipped == 5  # one dossier per source, skipped by the file's hash


def test_json_lines_problems_name_the_line_and_the_field(tmp_path: Path) -> None:
    dossier = read_dossier(DATA / "river-dam.yaml").dossier
    records = list(jsonl_records([dossier]))
    first_statement = next(i for i, r in enumerate(records) if r["type"] == "statement")
    records[first_statement] = {**records[first_statement], "speaker": "nobody"}
    records[first_statement + 1] = {**records[first_statement + 1], "quote": "words nobody wrote"}
    records.append({"type": "rumour", "id": "x"})
    path = _lines(tmp_path, records)
    path.write_text(path.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        read_dossiers([path])
    problems = [str(p) for p in info.value.problems]
    n = first_statement + 1  # lines count from 1
    assert f"{path}: line {n}: speaker: unknown actor 'nobody': add it to actors" in problems
    assert any(p.startswith(f"{path}: line {n + 1}: quote: not found verbatim") for p in problems)
    assert any(p.startswith(f"{path}: line {len(records)}: type: unknown record type 'rumour'") for p in problems)
    assert any(p.startswith(f"{path}: line {len(records) + 1}: not valid JSON") for p in problems)


def test_field_errors_are_found_in_bulk_and_located_by_line(tmp_path: Path) -> None:
    records = list(jsonl_records(generate(40, per_source=20)))
    actor = next(i for i, r in enumerate(records) if r["type"] == "actor")
    records[actor] = {**records[actor], "kind": "MILITIA"}
    statement = next(i for i, r in enumerate(records) if r["type"] == "statement")
    records[statement] = {k: v for k, v in records[statement].items() if k != "source"}
    with pytest.raises(InvalidInput) as info:
        read_dossiers([_lines(tmp_path, records)])
    problems = [str(p) for p in info.value.problems]
    assert any(f"line {actor + 1}: kind: unknown value 'MILITIA': use one of" in p for p in problems)
    assert any(f"line {statement + 1}: source: required" in p for p in problems)
