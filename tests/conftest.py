"""Shared fixtures: the real CLI on real files, and one seed store built once per session.

Tests that only read use `seed_store` (built once); tests that write take `store_copy`, a fresh
copy of it in their own tmp_path. `run(...)` invokes the `standpoint` command in-process and
fails the test on any traceback; `error_line(result)` checks the one-line error contract.
"""

from __future__ import annotations

import json
import os
import shutil
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

from standpoint.cli import main
from standpoint.graph.rdf.build import bundled_sources
from standpoint.graph.rdf.store import open_store

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
SEED = bundled_sources()[0]
SEED_META = SEED.with_suffix(".meta.yaml")
SEED_ENTRIES = 21
HANSARD = sorted(DATA.glob("hansard-*.jsonl"))
REGISTRY = SEED.parent / "registry.yaml"
# A fixed terminal width, so that tables (whose cells are cut to fit) print the same everywhere.
ENV = {"COLUMNS": "160", "STANDPOINT_STORE": None, "STANDPOINT_REGISTRY": None,
       "STANDPOINT_GRAPH": None}


def invoke(*args: str | Path, env: dict[str, str | None] | None = None) -> Result:
    """Run `standpoint ARGS...`; a Python exception escaping the CLI fails the test with its trace."""
    result = CliRunner().invoke(main, [str(a) for a in args], env={**ENV, **(env or {})},
                                prog_name="standpoint")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(*result.exc_info))  # type: ignore[misc]
        pytest.fail(f"standpoint {' '.join(map(str, args))} raised:\n{trace}")
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr
    return result


def json_rows(*args: str | Path) -> Any:
    """What `standpoint ARGS... --format json` prints, parsed (the command must succeed)."""
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def error_line(result: Result, code: int = 1) -> str:
    """The one line a failed command wrote on stderr (checked: exit code, one line, the prefix)."""
    assert result.exit_code == code, (result.exit_code, result.output)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("standpoint: error: "), lines[0]
    return lines[0]


def usage_error(result: Result) -> str:
    """Click's usage message (exit code 2): the last line says what was wrong."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: standpoint ")
    return result.stderr.strip().splitlines()[-1]


def quads(store: Path) -> set[ox.Quad]:
    """Every quad in the store at `store` (all named graphs)."""
    with open_store(store) as opened:
        return set(opened.quads())


@pytest.fixture
def run():
    return invoke


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled seed, built once; read-only tests share it (never write to it)."""
    store = tmp_path_factory.mktemp("seed") / "store"
    result = invoke("build", "--store", store)
    assert result.exit_code == 0, result.output
    return store


@pytest.fixture
def store_copy(seed_store: Path, tmp_path: Path) -> Path:
    """A private copy of the seed store, for a test that writes."""
    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy)
    return copy


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run in tmp_path, so a default `standpoint-store` or output lands there."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path


# -- slow mode: long fuzz runs and large corpora ------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False,
                     help="long runs: 10,000 fuzz examples per parser, the 50 MB build "
                          "(the same as STANDPOINT_SLOW=1)")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--slow"):
        os.environ["STANDPOINT_SLOW"] = "1"


def slow_mode() -> bool:
    """True with `pytest --slow` or STANDPOINT_SLOW=1: the long runs of the hardening tests."""
    return os.environ.get("STANDPOINT_SLOW", "") not in ("", "0")
