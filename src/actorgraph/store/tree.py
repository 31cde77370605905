"""Look-ahead reads: a root field of the API and everything its selection needs, in one Cypher query.

A *head* query finds the root rows (nodes by id, one keyset page, full-text hits); the shared tail
``tree.cypher`` reads, for each, only what a :class:`NodePlan` names: its properties, its selected to-one
neighbours (an allegation's subject and object, a statement's speaker, allegation, source and
spokesperson) and its selected lists of statements with their to-one neighbours. The plan travels as a
parameter, so the Cypher text is fixed (a few files, cached plans in Neo4j) whatever the selection.

Why a plan and not generated Cypher: labels and relationship types never come from a request, and a
handful of fixed queries keeps Neo4j's plan cache warm. Deeper levels than the tail covers are left to
the API's DataLoaders, so round trips stay bounded by the depth of a query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, LiteralString

from actorgraph.store.core import Store
from actorgraph.store.reads import Row, to_python

#: Fields per label: label -> the stored properties to read.
Fields = dict[str, tuple[str, ...]]

#: The to-one links the tail can follow, by their key in a plan: relationship in lower case, or 'speaker'.
LINK_KEYS = frozenset({"subject", "object", "on", "reported_in", "on_behalf_of", "speaker"})


@dataclass(frozen=True)
class ListPlan:
    """One list of statements under a node: of one stance (or any), at most ``limit``, what to read of each."""

    stance: str | None
    limit: int
    fields: tuple[str, ...]
    links: dict[str, Fields] = field(default_factory=dict)
    #: Only statements whose reliability (the source's grade, else the speaker's) is one of these; None: all.
    grades: tuple[str, ...] | None = None

    def param(self) -> dict[str, Any]:
        return {
            "stance": self.stance,
            "grades": list(self.grades) if self.grades is not None else None,
            "limit": self.limit,
            "fields": list(self.fields),
            "links": {k: {lbl: list(f) for lbl, f in v.items()} for k, v in self.links.items()},
        }


@dataclass(frozen=True)
class NodePlan:
    """What to read of each root node: properties by label, to-one links by key, lists of statements."""

    fields: Fields
    links: dict[str, Fields] = field(default_factory=dict)
    lists: tuple[ListPlan, ...] = ()

    def param(self) -> dict[str, Any]:
        unknown = set(self.links) - LINK_KEYS | {k for lp in self.lists for k in lp.links} - LINK_KEYS
        if unknown:
            raise ValueError(f"links the tree cannot follow: {sorted(unknown)}")
        return {
            "fields": {lbl: list(f) for lbl, f in self.fields.items()},
            "links": {k: {lbl: list(f) for lbl, f in v.items()} for k, v in self.links.items()},
            "lists": [lp.param() for lp in self.lists],
        }


@dataclass
class TreeNode:
    """A node as the tail returned it: the properties asked for, linked nodes by key, lists by index."""

    label: str
    id: str
    row: Row
    links: dict[str, TreeNode] = field(default_factory=dict)
    lists: dict[int, list[TreeNode]] = field(default_factory=dict)


@dataclass(frozen=True)
class TreeResult:
    """The nodes of a look-ahead read in head order, and what the head said (a total, the scores)."""

    nodes: list[TreeNode]
    meta: list[Any]
    total: int | None


def _values(fields: tuple[str, ...], values: list[Any] | None, node_id: str) -> Row:
    row: Row = {"id": node_id}
    for name, value in zip(fields, values or (), strict=False):
        row[name] = to_python(value)
    return row


def _links(raw: list[list[Any]], plans: dict[str, Fields]) -> dict[str, TreeNode]:
    out: dict[str, TreeNode] = {}
    for key, node_id, label, values in raw:
        fields = plans.get(key, {}).get(label, ())
        out[key] = TreeNode(label, node_id, _values(fields, values, node_id))
    return out


def read_tree(store: Store, head: LiteralString, plan: NodePlan, **params: Any) -> TreeResult:
    """Run ``head`` + ``tree.cypher`` once; the nodes in head order (rows of missing nodes are skipped)."""
    records = store.query(head, tail="tree", plan=plan.param(), **params)
    nodes: list[TreeNode] = []
    metas: list[Any] = []
    total: int | None = None
    for rec in sorted(records, key=lambda r: r["ord"]):
        meta = rec["meta"]
        if rec["id"] is None:
            total = meta if isinstance(meta, int) else total
            continue
        label = rec["label"]
        node = TreeNode(label, rec["id"], _values(plan.fields.get(label, ()), rec["values"], rec["id"]))
        node.links = _links(rec["links"], plan.links)
        for li, sid, values, links in rec["lists"]:
            lp = plan.lists[li]
            child = TreeNode("Statement", sid, _values(lp.fields, values, sid), _links(links, lp.links))
            node.lists.setdefault(li, []).append(child)
        nodes.append(node)
        metas.append(meta)
        if isinstance(meta, int) and not isinstance(meta, bool):
            total = meta
    return TreeResult(nodes, metas, total)


__all__ = ["Fields", "ListPlan", "NodePlan", "TreeNode", "TreeResult", "read_tree"]
