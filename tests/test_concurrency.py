"""Concurrent use: two builds at once, and readers while a build runs.

Builds run as real `standpoint build` processes. STANDPOINT_TEST_HOLD_AT=LABEL:FILE (graph/rdf/store.py
`checkpoint`) makes a build wait at a named point until FILE exists, so a test can act while a
build is in the middle of its write: it holds the writers' lock from `build.opened` on, has
written its whole new generation at `commit.flushed`, and has published it at `commit.published`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, error_line, invoke, quads
from test_crash import CLI, ROOT, leftovers, run_build

from standpoint.graph.rdf.store import open_store

DEBATES = sorted(DATA.glob("hansard-*.jsonl"))


@contextmanager
def held(args: list[str | Path], label: str, folder: Path,
         env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[str]]:
    """A build process waiting at `label`; it goes on when the with block ends."""
    flag = folder / f"go-{label}-{time.monotonic_ns()}"
    environment = {**os.environ, "STANDPOINT_WORKERS": "1", **(env or {}),
                   "STANDPOINT_TEST_HOLD_AT": f"{label}:{flag}"}
    environment.pop("STANDPOINT_STORE", None)
    process = subprocess.Popen([*CLI, "build", *map(str, args)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=environment, cwd=ROOT)
    deadline = time.monotonic() + 60
    while not Path(f"{flag}.held").exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the build never reached " + label
        time.sleep(0.02)
    try:
        yield process
    finally:
        flag.touch()


def entry_ids(store: Path) -> list[str]:
    """The entry ids a reader sees now (the reader must not wait for any writer)."""
    result = invoke("entries", "--store", store, "--format", "json", env={"STANDPOINT_LOCK_WAIT": "0"})
    assert result.exit_code == 0, result.output
    return sorted(row["id"] for row in json.loads(result.stdout))


@pytest.fixture
def store_copy(seed_store: Path, tmp_path: Path) -> Path:
    """A copy of the seed store as a build leaves it: `current` a link to its generation."""
    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy, symlinks=True)
    assert (copy / "current").is_symlink()
    return copy


@pytest.fixture
def states(store_copy: Path, tmp_path: Path) -> dict[str, frozenset[Any]]:
    """The store's quads before, after adding the first debate, and after adding both."""
    found = {"before": frozenset(quads(store_copy))}
    sequential = tmp_path / "sequential"
    shutil.copytree(store_copy, sequential, symlinks=True)
    assert run_build([DEBATES[0], "--store", sequential]).returncode == 0
    found["first"] = frozenset(quads(sequential))
    assert run_build([DEBATES[1], "--store", sequential]).returncode == 0
    found["both"] = frozenset(quads(sequential))
    return found


def test_two_builds_at_once_wait_for_each_other(
        store_copy: Path, tmp_path: Path, states: dict[str, frozenset[Any]]) -> None:
    with held([DEBATES[0], "--store", store_copy], "build.opened", tmp_path) as first:
        second = subprocess.Popen([*CLI, "build", str(DEBATES[1]), "--store", str(store_copy)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  cwd=ROOT, env={**os.environ, "STANDPOINT_LOCK_WAIT": "120"})
        time.sleep(1.5)
        assert second.poll() is None  # waiting for the first build's lock
        assert frozenset(quads(store_copy)) == states["before"]
    assert first.wait(timeout=120) == 0, first.communicate()
    assert second.wait(timeout=120) == 0, second.communicate()
    assert frozenset(quads(store_copy)) == states["both"]
    assert leftovers(store_copy) == []


def test_a_build_that_cannot_wait_fails_with_one_clear_line(
        store_copy: Path, tmp_path: Path, states: dict[str, frozenset[Any]]) -> None:
    with held([DEBATES[0], "--store", store_copy], "commit.load", tmp_path) as first:
        result = invoke("build", DEBATES[1], "--store", store_copy, env={"STANDPOINT_LOCK_WAIT": "0.3"})
        assert error_line(result) == (
            f"standpoint: error: the store at {store_copy} is in use by another standpoint command; "
            "try again when it has finished")
        assert frozenset(quads(store_copy)) == states["before"]
    assert first.wait(timeout=120) == 0
    assert frozenset(quads(store_copy)) == states["first"]
    assert leftovers(store_copy) == []


def test_many_builds_at_once_all_land_and_none_corrupts_the_store(
        store_copy: Path, states: dict[str, frozenset[Any]]) -> None:
    sources = [DEBATES[0], DEBATES[1], DEBATES[0], DEBATES[1]]  # the same source twice, too
    environment = {**os.environ, "STANDPOINT_LOCK_WAIT": "300"}
    processes = [subprocess.Popen([*CLI, "build", str(source), "--store", str(store_copy)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  cwd=ROOT, env=environment) for source in sources]
    for process in processes:
        assert process.wait(timeout=300) == 0, process.communicate()
    assert frozenset(quads(store_copy)) == states["both"]
    assert leftovers(store_copy) == []
    assert invoke("validate", "--store", store_copy).exit_code == 0


def test_readers_see_the_old_store_while_a_build_writes_and_the_new_once_it_is_published(
        store_copy: Path, tmp_path: Path) -> None:
    old = entry_ids(store_copy)
    with held([DEBATES[0], "--store", store_copy], "commit.flushed", tmp_path) as build:
        assert entry_ids(store_copy) == old  # the new generation is written, not yet published
    assert build.wait(timeout=120) == 0
    new = entry_ids(store_copy)
    assert set(old) < set(new)
    with held([DEBATES[1], "--store", store_copy], "commit.published", tmp_path) as build:
        published = entry_ids(store_copy)  # published, old generation not yet removed
        assert set(new) < set(published)
    assert build.wait(timeout=120) == 0
    assert entry_ids(store_copy) == published


def test_a_reader_keeps_its_generation_while_builds_replace_it(store_copy: Path) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?e a sp:Entry }"
    with open_store(store_copy) as reading:
        count = int(reading.select(query)[0]["n"].value)
        for debate in DEBATES:  # two new generations published while it reads the first
            assert run_build([debate, "--store", store_copy]).returncode == 0
        assert int(reading.select(query)[0]["n"].value) == count
        assert len(list(reading.quads())) > 0
        kept = [p.name for p in store_copy.glob("gen-*") if p.is_dir()]
        assert len(kept) == 2  # the one it reads, and the current one
    with open_store(store_copy) as fresh:
        assert int(fresh.select(query)[0]["n"].value) > count
    assert run_build([DEBATES[0], "--store", store_copy]).returncode == 0  # changes nothing...
    assert invoke("build", DEBATES[1], "--store", store_copy, "--registry",
                  ROOT / "seeds" / "registry.yaml").exit_code == 0
    assert leftovers(store_copy) == []  # ...but a write removes what no reader holds any more


def test_readers_in_a_loop_during_builds_only_ever_see_whole_states(
        store_copy: Path, states: dict[str, frozenset[Any]]) -> None:
    seen: list[frozenset[Any]] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                with open_store(store_copy) as reading:
                    seen.append(frozenset(reading.quads()))
            except BaseException as err:  # noqa: BLE001 - reported below
                errors.append(err)
                return

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for debate in DEBATES:
            assert run_build([debate, "--store", store_copy]).returncode == 0
    finally:
        stop.set()
        reader.join(timeout=60)
    assert errors == []
    assert len(seen) >= 5
    assert set(seen) <= {states["before"], states["first"], states["both"]}
    assert seen[-1] == states["both"]
