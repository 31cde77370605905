"""``actorgraph draft ARTICLE``: suggest a dossier for an article, for a person to review before loading."""

from __future__ import annotations

import sys
import tempfile
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from actorgraph.cli.console import err_console
from actorgraph.draft import KnownActor, draft_text, get_analyzer, spacy_available
from actorgraph.draft.actors import slugify
from actorgraph.draft.dossier import decisions, render_dossier
from actorgraph.draft.language import NLP_INSTALL_HINT
from actorgraph.draft.reading import read_article
from actorgraph.errors import ActorgraphError, InvalidInput, Neo4jAuthError, Neo4jUnavailable, Problem
from actorgraph.ingest.read import read_dossier
from actorgraph.model.ids import is_slug
from actorgraph.model.vocabulary import ActorKind
from actorgraph.settings import get_settings


class Mode(StrEnum):
    auto = "auto"
    spacy = "spacy"
    rules = "rules"


HELP = (
    "Draft a dossier from an article (plain text or HTML): candidate actors, events, allegations and "
    "statements (speaker, stance, verbatim quote with offsets), each with a confidence and a comment "
    "saying what it was inferred from. Nothing is loaded: review the file, then load it.\n\n"
    "Workflow: `actorgraph draft article.txt -o case.yaml`, review case.yaml (keep, fix or delete each "
    "suggestion), `actorgraph load --check case.yaml`, then `actorgraph load case.yaml`.\n\n"
    'Recognised: direct quotes, reported speech ("X said that ..."), "according to X", denials, accusations '
    '("X accused Y of ...") and claims posted on Telegram or in press releases. Actors are matched to those '
    "already in the graph when Neo4j is reachable (--offline skips the look-up). The optional spaCy extra "
    "(`make draft-deps`) adds named entities and parse-based subjects; without it a rule-only mode runs and "
    "says so."
)


def register(app: typer.Typer) -> None:
    @app.command("draft", help=HELP)
    def draft_cmd(
        article: Annotated[Path, typer.Argument(help="The article: a .txt file, or .html (main text extracted).")],
        source_id: Annotated[
            str | None,
            typer.Option("--source-id", help="Id of the source in the dossier (default: from the file name)."),
        ] = None,
        out: Annotated[
            Path | None, typer.Option("--out", "-o", help="Dossier file to write (default: stdout).")
        ] = None,
        mode: Annotated[
            Mode, typer.Option("--mode", help="auto: spaCy when installed, else rules; spacy; rules.")
        ] = Mode.auto,
        offline: Annotated[bool, typer.Option("--offline", help="Do not look up known actors in Neo4j.")] = False,
        force: Annotated[bool, typer.Option("--force", help="Overwrite the --out file if it exists.")] = False,
    ) -> None:
        sid = source_id or slugify(article.stem)
        if not is_slug(sid):
            raise InvalidInput([_usage(f"--source-id {sid!r} is not a slug: use lowercase letters, digits and -")])
        if out is not None and out.exists() and not force:
            raise InvalidInput([_usage(f"{out} exists: choose another --out or pass --force to overwrite it")])
        read = read_article(article)
        known = [] if offline else _known_actors()
        if mode is Mode.auto and not spacy_available():
            err_console.print(
                "rule-only mode: the spaCy extra is not installed, so actor kinds come from keywords only "
                f"({NLP_INSTALL_HINT})"
            )
        began = time.perf_counter()
        with (
            err_console.status("loading the spaCy pipeline ...", spinner="dots")
            if mode is not Mode.rules and spacy_available()
            else _nothing()
        ):
            analyzer = get_analyzer(mode.value)
        loaded = time.perf_counter() - began
        draft = draft_text(read.text, analyzer=analyzer, source_id=sid, title=read.title, known=known)
        text = render_dossier(draft, origin=str(article))
        problems = _check(text)
        if out is None:
            sys.stdout.write(text)
        else:
            out.write_text(text, encoding="utf-8")
        todo = decisions(draft)
        err_console.print(
            f"drafted {len(draft.statements)} statements, {len(draft.actors)} actors, {len(draft.events)} events "
            f"({draft.mode} mode, {draft.seconds:.2f}s"
            + (f", pipeline load {loaded:.1f}s" if loaded > 0.5 else "")
            + ")"
            + (f" to {out}" if out else "")
        )
        if problems:
            err_console.print("[bold red]the draft does not pass `actorgraph load --check`:[/]\n" + problems)
            raise typer.Exit(2)
        err_console.print(
            "the draft passes `actorgraph load --check`"
            + (f"; {len(todo)} thing(s) to decide are listed at the top of the file" if todo else "")
            + ". Review it, then `actorgraph load` it."
        )


def _known_actors() -> list[KnownActor]:
    """Actors already in the graph, or none (said on stderr) when Neo4j cannot be asked."""
    from actorgraph.store.actor_names import known_actor_names
    from actorgraph.store.core import Store

    settings = get_settings()
    try:
        with Store.connect(settings) as store:
            rows = known_actor_names(store)
    except (Neo4jUnavailable, Neo4jAuthError) as exc:
        err_console.print(
            f"{exc} Drafting without known actors (pass --offline to skip this look-up).", highlight=False
        )
        return []
    err_console.print(f"matching against {len(rows)} known actors in the graph")
    return [KnownActor(r.id, r.name, _kind(r.kind), r.aliases) for r in rows]


def _kind(value: str) -> ActorKind:
    try:
        return ActorKind(value)
    except ValueError:
        return ActorKind.UNKNOWN


def _check(text: str) -> str:
    """Problems `actorgraph load --check` would report for the draft, as text ('' when none)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            read_dossier(path)
        except InvalidInput as exc:
            return str(exc)
        except ActorgraphError as exc:  # pragma: no cover - read_dossier raises InvalidInput only
            return str(exc)
    return ""


def _usage(message: str) -> Problem:
    return Problem("actorgraph draft", "", message)


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


__all__ = ["register"]
