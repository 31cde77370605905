"""Gephi: the actor network as GEXF 1.3 (with time spells for the timeline) and as GraphML.

GEXF is written here, element by element, rather than by networkx's writer, which stamps the day's
date into every file and has no GEXF 1.3 edge ``kind``: the same graph gives the same bytes.
Both formats carry the same :class:`~actorgraph.interop.network.Network`:

=================  ==============================================  ==================================
what               GEXF 1.3                                        GraphML (Gephi's importer keys)
=================  ==============================================  ==================================
name               ``label``                                       ``label``
kind, node type    attributes ``kind``, ``node_type``              ``kind``, ``node_type``
colour by kind     ``viz:color`` (r, g, b, hex)                    ``r``, ``g``, ``b`` and ``color``
size by PageRank   ``viz:size``                                    ``size``
scores             attributes ``pagerank`` ``betweenness``         same keys
                   ``accusations_made`` ``accused`` ``camp``
                   ``community``
edge type          ``kind`` and ``label`` (+ attribute ``type``)   ``label`` and ``type``
weight             ``weight`` (statements behind the edge)         ``weight``
grades             node attribute ``reliability`` (the actor's     ``reliability``, ``grades``
                   default); edge attribute ``grades``: the
                   Admiralty code of each statement behind it
                   (``B2``), in ``statements`` order
first/last stated  ``<spells>`` (dynamic graph, ``timeformat``     ``first_stated``, ``last_stated``
                   ``date``): Gephi's timeline                     (GraphML has no time)
=================  ==============================================  ==================================
"""

from __future__ import annotations

import datetime as dt
from typing import IO, Any
from xml.etree import ElementTree as ET

import networkx as nx

from actorgraph.interop.colours import rgb
from actorgraph.interop.network import Network

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

#: Node attributes (GEXF title -> type), in file order; a node lacking one simply has no value.
NODE_ATTRIBUTES: dict[str, str] = {
    "node_type": "string", "kind": "string", "country": "string", "pagerank": "double", "betweenness": "double",
    "accusations_made": "integer", "accused": "integer", "camp": "string", "community": "integer",
    "start_date": "string", "end_date": "string", "reliability": "string",
}  # fmt: skip
EDGE_ATTRIBUTES: dict[str, str] = {"type": "string", "statements": "string", "contested": "integer", "grades": "string"}


def _text(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _spells(parent: ET.Element, first: dt.date | None, last: dt.date | None) -> None:
    if first is None and last is None:
        return
    spell = ET.SubElement(ET.SubElement(parent, "spells"), "spell")
    if first is not None:
        spell.set("start", first.isoformat())
    if last is not None:
        spell.set("end", last.isoformat())


def _attributes(graph_el: ET.Element, cls: str, spec: dict[str, str]) -> dict[str, str]:
    block = ET.SubElement(graph_el, "attributes", {"class": cls, "mode": "static"})
    ids: dict[str, str] = {}
    for i, (title, kind) in enumerate(spec.items()):
        ids[title] = str(i)
        ET.SubElement(block, "attribute", {"id": str(i), "title": title, "type": kind})
    return ids


def _attvalues(parent: ET.Element, ids: dict[str, str], values: dict[str, Any]) -> None:
    present = [(ids[k], _text(values[k])) for k in ids if values.get(k) is not None]
    if present:
        block = ET.SubElement(parent, "attvalues")
        for key, text in present:
            ET.SubElement(block, "attvalue", {"for": key, "value": text})


def gexf_tree(network: Network) -> ET.ElementTree:
    """The network as a GEXF 1.3 document: a dynamic directed graph dated by day."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.3", f"{{{XSI_NS}}}schemaLocation":
                                              f"{GEXF_NS} {GEXF_NS}/gexf.xsd"})  # fmt: skip
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "actorgraph"
    ET.SubElement(meta, "description").text = (
        "Actor network: who accuses, contradicts, opposes, supports whom (edge kinds), weighted by statements, "
        "dated by first and last statement."
    )
    graph_el = ET.SubElement(
        root, "graph",
        {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date", "timerepresentation": "interval"},
    )  # fmt: skip
    node_ids = _attributes(graph_el, "node", NODE_ATTRIBUTES)
    edge_ids = _attributes(graph_el, "edge", EDGE_ATTRIBUTES)
    nodes_el = ET.SubElement(graph_el, "nodes")
    for n in network.nodes:
        el = ET.SubElement(nodes_el, "node", {"id": n.id, "label": n.label})
        _attvalues(el, node_ids, {"node_type": n.node_type, "kind": n.kind, **n.attributes})
        _spells(el, n.first, n.last)
        r, g, b = rgb(n.colour)
        ET.SubElement(el, f"{{{VIZ_NS}}}color", {"r": str(r), "g": str(g), "b": str(b), "hex": n.colour})
        ET.SubElement(el, f"{{{VIZ_NS}}}size", {"value": _text(n.size)})
    edges_el = ET.SubElement(graph_el, "edges")
    for e in network.edges:
        el = ET.SubElement(
            edges_el, "edge",
            {"id": e.id, "source": e.source, "target": e.target, "kind": e.type, "label": e.type,
             "weight": str(e.weight)},
        )  # fmt: skip
        _attvalues(el, edge_ids, {"type": e.type, **e.attributes})
        _spells(el, e.first, e.last)
        r, g, b = rgb(e.colour)
        ET.SubElement(el, f"{{{VIZ_NS}}}color", {"r": str(r), "g": str(g), "b": str(b), "hex": e.colour})
    tree = ET.ElementTree(root)
    ET.indent(tree, space=" ")
    return tree


def write_gexf(network: Network, out: IO[bytes]) -> None:
    """GEXF 1.3, UTF-8, with an XML declaration."""
    gexf_tree(network).write(out, encoding="utf-8", xml_declaration=True)
    out.write(b"\n")


def graphml_graph(network: Network) -> nx.MultiDiGraph:
    """The network as a networkx graph whose attribute names are the keys Gephi's GraphML importer reads."""
    graph = nx.MultiDiGraph()
    for n in network.nodes:
        r, g, b = rgb(n.colour)
        attrs: dict[str, Any] = {"label": n.label, "node_type": n.node_type, "kind": n.kind, "r": r, "g": g,
                                 "b": b, "color": n.colour, "size": n.size}  # fmt: skip
        attrs.update({k: _text(v) if isinstance(v, dt.date) else v for k, v in n.attributes.items() if v is not None})
        if n.first:
            attrs["first_stated"] = n.first.isoformat()
        if n.last:
            attrs["last_stated"] = n.last.isoformat()
        graph.add_node(n.id, **attrs)
    for e in network.edges:
        attrs = {"label": e.type, "type": e.type, "weight": float(e.weight), "color": e.colour,
                 **{k: v for k, v in e.attributes.items() if v is not None}}  # fmt: skip
        if e.first:
            attrs["first_stated"] = e.first.isoformat()
        if e.last:
            attrs["last_stated"] = e.last.isoformat()
        graph.add_edge(e.source, e.target, key=e.id, **attrs)
    return graph


def write_graphml(network: Network, out: IO[bytes]) -> None:
    """GraphML (networkx's writer; attribute keys named, edge ids ``TYPE:source:target``)."""
    nx.write_graphml(graphml_graph(network), out, named_key_ids=True)
