"""The examples in docstrings run and give what they show, in every module of the package."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import actorgraph

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(actorgraph.__path__, "actorgraph.") if not m.name.endswith("__main__")
)
#: Modules whose docstrings must show at least one runnable example (the pure rules and reports).
MUST_HAVE_EXAMPLES = {
    "actorgraph.model.status", "actorgraph.model.derivation", "actorgraph.model.quotes", "actorgraph.model.ids",
    "actorgraph.model.names", "actorgraph.model.network", "actorgraph.analytics.projection",
    "actorgraph.analytics.centrality", "actorgraph.analytics.camps", "actorgraph.analytics.contested",
    "actorgraph.analytics.contradictions", "actorgraph.analytics.ego", "actorgraph.analytics.paths",
}  # fmt: skip


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    failed, attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failed == 0
    assert attempted > 0 or name not in MUST_HAVE_EXAMPLES


def test_the_list_of_modules_with_examples_is_current() -> None:
    assert set(MODULES) >= MUST_HAVE_EXAMPLES
