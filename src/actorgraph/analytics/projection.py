"""The actor network, projected from Neo4j into a networkx ``MultiDiGraph`` for the reports.

"Projection" means only this in actorgraph: the extraction of the network into networkx. Nodes are
actors (``name``, ``kind``). Edges are the derived relationships between actors, keyed by their type,
with ``sign`` (-1 hostile, +1 cooperative or structural, 0 neutral; from
:data:`actorgraph.model.vocabulary.RELATIONS`), ``polarity``, ``weight`` (the number of statements
behind the edge), ``statements`` and ``first_stated`` / ``last_stated``. The accounts themselves
travel along in ``graph.graph["allegations"]`` (allegation id -> :class:`AllegationInfo`), because the
contested and contradictions reports need who said what.

The store reads the data (``store/network.py``: stored relationships, or re-derived from the
filtered statements with the model's rules); this module only builds the graph.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from actorgraph.model.derivation import Account
from actorgraph.model.network import AllegationInfo, Edge, NetworkFilter
from actorgraph.model.vocabulary import NETWORK_RELATIONS, RelationType
from actorgraph.store.core import Store
from actorgraph.store.network import read_network


def build_graph(
    actors: Iterable[tuple[str, str | None, str | None]],
    edges: Iterable[Edge],
    allegations: dict[str, AllegationInfo] | None = None,
) -> nx.MultiDiGraph:
    """The analysis graph from actors ``(id, name, kind)``, edges and (optionally) allegations.

    Pure: the projection, the tests and the benchmark all build their graphs through here.

    >>> g = build_graph([("a", "A", None), ("b", "B", None)], [Edge("a", "b", "ACCUSES", ("s1", "s2"))])
    >>> g["a"]["b"]["ACCUSES"]["sign"], g["a"]["b"]["ACCUSES"]["weight"]
    (-1, 2)
    """
    graph = nx.MultiDiGraph()
    for actor_id, name, kind in actors:
        graph.add_node(actor_id, name=name or actor_id, kind=kind)
    for e in edges:
        if e.type not in NETWORK_RELATIONS:
            continue
        for end in (e.source, e.target):
            if end not in graph:
                graph.add_node(end, name=end, kind=None)
        info = RelationType(e.type).info
        sign, polarity = info.sign, info.polarity
        graph.add_edge(
            e.source,
            e.target,
            key=str(e.type),
            type=str(e.type),
            sign=sign,
            polarity=polarity.value,
            weight=int(e.count if e.count is not None else len(e.statements)) or 1,
            statements=list(e.statements),
            first_stated=e.first_stated,
            last_stated=e.last_stated,
        )
    graph.graph["allegations"] = allegations if allegations is not None else {}
    graph.graph["has_accounts"] = allegations is not None
    return graph


def project(
    store: Store, network_filter: NetworkFilter | None = None, *, accounts: bool = True, every_account: bool = False
) -> nx.MultiDiGraph:
    """The actor network from Neo4j (one read transaction), as a networkx graph.

    The filter is applied in Cypher, so only matching statements leave the database. ``accounts``
    also brings the statements per allegation and each edge's statement ids (for ``contested`` and
    ``contradictions``); the other reports need only the edges and their weights. Unfiltered, those are
    the disputed allegations' statements (all that ``contested`` and ``contradictions`` read), unless
    ``every_account`` (narrative camps: voices that affirm the same allegation agree).
    """
    network_filter = network_filter or NetworkFilter()
    network_filter.check()
    data = read_network(store, network_filter, accounts=accounts, every_account=every_account)
    graph = build_graph(data.actors, data.edges, data.allegations)
    graph.graph["filter"] = network_filter
    graph.graph["disputed_only"] = data.disputed_only
    graph.graph["undated_left_out"] = data.undated_left_out
    return graph


__all__ = ["Account", "AllegationInfo", "Edge", "NetworkFilter", "build_graph", "project"]
