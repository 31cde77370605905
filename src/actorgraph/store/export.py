"""Exporting the graph for other tools: JSON (everything, with provenance) or GraphML (the actor
network, for Gephi, yEd or networkx). Records stream from Neo4j (:meth:`Store.stream`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any, LiteralString

import networkx as nx

from actorgraph.model.vocabulary import RelationType
from actorgraph.store.core import Store
from actorgraph.store.reads import Reader, to_python


def _stream(store: Store, name: LiteralString) -> Iterator[dict[str, Any]]:
    with store.stream(name) as records:
        for record in records:
            yield to_python(dict(record))


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v is not None}


def graph_records(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every node (``label``, ``props``) and relationship (``type``, ``source``, ``target``, ``props``) as
    plain Python data: what the converters of ``actorgraph.interop`` take."""
    return list(_stream(store, "export_nodes")), list(_stream(store, "export_relationships"))


def subgraph_records(
    reader: Reader, *, allegation: str | None = None, actor: str | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Like :func:`graph_records`, for what lies behind one allegation or one actor (three round trips)."""
    ids = reader.run("subgraph_ids", allegation=allegation, actor=actor)[0]["ids"]
    nodes = [to_python(dict(r)) for r in reader.run("subgraph_nodes", ids=ids)]
    rels = [to_python(dict(r)) for r in reader.run("subgraph_relationships", ids=ids)]
    return nodes, rels


def write_json(store: Store, out: IO[str]) -> tuple[int, int]:
    """Write ``{"nodes": [...], "relationships": [...]}``; returns the counts."""
    nodes = [{"label": r["label"], **_clean(r["props"])} for r in _stream(store, "export_nodes")]
    rels = [
        {"type": r["type"], "source": r["source"], "target": r["target"], **_clean(r["props"])}
        for r in _stream(store, "export_relationships")
    ]
    json.dump({"nodes": nodes, "relationships": rels}, out, ensure_ascii=False, indent=1, default=str)
    out.write("\n")
    return len(nodes), len(rels)


def actor_network(store: Store) -> nx.MultiDiGraph:
    """Actors and events with the derived relationships between them (no provenance nodes)."""
    graph = nx.MultiDiGraph()
    for r in _stream(store, "export_nodes"):
        if r["label"] in ("Actor", "Event"):
            props = r["props"]
            graph.add_node(props["id"], label=r["label"], name=props.get("name", props["id"]),
                           kind=props.get("kind") or "")  # fmt: skip
    derived = {t.value for t in RelationType}
    for r in _stream(store, "export_relationships"):
        if r["type"] in derived:
            props = r["props"]
            graph.add_edge(r["source"], r["target"], key=r["type"], type=r["type"], count=int(props.get("count", 0)),
                           statements=" ".join(props.get("statements") or []))  # fmt: skip
    return graph


def write_graphml(store: Store, out: IO[bytes]) -> tuple[int, int]:
    graph = actor_network(store)
    nx.write_graphml(graph, out)
    return graph.number_of_nodes(), graph.number_of_edges()
