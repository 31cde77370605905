"""The controlled vocabulary, documented in one place: actor and event kinds, predicates, stances,
and the types of the derived relationships.

Every predicate carries a polarity (is asserting it hostile, cooperative or structural?) and, where
one exists, the CAMEO 1.1b3 code of the matching event type with its quad class. Every derived
relationship type (:class:`RelationType`) carries its sign in the signed network and what it may
point at. The derivation rules, the store, analytics, GraphQL and the checks of the ``.cypher`` files
read these tables; nothing else decides what counts as an accusation (``docs/design.md``, section
"Vocabulary").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ActorKind(StrEnum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    ARMED_GROUP = "ARMED_GROUP"
    GOVERNMENT = "GOVERNMENT"
    MILITARY = "MILITARY"
    INTELLIGENCE_AGENCY = "INTELLIGENCE_AGENCY"
    STATE = "STATE"
    MEDIA = "MEDIA"
    INTERNATIONAL_ORGANIZATION = "INTERNATIONAL_ORGANIZATION"
    UNKNOWN = "UNKNOWN"


class EventKind(StrEnum):
    INCURSION = "INCURSION"
    ATTACK = "ATTACK"
    BATTLE = "BATTLE"
    BOMBING = "BOMBING"
    OCCUPATION = "OCCUPATION"
    ASSASSINATION = "ASSASSINATION"
    SABOTAGE = "SABOTAGE"
    CYBER_OPERATION = "CYBER_OPERATION"
    PROTEST = "PROTEST"
    ELECTION = "ELECTION"
    NEGOTIATION = "NEGOTIATION"
    OTHER = "OTHER"


class SourceKind(StrEnum):
    ARTICLE = "ARTICLE"
    SOCIAL_POST = "SOCIAL_POST"
    OFFICIAL_STATEMENT = "OFFICIAL_STATEMENT"
    REPORT = "REPORT"
    OTHER = "OTHER"


class Stance(StrEnum):
    AFFIRMS = "AFFIRMS"
    DENIES = "DENIES"


class AllegationStatus(StrEnum):
    """Derived from an allegation's statements; never typed in by hand (see ``model.status``)."""

    SELF_CLAIMED = "SELF_CLAIMED"
    UNVERIFIED = "UNVERIFIED"
    CORROBORATED = "CORROBORATED"
    CONTESTED = "CONTESTED"
    DENIED = "DENIED"


class Verdict(StrEnum):
    """An analyst's editorial finding, separate from the derived status (like a fact-check)."""

    CONFIRMED = "CONFIRMED"
    REFUTED = "REFUTED"
    UNPROVEN = "UNPROVEN"


class Reliability(StrEnum):
    """How reliable a source (or a speaker by default) has proved: the Admiralty scale's letter.

    Graded by the analyst, never derived. F is not the bottom of the scale but "cannot be judged", so
    a minimum (``minReliability: B``) lets A and B through and never F.
    """

    A = "A"  # completely reliable
    B = "B"  # usually reliable
    C = "C"  # fairly reliable
    D = "D"  # not usually reliable
    E = "E"  # unreliable
    F = "F"  # reliability cannot be judged


#: The meaning of each reliability grade, for help texts and GraphQL descriptions.
RELIABILITY_MEANING: dict[Reliability, str] = {
    Reliability.A: "completely reliable",
    Reliability.B: "usually reliable",
    Reliability.C: "fairly reliable",
    Reliability.D: "not usually reliable",
    Reliability.E: "unreliable",
    Reliability.F: "reliability cannot be judged",
}

#: The meaning of each information credibility grade (1-6, the Admiralty scale's digit).
CREDIBILITY_MEANING: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


def reliability_at_least(minimum: Reliability) -> tuple[Reliability, ...]:
    """The grades that pass a minimum: A up to ``minimum``; F ("cannot be judged") passes only a minimum of F.

    >>> [g.value for g in reliability_at_least(Reliability.B)]
    ['A', 'B']
    >>> len(reliability_at_least(Reliability.F))
    6
    """
    order = list(Reliability)
    if minimum is Reliability.F:
        return tuple(order)
    return tuple(order[: order.index(minimum) + 1])


class Polarity(StrEnum):
    HOSTILE = "HOSTILE"
    COOPERATIVE = "COOPERATIVE"
    STRUCTURAL = "STRUCTURAL"
    NEUTRAL = "NEUTRAL"


class ObjectType(StrEnum):
    """What an allegation's object may be."""

    ACTOR = "ACTOR"
    EVENT = "EVENT"


@dataclass(frozen=True)
class PredicateInfo:
    polarity: Polarity
    object_type: ObjectType
    cameo: str | None
    cameo_label: str | None
    description: str

    @property
    def quad_class(self) -> int | None:
        """CAMEO quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."""
        if self.cameo is None:
            return None
        root = int(self.cameo[:2])
        if root <= 5:
            return 1
        if root <= 9:
            return 2
        if root <= 14:
            return 3
        return 4


class Predicate(StrEnum):
    """What an allegation says the subject did or is, towards its object."""

    CARRIED_OUT = "CARRIED_OUT"
    INVOLVED_IN = "INVOLVED_IN"
    CONTROLLED_BY = "CONTROLLED_BY"
    SUPPORTS = "SUPPORTS"
    ALLIED_WITH = "ALLIED_WITH"
    OPPOSES = "OPPOSES"
    ATTACKED = "ATTACKED"
    THREATENED = "THREATENED"
    WARNED = "WARNED"
    SUBVERTED = "SUBVERTED"
    CRITICIZED = "CRITICIZED"
    PRAISED = "PRAISED"
    PROVIDED_MILITARY_AID = "PROVIDED_MILITARY_AID"
    SHARED_INTELLIGENCE = "SHARED_INTELLIGENCE"
    OCCUPIED = "OCCUPIED"
    PART_OF = "PART_OF"
    SPEAKS_FOR = "SPEAKS_FOR"
    LEADS = "LEADS"

    @property
    def info(self) -> PredicateInfo:
        return PREDICATES[self]

    @property
    def polarity(self) -> Polarity:
        return PREDICATES[self].polarity


_H, _C, _S, _N = Polarity.HOSTILE, Polarity.COOPERATIVE, Polarity.STRUCTURAL, Polarity.NEUTRAL
_A, _E = ObjectType.ACTOR, ObjectType.EVENT

PREDICATES: dict[Predicate, PredicateInfo] = {
    Predicate.CARRIED_OUT: PredicateInfo(
        _H, _E, "190", "Use conventional military force", "The subject carried out the event."
    ),
    Predicate.INVOLVED_IN: PredicateInfo(
        _H,
        _E,
        "190",
        "Use conventional military force",
        "The subject took part in, directed or was behind the event without necessarily carrying it out.",
    ),
    Predicate.CONTROLLED_BY: PredicateInfo(
        _H,
        _A,
        None,
        None,
        "The subject is a proxy, front or extension of the object (an accusation when said by others).",
    ),
    Predicate.SUPPORTS: PredicateInfo(_C, _A, "070", "Provide aid", "The subject supports the object."),
    Predicate.ALLIED_WITH: PredicateInfo(
        _C, _A, "062", "Cooperate militarily", "The subject acts in alliance or coalition with the object."
    ),
    Predicate.OPPOSES: PredicateInfo(
        _H, _A, "120", "Reject", "The subject opposes the object (political or armed opposition)."
    ),
    Predicate.ATTACKED: PredicateInfo(
        _H, _A, "190", "Use conventional military force", "The subject attacked the object."
    ),
    Predicate.THREATENED: PredicateInfo(
        _H, _A, "138", "Threaten with military force", "The subject threatened the object."
    ),
    Predicate.WARNED: PredicateInfo(_N, _A, None, None, "The subject warned the object (no threat implied)."),
    Predicate.SUBVERTED: PredicateInfo(
        _H,
        _A,
        None,
        None,
        "The subject worked to destabilise or subvert the object from within (e.g. instigating unrest).",
    ),
    Predicate.CRITICIZED: PredicateInfo(
        _H, _A, "111", "Criticize or denounce", "The subject criticized or denounced the object."
    ),
    Predicate.PRAISED: PredicateInfo(
        _C, _A, "051", "Praise or endorse", "The subject praised, endorsed or defended the object."
    ),
    Predicate.PROVIDED_MILITARY_AID: PredicateInfo(
        _C, _A, "072", "Provide military aid", "The subject gave the object weapons, training or funds."
    ),
    Predicate.SHARED_INTELLIGENCE: PredicateInfo(
        _C, _A, "064", "Share intelligence or information", "The subject shared intelligence with the object."
    ),
    Predicate.OCCUPIED: PredicateInfo(
        _H, _E, "192", "Occupy territory", "The subject occupied territory during the event."
    ),
    Predicate.PART_OF: PredicateInfo(_S, _A, None, None, "The subject is a unit or member of the object."),
    Predicate.SPEAKS_FOR: PredicateInfo(_S, _A, None, None, "The subject is a spokesperson of the object."),
    Predicate.LEADS: PredicateInfo(_S, _A, None, None, "The subject leads or commands the object."),
}

#: Predicates whose affirmed allegations become derived actor-to-actor relationships of the same name.
RELATION_PREDICATES: frozenset[Predicate] = frozenset(
    {
        Predicate.OPPOSES,
        Predicate.SUPPORTS,
        Predicate.ALLIED_WITH,
        Predicate.PART_OF,
        Predicate.SPEAKS_FOR,
        Predicate.LEADS,
    }
)

#: Affirmed links that make the subject and object "one side" (a spokesman, a unit, a leader).
STRUCTURAL_PREDICATES: frozenset[Predicate] = frozenset({Predicate.PART_OF, Predicate.SPEAKS_FOR, Predicate.LEADS})

#: Hostile acts: affirming one about another actor is an accusation (ACCUSES). OPPOSES is hostile in
#: the signed network but describes a stance, not a deed, so saying "X opposes Y" accuses nobody.
ACCUSATION_PREDICATES: frozenset[Predicate] = frozenset(
    p for p, info in PREDICATES.items() if info.polarity is Polarity.HOSTILE and p is not Predicate.OPPOSES
)

#: Kinds of actor whose voice reports rather than takes part: what such a voice affirms of a hostile act is
#: provenance for the allegation (REPORTS), not an accusation (ACCUSES). See ``docs/design.md``, "Derivation rules".
REPORTING_KINDS: frozenset[ActorKind] = frozenset({ActorKind.MEDIA})


def is_reporting(kind: object) -> bool:
    """True for an actor kind (or its stored string) whose voice is a *reporting voice*.

    >>> is_reporting("MEDIA"), is_reporting(ActorKind.STATE), is_reporting(None)
    (True, False, False)
    """
    return isinstance(kind, str) and kind in REPORTING_KINDS


#: Predicates that say the subject itself did an event: affirmed by the subject, a claim of responsibility.
RESPONSIBILITY_PREDICATES: frozenset[Predicate] = frozenset({Predicate.CARRIED_OUT, Predicate.INVOLVED_IN})

#: The CAMEO codes of the speech acts a statement performs (used in exports, not stored per statement).
CAMEO_CLAIM_RESPONSIBILITY = "015"
CAMEO_DENY_RESPONSIBILITY = "016"
CAMEO_ACCUSE = "112"


class RelationType(StrEnum):
    """The derived actor-to-actor (or actor-to-event) relationships: the readable actor network.

    Derived from statements by :func:`actorgraph.model.derivation.derive_relations`, never written by
    hand. The Neo4j relationship type is the member's value.
    """

    ACCUSES = "ACCUSES"
    REPORTS = "REPORTS"
    DENIES_INVOLVEMENT = "DENIES_INVOLVEMENT"
    CLAIMS_RESPONSIBILITY = "CLAIMS_RESPONSIBILITY"
    CONTRADICTS = "CONTRADICTS"
    OPPOSES = "OPPOSES"
    SUPPORTS = "SUPPORTS"
    ALLIED_WITH = "ALLIED_WITH"
    PART_OF = "PART_OF"
    SPEAKS_FOR = "SPEAKS_FOR"
    LEADS = "LEADS"

    @property
    def info(self) -> RelationInfo:
        return RELATIONS[self]


@dataclass(frozen=True)
class RelationInfo:
    #: -1 hostile, +1 cooperative or structural, 0 neutral: the edge's sign in the signed network.
    sign: int
    polarity: Polarity
    #: What the relationship may point at (its source is always an actor).
    targets: frozenset[ObjectType]
    description: str


_ACTOR = frozenset({ObjectType.ACTOR})
_ANY = frozenset({ObjectType.ACTOR, ObjectType.EVENT})

RELATIONS: dict[RelationType, RelationInfo] = {
    RelationType.ACCUSES: RelationInfo(
        -1, _H, _ACTOR, "A voice affirms an accusation (a hostile act) about another actor."
    ),
    RelationType.REPORTS: RelationInfo(
        0,
        _N,
        _ACTOR,
        "A reporting voice (an actor of kind MEDIA) affirms a hostile act of another actor: provenance, not an "
        "accusation; the target is the allegation's subject.",
    ),
    RelationType.DENIES_INVOLVEMENT: RelationInfo(
        0, _N, _ANY, "A voice denies an allegation about itself or its own side; the target is the object."
    ),
    RelationType.CLAIMS_RESPONSIBILITY: RelationInfo(
        0, _N, frozenset({ObjectType.EVENT}), "A voice affirms that it (or its own side) did an event."
    ),
    RelationType.CONTRADICTS: RelationInfo(-1, _H, _ACTOR, "A voice denies an allegation another voice affirms."),
    RelationType.OPPOSES: RelationInfo(-1, _H, _ACTOR, "An affirmed OPPOSES allegation, subject to object."),
    RelationType.SUPPORTS: RelationInfo(1, _C, _ACTOR, "An affirmed SUPPORTS allegation, subject to object."),
    RelationType.ALLIED_WITH: RelationInfo(1, _C, _ACTOR, "An affirmed ALLIED_WITH allegation, subject to object."),
    RelationType.PART_OF: RelationInfo(1, _S, _ACTOR, "An affirmed PART_OF allegation: one side."),
    RelationType.SPEAKS_FOR: RelationInfo(1, _S, _ACTOR, "An affirmed SPEAKS_FOR allegation: one side."),
    RelationType.LEADS: RelationInfo(1, _S, _ACTOR, "An affirmed LEADS allegation: one side."),
}

#: Derived types that can link two actors: the edges of the actor network that analytics projects.
NETWORK_RELATIONS: frozenset[RelationType] = frozenset(t for t, i in RELATIONS.items() if ObjectType.ACTOR in i.targets)

#: The relationships of the model itself (provenance), which the derivation never touches.
PROVENANCE_RELATIONSHIPS: frozenset[str] = frozenset(
    {"MADE", "ON", "SUBJECT", "OBJECT", "REPORTED_IN", "ON_BEHALF_OF", "DERIVED_FROM", "QUOTED_FROM"}
)

#: Housekeeping, not data: the name index alias resolution looks names up in (NameKey -NAMES-> Actor),
#: the keys of the audit records (Change -CHANGED-> ChangeKey) and "not the same" (Actor -DISTINCT_FROM-> Actor).
INDEX_RELATIONSHIPS: frozenset[str] = frozenset({"NAMES", "CHANGED", "DISTINCT_FROM"})
