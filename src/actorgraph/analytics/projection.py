"""The actor network, projected from Neo4j into a networkx ``MultiDiGraph`` for the reports.

Nodes are actors (``name``, ``kind``). Edges are the store's derived relationships between actors,
keyed by their type, with ``sign`` (-1 hostile, +1 cooperative or structural, 0 neutral), ``polarity``,
``weight`` (the number of statements behind the edge), ``statements`` and ``first_stated`` /
``last_stated``. The statements themselves travel along in ``graph.graph["allegations"]`` (allegation
id -> :class:`AllegationInfo`), because the contested and contradictions reports need who said what.

Unfiltered, the edges are read as the store keeps them. With a filter (date range, predicates,
statuses) only the matching statements leave Neo4j, and the edges are re-derived from them with the
store's own rules (:func:`actorgraph.store.projections.derive_relations`), so a filtered network
means exactly "the network these statements alone would give".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, LiteralString

import networkx as nx
from neo4j import Driver, ManagedTransaction

from actorgraph.errors import ActorgraphError
from actorgraph.model.vocabulary import AllegationStatus, Polarity, Predicate, Stance
from actorgraph.settings import Settings
from actorgraph.store.cypher import query
from actorgraph.store.driver import translated
from actorgraph.store.projections import AccountRow, derive_relations

QUERIES = "actorgraph.analytics.queries"

#: Relationship type -> (sign, polarity) in the signed network. Structural links (a unit, a spokesman,
#: a leader) bind actors into one side, so they count as cooperative for camps.
EDGE_SIGNS: dict[str, tuple[int, Polarity]] = {
    "ACCUSES": (-1, Polarity.HOSTILE),
    "CONTRADICTS": (-1, Polarity.HOSTILE),
    "OPPOSES": (-1, Polarity.HOSTILE),
    "SUPPORTS": (1, Polarity.COOPERATIVE),
    "ALLIED_WITH": (1, Polarity.COOPERATIVE),
    "PART_OF": (1, Polarity.STRUCTURAL),
    "SPEAKS_FOR": (1, Polarity.STRUCTURAL),
    "LEADS": (1, Polarity.STRUCTURAL),
    "DENIES_INVOLVEMENT": (0, Polarity.NEUTRAL),
}

_FAR_PAST = dt.date(1, 1, 1)
_FAR_FUTURE = dt.date(9999, 12, 31)


@dataclass(frozen=True)
class Filters:
    """Which statements the network is built from; empty means all of them.

    >>> Filters(predicates=(Predicate.CONTROLLED_BY,)).active
    True
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    predicates: tuple[Predicate, ...] = ()
    statuses: tuple[AllegationStatus, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.date_from or self.date_to or self.predicates or self.statuses)

    @property
    def dated(self) -> bool:
        return self.date_from is not None or self.date_to is not None

    def params(self) -> dict[str, Any]:
        return {
            "date_from": self.date_from or _FAR_PAST,
            "date_to": self.date_to or _FAR_FUTURE,
            "predicates": sorted(p.value for p in self.predicates) or None,
            "statuses": sorted(s.value for s in self.statuses) or None,
        }

    def check(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ActorgraphError(f"--from {self.date_from} is after --to {self.date_to}: give the earlier date first.")


@dataclass(frozen=True)
class Account:
    """One statement on an allegation: who (``voice``: the institution spoken for, else the speaker)."""

    statement: str
    stance: Stance
    speaker: str
    voice: str
    source: str | None
    stated_on: dt.date | None


@dataclass
class AllegationInfo:
    """An allegation and the statements on it that the network was built from."""

    id: str
    predicate: Predicate
    status: str | None
    summary: str
    subject: str
    object: str
    accounts: list[Account] = field(default_factory=list)


@dataclass(frozen=True)
class Edge:
    """One derived relationship between two actors, as stored or as re-derived."""

    source: str
    target: str
    type: str
    statements: tuple[str, ...]
    first_stated: dt.date | None = None
    last_stated: dt.date | None = None
    count: int | None = None


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
        if e.type not in EDGE_SIGNS:
            continue
        for end in (e.source, e.target):
            if end not in graph:
                graph.add_node(end, name=end, kind=None)
        sign, polarity = EDGE_SIGNS[e.type]
        graph.add_edge(
            e.source,
            e.target,
            key=e.type,
            type=e.type,
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


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    native = value.to_native() if hasattr(value, "to_native") else value
    return native if isinstance(native, dt.date) else None


def _account_rows(records: Iterable[Any]) -> tuple[list[AccountRow], dict[str, AllegationInfo]]:
    rows: list[AccountRow] = []
    allegations: dict[str, AllegationInfo] = {}
    for rec in records:
        row = AccountRow.from_record(rec)
        rows.append(row)
        info = allegations.get(row.allegation)
        if info is None:
            info = allegations[row.allegation] = AllegationInfo(
                id=row.allegation,
                predicate=row.predicate,
                status=rec["status"],
                summary=rec["summary"] or "",
                subject=row.subject,
                object=row.object,
            )
        info.accounts.append(Account(row.statement, row.stance, row.speaker, row.voice, rec["source"], row.stated_on))
    return rows, allegations


def edges_from_accounts(rows: Sequence[AccountRow], links: set[frozenset[str]]) -> list[Edge]:
    """Actor-to-actor edges by the store's projection rules applied to these statements only."""
    edges: list[Edge] = []
    for rel_type, relations in derive_relations(rows, links).items():
        for (source, target), rel in relations.items():
            edges.append(
                Edge(
                    source,
                    target,
                    rel_type,
                    tuple(sorted(rel.statements)),
                    min(rel.dates) if rel.dates else None,
                    max(rel.dates) if rel.dates else None,
                )
            )
    return edges


def _read(tx: ManagedTransaction, filters: Filters, accounts: bool) -> nx.MultiDiGraph:
    q: LiteralString
    if not filters.active:
        actors = [(r["id"], r["name"], r["kind"]) for r in tx.run(query("network_actors", QUERIES))]
        edges = [
            Edge(
                r["source"],
                r["target"],
                r["type"],
                tuple(r["statements"] or ()),
                _date(r["first_stated"]),
                _date(r["last_stated"]),
                r["count"],
            )
            for r in tx.run(query("network_relations", QUERIES), with_statements=accounts)
        ]
        allegations = None
        if accounts:
            _, allegations = _account_rows(tx.run(query("accounts_by_allegation", QUERIES), Filters().params()))
        return build_graph(actors, edges, allegations)
    q = query("accounts_by_date", QUERIES) if filters.dated else query("accounts_by_allegation", QUERIES)
    rows, allegations = _account_rows(tx.run(q, filters.params()))
    involved = sorted(
        {r.speaker for r in rows} | {r.voice for r in rows} | {r.subject for r in rows}
        | {r.object for r in rows if not r.object_is_event}
    )  # fmt: skip
    links = {frozenset((rec["a"], rec["b"])) for rec in tx.run(query("structural_links"), actors=involved)}
    actors = [(r["id"], r["name"], r["kind"]) for r in tx.run(query("actors_by_id", QUERIES), ids=involved)]
    events = {r.object for r in rows if r.object_is_event}
    edges = [e for e in edges_from_accounts(rows, links) if e.target not in events]
    return build_graph(actors, edges, allegations if accounts else None)


def project(
    driver: Driver, settings: Settings, filters: Filters | None = None, *, accounts: bool = True
) -> nx.MultiDiGraph:
    """The actor network from Neo4j, in one read transaction.

    ``filters`` are applied in Cypher, so only matching statements leave the database. ``accounts``
    also brings the statements per allegation and each edge's statement ids (for ``contested`` and
    ``contradictions``); the other reports need only the edges and their weights.
    """
    filters = filters or Filters()
    filters.check()
    with translated(settings), driver.session(database=settings.neo4j_database) as session:
        graph: nx.MultiDiGraph = session.execute_read(_read, filters, accounts)
    graph.graph["filters"] = filters
    return graph


__all__ = ["EDGE_SIGNS", "Account", "AllegationInfo", "Edge", "Filters", "build_graph", "project"]
