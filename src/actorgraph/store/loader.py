"""Writing checked dossiers: alias resolution, batched upserts and derived data, many dossiers per transaction.

A load is planned before anything is written: dossiers whose content hash the graph already holds
are skipped; the names of the rest are resolved against the graph as if the whole batch were
written (index seeks on ``NameKey``, never a read of all actors), and any problem stops the load
before its first write. The dossiers are then written in transactions of up to ``batch_statements``
statements (small dossiers share one): one ``UNWIND $rows MERGE`` per label, MERGE on ids, so
loading the same content twice changes nothing and loaders racing on it end with one copy.

A changed dossier replaces exactly its own previous contribution: the statements it no longer
contains are deleted (unless another dossier of the same source still contains them), with their
derived data; actors, events, allegations and sources stay (other dossiers may share them).
Derived statuses and relationships are updated incrementally in the same transaction
(:mod:`actorgraph.store.derived`), so every transaction is all-or-nothing, derived data included,
and so is its audit record (:mod:`actorgraph.store.history`): one per transaction, naming its files
and keyed by every id it wrote. Skipped dossiers write nothing, so an unchanged re-load records nothing.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, LiteralString

from actorgraph.errors import InvalidInput, Problem
from actorgraph.model import custody as custody_rule
from actorgraph.model.custody import Custody, named_origins
from actorgraph.model.derivation import Account
from actorgraph.model.dossier import PreparedDossier
from actorgraph.model.history import Action
from actorgraph.model.names import NameIndex, Resolved
from actorgraph.model.rows import LABELS, Row, dossier_rows
from actorgraph.model.vocabulary import ObjectType, Predicate, Stance, is_reporting
from actorgraph.settings import current_user
from actorgraph.store import derived, history
from actorgraph.store.core import Store, Tx

CHUNK = 5000
#: Statements per transaction unless the caller says otherwise (``actorgraph load --batch``).
BATCH_STATEMENTS = 5000
WRITE_QUERIES: dict[str, LiteralString] = {
    "Actor": "write_actors",
    "Event": "write_events",
    "Source": "write_sources",
    "Allegation": "write_allegations",
    "Statement": "write_statements",
}

#: Called after each transaction: (dossiers done, dossiers in all, the last one written).
Progress = Callable[[int, int, PreparedDossier], None]


@dataclass
class LoadReport:
    """What a load did: files, per-label created/updated/unchanged counts, names resolved, time."""

    files: list[Path] = field(default_factory=list)
    changes: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    resolved: list[Resolved] = field(default_factory=list)
    statements: int = 0
    seconds: float = 0.0
    #: Dossiers whose content the graph already held: nothing written for them.
    skipped: int = 0
    #: Statements deleted because a changed dossier no longer contains them.
    deleted: int = 0
    transactions: int = 0
    #: Derived data updated: statuses changed, relationships touched, links that flipped.
    derived: Counter[str] = field(default_factory=Counter)

    def count(self, label: str, change: str) -> int:
        return self.changes[label][change]

    @property
    def changed(self) -> bool:
        return self.deleted > 0 or any(c["created"] or c["updated"] for c in self.changes.values())

    def add(self, result: WriteResult) -> None:
        for label in LABELS:
            self.changes[label].update(result.changes[label])
        self.resolved += result.resolved
        self.deleted += result.deleted
        self.derived.update(result.derived)
        self.transactions += 1


@dataclass
class WriteResult:
    """What one transaction changed: per label created / updated / unchanged, deletions, derived data."""

    changes: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    resolved: list[Resolved] = field(default_factory=list)
    deleted: int = 0
    derived: Counter[str] = field(default_factory=Counter)


# --- names -------------------------------------------------------------------------------------------


def lookup_names(tx: Tx, prepared: Iterable[PreparedDossier]) -> NameIndex:
    """The part of the graph's name index these dossiers can resolve to: their actor ids and name keys."""
    ids: set[str] = set()
    keys: set[str] = set()
    for p in prepared:
        for actor in p.dossier.actors:
            ids.add(actor.id)
            keys |= actor.name_keys()
    index = NameIndex()
    for rec in tx.run("names_of", ids=sorted(ids), keys=sorted(keys)):
        index.add(rec["id"], rec["name"] or rec["id"], rec["keys"])
    for rec in tx.run("distinct_of", ids=sorted(index.names)):
        for other in rec["distinct"]:
            index.mark_distinct(rec["id"], other)
    return index


def check_names(store: Store, prepared: Sequence[PreparedDossier]) -> None:
    """Resolve every dossier's actors against the graph as if the batch were written; InvalidInput if any fails."""
    index = store.read(lookup_names, prepared)
    problems: list[Problem] = []
    for p in prepared:
        mapping, _, found = index.resolve(p)
        problems += found
        index.learn(p, mapping)
    if problems:
        raise InvalidInput(problems)


# --- chains of custody -------------------------------------------------------------------------------


def _named_sources(prepared: Sequence[PreparedDossier]) -> set[str]:
    """Every source id the dossiers name as an origin (``derived_from``, ``quoted_from``)."""
    return named_origins([dossier_custody(p) for p in prepared])


def _chains(tx: Tx, ids: Iterable[str]) -> dict[str, list[str]]:
    """For each stored source of ``ids``: the sources above it, up DERIVED_FROM to its root."""
    return {rec["id"]: list(rec["above"]) for rec in tx.run("source_links", ids=sorted(set(ids)))}


def dossier_custody(p: PreparedDossier) -> Custody:
    """What a dossier names as origins, with its own field paths."""
    src = p.dossier.source
    quoted = tuple((f"statements[{i}].quoted_from", s.quoted_from) for i, s in enumerate(p.statements))
    return Custody(file=str(p.path), source=src.id, derived_from=src.derived_from, quoted_from=quoted)


def custody_problems(tx: Tx, inputs: Sequence[Custody]) -> list[Problem]:
    """:func:`actorgraph.model.custody.custody_problems` over the chains as they will be after the inputs:
    the stored part read from the graph (only the sources named and written), the inputs' links over it.
    """
    batch = {c.source: c.derived_from for c in inputs if c.writes_source}
    named = named_origins(inputs)
    if not named:
        return []
    stored = _chains(tx, named | set(batch))
    parent: dict[str, str | None] = {sid: (above[0] if above else None) for sid, above in stored.items()}
    for above in (a for a in stored.values() if a):
        for child, up in zip(above, [*above[1:], None], strict=True):
            parent.setdefault(child, up)
    parent.update(batch)
    return custody_rule.custody_problems(inputs, parent)


def check_origins(store: Store, prepared: Sequence[PreparedDossier]) -> None:
    """:func:`custody_problems` of dossiers about to be loaded; InvalidInput listing them if any."""
    inputs = [dossier_custody(p) for p in prepared]
    if not _named_sources(prepared):
        return
    problems = store.read(custody_problems, inputs)
    if problems:
        raise InvalidInput(problems)


def origin_order(prepared: Sequence[PreparedDossier]) -> list[PreparedDossier]:
    """The dossiers with every source named as an origin written before the dossiers naming it (stable).

    The write queries link to a named source by MATCH, so it must exist when they run.
    """
    by_source: dict[str, list[PreparedDossier]] = defaultdict(list)
    for p in prepared:
        by_source[p.dossier.source.id].append(p)
    out: list[PreparedDossier] = []
    placed: set[int] = set()

    def place(p: PreparedDossier, depth: int = 0) -> None:
        if id(p) in placed or depth > 64:
            return
        placed.add(id(p))
        for origin in sorted(_named_sources([p]) - {p.dossier.source.id}):
            for q in by_source.get(origin, []):
                place(q, depth + 1)
        out.append(p)

    for p in prepared:
        place(p)
    return out


# --- rows --------------------------------------------------------------------------------------------


def _chunks(rows: Sequence[Row]) -> Iterator[Sequence[Row]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def write_rows(tx: Tx, label: str, rows: Sequence[Row], created: set[str] | None = None) -> Counter[str]:
    """Upsert rows of one label with its write query; returns created/updated/unchanged counts.

    ``created`` collects the ids this transaction created, for the labels whose query returns them.
    """
    counts: Counter[str] = Counter()
    for chunk in _chunks(rows):
        for rec in tx.run(WRITE_QUERIES[label], rows=list(chunk)):
            counts[rec["change"]] += rec["n"]
            if created is not None and "created" in rec.keys():  # noqa: SIM118 (a Record is a tuple of values)
                created.update(rec["created"])
    return counts


@dataclass
class BatchRows:
    """The rows of several dossiers, one per id (a later dossier's row wins), and who said what."""

    tables: dict[str, dict[str, Row]] = field(default_factory=lambda: {label: {} for label in LABELS})
    #: Per dossier key: its statement ids, source id, file, hashes.
    dossiers: list[dict[str, Any]] = field(default_factory=list)

    def add(self, prepared: PreparedDossier, rows: dict[str, list[Row]]) -> None:
        for label in LABELS:
            table = self.tables[label]
            for row in rows[label]:
                if label == "Actor" and row["id"] in table:
                    row = _union_names(table[row["id"]], row)
                table[row["id"]] = row
        self.dossiers.append(
            {
                "id": prepared.key,
                "sha256": prepared.content_sha256,
                "file": str(prepared.path),
                "source": prepared.dossier.source.id,
                "statements": sorted({r["id"] for r in rows["Statement"]}),
                "file_sha256": prepared.file_sha256,
                "text_file": prepared.text_file,
                "file_dossiers": prepared.file_dossiers,
            }
        )

    def rows(self, label: str) -> list[Row]:
        return list(self.tables[label].values())

    def accounts(self) -> list[Account]:
        """The accounts the statement rows make, as the derivation reads them back from the graph."""
        allegations = self.tables["Allegation"]
        out = []
        for s in self.tables["Statement"].values():
            alleg = allegations[s["allegation"]]
            predicate = Predicate(alleg["props"]["predicate"])
            out.append(
                Account(allegation=alleg["id"], predicate=predicate, subject=alleg["subject"], object=alleg["object"],
                        object_is_event=predicate.info.object_type is ObjectType.EVENT, statement=s["id"],
                        stance=Stance(s["props"]["stance"]), stated_on=s["props"]["stated_on"], speaker=s["speaker"],
                        on_behalf_of=s["on_behalf_of"])
            )  # fmt: skip
        return out


def _with_origins(tx: Tx, accounts: dict[str, Account], *, everything: bool) -> dict[str, Account]:
    """The accounts with the origins and voice kinds the graph gives them now (those built from rows know none yet).

    Read for the statements written by this batch, and for every account when a source's link changed
    (their chains may run through it).
    """
    wanted = sorted(sid for sid, a in accounts.items() if everything or a.origin is None)
    if not wanted:
        return accounts
    out = dict(accounts)
    for start in range(0, len(wanted), CHUNK):
        for rec in tx.run("origins_of", ids=wanted[start : start + CHUNK]):
            out[rec["id"]] = replace(out[rec["id"]], origin=rec["origin"], copied=bool(rec["copied"]),
                                     reporter=is_reporting(rec["voice_kind"]))  # fmt: skip
    return out


def _union_names(earlier: Row, later: Row) -> Row:
    """An actor named by two dossiers of one batch: the later one's properties, both one's names."""
    return {
        **later,
        "aliases": sorted({*earlier["aliases"], *later["aliases"]}),
        "name_keys": sorted({*earlier["name_keys"], *later["name_keys"]}),
    }


def _dropped(tx: Tx, batch: BatchRows) -> list[dict[str, str]]:
    """Statements the batch's dossiers contained last time and contain no more (rows for ``drop_statements``)."""
    keys = [d["id"] for d in batch.dossiers]
    previous = {rec["id"]: rec["statements"] or [] for rec in tx.run("dossier_records", ids=keys)}
    now = set(batch.tables["Statement"])
    return [
        {"id": sid, "dossier": d["id"], "source": d["source"]}
        for d in batch.dossiers
        for sid in sorted(set(previous.get(d["id"], [])) - set(d["statements"]) - now)
    ]


def write_batch(tx: Tx, prepared: Sequence[PreparedDossier], who: str | None = None) -> WriteResult:
    """One transaction: names resolved again against the committed graph, rows, replaced statements, derived data.

    ``who`` is whom the audit record names (default: :func:`actorgraph.settings.current_user`).
    """
    index = lookup_names(tx, prepared)
    batch = BatchRows()
    result = WriteResult()
    problems: list[Problem] = []
    for p in prepared:
        mapping, resolved, found = index.resolve(p)
        problems += found
        result.resolved += resolved
        index.learn(p, mapping)
        batch.add(p, dossier_rows(p, mapping))
    if problems:
        raise InvalidInput(problems)
    fresh: set[str] = set()
    source_rows = batch.rows("Source")
    links = [{"id": r["id"], "derived_from": r["derived_from"]} for r in source_rows]
    stored_links = _chains(tx, [r["id"] for r in links])
    relinked = [r["id"] for r in links if r["id"] in stored_links
                and next(iter(stored_links[r["id"]]), None) != r["derived_from"]]  # fmt: skip
    # Statements elsewhere whose chain passes through a relinked source change origin: their allegations too.
    downstream = {rec["id"] for rec in tx.run("downstream_allegations", ids=relinked)} if relinked else set()
    # An actor becoming (or ceasing to be) a reporting voice changes what it said: REPORTS or ACCUSES.
    kinds = {r["id"]: r["props"]["kind"] for r in batch.rows("Actor") if "kind" in r["props"]}
    was_reporter = derived.reporting_changes(tx, kinds)
    voiced = derived.voiced_allegations(tx, was_reporter)
    for label in ("Actor", "Event", "Source", "Allegation"):
        result.changes[label].update(write_rows(tx, label, batch.rows(label), fresh))
    dropped = _dropped(tx, batch)
    statement_ids = sorted(batch.tables["Statement"]) + [d["id"] for d in dropped]
    moved = {rec["allegation"] for rec in tx.run("existing_statements", ids=statement_ids)}
    before = derived.begin(tx, set(batch.tables["Allegation"]) | moved | downstream | voiced)
    current = before.accounts  # read after the actors were written: with their kinds now
    before.accounts = derived.as_before(current, was_reporter)
    if any(r["derived_from"] for r in links) or relinked:
        tx.execute("link_sources", rows=links)
    # Under the allegations' locks: which statements exist is now settled (a racing loader waits).
    existing = {rec["id"] for rec in tx.run("existing_statements", ids=statement_ids)}
    deleted = {rec["id"] for rec in tx.run("drop_statements", rows=dropped)} if dropped else set()
    result.deleted = len(deleted)
    rows = batch.rows("Statement")
    result.changes["Statement"].update(write_rows(tx, "Statement", [r for r in rows if r["id"] in existing]))
    new_rows = [r for r in rows if r["id"] not in existing]
    for chunk in _chunks(new_rows):
        tx.execute("create_statements", rows=list(chunk))
    result.changes["Statement"]["created"] += len(new_rows)
    after = {a.statement: a for a in current if a.statement not in deleted}
    after.update((a.statement, a) for a in batch.accounts())
    after = _with_origins(tx, after, everything=bool(relinked))
    outcome = derived.update(tx, before.accounts, list(after.values()), before.allegations, fresh=fresh)
    result.derived.update(
        {"statuses": outcome.statuses, "relations": outcome.relations, "flipped_links": outcome.flipped_links}
    )
    if deleted:  # an allegation whose last statement was taken back goes too (db check: no orphans)
        tx.execute("drop_orphan_allegations", ids=sorted(moved))
    tx.execute("write_dossiers", rows=batch.dossiers)
    files = sorted({d["file"] for d in batch.dossiers})
    shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
    ids = {i for label in LABELS for i in batch.tables[label]} | deleted
    summary = f"loaded {len(batch.dossiers)} dossier(s) from {shown}: {len(batch.tables['Statement'])} statement(s)"
    if deleted:
        summary += f", {len(deleted)} removed"
    history.record(tx, Action.LOAD, who or current_user(), summary, ids)
    return result


# --- the load ----------------------------------------------------------------------------------------


def batches(prepared: Sequence[PreparedDossier], max_statements: int) -> Iterator[list[PreparedDossier]]:
    """Consecutive dossiers grouped up to ``max_statements`` statements (a bigger dossier goes alone)."""
    group: list[PreparedDossier] = []
    size = 0
    for p in prepared:
        n = len(p.statements)
        if group and size + n > max_statements:
            yield group
            group, size = [], 0
        group.append(p)
        size += n
    if group:
        yield group


def _stored_hashes(tx: Tx, keys: list[str]) -> dict[str, str]:
    return {rec["id"]: rec["sha256"] for rec in tx.run("dossier_records", ids=keys)}


@dataclass(frozen=True)
class FileRecord:
    """What the graph recorded about one dossier of a file, found by the file's name and bytes' hash."""

    sha256: str
    text_file: str | None
    file_dossiers: int


def _file_records(tx: Tx, files: list[dict[str, str]]) -> dict[tuple[str, str], list[FileRecord]]:
    out: dict[tuple[str, str], list[FileRecord]] = defaultdict(list)
    for rec in tx.run("dossiers_by_file", files=files):
        out[(rec["name"], rec["file_sha256"])].append(
            FileRecord(rec["sha256"], rec["text_file"], int(rec["file_dossiers"] or 1))
        )
    return out


def file_records(store: Store, files: Sequence[tuple[str, str]]) -> dict[tuple[str, str], list[FileRecord]]:
    """The load records of files given as (file name, SHA-256 of its bytes): one query for a whole load."""
    if not files:
        return {}
    return store.read(_file_records, [{"name": n, "sha256": h} for n, h in files])


def unchanged(store: Store, prepared: Sequence[PreparedDossier]) -> set[str]:
    """Keys of the dossiers whose content hash the graph already holds."""
    hashed = [p for p in prepared if p.content_sha256]
    if not hashed:
        return set()
    stored = store.read(_stored_hashes, [p.key for p in hashed])
    return {p.key for p in hashed if stored.get(p.key) == p.content_sha256}


def load(
    store: Store,
    prepared: Sequence[PreparedDossier],
    *,
    progress: Progress | None = None,
    began: float | None = None,
    batch_statements: int = BATCH_STATEMENTS,
    skipped: int = 0,
    who: str | None = None,
) -> LoadReport:
    """Write already-checked dossiers, in transactions of up to ``batch_statements`` statements.

    Dossiers the graph already holds unchanged are skipped; names are checked for all the others
    before the first write. ``skipped`` adds dossiers the caller skipped already (by file hash).
    """
    began = time.perf_counter() if began is None else began
    report = LoadReport(files=[p.path for p in prepared], skipped=skipped)
    same = unchanged(store, prepared)
    todo = origin_order([p for p in prepared if p.key not in same])
    report.skipped += len(prepared) - len(todo)
    check_names(store, todo)
    check_origins(store, todo)
    done = len(prepared) - len(todo)
    for group in batches(todo, max(1, batch_statements)):
        report.add(store.write(write_batch, group, who))
        report.statements += sum(len(p.statements) for p in group)
        done += len(group)
        if progress is not None:
            progress(done, len(prepared), group[-1])
    report.seconds = time.perf_counter() - began
    return report


__all__ = [
    "BATCH_STATEMENTS",
    "FileRecord",
    "LoadReport",
    "Progress",
    "WriteResult",
    "batches",
    "check_names",
    "check_origins",
    "custody_problems",
    "dossier_custody",
    "file_records",
    "load",
    "lookup_names",
    "origin_order",
    "unchanged",
    "write_batch",
    "write_rows",
]
