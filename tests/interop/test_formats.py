"""Gephi (read back by networkx and igraph), ClaimReview (Google's fields as a JSON Schema) and
FollowTheMoney (checked strictly, and by `ftm validate` dropping nothing) exports of the seed and of
a generated corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import igraph
import networkx as nx
import pytest

from actorgraph.analytics.centrality import centrality
from actorgraph.analytics.projection import Edge, build_graph
from actorgraph.errors import ConfigError
from actorgraph.interop import ftm
from actorgraph.interop.colours import kind_colour
from tests.support.cli import run_cli
from tests.support.interop import Read
from tests.support.peers import claimreview_errors, claimreview_recommended_errors, ftm_problems


def _cli(tmp_path: Path, *args: str) -> Path:
    out_file = tmp_path / f"out.{args[0]}"
    out = run_cli("export", *args, "-o", str(out_file))
    assert out.returncode == 0, out.stderr
    return out_file


def test_gexf_and_graphml_read_back_with_networkx_and_igraph(corpus: None, read_graph: Read, tmp_path: Path) -> None:
    graph = read_graph()
    gexf = nx.read_gexf(_cli(tmp_path, "gexf"))
    assert gexf.graph["mode"] == "dynamic"
    relations = {(r.source, r.target, r.type): r for r in graph.relations}
    assert gexf.number_of_nodes() == len(graph.actors) + len(graph.events)
    seen = 0
    for u, v, data in gexf.edges(data=True):
        rel = relations[(u, v, data["type"])]
        assert data["weight"] == rel.count and data["label"] == rel.type
        assert data["spells"] == [(str(rel.first_stated), str(rel.last_stated))]
        seen += 1
    assert seen == gexf.number_of_edges() and seen > 50
    actor = next(iter(graph.actors.values()))
    colour = gexf.nodes[actor.id]["viz"]["color"]
    assert "#{:02X}{:02X}{:02X}".format(colour["r"], colour["g"], colour["b"]) == kind_colour("Actor", actor.kind)
    assert gexf.nodes[actor.id]["label"] == actor.name
    # Scores are those of `actorgraph analyze centrality` on the same network.
    projected = build_graph(
        [(a.id, a.name, a.kind) for a in graph.actors.values()],
        [Edge(r.source, r.target, r.type, r.statements) for r in graph.relations if r.target in graph.actors],
    )
    top = max(centrality(projected).rows, key=lambda r: r.pagerank)
    assert abs(gexf.nodes[top.actor]["pagerank"] - top.pagerank) < 1e-8
    assert gexf.nodes[top.actor]["accusations_made"] == top.accusations_made

    path = _cli(tmp_path, "gephi-graphml")
    multi = nx.read_graphml(path, force_multigraph=True)
    assert multi.number_of_edges() == len(graph.relations)
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.vcount() == multi.number_of_nodes() and ig.ecount() == multi.number_of_edges()
    assert ig.is_directed()
    by_id = {v["id"]: v for v in ig.vs}
    assert by_id[actor.id]["label"] == actor.name and by_id[actor.id]["kind"] == actor.kind
    types = sorted(set(ig.es["type"]))
    assert types == sorted({r.type for r in graph.relations})
    assert sum(ig.es["weight"]) == sum(r.count for r in graph.relations)


def test_gexf_is_the_same_bytes_twice(seed: None, tmp_path: Path) -> None:
    first = _cli(tmp_path, "gexf").read_bytes()
    assert first == _cli(tmp_path, "gexf").read_bytes()
    assert b'xmlns="http://gexf.net/1.3"' in first and b'version="1.3"' in first


def test_claimreview_of_every_verdict_passes_googles_fields(seed: None, read_graph: Read, tmp_path: Path) -> None:
    path = _cli(tmp_path, "claimreview", "--review-url", "https://checks.example.org/{id}", "--reviewer", "Desk")
    reviews = json.loads(path.read_text(encoding="utf-8"))
    assert len(reviews) == 3 == sum(1 for a in read_graph().allegations.values() if a.verdict)
    assert claimreview_errors(reviews) == []
    ratings = sorted(r["reviewRating"]["alternateName"] for r in reviews)
    assert ratings == ["Confirmed", "Refuted", "Unproven"]
    involved = next(r for r in reviews if r["reviewRating"]["alternateName"] == "Unproven")
    assert involved["itemReviewed"]["author"] == {"@type": "Organization", "name": "Kremlin"}
    assert involved["author"] == {"@type": "Organization", "name": "Desk"}
    # The schema does reject what Google requires and is missing.
    del reviews[0]["reviewRating"]["alternateName"]
    reviews[1]["url"] = "not a url"
    errors = claimreview_errors(reviews)
    assert any(e.startswith("0/reviewRating") and "alternateName" in e for e in errors)
    assert any(e.startswith("1/url") for e in errors)


def test_claimreview_has_every_recommended_field_when_the_data_has_them(corpus: None, tmp_path: Path) -> None:
    path = _cli(tmp_path, "claimreview", "--review-url", "https://checks.example.org/{id}")
    reviews = json.loads(path.read_text(encoding="utf-8"))
    assert len(reviews) == 5 and claimreview_errors(reviews) == []
    affirmed = [r for r in reviews if "author" in r["itemReviewed"]]
    assert affirmed
    assert [e for r in affirmed for e in claimreview_recommended_errors(r)] == []


def test_claimreview_needs_a_review_url(seed: None) -> None:
    out = run_cli("export", "claimreview")
    assert out.returncode == 2 and "--review-url" in out.stderr and "Traceback" not in out.stderr  # a usage error


def _ftm(tmp_path: Path) -> tuple[Path, list[dict[str, object]]]:
    path = _cli(tmp_path, "ftm")
    return path, [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_ftm_seed_is_strictly_valid_and_survives_ftm_validate(seed: None, tmp_path: Path) -> None:
    path, entities = _ftm(tmp_path)
    assert ftm_problems(entities) == []
    schemas = {e["schema"] for e in entities}
    assert {"Person", "Organization", "PublicBody", "Event", "Article", "UnknownLink", "Documentation",
            "Representation"} <= schemas  # fmt: skip
    # `ftm validate` re-parses and drops what it does not accept: nothing may be dropped.
    done = subprocess.run(
        [str(Path(sys.executable).parent / "ftm"), "validate", "-i", str(path)], capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    again = {e["id"]: e["properties"] for e in map(json.loads, done.stdout.splitlines())}
    assert again == {e["id"]: {k: sorted(v) for k, v in e["properties"].items()} for e in entities}  # type: ignore[union-attr]
    link = next(e for e in entities if e["schema"] == "UnknownLink" and "without direct" in str(e["properties"]))
    assert link["properties"]["role"] == ["denies INVOLVED_IN"]  # type: ignore[index]


def test_ftm_checker_catches_what_ftm_validate_would_drop(seed: None, tmp_path: Path) -> None:
    _, entities = _ftm(tmp_path)
    person = next(e for e in entities if e["schema"] == "Person")
    person["properties"]["stance"] = ["AFFIRMS"]  # type: ignore[index]
    link = next(e for e in entities if e["schema"] == "UnknownLink")
    link["properties"]["object"] = ["ag-actor-nobody"]  # type: ignore[index]
    del link["properties"]["subject"]  # type: ignore[attr-defined]
    problems = ftm_problems(entities)
    assert any("no property 'stance'" in p for p in problems)
    assert any("is not in the export" in p for p in problems)
    assert any("required property 'subject'" in p for p in problems)


def test_ftm_corpus_is_strictly_valid(corpus: None, tmp_path: Path) -> None:
    _, entities = _ftm(tmp_path)
    assert ftm_problems(entities) == []
    assert sum(1 for e in entities if e["schema"] == "UnknownLink") == 300


def test_ftm_without_the_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, read_graph: Read) -> None:
    monkeypatch.setitem(sys.modules, "followthemoney", None)  # as if not installed
    with pytest.raises(ConfigError, match=r"pip install 'actorgraph\[followthemoney\]'"):
        list(ftm.entities(read_graph()))
