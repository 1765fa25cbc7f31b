"""Build: sources -> entries -> statements -> triples -> a new generation of the store, atomically."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import IO, Any, TypeVar

from rdflib import Literal, URIRef

from standpoint.errors import InputError, StandpointError
from standpoint.graph.corrections import correcting
from standpoint.graph.rdf import entry_input, iris, queries, registry_state, source_stats
from standpoint.graph.rdf.entry_input import StoredSource
from standpoint.graph.rdf.found_issues import found_issues
from standpoint.graph.rdf.positions import StanceRecord, derive, position_triples
from standpoint.graph.rdf.store import Store, checkpoint, open_store
from standpoint.graph.rdf.triples import (
    Triple,
    actor_triples,
    author_triples,
    entry_triples,
    issue_triples,
    mention_triples,
    nt,
    role_triples,
    speaker_ref_triples,
    statement_iri,
    statement_triples,
    text,
)
from standpoint.loaders import nlp, read_source, source_files
from standpoint.loaders.extract import Extraction, Extractor
from standpoint.loaders.registry import Registry, default_registry_path, read_registry
from standpoint.ontology.namespace import SP
from standpoint.records import Entry, Statement

T = TypeVar("T")
Progress = Callable[[Sequence[T], str], Iterable[T]]


@dataclass
class BuildReport:
    """What a build did: counts a user can check."""

    sources: list[str] = field(default_factory=list)
    entries: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    read: int = 0  # sources read; the others were unchanged since the store read them (source_stats.py)
    statements: int = 0
    positions: int = 0
    store: str = ""
    registry: str = ""
    registry_change: registry_state.RegistryChange | None = None
    warnings: list[str] = field(default_factory=list)  # corrections that no longer apply, and why


def bundled_sources() -> list[Path]:
    """The seed sources shipped with standpoint (seeds/*.txt and seeds/*.jsonl)."""
    folder = Path(str(resources.files("standpoint.seeds"))).resolve()
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".jsonl"))


def _no_progress(items: Sequence[T], label: str) -> Iterable[T]:
    return items


SOURCE_SUFFIXES = (".txt", ".jsonl", ".ndjson")


def expand(sources: Sequence[Path]) -> list[Path]:
    """Files as given; a folder stands for its ParlaMint day files, else its .txt, .jsonl and
    .ndjson files (not README.*)."""
    files: list[Path] = []
    for source in map(Path, sources):
        if source.is_dir():
            found = source_files(source)
            if not found:
                raise InputError("folder holds no .txt, .jsonl or .ndjson sources and no "
                                 "ParlaMint day files", str(source))
            files += found
        else:
            files.append(source)
    return files


def source_order(entries: Sequence[Entry]) -> list[int]:
    """Each entry's place in its own source: the same source gives the same triples in any build."""
    counts: dict[str, int] = {}
    orders = []
    for entry in entries:
        orders.append(counts.get(entry.origin, 0))
        counts[entry.origin] = orders[-1] + 1
    return orders


def entry_graph_triples(extraction: Extraction, registry: Registry, order: int) -> list[Triple]:
    """Everything one entry contributes: the entry, its statements, mentions, discovered actors."""
    entry = extraction.entry
    triples = list(entry_triples(entry, order))
    triples += author_triples(entry, extraction.authors)
    for author, job in zip(extraction.authors, entry.author_roles):
        triples.append((iris.actor(author.id), SP.jobTitle, text(job)))
    if extraction.speaker is not None:
        triples.append((iris.entry(entry.id), SP.speaker, iris.actor(extraction.speaker.id)))
        if entry.speaker_ref is not None:
            triples += speaker_ref_triples(entry.speaker_ref, extraction.speaker.id,
                                           extraction.speaker_party)
    for statement in extraction.statements:
        triples += statement_triples(statement)
    triples += mention_triples(entry.id, extraction.mentioned)
    triples += entry_input.input_triples(entry)
    for actor in extraction.discovered_actors():
        triples += actor_triples(actor)
    return triples


def registry_triples(registry: Registry) -> list[Triple]:
    triples: list[Triple] = []
    for actor in registry.actors.values():
        if not actor.discovered:
            triples += actor_triples(actor)
    for role in registry.roles.values():
        triples += role_triples(role)
    for issue in registry.issues.values():
        triples += issue_triples(issue)
    return triples


EXTRACTION_VERSION = "5"  # bump when extraction rules change, so every entry is extracted again


def content_hash(triples: Iterable[Triple]) -> str:
    lines = sorted({f"{nt(s)} {nt(p)} {nt(o)}" for s, p, o in triples})
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def input_hash(entry: Entry, order: int, registry_digest: str) -> str:
    """What an entry's extraction depends on: its fields, its place, the registry and the rules."""
    fields = [
        EXTRACTION_VERSION, nlp.fingerprint(), registry_digest, str(order), entry.id,
        entry.published_iso, entry.body, entry.title, entry.speaker or "", entry.source or "",
        entry.url or "", entry.label or "", entry.about or "",
        *entry.authors, "\x1e", *entry.author_roles, "\x1e", *entry.captions,
    ]
    if entry.speaker_ref is not None:
        fields.append(json.dumps(entry_input.speaker_ref_json(entry.speaker_ref), sort_keys=True))
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def source_digest(entries: Sequence[Entry]) -> str:
    """What the people a source introduces depend on: all of its entries. An entry is extracted
    again when anything in its source changes, and an unchanged source is not even parsed."""
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(input_hash(entry, 0, "").encode())
    return digest.hexdigest()


def nquads(triples: Iterable[Triple], graph: URIRef) -> str:
    """N-Quads lines for triples in one named graph."""
    return "".join(_lines(triples, graph))


def _lines(triples: Iterable[Triple], graph: URIRef) -> Iterator[str]:
    g = nt(graph)
    return (f"{nt(s)} {nt(p)} {nt(o)} {g} .\n" for s, p, o in triples)


@dataclass
class _Pending:
    """What a build has to write: new graphs (as an N-Quads file) and their stance records."""

    out: IO[str]
    changed: set[str] = field(default_factory=set)
    records: list[StanceRecord] = field(default_factory=list)
    stats: dict[str, source_stats.SourceStat | None] = field(default_factory=dict)  # by source read


@dataclass
class _SourceResult:
    """One source read and extracted (in a worker process when the build runs in parallel)."""

    source: str
    ids: list[tuple[str, int | None]]
    report: BuildReport
    nquads: str  # a file (in the store's folder) holding the source's N-Quads, written entry by entry
    changed: list[str]
    records: list[StanceRecord]
    file: str = ""  # a source file's full path (not for the input a store keeps)
    stat: source_stats.SourceStat | None = None  # what to remember of the file (graph/rdf/source_stats.py)


# What worker processes need; set before they are forked, so nothing large is pickled to them.
_STATE: dict[str, Any] = {}
PARALLEL_MIN_BYTES = 2_000_000


def workers_for(sources: Sequence[Path | StoredSource]) -> int:
    """Processes to extract with: one per core for big multi-source builds, else none.

    STANDPOINT_WORKERS overrides (1 means in this process). Results do not depend on it: each
    source is extracted on its own and written in the order given.
    """
    wanted = os.environ.get("STANDPOINT_WORKERS")
    if wanted:
        return max(1, int(wanted))
    size = sum(p.size if isinstance(p, StoredSource) else p.stat().st_size
               for p in sources if isinstance(p, StoredSource) or p.is_file())
    if len(sources) < 2 or size < PARALLEL_MIN_BYTES:
        return 1
    return min(len(sources), os.cpu_count() or 1)


def _process(source: Path | StoredSource) -> _SourceResult:
    """Read one source (or take one the store keeps), and extract the entries whose input differs
    from what the store holds."""
    result, entries, todo = _read(source)
    if not todo:
        return result  # nothing to extract: no N-Quads to write
    handle, result.nquads = tempfile.mkstemp(dir=_STATE["folder"], prefix=".build-", suffix=".nq")
    with os.fdopen(handle, "w", encoding="utf-8") as out:  # streamed: memory stays one entry's
        for graph, part, records in extract_source(_STATE["extractor"], _STATE["corrections"], entries, todo):
            out.write(part)
            result.changed.append(graph)
            result.records += records
    return result


Todo = list[tuple[Entry, int, str]]  # the entries to extract, with their place and input hash


def _read(source: Path | StoredSource) -> tuple[_SourceResult, list[Entry], Todo]:
    """Read one source (or take one the store keeps): its result so far, its entries, and those
    whose input differs from what the store holds. A source file whose size and modification
    time are those the store recorded is not even opened (graph/rdf/source_stats.py)."""
    state = _STATE
    taken = None
    if isinstance(source, StoredSource):
        entries, orders = source.entries, source.orders
    else:
        known = source_stats.unchanged(source, state["context"], state["recorded"], state["stored"],
                                       iris.entry_graph)
        if known is not None:
            return _SourceResult(str(source), list(known.entries), BuildReport(
                entries=len(known.entries), unchanged=len(known.entries)), "", [], [], known.path, known), [], []
        taken = source_stats.stat(source, state["fmt"])
        entries, orders = read_source(source, format=state["fmt"], page_date=state["page_date"]), None
    checkpoint("build.read")
    report = BuildReport(read=int(isinstance(source, Path)))
    hashes: list[str] = []
    todo = _changes(entries, state["stored"], state["registry_digest"] + source_digest(entries), report,
                    orders, hashes)
    entry_input.check_reused((entry for entry, _, _ in todo), str(source), state["origins"])
    result = _SourceResult(str(source), [(e.id, e.line) for e in entries], report, "", [], [])
    if isinstance(source, Path):
        result.file = source_stats.key(source)
        result.stat = source_stats.record(source, taken, state["context"], result.ids, hashes)
    return result, entries, todo


def extract_source(extractor: Extractor, corrections: correcting.Plan, entries: list[Entry],
                   todo: Todo) -> Iterator[tuple[str, str, list[StanceRecord]]]:
    """Each entry to extract of one source: its graph, its N-Quads and its stance records. The
    extractor first sees the whole source (who it introduces), so only when there is work."""
    if todo:
        extractor.prepare(entries)
    for entry, order, digest in todo:
        yield _extract(extractor, corrections, entry, order, digest)


def _results(sources: Sequence[Path | StoredSource], workers: int) -> Iterator[_SourceResult]:
    """Each source's result, in order; a worker process that dies (killed, out of memory) is an
    error, never a build waiting for it forever. On a Dask cluster (graph/rdf/cluster.py) its task
    runs again on another worker."""
    if _STATE.get("cluster") is not None:
        yield from _STATE["cluster"].results(sources, _read, _STATE["folder"])
        return
    if workers <= 1:
        yield from map(_process, sources)
        return
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_leave_interrupts_to_the_build)
    finished = False
    try:
        for future in [pool.submit(_process, source) for source in sources]:
            yield future.result()
        finished = True
    except BrokenProcessPool as err:
        raise StandpointError(
            "a build process stopped before it finished (killed, or out of memory?); the store "
            "is unchanged; STANDPOINT_WORKERS=1 builds in one process, with less memory") from err
    finally:
        if not finished:  # an error or Ctrl-C: stop the work no one will collect
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


def _leave_interrupts_to_the_build() -> None:
    """A worker ignores Ctrl-C: the build process gets it too, and stops the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def build(sources: Sequence[Path] | None = None, store_path: Path | None = None, *,
          fmt: str = "auto", page_date: date | None = None, registry_path: Path | None = None,
          replace_registry: bool = False, progress: Progress[Any] = _no_progress,
          extractor: Callable[[Registry], Extractor] = Extractor,
          corrections_path: Path | None = None, corrections: bool = True,
          cluster: str | None = None, rehash: bool = False) -> BuildReport:
    """Add sources to the store (the bundled seed when none are given).

    Building the same sources twice changes nothing: an entry whose input (and the registry) is
    unchanged is not even extracted again; a changed entry replaces everything it had. Input is
    checked as it is read, and the store is published in one atomic step at the end: a failure
    at any point leaves it exactly as it was. Big builds of many sources extract on every core.
    `extractor` makes the extractor from the registry (another one writes other statements
    through the same path, as tests do).

    The store records its registry (graph/rdf/registry_state.py). A build with another registry
    extracts every entry of the store again, from the input the store keeps of entries whose
    sources it was not given (graph/rdf/entry_input.py); one whose registry lacks items of the store's
    is refused unless `replace_registry`. An entry id the store holds from another source is refused.

    The analysts' corrections (graph/corrections/correcting.py) are applied after extraction: from
    `corrections_path`, else the file beside `registry_path`, else the one the store used last,
    else corrections.yaml beside the store; none with corrections=False.

    With `cluster` (a Dask scheduler's address) the entries are extracted on that cluster
    (graph/rdf/cluster.py), with the same result.

    A source file whose size and modification time are those the store recorded when it last read
    it is not read again (graph/rdf/source_stats.py says when); `rehash` reads every source.
    """
    sources = expand(sources) if sources else bundled_sources()
    registry = read_registry(registry_path)
    reg_triples = registry_triples(registry)
    registry_digest = content_hash(reg_triples)
    record = registry_state.registry_record(
        reg_triples, str(Path(registry_path or default_registry_path()).resolve()), registry_digest)
    report = BuildReport(sources=[str(s) for s in sources], registry=record.path)
    with _connect(cluster) as remote, open_store(store_path, write=True) as store:
        report.store = str(store.path)
        before = registry_state.recorded(store)
        report.registry_change = registry_state.compare(before, record, replace=replace_registry)
        stored = stored_hashes(store)
        fixes = correcting.for_build(store, registry, corrections_path, registry_path, corrections)
        stored.update(dict.fromkeys(fixes.undone() & stored.keys(), ""))  # extracted again
        if remote is not None:
            remote.start(registry, extractor, fixes, store.path)
        recorded = source_stats.loads(store.sidecar(source_stats.SIDECAR))
        _STATE.update(fmt=fmt, page_date=page_date, stored=stored, registry_digest=registry_digest,
                      extractor=extractor(registry) if remote is None else None, folder=store.path,
                      origins=entry_input.origins(store), corrections=fixes, cluster=remote,
                      recorded={} if rehash else recorded,
                      context=source_stats.context(EXTRACTION_VERSION, nlp.fingerprint(), registry_digest,
                                                   fmt, page_date))
        handle, temp = tempfile.mkstemp(dir=store.path, prefix=".build-", suffix=".nq")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                pending = _Pending(out)
                seen: dict[str, str] = {}
                results = _results(sources, workers_for(sources))
                for _ in progress(sources, "Building"):
                    _collect(next(results), seen, pending, report)
                if report.registry_change is not None:
                    _extract_the_rest(store, seen, pending, report.registry_change, report.updated)
                fixes.reconcile(store, pending.out, pending.changed, pending.records, stored)
                sidecars = _sidecars(recorded, pending.stats)
                if not pending.changed and record.same(before):
                    if store.db is not None and sidecars != _sidecars(recorded, {}):
                        store.replace_sidecar(source_stats.SIDECAR, sidecars[source_stats.SIDECAR])
                    report.statements, report.positions = store_counts(store)
                    report.warnings = fixes.warnings + correcting.stale(store, fixes)
                    return report
                _finish(store, pending, registry, fixes.registry_view(reg_triples + record.triples()),
                        registry_digest)
            checkpoint("build.written")
            store.commit(sorted(pending.changed | {str(iris.REGISTRY_GRAPH), str(iris.DERIVED_GRAPH)}),
                         Path(temp), sidecars)
        finally:
            _STATE.clear()
            for part in (temp, *store.path.glob(".build-*.nq")):  # this build's, as it holds the lock
                Path(str(part)).unlink(missing_ok=True)
        report.statements, report.positions = store_counts(store)
        report.warnings = fixes.warnings + correcting.stale(store, fixes)
    return report


def _connect(uri: str | None) -> AbstractContextManager[Any]:
    """The Dask cluster to extract on (graph/rdf/cluster.py), or None: extraction here."""
    if not uri:
        return nullcontext(None)
    try:
        from standpoint.graph.rdf import cluster
    except ImportError as err:
        raise StandpointError("--cluster needs Dask's distributed package; install it with "
                              "pip install 'standpoint[cluster]'") from err
    return cluster.connect(uri)


def _sidecars(recorded: dict[str, source_stats.SourceStat],
              read: dict[str, source_stats.SourceStat | None]) -> dict[str, str]:
    """The records of the source files (graph/rdf/source_stats.py): those of the files this build
    read (or found unchanged) replace theirs; a file read too soon after a change has none."""
    stats = {**recorded, **read}
    return {source_stats.SIDECAR: source_stats.dumps(s for s in stats.values() if s is not None)}


def _extract_the_rest(store: Store, seen: dict[str, str], pending: _Pending,
                      change: registry_state.RegistryChange, updated: int) -> None:
    """After a registry change: extract again every stored entry this build was not given."""
    rest = entry_input.stored_sources(store, seen, change.after)
    count = BuildReport()
    for result in _results(rest, workers_for(rest)):
        _collect(result, seen, pending, count)
    change.extracted_again = updated + count.entries


def _collect(result: _SourceResult, seen: dict[str, str], pending: _Pending, report: BuildReport) -> None:
    """Take one source's result in source order: check its ids, write its triples, count."""
    for entry_id, line in result.ids:
        if entry_id in seen and seen[entry_id] != result.source:
            raise InputError(
                f"entry id {entry_id!r} is also in {seen[entry_id]}; ids must be unique",
                result.source, line,
            )
        seen[entry_id] = result.source
    if result.nquads:  # a source found unchanged by its stat wrote none
        with open(result.nquads, encoding="utf-8") as part:
            shutil.copyfileobj(part, pending.out)
        Path(result.nquads).unlink()
    if result.file:
        pending.stats[result.file] = result.stat
    pending.changed.update(result.changed)
    pending.records += result.records
    for name in ("entries", "added", "updated", "unchanged", "read"):
        setattr(report, name, getattr(report, name) + getattr(result.report, name))


def _checked(entries: list[Entry], source: Path, seen: dict[str, str]) -> list[Entry]:
    """An entry id may appear in one source only."""
    for entry in entries:
        if entry.id in seen and seen[entry.id] != str(source):
            raise InputError(
                f"entry id {entry.id!r} is also in {seen[entry.id]}; ids must be unique",
                str(source), entry.line,
            )
        seen[entry.id] = str(source)
    return entries


def _changes(entries: list[Entry], stored: dict[str, str], registry_digest: str,
             report: BuildReport, orders: Sequence[int] | None = None,
             hashes: list[str] | None = None) -> list[tuple[Entry, int, str]]:
    """The entries whose input differs from what the store holds (added or updated); `orders` are
    their places in their source, when not their places in `entries`. `hashes` gets every
    entry's input hash, in order."""
    todo = []
    for entry, order in zip(entries, orders if orders is not None else source_order(entries)):
        report.entries += 1
        digest = input_hash(entry, order, registry_digest)
        if hashes is not None:
            hashes.append(digest)
        graph = str(iris.entry_graph(entry.id))
        if stored.get(graph) == digest:
            report.unchanged += 1
            continue
        if graph in stored:
            report.updated += 1
        else:
            report.added += 1
        todo.append((entry, order, digest))
    return todo


def _extract(extractor: Extractor, corrections: correcting.Plan, entry: Entry, order: int,
             digest: str) -> tuple[str, str, list[StanceRecord]]:
    """Extract one entry: its graph, its triples as N-Quads text and its stance records."""
    extraction = extractor.extract(entry)
    graph = iris.entry_graph(entry.id)
    triples = entry_graph_triples(extraction, extractor.registry, order)
    triples.append((iris.entry(entry.id), SP.contentHash, Literal(digest)))
    triples, corrected = corrections.correct_extracted(entry.id, triples)
    records = stance_records(extraction.statements if corrected is None else corrected)
    checkpoint("build.extract")
    return str(graph), nquads(triples, graph), records


def stance_records(statements: Iterable[Statement]) -> list[StanceRecord]:
    """What positions need of the statements with a stance: positions are per holder."""
    return [
        StanceRecord(str(statement_iri(s)), s.holder, s.issue_id, s.stance, s.published.isoformat(),
                     s.issue_form)
        for s in statements if s.issue_id and s.stance
    ]


def _finish(store: Store, pending: _Pending, registry: Registry, reg_triples: list[Triple],
            registry_digest: str) -> None:
    """Append the registry, and the issues found in the text and the positions derived from all
    statements, old and new."""
    kept = [record for graph, record in stored_stances(store) if graph not in pending.changed]
    registry_node = iris.REGISTRY_GRAPH
    pending.out.write(nquads([*reg_triples, (registry_node, SP.contentHash, Literal(registry_digest))],
                             registry_node))
    write_derived(pending.out, kept + pending.records, set(registry.issues))


def write_derived(out: IO[str], records: list[StanceRecord], registered: set[str]) -> None:
    """Write the derived graph's N-Quads a line at a time (750,000 lines at 100,000 entries)."""
    out.writelines(_lines(derived_triples(records, registered), iris.DERIVED_GRAPH))


def derived_triples(records: list[StanceRecord], registered: set[str]) -> Iterator[Triple]:
    """The derived graph, from every statement's stance record: the issues found in the text
    (those `registered` are the registry's) and every position."""
    for issue in found_issues(records, registered):
        yield from issue_triples(issue)
    for position in derive(records):
        yield from position_triples(position)


def stored_hashes(store: Store) -> dict[str, str]:
    """Each entry graph's content hash."""
    return {row["g"].value: row["h"].value for row in store.select(queries.STORED_HASHES)}


def stored_stances(store: Store) -> list[tuple[str, StanceRecord]]:
    """Every statement's stance record, with the entry graph it is in."""
    return [
        (row["g"].value, StanceRecord(
            row["s"].value, iris.local_id(row["actor"].value), iris.local_id(row["issue"].value),
            row["stance"].value.rsplit("#", 1)[-1], row["time"].value,
            row["form"].value if row.get("form") is not None else None,
        ))
        for row in store.select(queries.STORED_STANCES)
    ]


def store_counts(store: Store) -> tuple[int, int]:
    """How many statements and positions the store holds."""
    rows = store.select(queries.COUNTS)
    return int(rows[0]["n"].value), int(rows[0]["m"].value)
