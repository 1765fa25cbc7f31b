"""The examples in the library's docstrings run and give what they say."""

import doctest
import importlib

import pytest

MODULES = ["standpoint.loaders.discovery", "standpoint.ontology.namespace", "standpoint.loaders.hansard", "standpoint.graph.positions",
           "standpoint.graph.evaluate", "standpoint.graph.names"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
