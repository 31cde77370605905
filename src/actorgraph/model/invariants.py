"""The invariants of a graph, checked against what the rules say it should hold. Pure: no I/O.

``actorgraph db check`` reads the facts of the whole graph (``store/check.py``) and hands them to
:func:`check_graph`, which re-derives every status and derived relationship from the statements alone
with the model's own rules (:mod:`actorgraph.model.derivation`) and compares. It never asks how the
store keeps derived data up to date, so it proves that incremental derivation equals a full rebuild,
whatever the store does to get there.

Each check has a name (:data:`CHECKS`); every violation names its check, the node or relationship,
and what is wrong, so a failing test or a user's report says exactly what broke.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from actorgraph.model.derivation import Account, Links, derive_relations, derive_statuses
from actorgraph.model.ids import name_key
from actorgraph.model.timeline import current
from actorgraph.model.vocabulary import STRUCTURAL_PREDICATES, Predicate, RelationType, Stance, is_reporting

#: The labels of the data model (display labels such as ``ArmedGroup`` may sit beside them).
MODEL_LABELS = ("Actor", "Event", "Source", "Allegation", "Statement")
#: Bookkeeping nodes, not data: the name index alias resolution reads (``NameKey``), what each loaded
#: dossier contributed (``Dossier``) and the audit records with their lookup keys (``Change``,
#: ``ChangeKey``, :mod:`actorgraph.model.history`). They carry no model id; the "name-keys" check covers
#: the index.
INDEX_LABELS = ("NameKey", "Dossier", "Change", "ChangeKey")
#: Bookkeeping relationship types and the (from, to) labels each may join: the name index, a record's
#: keys, and an analyst's judgement that two actors are not the same (``markDistinct``).
INDEX_RELATIONSHIPS: dict[str, frozenset[tuple[str, str]]] = {
    "NAMES": frozenset({("NameKey", "Actor")}),
    "CHANGED": frozenset({("Change", "ChangeKey")}),
    "DISTINCT_FROM": frozenset({("Actor", "Actor")}),
}

#: Provenance relationship types and the (from, to) labels each may join.
PROVENANCE: dict[str, frozenset[tuple[str, str]]] = {
    "MADE": frozenset({("Actor", "Statement")}),
    "ON": frozenset({("Statement", "Allegation")}),
    "REPORTED_IN": frozenset({("Statement", "Source")}),
    "ON_BEHALF_OF": frozenset({("Statement", "Actor")}),
    "SUBJECT": frozenset({("Allegation", "Actor")}),
    "OBJECT": frozenset({("Allegation", "Actor"), ("Allegation", "Event")}),
    "DERIVED_FROM": frozenset({("Source", "Source")}),
    "QUOTED_FROM": frozenset({("Statement", "Source")}),
}
DERIVED_ENDS = frozenset({("Actor", "Actor"), ("Actor", "Event")})

#: Every check, by name, with what it verifies (the summary of ``db check`` lists them in this order).
CHECKS: dict[str, str] = {
    "ids": "every node has one model label and an id, unique across the graph",
    "shape": "every relationship has a known type and joins the labels its type allows",
    "statement-links": "every statement has exactly one speaker, allegation and source, at most one on_behalf_of",
    "allegation-links": "every allegation has exactly one subject and one object, and a known predicate",
    "orphans": "every allegation has at least one statement",
    "name-keys": "every actor's name and aliases are in the name index, which holds exactly its name_keys",
    "quotes": "every quote equals its source text between its offsets",
    "custody": "every source derives from at most one source, every statement is quoted from at most one, no loops",
    "statuses": "every allegation's status equals the status rule applied to its statements",
    "derived": "the derived relationships are exactly those the rules derive (types, ends, statements, counts, dates)",
    "history": "every audit record has an id, a time, who, an action and its keys; every distinct mark joins two "
    "actors once, from the smaller id to the larger",
}


@dataclass(frozen=True)
class Violation:
    """One broken invariant: which check, where (a node id or a relationship), and what is wrong."""

    check: str
    where: str
    detail: str

    def __str__(self) -> str:
        return f"{self.check}: {self.where}: {self.detail}"


@dataclass(frozen=True)
class StatementFacts:
    """A statement as stored, with the ids at the end of each of its provenance relationships."""

    id: str
    stance: str | None
    stated_on: dt.date | None
    quote: str | None
    start: int | None
    end: int | None
    speakers: tuple[str, ...]
    allegations: tuple[str, ...]
    sources: tuple[str, ...]
    on_behalf_of: tuple[str, ...]
    #: The sources it was quoted from (QUOTED_FROM): at most one.
    quoted_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class AllegationFacts:
    """An allegation as stored: predicate, status, and its subject and object ids (object: id, is event)."""

    id: str
    predicate: str | None
    status: str | None
    subjects: tuple[str, ...]
    objects: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class RelationFacts:
    """A stored derived relationship with its evidence."""

    type: str
    source: str
    target: str
    statements: tuple[str, ...]
    count: int | None
    first_stated: dt.date | None
    last_stated: dt.date | None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.source, self.target)


@dataclass
class GraphFacts:
    """Everything the checks need, read in one transaction (a consistent snapshot)."""

    #: (model labels of the node, its id) for every node in the database.
    nodes: list[tuple[tuple[str, ...], str | None]] = field(default_factory=list)
    #: (type, from label, to label, how many) for every relationship, grouped.
    shapes: list[tuple[str, str, str, int]] = field(default_factory=list)
    statements: list[StatementFacts] = field(default_factory=list)
    allegations: list[AllegationFacts] = field(default_factory=list)
    source_texts: dict[str, str | None] = field(default_factory=dict)
    #: Each source's DERIVED_FROM targets (at most one each), for the chains of custody.
    derived_from: dict[str, tuple[str, ...]] = field(default_factory=dict)
    relations: list[RelationFacts] = field(default_factory=list)
    #: (actor id, name, aliases, its ``name_keys``, keys of the NameKey nodes that name it) for every actor.
    actor_names: list[tuple[str, str | None, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = field(
        default_factory=list
    )
    #: Each actor's kind: a reporting voice's affirmations give REPORTS, not ACCUSES.
    actor_kinds: dict[str, str | None] = field(default_factory=dict)
    #: (id, has a time, who, action, how many keys) of every audit record.
    changes: list[tuple[str | None, bool, str | None, str | None, int]] = field(default_factory=list)
    #: (from, to) of every DISTINCT_FROM mark.
    marks: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class CheckReport:
    """What was checked (items per check) and every violation found."""

    checked: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHECKS, 0))
    violations: list[Violation] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations

    def by_check(self) -> dict[str, list[Violation]]:
        out: dict[str, list[Violation]] = {name: [] for name in CHECKS}
        for v in self.violations:
            out[v.check].append(v)
        return out

    def add(self, check: str, where: str, detail: str) -> None:
        self.violations.append(Violation(check, where, detail))


def check_graph(facts: GraphFacts) -> CheckReport:
    """Every invariant of :data:`CHECKS` over the facts of one graph.

    >>> check_graph(GraphFacts(nodes=[(("Actor",), "kremlin")])).ok
    True
    >>> print(check_graph(GraphFacts(nodes=[(("Actor",), "x"), (("Event",), "x")])).violations[0])
    ids: x: used by 2 nodes (Actor, Event): ids must be unique
    """
    report = CheckReport()
    _check_ids(facts, report)
    _check_shapes(facts, report)
    _check_name_keys(facts, report)
    accounts = _check_links(facts, report)
    _check_quotes(facts, report)
    accounts = _check_custody(facts, accounts, report)
    links = links_of(accounts)
    _check_statuses(facts, accounts, links, report)
    _check_derived(facts, accounts, links, report)
    _check_history(facts, report)
    return report


def links_of(accounts: list[Account]) -> Links:
    """Pairs bound into one side: subject and object of an affirmed PART_OF / SPEAKS_FOR / LEADS (not retracted)."""
    return {
        frozenset((a.subject, a.object))
        for a in current(accounts)
        if a.predicate in STRUCTURAL_PREDICATES and a.stance is Stance.AFFIRMS and not a.object_is_event
    }


def _check_ids(facts: GraphFacts, report: CheckReport) -> None:
    report.checked["ids"] = len(facts.nodes)
    holders: dict[str, list[str]] = defaultdict(list)
    for labels, node_id in facts.nodes:
        if len(labels) != 1:
            what = "no model label" if not labels else f"several model labels ({', '.join(labels)})"
            report.add("ids", str(node_id), f"a node with {what}: every node is one of {', '.join(MODEL_LABELS)}")
            continue
        if node_id is None or node_id == "":
            report.add("ids", f"({labels[0]})", "a node without an id")
            continue
        holders[node_id].append(labels[0])
    for node_id, held in holders.items():
        if len(held) > 1:
            report.add("ids", node_id, f"used by {len(held)} nodes ({', '.join(sorted(held))}): ids must be unique")


def _check_shapes(facts: GraphFacts, report: CheckReport) -> None:
    derived = {t.value for t in RelationType}
    for rtype, start, end, count in facts.shapes:
        report.checked["shape"] += count
        allowed = DERIVED_ENDS if rtype in derived else PROVENANCE.get(rtype, INDEX_RELATIONSHIPS.get(rtype))
        if allowed is None:
            report.add("shape", f"[:{rtype}]", f"{count} relationship(s) of a type the model does not know")
        elif (start, end) not in allowed:
            report.add("shape", f"({start})-[:{rtype}]->({end})", f"{count} relationship(s) joining the wrong labels")


def _check_history(facts: GraphFacts, report: CheckReport) -> None:
    """The history must answer who, when, what for every change, and a mark must say one thing per pair.

    >>> facts = GraphFacts(changes=[("chg_1", True, None, "merge", 2)], marks=[("b", "a")])
    >>> [str(v) for v in check_graph(facts).violations]  # doctest: +NORMALIZE_WHITESPACE
    ['history: chg_1: an audit record without who', 'history: (b)-[:DISTINCT_FROM]->(a): marks run from the
    smaller id to the larger']
    """
    report.checked["history"] = len(facts.changes) + len(facts.marks)
    for change_id, timed, who, action, keys in facts.changes:
        where = change_id or "(Change)"
        missing = [name for name, ok in (("an id", change_id), ("a time", timed), ("who", who),
                                         ("an action", action), ("keys", keys)) if not ok]  # fmt: skip
        for name in missing:
            report.add("history", where, f"an audit record without {name}")
    pairs: Counter[frozenset[str]] = Counter()
    for a, b in facts.marks:
        pairs[frozenset((a, b))] += 1
        if a == b:
            report.add("history", f"({a})-[:DISTINCT_FROM]->({b})", "an actor marked distinct from itself")
        elif a > b:
            report.add("history", f"({a})-[:DISTINCT_FROM]->({b})", "marks run from the smaller id to the larger")
    for pair, n in pairs.items():
        if n > 1:
            report.add("history", " and ".join(sorted(pair)), f"marked distinct {n} times: one mark per pair")


def _check_name_keys(facts: GraphFacts, report: CheckReport) -> None:
    """Alias resolution finds an actor only through the index: a missing key hides it, a stray one misleads.

    ``name_keys`` may hold more than the current name and aliases: a name an earlier dossier or a rename
    gave the actor keeps finding it (the loader and mutations only ever add keys).
    """
    report.checked["name-keys"] = len(facts.actor_names)
    for actor_id, name, aliases, name_keys, indexed in facts.actor_names:
        expected = ({name_key(n) for n in (name or "", *aliases)} | set(name_keys)) - {""}
        missing, stray = expected - set(indexed), set(indexed) - expected
        if missing:
            report.add("name-keys", actor_id, f"not in the name index under {', '.join(sorted(missing))}")
        if stray:
            report.add("name-keys", actor_id, f"named in the index by {', '.join(sorted(stray))}, not one of its names")


def _one(report: CheckReport, sid: str, what: str, ids: tuple[str, ...]) -> str | None:
    if len(ids) == 1:
        return ids[0]
    report.add("statement-links", sid, f"{len(ids)} {what} ({', '.join(sorted(ids)) or 'none'}): needs exactly one")
    return None


def _check_links(facts: GraphFacts, report: CheckReport) -> list[Account]:
    """Statement and allegation links, orphans; returns the accounts of every well-formed statement."""
    allegations: dict[str, AllegationFacts] = {}
    report.checked["allegation-links"] = len(facts.allegations)
    for a in facts.allegations:
        ok = True
        if len(a.subjects) != 1:
            report.add("allegation-links", a.id, f"{len(a.subjects)} subjects: needs exactly one")
            ok = False
        if len(a.objects) != 1:
            report.add("allegation-links", a.id, f"{len(a.objects)} objects: needs exactly one")
            ok = False
        if a.predicate not in Predicate.__members__:
            report.add("allegation-links", a.id, f"predicate {a.predicate!r} is not in the vocabulary")
            ok = False
        if ok:
            allegations[a.id] = a
    accounts: list[Account] = []
    stated: Counter[str] = Counter()
    report.checked["statement-links"] = len(facts.statements)
    for s in facts.statements:
        speaker = _one(report, s.id, "speakers (MADE)", s.speakers)
        allegation = _one(report, s.id, "allegations (ON)", s.allegations)
        source = _one(report, s.id, "sources (REPORTED_IN)", s.sources)
        behalf = s.on_behalf_of[0] if len(s.on_behalf_of) == 1 else None
        if len(s.on_behalf_of) > 1:
            report.add("statement-links", s.id, f"{len(s.on_behalf_of)} ON_BEHALF_OF: at most one")
        if s.stance is None or s.stance not in Stance.__members__:
            report.add("statement-links", s.id, f"stance {s.stance!r} is not AFFIRMS or DENIES")
            continue
        for aid in s.allegations:
            stated[aid] += 1
        if speaker is None or allegation is None or source is None or len(s.on_behalf_of) > 1:
            continue
        alleg = allegations.get(allegation)
        if alleg is None:
            continue  # its allegation is malformed, already reported
        obj, obj_is_event = alleg.objects[0]
        accounts.append(
            Account(
                allegation=alleg.id, predicate=Predicate(str(alleg.predicate)), subject=alleg.subjects[0], object=obj,
                object_is_event=obj_is_event, statement=s.id, stance=Stance(s.stance), stated_on=s.stated_on,
                speaker=speaker, on_behalf_of=behalf, source=source,
                reporter=is_reporting(facts.actor_kinds.get(behalf or speaker)),
            )
        )  # fmt: skip
    report.checked["orphans"] = len(facts.allegations)
    for a in facts.allegations:
        if not stated[a.id]:
            report.add("orphans", a.id, "an allegation without any statement")
    return accounts


def _root(facts: GraphFacts, start: str) -> tuple[str | None, int]:
    """The root of the chain of custody from ``start`` and its length; (None, n) when it loops or forks."""
    seen = [start]
    while True:
        up = facts.derived_from.get(seen[-1], ())
        if not up:
            return seen[-1], len(seen) - 1
        if len(up) > 1 or up[0] in seen:
            return None, len(seen)
        seen.append(up[0])


def _check_custody(facts: GraphFacts, accounts: list[Account], report: CheckReport) -> list[Account]:
    """Chains of custody well formed; returns the accounts with their origins, followed here in Python.

    The store follows chains in Cypher (``store/queries/accounts_of.cypher``); following them again here
    keeps the checker an independent witness of the origins the status rule was given.
    """
    report.checked["custody"] = len(facts.derived_from) + len(facts.statements)
    for sid, up in sorted(facts.derived_from.items()):
        if len(up) > 1:
            report.add("custody", sid, f"derives from {len(up)} sources ({', '.join(sorted(up))}): at most one")
        elif up and _root(facts, sid)[0] is None:
            report.add("custody", sid, "its DERIVED_FROM chain loops: a source cannot derive from its own copy")
    quoted = {s.id: s.quoted_from for s in facts.statements}
    for sid, q in sorted(quoted.items()):
        if len(q) > 1:
            report.add("custody", sid, f"quoted from {len(q)} sources ({', '.join(sorted(q))}): at most one")
    out = []
    for acc in accounts:
        q = quoted.get(acc.statement, ())
        start = q[0] if len(q) == 1 else acc.source
        if start is None:
            out.append(acc)
            continue
        root, steps = _root(facts, start)
        out.append(replace(acc, origin=root, copied=len(q) == 1 or steps > 0))
    return out


def _check_quotes(facts: GraphFacts, report: CheckReport) -> None:
    report.checked["quotes"] = len(facts.statements)
    for s in facts.statements:
        if len(s.sources) != 1:
            continue  # reported by statement-links
        text = facts.source_texts.get(s.sources[0])
        if text is None:
            report.add("quotes", s.id, f"its source {s.sources[0]!r} has no text")
        elif s.quote is None or s.start is None or s.end is None:
            report.add("quotes", s.id, "quote, start or end is missing")
        elif text[s.start : s.end] != s.quote:
            found = text[s.start : s.end]
            report.add("quotes", s.id, f"text[{s.start}:{s.end}] is {_short(found)}, the quote is {_short(s.quote)}")


def _short(text: str, width: int = 40) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def _check_statuses(facts: GraphFacts, accounts: list[Account], links: Links, report: CheckReport) -> None:
    expected = derive_statuses(accounts, links)
    report.checked["statuses"] = len(facts.allegations)
    for a in facts.allegations:
        want = expected.get(a.id)
        if a.status != want:
            report.add("statuses", a.id, f"status is {a.status!r}, the rule gives {want!r}")


def _check_derived(facts: GraphFacts, accounts: list[Account], links: Links, report: CheckReport) -> None:
    expected: dict[tuple[str, str, str], RelationFacts] = {}
    for rtype, pairs in derive_relations(accounts, links).items():
        for (source, target), rel in pairs.items():
            key = (RelationType(rtype).value, source, target)
            expected[key] = RelationFacts(
                *key, tuple(sorted(rel.statements)), len(rel.statements), rel.first_stated, rel.last_stated
            )
    report.checked["derived"] = len(expected)
    seen: set[tuple[str, str, str]] = set()
    for stored in facts.relations:
        where = f"({stored.source})-[:{stored.type}]->({stored.target})"
        if stored.key in seen:
            report.add("derived", where, "stored twice: one relationship per type and pair")
            continue
        seen.add(stored.key)
        want = expected.get(stored.key)
        if want is None:
            report.add("derived", where, "stored but not derived from any statement (extra)")
            continue
        got = RelationFacts(*stored.key, tuple(sorted(stored.statements)), stored.count,
                            stored.first_stated, stored.last_stated)  # fmt: skip
        for name in ("statements", "count", "first_stated", "last_stated"):
            if getattr(got, name) != getattr(want, name):
                report.add(
                    "derived", where, f"{name} is {getattr(got, name)!r}, the rules give {getattr(want, name)!r}"
                )
    for key in sorted(set(expected) - seen):
        report.add("derived", f"({key[1]})-[:{key[0]}]->({key[2]})", "derived by the rules but not stored (missing)")


__all__ = [
    "CHECKS",
    "MODEL_LABELS",
    "AllegationFacts",
    "CheckReport",
    "GraphFacts",
    "RelationFacts",
    "StatementFacts",
    "Violation",
    "check_graph",
    "links_of",
]
