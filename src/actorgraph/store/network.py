"""Reading the actor network for analytics, in one read transaction (a consistent snapshot).

Unfiltered, the edges are the derived relationships as the store keeps them. With a filter (date
range, predicates, statuses) only the matching statements leave Neo4j, and the edges are re-derived
from them with the model's own rules, so a filtered network means exactly "the network these
statements alone would give". The result is plain data (:class:`~actorgraph.model.network.NetworkData`);
``analytics/projection.py`` turns it into a networkx graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, LiteralString

from actorgraph.model.derivation import Account, Links, derive_relations, derive_statuses
from actorgraph.model.network import AllegationInfo, Edge, NetworkData, NetworkFilter, edges_of
from actorgraph.model.vocabulary import RelationType
from actorgraph.store.core import Store, Tx
from actorgraph.store.derived import links_as_of, structural_links
from actorgraph.store.reads import to_python


def _accounts(records: Iterable[Any]) -> tuple[list[Account], dict[str, AllegationInfo]]:
    accounts: list[Account] = []
    allegations: dict[str, AllegationInfo] = {}
    for rec in records:
        acc = Account.from_mapping(rec)
        accounts.append(acc)
        info = allegations.get(acc.allegation)
        if info is None:
            info = allegations[acc.allegation] = AllegationInfo(
                id=acc.allegation,
                predicate=acc.predicate,
                status=rec["status"],
                summary=rec["summary"] or "",
                subject=acc.subject,
                object=acc.object,
            )
        info.accounts.append(acc)
    return accounts, allegations


def _stored(tx: Tx, accounts: bool, every_account: bool) -> NetworkData:
    """The stored network, streamed in one query; with ``accounts``, the disputed allegations' statements
    (or every statement, with ``every_account``)."""
    actors: list[tuple[str, str | None, str | None]] = []
    edges: list[Edge] = []
    for r in tx.run("network_relations", with_statements=accounts):
        source = r["id"]
        actors.append((source, r["name"], r["kind"]))
        for target, kind, count, statements, first, last in r["out"]:
            edges.append(Edge(source, target, RelationType(kind), tuple(statements or ()), to_python(first),
                              to_python(last), count))  # fmt: skip
    allegations = None
    if accounts and every_account:
        _, allegations = _accounts(tx.run("accounts_every"))
    elif accounts:  # only allegations affirmed and denied can be contested or contradicted
        _, allegations = _accounts(tx.run("accounts_disputed"))
    return NetworkData(actors, edges, allegations, disputed_only=accounts and not every_account)


def _filtered(tx: Tx, network_filter: NetworkFilter, accounts: bool) -> NetworkData:
    name: LiteralString = "accounts_by_date" if network_filter.dated else "accounts_by_allegation"
    rows, allegations = _accounts(tx.run(name, **network_filter.params()))
    involved = sorted(
        {r.speaker for r in rows} | {r.voice for r in rows} | {r.subject for r in rows}
        | {r.object for r in rows if not r.object_is_event}
    )  # fmt: skip
    as_of = network_filter.as_of
    links = structural_links(tx, involved) if as_of is None else links_as_of(tx, involved, as_of)
    undated = None
    if network_filter.as_of is not None:
        rows, allegations = _as_of(rows, allegations, links, network_filter)
        found = tx.single("count_undated")
        undated = int(found["n"]) if found is not None else 0
    actors = [(r["id"], r["name"], r["kind"]) for r in tx.run("actors_by_id", ids=involved)]
    events = {r.object for r in rows if r.object_is_event}
    edges = [e for e in edges_of(derive_relations(rows, links)) if e.target not in events]
    return NetworkData(actors, edges, allegations if accounts else None, undated_left_out=undated)


def _as_of(
    rows: list[Account], allegations: dict[str, AllegationInfo], links: Links, network_filter: NetworkFilter
) -> tuple[list[Account], dict[str, AllegationInfo]]:
    """Statuses as of the filter's day (derived again from the statements stated by then, retractions
    applied), and only the allegations of the filter's statuses among them."""
    statuses = derive_statuses(rows, links)
    for aid, info in allegations.items():
        info.status = statuses.get(aid)
    wanted = {s.value for s in network_filter.statuses}
    if not wanted:
        return rows, allegations
    kept = {aid: info for aid, info in allegations.items() if info.status in wanted}
    return [r for r in rows if r.allegation in kept], kept


def _read(tx: Tx, network_filter: NetworkFilter, accounts: bool, every_account: bool) -> NetworkData:
    if network_filter.active:  # a filtered network is re-derived from all its statements anyway
        return _filtered(tx, network_filter, accounts)
    return _stored(tx, accounts, every_account)


def read_network(
    store: Store, network_filter: NetworkFilter, *, accounts: bool, every_account: bool = False
) -> NetworkData:
    """The actors, edges and (when ``accounts``) the statements per allegation, in one read transaction:
    of the disputed allegations only, unless ``every_account``."""
    return store.read(_read, network_filter, accounts, every_account)


__all__ = ["read_network"]
