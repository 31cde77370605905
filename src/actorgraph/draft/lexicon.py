"""The rule layer's vocabulary: speech verbs, stance cues, predicate cues, actor-kind keywords.

Everything the drafter "knows" about how news reports speech lives here as data, so a reviewer can see
why a suggestion was made (each cue has a name that ends up in the statement's comment) and a new cue is
one line. The words are those of conflict reporting (wire copy, press releases, Telegram posts): the field's
speech verbs and the phrases that mark accusation, denial and claims of responsibility.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actorgraph.model.vocabulary import ActorKind, EventKind, Predicate


def _words(text: str) -> frozenset[str]:
    """A word list written as text (one place to read and extend, no quotes and commas to get wrong)."""
    return frozenset(text.split())


#: Verbs that introduce what someone said, in the forms reporting uses. Lower case.
SPEECH_VERBS: frozenset[str] = _words(
    """
    say says said saying tell tells told telling add adds added adding state states stated stating claim
    claims claimed claiming announce announces announced announcing declare declares declared declaring
    emphasize emphasizes emphasized emphasizing emphasise emphasised stress stresses stressed insist insists
    insisted note noted write writes wrote writing post posted posting accuse accuses accused accusing deny
    denies denied denying reject rejects rejected rejecting dismiss dismisses dismissed dismissing blame
    blames blamed blaming warn warns warned warning threaten threatens threatened threatening suggest
    suggests suggested suggesting allege alleges alleged alleging confirm confirms confirmed acknowledge
    acknowledged admit admitted vow vowed pledge pledged condemn condemned condemning criticise criticised
    criticize criticized call called calling describe described describing argue argued maintain maintained
    assert asserted reiterate reiterated
    """
)

#: Speech verbs that are themselves a denial ("X denied ...", "X rejected the accusation").
DENIAL_VERBS: frozenset[str] = _words(
    """
    deny denies denied denying reject rejects rejected rejecting refute refuted
    """
)

#: Speech verbs that are themselves an accusation of the verb's object ("X accused Y of ...").
ACCUSING_VERBS: frozenset[str] = _words(
    """
    accuse accuses accused accusing blame blames blamed blaming dismiss dismisses dismissed dismissing
    """
)

#: Words naming a claim, so "dismissed the claim" / "rejected the accusation" is a denial, not a characterisation.
CLAIM_NOUNS = r"(?:claims?|accusations?|allegations?|reports?|charges?|suggestions?|assertions?)"

#: Where something was said: the ``medium`` of a statement.
MEDIA: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bTelegram\b"), "Telegram"),
    (re.compile(r"\b(?:Twitter|tweet(?:ed)?|on X\b)"), "X (Twitter)"),
    (re.compile(r"\bpress (?:release|service)|\bstatement published\b|\bin a statement\b", re.I), "press release"),
    (re.compile(r"\bnews conference|\bpress conference|\bbriefing\b", re.I), "news conference"),
    (re.compile(r"\bsocial media\b", re.I), "social media"),
    (re.compile(r"\btold reporters\b", re.I), "remarks to reporters"),
)

#: Phrases that turn a sentence's main clause into someone's claim ("..., as announced on their Telegram channels").
ANNOUNCED_AS = re.compile(
    r",?\s*as (?:announced|claimed|stated|reported|said|posted|detailed|declared)\s+(?:on|in|by)\s+[^,.;]+", re.I
)

#: Participles that attach a further claim to the main clause's speaker ("..., accusing them of ...").
PARTICIPLES = re.compile(
    r",\s*(accusing|declaring|denying|dismissing|blaming|warning|threatening|claiming|saying|insisting|vowing|calling)\b",
    re.I,
)

#: Phrases that make a clause a denial, with the name used in comments.
DENIAL_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("'nothing to do with'", re.compile(r"\bnothing to do with\b", re.I)),
    ("'not involved'", re.compile(r"\b(?:was|were|is|are|had been|has been)\s+not\s+(?:\w+\s+)?involved\b", re.I)),
    ("'no involvement'", re.compile(r"\b(?:no|any)\s+(?:\w+\s+)?(?:involvement|role)\b", re.I)),
    ("'without ... involvement'", re.compile(r"\bwithout\s+(?:\w+\s+){0,3}(?:involvement|participation|help)\b", re.I)),
    ("'autonomously'", re.compile(r"\b(?:autonomously|independently|on (?:their|its|his) own)\b", re.I)),
    ("a negated verb", re.compile(r"\b(?:don't|do not|doesn't|does not|did not|didn't|never)\s+\w+", re.I)),
    ("'false'", re.compile(r"\b(?:false|untrue|fake|nonsense|baseless|groundless|lies?)\b", re.I)),
)


@dataclass(frozen=True)
class PredicateCue:
    """A phrase that suggests a predicate; ``name`` is quoted in the statement's comment."""

    predicate: Predicate
    name: str
    pattern: re.Pattern[str]
    confidence: float


def _cue(predicate: Predicate, pattern: str, confidence: float, name: str | None = None) -> PredicateCue:
    return PredicateCue(predicate, name or pattern, re.compile(pattern, re.I), confidence)


_P = Predicate
#: Predicate cues, most specific first: the first cue that matches a clause wins.
PREDICATE_CUES: tuple[PredicateCue, ...] = (
    _cue(
        _P.CONTROLLED_BY,
        r"\b(?:extensions?|proxy|proxies|puppets?|instruments?|tools?)\s+of\b",
        0.8,
        "extension/proxy of",
    ),
    _cue(
        _P.CONTROLLED_BY,
        r"\bdoing what (?:it|they) (?:was|were|is|are) told\b|\bdoes what it is told\b",
        0.7,
        "does what it is told",
    ),
    _cue(_P.CONTROLLED_BY, r"\bcontrolled by\b|\bon (?:the )?orders of\b|\bfront for\b", 0.7, "controlled by"),
    _cue(_P.CONTROLLED_BY, r"\bautonomously\b|\bindependently\b", 0.6, "acted autonomously (denies control)"),
    _cue(
        _P.SUBVERTED,
        r"\binstigat\w*\b|\bdestabili[sz]\w*\b|\bsow\w* (?:unrest|discord)\b|\bsubver\w*",
        0.7,
        "instigating/destabilising",
    ),
    _cue(
        _P.THREATENED,
        r"\bretaliat\w*|\bphysical elimination\b|\breserves? the right\b|\bwill (?:respond|pay)\b|\bthreat\w*",
        0.7,
        "threat of retaliation",
    ),
    _cue(_P.SPEAKS_FOR, r"\bspeaking for\b|\bspokes(?:man|woman|person) (?:for|of)\b", 0.8, "speaking for"),
    _cue(
        _P.CARRIED_OUT,
        r"\b(?:initiated|launched|carried out|conducted|staged|mounted|claimed responsibility for)\b",
        0.7,
        "launched/carried out",
    ),
    _cue(_P.ATTACKED, r"\bassassinat\w*|\battempt on\b", 0.6, "assassination attempt"),
    _cue(_P.CARRIED_OUT, r"\b(?:don't|do not|did not) attack\b|\bwe fight\b", 0.6, "attack (denied)"),
    _cue(
        _P.INVOLVED_IN,
        r"\binvolve\w*|\bnothing to do with\b|\bbehind\b|\bdirected\b|\borchestrat\w*|\bmade not in\b"
        r"|\bdecisions\b|\brole in\b|\bblamed?\b",
        0.6,
        "involvement/behind",
    ),
    _cue(
        _P.OPPOSES,
        r"\breclaim\w*|\boverthrow\w*|\btyrannical\b|\bregime\b|\bopposing\b|\baligned against\b"
        r"|\bfight\w* against\b|\bchalleng\w*",
        0.6,
        "against the regime",
    ),
    _cue(_P.ALLIED_WITH, r"\balong with\b|\bcoalition\b|\ballies\b|\bjointly\b", 0.6, "along with/coalition"),
    _cue(
        _P.CRITICIZED,
        r"\blies\b|\bridiculous\b|\bshaker of salt\b|\bcondemn\w*|\bcritici[sz]\w*|\bdenounc\w*|\bnonsense\b",
        0.5,
        "criticism",
    ),
    _cue(_P.WARNED, r"\bwarn\w*", 0.5, "warning"),
    _cue(_P.SUPPORTS, r"\bsupport\w*|\bbacked\b|\bencourage\w*|\benable\w*", 0.5, "support"),
    _cue(_P.PRAISED, r"\bprais\w*|\bhail\w*|\bcommend\w*", 0.5, "praise"),
)

#: Nouns naming an event an allegation can be about, with the event kind.
EVENT_NOUNS: tuple[tuple[str, EventKind], ...] = (
    ("incursion", EventKind.INCURSION),
    ("raid", EventKind.INCURSION),
    ("drone attack", EventKind.ATTACK),
    ("attack", EventKind.ATTACK),
    ("strike", EventKind.ATTACK),
    ("bombing", EventKind.BOMBING),
    ("explosion", EventKind.BOMBING),
    ("assassination", EventKind.ASSASSINATION),
    ("offensive", EventKind.BATTLE),
    ("sabotage", EventKind.SABOTAGE),
    ("occupation", EventKind.OCCUPATION),
    ("protest", EventKind.PROTEST),
    ("operation", EventKind.OTHER),
    ("incident", EventKind.OTHER),
)
EVENT_NOUN = re.compile(r"\b(?:" + "|".join(re.escape(n) for n, _ in EVENT_NOUNS) + r")s?\b|\bdrones?\b", re.I)

#: Keywords in a name that give an actor's kind, most specific first.
KIND_KEYWORDS: tuple[tuple[re.Pattern[str], ActorKind], ...] = (
    (
        re.compile(r"\b(?:intelligence|directorate|agency|FSB|SVR|GRU|CIA|HUR|GUR|SBU|Mossad)\b", re.I),
        ActorKind.INTELLIGENCE_AGENCY,
    ),
    (
        re.compile(
            r"\b(?:legion|battalion|corps|brigade|militia|faction|factions|group|groups|wagner|rebels?|fighters|insurgents?|resistance)\b",
            re.I,
        ),
        ActorKind.ARMED_GROUP,
    ),
    (
        re.compile(r"\b(?:military|army|armed forces|navy|air force|air defen[cs]es|troops|forces)\b", re.I),
        ActorKind.MILITARY,
    ),
    (
        re.compile(r"\b(?:United Nations|UN|NATO|European Union|EU|OSCE|IAEA|Red Cross)\b"),
        ActorKind.INTERNATIONAL_ORGANIZATION,
    ),
    (
        re.compile(r"\b(?:Reuters|TASS|RIA|Associated Press|AP|AFP|BBC|Interfax|newspaper|agency news)\b"),
        ActorKind.MEDIA,
    ),
    (
        re.compile(
            r"\b(?:Kremlin|White House|government|ministry|council|office|presidency|parliament|Duma|authorities"
            r"|officials|Pentagon|State Department|press service)\b",
            re.I,
        ),
        ActorKind.GOVERNMENT,
    ),
)

#: States the drafter recognises by name, with their demonym, capital and ISO code.
STATES: tuple[tuple[str, str, str, str], ...] = (
    ("Russia", "Russian", "Moscow", "RU"),
    ("Ukraine", "Ukrainian", "Kyiv", "UA"),
    ("United States", "American", "Washington", "US"),
    ("Belarus", "Belarusian", "Minsk", "BY"),
    ("Poland", "Polish", "Warsaw", "PL"),
    ("Germany", "German", "Berlin", "DE"),
    ("France", "French", "Paris", "FR"),
    ("United Kingdom", "British", "London", "GB"),
    ("China", "Chinese", "Beijing", "CN"),
    ("Iran", "Iranian", "Tehran", "IR"),
    ("Israel", "Israeli", "Jerusalem", "IL"),
    ("Turkey", "Turkish", "Ankara", "TR"),
    ("Georgia", "Georgian", "Tbilisi", "GE"),
    ("Syria", "Syrian", "Damascus", "SY"),
    ("Finland", "Finnish", "Helsinki", "FI"),
)
STATE_ALIASES: dict[str, str] = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "UK": "United Kingdom",
}

#: Role nouns that tie a person to an institution ("Kremlin spokesman Dmitry Peskov").
SPOKES_ROLES = r"(?:spokes(?:man|woman|person)|press secretary|representative)"
TITLE_WORDS: frozenset[str] = _words(
    """
    President Prime Minister Secretary State Chancellor General Colonel Commander Minister Deputy Chairman
    Spokesman Spokeswoman Ambassador Senator Governor Mayor Director Chief Head King Queen Pope Former
    Foreign Defence Defense Interior
    """
)

#: Capitalised words that start sentences or headings but are never (part of) a name.
NOT_NAMES: frozenset[str] = _words(
    """
    The A An This That These Those However Despite While As In On At For From With Without But And Or If
    Whether When After Before Since During Neither Nor Both Either Its It Their They He She We I Our His Her
    Implications Background Motivation Global Reactions Future Prospects Footage Decisions One Two Three
    Four Five Several Many Some Earlier Later Meanwhile Also Not No Yes Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September October November
    December Former According Writing Speaking Asked Speaking Mr Mrs Ms Dr
    """
)

#: Institution nouns that make "Ukraine's military intelligence" or "Russian officials" an actor.
INSTITUTIONS = (
    r"(?:military intelligence|military|army|armed forces|government|authorities|officials|foreign ministry|"
    r"defen[cs]e ministry|security service|air defen[cs]es|navy|troops|forces)"
)

#: Plural descriptions that stand for a set of armed groups named nearby ("two armed factions", "these groups").
GROUP_NOUNS = r"(?:factions|groups|battalions|units|formations|militias)"
