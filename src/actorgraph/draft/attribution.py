"""Who said it, and which words: attributions found in one sentence.

An :class:`Attribution` ties speakers to a stretch of text they are reported to have said. The patterns are
those of news copy, tried in this order (a stretch of text is attributed once):

1. direct quotes: ``"...," X said`` / ``"...," said X`` / ``X said: "..."``;
2. ``according to X, ...`` and ``..., according to X``;
3. speech verbs: ``X said (that) ...``, ``X accused Y of ...``, ``X dismissed Y as ...``, ``X denied ...``;
4. a claim made on a channel: ``X initiated ..., as announced on their Telegram channels``;
5. participles that add a further claim by the same speaker: ``..., accusing them of ...``, ``..., adding that ...``.

Speakers are the grammatical subject (spaCy's parse when installed, else the words before the verb without
appositives), with pronouns and descriptions resolved: "he" -> the last person named, "it" or "the statement"
-> the last speaker, "these groups" / "two armed factions" -> the armed groups named nearby.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from actorgraph.draft import lexicon as lx
from actorgraph.draft.actors import MentionIndex
from actorgraph.draft.candidates import Span
from actorgraph.draft.language import Analysis
from actorgraph.model.vocabulary import ActorKind

_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
_VERBS = "|".join(sorted(lx.SPEECH_VERBS, key=len, reverse=True))
#: Speech verbs in running text are lower case ("Secretary of State" is no verb).
_VERB = re.compile(rf"\b({_VERBS})\b")
_ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording to ([^,.;]+?)(?:,\s*|$)")
_ACCORDING_AFTER = re.compile(r",\s*according to ([^,.;]+)")
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|the statement|the (?:ministry|office|agency|service|group))$", re.I)
_GROUP_REF = re.compile(
    rf"\b(?:(two|three|four|both|these|the|those|such)\s+(?:[\w-]+\s+){{0,3}}?{lx.GROUP_NOUNS})\b", re.I
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "both": 2}
_CLAUSE_CUT = re.compile(
    r",\s+(?:and|but|while|whereas)\s|;\s|\s(?:that|which) (?:it|he|she|they) said\b|,\s*(?:which|who)\b|"
    + lx.PARTICIPLES.pattern
    + r"|,\s*adding\b",
    re.I,
)
_SPLIT_CONTENT = re.compile(
    r",\s+(?=without\b)|\s+and\s+(?:suggested|said|added|insisted|warned|claimed|stressed)\s+(?:that\s+)?", re.I
)
_APPOSITIVE = re.compile(r",\s*(?:[a-z]|an?\s|the\s)[^,]*,")
_ROLE = re.compile(rf"\b{lx.SPOKES_ROLES}\b|\b(?:president|minister|adviser|secretary|chairman)\b", re.I)


@dataclass
class Attribution:
    """Speakers, the words attributed to them, and how the attribution was recognised."""

    kind: str
    speakers: list[str]
    how: str
    content: Span
    verb: str
    medium: str | None = None
    #: for accusing verbs: who is accused ("accused Ukraine of ...")
    accused: list[str] = field(default_factory=list)
    #: for denying verbs ("rejected the accusation"): the verb itself is the denial
    denial: bool = False
    #: where the quote starts when it should include the subject ("Moscow has previously dismissed ...")
    quote_start: int | None = None
    #: the characterisation's head ("mere extensions of"), where a second coordinated object's quote starts
    head: Span | None = None


class SentenceReader:
    """Finds attributions sentence by sentence, remembering the last speaker for "it" and "the statement"."""

    def __init__(self, text: str, analysis: Analysis, index: MentionIndex) -> None:
        self.text = text
        self.analysis = analysis
        self.index = index
        self.last_speakers: list[str] = []

    # -- the sentence ---------------------------------------------------------------------------------------

    def read(self, sent: Span) -> list[Attribution]:
        text = self.text
        found: list[Attribution] = []
        taken: list[Span] = []
        quotes = [
            Span(sent.start + m.start(), sent.start + m.end()) for m in _QUOTED.finditer(text[sent.start : sent.end])
        ]
        for q in quotes:
            attr = self._direct(sent, q)
            if attr is not None:
                found.append(attr)
                taken.append(Span(q.start, sent.end))
        found += self._according(sent, taken)
        for m in _VERB.finditer(text, sent.start, sent.end):
            pos = m.start()
            if any(t.start <= pos < t.end for t in taken) or any(q.start < pos < q.end for q in quotes):
                continue
            if text[max(sent.start, pos - 2) : pos].endswith(", ") and m.group(1).lower().endswith("ing"):
                continue  # a participle: handled below with the main clause's speaker
            attr = self._speech_verb(sent, m, quotes)
            if attr is not None:
                found.append(attr)
                taken.append(Span(pos, attr.content.end))
        announced = lx.ANNOUNCED_AS.search(text, sent.start, sent.end)
        if announced and not any(t.start <= announced.start() < t.end for t in taken):
            attr = self._announced(sent, announced)
            if attr is not None:
                found.append(attr)
        found += self._participles(sent, found)
        for attr in found:
            if attr.speakers:
                self.last_speakers = attr.speakers
        return [a for a in found if a.speakers and len(a.content) > 0]

    # -- patterns -----------------------------------------------------------------------------------------

    def _direct(self, sent: Span, q: Span) -> Attribution | None:
        text = self.text
        after = text[q.end : sent.end]
        m = re.match(rf"\s*,?\s*(.*?)\s*\b({_VERBS})\b\s*(.*?)[.,]?$", after, re.S)
        if m is None or m.start(2) > 90:
            return None
        before_verb = Span(q.end + m.start(1), q.end + m.end(1))
        after_verb = Span(q.end + m.start(3), q.end + m.end(3))
        region = before_verb if len(before_verb) else after_verb
        # a pronoun after a quote points before the quote: "We don't attack Putin," he said -> not Putin
        speakers, how = self.speakers_in(region, q.end + m.start(2), resolve_at=q.start)
        content = _strip(text, Span(q.start + 1, q.end - 1))
        return Attribution("direct quote", speakers, how, content, m.group(2), medium=_medium(text, sent))

    def _according(self, sent: Span, taken: list[Span]) -> list[Attribution]:
        text = self.text
        out: list[Attribution] = []
        chunk = text[sent.start : sent.end]
        m = _ACCORDING_BEFORE.match(chunk.lstrip())
        if m:
            offset = sent.start + (len(chunk) - len(chunk.lstrip()))
            who = Span(offset + m.start(1), offset + m.end(1))
            speakers, how = self.speakers_in(who, who.end)
            content = _strip(text, Span(offset + m.end(), sent.end))
            out.append(Attribution("according to", speakers, how, content, "according to", _medium(text, sent)))
            taken.append(Span(sent.start, sent.end))
            return out
        m2 = _ACCORDING_AFTER.search(chunk)
        if m2:
            who = Span(sent.start + m2.start(1), sent.start + m2.end(1))
            speakers, how = self.speakers_in(who, who.end)
            content = _strip(text, Span(sent.start, sent.start + m2.start()))
            out.append(Attribution("according to", speakers, how, content, "according to", _medium(text, sent)))
            taken.append(Span(sent.start, sent.end))
        return out

    def _speech_verb(self, sent: Span, m: re.Match[str], quotes: list[Span]) -> Attribution | None:
        text = self.text
        verb = m.group(1).lower()
        region = self.subject_region(sent, m.start())
        speakers, how = self.speakers_in(region, m.start())
        if not speakers:
            return None
        end = self.clause_end(m.end(), sent.end)
        rest = Span(m.end(), end)
        rest_text = text[rest.start : rest.end]
        short_subject = self._short_subject(region)
        if verb in lx.DENIAL_VERBS or (
            verb in lx.ACCUSING_VERBS and re.match(rf"\s+(?:[\w’']+\s+){{0,2}}{lx.CLAIM_NOUNS}\b", rest_text, re.I)
        ):
            that = re.search(r"\bthat\s+", rest_text)
            start = short_subject if short_subject is not None else m.start()
            attr = Attribution(
                "denial", speakers, how, _strip(text, Span(start, end)), verb, _medium(text, sent), denial=True
            )
            if that:
                attr.head = Span(rest.start + that.end(), end)  # the denied proposition
            return attr
        if verb in lx.ACCUSING_VERBS:
            inside = self.index.within(rest)
            mark = next(
                (
                    x
                    for x in re.finditer(r"\s(?:of|as|for|over)\s", rest_text)
                    if not any(m.span.start <= rest.start + x.start() < m.span.end for m in inside)
                ),
                None,
            )  # "accused the Freedom of Russia Legion of ...": the "of" inside a name is no mark
            obj = Span(rest.start, rest.start + mark.start() if mark else end)
            accused = self.actors_in(obj)
            if not accused:
                return None
            start = short_subject if short_subject is not None else m.start()
            head = Span(rest.start + mark.end(), end) if mark else None
            return Attribution(
                "accusation",
                speakers,
                how,
                _strip(text, Span(start, end)),
                verb,
                _medium(text, sent),
                accused=accused,
                head=head,
            )
        content = rest
        content_text = rest_text
        lead = re.match(r"\s*(?:reporters|journalists|the \w+|\w+ that|that)?\s*(?:that\s+)?", content_text)
        if verb in ("told", "tell", "tells") and lead:
            content = Span(rest.start + lead.end(), end)
        else:
            lead2 = re.match(r"\s*(?:on \w+\s+)?(?:that\s+)?", content_text)
            content = Span(rest.start + (lead2.end() if lead2 else 0), end)
        inner = [q for q in quotes if content.start <= q.start and q.end <= content.end + 2]
        if inner:
            q = inner[0]
            inner_span = _strip(text, Span(q.start + 1, q.end - 1))
            if len(inner_span) >= 0.6 * len(content):
                content = inner_span
        content = _strip(text, content)
        if len(content) < 8:
            return None
        return Attribution("reported speech", speakers, how, content, verb, _medium(text, sent))

    def _announced(self, sent: Span, m: re.Match[str]) -> Attribution | None:
        text = self.text
        cue = next((c for c in lx.PREDICATE_CUES if c.pattern.search(text, sent.start, m.start())), None)
        verb_at = cue.pattern.search(text, sent.start, m.start()) if cue else None
        start = verb_at.start() if verb_at else sent.start
        speakers, how = self.speakers_in(Span(sent.start, start), start)
        if not speakers:
            return None
        content = _strip(text, Span(start, m.end()))
        return Attribution("claim on a channel", speakers, how, content, m.group(0).strip(" ,"), _medium(text, sent))

    def _participles(self, sent: Span, found: list[Attribution]) -> list[Attribution]:
        text = self.text
        out: list[Attribution] = []
        for m in re.finditer(lx.PARTICIPLES.pattern + r"|,\s*(adding)\b", text[sent.start : sent.end], re.I):
            pos = sent.start + m.start()
            verb = (m.group(1) or m.group(2)).lower()
            main = [a for a in found if a.content.start <= pos or a.kind == "direct quote"]
            if main:
                speakers, how = main[0].speakers, main[0].how + ", continued"
            else:
                speakers, how = self.speakers_in(self.subject_region(sent, pos), pos)
            if not speakers:
                continue
            word_at = pos + m.group(0).lower().index(verb)
            end = self.clause_end(word_at + len(verb), sent.end)
            after = text[word_at + len(verb) : end]
            that = re.match(r"\s+that\s+", after)
            start = word_at + len(verb) + that.end() if that else word_at
            content = _strip(text, Span(start, end))
            accused: list[str] = []
            if verb in ("accusing", "blaming"):
                target = re.match(r"\s+(\w+)", after)
                if target and target.group(1).lower() in ("them", "him", "her", "it"):
                    accused = next((a.accused for a in found if a.accused), [])
            out.append(
                Attribution(
                    "participle",
                    speakers,
                    how,
                    content,
                    verb,
                    _medium(text, sent),
                    accused=accused,
                    denial=verb in ("denying",),
                )
            )
        return out

    # -- helpers ------------------------------------------------------------------------------------------

    def clause_end(self, start: int, limit: int) -> int:
        cut = _CLAUSE_CUT.search(self.text, start, limit)
        return cut.start() if cut else limit

    def subject_region(self, sent: Span, verb_at: int) -> Span:
        """The words before a verb that name its subject: spaCy's subject when parsed, else the clause start."""
        for span in self.analysis.subjects.get(verb_at, []):
            if span.start >= sent.start:
                return Span(span.start, max(s.end for s in self.analysis.subjects[verb_at]))
        text = self.text
        chunk = text[sent.start : verb_at]
        masked = _APPOSITIVE.sub(lambda m: " " * len(m.group(0)), chunk)
        cut = max(masked.rfind(", "), masked.rfind("; "), masked.rfind('" '), masked.rfind("” "))
        start = sent.start + (cut + 2 if cut >= 0 else 0)
        aux = re.search(
            r"\b(?:has|have|had|is|are|was|were|will|would|can|could|\w+ed)\b", masked[start - sent.start :]
        )
        end = start + aux.start() if aux and start + aux.start() < verb_at else verb_at
        return Span(start, end)

    def speakers_in(self, region: Span, verb_at: int, resolve_at: int | None = None) -> tuple[list[str], str]:
        """Actor ids named in ``region`` (a subject), with pronouns and group descriptions resolved."""
        text = self.text
        words = text[region.start : region.end].strip(" ,")
        group = _GROUP_REF.search(words)
        if group:
            want = _NUMBERS.get(group.group(1).lower(), 0)
            ids = self.index.groups_near(region.start if want else verb_at, want)
            if ids:
                return ids, f"'{group.group(0)}' read as the armed groups named nearby"
        masked = _APPOSITIVE.sub(lambda m: " " * len(m.group(0)), text[region.start : region.end])
        mentions = [
            m
            for m in self.index.within(region)
            if masked[m.span.start - region.start : m.span.end - region.start].strip()
        ]
        if mentions:
            joined = all(
                re.fullmatch(
                    r"\s*(?:,\s*)?(?:and|along with|as well as)\s+(?:the\s+)?", text[a.span.end : b.span.start]
                )
                for a, b in itertools.pairwise(mentions)
            )
            chosen = mentions if joined else mentions[-1:]
            ids = list(dict.fromkeys(m.actor for m in chosen))
            return ids, "named as the subject"
        tail = re.sub(r"^.*\b(he|she|they|it|we|the statement|the \w+)\s*$", r"\1", words, flags=re.I | re.S)
        if _PRONOUN.match(tail):
            return self._resolve_pronoun(tail.lower(), region.start if resolve_at is None else resolve_at)
        return [], ""

    def _resolve_pronoun(self, word: str, pos: int) -> tuple[list[str], str]:
        actors = self.index.actors
        if word in ("he", "she"):
            found = self.index.last_before(pos, lambda a: a.kind is ActorKind.PERSON)
            return ([found], f"'{word}' read as the last person named") if found else ([], "")
        if word == "they":
            groups = self.index.groups_near(pos)
            if groups:
                return groups, "'they' read as the armed groups named before"
        if self.last_speakers:
            return self.last_speakers, f"'{word}' read as the previous speaker"
        found = self.index.last_before(pos, lambda a: a.kind is not ActorKind.PERSON)
        return ([found], f"'{word}' read as the last organisation named") if found and found in actors else ([], "")

    def actors_in(self, span: Span) -> list[str]:
        """Actors named in ``span``, with group descriptions ("these groups") resolved."""
        text = self.text
        group = _GROUP_REF.search(text, span.start, span.end)
        if group:
            ids = self.index.groups_near(group.start(), _NUMBERS.get(group.group(1).lower(), 0))
            if ids:
                return ids
        return list(dict.fromkeys(m.actor for m in self.index.within(span)))

    def _short_subject(self, region: Span) -> int | None:
        """Where the quote starts when the subject is one plain name ("Moscow", "the White House")."""
        mentions = self.index.within(region)
        words = self.text[region.start : region.end]
        if len(mentions) != 1 or _ROLE.search(words) or "," in words:
            return None
        the = re.search(r"\b[Tt]he\s+$", self.text[max(0, mentions[0].span.start - 4) : mentions[0].span.start])
        return mentions[0].span.start - (len(the.group(0)) if the else 0)


def split_content(text: str, content: Span) -> list[Span]:
    """A content with two claims ("..., without direct Ukrainian involvement") as two spans."""
    parts: list[Span] = []
    cut = content.start
    for m in _SPLIT_CONTENT.finditer(text, content.start, content.end):
        parts.append(_strip(text, Span(cut, m.start())))
        cut = m.end()
    parts.append(_strip(text, Span(cut, content.end)))
    return [p for p in parts if len(p) >= 8]


def _strip(text: str, span: Span) -> Span:
    """Trim spaces, trailing punctuation and unbalanced quote marks from a span."""
    start, end = span.start, span.end
    while start < end and text[start] in ' ,;:\n"“”':
        start += 1
    while end > start and text[end - 1] in " ,.;:\n":
        end -= 1
    while end > start and text[end - 1] in '"”' and text[start:end].count('"') % 2 == 1:
        end -= 1
        while end > start and text[end - 1] in " ,.;:":
            end -= 1
    return Span(start, end)


def _medium(text: str, sent: Span) -> str | None:
    chunk = text[sent.start : sent.end]
    for pattern, medium in lx.MEDIA:
        if pattern.search(chunk):
            return medium
    return None
