"""How a change of accounts changes the derived data: the incremental form of the derivation rules.

Pure. :func:`actorgraph.model.derivation.derive_relations` is the specification: the derived
relationships of a graph are the union, over its allegations, of what each allegation's accounts
give. A statement is on exactly one allegation, so the contribution of an allegation to a
relationship is a set of statements no other allegation can contribute. A write that changes the
accounts of some allegations (or the structural links that decide whose side a voice is on) can
therefore update each relationship in place: take away the statements that no longer support it,
add those that now do. :func:`relation_changes` computes exactly that difference, touching only what
changed:

- per-account relationships (ACCUSES, CLAIMS_RESPONSIBILITY, DENIES_INVOLVEMENT and the relationships
  named after their predicate) are compared account by account, skipping accounts that are the same
  before and after with the same own side;
- CONTRADICTS of an allegation is, for every denying voice *d* and affirming voice *f* (d != f), the
  denials of *d* plus the affirmations of *f*; only the pairs where the statements of *d* or *f*
  changed are compared.

The store applies the result (``store/derived.py``); a property test checks that
``derive_relations(old)`` with the changes applied equals ``derive_relations(new)``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from actorgraph.model.derivation import (
    Account,
    Links,
    Relations,
    derive_relations,
    is_own_side,
)
from actorgraph.model.timeline import current
from actorgraph.model.vocabulary import STRUCTURAL_PREDICATES, RelationType, Stance

#: One derived relationship: its type, its source actor and its target (actor or event).
RelationKey = tuple[RelationType, str, str]
#: Statement id -> its date (None when undated): the evidence a relationship gains or loses.
Evidence = dict[str, dt.date | None]


@dataclass
class Change:
    """What one derived relationship loses and gains. A statement in both changed its date."""

    removed: Evidence = field(default_factory=dict)
    added: Evidence = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.removed or self.added)


Changes = dict[RelationKey, Change]


def _contributions(account: Account, links: Links) -> list[RelationKey]:
    """The per-account relationships one account supports (CONTRADICTS aside: it needs the allegation)."""
    rels = derive_relations([account], links)
    return [(rel_type, src, tgt) for rel_type, pairs in rels.items() for (src, tgt) in pairs]


def _per_account(old: Sequence[Account], new: Sequence[Account], links_old: Links, links_new: Links) -> Changes:
    changes: Changes = defaultdict(Change)
    before = {a.statement: a for a in old}
    after = {a.statement: a for a in new}
    for sid in before.keys() | after.keys():
        a, b = before.get(sid), after.get(sid)
        if a is not None and a == b and is_own_side(a, links_old) == is_own_side(b, links_new):
            continue  # the same account on the same side supports the same relationships
        gone = set(_contributions(a, links_old)) if a is not None else set()
        came = set(_contributions(b, links_new)) if b is not None else set()
        for key in gone:
            if key not in came or (b is not None and a is not None and a.stated_on != b.stated_on):
                changes[key].removed[sid] = a.stated_on if a is not None else None
        for key in came:
            if key not in gone or (a is not None and b is not None and a.stated_on != b.stated_on):
                changes[key].added[sid] = b.stated_on if b is not None else None
    return changes


#: Per allegation, per voice: (denials, affirmations), each statement -> date.
_Voices = dict[str, tuple[Evidence, Evidence]]


def _voices(accounts: Iterable[Account]) -> dict[str, _Voices]:
    out: dict[str, _Voices] = defaultdict(dict)
    for acc in accounts:
        denials, affirmations = out[acc.allegation].setdefault(acc.voice, ({}, {}))
        (denials if acc.stance is Stance.DENIES else affirmations)[acc.statement] = acc.stated_on
    return out


def _contradictions(old: Sequence[Account], new: Sequence[Account]) -> Changes:
    """CONTRADICTS changes: for each allegation, only the voice pairs whose statements changed."""
    changes: Changes = defaultdict(Change)
    before, after = _voices(old), _voices(new)
    empty: tuple[Evidence, Evidence] = ({}, {})
    for allegation in before.keys() | after.keys():
        b, a = before.get(allegation, {}), after.get(allegation, {})
        voices = b.keys() | a.keys()
        changed_d = {v for v in voices if b.get(v, empty)[0] != a.get(v, empty)[0]}
        changed_f = {v for v in voices if b.get(v, empty)[1] != a.get(v, empty)[1]}
        if not changed_d and not changed_f:
            continue
        deniers = {v for v in voices if b.get(v, empty)[0] or a.get(v, empty)[0]}
        affirmers = {v for v in voices if b.get(v, empty)[1] or a.get(v, empty)[1]}
        pairs = {(d, f) for d in changed_d for f in affirmers} | {(d, f) for d in deniers for f in changed_f}
        for d, f in pairs:
            if d == f:
                continue
            old_set = _pair_evidence(b.get(d, empty)[0], b.get(f, empty)[1])
            new_set = _pair_evidence(a.get(d, empty)[0], a.get(f, empty)[1])
            change = _diff(old_set, new_set)
            if change:  # the same voice pair may contradict on other allegations too: add up
                merged = changes[(RelationType.CONTRADICTS, d, f)]
                merged.removed.update(change.removed)
                merged.added.update(change.added)
    return changes


def _pair_evidence(denials: Evidence, affirmations: Evidence) -> Evidence:
    """A voice pair's CONTRADICTS evidence on one allegation: both sides' statements, or none."""
    return {**denials, **affirmations} if denials and affirmations else {}


def _diff(old: Evidence, new: Evidence) -> Change:
    removed = {s: d for s, d in old.items() if s not in new or new[s] != d}
    added = {s: d for s, d in new.items() if s not in old or old[s] != d}
    return Change(removed, added)


def relation_changes(old: Sequence[Account], new: Sequence[Account], links_old: Links, links_new: Links) -> Changes:
    """How the derived relationships change when ``old`` accounts become ``new`` (and links change).

    ``old`` and ``new`` hold every account of the allegations concerned (all of them, before and
    after), so CONTRADICTS can be decided per allegation; accounts of other allegations are not needed.

    >>> from actorgraph.model.vocabulary import Predicate
    >>> kremlin = Account("al", Predicate.CONTROLLED_BY, "legion", "hur", False, "s1", Stance.AFFIRMS, None,
    ...                   "kremlin", None)
    >>> hur = Account("al", Predicate.CONTROLLED_BY, "legion", "hur", False, "s2", Stance.DENIES, None, "hur", None)
    >>> changes = relation_changes([kremlin], [kremlin, hur], set(), set())
    >>> sorted((k[0].value, k[1], k[2], sorted(c.added)) for k, c in changes.items())
    [('CONTRADICTS', 'hur', 'kremlin', ['s1', 's2'])]
    """
    old, new = current(old), current(new)  # per allegation: a retraction moves evidence like any change
    changes = _per_account(old, new, links_old, links_new)
    for key, change in _contradictions(old, new).items():
        merged = changes[key]
        merged.removed.update(change.removed)
        merged.added.update(change.added)
    return {k: c for k, c in changes.items() if c}


def apply_changes(relations: Relations, changes: Changes) -> dict[RelationKey, Evidence]:
    """``relations`` (as derived) with ``changes`` applied, as evidence per key; for checking, not storing.

    >>> apply_changes({}, {(RelationType.ACCUSES, "k", "l"): Change({}, {"s1": None})})
    {(<RelationType.ACCUSES: 'ACCUSES'>, 'k', 'l'): {'s1': None}}
    """
    out: dict[RelationKey, Evidence] = {}
    for rel_type, pairs in relations.items():
        for (src, tgt), rel in pairs.items():
            dates = dict.fromkeys(rel.statements)
            out[(rel_type, src, tgt)] = dates
    for key, change in changes.items():
        current = out.setdefault(key, {})
        for sid in change.removed:
            current.pop(sid, None)
        current.update(dict.fromkeys(change.added))
        if not current:
            del out[key]
    return out


def structural_pairs(accounts: Iterable[Account]) -> set[frozenset[str]]:
    """The actor pairs the affirmed structural accounts among ``accounts`` bind into one side."""
    return {
        frozenset((a.subject, a.object))
        for a in accounts
        if a.predicate in STRUCTURAL_PREDICATES and a.stance is Stance.AFFIRMS and not a.object_is_event
    }


def side_pairs(accounts: Iterable[Account]) -> set[frozenset[str]]:
    """The (voice or speaker, subject) pairs whose link decides whether an account is on its own side."""
    return {frozenset((who, a.subject)) for a in accounts for who in (a.voice, a.speaker) if who != a.subject}


__all__ = [
    "Change",
    "Changes",
    "Evidence",
    "RelationKey",
    "apply_changes",
    "relation_changes",
    "side_pairs",
    "structural_pairs",
]
