"""Neo4j Browser tests: pages of the session's headless Chromium (``chromium`` in ``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh page in its own context (no stored Browser settings or credentials)."""
    context = chromium.new_context(viewport={"width": 1600, "height": 1000})
    context.set_default_timeout(30_000)
    yield context.new_page()
    context.close()
