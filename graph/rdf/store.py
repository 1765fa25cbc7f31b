"""The embedded on-disk store: an Oxigraph database in a directory, one named graph per entry.

Layout of a store directory:
  current              a symbolic link to the generation readers see
  gen-NNNNNN/          an Oxigraph database (RocksDB files), one per generation
  gen-NNNNNN.readers   a lock file: each reader of that generation holds it shared
  lock                 the writers' lock: a writer holds it exclusively; a second writer waits

A write never touches the generation readers see. It starts a new generation as a checkpoint of
the current one (hard links, nearly free), changes and bulk-loads that, and then points `current`
at it with one atomic rename. A build that fails, is interrupted or killed at any point leaves
`current` where it was; leftovers of an unfinished generation are removed by the next write.
Readers never wait for a writer: they open the generation `current` points at, read-only, and
hold its `.readers` lock, so that no writer removes it under them (an old generation a reader
still holds is removed by a later write). Published generations are only ever opened read-only.

`checkpoint(label)` marks the points of a write where the crash tests stop the process (see its
docstring); it does nothing unless a STANDPOINT_TEST_* variable asks for it.
"""

from __future__ import annotations

import fcntl
import io
import itertools
import os
import shutil
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from standpoint.errors import StoreError
from standpoint.ontology.namespace import PREFIXES

DEFAULT_STORE = "standpoint-store"
LOCK_WAIT_SECONDS = 30.0  # how long a writer waits for another; STANDPOINT_LOCK_WAIT overrides
CURRENT = "current"
GENERATION = "gen-"
READERS = ".readers"
TRASH = ".trash-"


def default_store_path() -> Path:
    """STANDPOINT_STORE, else ./standpoint-store."""
    return Path(os.environ.get("STANDPOINT_STORE") or DEFAULT_STORE)


def _first_line(err: BaseException) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


class Store:
    """An open store. Use `open_store(path, write=...)` as a context manager.

    `db` is None for a writer on a store that has no generation yet (its first build).
    """

    def __init__(self, path: Path, db: ox.Store | None, writable: bool):
        self.path = path
        self.db = db
        self.writable = writable
        self.restore_interrupt: Callable[[], None] | None = None

    def _db(self) -> ox.Store:
        if self.db is None:
            return ox.Store()  # a first build reads an empty store
        return self.db

    def select(self, query: str, **bindings: ox.NamedNode | ox.Literal) -> list[dict[str, Any]]:
        """Run a SELECT; rows map variable names to pyoxigraph terms (absent when unbound)."""
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): v for k, v in bindings.items()}
        try:
            solutions = self._db().query(
                query, prefixes=PREFIXES, use_default_graph_as_union=True,
                substitutions=substitutions or None,
            )
        except SyntaxError as err:
            raise StoreError(f"SPARQL syntax error: {_first_line(err)}") from err
        except OSError as err:
            raise StoreError(f"cannot read the store at {self.path}: {err}") from err
        if not isinstance(solutions, ox.QuerySolutions):
            raise StoreError("expected a SELECT query")
        names = [v.value for v in solutions.variables]
        return [
            {name: row[name] for name in names if row[name] is not None} for row in solutions
        ]

    def query(self, query: str) -> Any:
        """Run any SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the union of graphs."""
        try:
            return self._db().query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise StoreError(f"SPARQL syntax error: {_first_line(err)}") from err
        except OSError as err:
            raise StoreError(f"query failed: {err}") from err

    def graphs(self) -> set[str]:
        return {g.value for g in self._db().named_graphs() if isinstance(g, ox.NamedNode)}

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self._db())

    def __len__(self) -> int:
        return len(self._db())

    def sidecar(self, name: str) -> str | None:
        """The text of a file kept inside the current generation beside the database (see
        `commit`), or None when there is none."""
        current = _current(self.path)
        try:
            return (current / name).read_text(encoding="utf-8") if current is not None else None
        except (OSError, UnicodeDecodeError):
            return None

    def replace_sidecar(self, name: str, text: str) -> None:
        """Replace a file kept inside the current generation, atomically (a writer only)."""
        current = _current(self.path)
        if not self.writable or current is None:
            raise StoreError("the store was opened read-only")
        _write_atomically(current / name, text)

    def commit(self, drop: list[str], nquads: Path, sidecars: Mapping[str, str] | None = None) -> None:
        """Publish a new generation: the current one less the `drop` graphs, plus an N-Quads file,
        and `sidecars` (name -> text) as files inside it beside the database. A large load is
        compacted before it is published (COMPACT_SHARE).

        Atomic: readers see the old generation until one rename points `current` at the new.
        From just before that rename on, Ctrl-C is held off until the store is closed: once
        publishing has begun, the write completes.
        """
        if not self.writable:
            raise StoreError("the store was opened read-only")
        new = self.path / f"{GENERATION}{_next_number(self.path):06d}"
        try:
            if self.db is not None:
                self.db.backup(str(new))
            checkpoint("commit.backup")
            kept = _bytes(new) if new.exists() else 0
            db = ox.Store(str(new))
            for graph in drop:
                db.remove_graph(ox.NamedNode(graph))
                checkpoint("commit.drop")
            _bulk_load(db, nquads)
            checkpoint("commit.loaded")
            if nquads.stat().st_size * COMPACT_SHARE >= kept:
                db.optimize()
                checkpoint("commit.compacted")
            db.flush()
            del db
            for name, text in (sidecars or {}).items():
                _write_atomically(new / name, text)
        except (OSError, SyntaxError, ValueError) as err:
            shutil.rmtree(new, ignore_errors=True)
            raise StoreError(f"cannot write the store at {self.path}: {_first_line(err)}") from err
        checkpoint("commit.flushed")
        self.db = None
        self.restore_interrupt = _hold_interrupts()
        try:
            _point_current(self.path, new)
        except OSError as err:
            self.db = _open_db(self.path)
            raise StoreError(f"cannot write the store at {self.path}: {_first_line(err)}") from err
        checkpoint("commit.published")
        try:
            _remove_stale(self.path)
        except OSError:
            pass  # published all the same; the next write removes what is left
        self.db = _open_generation(self.path, new)
        checkpoint("commit.done")


LOAD_BATCH = 100_000  # quads per bulk load: Oxigraph's loader holds a batch in memory
# A write that loads at least 1/COMPACT_SHARE of what the store held (by bytes: the N-Quads text
# against the database's files) ends with one compaction. Each batch of a load adds files whose
# keys overlap every other batch's, and every index lookup then looks in each of them: on the
# 100,000-entry benchmark store, `show` takes 12 s before and 4 s after; the compaction costs 2% of
# a cold build. A small update to a large store is not worth rewriting it all, and is not done.
COMPACT_SHARE = 4


def _bytes(folder: Path) -> int:
    """The size of the files directly in a folder (a generation's database)."""
    return sum(entry.stat().st_size for entry in os.scandir(folder) if entry.is_file())


def _write_atomically(path: Path, text: str) -> None:
    """Write a file whole or not at all: a temporary file, flushed, renamed over it."""
    temp = path.with_name(f".{path.name}-{os.getpid()}")
    with temp.open("w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temp, path)


def _bulk_load(db: ox.Store, nquads: Path) -> None:
    """Bulk-load an N-Quads file (one quad a line) in batches of LOAD_BATCH lines.

    One bulk load of a whole large file takes memory in proportion to it (1.7 GB for 3 million
    quads); batches keep it near 200 MB whatever the size, at the same speed.
    """
    with open(nquads, "rb") as source:
        while batch := b"".join(itertools.islice(source, LOAD_BATCH)):
            reader: Any = io.BufferedReader(_Checkpointed(io.BytesIO(batch)), 16 * 1024)
            db.bulk_load(input=reader, format=ox.RdfFormat.N_QUADS)


class _Checkpointed(io.RawIOBase):
    """A file read by the bulk loader, passing checkpoint("commit.load") at every read."""

    def __init__(self, raw: IO[bytes]):
        super().__init__()
        self.raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        checkpoint("commit.load")
        data = self.raw.read(min(len(buffer), 16 * 1024))
        buffer[: len(data)] = data
        return len(data)


_passed: Counter[str] = Counter()
KILL_AT = "STANDPOINT_TEST_KILL_AT"
HOLD_AT = "STANDPOINT_TEST_HOLD_AT"


def checkpoint(label: str) -> None:
    """A named point of a write, where the crash and concurrency tests act on the process.

    STANDPOINT_TEST_KILL_AT=LABEL:N sends the process SIGKILL the Nth time it passes LABEL
    (LABEL:N:INT does what Ctrl-C would do there: runs the SIGINT handler). STANDPOINT_TEST_HOLD_AT=LABEL:FILE makes it wait the
    first time it passes LABEL, having created FILE.held, until FILE exists (at most 5 minutes).
    Without these variables it does nothing. The labels, in the order a build passes them:
    build.opened, build.read (each source), build.extract (each entry), build.written,
    commit.backup, commit.drop (each graph), commit.load (each read of the bulk load),
    commit.loaded, commit.compacted (a large write), commit.flushed, commit.linked, commit.renamed, commit.published,
    commit.stale (each generation removed), commit.done.
    """
    kill, hold = os.environ.get(KILL_AT), os.environ.get(HOLD_AT)
    if not kill and not hold:
        return
    _passed[label] += 1
    if kill:
        name, count, *how = kill.split(":")
        if name == label and _passed[label] == int(count):
            if how != ["INT"]:
                os.kill(os.getpid(), signal.SIGKILL)
            # Ctrl-C as the process would take it at this very point: its SIGINT handler, run
            # here and now (nothing when ignored, as while publishing). A signal sent with kill()
            # may reach another thread and be handled only after the build began to hold it off.
            handler = signal.getsignal(signal.SIGINT)
            if callable(handler):
                handler(signal.SIGINT, None)
    if hold:
        name, _, flag = hold.partition(":")
        if name == label and _passed[label] == 1:
            Path(f"{flag}.held").touch()
            deadline = time.monotonic() + 300
            while not Path(flag).exists() and time.monotonic() < deadline:
                time.sleep(0.01)


def _hold_interrupts() -> Callable[[], None]:
    """Ignore Ctrl-C (SIGINT) until the returned function is called (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)

    def restore() -> None:
        signal.signal(signal.SIGINT, previous)

    return restore


def _generations(path: Path) -> list[Path]:
    return sorted(p for p in path.glob(f"{GENERATION}*") if p.is_dir())


def _next_number(path: Path) -> int:
    numbers = [int(p.name[len(GENERATION):]) for p in _generations(path) if p.name[len(GENERATION):].isdigit()]
    return max(numbers, default=0) + 1


def _current(path: Path) -> Path | None:
    """The generation `current` points at (or `current` itself, in a copy that followed the link)."""
    link = path / CURRENT
    if link.is_symlink():
        target = path / os.readlink(link)
        return target if target.is_dir() else None
    return link if link.is_dir() else None


def _relink(path: Path) -> None:
    """A copied store may hold `current` as a folder: make it a generation with a link again."""
    link = path / CURRENT
    if link.is_dir() and not link.is_symlink():
        generation = path / f"{GENERATION}{_next_number(path):06d}"
        os.rename(link, generation)
        _point_current(path, generation)


def _point_current(path: Path, generation: Path) -> None:
    """Point `current` at a generation with one atomic rename, and make it durable."""
    temp = path / f".{CURRENT}-{os.getpid()}"
    if temp.is_symlink() or temp.exists():
        temp.unlink()
    os.symlink(generation.name, temp)
    checkpoint("commit.linked")
    os.replace(temp, path / CURRENT)
    checkpoint("commit.renamed")
    directory = os.open(path, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _remove_stale(path: Path) -> None:
    """Remove generations `current` does not point at and no reader holds (old ones, or a killed
    build's leftovers). Each is first renamed out of the way, so a reader never opens half of one."""
    keep = _current(path)
    for generation in _generations(path):
        if keep is not None and generation.resolve() == keep.resolve():
            continue
        with _readers_lock(path, generation.name, exclusive=True) as free:
            if not free:
                continue  # a reader still reads it: a later write removes it
            trash = path / f"{TRASH}{generation.name}-{os.getpid()}-{time.monotonic_ns()}"
            os.rename(generation, trash)
            shutil.rmtree(trash, ignore_errors=True)
            (path / f"{generation.name}{READERS}").unlink(missing_ok=True)
        checkpoint("commit.stale")


def _prepare(path: Path) -> None:
    """Before a write: a copied store linked again, and a killed writer's leftovers removed."""
    try:
        _relink(path)
    except OSError as err:
        raise StoreError(f"cannot write the store at {path}: {err.strerror or err}") from err
    try:
        _remove_leftovers(path)
    except OSError:
        pass  # leftovers change nothing readers see; a later write tries again


def _remove_leftovers(path: Path) -> None:
    """What a killed writer left: generations never published, half-removed ones, temp files."""
    _remove_stale(path)
    for leftover in (*path.glob(".build-*.nq"), *path.glob(f".{CURRENT}-*")):
        leftover.unlink(missing_ok=True)
    for trash in path.glob(f"{TRASH}*"):
        shutil.rmtree(trash, ignore_errors=True)
    for lock in path.glob(f"{GENERATION}*{READERS}"):
        if not (path / lock.name.removesuffix(READERS)).is_dir():
            with _readers_lock(path, lock.name.removesuffix(READERS), exclusive=True) as free:
                if free:
                    lock.unlink(missing_ok=True)


@contextmanager
def _readers_lock(path: Path, generation: str, *, exclusive: bool) -> Iterator[bool]:
    """Hold the `.readers` lock of a generation: shared (waits) or exclusive (never waits).

    Yields whether it is held; a reader of a store it cannot write to yields False and reads
    unprotected (no writer can change such a store either).
    """
    try:
        handle = open(path / f"{generation}{READERS}", "a+b")  # noqa: SIM115 - closed below
    except OSError:
        yield False
        return
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB if exclusive else fcntl.LOCK_SH)
        except BlockingIOError:
            yield False
            return
        yield True


def exists(path: Path) -> bool:
    """Does a built store live at path?"""
    return _current(Path(path)) is not None


@contextmanager
def open_store(path: Path | None = None, *, write: bool = False) -> Iterator[Store]:
    """Open the store at path; readers need it to exist, a writer creates it on its first commit.

    Writers hold an exclusive lock for as long as the context lasts; a second writer waits up to
    STANDPOINT_LOCK_WAIT seconds (30) and then fails with a clear message. Readers do not wait
    for writers: they read the generation that is current when they open the store (in a store
    copied without its link, they wait as writers do). If a writer fails before its first commit
    on a new store, the folder it made is removed again.
    """
    path = Path(path) if path is not None else default_store_path()
    if not write and not exists(path):
        raise StoreError(f"no store at {path}: run `standpoint build` first, or pass --store DIR")
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store directory")
    if not write and (path / CURRENT).is_symlink():
        with _reader(path) as db:
            reader = Store(path, db, False)
            del db
            try:
                yield reader
            finally:
                reader.db = None
        return
    created = not path.exists()
    lock_created = not (path / "lock").exists()
    try:
        path.mkdir(parents=True, exist_ok=True)
        lock = open(path / "lock", "a+")  # noqa: SIM115 - held open for the whole context
    except OSError as err:
        raise StoreError(f"cannot create the store at {path}: {err.strerror}") from err
    store: Store | None = None
    try:
        with lock:
            _lock(lock, path, exclusive=write)
            if write:
                _prepare(path)
            store = Store(path, _open_db(path), write)
            checkpoint("build.opened" if write else "read.opened")
            yield store
    finally:
        if store is not None:
            store.db = None
            if store.restore_interrupt is not None:
                store.restore_interrupt()
        if created and not exists(path):
            shutil.rmtree(path, ignore_errors=True)
        elif lock_created and not exists(path):
            (path / "lock").unlink(missing_ok=True)


@contextmanager
def _reader(path: Path) -> Iterator[ox.Store]:
    """The generation `current` points at, opened read-only, held against removal meanwhile."""
    for _ in range(100):
        name = os.readlink(path / CURRENT)
        with _readers_lock(path, name, exclusive=False):
            if not (path / name).is_dir():
                continue  # removed between reading the link and locking it: read the link again
            checkpoint("read.opened")
            yield _open_generation(path, path / name)
            return
    raise StoreError(f"cannot open the store at {path}: it changed 100 times while opening")


def _open_db(path: Path) -> ox.Store | None:
    current = _current(path)
    return None if current is None else _open_generation(path, current)


def _open_generation(path: Path, generation: Path) -> ox.Store:
    try:
        return ox.Store.read_only(str(generation))
    except OSError as err:
        raise StoreError(f"cannot open the store at {path}: {_first_line(err)}") from err


def lock_wait() -> float:
    """Seconds a writer waits for another: STANDPOINT_LOCK_WAIT, else LOCK_WAIT_SECONDS."""
    value = os.environ.get("STANDPOINT_LOCK_WAIT", "").strip()
    if not value:
        return LOCK_WAIT_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise StoreError(f'STANDPOINT_LOCK_WAIT is "{value}"; set it to a number of seconds, '
                         "e.g. 30, or 0 not to wait")
    return seconds


def _lock(handle: Any, path: Path, exclusive: bool) -> None:
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    deadline = time.monotonic() + lock_wait()
    while True:
        try:
            fcntl.flock(handle.fileno(), mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"the store at {path} is in use by another standpoint command; "
                    "try again when it has finished"
                ) from None
            time.sleep(0.1)
