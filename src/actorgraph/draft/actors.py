"""Who the article mentions: actor mentions found by rules (and spaCy's entities), merged into candidates.

A mention is a stretch of text naming an actor ("Andriy Yusov", "Ukraine's military intelligence", "Moscow").
Mentions with the same name key, a person's surname alone, or a known actor's alias become one
:class:`ActorCandidate`; a known actor from the graph keeps its id, name and kind. Kinds come from keywords
("Legion" -> ARMED_GROUP), the list of states, titles ("President ...") and spaCy's labels, else UNKNOWN,
which the draft asks a person to decide.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from actorgraph.draft import lexicon as lx
from actorgraph.draft.candidates import ActorCandidate, KnownActor, Span
from actorgraph.draft.language import Analysis
from actorgraph.model.ids import name_key
from actorgraph.model.vocabulary import ActorKind


@dataclass
class Mention:
    span: Span
    name: str
    kind: ActorKind
    country: str | None = None
    why: str = ""
    #: set when the mention is merged into a candidate
    actor: str = ""


_STATE_BY_KEY: dict[str, tuple[str, str]] = {}
for _name, _demonym, _capital, _code in lx.STATES:
    _STATE_BY_KEY[name_key(_name)] = (_name, _code)
for _alias, _name in lx.STATE_ALIASES.items():
    _STATE_BY_KEY[name_key(_alias)] = (_name, next(c for n, _d, _k, c in lx.STATES if n == _name))
_CAPITALS = {name_key(capital): (capital, code) for _n, _d, capital, code in lx.STATES}
_DEMONYMS = {demonym: code for _n, demonym, _c, code in lx.STATES}
_STATE_NAMES = "|".join(re.escape(n) for n, *_ in lx.STATES)
_INSTITUTION = re.compile(rf"\b(?:(?:{_STATE_NAMES})['’]s|{'|'.join(_DEMONYMS)})\s+{lx.INSTITUTIONS}\b", re.I)
_INSTITUTION_COUNTRY = {"kremlin": "RU", "white house": "US", "pentagon": "US", "state department": "US"}
_PLATFORMS = {"Telegram", "Twitter", "Facebook", "WhatsApp", "YouTube", "Discord", "Instagram", "VKontakte"}
_WORD = r"(?:[A-Z][\w’'-]*|U\.S\.|U\.K\.)"
_SEQUENCE = re.compile(rf"{_WORD}(?:\s+(?:(?:of|for|de|al)\s+)?{_WORD})*")
_PERSON_AFTER = re.compile(
    r"^,\s*(?:speaking for\b|(?:an? |the )(?:[\w-]+\s+){0,3}?(?:spokes\w+|adviser|advisor|head|chief|minister|leader|"
    r"commander|secretary|president|director|aide)\b)"
)
_LOWER_TITLE_BEFORE = re.compile(
    r"(?:president|spokes(?:man|woman|person)|minister|adviser|advisor|chairman|secretary|commander|leader|"
    r"general|premier|chancellor)\s+$",
    re.I,
)


def country_of(text: str) -> str | None:
    """The ISO code of a state, capital or demonym named in ``text`` ("Ukrainian" -> "UA")."""
    key = name_key(text)
    if key in _STATE_BY_KEY:
        return _STATE_BY_KEY[key][1]
    if key in _CAPITALS:
        return _CAPITALS[key][1]
    if key in _INSTITUTION_COUNTRY:
        return _INSTITUTION_COUNTRY[key]
    for word in re.findall(r"[\w’']+", text):
        word = re.sub(r"['’]s$", "", word)
        if word in _DEMONYMS:
            return _DEMONYMS[word]
        if name_key(word) in _STATE_BY_KEY:
            return _STATE_BY_KEY[name_key(word)][1]
    return None


def kind_of(name: str) -> ActorKind | None:
    """The kind a name's keywords give, or None."""
    key = name_key(name)
    if key in _STATE_BY_KEY:
        return ActorKind.STATE
    if key in _CAPITALS:
        return ActorKind.GOVERNMENT
    for pattern, kind in lx.KIND_KEYWORDS:
        if pattern.search(name):
            return kind
    return None


def find_mentions(text: str, analysis: Analysis, known: Sequence[KnownActor]) -> list[Mention]:
    """Every actor mention in ``text``, sorted by position, none overlapping."""
    found: list[Mention] = []
    found += _known_mentions(text, known)
    found += _institution_mentions(text)
    found += _name_mentions(text)
    found += _entity_mentions(text, analysis)
    places = [s for s, label in analysis.entities if label in ("GPE", "LOC", "FAC")]
    surnames = {m.name.split()[-1] for m in found if m.kind is ActorKind.PERSON and len(m.name.split()) >= 2}
    out: list[Mention] = []
    for m in sorted(found, key=lambda m: (m.span.start, -len(m.span))):
        if out and m.span.start < out[-1].span.end:
            continue  # an earlier or longer mention already covers it (known actors come first)
        if (
            m.kind is ActorKind.UNKNOWN
            and m.name not in surnames
            and any(p.start <= m.span.start and m.span.end <= p.end for p in places)
        ):
            continue  # spaCy says it is a place (Helsinki), not an actor
        out.append(m)
    return out


def _known_mentions(text: str, known: Sequence[KnownActor]) -> list[Mention]:
    out: list[Mention] = []
    for actor in known:
        for name in {actor.name, *actor.aliases}:
            if len(name) < 2:
                continue
            flags = 0 if len(name) <= 4 else re.I
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, flags):
                out.append(Mention(Span(m.start(), m.end()), actor.name, actor.kind, None, "known", actor.id))
    return out


def _institution_mentions(text: str) -> list[Mention]:
    out = []
    for m in _INSTITUTION.finditer(text):
        name = m.group(0)
        kind = kind_of(name) or ActorKind.GOVERNMENT
        out.append(Mention(Span(m.start(), m.end()), name, kind, country_of(name), "institution"))
    return out


def _name_mentions(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _SEQUENCE.finditer(text):
        for start, end in _name_parts(text, m.start(), m.end()):
            name = text[start:end]
            mention = _classify(text, Span(start, end), name)
            if mention is not None:
                out.append(mention)
    return out


def _name_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a capitalised run into names: at possessives, titles and words that are never names."""
    words = [(m.start() + start, m.end() + start, m.group(0)) for m in re.finditer(r"\S+", text[start:end])]
    parts: list[tuple[int, int]] = []
    current: list[tuple[int, int, str]] = []

    def flush() -> None:
        while current and current[-1][2] in ("of", "for", "de", "al"):
            current.pop()
        if current:
            parts.append((current[0][0], current[-1][1]))
        current.clear()

    for w_start, _w_end, word in words:
        bare = re.sub(r"['’]s$", "", word)
        possessive = bare != word
        if not current and (bare in lx.NOT_NAMES or bare in ("of", "for", "de", "al")):
            continue
        if bare in lx.TITLE_WORDS or bare in _PLATFORMS or "-" in bare:
            flush()
            continue
        current.append((w_start, w_start + len(bare), bare))
        if possessive:
            flush()
    flush()
    return parts


def _classify(text: str, span: Span, name: str) -> Mention | None:
    if name in _DEMONYMS or len(name) < 2:
        return None
    words = name.split()
    kind = kind_of(name)
    # A country only from a leading state or demonym ("US Central Intelligence Agency"), never for armed groups:
    # "Freedom of Russia Legion" is not on Russia's side.
    country = None
    if kind is not ActorKind.ARMED_GROUP:
        country = country_of(words[0]) or _INSTITUTION_COUNTRY.get(name_key(name))
    if kind is None and 2 <= len(words) <= 3 and _looks_like_person(text, span, words):
        kind = ActorKind.PERSON
    return Mention(span, name, kind or ActorKind.UNKNOWN, country, "name")


def _looks_like_person(text: str, span: Span, words: list[str]) -> bool:
    before = text[max(0, span.start - 40) : span.start]
    after = text[span.end : span.end + 80]
    if any(w in lx.TITLE_WORDS for w in text[max(0, span.start - 30) : span.start].split()[-3:]):
        return True
    if _LOWER_TITLE_BEFORE.search(before) or _PERSON_AFTER.search(after):
        return True
    surname = words[-1]
    elsewhere = [
        m.start() for m in re.finditer(rf"(?<![\w ]){re.escape(surname)}\b|(?<=[\s\"“]){re.escape(surname)}\b", text)
    ]
    alone = sum(1 for pos in elsewhere if not text[max(0, pos - len(words[0]) - 1) : pos].strip().endswith(words[0]))
    if alone >= 1:
        return True
    return bool(re.match(r"^\s*(?:said|told|says|wrote|added|emphasi[sz]ed)\b", after))


def _entity_mentions(text: str, analysis: Analysis) -> list[Mention]:
    out = []
    for span, label in analysis.entities:
        if label not in ("PERSON", "ORG"):
            continue
        name = re.sub(r"^(?:the|The)\s+", "", text[span.start : span.end])
        name = re.sub(r"['’]s$", "", name)
        start = span.start + text[span.start : span.end].find(name)
        if not name or name in _PLATFORMS or name in lx.NOT_NAMES:
            continue
        kind = ActorKind.PERSON if label == "PERSON" else (kind_of(name) or ActorKind.ORGANIZATION)
        out.append(Mention(Span(start, start + len(name)), name, kind, country_of(name), f"spaCy {label}"))
    return out


def merge_actors(mentions: list[Mention], known: Sequence[KnownActor]) -> dict[str, ActorCandidate]:
    """One candidate per actor: same name key, a surname alone, or a known actor's alias; sets ``Mention.actor``."""
    known_by_key: dict[str, KnownActor] = {}
    for actor in known:
        for name in (actor.name, *actor.aliases):
            known_by_key.setdefault(name_key(name), actor)
    actors: dict[str, ActorCandidate] = {}
    by_key: dict[str, str] = {}
    persons = [m for m in mentions if m.kind is ActorKind.PERSON and len(m.name.split()) >= 2]
    for m in mentions:
        key = name_key(m.name)
        full = next((p for p in persons if len(m.name.split()) == 1 and p.name.split()[-1] == m.name), None)
        if full is not None:
            key = name_key(full.name)
        hit = known_by_key.get(key)
        if m.actor or hit is not None:
            ka = hit or next(k for k in known if k.id == m.actor)
            m.actor = ka.id
            if ka.id not in actors:
                actors[ka.id] = ActorCandidate(
                    ka.id, ka.name, ka.kind, list(ka.aliases), known=True, evidence=f"matches the known actor {ka.id!r}"
                )
            _add_alias(actors[ka.id], m.name)
            continue
        if key in by_key:
            m.actor = by_key[key]
            cand = actors[m.actor]
            if cand.kind is ActorKind.UNKNOWN and m.kind is not ActorKind.UNKNOWN:
                cand.kind = m.kind
            _add_alias(cand, m.name)
            continue
        name = full.name if full is not None else m.name
        actor_id = _unique(slugify(name), actors)
        actors[actor_id] = ActorCandidate(
            actor_id,
            name,
            full.kind if full is not None else m.kind,
            [],
            country=m.country or (_STATE_BY_KEY.get(key, ("", None))[1]),
            evidence=_evidence(m),
        )
        by_key[key] = actor_id
        m.actor = actor_id
    return actors


def _add_alias(actor: ActorCandidate, name: str) -> None:
    if name_key(name) != name_key(actor.name) and name_key(name) not in {name_key(a) for a in actor.aliases}:
        actor.aliases.append(name)


def _evidence(m: Mention) -> str:
    if m.kind is ActorKind.UNKNOWN:
        return "named in the article; kind not recognised"
    return {"institution": "an institution named by its country", "name": "a capitalised name"}.get(m.why, m.why)


def _unique(base: str, taken: dict[str, ActorCandidate]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def slugify(name: str) -> str:
    """A dossier id from a name: ``Ukraine's military intelligence`` -> ``ukraine-s-military-intelligence``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name_key(name)).strip("-")
    return (slug or "actor")[:100]


class MentionIndex:
    """Mentions in order, with the look-ups coreference needs (last person before, groups named nearby)."""

    def __init__(self, mentions: list[Mention], actors: dict[str, ActorCandidate]) -> None:
        self.mentions = mentions
        self.actors = actors

    def within(self, span: Span) -> list[Mention]:
        return [m for m in self.mentions if span.start <= m.span.start and m.span.end <= span.end]

    def last_before(self, pos: int, keep: Callable[[ActorCandidate], bool]) -> str | None:
        for m in reversed(self.mentions):
            if m.span.end <= pos and keep(self.actors[m.actor]):
                return m.actor
        return None

    def groups_near(self, pos: int, want: int = 0, window: int = 600) -> list[str]:
        """Armed groups named just before ``pos`` (or, for a lede's "two factions", just after)."""
        before: list[str] = []
        for m in reversed(self.mentions):
            near = m.span.end <= pos and pos - m.span.end <= window
            if near and self.actors[m.actor].kind is ActorKind.ARMED_GROUP and m.actor not in before:
                before.append(m.actor)
            if want and len(before) >= want:
                break
        if len(before) >= 2 or (want and len(before) >= want):
            return list(reversed(before))
        after: list[str] = []
        for m in self.mentions:
            near = m.span.start >= pos and m.span.start - pos <= window
            if near and self.actors[m.actor].kind is ActorKind.ARMED_GROUP and m.actor not in after:
                after.append(m.actor)
            if want and len(after) >= want:
                break
        return after[: want or 2]
