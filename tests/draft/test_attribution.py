"""The patterns of news copy, one short text each: who is the speaker, which words, which stance."""

from __future__ import annotations

from actorgraph.draft import draft_text
from actorgraph.draft.candidates import Draft, StatementCandidate
from actorgraph.draft.language import Analyzer, split_sentences
from actorgraph.model.vocabulary import Predicate, Stance


def _one(draft: Draft, words: str) -> StatementCandidate:
    hits = [s for s in draft.statements if words in draft.text[s.quote.start : s.quote.end]]
    assert hits, f"no statement quotes {words!r}: {[draft.text[s.quote.start : s.quote.end] for s in draft.statements]}"
    return hits[0]


def test_direct_quote_with_a_pronoun_after_it(analyzer: Analyzer) -> None:
    text = (
        "Ukrainian President Volodymyr Zelensky spoke in Helsinki. "
        '"We don\'t attack Putin or Moscow. We fight on our territory," he said.'
    )
    s = _one(draft_text(text, analyzer=analyzer, source_id="t"), "We don't attack")
    assert s.speaker == "volodymyr-zelensky"  # not Putin, although he is the last person named before "he"
    assert s.stance is Stance.DENIES
    assert text[s.quote.start : s.quote.end] == "We don't attack Putin or Moscow. We fight on our territory"


def test_according_to_and_a_denial_that_answers_the_accusation(analyzer: Analyzer) -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov blamed the United States for the drone attack. "
        "According to John Kirby, the United States was not involved in the attack in any way."
    )
    draft = draft_text(text, analyzer=analyzer, source_id="t")
    accusation = _one(draft, "blamed the United States")
    denial = _one(draft, "was not involved")
    assert (accusation.speaker, accusation.stance) == ("dmitry-peskov", Stance.AFFIRMS)
    assert accusation.on_behalf_of == "kremlin"
    assert (denial.speaker, denial.stance) == ("john-kirby", Stance.DENIES)
    assert (denial.subject, denial.predicate, denial.object) == (
        accusation.subject,
        accusation.predicate,
        accusation.object,
    )


def test_dismissed_as_is_an_accusation_but_dismissed_the_claim_is_a_denial(analyzer: Analyzer) -> None:
    text = (
        "The Freedom of Russia Legion and the Siberian Battalion crossed the border. "
        "Moscow has dismissed these groups as proxies of the Ukrainian military. "
        "The Ukrainian military dismissed the claim that the groups were its proxies."
    )
    draft = draft_text(text, analyzer=analyzer, source_id="t")
    accusations = [s for s in draft.statements if s.speaker == "moscow"]
    assert {s.subject for s in accusations} == {"freedom-of-russia-legion", "siberian-battalion"}
    assert {(s.predicate, s.stance) for s in accusations} == {(Predicate.CONTROLLED_BY, Stance.AFFIRMS)}
    denial = _one(draft, "dismissed the claim")
    assert (denial.speaker, denial.stance) == ("ukrainian-military", Stance.DENIES)


def test_a_claim_announced_on_telegram_is_the_speakers_own(analyzer: Analyzer) -> None:
    text = (
        "Two armed factions launched a raid into the Belgorod region on Tuesday, as announced on their "
        "Telegram channels. The Freedom of Russia Legion and the Russian Volunteer Corps named no losses."
    )
    draft = draft_text(text, analyzer=analyzer, source_id="t")
    claims = [s for s in draft.statements if s.predicate is Predicate.CARRIED_OUT]
    assert {(s.speaker, s.subject) for s in claims} == {
        ("freedom-of-russia-legion", "freedom-of-russia-legion"),
        ("russian-volunteer-corps", "russian-volunteer-corps"),
    }
    assert {s.medium for s in claims} == {"Telegram"}


def test_background_with_no_speech_is_not_drafted(analyzer: Analyzer) -> None:
    text = "The timing of this incursion is noteworthy. Footage showed smoke over the border town."
    assert draft_text(text, analyzer=analyzer, source_id="t").statements == []


def test_sentences_never_split_inside_a_quote_or_after_mr() -> None:
    text = '"We fight. We win," he said. Mr. Peskov disagreed.\n\nHeading\nNext line.'
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        '"We fight. We win," he said.',
        "Mr. Peskov disagreed.",
        "Heading",
        "Next line.",
    ]
