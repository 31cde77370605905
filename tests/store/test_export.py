"""`actorgraph export`: JSON with provenance, GraphML of the actor network."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from neo4j import Driver

from actorgraph.ingest import load_paths
from actorgraph.settings import Settings
from actorgraph.store.core import Store
from tests.support.cli import run_cli
from tests.support.paths import ROOT


def test_export_json_and_graphml(driver: Driver, settings: Settings, tmp_path: Path) -> None:
    load_paths(Store(driver, settings), [ROOT / "seed"])
    out = run_cli("export", "json", "-o", str(tmp_path / "g.json"))
    assert out.returncode == 0, out.stderr
    data = json.loads((tmp_path / "g.json").read_text())
    labels = [n["label"] for n in data["nodes"]]
    assert labels.count("Statement") == 22 and labels.count("Actor") == 12
    quote = next(n for n in data["nodes"] if n["label"] == "Statement")["quote"]
    assert quote
    assert any(r["type"] == "MADE" for r in data["relationships"])
    out = run_cli("export", "graphml", "-o", str(tmp_path / "g.graphml"))
    assert out.returncode == 0, out.stderr
    graph = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert graph.nodes["kremlin"]["name"] == "Kremlin"
    accuses = [(a, b) for a, b, d in graph.edges(data=True) if d["type"] == "ACCUSES"]
    assert ("kremlin", "freedom-of-russia-legion") in accuses
    assert not any(graph.nodes[n]["label"] == "Statement" for n in graph.nodes)
