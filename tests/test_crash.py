"""No lost work: a build killed or interrupted at any point leaves the store as it was or fully updated.

Builds run as real `standpoint build` processes. Each is stopped at one of the named points a write
passes (graph/rdf/store.py `checkpoint`: STANDPOINT_TEST_KILL_AT=LABEL:N sends the process SIGKILL, or
SIGINT with LABEL:N:INT, the Nth time it gets there), or by a SIGKILL or SIGINT sent from outside
after a random delay. After each, the full set of quads in the store is exactly the state before
the build or exactly the state a clean build gives, never anything else; the next build succeeds,
gives the clean state, and removes every leftover.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, SEED, quads, slow_mode

from standpoint.graph.rdf.store import exists

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from standpoint.cli import main; main()"]
DEBATE = DATA / "hansard-2025-01-06-commons-cse-statement.jsonl"
OTHER_DEBATE = DATA / "hansard-2025-04-08-commons-tackling-csa.jsonl"

# (label, n): the Nth time the build passes that point. In the order a build passes them.
KILL_POINTS = [
    ("build.opened", 1), ("build.read", 1), ("build.extract", 1), ("build.extract", 4),
    ("build.read", 2), ("build.extract", 9), ("build.written", 1), ("commit.backup", 1),
    ("commit.drop", 1), ("commit.drop", 3), ("commit.load", 1), ("commit.load", 4),
    ("commit.load", 12), ("commit.loaded", 1), ("commit.compacted", 1), ("commit.flushed", 1), ("commit.linked", 1),
    ("commit.renamed", 1), ("commit.published", 1), ("commit.stale", 1), ("commit.done", 1),
    ("commit.drop", 2),
]
FIRST_BUILD_POINTS = [("build.extract", 2), ("commit.load", 2), ("commit.compacted", 1), ("commit.flushed", 1),
                      ("commit.renamed", 1)]
# Ctrl-C: before publishing the build stops and the store is as it was; once publishing has
# begun (the new `current` link is made, then renamed into place) it is held off, and the build
# completes.
INTERRUPT_POINTS = [("build.extract", 3), ("commit.backup", 1), ("commit.load", 2),
                    ("commit.compacted", 1), ("commit.flushed", 1), ("commit.linked", 1), ("commit.renamed", 1),
                    ("commit.stale", 1)]
AFTER_RENAME = {"commit.renamed", "commit.published", "commit.stale", "commit.done"}
HELD_OFF = AFTER_RENAME | {"commit.linked"}  # Ctrl-C is held off from just before the link


def run_build(args: list[str | Path], env: dict[str, str] | None = None,
              timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`standpoint build ARGS` in its own process."""
    environment = {**os.environ, "STANDPOINT_WORKERS": "1", **(env or {})}
    for name in ("STANDPOINT_STORE", "STANDPOINT_REGISTRY", "STANDPOINT_TEST_KILL_AT",
                 "STANDPOINT_TEST_HOLD_AT"):
        if name not in (env or {}):
            environment.pop(name, None)
    return subprocess.run([*CLI, "build", *map(str, args)], check=False, capture_output=True, text=True,
                          env=environment, timeout=timeout, cwd=ROOT, preexec_fn=_ctrl_c_as_at_a_terminal)


def _ctrl_c_as_at_a_terminal() -> None:
    """A build run from a terminal gets Ctrl-C, even when the tests run in the background (a
    shell starts background jobs with SIGINT ignored, and children inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def leftovers(store: Path) -> list[str]:
    """What a finished write must not leave: temp files, links, unpublished or trashed generations."""
    if not store.exists():
        return []
    current = os.readlink(store / "current") if (store / "current").is_symlink() else None
    found = []
    for path in store.iterdir():
        name = path.name
        if name.startswith((".build-", ".current-", ".trash-")) or name.startswith("gen-") and path.is_dir() and name != current or name.endswith(".readers") and not (store / name.removesuffix(".readers")).is_dir():
            found.append(name)
    return sorted(found)


def state(store: Path) -> frozenset[Any] | None:
    """The store's quads, or None when there is no store (a first build that never finished)."""
    return frozenset(quads(store)) if exists(store) else None


@dataclass
class World:
    """The sources, the store before the build under test, and the two states it may end in."""

    base: Path  # a store holding the seed and the first version of a debate
    args: list[str | Path]  # the build under test: a changed debate and a new one
    before: frozenset[Any]
    after: frozenset[Any]
    fresh_after: frozenset[Any]  # the same build on no store at all

    def copy(self, folder: Path) -> Path:
        store = folder / "store"
        shutil.copytree(self.base, store, symlinks=True)
        return store


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    folder = tmp_path_factory.mktemp("crash")
    lines = DEBATE.read_text(encoding="utf-8").splitlines()
    (folder / "v1").mkdir()
    (folder / "v2").mkdir()
    (folder / "v1" / "debate.jsonl").write_text("\n".join(lines[:8]) + "\n", encoding="utf-8")
    changed = json.loads(lines[2])
    changed["body"] += " I support a national inquiry into grooming gangs."
    (folder / "v2" / "debate.jsonl").write_text(
        "\n".join([*lines[:2], json.dumps(changed), *lines[3:]]) + "\n", encoding="utf-8")
    base = folder / "base"
    assert run_build([SEED, folder / "v1" / "debate.jsonl", "--store", base]).returncode == 0
    args: list[str | Path] = [folder / "v2" / "debate.jsonl", OTHER_DEBATE]
    clean = folder / "clean"
    shutil.copytree(base, clean, symlinks=True)
    done = run_build([*args, "--store", clean])
    assert done.returncode == 0, done.stderr
    assert "3 added" not in done.stdout  # the build both updates and adds entries
    fresh = folder / "fresh"
    assert run_build([*args, "--store", fresh]).returncode == 0
    before, after = frozenset(quads(base)), frozenset(quads(clean))
    assert before != after
    return World(base, args, before, after, frozenset(quads(fresh)))


@dataclass
class Killed:
    """A build stopped at a point, the state it left, and what the next build made of it."""

    result: subprocess.CompletedProcess[str]
    left: frozenset[Any] | None  # the store's quads after the stopped build (None: no store)
    leftovers: list[str]
    recovery: subprocess.CompletedProcess[str]
    recovered: frozenset[Any] | None
    recovered_leftovers: list[str]


def _kill_all(world: World, folder: Path, points: list[tuple[str, int]], how: str,
              fresh: bool = False) -> dict[tuple[str, int], Killed]:
    """Per point: a build stopped there, then the next build; two at a time, each on its own store."""

    def one(point: tuple[str, int]) -> Killed:
        case = folder / f"{point[0]}-{point[1]}-{how}"
        case.mkdir()
        store = case / "store" if fresh else world.copy(case)
        spec = f"{point[0]}:{point[1]}" + (":INT" if how == "INT" else "")
        result = run_build([*world.args, "--store", store], env={"STANDPOINT_TEST_KILL_AT": spec})
        left, left_over = state(store), leftovers(store)
        recovery = run_build([*world.args, "--store", store])
        return Killed(result, left, left_over, recovery, state(store), leftovers(store))

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(points, pool.map(one, points)))


@pytest.fixture(scope="module")
def killed(world: World, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], Killed]:
    return _kill_all(world, tmp_path_factory.mktemp("killed"), KILL_POINTS, "KILL")


@pytest.fixture(scope="module")
def killed_first(world: World, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], Killed]:
    return _kill_all(world, tmp_path_factory.mktemp("killed-first"), FIRST_BUILD_POINTS, "KILL",
                     fresh=True)


@pytest.fixture(scope="module")
def interrupted(world: World, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], Killed]:
    return _kill_all(world, tmp_path_factory.mktemp("interrupted"), INTERRUPT_POINTS, "INT")


def _recovers(case: Killed, after: frozenset[Any]) -> None:
    """The next build succeeded, gave the clean state, and left nothing behind."""
    assert case.recovery.returncode == 0, case.recovery.stderr
    assert case.recovered == after
    assert case.recovered_leftovers == []


def test_there_are_at_least_twenty_kill_points() -> None:
    assert len(set(KILL_POINTS)) + len(set(FIRST_BUILD_POINTS)) >= 20
    assert len({label for label, _ in KILL_POINTS}) >= 14


@pytest.mark.parametrize("point", KILL_POINTS, ids=[f"{label}:{n}" for label, n in KILL_POINTS])
def test_a_build_killed_at_any_point_leaves_the_old_or_the_new_store(
        point: tuple[str, int], world: World, killed: dict[tuple[str, int], Killed]) -> None:
    case = killed[point]
    assert case.result.returncode == -signal.SIGKILL, (case.result.returncode, case.result.stderr)
    expected = world.after if point[0] in AFTER_RENAME else world.before
    assert case.left == expected, "the store is neither as it was nor fully updated"
    _recovers(case, world.after)


@pytest.mark.parametrize("point", FIRST_BUILD_POINTS, ids=[f"{label}:{n}" for label, n in FIRST_BUILD_POINTS])
def test_a_first_build_killed_leaves_no_store_or_a_whole_one(
        point: tuple[str, int], world: World, killed_first: dict[tuple[str, int], Killed]) -> None:
    case = killed_first[point]
    assert case.result.returncode == -signal.SIGKILL, case.result.stderr
    assert case.left == (world.fresh_after if point[0] in AFTER_RENAME else None)
    _recovers(case, world.fresh_after)


@pytest.mark.parametrize("point", INTERRUPT_POINTS, ids=[f"{label}:{n}" for label, n in INTERRUPT_POINTS])
def test_ctrl_c_stops_a_build_cleanly_or_lets_a_publishing_one_finish(
        point: tuple[str, int], world: World, interrupted: dict[tuple[str, int], Killed]) -> None:
    case = interrupted[point]
    assert "Traceback" not in case.result.stderr
    if point[0] in HELD_OFF:
        assert case.result.returncode == 0, case.result.stderr
        assert case.left == world.after
        assert case.leftovers == []
    else:
        assert case.result.returncode == 130, case.result.stderr
        assert case.result.stderr == "standpoint: interrupted; the store is unchanged\n"
        assert case.left == world.before
        assert [name for name in case.leftovers if name.startswith(".build-")] == []
    _recovers(case, world.after)


# -- signals from outside, at random moments, on a larger corpus --------------------------------

RANDOM_KILLS = 24 if slow_mode() else 3


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[Path], Path]]:
    """A synthetic corpus (benchmarks/generate.py): a registry, files for a base store and more."""
    folder = tmp_path_factory.mktemp("corpus")
    entries = 1200 if slow_mode() else 200
    made = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(folder),
                           "--entries", str(entries), "--seed", "11"],
                          check=False, capture_output=True, text=True, cwd=ROOT)
    assert made.returncode == 0, made.stderr
    files = sorted(p for p in folder.iterdir() if p.suffix in (".jsonl", ".txt"))
    yield folder / "registry.yaml", files, folder


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_signals_at_random_moments_never_leave_a_store_in_between(
        how: signal.Signals, corpus: tuple[Path, list[Path], Path], tmp_path: Path) -> None:
    registry, files, _ = corpus
    half = len(files) // 2
    base = tmp_path / "base"
    assert run_build([*files[:half], "--registry", registry, "--store", base]).returncode == 0
    rest = [*files[half:], "--registry", registry]
    clean = tmp_path / "clean"
    shutil.copytree(base, clean, symlinks=True)
    started = time.monotonic()
    assert run_build([*rest, "--store", clean]).returncode == 0
    duration = time.monotonic() - started
    before, after = frozenset(quads(base)), frozenset(quads(clean))
    chance = random.Random(f"{how.name}-{RANDOM_KILLS}")
    outcomes = []
    for attempt in range(RANDOM_KILLS):
        store = tmp_path / f"store-{attempt}"
        shutil.copytree(base, store, symlinks=True)
        environment = {**os.environ, "STANDPOINT_WORKERS": "1"}
        environment.pop("STANDPOINT_STORE", None)
        process = subprocess.Popen([*CLI, "build", *map(str, rest), "--store", str(store)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env=environment, cwd=ROOT)
        time.sleep(chance.uniform(0.2, duration * 1.1))
        process.send_signal(how)
        _, stderr = process.communicate(timeout=300)
        assert "Traceback" not in stderr
        found = frozenset(quads(store))
        assert found in (before, after), f"attempt {attempt}: the store is in between"
        outcomes.append((process.returncode, found == after))
        again = run_build([*rest, "--store", store])
        assert again.returncode == 0, again.stderr
        assert frozenset(quads(store)) == after and leftovers(store) == []
    print(f"{how.name} after {RANDOM_KILLS} random delays (build {duration:.1f} s): "
          f"(exit code, fully updated) = {outcomes}")


# -- builds that extract in several processes ------------------------------------------------------


def test_a_build_whose_worker_process_dies_fails_clearly_and_never_hangs(
        world: World, tmp_path: Path) -> None:
    store = world.copy(tmp_path)
    result = run_build([*world.args, "--store", store], timeout=120,
                       env={"STANDPOINT_WORKERS": "2", "STANDPOINT_TEST_KILL_AT": "build.extract:1"})
    assert result.returncode == 1
    assert result.stderr == ("standpoint: error: a build process stopped before it finished (killed, "
                             "or out of memory?); the store is unchanged; STANDPOINT_WORKERS=1 builds "
                             "in one process, with less memory\n")
    assert state(store) == world.before and leftovers(store) == []
    again = run_build([*world.args, "--store", store], env={"STANDPOINT_WORKERS": "2"})
    assert again.returncode == 0 and state(store) == world.after


def test_ctrl_c_in_the_terminal_stops_a_parallel_build_cleanly(
        corpus: tuple[Path, list[Path], Path], tmp_path: Path) -> None:
    """Ctrl-C reaches every process of the terminal's process group: the build and its workers."""
    registry, files, _ = corpus
    base = tmp_path / "base"
    assert run_build([files[0], "--registry", registry, "--store", base]).returncode == 0
    before = frozenset(quads(base))
    environment = {**os.environ, "STANDPOINT_WORKERS": "2"}
    environment.pop("STANDPOINT_STORE", None)
    for attempt, delay in enumerate((0.8, 1.6)):
        store = tmp_path / f"store-{attempt}"
        shutil.copytree(base, store, symlinks=True)
        process = subprocess.Popen([*CLI, "build", *map(str, files[1:]), "--registry", str(registry),
                                    "--store", str(store)], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, env=environment, cwd=ROOT,
                                   start_new_session=True)
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
        if process.returncode == 130:
            assert stderr == "standpoint: interrupted; the store is unchanged\n"
            assert frozenset(quads(store)) == before
        elif process.returncode == -signal.SIGINT:  # before Python was up to handle it
            assert frozenset(quads(store)) == before
        else:  # it had already finished, or was publishing
            assert process.returncode == 0, stderr
        assert [name for name in leftovers(store) if not name.startswith("gen-")] == []


COMMITS = """
import sys
from pathlib import Path
from standpoint.graph.rdf.store import open_store
folder = Path(sys.argv[1])
def commit(name, quads):
    nquads = folder / name
    nquads.write_text("".join(f"<urn:s:{n}> <urn:p> \\"{'words ' * 20}{n}\\" <urn:g:{name}> .\\n" for n in range(quads)))
    with open_store(folder / "store", write=True) as store:
        store.commit([], nquads)
commit("large", 50_000)
print("large done", flush=True)
commit("small", 100)
print("small done", flush=True)
"""


@pytest.mark.parametrize(("point", "printed"), [("commit.compacted:1", ""), ("commit.compacted:2", "large done\nsmall done\n")])
def test_a_large_load_is_compacted_and_a_small_update_to_a_large_store_is_not(
        point: str, printed: str, tmp_path: Path) -> None:
    """A write is compacted when it loads at least a quarter of what the store held (a cold build;
    a new debate, as the kills above show): here 50,000 quads into an empty store. 100 more quads
    are not worth rewriting the store for, so a kill at the second compaction never comes."""
    done = subprocess.run([sys.executable, "-c", COMMITS, str(tmp_path)], capture_output=True, text=True,
                          env={**os.environ, "STANDPOINT_TEST_KILL_AT": point}, check=False, cwd=ROOT)
    assert done.stdout == printed, done.stderr
    assert done.returncode == (-signal.SIGKILL if point.endswith(":1") else 0)
