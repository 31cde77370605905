"""A :class:`~actorgraph.draft.candidates.Draft` written as a dossier YAML a person reviews, then loads.

The file is a normal dossier: ``actorgraph load --check`` accepts it as written. Every suggestion carries a
comment saying what it was inferred from and its confidence; what the drafter could not decide (an actor's
kind, who an allegation is about) is listed at the top and beside the entry, marked ``DECIDE``. The source
text is inline, so the draft can be moved anywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from actorgraph.draft.candidates import Draft, StatementCandidate
from actorgraph.model.vocabulary import ActorKind, Predicate

_PHRASES = {
    Predicate.CARRIED_OUT: "carried out",
    Predicate.INVOLVED_IN: "was involved in",
    Predicate.CONTROLLED_BY: "is controlled by",
    Predicate.SUPPORTS: "supports",
    Predicate.ALLIED_WITH: "acts along with",
    Predicate.OPPOSES: "opposes",
    Predicate.ATTACKED: "attacked",
    Predicate.THREATENED: "threatened",
    Predicate.WARNED: "warned",
    Predicate.SUBVERTED: "worked to destabilise",
    Predicate.CRITICIZED: "criticized",
    Predicate.PRAISED: "praised",
    Predicate.PROVIDED_MILITARY_AID: "gave military aid to",
    Predicate.SHARED_INTELLIGENCE: "shared intelligence with",
    Predicate.OCCUPIED: "occupied territory in",
    Predicate.PART_OF: "is part of",
    Predicate.SPEAKS_FOR: "speaks for",
    Predicate.LEADS: "leads",
}


def allegation_key(s: StatementCandidate) -> str:
    """The dossier-local allegation id of a statement: readable, from subject, predicate and object."""
    return f"{s.subject}-{s.predicate.value.lower().replace('_', '-')}-{s.object}"[:128]


def decisions(draft: Draft) -> list[str]:
    """What a person must decide before loading, one line each."""
    out = []
    for a in draft.actors:
        if a.kind is ActorKind.UNKNOWN:
            out.append(f"actors: {a.id!r} ({a.name}) has kind UNKNOWN: set its kind, or replace it")
    for i, s in enumerate(draft.statements):
        out += [f"statements[{i}]: {d}" for d in s.decide]
    return out


def render_dossier(draft: Draft, *, origin: str) -> str:
    """The draft as dossier YAML text, with comments for the reviewer."""
    names = {a.id: a.name for a in draft.actors} | {e.id: e.name for e in draft.events}
    lines = [
        f"# DRAFT made by `actorgraph draft` ({_mode_line(draft.mode)}) from {origin}"
        f" on {dt.date.today().isoformat()}.",
        "# Nothing here is in the graph. Review every entry: keep, correct or delete it (an allegation needs at",
        "# least one statement), then `actorgraph load --check THIS_FILE` and `actorgraph load THIS_FILE`.",
        "# Each statement's comment says what it was inferred from; `confidence` is the drafter's, not a fact.",
    ]
    todo = decisions(draft)
    if todo:
        lines.append("#")
        lines.append("# DECIDE before loading:")
        lines += [f"#  - {t}" for t in todo]
    for note in draft.notes:
        lines.append(f"# NOTE: {note}")
    lines.append("")
    lines.append("source:")
    lines.append(f"  id: {_scalar(draft.source_id)}")
    lines.append("  kind: ARTICLE")
    lines.append(f"  title: {_scalar(draft.title)}")
    lines.append(f"  text: {_text_scalar(draft.text)}")
    lines.append("")
    lines.append("actors:")
    for a in draft.actors:
        why = "known actor in the graph" if a.known else a.evidence
        lines.append(f"  # {why}" + ("  DECIDE: kind" if a.kind is ActorKind.UNKNOWN else ""))
        lines.append(f"  - id: {a.id}")
        lines.append(f"    name: {_scalar(a.name)}")
        lines.append(f"    kind: {a.kind.value}")
        if a.aliases:
            lines.append(f"    aliases: {_flow(a.aliases)}")
        if a.country and not a.known:
            lines.append(f"    country: {a.country}")
    if draft.events:
        lines.append("")
        lines.append("events:")
        for e in draft.events:
            lines.append(f"  # {e.evidence}")
            lines.append(f"  - id: {e.id}")
            lines.append(f"    name: {_scalar(e.name)}")
            lines.append(f"    kind: {e.kind.value}")
    lines.append("")
    lines.append("allegations:")
    seen: set[str] = set()
    for s in draft.statements:
        key = allegation_key(s)
        if key in seen:
            continue
        seen.add(key)
        summary = f"{names.get(s.subject, s.subject)} {_PHRASES[s.predicate]} {names.get(s.object, s.object)}."
        lines.append(f"  - id: {key}")
        lines.append(f"    subject: {s.subject}")
        lines.append(f"    predicate: {s.predicate.value}")
        lines.append(f"    object: {s.object}")
        lines.append(f"    summary: {_scalar(summary[0].upper() + summary[1:])}")
    lines.append("")
    lines.append("statements:")
    for s in draft.statements:
        lines.append(f"  # {s.confidence:.2f}: {s.comment}")
        lines += [f"  # DECIDE: {d}" for d in s.decide]
        lines.append(f"  - speaker: {s.speaker}")
        if s.on_behalf_of:
            lines.append(f"    on_behalf_of: {s.on_behalf_of}")
        lines.append(f"    allegation: {allegation_key(s)}")
        lines.append(f"    stance: {s.stance.value}")
        lines.append(f"    quote: {_scalar(draft.text[s.quote.start : s.quote.end])}")
        lines.append(f"    start: {s.quote.start}")
        lines.append(f"    end: {s.quote.end}")
        if s.medium:
            lines.append(f"    medium: {_scalar(s.medium)}")
        lines.append(f"    confidence: {s.confidence:.2f}")
    if not draft.statements:
        lines[-1] = "statements: []  # nothing recognised: code the article by hand"
    return "\n".join(lines) + "\n"


def _mode_line(mode: str) -> str:
    if mode == "spacy":
        return "spaCy + rules"
    return "rules only: install the nlp extra for better recall"


def _scalar(value: Any) -> str:
    """One YAML scalar on one line, quoted when YAML needs it."""
    out: str = yaml.safe_dump(value, default_flow_style=True, width=1_000_000, allow_unicode=True)
    return out.removesuffix("\n...\n").rstrip("\n")


def _flow(values: list[str]) -> str:
    return "[" + ", ".join(_scalar(v) for v in values) + "]"


def _text_scalar(text: str) -> str:
    """The source text, as a double-quoted scalar: exact for every character, which offsets depend on."""
    out: str = yaml.safe_dump(text, default_style='"', width=100, allow_unicode=True)
    body = out.removesuffix("\n...\n").rstrip("\n")
    return body.replace("\n", "\n    ")
