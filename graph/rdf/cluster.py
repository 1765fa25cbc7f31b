"""Extraction on a Dask distributed cluster: `standpoint build --cluster tcp://scheduler:8786`.

The build's own process (the client) reads each source and finds the entries whose input
changed, as a local build does, and sends one task per source to the cluster. A worker extracts
them and returns the source's statements as N-Quads text with their stance records. The client
takes the results in source order through the build's usual path (graph/rdf/build.py): one writer,
one bulk load, one atomic step, and the same store as a local build.

A worker that sees the store's folder (a LocalCluster, or workers on a shared filesystem: the
client leaves a probe file there for them to find) writes its N-Quads there itself and sends
back only the file's name; any other sends the text. Setting `STANDPOINT_CLUSTER_SEND=1` on the
workers makes them send the text anyway (a slow network filesystem).

What every task needs (the registry and the extractor made from it, the corrections, the spaCy
pipeline) reaches each worker once per build, in a WorkerPlugin; the extractor is made at its
first task and kept for the rest of the build, and the pipeline stays loaded in the worker
process (loaders/nlp.py). A worker that joins, or is restarted, mid-build gets the plugin too.
A task's arguments hold its source's entries (never data scattered to one worker), so when a
worker dies the scheduler runs its task again on another, up to distributed's
`scheduler.allowed-failures` times (3 by default); then the build fails and the store is unchanged.

A source is one task, never split: each entry's statements depend on everyone its whole source
introduces (`Extractor.prepare` parses the whole source), so a slice would parse it all again.
"""

from __future__ import annotations

import ctypes
import os
import tempfile
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext, suppress
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from distributed import Client, KilledWorker, WorkerPlugin, get_worker
from distributed.comm.core import CommClosedError

from standpoint.errors import StandpointError
from standpoint.graph.corrections import correcting
from standpoint.graph.rdf.entry_input import StoredSource
from standpoint.graph.rdf.positions import StanceRecord
from standpoint.loaders import nlp
from standpoint.loaders.extract import Extractor
from standpoint.loaders.registry import Registry
from standpoint.records import Entry

if TYPE_CHECKING:
    from standpoint.graph.rdf.build import Todo, _SourceResult

__all__ = ["ENV", "EVENTS", "Cluster", "ClusterError", "connect"]

ENV = "STANDPOINT_CLUSTER"
SEND = "STANDPOINT_CLUSTER_SEND"  # on a worker: send N-Quads back even when it sees the store's folder
EVENTS = "standpoint"  # the topic of the workers' events (Client.get_events): each extractor made,
# and whether that worker writes its N-Quads into the store's folder
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # mallopt's parameters, in glibc's malloc.h
_MMAP_CEILING = 32 * 1024 * 1024  # glibc's DEFAULT_MMAP_THRESHOLD_MAX on a 64-bit machine
AHEAD = 4  # tasks sent ahead per worker: the cluster stays busy, the client holds few sources
# A task's answer: its N-Quads as text, or the file it wrote them to (""), the entry graphs it
# changed, and its stance records.
Extracted = tuple[str, str, list[str], list[StanceRecord]]


class ClusterError(StandpointError):
    """The Dask cluster cannot be reached, or lost the build's work."""


def connect(uri: str) -> Cluster:
    """A connection to the cluster's scheduler at `uri` (e.g. tcp://scheduler:8786); it waits
    for at most dask's `distributed.comm.timeouts.connect` (30 s unless configured)."""
    try:
        client = Client(uri, set_as_default=False)
    except (OSError, ValueError, TypeError) as err:  # refused, timed out, no such host, a bad URI
        raise ClusterError(f"cannot reach the Dask cluster at {uri!r}: {err}; start its "
                           "scheduler, or check the address (tcp://HOST:PORT)") from err
    return Cluster(uri, client)


class Cluster:
    """A connection to a cluster, for one build; a context manager that closes it."""

    def __init__(self, uri: str, client: Client):
        self.uri = uri
        self.client = client
        self.plugin = ""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        with suppress(Exception):  # the cluster may be gone; the build has its answer already
            if self.plugin:
                self.client.unregister_worker_plugin(self.plugin)
        self.client.close()

    def start(self, registry: Registry, make: Callable[[Registry], Extractor],
              corrections: correcting.Plan, folder: Path) -> None:
        """Give every worker, now and joining later, what this build's tasks need, and a probe
        in `folder` (the store's) to find out whether it sees that folder."""
        self.plugin = f"standpoint-build-{uuid.uuid4().hex}"
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".build-probe-", suffix=".nq")  # removed with the build's parts
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(self.plugin)
        plugin = _BuildPlugin(registry, make, corrections, nlp.model_name(), nlp.fingerprint(),
                              version("standpoint"), probe)
        try:
            self.client.register_plugin(plugin, name=self.plugin)
        except (OSError, TimeoutError) as err:
            raise ClusterError(f"lost the Dask cluster at {self.uri}: {err}; the store is unchanged") from err

    def results(self, sources: Sequence[Path | StoredSource],
                read: Callable[[Path | StoredSource], tuple[_SourceResult, list[Entry], Todo]],
                folder: Path) -> Iterator[_SourceResult]:
        """Each source's result in order, its N-Quads in a file in `folder` (the store's); a few
        sources per worker are read and sent ahead of the one being taken."""
        ahead = AHEAD * max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})))
        queue: deque[tuple[_SourceResult, Any]] = deque()
        try:
            for n, source in enumerate(sources):
                result, entries, todo = read(source)
                future = None
                if todo:
                    future = self.client.submit(_extract_on_worker, self.plugin, entries, todo, pure=False,
                                                key=f"standpoint-extract-{n}-{self.plugin[-8:]}")
                queue.append((result, future))
                while len(queue) > ahead:
                    yield self._taken(*queue.popleft(), folder)
            while queue:
                yield self._taken(*queue.popleft(), folder)
        finally:
            futures = [future for _, future in queue if future is not None]
            if futures:  # an error or Ctrl-C: stop the work no one will collect
                self.client.cancel(futures)

    def _taken(self, result: _SourceResult, future: Any, folder: Path) -> _SourceResult:
        """The source's result with the worker's N-Quads written to a file in `folder`."""
        text, written = "", ""
        if future is not None:
            text, written, result.changed, result.records = self._wait(future, result.source)
        if written:  # the worker wrote it into the store's folder
            result.nquads = written
            return result
        handle, result.nquads = tempfile.mkstemp(dir=folder, prefix=".build-", suffix=".nq")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        return result

    def _wait(self, future: Any, source: str) -> Extracted:
        try:
            return future.result()  # type: ignore[no-any-return]
        except KilledWorker as err:
            raise ClusterError(
                f"{source}: the Dask workers extracting it died every time it was tried (killed, or "
                "out of memory?); the store is unchanged") from err
        except (OSError, TimeoutError, CommClosedError) as err:
            raise ClusterError(f"lost the Dask cluster at {self.uri} while extracting {source}: {err}; "
                               "the store is unchanged") from err


class _BuildPlugin(WorkerPlugin):
    """What one build's tasks need on a worker; the extractor is made once, at the first task."""

    def __init__(self, registry: Registry, make: Callable[[Registry], Extractor],
                 corrections: correcting.Plan, model: str, fingerprint: str, release: str, probe: str):
        self.registry, self.make, self.corrections = registry, make, corrections
        self.model, self.fingerprint, self.release = model, fingerprint, release
        self.probe = probe  # a file in the store's folder holding the plugin's name
        self.extractor: Extractor | None = None
        self.shared: bool | None = None  # whether this worker sees the store's folder
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "extractor": None, "lock": None, "shared": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, lock=threading.Lock())

    def teardown(self, worker: Any) -> None:
        self.extractor = None

    def extract(self, entries: list[Entry], todo: Todo, plugin: str) -> Extracted:
        """One source's extraction (one at a time in a worker: an extractor is not thread-safe):
        its N-Quads as text, or as a file it wrote in the store's folder when it sees it."""
        from standpoint.graph.rdf.build import extract_source

        with self.lock:
            if self.extractor is None:
                started = time.perf_counter()
                self.extractor = self._extractor()
                self.shared = os.environ.get(SEND, "") in ("", "0") and _reads(self.probe) == plugin
                get_worker().log_event(EVENTS, {"made": "extractor", "pid": os.getpid(), "writes": self.shared,
                                                "seconds": round(time.perf_counter() - started, 3)})
            text: list[str] = []
            changed, records = [], []
            handle, written = tempfile.mkstemp(dir=Path(self.probe).parent, prefix=".build-",
                                               suffix=".nq") if self.shared else (-1, "")
            with os.fdopen(handle, "w", encoding="utf-8") if self.shared else nullcontext() as out:
                for graph, part, found in extract_source(self.extractor, self.corrections, entries, todo):
                    if out is None:
                        text.append(part)
                    else:
                        out.write(part)
                    changed.append(graph)
                    records += found
            return "".join(text), written, changed, records

    def _extractor(self) -> Extractor:
        """The build's extractor, on a worker that runs what the build's process runs."""
        mine = version("standpoint")
        if mine != self.release:
            raise ClusterError(f"a Dask worker runs standpoint {mine}, the build {self.release}; "
                               "install the same version on every worker")
        nlp.use_model(self.model)
        if nlp.fingerprint() != self.fingerprint:
            raise ClusterError(f"a Dask worker parses with {nlp.fingerprint()}, the build with "
                               f"{self.fingerprint}; install the same spaCy pipeline on every worker")
        return self.make(self.registry)


def dask_setup(worker: Any) -> None:
    """Dask's preload hook: `dask worker SCHEDULER --preload standpoint.graph.rdf.cluster` loads
    the extraction code and the spaCy pipeline (STANDPOINT_SPACY_MODEL's, else the default) when
    the worker starts, so that no build waits for them at its first task, and gives the
    worker's C allocator back the thresholds it would have grown to (`steady_malloc`)."""
    steady_malloc()
    nlp.pipeline()


def steady_malloc() -> None:
    """Undo, in this process, the small fixed malloc thresholds a Dask nanny starts its workers
    with (`MALLOC_TRIM_THRESHOLD_=65536` in `distributed.nanny.pre-spawn-environ`, so that freed
    memory goes back to the system at once). With it, glibc also stops raising its mmap threshold
    as it sees large blocks freed, so the parser's arrays are mapped and unmapped afresh on every
    sentence, and the kernel's work on the pages costs a worker about a sixth more time than
    the same extraction in a local process. The thresholds are set to the ceilings glibc's own
    adjustment reaches (32 MiB to map a block, twice that to trim the heap). Only under that
    variable, on a C library with `mallopt` (glibc's)."""
    if not os.environ.get("MALLOC_TRIM_THRESHOLD_"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the running process's C library
    except (OSError, AttributeError):
        return
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    mallopt(_M_MMAP_THRESHOLD, _MMAP_CEILING)
    mallopt(_M_TRIM_THRESHOLD, 2 * _MMAP_CEILING)


def _reads(path: str) -> str:
    """The text of a file, or "" when this machine cannot read it."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def _extract_on_worker(plugin: str, entries: list[Entry], todo: Todo) -> Extracted:
    """A task: extract one source's changed entries with the build's plugin on this worker."""
    held = get_worker().plugins[plugin]
    assert isinstance(held, _BuildPlugin)
    return held.extract(entries, todo, plugin)
