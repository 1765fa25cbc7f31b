"""The examples in the library's docstrings run and give what they say: every module of every
package and sub-package is read, so a new module's examples run without being listed anywhere."""

import doctest
import importlib
import pkgutil

import pytest

PACKAGES = ["standpoint", "standpoint.graph", "standpoint.loaders", "standpoint.ontology",
            "standpoint.visualisations"]


def modules() -> list[str]:
    found = set()
    for package in PACKAGES:
        path = importlib.import_module(package).__path__
        found.update(info.name for info in pkgutil.walk_packages(path, package + "."))
    return sorted(found)


def has_examples(name: str) -> bool:
    return any(test.examples for test in doctest.DocTestFinder().find(importlib.import_module(name)))


MODULES = modules()
WITH_EXAMPLES = [name for name in MODULES if has_examples(name)]


def test_every_package_is_read() -> None:
    assert {"standpoint.graph.rdf.positions", "standpoint.graph.corrections.file",
            "standpoint.loaders.proposals", "standpoint.cli"} <= set(MODULES)
    assert len(WITH_EXAMPLES) >= 15


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
