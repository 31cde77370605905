"""The benchmark's 10k corpus: every export passes its peer's validator, and STIX round-trips.

Loading 10,000 statements takes minutes on a 2-core machine, so this runs only when selected:
``pytest -m corpus10k tests/interop`` (``make test`` checks the same on a 300-statement corpus).
Sizes and times are written to ``bench/results/interop-10k.json``.
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from neo4j import Driver

from actorgraph.ingest import load_paths, read_dossiers
from actorgraph.interop import claimreview, ftm, gephi, stix
from actorgraph.interop.dossier_yaml import write_dossiers
from actorgraph.interop.graph import graph_from_records
from actorgraph.interop.network import actor_network
from actorgraph.interop.stix_import import dossiers_from_bundle
from actorgraph.settings import Settings
from actorgraph.store import export
from actorgraph.store.core import Store
from actorgraph.store.loader import load
from bench.generate import generate
from bench.generate import write_dossiers as write_corpus
from tests.support.interop import set_verdicts
from tests.support.paths import ROOT
from tests.support.peers import claimreview_errors, ftm_problems, stix_findings

RESULTS = ROOT / "bench" / "results" / "interop-10k.json"


@pytest.mark.corpus10k
def test_10k_corpus_exports_pass_their_validators(driver: Driver, settings: Settings, tmp_path: Path) -> None:
    import igraph

    numbers: dict[str, Any] = {}

    def timed(name: str, work: Any) -> Any:
        began = time.perf_counter()
        result = work()
        numbers[f"{name}_s"] = round(time.perf_counter() - began, 2)
        return result

    write_corpus(generate(10_000), tmp_path / "corpus")
    timed("load", lambda: load_paths(Store(driver, settings), [tmp_path / "corpus"]))
    ids = [r["id"] for r in driver.execute_query("MATCH (a:Allegation) RETURN a.id AS id ORDER BY id LIMIT 50").records]
    from actorgraph.model.vocabulary import Verdict

    set_verdicts(Store(driver, settings), {a: list(Verdict)[i % 3] for i, a in enumerate(ids)})
    graph = timed("read", lambda: graph_from_records(*export.graph_records(Store(driver, settings))))
    numbers["statements"] = len(graph.statements)

    bundle = timed("stix_export", lambda: stix.to_bundle(graph))
    text = stix.dumps(bundle)
    errors, warnings = timed("stix_validate", lambda: stix_findings(text))
    assert errors == []
    numbers |= {"stix_objects": len(bundle["objects"]), "stix_bytes": len(text.encode()),
                "stix_warnings": len(warnings), "stix_warnings_not_uuid4": sum("{103}" not in w for w in warnings),
                }  # fmt: skip

    entities = timed("ftm_export", lambda: list(ftm.entities(graph)))
    assert timed("ftm_check", lambda: ftm_problems(entities)) == []
    numbers |= {"ftm_entities": len(entities), "ftm_bytes": len(ftm.dumps(entities).encode())}

    network = timed("network", lambda: actor_network(graph))
    gexf, graphml = io.BytesIO(), io.BytesIO()
    timed("gexf_write", lambda: gephi.write_gexf(network, gexf))
    timed("graphml_write", lambda: gephi.write_graphml(network, graphml))
    (tmp_path / "n.gexf").write_bytes(gexf.getvalue())
    (tmp_path / "n.graphml").write_bytes(graphml.getvalue())
    back = nx.read_gexf(tmp_path / "n.gexf")
    assert back.number_of_nodes() == len(network.nodes) and back.number_of_edges() == len(network.edges)
    ig = igraph.Graph.Read_GraphML(str(tmp_path / "n.graphml"))
    assert ig.vcount() == len(network.nodes) and ig.ecount() == len(network.edges)
    numbers |= {"network_nodes": len(network.nodes), "network_edges": len(network.edges),
                "gexf_bytes": len(gexf.getvalue()), "graphml_bytes": len(graphml.getvalue())}  # fmt: skip

    reviews = claimreview.claim_reviews(graph, review_url="https://checks.example.org/{id}", reviewer="Desk")
    assert len(reviews) == 50 and claimreview_errors(reviews) == []
    numbers["claimreviews"] = len(reviews)

    imported = timed("stix_import", lambda: dossiers_from_bundle(bundle))
    assert not imported.skipped
    driver.execute_query("MATCH (n) DETACH DELETE n")
    prepared = read_dossiers(write_dossiers(imported.dossiers, tmp_path / "imported"))
    timed("reload", lambda: load(Store(driver, settings), prepared))
    again = stix.dumps(stix.to_bundle(graph_from_records(*export.graph_records(Store(driver, settings)))))
    assert again == text
    numbers["stix_round_trip_identical"] = True
    RESULTS.write_text(json.dumps(numbers, indent=1) + "\n", encoding="utf-8")
