"""Reading dossiers: YAML -> pydantic -> whole-dossier checks -> a :class:`~actorgraph.model.dossier.PreparedDossier`.

Nothing here touches Neo4j. Every problem in a file is collected (not just the first) and reported
with the file, the path inside it (``statements[3].quote``) and what to fix, so an analyst fixes a
dossier in one pass.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from actorgraph.errors import InvalidInput, Problem
from actorgraph.ingest.jsonl import SUFFIX, read_jsonl
from actorgraph.model import Dossier, Statement
from actorgraph.model.dossier import PreparedDossier, content_sha256
from actorgraph.model.quotes import Span, locate_quote
from actorgraph.model.rows import prepare_statement, text_sha256
from actorgraph.model.vocabulary import ObjectType, Predicate

DOSSIER_SUFFIXES = (".yaml", ".yml", SUFFIX)


# yaml-rs (Rust) parses a dossier about ten times faster than PyYAML's libyaml loader; PyYAML stays
# the fallback and the source of error messages (with line and column).
try:
    import yaml_rs
except ImportError:  # pragma: no cover - an install without it
    yaml_rs = None  # type: ignore[assignment]

# libyaml's parser when PyYAML was built with it (about ten times faster), else the pure-Python one.
try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


class _DossierLoader(_SafeLoader):
    """SafeLoader that leaves dates as text, so pydantic reports a bad date with its path.

    PyYAML would otherwise turn ``2030-13-45`` into a crash while parsing, with no field name.
    """


_DossierLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _undated(raw: Any) -> Any:
    """Dates back to their text, as PyYAML's loader above leaves them (pydantic parses and reports them).

    Only where a dossier has fields: the top level, ``source`` and the entries of each section.
    """
    if not isinstance(raw, dict):
        return raw
    entries = [raw, *(v for v in raw.values() if isinstance(v, dict))]
    entries += [e for v in raw.values() if isinstance(v, list) for e in v if isinstance(e, dict)]
    for entry in entries:
        for key, value in entry.items():
            if isinstance(value, dt.date):
                entry[key] = value.isoformat()
    return raw


def parse_yaml(text: str) -> Any:
    """A YAML document as Python data, dates left as text; ``yaml.YAMLError`` (with its mark) if invalid."""
    if yaml_rs is not None:
        try:
            return _undated(yaml_rs.loads(text))
        except Exception:  # any failure: PyYAML parses again and words the error
            pass
    return yaml.load(text, Loader=_DossierLoader)


def find_dossiers(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their dossier files (sorted, recursive); keep files as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in DOSSIER_SUFFIXES and p.is_file())
        else:
            found.append(path)
    return found


def read_dossier(path: Path) -> PreparedDossier:
    """Parse and check one YAML dossier file; raises :class:`InvalidInput` listing every problem."""
    prepared, problems = _read(path)
    if problems or prepared is None:
        raise InvalidInput(problems)
    return prepared


def read_dossiers(paths: Sequence[Path], *, files: Sequence[Path] | None = None) -> list[PreparedDossier]:
    """Read and check every dossier under ``paths`` (or just ``files`` of them); all problems together."""
    files = find_dossiers(paths) if files is None else list(files)
    problems: list[Problem] = []
    if not files:
        problems.append(
            Problem(", ".join(map(str, paths)) or ".", "", "no dossier (*.yaml, *.yml, *.jsonl) found here")
        )
    prepared: list[PreparedDossier] = []
    for file in files:
        found_dossiers, found = read_file(file)
        problems += found
        prepared += found_dossiers
    problems += _cross_file_problems(prepared)
    if problems:
        raise InvalidInput(problems)
    return prepared


def read_file(path: Path) -> tuple[list[PreparedDossier], list[Problem]]:
    """The dossiers of one file: one for YAML, one per source for JSON Lines."""
    if path.suffix == SUFFIX:
        return read_jsonl(path, _pydantic_problem, lambda _, dossier: _checked(path, dossier, b""))
    one, problems = _read(path)
    return ([one] if one is not None else []), problems


def _read(path: Path) -> tuple[PreparedDossier | None, list[Problem]]:
    name = str(path)
    if not path.is_file():
        return None, [Problem(name, "", "file not found: check the path")]
    try:
        data = path.read_bytes()
        raw = parse_yaml(data.decode("utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        return None, [Problem(name, where, f"not valid YAML ({getattr(exc, 'problem', exc)}): fix the syntax")]
    except UnicodeDecodeError:
        return None, [Problem(name, "", "not UTF-8 text: save the file as UTF-8")]
    if not isinstance(raw, dict):
        return None, [Problem(name, "", "a dossier is a mapping with `source`, `actors`, `allegations`, ...")]
    try:
        dossier = Dossier.model_validate(raw)
    except ValidationError as exc:
        return None, [_pydantic_problem(name, err) for err in exc.errors()]
    return _checked(path, dossier, data)


def _checked(path: Path, dossier: Dossier, data: bytes) -> tuple[PreparedDossier | None, list[Problem]]:
    """The checks that need the whole dossier: its source text, references, quotes at their offsets."""
    name = str(path)
    text, problems = _source_text(path, dossier)
    if text is None:
        return None, problems
    problems += _reference_problems(name, dossier)
    statements, quote_problems = _prepare_statements(name, dossier, text)
    problems += quote_problems
    if problems:
        return None, problems
    return (
        PreparedDossier(
            path=path,
            dossier=dossier,
            source_text=text,
            source_sha256=text_sha256(text),
            statements=[prepare_statement(s, span) for s, span in statements],
            content_sha256=content_sha256(data, text if dossier.source.text_file else ""),
            file_sha256=hashlib.sha256(data).hexdigest(),
            text_file=dossier.source.text_file,
        ),
        [],
    )


def _pydantic_problem(file: str, err: Any) -> Problem:
    loc = err.get("loc", ())
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    kind = err.get("type", "")
    msg = err.get("msg", "invalid")
    if kind == "enum":
        allowed = err.get("ctx", {}).get("expected", "")
        msg = f"unknown value {err.get('input')!r}: use one of {allowed}"
    elif kind == "missing":
        msg = "required: add it"
    elif kind == "extra_forbidden":
        msg = "unknown field: remove it or fix its spelling"
    elif kind.startswith("date"):
        msg = f"{err.get('input')!r} is not a date: write it as YYYY-MM-DD"
    elif kind == "string_pattern_mismatch":
        msg = f"{err.get('input')!r} does not match {err.get('ctx', {}).get('pattern')}: use a lowercase slug"
    elif loc and loc[-1] == "credibility" and kind != "missing":
        msg = f"{err.get('input')!r} is not a credibility grade: use a whole number, 1 (confirmed) to 6 (not judged)"
    elif kind == "value_error":
        msg = msg.removeprefix("Value error, ")
    return Problem(file, path, msg)


def _source_text(path: Path, dossier: Dossier) -> tuple[str | None, list[Problem]]:
    """The source's text, inline or from ``text_file``, which must stay inside the dossier's folder.

    A dossier is input from someone else: ``text_file`` is a relative path with no ``..``, and the
    file it names (symlinks followed) is a regular file under the dossier's folder, so a dossier can
    never make the machine's own files (``/etc/passwd``, a key) a source text that the API then serves.
    """
    src = dossier.source
    if src.text is not None:
        return src.text, []
    assert src.text_file is not None  # the model guarantees one of the two
    name = str(path)
    given = Path(src.text_file)
    if given.is_absolute() or ".." in given.parts:
        return None, [
            Problem(name, "source.text_file", f"{src.text_file!r} leaves the dossier's folder: give a path relative "
                    "to the dossier, without `..` (or inline the text as `source.text`)")
        ]  # fmt: skip
    folder = path.parent.resolve()
    text_path = (folder / given).resolve()
    if not text_path.is_relative_to(folder):
        return None, [
            Problem(name, "source.text_file", f"{src.text_file!r} is a link to a file outside the dossier's folder: "
                    "copy the text beside the dossier")
        ]  # fmt: skip
    if not text_path.is_file():
        return None, [
            Problem(name, "source.text_file", f"{src.text_file} not found: put the text file beside the dossier")
        ]
    try:
        return text_path.read_text(encoding="utf-8"), []
    except UnicodeDecodeError:
        return None, [Problem(name, "source.text_file", f"{src.text_file} is not UTF-8 text: save it as UTF-8")]
    except OSError as exc:
        return None, [Problem(name, "source.text_file", f"{src.text_file} cannot be read ({exc.strerror})")]


def _duplicates(ids: Iterable[str]) -> list[tuple[int, str]]:
    seen: set[str] = set()
    dups: list[tuple[int, str]] = []
    for i, value in enumerate(ids):
        if value in seen:
            dups.append((i, value))
        seen.add(value)
    return dups


def _reference_problems(file: str, d: Dossier) -> list[Problem]:
    problems: list[Problem] = []
    actor_ids = {a.id for a in d.actors}
    event_ids = {e.id for e in d.events}
    alleg_local = {a.id for a in d.allegations}
    for section, ids in (
        ("actors", [a.id for a in d.actors]),
        ("events", [e.id for e in d.events]),
        ("allegations", [a.id for a in d.allegations]),
        ("statements", [s.id for s in d.statements if s.id]),
    ):
        for i, dup in _duplicates(ids):
            problems.append(Problem(file, f"{section}[{i}].id", f"duplicate id {dup!r}: give each entry its own id"))
    for i, dup in _duplicates([a.id for a in d.actors] + [e.id for e in d.events]):
        if i >= len(d.actors):
            j = i - len(d.actors)
            problems.append(Problem(file, f"events[{j}].id", f"{dup!r} is already an actor id: rename one"))
    triples: dict[tuple[str, str, str], str] = {}
    for i, a in enumerate(d.allegations):
        if a.subject not in actor_ids:
            problems.append(
                Problem(file, f"allegations[{i}].subject", f"unknown actor {a.subject!r}: add it to actors")
            )
        wanted = Predicate(a.predicate).info.object_type
        pool = event_ids if wanted is ObjectType.EVENT else actor_ids
        if a.object not in pool:
            noun = "event" if wanted is ObjectType.EVENT else "actor"
            problems.append(
                Problem(
                    file,
                    f"allegations[{i}].object",
                    f"unknown {noun} {a.object!r} ({a.predicate.value} takes an {noun}): add it to {noun}s",
                )
            )
        triple = (a.subject, a.predicate.value, a.object)
        if triple in triples:
            problems.append(
                Problem(
                    file,
                    f"allegations[{i}]",
                    f"same subject, predicate and object as {triples[triple]!r}: merge the two allegations",
                )
            )
        triples[triple] = a.id
    stated = {s.allegation for s in d.statements}
    for i, a in enumerate(d.allegations):
        if a.id not in stated:
            problems.append(
                Problem(
                    file, f"allegations[{i}]", f"allegation {a.id!r} has no statement: add who affirms or denies it"
                )
            )
    for i, s in enumerate(d.statements):
        if s.speaker not in actor_ids:
            problems.append(Problem(file, f"statements[{i}].speaker", f"unknown actor {s.speaker!r}: add it to actors"))
        if s.on_behalf_of is not None and s.on_behalf_of not in actor_ids:
            problems.append(
                Problem(file, f"statements[{i}].on_behalf_of", f"unknown actor {s.on_behalf_of!r}: add it to actors")
            )
        if s.allegation not in alleg_local:
            problems.append(
                Problem(
                    file, f"statements[{i}].allegation", f"unknown allegation {s.allegation!r}: add it to allegations"
                )
            )
    return problems


def _prepare_statements(file: str, d: Dossier, text: str) -> tuple[list[tuple[Statement, Span]], list[Problem]]:
    """Check each quote is verbatim in the source and its offsets match; fill offsets when absent."""
    out: list[tuple[Statement, Span]] = []
    problems: list[Problem] = []
    for i, s in enumerate(d.statements):
        span, field, message = locate_quote(text, s.quote, s.start, s.end, s.occurrence)
        if span is None:
            problems.append(Problem(file, f"statements[{i}].{field}", message))
        else:
            out.append((s, span))
    return out, problems


def _cross_file_problems(prepared: Sequence[PreparedDossier]) -> list[Problem]:
    """Ids that must agree across files: one source id per text, statements unique across files."""
    problems: list[Problem] = []
    sources: dict[str, tuple[str, str]] = {}
    statements: dict[str, str] = {}
    for p in prepared:
        src = p.dossier.source
        prev = sources.get(src.id)
        if prev and prev[1] != p.source_sha256:
            problems.append(
                Problem(str(p.path), "source.id", f"{src.id!r} names a different text in {prev[0]}: rename one source")
            )
        sources[src.id] = (str(p.path), p.source_sha256)
        for i, s in enumerate(p.statements):
            if s.id is None:
                continue
            if s.id in statements and statements[s.id] != str(p.path):
                problems.append(
                    Problem(str(p.path), f"statements[{i}].id", f"{s.id!r} is also a statement in {statements[s.id]}")
                )
            statements[s.id] = str(p.path)
    return problems
