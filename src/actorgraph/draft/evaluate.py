"""How good is a draft? Its statements against a hand-written dossier of the same article.

A gold statement is **found** when a draft statement's quote and the gold quote overlap by at least 80%
of the longer of the two (characters in common / max(len)), so neither a fragment nor a whole paragraph
counts. Of the found ones, the draft statement compared is the one with the right speaker (preferring the
right predicate, then the larger overlap), else the one with the largest overlap:

- **speaker accuracy**: its speaker is the gold speaker (same name or alias, ignoring case and accents; the
  article's own voice matches the gold dossier's author actor);
- **stance accuracy** and **predicate accuracy**: its stance / predicate equal the gold one;
- **precision**: the share of draft statements that find a gold statement with the same speaker (a draft full
  of noise costs the analyst time); **quote precision** asks only for the quote.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from actorgraph.draft.candidates import ActorCandidate, Draft, Span, StatementCandidate
from actorgraph.model.dossier import PreparedDossier
from actorgraph.model.ids import name_key

#: Overlap at which a drafted quote counts as the gold quote (the issue's definition).
MIN_OVERLAP = 0.8


@dataclass(frozen=True)
class Scores:
    gold_statements: int
    found: int
    speaker_ok: int
    stance_ok: int
    predicate_ok: int
    gold_quotes: int
    gold_quotes_found: int
    draft_statements: int
    draft_correct: int
    draft_quote_hits: int

    @property
    def quote_recall(self) -> float:
        return _ratio(self.found, self.gold_statements)

    @property
    def distinct_quote_recall(self) -> float:
        return _ratio(self.gold_quotes_found, self.gold_quotes)

    @property
    def speaker_accuracy(self) -> float:
        return _ratio(self.speaker_ok, self.found)

    @property
    def stance_accuracy(self) -> float:
        return _ratio(self.stance_ok, self.found)

    @property
    def predicate_accuracy(self) -> float:
        return _ratio(self.predicate_ok, self.found)

    @property
    def precision(self) -> float:
        return _ratio(self.draft_correct, self.draft_statements)

    @property
    def quote_precision(self) -> float:
        return _ratio(self.draft_quote_hits, self.draft_statements)

    def as_dict(self) -> dict[str, float | int]:
        rates = {name: round(getattr(self, name), 4) for name in RATES}
        return {**asdict(self), **rates}


#: The rates a score reports, in the order tables show them.
RATES = (
    "quote_recall",
    "distinct_quote_recall",
    "speaker_accuracy",
    "stance_accuracy",
    "predicate_accuracy",
    "precision",
    "quote_precision",
)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def overlap(a: Span, b: Span) -> float:
    """Characters in common over the longer span: 1.0 for the same span, below 0.8 for a half-match."""
    common = max(0, min(a.end, b.end) - max(a.start, b.start))
    longest = max(len(a), len(b))
    return common / longest if longest else 0.0


def evaluate(draft: Draft, gold: PreparedDossier, *, gold_voice: Iterable[str] = ()) -> Scores:
    """Score ``draft`` against ``gold``; ``gold_voice`` names the gold actor(s) standing for the article itself."""
    if gold.source_text != draft.text:
        raise ValueError("the draft and the gold dossier are not about the same text")
    voice = set(gold_voice)
    gold_keys = {a.id: {name_key(n) for n in (a.name, *a.aliases)} for a in gold.dossier.actors}
    draft_actors = {a.id: a for a in draft.actors}
    gold_alleg = {a.id: a for a in gold.dossier.allegations}

    def same_speaker(d: StatementCandidate, gold_speaker: str) -> bool:
        actor = draft_actors.get(d.speaker)
        if actor is None:
            return False
        if actor.is_voice or gold_speaker in voice:
            return actor.is_voice and gold_speaker in voice
        return bool(_keys(actor) & gold_keys.get(gold_speaker, set()))

    found = speaker_ok = stance_ok = predicate_ok = 0
    quotes_found: set[tuple[int, int]] = set()
    for g in gold.statements:
        gspan = Span(g.start, g.end)
        matches = [d for d in draft.statements if overlap(d.quote, gspan) >= MIN_OVERLAP]
        if not matches:
            continue
        found += 1
        quotes_found.add((g.start, g.end))
        predicate = gold_alleg[g.allegation].predicate
        right = [d for d in matches if same_speaker(d, g.speaker)]
        pool = right or matches
        best = max(pool, key=lambda d: (d.predicate is predicate, overlap(d.quote, gspan)))
        speaker_ok += bool(right)
        stance_ok += best.stance.value == g.stance
        predicate_ok += best.predicate is predicate
    correct = quote_hits = 0
    for d in draft.statements:
        hits = [g for g in gold.statements if overlap(d.quote, Span(g.start, g.end)) >= MIN_OVERLAP]
        quote_hits += bool(hits)
        correct += any(same_speaker(d, g.speaker) for g in hits)
    return Scores(
        gold_statements=len(gold.statements),
        found=found,
        speaker_ok=speaker_ok,
        stance_ok=stance_ok,
        predicate_ok=predicate_ok,
        gold_quotes=len({(g.start, g.end) for g in gold.statements}),
        gold_quotes_found=len(quotes_found),
        draft_statements=len(draft.statements),
        draft_correct=correct,
        draft_quote_hits=quote_hits,
    )


def _keys(actor: ActorCandidate) -> set[str]:
    return {name_key(n) for n in (actor.name, *actor.aliases)}
