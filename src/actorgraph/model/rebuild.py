"""The derivation rules over a whole corpus at once, in arrays: for a bulk import of millions of statements.

Pure. :mod:`actorgraph.model.derivation` states the rules on :class:`~actorgraph.model.derivation.Account`
objects; a million of them (and the relationships they give: at the benchmark's skew, nine million
CONTRADICTS pairs for a million statements) do not fit the memory a bulk import may use. This module
applies the same rules to integer arrays (one entry per statement: allegation, voice, speaker,
stance, date; and which actors are reporting voices) and yields each derived relationship once, with
its statements sorted, so the caller can stream them to a file. A test checks it against
``derive_relations`` / ``derive_statuses``.

CONTRADICTS is computed per allegation as (denying voice, affirming voice, allegation) triples,
sorted by voice pair; a pair's statements are the denials of the one plus the affirmations of the
other on each of its allegations, which are disjoint, so they are concatenated, never deduplicated.
"""

from __future__ import annotations

import datetime as dt
import itertools
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from actorgraph.model.status import Position, derive_status
from actorgraph.model.vocabulary import (
    ACCUSATION_PREDICATES,
    RELATION_PREDICATES,
    RESPONSIBILITY_PREDICATES,
    STRUCTURAL_PREDICATES,
    Predicate,
    RelationType,
    Stance,
)

Ints = npt.NDArray[np.int64]
PREDICATE_LIST: list[Predicate] = list(Predicate)
PREDICATE_CODE: dict[Predicate, int] = {p: i for i, p in enumerate(PREDICATE_LIST)}
_NO_DATE = 0


@dataclass
class Corpus:
    """A corpus as arrays: actors and events by index, allegations and statements by index.

    Events are indexed after the actors (``actors + i``), so a target is one integer either way.
    """

    actors: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    # per allegation
    subject: list[int] = field(default_factory=list)
    object: list[int] = field(default_factory=list)
    predicate: list[int] = field(default_factory=list)
    #: the actor indices that are reporting voices (kind MEDIA): their affirmed accusations are REPORTS
    reporters: list[int] = field(default_factory=list)
    # per statement, as machine integers (a Python list of a million ints costs 36 MB per field)
    statement_ids: list[str] = field(default_factory=list)
    allegation: array[int] = field(default_factory=lambda: array("q"))
    voice: array[int] = field(default_factory=lambda: array("q"))
    speaker: array[int] = field(default_factory=lambda: array("q"))
    denies: array[int] = field(default_factory=lambda: array("b"))
    #: proleptic ordinal of the date, 0 when undated
    date: array[int] = field(default_factory=lambda: array("q"))
    #: source ids by index, for :attr:`origin`
    sources: list[str] = field(default_factory=list)
    #: per statement, the index of its origin (root of its chain of custody, ``model/custody.py``), -1 when
    #: unknown; empty when no statement has one (then each is its own origin, as without chains)
    origin: array[int] = field(default_factory=lambda: array("q"))
    #: per statement, 1 when it is a copy (its chain of custody has a step), beside :attr:`origin`
    copied: array[int] = field(default_factory=lambda: array("b"))

    def add_statement(
        self, sid: str, allegation: int, voice: int, speaker: int, stance: Stance, stated_on: dt.date | None
    ) -> None:
        self.statement_ids.append(sid)
        self.allegation.append(allegation)
        self.voice.append(voice)
        self.speaker.append(speaker)
        self.denies.append(1 if stance is Stance.DENIES else 0)
        self.date.append(stated_on.toordinal() if stated_on else _NO_DATE)

    def name(self, index: int) -> str:
        """The id of an actor or event index."""
        n = len(self.actors)
        return self.actors[index] if index < n else self.events[index - n]


@dataclass(frozen=True)
class Derived:
    """One derived relationship: type, source and target ids, its statements sorted, its date range."""

    type: RelationType
    source: str
    target: str
    target_is_event: bool
    statements: list[str]
    first_stated: dt.date | None
    last_stated: dt.date | None


def _codes(predicates: frozenset[Predicate]) -> Ints:
    return np.array(sorted(PREDICATE_CODE[p] for p in predicates), dtype=np.int64)


class Rebuild:
    """Statuses and derived relationships of a :class:`Corpus`, computed once from its arrays."""

    def __init__(self, corpus: Corpus) -> None:
        self.c = corpus
        n_actors = len(corpus.actors)
        self.n_actors = n_actors
        self.alleg = np.asarray(corpus.allegation, dtype=np.int64)
        self.voice = np.asarray(corpus.voice, dtype=np.int64)
        self.speaker = np.asarray(corpus.speaker, dtype=np.int64)
        self.denies = np.asarray(corpus.denies, dtype=bool)
        self.date = np.asarray(corpus.date, dtype=np.int64)
        self.ids = corpus.statement_ids
        has_origins = len(corpus.origin) == len(corpus.statement_ids) > 0
        self.origin = np.asarray(corpus.origin if has_origins else [], dtype=np.int64)
        self.copied = np.asarray(corpus.copied if has_origins else [], dtype=bool)
        gone = self._superseded()
        if gone.any():  # retracted statements count for nothing (model/timeline.py): drop them here
            keep = ~gone
            self.alleg, self.voice, self.speaker = self.alleg[keep], self.voice[keep], self.speaker[keep]
            self.denies, self.date = self.denies[keep], self.date[keep]
            if has_origins:
                self.origin, self.copied = self.origin[keep], self.copied[keep]
            self.ids = [corpus.statement_ids[k] for k in np.nonzero(keep)[0].tolist()]
        subject = np.asarray(corpus.subject, dtype=np.int64)
        obj = np.asarray(corpus.object, dtype=np.int64)
        pred = np.asarray(corpus.predicate, dtype=np.int64)
        self.subj = subject[self.alleg]
        self.obj = obj[self.alleg]
        self.pred = pred[self.alleg]
        self.obj_is_event = self.obj >= n_actors
        self.own = self._own_side()
        self.reporter = np.isin(self.voice, np.asarray(corpus.reporters, dtype=np.int64))

    # --- retractions -----------------------------------------------------------------------------

    def _superseded(self) -> npt.NDArray[np.bool_]:
        """Per statement: retracted by its voice (``model.timeline.superseded``, in arrays).

        Per (allegation, voice): when the statements of its latest dated day all take one stance, its
        earlier dated statements of the other stance are superseded; undated ones never are.
        """
        n = len(self.alleg)
        dated = self.date != _NO_DATE
        if n == 0 or not dated.any():
            return np.zeros(n, dtype=bool)
        _, group = np.unique(np.stack([self.alleg, self.voice]), axis=1, return_inverse=True)
        group = group.reshape(-1)
        groups = int(group.max()) + 1
        latest = np.zeros(groups, dtype=np.int64)
        np.maximum.at(latest, group[dated], self.date[dated])
        at_latest = dated & (self.date == latest[group])
        denials = np.zeros(groups, dtype=np.int64)
        affirmations = np.zeros(groups, dtype=np.int64)
        np.add.at(denials, group[at_latest & self.denies], 1)
        np.add.at(affirmations, group[at_latest & ~self.denies], 1)
        now_denies = (denials > 0) & (affirmations == 0)
        now_affirms = (affirmations > 0) & (denials == 0)
        gone: npt.NDArray[np.bool_] = dated & ((now_denies[group] & ~self.denies) | (now_affirms[group] & self.denies))
        return gone

    # --- own side -------------------------------------------------------------------------------

    def _pair_keys(self, a: Ints, b: Ints) -> Ints:
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        return lo * (self.n_actors + 1) + hi

    def links(self) -> Ints:
        """Order-free actor pairs (as keys) bound by an affirmed structural allegation, sorted."""
        structural = np.isin(self.pred, _codes(STRUCTURAL_PREDICATES)) & ~self.denies & ~self.obj_is_event
        return np.unique(self._pair_keys(self.subj[structural], self.obj[structural]))

    def _own_side(self) -> npt.NDArray[np.bool_]:
        links = self.links()
        own: npt.NDArray[np.bool_] = (self.voice == self.subj) | (self.speaker == self.subj)
        for who in (self.voice, self.speaker):
            own |= np.isin(self._pair_keys(who, self.subj), links)
        return own

    # --- statuses --------------------------------------------------------------------------------

    def statuses(self) -> dict[int, str | None]:
        """Status per allegation index (allegations without statements are absent).

        Voices are named by their actor ids, as the store's accounts name them: the rule takes voices
        in order of id, and with chains of custody which voice is counted first can matter.
        """
        order = np.argsort(self.alleg, kind="stable")
        alleg = self.alleg[order].tolist()
        voice = self.voice[order].tolist()
        denies = self.denies[order].tolist()
        own = self.own[order].tolist()
        sources, actors = self.c.sources, self.c.actors
        n = len(alleg)
        origin: list[str | None] = [None] * n
        copied: list[bool] = [False] * n
        if len(self.origin):
            origin = [sources[o] if o >= 0 else None for o in self.origin[order].tolist()]
            copied = self.copied[order].tolist()
        out: dict[int, str | None] = {}
        start = 0
        for i in range(1, n + 1):
            if i == n or alleg[i] != alleg[start]:
                positions = [
                    Position(actors[voice[k]], Stance.DENIES if denies[k] else Stance.AFFIRMS, own[k], origin[k],
                             copied[k])
                    for k in range(start, i)
                ]  # fmt: skip
                status = derive_status(positions)
                out[alleg[start]] = status.value if status else None
                start = i
        return out

    # --- relationships ---------------------------------------------------------------------------

    def relations(self) -> Iterator[Derived]:
        """Every derived relationship once, per-account types first, then CONTRADICTS."""
        yield from self._per_account()
        yield from self._contradictions()

    def _per_account(self) -> Iterator[Derived]:
        affirms = ~self.denies
        parts: list[tuple[Ints, Ints, Ints, Ints]] = []  # (type code, source, target, statement)

        def add(mask: npt.NDArray[np.bool_], code: Ints | int, source: Ints, target: Ints) -> None:
            idx = np.nonzero(mask)[0]
            codes = code[idx] if isinstance(code, np.ndarray) else np.full(len(idx), code, dtype=np.int64)
            parts.append((codes, source[idx], target[idx], idx))

        types = list(RelationType)
        code = {t: i for i, t in enumerate(types)}
        accusation = affirms & np.isin(self.pred, _codes(ACCUSATION_PREDICATES)) & ~self.own
        add(accusation & ~self.reporter, code[RelationType.ACCUSES], self.voice, self.subj)
        add(accusation & self.reporter, code[RelationType.REPORTS], self.voice, self.subj)
        claims = affirms & np.isin(self.pred, _codes(RESPONSIBILITY_PREDICATES)) & self.own & self.obj_is_event
        add(claims, code[RelationType.CLAIMS_RESPONSIBILITY], self.voice, self.obj)
        named = affirms & np.isin(self.pred, _codes(RELATION_PREDICATES)) & ~self.obj_is_event
        by_predicate = np.array(
            [code.get(RelationType(p.value), -1) if p in RELATION_PREDICATES else -1 for p in PREDICATE_LIST],
            dtype=np.int64,
        )
        add(named, by_predicate[self.pred], self.subj, self.obj)
        add(self.denies & self.own, code[RelationType.DENIES_INVOLVEMENT], self.voice, self.obj)
        if not parts:
            return
        t, s, o, st = (np.concatenate([p[i] for p in parts]) for i in range(4))
        order = np.lexsort((st, o, s, t))
        t, s, o, st = t[order].tolist(), s[order].tolist(), o[order].tolist(), st[order].tolist()
        ids, dates = self.ids, self.date
        start = 0
        for i in range(1, len(t) + 1):
            if i == len(t) or (t[i], s[i], o[i]) != (t[start], s[start], o[start]):
                members = st[start:i]
                yield self._derived(
                    types[t[start]], s[start], o[start], sorted(ids[k] for k in members), dates[members]
                )
                start = i

    def _derived(self, rel_type: RelationType, source: int, target: int, statements: list[str], dates: Ints) -> Derived:
        dated = dates[dates != _NO_DATE]
        first = dt.date.fromordinal(int(dated.min())) if len(dated) else None
        last = dt.date.fromordinal(int(dated.max())) if len(dated) else None
        return Derived(
            rel_type, self.c.name(source), self.c.name(target), target >= self.n_actors, statements, first, last
        )

    def _contradictions(self) -> Iterator[Derived]:
        # groups of statements with the same (allegation, voice, stance), in sorted order
        order = np.lexsort((self.denies, self.voice, self.alleg))
        alleg, voice, denies = self.alleg[order], self.voice[order], self.denies[order]
        n = len(order)
        if n == 0:
            return
        new_group = np.ones(n, dtype=bool)
        new_group[1:] = (alleg[1:] != alleg[:-1]) | (voice[1:] != voice[:-1]) | (denies[1:] != denies[:-1])
        starts = np.nonzero(new_group)[0]
        ends = np.append(starts[1:], n)
        g_alleg, g_voice, g_denies = alleg[starts], voice[starts], denies[starts]
        # per allegation: its denying groups x its affirming groups, different voices
        d_parts: list[Ints] = []
        f_parts: list[Ints] = []
        a_bounds = [*np.nonzero(np.append(True, g_alleg[1:] != g_alleg[:-1]))[0].tolist(), len(starts)]
        for a0, a1 in itertools.pairwise(a_bounds):
            groups = np.arange(a0, a1)
            den, aff = groups[g_denies[a0:a1]], groups[~g_denies[a0:a1]]
            if len(den) == 0 or len(aff) == 0:
                continue
            dd = np.repeat(den, len(aff)).astype(np.int32)
            ff = np.tile(aff, len(den)).astype(np.int32)
            keep = g_voice[dd] != g_voice[ff]
            d_parts.append(dd[keep])
            f_parts.append(ff[keep])
        if not d_parts:
            return
        dg, fg = np.concatenate(d_parts), np.concatenate(f_parts)
        del d_parts, f_parts
        voices = g_voice.astype(np.int32)
        pair_order = np.lexsort((fg, voices[fg], voices[dg]))
        dg, fg = dg[pair_order], fg[pair_order]
        del pair_order
        dv, fv = voices[dg], voices[fg]
        ids = self.ids
        sorted_ids = [ids[k] for k in order.tolist()]
        dates = self.date[order]
        undated_high = np.where(dates == _NO_DATE, np.iinfo(np.int64).max, dates)
        bounds = (np.minimum.reduceat(undated_high, starts).tolist(), np.maximum.reduceat(dates, starts).tolist())
        starts_l, ends_l = starts.tolist(), ends.tolist()
        step = 1 << 18
        carry: list[int] = []  # the (d, f) group being assembled may span two chunks
        carry_key: tuple[int, int] | None = None
        for c0 in range(0, len(dg), step):
            dgc, fgc = dg[c0 : c0 + step].tolist(), fg[c0 : c0 + step].tolist()
            dvc, fvc = dv[c0 : c0 + step].tolist(), fv[c0 : c0 + step].tolist()
            for j in range(len(dgc)):
                key = (dvc[j], fvc[j])
                if key != carry_key:
                    if carry_key is not None:
                        yield self._pair(carry_key, carry, starts_l, ends_l, sorted_ids, bounds)
                    carry_key, carry = key, []
                carry += (dgc[j], fgc[j])
        if carry_key is not None:
            yield self._pair(carry_key, carry, starts_l, ends_l, sorted_ids, bounds)

    def _pair(
        self,
        key: tuple[int, int],
        groups: Sequence[int],
        starts: list[int],
        ends: list[int],
        sorted_ids: list[str],
        bounds: tuple[list[int], list[int]],
    ) -> Derived:
        statements: list[str] = []
        lows, highs = bounds
        for g in groups:
            statements += sorted_ids[starts[g] : ends[g]]
        statements.sort()
        lo = min(lows[g] for g in groups)
        hi = max(highs[g] for g in groups)
        return Derived(
            RelationType.CONTRADICTS,
            self.c.name(key[0]),
            self.c.name(key[1]),
            False,
            statements,
            dt.date.fromordinal(lo) if hi != _NO_DATE else None,
            dt.date.fromordinal(hi) if hi != _NO_DATE else None,
        )


def as_rows(rebuild: Rebuild) -> tuple[dict[int, str | None], list[dict[str, Any]]]:
    """Statuses by allegation index and relationship rows as ``store.derived.expected`` gives them (tests)."""
    rows = [
        {"type": d.type.value, "source": d.source, "target": d.target, "statements": d.statements,
         "count": len(d.statements), "first_stated": d.first_stated, "last_stated": d.last_stated}
        for d in rebuild.relations()
    ]  # fmt: skip
    return rebuild.statuses(), rows


__all__ = ["PREDICATE_CODE", "Corpus", "Derived", "Rebuild", "as_rows"]
