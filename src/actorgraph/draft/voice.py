"""What the article says in its own voice: who speaks for whom, who acts along with or against whom.

Reporters state some relations as background rather than attribute them ("Kremlin spokesman Dmitry Peskov",
"the Legion, along with the Siberian Battalion", "the Russian Volunteer Corps, another group opposing the
Kremlin"). The seed dossier codes those as statements of the article's author; so does the drafter. The
patterns read the words *between* two actor mentions, so they work for any names.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from actorgraph.draft import lexicon as lx
from actorgraph.draft.actors import Mention, MentionIndex
from actorgraph.draft.candidates import Span
from actorgraph.model.vocabulary import Predicate


@dataclass(frozen=True)
class VoiceClaim:
    """One relation the article states itself: ``subject predicate object`` shown by ``quote``."""

    predicate: Predicate
    subject: str
    object: str
    quote: Span
    cue: str
    confidence: float


_SPEAKING_FOR = re.compile(r"^,?\s*speaking (?:for|on behalf of)\s+(?:the\s+)?$", re.I)
_ROLE_BETWEEN = re.compile(rf"^\s+{lx.SPOKES_ROLES}\s+$", re.I)
_ROLE_APPOSITIVE = re.compile(rf"^,\s*an?\s+(?:[\w-]+\s+)?{lx.SPOKES_ROLES}\s+(?:for|of)\s+(?:the\s+)?$", re.I)
_ALONG_WITH = re.compile(r"^,?\s*(?:along with|together with|alongside)\s+(?:the\s+)?$", re.I)
_OPPOSING = re.compile(
    r"^,\s*((?:another|an?|the)\s+(?:[\w-]+\s+){0,3}?(?:group|faction|force|movement|party|organi[sz]ation|militia)"
    r"\s+(?:opposing|fighting(?: against)?|against)\s+(?:the\s+)?)$",
    re.I,
)
_INVOLVEMENT = re.compile(r"\b[Tt]he (?:involvement|participation|role) of (?:the\s+)?$")
_IN_EVENT = re.compile(r"(?:,[^,]*,)?\s+in\s+(?:the|these|this|those)\s+\w+")
_ALIGNED = re.compile(r"\b(?:implies|suggests|signals|shows|points to)\b[^.]*?\baligned against\s+(?:President\s+)?")


def voice_claims(text: str, sent: Span, index: MentionIndex, event: str | None) -> list[VoiceClaim]:
    """The author's own relations in one sentence. ``event`` is the main event's id, for "the involvement of"."""
    mentions = index.within(sent)
    out: list[VoiceClaim] = []
    for a, b in itertools.pairwise(mentions):
        between = text[a.span.end : b.span.start]
        if _SPEAKING_FOR.match(between) or _ROLE_APPOSITIVE.match(between):
            out.append(
                VoiceClaim(Predicate.SPEAKS_FOR, a.actor, b.actor, Span(a.span.start, b.span.end), "speaking for", 0.8)
            )
        elif _ROLE_BETWEEN.match(between):
            out.append(
                VoiceClaim(Predicate.SPEAKS_FOR, b.actor, a.actor, Span(a.span.start, b.span.end), "spokesman", 0.8)
            )
        elif _ALONG_WITH.match(between):
            out.append(
                VoiceClaim(Predicate.ALLIED_WITH, a.actor, b.actor, _with_the(text, a, b.span.end), "along with", 0.6)
            )
        elif opposing := _OPPOSING.match(between):
            start = a.span.end + opposing.start(1)
            out.append(
                VoiceClaim(Predicate.OPPOSES, a.actor, b.actor, Span(start, b.span.end), "a group opposing", 0.6)
            )
    for m in mentions:
        lead = _INVOLVEMENT.search(text, max(sent.start, m.span.start - 40), m.span.start)
        tail = _IN_EVENT.match(text, m.span.end)
        if event and lead and lead.end() == m.span.start and tail and lx.EVENT_NOUN.search(tail.group(0)):
            out.append(
                VoiceClaim(Predicate.INVOLVED_IN, m.actor, event, Span(lead.start(), tail.end()), "involvement of", 0.6)
            )
    aligned = _ALIGNED.search(text, sent.start, sent.end)
    if aligned:
        target = next((m for m in mentions if m.span.start >= aligned.end() - 1), None)
        groups = [
            m.actor
            for m in mentions
            if m.span.end <= aligned.start() and index.actors[m.actor].kind.value == "ARMED_GROUP"
        ]
        if target is not None:
            end = sent.end - 1 if text[sent.end - 1] in ".;" else sent.end
            quote = Span(aligned.start(), end)
            for g in dict.fromkeys(groups):
                out.append(VoiceClaim(Predicate.OPPOSES, g, target.actor, quote, "aligned against", 0.5))
                if "coalition" in text[aligned.start() : aligned.end()]:
                    partner = next((x for x in index.groups_near(sent.start) if x != g), None)
                    if partner:
                        out.append(VoiceClaim(Predicate.ALLIED_WITH, g, partner, quote, "coalition", 0.4))
    return out


def _with_the(text: str, a: Mention, end: int) -> Span:
    start = a.span.start
    if text[max(0, start - 4) : start] in ("The ", "the "):
        start -= 4
    return Span(start, end)
