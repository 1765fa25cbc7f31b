"""The embedded on-disk store: an Oxigraph database in a directory, one named graph per entry.

Layout of a store directory:
  oxigraph/   the RDF database (RocksDB files)
  lock        a file lock: writers take it exclusively, readers shared; a second writer waits
Every write is one SPARQL update, applied in one transaction: a build that fails or is killed
leaves the store as it was.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from standpoint.errors import StoreError
from standpoint.ontology.namespace import PREFIXES

DEFAULT_STORE = "standpoint-store"
LOCK_WAIT_SECONDS = float(os.environ.get("STANDPOINT_LOCK_WAIT", "30"))


def default_store_path() -> Path:
    """STANDPOINT_STORE, else ./standpoint-store."""
    return Path(os.environ.get("STANDPOINT_STORE") or DEFAULT_STORE)


class Store:
    """An open store. Use `open_store(path, write=...)` as a context manager."""

    def __init__(self, path: Path, db: ox.Store, writable: bool):
        self.path = path
        self.db = db
        self.writable = writable

    def select(self, query: str, **bindings: ox.NamedNode | ox.Literal) -> list[dict[str, Any]]:
        """Run a SELECT; rows map variable names to pyoxigraph terms (absent when unbound)."""
        substitutions = {ox.Variable(k): v for k, v in bindings.items()}
        try:
            solutions = self.db.query(
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
            return self.db.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise StoreError(f"SPARQL syntax error: {_first_line(err)}") from err
        except OSError as err:
            raise StoreError(f"query failed: {err}") from err

    def update(self, update: str) -> None:
        """Apply a SPARQL update in one transaction."""
        if not self.writable:
            raise StoreError("the store was opened read-only")
        try:
            self.db.update(update, prefixes=PREFIXES)
        except (SyntaxError, OSError) as err:
            raise StoreError(f"cannot write the store at {self.path}: {_first_line(err)}") from err

    def graphs(self) -> set[str]:
        return {g.value for g in self.db.named_graphs() if isinstance(g, ox.NamedNode)}

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self.db)

    def __len__(self) -> int:
        return len(self.db)


def _first_line(err: BaseException) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


def exists(path: Path) -> bool:
    return (path / "oxigraph").is_dir()


@contextmanager
def open_store(path: Path | None = None, *, write: bool = False) -> Iterator[Store]:
    """Open the store at path; readers need it to exist, writers create it.

    Writers hold an exclusive lock for as long as the context lasts; a second writer waits up to
    STANDPOINT_LOCK_WAIT seconds (30) and then fails with a clear message.
    """
    path = Path(path) if path is not None else default_store_path()
    if not write and not exists(path):
        raise StoreError(f"no store at {path}: run `standpoint build` first, or pass --store DIR")
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store directory")
    try:
        path.mkdir(parents=True, exist_ok=True)
        lock = open(path / "lock", "a+")  # noqa: SIM115 - held open for the whole context
    except OSError as err:
        raise StoreError(f"cannot create the store at {path}: {err.strerror}") from err
    with lock:
        _lock(lock, path, exclusive=write)
        try:
            db = ox.Store(str(path / "oxigraph")) if write else ox.Store.read_only(str(path / "oxigraph"))
        except OSError as err:
            raise StoreError(f"cannot open the store at {path}: {_first_line(err)}") from err
        try:
            yield Store(path, db, write)
        finally:
            del db


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


def insert_data(quads: Iterable[tuple[str, str, str, str]]) -> str:
    """An INSERT DATA update for (subject, predicate, object, graph) in N-Triples syntax."""
    by_graph: dict[str, list[str]] = {}
    for s, p, o, g in quads:
        by_graph.setdefault(g, []).append(f"{s} {p} {o} .")
    blocks = [f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}" if blocks else ""
