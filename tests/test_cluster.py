"""`standpoint build --cluster URI`: extraction on a real Dask cluster, the store as a local build's.

Every test runs a real `distributed.LocalCluster` (worker processes, as on a real cluster) and the
real CLI; the one that kills a worker kills its process with SIGKILL mid-extraction.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import dask
import pytest
from conftest import HANSARD, SEED, SEED_META, error_line, invoke, quads
from distributed import Client, LocalCluster

from standpoint.graph.rdf.cluster import EVENTS

ROOT = Path(__file__).resolve().parents[1]


def local_cluster(**env: str) -> LocalCluster:
    """Two worker processes of one thread each; `env` is set in the workers only."""
    return LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                        env=env)


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with local_cluster() as running:
        yield running


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The seed live page and the two Hansard debates: three sources, 40 entries."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in (SEED, SEED_META, *HANSARD):
        shutil.copy(path, folder)
    return [folder / SEED.name, *(folder / p.name for p in HANSARD)]


@pytest.fixture(scope="module")
def local_build(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The corpus built here, in two local worker processes: the store and the build's report."""
    store = tmp_path_factory.mktemp("local") / "store"
    result = invoke("build", *corpus, "--store", store, env={"STANDPOINT_WORKERS": "2"})
    assert result.exit_code == 0, result.output
    return store, result.stdout


@pytest.fixture(scope="module")
def local_store(local_build: tuple[Path, str]) -> Path:
    return local_build[0]


def ntriples(store: Path, out: Path) -> bytes:
    result = invoke("export", "--to", "ntriples", "--out", out, "--store", store)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def made(client: Client) -> list[dict[str, object]]:
    """The workers' events: one each time a worker made a build's extractor (and loaded spaCy)."""
    return [event for _, event in client.get_events(EVENTS)]


def test_a_cluster_build_is_byte_identical_to_a_local_build(
        cluster: LocalCluster, corpus: list[Path], local_build: tuple[Path, str], tmp_path: Path) -> None:
    local_store, local_report = local_build
    store = tmp_path / "store"
    result = invoke("build", *corpus, "--store", store, "--cluster", cluster.scheduler_address)
    assert result.exit_code == 0, result.output
    assert result.stdout == local_report.replace(str(local_store), str(store))
    assert result.stdout.startswith("40 entries from 3 source(s): 40 added, 0 updated, 0 unchanged")
    assert ntriples(store, tmp_path / "cluster.nt") == ntriples(local_store, tmp_path / "local.nt")
    assert quads(store) == quads(local_store)
    assert [p.name for p in store.iterdir() if p.name.startswith(".build-")] == []


def test_a_cluster_rebuild_changes_nothing_and_sends_no_work(
        cluster: LocalCluster, corpus: list[Path], local_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(local_store, store)
    before = quads(store)
    result = invoke("build", *corpus, "--store", store, env={"STANDPOINT_CLUSTER": cluster.scheduler_address})
    assert result.exit_code == 0, result.output
    assert "40 entries from 3 source(s): 0 added, 0 updated, 40 unchanged" in result.stdout
    assert quads(store) == before


def test_each_worker_makes_the_extractor_and_loads_spacy_once_per_build(
        cluster: LocalCluster, corpus: list[Path], tmp_path: Path) -> None:
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        earlier = len(made(client))
        result = invoke("build", *corpus, HANSARD[0].parent / "liveblog-bst.txt",
                        "--store", tmp_path / "store", "--cluster", cluster.scheduler_address)
        assert result.exit_code == 0, result.output
        assert "from 4 source(s)" in result.stdout
        deadline = time.monotonic() + 10
        while len(made(client)) == earlier and time.monotonic() < deadline:
            time.sleep(0.1)  # the workers' events reach the scheduler a moment later
        time.sleep(0.5)
        this_build = made(client)[earlier:]
        assert 1 <= len(this_build) <= 2  # four tasks, two workers: at most one each
        assert len({event["pid"] for event in this_build}) == len(this_build)
        assert set(client.run(spacy_loads).values()) <= {0, 1}
        # the workers see the store's folder, so they write their N-Quads there themselves
        assert {event["writes"] for event in this_build} == {True}


def test_workers_told_to_send_their_n_quads_give_the_same_store(
        corpus: list[Path], local_store: Path, tmp_path: Path) -> None:
    """STANDPOINT_CLUSTER_SEND=1 on the workers (as where they cannot see the store's folder):
    the N-Quads come back over the network, and the store is the same."""
    with local_cluster(STANDPOINT_CLUSTER_SEND="1") as sending, \
            Client(sending.scheduler_address, set_as_default=False) as client:
        store = tmp_path / "store"
        result = invoke("build", *corpus, "--store", store, "--cluster", sending.scheduler_address)
        assert result.exit_code == 0, result.output
        assert quads(store) == quads(local_store)
        assert [p.name for p in store.iterdir() if p.name.startswith(".build-")] == []
        deadline = time.monotonic() + 10
        while not made(client) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert made(client) and {event["writes"] for event in made(client)} == {False}


def test_workers_started_with_the_preload_have_spacy_before_any_build(
        corpus: list[Path], cluster: LocalCluster, tmp_path: Path) -> None:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      preload=["standpoint.graph.rdf.cluster"]) as preloaded, \
            Client(preloaded.scheduler_address, set_as_default=False) as client, \
            Client(cluster.scheduler_address, set_as_default=False) as plain:
        assert set(client.run(spacy_loads).values()) == {1}  # loaded as each worker started
        # Dask's nanny starts workers with a tiny malloc trim threshold: a plain worker maps each
        # large block afresh (about 256 page faults a MiB); a preloaded one reuses its heap
        assert min(plain.run(large_block_faults).values()) > 20_000
        assert max(client.run(large_block_faults).values()) < 2_000
        result = invoke("build", *corpus, "--store", tmp_path / "store", "--cluster", preloaded.scheduler_address)
        assert result.exit_code == 0, result.output
        assert set(client.run(spacy_loads).values()) == {1}  # and never again


def large_block_faults() -> int:
    """The page faults of a worker process while it makes and frees a 1 MiB block 200 times."""
    import resource

    data = b"x" * (1 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(200):
        block = bytearray(data)
        del block
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def spacy_loads() -> int:
    """How many times a worker process has loaded a spaCy pipeline."""
    from standpoint.loaders import nlp

    return nlp._load.cache_info().misses


def executing(dask_worker: object) -> tuple[int, int]:
    """A worker's process id, and how many tasks it is running now."""
    return os.getpid(), dask_worker.state.executing_count  # type: ignore[attr-defined]


def test_a_worker_killed_mid_build_has_its_task_run_again(
        corpus: list[Path], local_store: Path, tmp_path: Path) -> None:
    flag = tmp_path / "go"
    store = tmp_path / "store"
    with local_cluster(STANDPOINT_TEST_HOLD_AT=f"build.extract:{flag}") as held, \
            Client(held.scheduler_address, set_as_default=False) as client:
        build = subprocess.Popen(
            [sys.executable, "-c", "from standpoint.cli import main; main()", "build", *map(str, corpus), "--store", str(store),
             "--cluster", held.scheduler_address], cwd=ROOT, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env={k: v for k, v in os.environ.items() if not k.startswith("STANDPOINT_")})
        deadline = time.monotonic() + 120
        busy: list[int] = []
        while not busy:  # a worker stopped in the middle of its first entry's extraction
            assert time.monotonic() < deadline and build.poll() is None, build.communicate()
            busy = [pid for pid, count in client.run(executing).values() if count]
            time.sleep(0.2)
        os.kill(busy[0], signal.SIGKILL)
        flag.touch()
        out, err = build.communicate(timeout=300)
        assert build.returncode == 0, err
        assert err == ""
        assert "40 entries from 3 source(s): 40 added" in out
        assert busy[0] not in [pid for pid, _ in client.run(executing).values()]
    assert quads(store) == quads(local_store)


def test_a_build_whose_workers_keep_dying_fails_and_leaves_the_store(
        corpus: list[Path], local_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(local_store, store)
    before = quads(store)
    changed = corpus[1].with_name("changed.jsonl")
    changed.write_text(corpus[1].read_text(encoding="utf-8").replace("hansard-", "changed-"), encoding="utf-8")
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            local_cluster(STANDPOINT_TEST_KILL_AT="build.extract:1") as dying:
        result = invoke("build", changed, "--store", store, "--cluster", dying.scheduler_address)
    line = error_line(result)
    assert line == (f"standpoint: error: {changed}: the Dask workers extracting it died every time it "
                    "was tried (killed, or out of memory?); the store is unchanged")
    assert quads(store) == before
    assert [p.name for p in store.iterdir() if p.name.startswith(".build-")] == []


def test_bad_input_found_on_a_worker_is_the_local_build_s_one_line(
        cluster: LocalCluster, store_copy: Path, tmp_path: Path) -> None:
    source = tmp_path / "debate.jsonl"
    source.write_text(json.dumps({"id": "d1", "published": "2026-03-02", "body": "I support it.",
                                  "speaker": "Ms Jane Doe (Reds)", "about": "moon-base"}) + "\n")
    before = quads(store_copy)
    local = error_line(invoke("build", source, "--store", store_copy))
    remote = error_line(invoke("build", source, "--store", store_copy, "--cluster", cluster.scheduler_address))
    assert remote == local == (
        f'standpoint: error: {source} line 1: "about" is "moon-base", which names no issue of the '
        "registry; give an issue id, label or alias, or the words that name what is debated")
    assert quads(store_copy) == before
    assert [p.name for p in store_copy.iterdir() if p.name.startswith(".build-")] == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("how", ["option", "environment"])
def test_an_unreachable_cluster_is_one_clear_line_and_leaves_the_store(
        how: str, store_copy: Path) -> None:
    before = quads(store_copy)
    uri = f"tcp://127.0.0.1:{free_port()}"
    given = (["--cluster", uri], {}) if how == "option" else ([], {"STANDPOINT_CLUSTER": uri})
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = invoke("build", *given[0], "--store", store_copy, env=given[1])
    line = error_line(result)
    assert line.startswith(f"standpoint: error: cannot reach the Dask cluster at '{uri}': ")
    assert line.endswith("; start its scheduler, or check the address (tcp://HOST:PORT)")
    assert quads(store_copy) == before


def test_a_cluster_uri_that_is_no_address_is_one_clear_line(store_copy: Path) -> None:
    before = quads(store_copy)
    line = error_line(invoke("build", "--store", store_copy, "--cluster", "scheduler-8786"))
    assert line.startswith("standpoint: error: cannot reach the Dask cluster at 'scheduler-8786': ")
    assert quads(store_copy) == before
