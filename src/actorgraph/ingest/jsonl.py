"""JSON Lines: the input format for machine-made corpora, one record per line, many sources per file.

Each line is one JSON object with a ``type``: ``source``, ``actor``, ``event``, ``allegation`` or
``statement``, and the fields of that model (the same as in a YAML dossier). A statement also names
its ``source`` by id; a source may carry the dossier's ``verification``. Ids are those of the file:
allegations are shared by every source of the file, and each source becomes one dossier holding its
statements and the actors, events and allegations they refer to::

    {"type": "source", "id": "wire-1", "kind": "ARTICLE", "title": "...", "text": "..."}
    {"type": "actor", "id": "kremlin", "name": "Kremlin", "kind": "GOVERNMENT"}
    {"type": "allegation", "id": "a1", "subject": "legion", "predicate": "CONTROLLED_BY", ...}
    {"type": "statement", "source": "wire-1", "speaker": "kremlin", "allegation": "a1", ...}

The checks and messages are those of YAML dossiers, with the line in place of the path
(``corpus.jsonl: line 12: quote: not found verbatim ...``). Records are validated in bulk, one
pydantic call per record type.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from actorgraph.errors import Problem
from actorgraph.model import Actor, Allegation, Dossier, Event, Source, Statement
from actorgraph.model.dossier import PreparedDossier

SUFFIX = ".jsonl"
KINDS = ("source", "actor", "event", "allegation", "statement")
_MODELS: dict[str, TypeAdapter[Any]] = {
    "source": TypeAdapter(list[Source]),
    "actor": TypeAdapter(list[Actor]),
    "event": TypeAdapter(list[Event]),
    "allegation": TypeAdapter(list[Allegation]),
    "statement": TypeAdapter(list[Statement]),
}
_SECTION = re.compile(r"^(actors|events|allegations|statements)\[(\d+)\]\.?(.*)$")

#: How the checks shared with YAML dossiers are run on one dossier (``ingest.read`` provides them).
Checks = Callable[[str, Dossier], tuple[PreparedDossier | None, list[Problem]]]


class _Records:
    """The valid records of one file, each with its line number, by type and id."""

    def __init__(self) -> None:
        self.by_id: dict[str, dict[str, tuple[int, Any]]] = {k: {} for k in KINDS if k != "statement"}
        self.statements: list[tuple[int, str, Statement]] = []
        self.verification: dict[str, str | None] = {}
        self.raw: dict[int, bytes] = {}


def _problem_path(line: int, loc: tuple[Any, ...]) -> str:
    fields = ".".join(str(part) for part in loc)
    return f"line {line}: {fields}" if fields else f"line {line}"


def _parse(
    name: str, data: bytes
) -> tuple[dict[str, list[tuple[int, dict[str, Any]]]], dict[int, bytes], list[Problem]]:
    rows: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    raw: dict[int, bytes] = {}
    problems: list[Problem] = []
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            problems.append(Problem(name, f"line {number}", f"not valid JSON ({exc}): fix the line"))
            continue
        if not isinstance(record, dict):
            problems.append(Problem(name, f"line {number}", "a record is a JSON object with a `type`: fix the line"))
            continue
        kind = record.pop("type", None)
        if kind not in KINDS:
            problems.append(
                Problem(name, f"line {number}: type", f"unknown record type {kind!r}: use one of {', '.join(KINDS)}")
            )
            continue
        raw[number] = line
        rows[kind].append((number, record))
    return rows, raw, problems


def _validate(
    name: str, rows: dict[str, list[tuple[int, dict[str, Any]]]], problem: Callable[..., Problem]
) -> tuple[_Records, list[Problem]]:
    """Validate each type's records in one pydantic call; errors name their line and field."""
    records = _Records()
    problems: list[Problem] = []
    for kind in KINDS:
        lines = [number for number, _ in rows[kind]]
        payload = [record for _, record in rows[kind]]
        sources: list[Any] = []
        if kind == "statement":
            sources = [record.pop("source", None) for record in payload]
        if kind == "source":
            for _, record in rows[kind]:
                records.verification[str(record.get("id"))] = record.pop("verification", None)
        try:
            models = _MODELS[kind].validate_python(payload)
        except ValidationError as exc:
            bad: set[int] = set()
            for err in exc.errors():
                index, *loc = err.get("loc", (0,))
                bad.add(int(index))
                problems.append(problem(name, lines[int(index)], tuple(loc), err))
            good = [i for i in range(len(payload)) if i not in bad]
            models = [_MODELS[kind].validate_python([payload[i]])[0] for i in good]
            lines = [lines[i] for i in good]
            sources = [sources[i] for i in good] if sources else []
        if kind == "statement":
            for number, source, model in zip(lines, sources, models, strict=True):
                if not isinstance(source, str):
                    problems.append(
                        Problem(name, f"line {number}: source", "required: add the id of the statement's source")
                    )
                else:
                    records.statements.append((number, source, model))
            continue
        for number, model in zip(lines, models, strict=True):
            table = records.by_id[kind]
            if model.id in table:
                problems.append(
                    Problem(
                        name,
                        f"line {number}: id",
                        f"duplicate {kind} id {model.id!r} (line {table[model.id][0]}): give each its own id",
                    )
                )
            table[model.id] = (number, model)
    return records, problems


def read_jsonl(
    path: Path, pydantic_problem: Callable[..., Problem], checks: Checks
) -> tuple[list[PreparedDossier], list[Problem]]:
    """Every dossier of one JSON Lines file (one per source), or the problems found, line by line."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError:
        return [], [Problem(name, "", "file not found: check the path")]

    def problem(file: str, line: int, loc: tuple[Any, ...], err: Any) -> Problem:
        found = pydantic_problem(file, {**err, "loc": loc})
        return Problem(file, _problem_path(line, loc), found.message)

    rows, raw, problems = _parse(name, data)
    records, found = _validate(name, rows, problem)
    problems += found
    sources = records.by_id["source"]
    by_source: dict[str, list[tuple[int, Statement]]] = defaultdict(list)
    for number, source, statement in records.statements:
        if source not in sources:
            problems.append(Problem(name, f"line {number}: source", f"unknown source {source!r}: add a source record"))
        else:
            by_source[source].append((number, statement))
    used_allegations: set[str] = set()
    prepared: list[PreparedDossier] = []
    file_sha256 = hashlib.sha256(data).hexdigest()
    for source_id, (source_line, source) in sources.items():
        statements = by_source.get(source_id, [])
        if not statements:
            problems.append(
                Problem(name, f"line {source_line}", f"source {source_id!r} has no statement: add one or remove it")
            )
            continue
        if source.text is None:
            problems.append(
                Problem(name, f"line {source_line}: text", "give the source's text inline as `text` in JSON Lines")
            )
            continue
        dossier, lines = _dossier(records, source, statements, used_allegations)
        one, found = checks(name, dossier)
        if found:
            problems += [_with_line(p, lines, source_line) for p in found]
            continue
        assert one is not None
        digest = hashlib.sha256()
        for number in sorted(lines["all"]):
            digest.update(raw[number] + b"\n")
        prepared.append(
            PreparedDossier(
                path=path, dossier=dossier, source_text=one.source_text, source_sha256=one.source_sha256,
                statements=one.statements, content_sha256=digest.hexdigest(), file_sha256=file_sha256,
            )
        )  # fmt: skip
    for aid, (number, _) in records.by_id["allegation"].items():
        if aid not in used_allegations:
            problems.append(
                Problem(name, f"line {number}", f"allegation {aid!r} has no statement: add who affirms or denies it")
            )
    if problems:
        return [], problems
    prepared = [PreparedDossier(**{**p.__dict__, "file_dossiers": len(prepared)}) for p in prepared]
    return prepared, []


def _dossier(
    records: _Records, source: Source, statements: list[tuple[int, Statement]], used: set[str]
) -> tuple[Dossier, dict[str, list[int]]]:
    """One source's dossier from the file's records, and the line of each of its entries."""
    actors, events, allegations = records.by_id["actor"], records.by_id["event"], records.by_id["allegation"]
    wanted_actors: dict[str, None] = {}
    wanted_events: dict[str, None] = {}
    wanted_allegations: dict[str, None] = {}
    for _, s in statements:
        wanted_actors[s.speaker] = None
        if s.on_behalf_of:
            wanted_actors[s.on_behalf_of] = None
        wanted_allegations[s.allegation] = None
    for aid in wanted_allegations:
        if aid in allegations:
            used.add(aid)
            a = allegations[aid][1]
            wanted_actors[a.subject] = None
            (wanted_events if a.object in events and a.object not in actors else wanted_actors)[a.object] = None
    picked_actors = [actors[i] for i in wanted_actors if i in actors]
    picked_events = [events[i] for i in wanted_events if i in events]
    picked_allegations = [allegations[i] for i in wanted_allegations if i in allegations]
    lines = {
        "actors": [n for n, _ in picked_actors],
        "events": [n for n, _ in picked_events],
        "allegations": [n for n, _ in picked_allegations],
        "statements": [n for n, _ in statements],
    }
    lines["all"] = [
        records.by_id["source"][source.id][0],
        *(n for k in ("actors", "events", "allegations", "statements") for n in lines[k]),
    ]
    dossier = Dossier.model_construct(
        source=source,
        actors=[m for _, m in picked_actors],
        events=[m for _, m in picked_events],
        allegations=[m for _, m in picked_allegations],
        statements=[m for _, m in statements],
        verification=records.verification.get(source.id),
    )
    return dossier, lines


def _with_line(problem: Problem, lines: dict[str, list[int]], source_line: int) -> Problem:
    """A dossier problem (``statements[3].quote``) with the line of its record (``line 57: quote``)."""
    match = _SECTION.match(problem.path)
    if match:
        section, index, rest = match.group(1), int(match.group(2)), match.group(3)
        where = f"line {lines[section][index]}" + (f": {rest}" if rest else "")
        return Problem(problem.file, where, problem.message)
    if problem.path.startswith("source"):
        rest = problem.path.removeprefix("source").lstrip(".")
        return Problem(problem.file, f"line {source_line}" + (f": {rest}" if rest else ""), problem.message)
    return problem


__all__ = ["SUFFIX", "read_jsonl"]
