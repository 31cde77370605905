"""``actorgraph load --bulk``: a big corpus into an empty local database through Neo4j's offline importer.

One pass over the input, file by file: every dossier is read and checked exactly as for an online
load (names resolved against the dossiers before it, as if the graph were empty) and its nodes and
provenance go straight to the CSV files of the import; what the derivation needs is kept as integer
arrays (:class:`~actorgraph.model.rebuild.Corpus`) and the names as a :class:`NameIndex`. If any file
has a problem, the files are thrown away and nothing is imported. Chains of custody are checked once
every file is read (an origin may be in a later file), by the online load's rule
(:func:`actorgraph.model.custody.custody_problems`), and each statement's origin is followed from them,
so statuses count copies as the online load does. Then statuses and derived
relationships are computed in one set-based pass over the arrays
(:class:`~actorgraph.model.rebuild.Rebuild`) and written too. Running the import (stop the local
server, ``neo4j-admin database import full``, start it, apply the schema) is the command's job
(``cli/load_cmd.py``), the layer that may drive both the store and the local server.

Memory: the arrays (with, per statement, the source its chain starts from), every source's
``derived_from``, the name index and the actors, events and allegations (deduplicated across
dossiers), and one input file at a time; never the statements' text. The checks of what the import
can go into (not a remote server, an empty database) are here too, for the command to run first.
"""

from __future__ import annotations

import datetime as dt
import resource
import time
from array import array as int_array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.errors import InvalidInput, Problem, UsageError
from actorgraph.ingest.read import find_dossiers, read_file
from actorgraph.model import custody as custody_rule
from actorgraph.model.custody import Custody
from actorgraph.model.dossier import PreparedDossier
from actorgraph.model.names import NameIndex
from actorgraph.model.rebuild import PREDICATE_CODE, Corpus, Rebuild
from actorgraph.model.rows import Row, dossier_rows
from actorgraph.model.vocabulary import ObjectType, Predicate, Stance, is_reporting
from actorgraph.settings import Settings
from actorgraph.store.bulk import ARRAY_DELIMITER, ImportFiles, array, node_count
from actorgraph.store.core import Store
from actorgraph.store.cypher import query
from actorgraph.store.loader import dossier_custody
from actorgraph.store.schema import init_schema

#: Called as work advances: (phase, done, total or None).
BulkProgress = Callable[[str, int, int | None], None]


def _quiet(_: str, __: int, ___: int | None) -> None:
    """Default progress: say nothing."""


@dataclass
class BulkReport:
    """What a bulk import did, phase by phase."""

    files: int = 0
    dossiers: int = 0
    statements: int = 0
    relations: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_mib: float = 0.0
    importer: str = ""
    #: The imported sources' ids: the keys of the import's one audit record.
    sources: list[str] = field(default_factory=list)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


class _Builder:
    """Turns checked dossiers into import rows as they come; keeps what the derivation needs."""

    def __init__(self, out: ImportFiles, recorded_at: str) -> None:
        self.out = out
        #: The import's time: every statement's ``recorded_at`` (the import is the transaction that writes them).
        self.recorded_at = recorded_at
        self.names = NameIndex()
        self.actors: dict[str, list[Any]] = {}  # id -> [props, aliases, name keys]
        self.events: dict[str, Row] = {}
        self.allegations: dict[str, list[Any]] = {}  # id -> csv row without status
        self.sources: dict[str, tuple[str, str]] = {}  # id -> (file, text hash)
        self.statement_seen: set[str] = set()
        self.explicit: dict[str, str] = {}  # statement ids given in a dossier -> file
        self.problems: list[Problem] = []
        # the derivation's arrays, by index
        self.actor_index: dict[str, int] = {}
        self.event_index: dict[str, int] = {}
        self.alleg_index: dict[str, int] = {}
        self.alleg_subject: list[int] = []
        self.alleg_object: list[int] = []  # events as -(index + 1) until the actors are all known
        self.alleg_predicate: list[int] = []
        self.corpus = Corpus()
        self.dossiers = 0
        # the chains of custody: every source's derived_from (a later dossier's wins, as online), the
        # dossiers naming an origin (checked whole once all are read) and per statement where its chain starts
        self.derived_from: dict[str, str | None] = {}
        self.custody: list[Custody] = []
        self.source_index: dict[str, int] = {}
        self.chain_start: int_array[int] = int_array("q")  # the source quoted, else the statement's own
        self.quoted: int_array[int] = int_array("b")

    def _actor(self, actor_id: str) -> int:
        index = self.actor_index.get(actor_id)
        if index is None:
            index = self.actor_index[actor_id] = len(self.actor_index)
        return index

    def add(self, p: PreparedDossier) -> None:
        mapping, _, problems = self.names.resolve(p)
        self.names.learn(p, mapping)
        self.problems += problems
        self.problems += self._cross_file(p)
        if self.problems:
            return  # keep checking the rest, write nothing more
        self.dossiers += 1
        rows = dossier_rows(p, mapping)
        for row in rows["Actor"]:
            known = self.actors.get(row["id"])
            if known is None:
                self.actors[row["id"]] = [row["props"], list(row["aliases"]), list(row["name_keys"])]
            else:  # as the online write does: a later dossier's properties win, new names are appended
                known[0] = {**known[0], **row["props"]}
                known[1] += [x for x in row["aliases"] if x not in known[1]]
                known[2] += [x for x in row["name_keys"] if x not in known[2]]
        for row in rows["Event"]:
            self.events[row["id"]] = row
        source = rows["Source"][0]
        self.derived_from[source["id"]] = p.dossier.source.derived_from
        custody = dossier_custody(p)
        if custody.derived_from is not None or any(q is not None for _, q in custody.quoted_from):
            self.custody.append(custody)
        if source["id"] not in self.sources:
            self.sources[source["id"]] = (str(p.path), p.source_sha256)
            pr = source["props"]
            self.out.write("source", [source["id"], pr["kind"], pr["title"], pr["url"], pr["publisher"],
                                      pr["published_on"], pr["text"], pr["sha256"], pr["verification"],
                                      pr["reliability"]])  # fmt: skip
        for row in rows["Allegation"]:
            self._allegation(row)
        for row in rows["Statement"]:
            self._statement(row)
        self.out.write("dossier", [p.key, p.content_sha256, str(p.path), source["id"],
                                   array(sorted({r["id"] for r in rows["Statement"]})), p.file_sha256,
                                   p.file_dossiers, p.text_file])  # fmt: skip

    def _cross_file(self, p: PreparedDossier) -> list[Problem]:
        problems = []
        src = p.dossier.source
        prev = self.sources.get(src.id)
        if prev and prev[1] != p.source_sha256:
            problems.append(
                Problem(str(p.path), "source.id", f"{src.id!r} names a different text in {prev[0]}: rename one source")
            )
        for i, s in enumerate(p.statements):
            if s.id is not None:
                if s.id in self.explicit and self.explicit[s.id] != str(p.path):
                    problems.append(
                        Problem(
                            str(p.path), f"statements[{i}].id", f"{s.id!r} is also a statement in {self.explicit[s.id]}"
                        )
                    )
                self.explicit[s.id] = str(p.path)
        return problems

    def _allegation(self, row: Row) -> None:
        pr = row["props"]
        verdict = row["verdict"] or {}
        if row["id"] in self.allegations:
            old = self.allegations[row["id"]]
            old[3] = pr["summary"]
            if verdict:
                old[4:7] = [verdict["verdict"], verdict["verdict_rationale"], verdict["verdict_source"]]
            return
        self.allegations[row["id"]] = [row["id"], pr["predicate"], pr["polarity"], pr["summary"],
                                       verdict.get("verdict"), verdict.get("verdict_rationale"),
                                       verdict.get("verdict_source")]  # fmt: skip
        predicate = Predicate(pr["predicate"])
        self.alleg_index[row["id"]] = len(self.alleg_index)
        self.alleg_subject.append(self._actor(row["subject"]))
        self.alleg_predicate.append(PREDICATE_CODE[predicate])
        self.out.write("subject", [row["id"], row["subject"]])
        if predicate.info.object_type is ObjectType.EVENT:
            event = self.event_index.setdefault(row["object"], len(self.event_index))
            self.alleg_object.append(-(event + 1))
            self.out.write("object_event", [row["id"], row["object"]])
        else:
            self.alleg_object.append(self._actor(row["object"]))
            self.out.write("object_actor", [row["id"], row["object"]])

    def _statement(self, row: Row) -> None:
        sid = row["id"]
        if sid in self.statement_seen:
            return
        self.statement_seen.add(sid)
        pr = row["props"]
        self.out.write("statement", [sid, pr["stance"], pr["quote"], pr["start"], pr["end"], pr["stated_on"],
                                     pr["medium"], pr["confidence"], pr["note"], pr["credibility"],
                                     self.recorded_at])  # fmt: skip
        self.out.write("made", [row["speaker"], sid])
        self.out.write("on", [sid, row["allegation"]])
        self.out.write("reported_in", [sid, row["source"]])
        if row["quoted_from"]:
            self.out.write("quoted_from", [sid, row["quoted_from"]])
        self.chain_start.append(self._source(row["quoted_from"] or row["source"]))
        self.quoted.append(1 if row["quoted_from"] else 0)
        voice = row["speaker"]
        if row["on_behalf_of"]:
            self.out.write("on_behalf_of", [sid, row["on_behalf_of"]])
            voice = row["on_behalf_of"]
        self.corpus.add_statement(sid, self.alleg_index[row["allegation"]], self._actor(voice),
                                  self._actor(row["speaker"]), Stance(pr["stance"]), pr["stated_on"])  # fmt: skip

    def _source(self, source_id: str) -> int:
        index = self.source_index.get(source_id)
        if index is None:
            index = self.source_index[source_id] = len(self.source_index)
        return index

    def custody_problems(self) -> list[Problem]:
        """The chains of custody checked whole, by the online load's rule: the database is empty, so every
        source is one of the input's and every chain is as the input says."""
        return custody_rule.custody_problems(self.custody, self.derived_from)

    def _origins(self) -> None:
        """Each statement's origin and whether it is a copy (quoted, or its chain has a step), into the corpus;
        chains followed once per source they start from (``model/custody.root``), not once per statement.
        The DERIVED_FROM relationships into the import, as the last dossier of each source says them."""
        for source_id, up in self.derived_from.items():
            if up is not None:
                self.out.write("derived_from", [source_id, up])
        names = list(self.source_index)
        per_start: dict[int, tuple[int, bool]] = {}
        for start in set(self.chain_start):
            found, steps = custody_rule.root(self.derived_from, names[start])
            per_start[start] = (-1 if found is None else self._source(found), steps > 0)
        c = self.corpus
        c.sources = list(self.source_index)  # ids in index order (a dict keeps insertion order)
        c.origin = int_array("q", (per_start[s][0] for s in self.chain_start))
        c.copied = int_array("b", (1 if q or per_start[s][1] else 0
                                   for s, q in zip(self.chain_start, self.quoted, strict=True)))  # fmt: skip
        self.chain_start, self.quoted, self.derived_from = int_array("q"), int_array("b"), {}

    def finish(self, progress: BulkProgress) -> int:
        """Actors, events, name keys, allegations with status and the derived relationships; returns their count.

        What the reading needed is let go before the derivation's biggest arrays are built, and the
        actors and allegations once written: the peak is the arrays, not the input.
        """
        self.names, self.statement_seen, self.explicit, self.sources = NameIndex(), set(), {}, {}
        self.custody = []
        keys: dict[str, list[str]] = {}
        reporters: list[int] = []
        for actor_id, (props, aliases, name_keys) in self.actors.items():
            index = self._actor(actor_id)
            if is_reporting(props["kind"]):  # a reporting voice: its affirmed accusations are REPORTS
                reporters.append(index)
            self.out.write("actor", [actor_id, props["name"], props["kind"], props["description"], props["wikidata"],
                                     props["country"], array(aliases), array(name_keys),
                                     props.get("reliability")])  # fmt: skip
            for key in name_keys:
                keys.setdefault(key, []).append(actor_id)
        for key, owners in keys.items():
            self.out.write("namekey", [key])
            for owner in owners:
                self.out.write("names", [key, owner])
        del keys
        self.actors = {}
        for event_id, row in self.events.items():
            pr = row["props"]
            self.out.write("event", [event_id, pr["name"], pr["kind"], pr["start_date"], pr["end_date"],
                                     pr["location"], pr["description"]])  # fmt: skip
        c = self.corpus
        c.actors = [""] * len(self.actor_index)
        for actor_id, i in self.actor_index.items():
            c.actors[i] = actor_id
        c.events = [""] * len(self.event_index)
        for event_id, i in self.event_index.items():
            c.events[i] = event_id
        n = len(c.actors)
        c.subject = self.alleg_subject
        c.object = [o if o >= 0 else n + (-o - 1) for o in self.alleg_object]
        c.predicate = self.alleg_predicate
        c.reporters = reporters
        self._origins()
        progress("Deriving", 0, None)
        rebuild = Rebuild(c)
        statuses = rebuild.statuses()
        for aid, alleg in self.allegations.items():
            self.out.write("allegation", [*alleg, statuses.get(self.alleg_index[aid])])
        del statuses
        self.allegations, self.alleg_index, self.events = {}, {}, {}
        count = 0
        to_actor, to_event = self.out.writer("derived_actor"), self.out.writer("derived_event")
        for rel in rebuild.relations():
            (to_event if rel.target_is_event else to_actor).writerow(
                (rel.source, rel.target, rel.type.value, array(rel.statements), len(rel.statements),
                 rel.first_stated, rel.last_stated)
            )  # fmt: skip
            count += 1
            if count % 500_000 == 0:
                progress("Deriving", count, None)
        return count


def peak_rss_mib() -> float:
    """This process's peak resident memory so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def refuse_remote(settings: Settings) -> None:
    """UsageError unless the server is on this machine (the importer writes the store's files)."""
    if not settings.is_local:
        raise UsageError(
            f"NEO4J_URI is {settings.neo4j_uri}, not a server on this machine: --bulk writes the store's files "
            "locally; load without --bulk (online) into a remote server."
        )


def refuse_unless_empty(store: Store) -> None:
    """UsageError unless the database is empty (an import replaces it)."""
    held = node_count(store)
    if held:
        raise UsageError(
            f"the database holds {held:,} nodes: --bulk imports only into an empty database (it replaces it); "
            "load without --bulk to add to it, or empty it first with `actorgraph db wipe`."
        )


def write_import(
    paths: Sequence[Path], folder: Path, *, progress: BulkProgress = _quiet
) -> tuple[ImportFiles, BulkReport]:
    """Check every file and write the import files into ``folder``; InvalidInput (and no files) on any problem."""
    report = BulkReport()
    began = time.perf_counter()
    files = find_dossiers(paths)
    if not files:
        raise InvalidInput(
            [Problem(", ".join(map(str, paths)) or ".", "", "no dossier (*.yaml, *.yml, *.jsonl) found here")]
        )
    out = ImportFiles(folder)
    now = dt.datetime.now(dt.UTC)
    builder = _Builder(out, now.isoformat(timespec="milliseconds").replace("+00:00", "Z"))
    problems: list[Problem] = []
    try:
        for done, file in enumerate(files, start=1):
            dossiers, found = read_file(file)
            problems += found
            for p in dossiers:
                builder.add(p)
            progress("Reading", done, len(files))
        problems += builder.problems
        if not problems:  # a chain may name a source of a later file: checked once all are read
            problems += builder.custody_problems()
        if problems:
            raise InvalidInput(problems)
        report.seconds["read"] = time.perf_counter() - began
        t0 = time.perf_counter()
        report.sources = sorted(builder.sources)  # before finish(), which lets go of them
        report.relations = builder.finish(progress)
        report.files, report.dossiers = len(files), builder.dossiers
        report.statements = len(builder.corpus.statement_ids)
        out.close()
        report.seconds["derive"] = time.perf_counter() - t0
    except BaseException:
        out.discard()
        raise
    return out, report


def after_import(store: Store) -> None:
    """The schema (constraints, indexes) and what an import file cannot say (empty alias lists)."""
    init_schema(store)
    store.autocommit(query("empty_aliases"))


__all__ = [
    "ARRAY_DELIMITER",
    "BulkProgress",
    "BulkReport",
    "after_import",
    "peak_rss_mib",
    "refuse_remote",
    "refuse_unless_empty",
    "write_import",
]
