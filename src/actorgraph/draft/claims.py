"""From attributed words to suggested statements: stance, predicate, subject and object, with the reason.

Rules, in the order they apply to one attributed stretch of text:

- **stance** is DENIES when the verb denies ("rejected the accusation") or the words carry a denial cue
  ("nothing to do with", "autonomously", "without ... involvement", "don't attack"), else AFFIRMS;
- **predicate** is the first :data:`~actorgraph.draft.lexicon.PREDICATE_CUES` entry the words match; words
  with no cue are not drafted (they are usually background, not an allegation);
- **subject** is the accused of an accusing verb, else the actor named before the cue, else the speaker
  (a claim about oneself: "we fight", "declaring their intention"); **object** is the actor named after the cue,
  or the article's main event for predicates about events;
- a **denial answers an accusation**: when an earlier accusation in the article was made against the denier's
  side (same actor or same country), the denial is drafted against that same allegation, so the two stay linked.

Whatever could not be read from the text is filled by a stated guess and listed under "decide" in the draft.
"""

from __future__ import annotations

import re
from collections import Counter

from actorgraph.draft import lexicon as lx
from actorgraph.draft.actors import MentionIndex, country_of, slugify
from actorgraph.draft.attribution import Attribution, SentenceReader, split_content
from actorgraph.draft.candidates import ActorCandidate, EventCandidate, Span, StatementCandidate
from actorgraph.model.vocabulary import (
    ACCUSATION_PREDICATES,
    ActorKind,
    EventKind,
    ObjectType,
    Predicate,
    Stance,
)

#: Predicates whose subject is the speaker when the words name nobody before the cue.
_SELF_PREDICATES = frozenset(
    {
        Predicate.THREATENED,
        Predicate.CRITICIZED,
        Predicate.WARNED,
        Predicate.PRAISED,
        Predicate.OPPOSES,
        Predicate.CARRIED_OUT,
        Predicate.SUPPORTS,
    }
)
#: Evaluations ("ridiculous", "lies", "praised"): the speaker is the one who evaluates, whatever is named before.
_EVALUATIONS = frozenset({Predicate.CRITICIZED, Predicate.PRAISED})
#: A name right before a cue is its grammatical subject ("Washington does not encourage ...").
_JUST_BEFORE = re.compile(r"^\s+(?:(?:does|do|did|will|would|has|have|had|is|was|not|never|n't)\s+){0,3}$")
_EVENT_PHRASE = re.compile(
    r"(?:\s+(?:into|on|in|against|at|over|near)\s+[^,.;]+?)(?=\s+this\b|\s+on\s+\w+day\b|,|\.|;|$)"
)
PLACEHOLDER = "decide-who"
#: Stands for "each speaker itself" among an allegation's subjects (a claim about oneself).
SELF = "\x00self"


class ClaimMaker:
    """Collects statement candidates for one article, in reading order."""

    def __init__(self, text: str, body_start: int, index: MentionIndex, reader: SentenceReader) -> None:
        self.text = text
        self.body_start = body_start
        self.index = index
        self.reader = reader
        self.actors: dict[str, ActorCandidate] = index.actors
        self.statements: list[StatementCandidate] = []
        self.event: EventCandidate | None = None

    # -- the main event -------------------------------------------------------------------------------------

    def main_event(self) -> str:
        """The article's event (created on first use from the first event noun of the body)."""
        if self.event is None:
            m = lx.EVENT_NOUN.search(self.text, self.body_start)
            if m is None:
                self.event = EventCandidate(
                    "the-event", "The event the article reports", EventKind.OTHER, "no event noun found"
                )
            else:
                noun = m.group(0).lower()
                if noun.startswith("drone"):
                    name, kind = "drone attack", EventKind.ATTACK
                    if self.text[m.end() : m.end() + 7].startswith(" attack"):
                        noun = "drone attack"
                else:
                    kind = next((k for n, k in lx.EVENT_NOUNS if noun.rstrip("s") == n or noun == n), EventKind.OTHER)
                    tail = _EVENT_PHRASE.match(self.text, m.end())
                    name = noun + (tail.group(0) if tail else "")
                self.event = EventCandidate(
                    slugify(name), name[0].upper() + name[1:], kind, f"first event noun of the article: {noun!r}"
                )
        return self.event.id

    # -- statements from attributions -----------------------------------------------------------------------

    def add(self, attr: Attribution) -> None:
        if attr.kind == "accusation":
            self._accusation(attr)
        elif attr.kind == "denial":
            self._denial(attr)
        else:
            for piece in split_content(self.text, attr.content):
                self._claim(attr, piece)

    def _accusation(self, attr: Attribution) -> None:
        text = self.text
        complement = attr.head
        words = text[complement.start : complement.end] if complement else ""
        cue = _first_cue(f"{attr.verb} {words}") if complement else _first_cue(attr.verb)
        if cue is None:
            return
        info = cue.predicate.info
        if info.object_type is ObjectType.EVENT:
            self._emit(attr, attr.speakers, attr.accused, cue, [(self.main_event(), attr.content)], "accusation")
            return
        objects: list[tuple[str, Span]] = []
        if complement is not None:
            at = cue.pattern.search(text, complement.start, complement.end)
            head_start = at.start() if at else complement.start
            mentions = [m for m in self.index.within(complement) if m.actor not in attr.accused]
            for k, m in enumerate(mentions):
                stop = re.search(r"\s+and\s+|,", text[m.span.end : complement.end])
                end = m.span.end + stop.start() if stop else complement.end
                start = attr.content.start if k == 0 else head_start
                if any(o == m.actor for o, _ in objects):
                    continue
                objects.append((m.actor, _trim(text, Span(start, end))))
        if not objects:
            objects = [(self._fallback_object(cue.predicate, attr.speakers[0], attr.content), attr.content)]
        self._emit(attr, attr.speakers, attr.accused, cue, objects, "accusation")

    def _denial(self, attr: Attribution) -> None:
        if attr.head is not None:
            cue = _first_cue(self.text[attr.head.start : attr.head.end])
            if cue is not None:
                subjects, objects = self._roles(attr, attr.head, cue)
                self._emit(
                    attr,
                    attr.speakers,
                    subjects,
                    cue,
                    [(o, attr.content) for o in objects],
                    "denial",
                    stance=Stance.DENIES,
                )
                return
        target = self._accusation_against(attr.speakers[0], None)
        if target is None:
            return
        cue = lx.PredicateCue(target.predicate, "denial of the accusation reported before", re.compile("$^"), 0.6)
        self._emit(
            attr, attr.speakers, [target.subject], cue, [(target.object, attr.content)], "denial", stance=Stance.DENIES
        )

    def _claim(self, attr: Attribution, piece: Span) -> None:
        words = self.text[piece.start : piece.end]
        cue = _first_cue(words) or (_first_cue(attr.verb) if attr.kind == "participle" else None)
        if cue is None:
            return
        denial = next((name for name, p in lx.DENIAL_CUES if p.search(words)), None)
        stance = Stance.DENIES if (attr.denial or denial) else Stance.AFFIRMS
        if attr.accused:
            subjects = attr.accused
            objects = self._objects_after(cue, piece, subjects) or [
                self._fallback_object(cue.predicate, attr.speakers[0], piece)
            ]
        else:
            subjects, objects = self._roles(attr, piece, cue)
        why = attr.kind + (f", denial cue {denial}" if denial else "")
        self._emit(attr, attr.speakers, subjects, cue, [(o, piece) for o in objects], why, stance=stance)

    # -- roles ----------------------------------------------------------------------------------------------

    def _roles(self, attr: Attribution, piece: Span, cue: lx.PredicateCue) -> tuple[list[str], list[str]]:
        text = self.text
        at = cue.pattern.search(text, piece.start, piece.end)
        cue_at = at.start() if at else piece.start
        but = re.search(r"\bnot in \w+ but in (\w+)", text[piece.start : piece.end])
        subjects: list[str] = []
        if but:
            pos = piece.start + but.start(1)
            subjects = [m.actor for m in self.index.within(Span(pos, pos + len(but.group(1))))]
        if not subjects and cue.predicate in _SELF_PREDICATES:
            before = [
                m for m in self.index.within(Span(piece.start, cue_at)) if _JUST_BEFORE.match(text[m.span.end : cue_at])
            ]
            subjects = [before[-1].actor] if before and cue.predicate not in _EVALUATIONS else [SELF]
        if not subjects:
            subjects = self.reader.actors_in(Span(piece.start, cue_at))
        if not subjects and cue.predicate not in _SELF_PREDICATES:
            subjects = [a for a in self.reader.actors_in(piece) if a not in attr.speakers][:2]
        if not subjects:
            subjects = self._demonym_actor(piece) if cue.predicate not in _SELF_PREDICATES else []
        if not subjects:
            subjects = [SELF] if cue.predicate in _SELF_PREDICATES else self._side_targets(attr.speakers[0])
        if not subjects:
            subjects = [PLACEHOLDER]
        if cue.predicate.info.object_type is ObjectType.EVENT:
            return subjects, [self.main_event()]
        objects = self._objects_after(cue, piece, subjects) or [
            self._fallback_object(cue.predicate, attr.speakers[0], piece, subjects)
        ]
        return subjects, objects

    def _objects_after(self, cue: lx.PredicateCue, piece: Span, subjects: list[str]) -> list[str]:
        if cue.predicate.info.object_type is ObjectType.EVENT:
            return [self.main_event()]
        at = cue.pattern.search(self.text, piece.start, piece.end)
        start = at.start() if at and cue.predicate not in _EVALUATIONS else piece.start
        found = [a for a in self.reader.actors_in(Span(start, piece.end)) if a not in subjects]
        return found[:1]

    def _fallback_object(
        self, predicate: Predicate, speaker: str, piece: Span, subjects: list[str] | None = None
    ) -> str:
        """An object the words do not name: the speaker's earlier target, a state named by its demonym, ..."""
        subjects = subjects or []
        earlier = self._same_side_statement(speaker, predicate)
        if earlier is not None and earlier.object not in subjects:
            return earlier.object
        if predicate in (Predicate.SUBVERTED, Predicate.ATTACKED):
            state = self._state_named(piece)
            if state:
                return state
        if predicate is Predicate.OPPOSES:
            governments = Counter(
                m.actor for m in self.index.mentions if self.actors[m.actor].kind is ActorKind.GOVERNMENT
            )
            if governments:
                return governments.most_common(1)[0][0]
        targets = [t for t in self._side_targets(speaker) if t not in subjects]
        return targets[0] if targets else PLACEHOLDER

    def _demonym_actor(self, piece: Span) -> list[str]:
        """ "Ukrainian involvement": the actor of that country already in the draft (else its state)."""
        code = None
        for word in re.findall(r"[A-Z][a-z]+", self.text[piece.start : piece.end]):
            code = country_of(word) if word not in ("The", "We") else None
            if code:
                break
        if code is None:
            return []
        used = [x for s in self.statements for x in (s.subject, s.object) if x in self.actors]
        for actor_id in used:
            if self.actors[actor_id].country == code and self.actors[actor_id].kind is not ActorKind.PERSON:
                return [actor_id]
        states = [a.id for a in self.actors.values() if a.kind is ActorKind.STATE and a.country == code]
        return states[:1]

    def _state_named(self, piece: Span) -> str | None:
        code = country_of(self.text[piece.start : piece.end])
        states = [a.id for a in self.actors.values() if a.kind is ActorKind.STATE and a.country == code]
        return states[0] if states else None

    # -- sides ----------------------------------------------------------------------------------------------

    def side(self, actor_id: str) -> set[str]:
        actor = self.actors.get(actor_id)
        if actor is None:
            return {actor_id}
        out = {actor_id}
        if actor.country:
            out.add(actor.country)
        if actor.speaks_for:
            out |= self.side(actor.speaks_for)
        return out

    def _same_side_statement(self, speaker: str, predicate: Predicate) -> StatementCandidate | None:
        side = self.side(speaker)
        for s in reversed(self.statements):
            if s.predicate is predicate and s.stance is Stance.AFFIRMS and self.side(s.speaker) & side:
                return s
        return None

    def _side_targets(self, speaker: str) -> list[str]:
        """Whom the speaker's side accused last (its most recent hostile allegation's subject)."""
        side = self.side(speaker)
        for s in reversed(self.statements):
            accusing = s.stance is Stance.AFFIRMS and s.predicate in ACCUSATION_PREDICATES
            if accusing and self.side(s.speaker) & side and s.subject not in side:
                return [s.subject]
        return []

    def _accusation_against(self, denier: str, predicate: Predicate | None) -> StatementCandidate | None:
        """The latest accusation in the article against the denier's side (same actor or same country)."""
        side = self.side(denier)
        best: StatementCandidate | None = None
        for s in reversed(self.statements):
            if s.stance is not Stance.AFFIRMS or s.predicate not in ACCUSATION_PREDICATES:
                continue
            # the denier may be the accused (subject) or the one said to be behind it (object)
            about = self.side(s.subject) | self.side(s.object)
            if about & side and not (self.side(s.speaker) & side) and not _self_claim(self, s):
                if predicate is None or s.predicate is predicate:
                    return s
                best = best or s
        return best

    # -- emitting -------------------------------------------------------------------------------------------

    def _emit(
        self,
        attr: Attribution,
        speakers: list[str],
        subjects: list[str],
        cue: lx.PredicateCue,
        objects: list[tuple[str, Span]],
        why: str,
        *,
        stance: Stance = Stance.AFFIRMS,
    ) -> None:
        for speaker in speakers:
            for subject in [speaker if x == SELF else x for x in subjects]:
                for obj, quote in objects:
                    if obj == subject:
                        continue
                    predicate, subj, o, linked = cue.predicate, subject, obj, ""
                    if stance is Stance.DENIES:
                        target = self._linked_accusation(speaker, subject, predicate, obj)
                        if target is not None:
                            predicate, subj, o = target.predicate, target.subject, target.object
                            linked = f"; answers {target.speaker}'s accusation quoted at {target.quote.start}"
                    decide = []
                    if PLACEHOLDER in (subj, o):
                        decide.append(f"who the allegation is about: replace {PLACEHOLDER!r} by an actor id")
                    confidence = cue.confidence * (0.8 if "read as" in attr.how else 1.0)
                    self.statements.append(
                        StatementCandidate(
                            speaker=speaker,
                            stance=stance,
                            quote=quote,
                            predicate=predicate,
                            subject=subj,
                            object=o,
                            confidence=round(confidence, 2),
                            comment=(
                                f"{why} via '{attr.verb}'; speaker {attr.how}; predicate from cue '{cue.name}'{linked}"
                            ),
                            medium=attr.medium,
                            on_behalf_of=self.actors[speaker].speaks_for if speaker in self.actors else None,
                            decide=decide,
                        )
                    )

    def _linked_accusation(
        self, speaker: str, subject: str, predicate: Predicate, obj: str
    ) -> StatementCandidate | None:
        side = self.side(subject) | (self.side(speaker) if subject == PLACEHOLDER else set())
        candidates = [
            s
            for s in self.statements
            if s.stance is Stance.AFFIRMS
            and s.predicate in ACCUSATION_PREDICATES
            and self.side(s.subject) & side
            and not self.side(s.speaker) & self.side(speaker)
            and not _self_claim(self, s)
        ]
        if not candidates:
            return None
        same = [s for s in candidates if s.predicate is predicate] or candidates
        pool = [s for s in same if s.subject == subject] or same
        home = self.side(speaker) - {speaker}
        friendly = [s for s in pool if self.side(s.object) & home]
        return (friendly or pool)[-1]


def _self_claim(maker: ClaimMaker, s: StatementCandidate) -> bool:
    """A claim about one's own side (a claim of responsibility) is no accusation to answer."""
    return bool(maker.side(s.speaker) & maker.side(s.subject))


def _first_cue(words: str) -> lx.PredicateCue | None:
    for cue in lx.PREDICATE_CUES:
        if cue.pattern.search(words):
            return cue
    return None


def _trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while end > start and text[end - 1] in " ,.;:":
        end -= 1
    return Span(start, end)
