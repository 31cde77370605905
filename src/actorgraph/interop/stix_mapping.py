"""How actorgraph's vocabulary maps onto STIX 2.1, in one place for the exporter and the importer.

STIX is a threat-intelligence language: its objects say who did what, while actorgraph records who *says*
who did what. So an allegation becomes a relationship (the proposition), each statement a note on it
(the account, with the verbatim quote and the speaker as author), each source a report, and an
analyst's verdict an opinion. What STIX has no field for travels in one property extension
(:data:`EXTENSION_ID`), so an actorgraph export comes back unchanged; a foreign bundle without it is
read with the tables below.

Ids are UUIDv5 over our own ids (as OpenCTI does for its objects), so the same graph always gives
the same bundle; the validator notes that STIX prefers UUIDv4 for domain objects (a warning, not an
error). actorgraph does not record when a fact entered the graph, so ``created``/``modified`` are the
fixed :data:`TIMESTAMP`: a changed object shows as changed content, not as a new timestamp.
"""

from __future__ import annotations

import datetime as dt
import uuid

from actorgraph.model.vocabulary import ActorKind, EventKind, Predicate, Verdict

#: The namespace of every actorgraph STIX id (uuid5 of "actorgraph" in the URL namespace).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "actorgraph")
#: The property extension carrying what STIX has no field for (kind, stance, offsets, full text...).
EXTENSION_ID = f"extension-definition--{uuid.uuid5(NAMESPACE, 'extension:actorgraph:1')}"
EXTENSION_VERSION = "1.1.0"
#: OpenCTI reads a grade from its own top-level ``x_opencti_reliability``; declaring it as a top-level
#: property extension keeps the bundle free of the validator's "custom property" warnings.
OPENCTI_EXTENSION_ID = f"extension-definition--{uuid.uuid5(NAMESPACE, 'extension:actorgraph:opencti-reliability:1')}"
OPENCTI_RELIABILITY = "x_opencti_reliability"
#: ``created`` and ``modified`` of every object: see the module docstring.
TIMESTAMP = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def stix_id(stix_type: str, key: str) -> str:
    """The deterministic id of the STIX object of type ``stix_type`` standing for ``key``.

    >>> stix_id("note", "statement:stm_1") == stix_id("note", "statement:stm_1")
    True
    """
    return f"{stix_type}--{uuid.uuid5(NAMESPACE, key)}"


IDENTITY_ID = stix_id("identity", "actorgraph")

#: Actor kind -> (STIX type, identity_class or threat_actor_types). Armed groups, militaries and
#: intelligence agencies are threat actors (they act with hostile intent in the records we keep);
#: everyone else is an identity. No kind is an intrusion set: that is a cyber-operations notion our
#: vocabulary lacks, so intrusion sets are only read (as ``UNKNOWN``), never written.
ACTOR_TYPES: dict[ActorKind, tuple[str, tuple[str, ...]]] = {
    ActorKind.PERSON: ("identity", ("individual",)),
    ActorKind.ORGANIZATION: ("identity", ("organization",)),
    ActorKind.GOVERNMENT: ("identity", ("organization",)),
    ActorKind.STATE: ("identity", ("organization",)),
    ActorKind.MEDIA: ("identity", ("organization",)),
    ActorKind.INTERNATIONAL_ORGANIZATION: ("identity", ("organization",)),
    ActorKind.UNKNOWN: ("identity", ("unknown",)),
    ActorKind.ARMED_GROUP: ("threat-actor", ("unknown",)),
    ActorKind.MILITARY: ("threat-actor", ("nation-state",)),
    ActorKind.INTELLIGENCE_AGENCY: ("threat-actor", ("nation-state", "spy")),
}
#: Identity sectors by kind (STIX industry-sector-ov).
SECTORS: dict[ActorKind, list[str]] = {
    ActorKind.GOVERNMENT: ["government-national"],
    ActorKind.STATE: ["government-national"],
    ActorKind.MEDIA: ["communications"],
}
ACTOR_STIX_TYPES = frozenset({"identity", "threat-actor", "intrusion-set"})

#: Operations over time are campaigns; single acts (and everything else) are incidents.
CAMPAIGN_KINDS = frozenset({EventKind.INCURSION, EventKind.OCCUPATION, EventKind.BATTLE, EventKind.CYBER_OPERATION})
EVENT_STIX_TYPES = frozenset({"campaign", "incident"})


def event_type(kind: EventKind) -> str:
    return "campaign" if kind in CAMPAIGN_KINDS else "incident"


def relationship_for(predicate: Predicate, subject_type: str, object_type: str) -> tuple[str, bool]:
    """The STIX relationship type of an allegation, and whether it points object -> subject.

    Spec types where the spec defines them for these ends, ``related-to`` otherwise:

    - CARRIED_OUT an event: ``campaign attributed-to threat-actor`` (reversed, as the spec has it);
    - CONTROLLED_BY: ``threat-actor attributed-to identity`` (the actor is a front of the identity);
    - ATTACKED: ``threat-actor targets identity``.

    >>> relationship_for(Predicate.CARRIED_OUT, "threat-actor", "campaign")
    ('attributed-to', True)
    >>> relationship_for(Predicate.OPPOSES, "threat-actor", "identity")
    ('related-to', False)
    """
    if predicate is Predicate.CARRIED_OUT and subject_type == "threat-actor" and object_type == "campaign":
        return "attributed-to", True
    if predicate is Predicate.CONTROLLED_BY and subject_type == "threat-actor" and object_type == "identity":
        return "attributed-to", False
    if predicate is Predicate.ATTACKED and subject_type == "threat-actor" and object_type == "identity":
        return "targets", False
    return "related-to", False


def predicate_for(relationship_type: str, source_type: str, target_type: str) -> tuple[Predicate, bool] | None:
    """The predicate a foreign relationship states, and whether its source is the allegation's object.

    The inverse of :func:`relationship_for`, widened to what other tools write (OpenCTI's
    ``part-of`` and ``cooperates-with``); None for relationships no predicate fits (``uses``,
    ``indicates``, ``related-to`` between two actors...), which an import skips and counts.
    """
    actor = source_type in ACTOR_STIX_TYPES
    if relationship_type == "attributed-to" and source_type in EVENT_STIX_TYPES and target_type in ACTOR_STIX_TYPES:
        return Predicate.CARRIED_OUT, True
    if not actor:
        return None
    if target_type in EVENT_STIX_TYPES:
        return (Predicate.INVOLVED_IN, False) if relationship_type == "related-to" else None
    if target_type not in ACTOR_STIX_TYPES:
        return None
    table = {
        "attributed-to": Predicate.CONTROLLED_BY,
        "targets": Predicate.ATTACKED,
        "part-of": Predicate.PART_OF,
        "cooperates-with": Predicate.ALLIED_WITH,
    }
    found = table.get(relationship_type)
    return (found, False) if found else None


#: Verdict -> opinion, and back (strongly-/plain agree and disagree read the same).
OPINIONS: dict[Verdict, str] = {
    Verdict.CONFIRMED: "strongly-agree",
    Verdict.REFUTED: "strongly-disagree",
    Verdict.UNPROVEN: "neutral",
}
VERDICTS: dict[str, Verdict] = {
    "strongly-agree": Verdict.CONFIRMED,
    "agree": Verdict.CONFIRMED,
    "neutral": Verdict.UNPROVEN,
    "disagree": Verdict.REFUTED,
    "strongly-disagree": Verdict.REFUTED,
}

#: The extension's definition, as plain text (STIX allows a URL or text).
EXTENSION_SCHEMA = (
    "actorgraph property extension, version 1. On identities, threat actors and intrusion sets: "
    "actorgraph_id, kind (actorgraph ActorKind), aliases, country (ISO 3166), wikidata. On campaigns and "
    "incidents: actorgraph_id, kind (EventKind), start_date, end_date (YYYY-MM-DD), location. On reports: "
    "actorgraph_id, kind (SourceKind), publisher, published_on, text (the full text every quote is taken from), sha256 "
    "(of text), verification, reliability (Admiralty letter A-F), derived_from (the actorgraph id of the source it "
    "repeats: PROV wasDerivedFrom), origin (the root of its chain). On relationships: actorgraph_id, predicate, "
    "polarity, status (derived), "
    "summary. On notes: actorgraph_id, stance (AFFIRMS or DENIES), start and end (character offsets of "
    "the quote in the report's text), speaker_ref, on_behalf_of_ref, stated_on, medium, confidence (0-1), "
    "analyst_note, credibility (Admiralty digit 1-6; the note's STIX confidence is its Admiralty Credibility "
    "value), quoted_from (the actorgraph id of the source it was quoted from: PROV wasQuotedFrom), origin (the "
    "root of its chain of custody). On identities and threat actors also reliability (the actor's default "
    "grade). On opinions: verdict, verdict_source, verdict_on."
)
