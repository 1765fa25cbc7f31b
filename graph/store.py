"""The embedded on-disk store: an Oxigraph database in a directory, one named graph per entry.

Layout of a store directory:
  current     a symbolic link to the generation readers see
  gen-NNNNNN/ an Oxigraph database (RocksDB files), one per generation
  lock        a file lock: writers take it exclusively, readers shared; a second writer waits

A write never touches the generation readers see. It starts a new generation as a checkpoint of
the current one (hard links, nearly free), changes and bulk-loads that, and then points `current`
at it with one atomic rename. A build that fails, is interrupted or killed at any point leaves
`current` where it was; leftovers of an unfinished generation are removed by the next write.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from standpoint.errors import StoreError
from standpoint.ontology.namespace import PREFIXES

DEFAULT_STORE = "standpoint-store"
LOCK_WAIT_SECONDS = float(os.environ.get("STANDPOINT_LOCK_WAIT", "30"))
CURRENT = "current"
GENERATION = "gen-"


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

    def _db(self) -> ox.Store:
        if self.db is None:
            return ox.Store()  # a first build reads an empty store
        return self.db

    def select(self, query: str, **bindings: ox.NamedNode | ox.Literal) -> list[dict[str, Any]]:
        """Run a SELECT; rows map variable names to pyoxigraph terms (absent when unbound)."""
        substitutions = {ox.Variable(k): v for k, v in bindings.items()}
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

    def commit(self, drop: list[str], nquads: Path) -> None:
        """Publish a new generation: the current one less the `drop` graphs, plus an N-Quads file.

        Atomic: readers see the old generation until one rename points `current` at the new.
        """
        if not self.writable:
            raise StoreError("the store was opened read-only")
        new = self.path / f"{GENERATION}{_next_number(self.path):06d}"
        try:
            if self.db is not None:
                self.db.flush()
                self.db.backup(str(new))
            db = ox.Store(str(new))
            for graph in drop:
                db.remove_graph(ox.NamedNode(graph))
            if nquads.stat().st_size:
                db.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
            db.flush()
            del db
        except (OSError, SyntaxError, ValueError) as err:
            shutil.rmtree(new, ignore_errors=True)
            raise StoreError(f"cannot write the store at {self.path}: {_first_line(err)}") from err
        _point_current(self.path, new)
        self.db = None
        _remove_stale(self.path)
        self.db = ox.Store(str(new))


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
    os.replace(temp, path / CURRENT)
    directory = os.open(path, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _remove_stale(path: Path) -> None:
    """Remove generations `current` does not point at (old ones, or a killed build's leftovers)."""
    keep = _current(path)
    for generation in _generations(path):
        if keep is None or generation.resolve() != keep.resolve():
            shutil.rmtree(generation, ignore_errors=True)


def _remove_leftovers(path: Path) -> None:
    """What a killed writer left: generations never published, its temporary files."""
    _remove_stale(path)
    for leftover in path.glob(".build-*.nq"):
        leftover.unlink(missing_ok=True)


def exists(path: Path) -> bool:
    """Does a built store live at path?"""
    return _current(Path(path)) is not None


@contextmanager
def open_store(path: Path | None = None, *, write: bool = False) -> Iterator[Store]:
    """Open the store at path; readers need it to exist, a writer creates it on its first commit.

    Writers hold an exclusive lock for as long as the context lasts; a second writer waits up to
    STANDPOINT_LOCK_WAIT seconds (30) and then fails with a clear message. If a writer fails
    before its first commit on a new store, the folder it made is removed again.
    """
    path = Path(path) if path is not None else default_store_path()
    if not write and not exists(path):
        raise StoreError(f"no store at {path}: run `standpoint build` first, or pass --store DIR")
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store directory")
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
                _relink(path)
            store = Store(path, _open_db(path, write), write)
            if write:
                _remove_leftovers(path)
            yield store
    finally:
        if store is not None:
            store.db = None
        if created and not exists(path):
            shutil.rmtree(path, ignore_errors=True)
        elif lock_created and not exists(path):
            (path / "lock").unlink(missing_ok=True)


def _open_db(path: Path, write: bool) -> ox.Store | None:
    current = _current(path)
    if current is None:
        return None
    try:
        return ox.Store(str(current)) if write else ox.Store.read_only(str(current))
    except OSError as err:
        raise StoreError(f"cannot open the store at {path}: {_first_line(err)}") from err


def _lock(handle: Any, path: Path, exclusive: bool) -> None:
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
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
