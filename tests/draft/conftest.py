"""Fixtures of the drafting tests: the analyser in both modes (drafting is pure; only tests that ask for
``driver`` use the server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actorgraph.draft import get_analyzer, spacy_available
from actorgraph.draft.language import Analyzer

HERE = Path(__file__).parent

#: Both modes; spaCy's is skipped (with the install command) when the optional extra is missing.
MODES = [
    "rules",
    pytest.param(
        "spacy", marks=pytest.mark.skipif(not spacy_available(), reason="nlp extra not installed: make draft-deps")
    ),
]


@pytest.fixture(params=MODES)
def analyzer(request: pytest.FixtureRequest) -> Analyzer:
    return get_analyzer(request.param)
