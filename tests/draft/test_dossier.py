"""The draft is a normal dossier: the checks of `actorgraph load --check` accept it as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from actorgraph.draft import KnownActor, draft_text, get_analyzer
from actorgraph.draft.dossier import render_dossier
from actorgraph.draft.language import Analyzer
from actorgraph.draft.reading import html_article
from actorgraph.ingest.read import read_dossier
from actorgraph.model.vocabulary import ActorKind
from tests.support.paths import ROOT

ARTICLES = [ROOT / "seed" / "000_4a78cf95e0652a9d.txt", ROOT / "tests" / "data" / "draft" / "kremlin-drones.txt"]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_draft_passes_the_load_check(article: Path, analyzer: Analyzer, tmp_path: Path) -> None:
    text = article.read_text(encoding="utf-8")
    draft = draft_text(text, analyzer=analyzer, source_id="draft-1")
    path = tmp_path / "draft.yaml"
    path.write_text(render_dossier(draft, origin=str(article)), encoding="utf-8")
    prepared = read_dossier(path)
    assert prepared.source_text == text  # offsets refer to exactly this text
    assert len(prepared.statements) == len(draft.statements) > 0
    for s, p in zip(draft.statements, prepared.statements, strict=True):
        assert (p.start, p.end) == (s.quote.start, s.quote.end)


def test_what_a_person_must_decide_is_listed_in_the_file(tmp_path: Path) -> None:
    text = "Hamas said that Israel carried out the attack."
    draft = draft_text(text, analyzer=get_analyzer("rules"), source_id="t")
    rendered = render_dossier(draft, origin="test")
    assert "# DECIDE before loading:" in rendered
    assert "'hamas' (Hamas) has kind UNKNOWN" in rendered
    (tmp_path / "d.yaml").write_text(rendered, encoding="utf-8")
    read_dossier(tmp_path / "d.yaml")


def test_known_actors_keep_their_id_and_kind() -> None:
    known = [KnownActor("kremlin", "Kremlin", ActorKind.GOVERNMENT, ("Moscow", "Russian government"))]
    text = "Moscow has dismissed the Freedom of Russia Legion as a proxy of the CIA."
    draft = draft_text(text, analyzer=get_analyzer("rules"), source_id="t", known=known)
    (s,) = draft.statements
    assert s.speaker == "kremlin"
    kremlin = next(a for a in draft.actors if a.id == "kremlin")
    assert kremlin.known and kremlin.kind is ActorKind.GOVERNMENT


def test_html_is_reduced_to_its_main_text() -> None:
    paragraph = (
        "Kremlin spokesman Dmitry Peskov blamed the United States for the drone attack on Thursday. "
        "The White House rejected the claim, and officials said the investigation was continuing. "
    )
    html = (
        "<html><head><title>Drones over the Kremlin</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/login'>Log in</a></nav>"
        f"<article><h1>Drones over the Kremlin</h1><p>{paragraph}</p><p>{paragraph}</p></article>"
        "<footer>Copyright 2023. All rights reserved. Subscribe to our newsletter.</footer></body></html>"
    )
    article = html_article(html)
    assert article.title == "Drones over the Kremlin"
    assert "blamed the United States" in article.text and "Log in" not in article.text
    assert "Subscribe" not in article.text
    draft = draft_text(article.text, analyzer=get_analyzer("rules"), source_id="t", title=article.title)
    assert any(s.speaker == "dmitry-peskov" for s in draft.statements)
