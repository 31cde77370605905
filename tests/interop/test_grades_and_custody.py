"""Grades and chains of custody in every export (issue 14, item 2), on the provenance case of
``tests/data/provenance``: a Telegram post (its channel graded E by default), an outlet deriving from it
(B, credibility 3), an outlet quoting it (C, credibility 4) and an observer mission's own report (A).

STIX carries them in its own fields (``confidence`` by the spec's Admiralty mapping, OpenCTI's
``x_opencti_reliability``) and our extension, and the import reads them back; PROV is checked by the
reference library reading the document back; FtM and GEXF carry them as text and attributes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from neo4j import Driver

from actorgraph.interop import ftm, provenance, stix
from actorgraph.interop.network import actor_network
from actorgraph.interop.stix_import import dossiers_from_bundle
from actorgraph.interop.stix_mapping import EXTENSION_ID, OPENCTI_RELIABILITY
from tests.support.cli import run_cli
from tests.support.graph import Loader
from tests.support.http import GraphQL
from tests.support.interop import DATA, Read
from tests.support.paths import DATA as TEST_DATA
from tests.support.peers import ftm_problems, stix_findings

CASE = [TEST_DATA / "provenance" / f"{name}.yaml" for name in ("telegram-post", "daily-a", "herald-b", "monitors")]
POST = "tg-volya-post-311"


def _stored(driver: Driver) -> dict[str, Any]:
    """Every grade and custody link in the graph, keyed by id."""
    statements = driver.execute_query(
        """MATCH (sp:Actor)-[:MADE]->(s:Statement)
           OPTIONAL MATCH (s)-[:QUOTED_FROM]->(q:Source)
           RETURN sp.id AS speaker, s.credibility AS credibility, q.id AS quoted ORDER BY speaker"""
    ).records
    sources = driver.execute_query(
        """MATCH (s:Source) OPTIONAL MATCH (s)-[:DERIVED_FROM]->(d:Source)
           RETURN s.id AS id, s.reliability AS reliability, d.id AS derived ORDER BY id"""
    ).records
    actors = driver.execute_query("MATCH (a:Actor) RETURN a.id AS id, a.reliability AS r ORDER BY id").records
    return {
        "statements": [(r["speaker"], r["credibility"], r["quoted"]) for r in statements],
        "sources": [(r["id"], r["reliability"], r["derived"]) for r in sources],
        "actors": [(r["id"], r["r"]) for r in actors],
    }


def _export(tmp_path: Path, fmt: str, name: str) -> str:
    out = run_cli("export", fmt, "-o", str(tmp_path / name))
    assert out.returncode == 0, out.stderr
    return (tmp_path / name).read_text(encoding="utf-8")


def _by_actorgraph_id(bundle: dict[str, Any], stix_type: str) -> dict[str, dict[str, Any]]:
    typed = [o for o in bundle["objects"] if o["type"] == stix_type and EXTENSION_ID in o.get("extensions", {})]
    return {o["extensions"][EXTENSION_ID]["actorgraph_id"]: o for o in typed}


def test_stix_carries_grades_and_custody_and_the_import_reads_them_back(
    load: Loader, driver: Driver, tmp_path: Path
) -> None:
    load(*CASE)
    before = _stored(driver)
    assert ("herald-b", 4, POST) in before["statements"] and ("daily-a-kirov", "B", POST) in before["sources"]
    text = _export(tmp_path, "stix", "first.json")
    errors, warnings = stix_findings(text)
    assert errors == [] and all("{103}" in w for w in warnings), (errors, warnings)
    bundle = json.loads(text)
    notes = {n["authors"][0]: n for n in bundle["objects"] if n["type"] == "note"}
    herald = notes["Herald B"]
    assert herald["confidence"] == 30  # credibility 4, "doubtful", on the spec's Admiralty Credibility scale
    assert herald["extensions"][EXTENSION_ID]["credibility"] == 4
    assert herald["extensions"][EXTENSION_ID]["quoted_from"] == POST
    assert herald["extensions"][EXTENSION_ID]["origin"] == POST
    assert herald["external_references"] == [
        {"source_name": "prov:wasQuotedFrom", "external_id": POST,
         "description": f"actorgraph source {POST}: Volya channel post 311 (invented test post)"}
    ]  # fmt: skip
    assert notes["Daily A"]["confidence"] == 50 and "confidence" not in notes["Volya channel"]
    reports = _by_actorgraph_id(bundle, "report")
    daily = reports["daily-a-kirov"]
    assert daily[OPENCTI_RELIABILITY] == "B - Usually reliable"
    assert daily["extensions"][EXTENSION_ID]["reliability"] == "B"
    assert daily["extensions"][EXTENSION_ID]["derived_from"] == POST
    assert daily["external_references"][-1]["source_name"] == "prov:wasDerivedFrom"
    assert OPENCTI_RELIABILITY not in reports[POST]  # the post itself is not graded
    channel = _by_actorgraph_id(bundle, "identity")["volya-channel"]
    assert (
        channel[OPENCTI_RELIABILITY] == "E - Unreliable" and channel["extensions"][EXTENSION_ID]["reliability"] == "E"
    )

    driver.execute_query("MATCH (n) DETACH DELETE n")
    out = run_cli("import", "stix", str(tmp_path / "first.json"))
    assert out.returncode == 0, out.stderr + out.stdout
    assert _stored(driver) == before
    assert _export(tmp_path, "stix", "second.json") == text


def test_a_foreign_bundle_s_confidence_and_opencti_reliability_are_read() -> None:
    bundle = json.loads((DATA / "opencti-bundle.json").read_text(encoding="utf-8"))
    graded = {"note--0a1b2c3d-4e5f-4607-8192-a3b4c5d6e7f8": {"confidence": 75},
              "report--5f607182-93a4-4c5d-a6e7-f8091a2b3c4d": {OPENCTI_RELIABILITY: "C - Fairly reliable"}}  # fmt: skip
    plain = dossiers_from_bundle(bundle)
    for obj in bundle["objects"]:
        obj.update(graded.get(obj["id"], {}))
    result = dossiers_from_bundle(bundle)
    found = {d.source.title: d for d in result.dossiers}
    belgorod = found["Incursion into Belgorod: who says what"]
    assert belgorod.source.reliability == "C"
    assert {s.credibility for s in belgorod.statements} == {None, 2}
    assert all(s.credibility is None for d in plain.dossiers for s in d.statements)
    assert all(d.source.reliability is None for d in plain.dossiers)


def test_prov_export_reads_back_and_traces_every_statement_to_its_origin(
    load: Loader, read_graph: Read, tmp_path: Path
) -> None:
    load(*CASE)
    out = run_cli("export", "prov", "-o", str(tmp_path / "graph.prov.json"))
    assert out.returncode == 0 and "PROV-JSON document (" in out.stderr, out.stderr
    text = (tmp_path / "graph.prov.json").read_text(encoding="utf-8")
    assert _export(tmp_path, "prov", "again.json") == text  # the same bytes for the same graph
    document = provenance.loads(text)
    assert document == provenance.document(read_graph())  # the reference library reads back what was built
    data = json.loads(text)
    derivations = [(d["prov:generatedEntity"], d["prov:usedEntity"], (d.get("prov:type") or {}).get("$"))
                   for d in data["wasDerivedFrom"].values()]  # fmt: skip
    statements = {e["prov:value"]: sid for sid, e in data["entity"].items() if sid.startswith("statement:")}
    herald = statements["the Eastern Battalion carried out the strike"]
    daily = statements["The Eastern Battalion struck the Kirov bridge overnight"]
    monitors = statements["fragments of drones used by the Eastern Battalion at the Kirov bridge"]
    assert (herald, f"source:{POST}", "prov:Quotation") in derivations  # wasQuotedFrom
    assert ("source:daily-a-kirov", f"source:{POST}", None) in derivations  # wasDerivedFrom
    primary = {g: u for g, u, t in derivations if t == "prov:PrimarySource"}  # hadPrimarySource
    assert primary[herald] == primary[daily] == primary["source:daily-a-kirov"] == f"source:{POST}"
    assert primary[monitors] == "source:monitors-kirov-report"
    assert len([g for g in primary if g.startswith("statement:")]) == len(statements) == 4
    assert data["entity"][herald]["ag:credibility"] == {"$": "4", "type": "xsd:int"}
    assert data["entity"][herald]["ag:admiralty"] == "C4"
    assert data["entity"]["source:monitors-kirov-report"]["ag:reliability"] == "A"
    attributed = {a["prov:entity"]: a["prov:agent"] for a in data["wasAttributedTo"].values()}
    assert attributed[herald] == "actor:herald-b" and attributed[daily] == "actor:daily-a"
    assert data["agent"]["actor:volya-channel"]["ag:reliability"] == "E"


def test_graphql_exports_prov_of_one_actor(load: Loader, gql: GraphQL) -> None:
    load(*CASE)
    body = gql("""{ exports { prov(actorId: "herald-b") } }""")
    assert "errors" not in body, body
    data = body["data"]["exports"]["prov"]
    assert provenance.loads(json.dumps(data)) is not None
    kinds = {(d["prov:usedEntity"], (d.get("prov:type") or {}).get("$")) for d in data["wasDerivedFrom"].values()}
    assert (f"source:{POST}", "prov:Quotation") in kinds and ("source:herald-b-kirov", "ag:ReportedIn") in kinds
    missing = gql("""{ exports { prov(actorId: "nobody") } }""")
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    neither = gql("""{ exports { prov } }""")
    assert neither["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_ftm_and_gexf_carry_the_grades_as_text_and_attributes(load: Loader, read_graph: Read) -> None:
    load(*CASE)
    graph = read_graph()
    entities = list(ftm.entities(graph))
    assert ftm_problems(entities) == []
    links = {e["properties"]["recordId"][0]: e for e in entities if e["schema"] == "UnknownLink"}
    herald = next(e for e in links.values() if "the Eastern Battalion carried out the strike" in
                  e["properties"]["description"])  # fmt: skip
    assert "Admiralty grade C4: source fairly reliable, information doubtful" in herald["properties"]["summary"]
    assert len(herald["properties"]["proof"]) == 2  # its own article and the post it quoted
    articles = {e["properties"]["title"][0]: e for e in entities if e["schema"] == "Article"}
    daily = articles["Bridge struck overnight (invented test article)"]["properties"]["notes"]
    assert any(n.startswith(f"Derived from source {POST}") for n in daily)
    assert "Admiralty grade B-: source usually reliable" in daily

    network = actor_network(graph)
    nodes = {n.id: n for n in network.nodes}
    assert nodes["volya-channel"].attributes["reliability"] == "E"
    grades = {e.source: e.attributes["grades"] for e in network.edges if e.target == "eastern-battalion"}
    assert grades["herald-b"] == "C4" and grades["volya-channel"] == "E-" and grades["bridge-monitors"] == "A2"
    bundle = stix.to_bundle(graph)
    assert stix_findings(json.dumps(bundle))[0] == []
