"""`actorgraph draft` as a user runs it: draft, check, load; one-line errors; the speed target."""

from __future__ import annotations

import time
from pathlib import Path

from actorgraph.draft import draft_text, get_analyzer, spacy_available
from tests.support.cli import run_cli
from tests.support.paths import ROOT

SEED_TEXT = ROOT / "seed" / "000_4a78cf95e0652a9d.txt"


def test_draft_then_load_check(tmp_path: Path) -> None:
    out = tmp_path / "case.yaml"
    done = run_cli("draft", str(SEED_TEXT), "--offline", "--source-id", "my-case", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "passes `actorgraph load --check`" in done.stderr
    if not spacy_available():
        assert "rule-only mode" in done.stderr
    assert "id: my-case" in out.read_text(encoding="utf-8")
    check = run_cli("load", "--check", str(out))
    assert check.returncode == 0, check.stdout + check.stderr


def test_usage_errors_are_one_line_with_the_fix(tmp_path: Path) -> None:
    out = tmp_path / "case.yaml"
    out.write_text("keep me", encoding="utf-8")
    done = run_cli("draft", str(SEED_TEXT), "--offline", "-o", str(out))
    assert done.returncode == 2
    assert "--force" in done.stderr and "Traceback" not in done.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    missing = run_cli("draft", str(tmp_path / "nope.txt"), "--offline")
    assert missing.returncode == 2 and "file not found" in missing.stderr


def test_unreachable_neo4j_is_said_and_drafting_goes_on(tmp_path: Path) -> None:
    done = run_cli(
        "draft",
        str(SEED_TEXT),
        "--mode",
        "rules",
        "-o",
        str(tmp_path / "d.yaml"),
        env={"NEO4J_URI": "bolt://127.0.0.1:9"},
    )
    assert done.returncode == 0, done.stderr
    assert "not reachable" in done.stderr and "Drafting without known actors" in done.stderr


def test_a_3000_character_article_drafts_in_under_2_seconds() -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")[:3000]
    analyzer = get_analyzer("auto")
    analyzer.analyze("Load the pipeline first.")
    began = time.perf_counter()
    draft_text(text, analyzer=analyzer, source_id="t")
    assert time.perf_counter() - began < 2.0
