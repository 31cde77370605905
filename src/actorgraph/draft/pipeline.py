"""One article in, one :class:`~actorgraph.draft.candidates.Draft` out: the steps in order, no I/O.

1. title and body (a first line without final punctuation is the headline and is not drafted);
2. linguistics (:mod:`~actorgraph.draft.language`): sentences, and with spaCy entities and subjects;
3. actor mentions merged into candidates, matched to known actors (:mod:`~actorgraph.draft.actors`);
4. the article's own voice (:mod:`~actorgraph.draft.voice`): who speaks for whom, first, so that a
   spokesperson's statements can name the institution they speak for;
5. attributions sentence by sentence (:mod:`~actorgraph.draft.attribution`) turned into statements
   (:mod:`~actorgraph.draft.claims`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence

from actorgraph.draft.actors import MentionIndex, country_of, find_mentions, merge_actors, slugify
from actorgraph.draft.attribution import SentenceReader
from actorgraph.draft.candidates import ActorCandidate, Draft, KnownActor, Span, StatementCandidate
from actorgraph.draft.claims import PLACEHOLDER, ClaimMaker
from actorgraph.draft.language import Analyzer
from actorgraph.draft.lexicon import TITLE_WORDS
from actorgraph.draft.voice import voice_claims
from actorgraph.model.vocabulary import ActorKind, Predicate, Stance

ROLE_WORD = re.compile(r"(?:spokes(?:man|woman|person)|president|minister|adviser|secretary|chairman|leader)", re.I)


def draft_text(
    text: str,
    *,
    analyzer: Analyzer,
    source_id: str,
    title: str | None = None,
    known: Sequence[KnownActor] = (),
) -> Draft:
    """Suggest the actors, events and statements of ``text`` (the full source text, kept verbatim)."""
    began = time.perf_counter()
    headline, body_start = split_headline(text)
    analysis = analyzer.analyze(text)
    mentions = find_mentions(text, analysis, known)
    actors = merge_actors(mentions, known)
    _countries_from_titles(text, mentions, actors)
    index = MentionIndex(mentions, actors)
    reader = SentenceReader(text, analysis, index)
    maker = ClaimMaker(text, body_start, index, reader)
    sentences = [s for s in analysis.sentences if s.start >= body_start and _is_sentence(text, s)]

    voice_id = f"{source_id}-author"[:120]
    voice: list[StatementCandidate] = []
    for sent in sentences:
        for claim in voice_claims(text, sent, index, None):
            if claim.predicate is Predicate.SPEAKS_FOR and actors[claim.subject].speaks_for is None:
                actors[claim.subject].speaks_for = claim.object
                # whom one speaks for says more about one's side than a nationality word nearby
                actors[claim.subject].country = actors[claim.object].country or actors[claim.subject].country
    for sent in sentences:
        for attr in reader.read(sent):
            maker.add(attr)
        for claim in voice_claims(text, sent, index, _event_if_needed(text, sent, maker)):
            voice.append(
                StatementCandidate(
                    speaker=voice_id,
                    stance=Stance.AFFIRMS,
                    quote=claim.quote,
                    predicate=claim.predicate,
                    subject=claim.subject,
                    object=claim.object,
                    confidence=claim.confidence,
                    comment=f"the article's own words ('{claim.cue}')",
                )
            )
    statements = _dedupe(sorted(maker.statements + voice, key=lambda s: (s.quote.start, s.quote.end)))
    used = {x for s in statements for x in (s.speaker, s.subject, s.object, s.on_behalf_of) if x}
    chosen = [a for a in actors.values() if a.id in used]
    if voice_id in used:
        chosen.append(
            ActorCandidate(
                voice_id,
                "Author of the article",
                ActorKind.MEDIA,
                is_voice=True,
                evidence="statements the article makes in its own voice",
            )
        )
    if PLACEHOLDER in used:
        chosen.append(ActorCandidate(PLACEHOLDER, "Decide who", ActorKind.UNKNOWN, evidence="a placeholder"))
    events = [maker.event] if maker.event is not None and maker.event.id in used else []
    return Draft(
        text=text,
        title=title or headline or _first_words(text),
        source_id=source_id,
        mode=analyzer.mode,
        actors=chosen,
        events=events,
        statements=statements,
        seconds=time.perf_counter() - began,
    )


def split_headline(text: str) -> tuple[str | None, int]:
    """The headline (a short first line with no final punctuation) and where the body starts."""
    first = re.match(r"\s*([^\n]{1,200})\n\s*\n", text)
    if first and not re.search(r"[.!?\"”]$", first.group(1).strip()):
        return first.group(1).strip(), first.end()
    return None, 0


def _is_sentence(text: str, span: Span) -> bool:
    """Headings ("Background and Motivation") end with no punctuation: nothing to draft there."""
    return bool(re.search(r"[.!?\"”]$", text[span.start : span.end]))


def _event_if_needed(text: str, sent: Span, maker: ClaimMaker) -> str | None:
    return (
        maker.main_event()
        if re.search(r"\b(?:involvement|participation|role) of\b", text[sent.start : sent.end])
        else None
    )


def _countries_from_titles(text: str, mentions: Sequence[object], actors: dict[str, ActorCandidate]) -> None:
    """A person's country from the words before the name ("Ukrainian President ...", "Kremlin spokesman ...")."""
    from actorgraph.draft.actors import Mention

    for m in mentions:
        assert isinstance(m, Mention)
        actor = actors[m.actor]
        if actor.kind is not ActorKind.PERSON or actor.country:
            continue
        words = text[max(0, m.span.start - 40) : m.span.start].split()[-3:]
        if not words or not (words[-1] in TITLE_WORDS or ROLE_WORD.fullmatch(words[-1])):
            continue  # only "Ukrainian President X", "Kremlin spokesman X": a title right before the name
        code = country_of(" ".join(words))
        if code:
            actor.country = code


def _dedupe(statements: list[StatementCandidate]) -> list[StatementCandidate]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for s in statements:
        key = (s.speaker, s.subject, s.predicate, s.object, s.stance, s.quote.start, s.quote.end)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _first_words(text: str) -> str:
    words = text.split()[:10]
    return " ".join(words) + (" ..." if len(text.split()) > 10 else "") if words else "Untitled article"


__all__ = ["draft_text", "slugify", "split_headline"]
