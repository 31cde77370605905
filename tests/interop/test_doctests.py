"""The examples in the interop docstrings are run, so they cannot drift from the code."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["stix_mapping", "colours", "ftm"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"actorgraph.interop.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
