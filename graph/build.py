"""Build: sources -> entries -> statements -> triples -> the store, in one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TypeVar

from rdflib import Literal

from standpoint.errors import InputError
from standpoint.graph import iris
from standpoint.graph.positions import StanceRecord, derive, position_triples
from standpoint.graph.store import Store, insert_data, open_store
from standpoint.graph.triples import (
    Triple,
    actor_triples,
    author_triples,
    entry_triples,
    issue_triples,
    mention_triples,
    nt,
    role_triples,
    statement_triples,
    text,
)
from standpoint.loaders import read_source
from standpoint.loaders.extract import Extraction, Extractor
from standpoint.loaders.registry import Registry, read_registry
from standpoint.ontology.namespace import SP
from standpoint.records import Entry

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
    statements: int = 0
    positions: int = 0
    store: str = ""


def bundled_sources() -> list[Path]:
    """The seed sources shipped with standpoint (seeds/*.txt and seeds/*.jsonl)."""
    folder = Path(str(resources.files("standpoint.seeds")))
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".jsonl"))


def _no_progress(items: Sequence[T], label: str) -> Iterable[T]:
    return items


SOURCE_SUFFIXES = (".txt", ".jsonl", ".ndjson")


def expand(sources: Sequence[Path]) -> list[Path]:
    """Files as given; a folder stands for its .txt, .jsonl and .ndjson files (not README.*)."""
    files: list[Path] = []
    for source in map(Path, sources):
        if source.is_dir():
            found = sorted(p for p in source.iterdir() if p.suffix in SOURCE_SUFFIXES
                           and p.is_file() and not p.name.upper().startswith("README"))
            if not found:
                raise InputError("folder holds no .txt, .jsonl or .ndjson sources", str(source))
            files += found
        else:
            files.append(source)
    return files


def read_entries(sources: Sequence[Path], fmt: str = "auto", page_date: date | None = None) -> list[Entry]:
    """Read every source before anything is written; an entry id may appear in one source only."""
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for source in expand(sources):
        for entry in read_source(source, format=fmt, page_date=page_date):
            if entry.id in seen and seen[entry.id] != str(source):
                raise InputError(
                    f"entry id {entry.id!r} is also in {seen[entry.id]}; ids must be unique",
                    str(source), entry.line,
                )
            seen[entry.id] = str(source)
            entries.append(entry)
    return entries


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
    for statement in extraction.statements:
        triples += statement_triples(statement)
    triples += mention_triples(entry.id, extraction.mentioned)
    used = {s.speaker_id for s in extraction.statements} | {a.id for a in extraction.authors}
    used |= {extraction.speaker.id} if extraction.speaker else set()
    for actor_id in sorted(used):
        actor = registry.actors.get(actor_id)
        if actor is not None and actor.discovered:
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


def content_hash(triples: Iterable[Triple]) -> str:
    lines = sorted({f"{nt(s)} {nt(p)} {nt(o)}" for s, p, o in triples})
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def build(sources: Sequence[Path] | None = None, store_path: Path | None = None, *,
          fmt: str = "auto", page_date: date | None = None, registry_path: Path | None = None,
          progress: Progress = _no_progress) -> BuildReport:
    """Add sources to the store (the bundled seed when none are given).

    Building the same sources twice changes nothing; a changed entry replaces what it had.
    All input is read and checked before the store is opened, and the store is written in one
    transaction: a failure leaves it exactly as it was.
    """
    sources = expand(sources) if sources else bundled_sources()
    registry = read_registry(registry_path)
    entries = read_entries(sources, fmt, page_date)
    extractor = Extractor(registry)
    extractions = [extractor.extract(e) for e in progress(entries, "Extracting")]
    graphs = {
        iris.entry_graph(x.entry.id): entry_graph_triples(x, registry, n)
        for n, x in zip(source_order(entries), extractions)
    }
    report = BuildReport(sources=[str(s) for s in sources], entries=len(entries))
    with open_store(store_path, write=True) as store:
        report.store = str(store.path)
        _write(store, graphs, registry_triples(registry), report)
    return report


def _write(store: Store, graphs: dict, registry: list[Triple], report: BuildReport) -> None:
    hashes = _stored_hashes(store)
    changed: dict = {}
    for graph, triples in graphs.items():
        digest = content_hash(triples)
        entry_node = next(s for s, p, o in triples if p == SP.body)
        if hashes.get(str(graph)) == digest:
            report.unchanged += 1
            continue
        if str(graph) in hashes:
            report.updated += 1
        else:
            report.added += 1
        changed[graph] = [*triples, (entry_node, SP.contentHash, Literal(digest))]
    registry_hash = content_hash(registry)
    if not changed and hashes.get(str(iris.REGISTRY_GRAPH)) == registry_hash:
        report.statements, report.positions = _counts(store)
        return
    records = [r for r in _stored_stances(store) if r[0] not in {str(g) for g in changed}]
    kept = [r[1] for r in records]
    fresh = [_stance_record(triples) for triples in changed.values()]
    positions = derive(kept + [r for group in fresh for r in group])
    quads = [(nt(s), nt(p), nt(o), nt(g)) for g, triples in changed.items() for s, p, o in triples]
    registry_node = iris.REGISTRY_GRAPH
    quads += [(nt(s), nt(p), nt(o), nt(registry_node)) for s, p, o in registry]
    quads.append((nt(registry_node), nt(SP.contentHash), nt(Literal(registry_hash)), nt(registry_node)))
    derived = nt(iris.DERIVED_GRAPH)
    quads += [(nt(s), nt(p), nt(o), derived) for pos in positions for s, p, o in position_triples(pos)]
    drops = [f"DROP SILENT GRAPH {nt(g)} ;" for g in [*changed, registry_node, iris.DERIVED_GRAPH]]
    store.update("\n".join([*drops, insert_data(quads)]))
    report.statements, report.positions = _counts(store)


def _stored_hashes(store: Store) -> dict[str, str]:
    rows = store.select(
        "SELECT ?g ?h WHERE { GRAPH ?g { ?x sp:contentHash ?h } }"
    )
    return {row["g"].value: row["h"].value for row in rows}


def _stored_stances(store: Store) -> list[tuple[str, StanceRecord]]:
    rows = store.select("""
        SELECT ?g ?s ?actor ?issue ?stance ?time WHERE { GRAPH ?g {
          ?s a sp:Statement ; sp:speaker ?actor ; sp:about ?issue ; sp:stance ?stance ; sp:time ?time
        } }""")
    return [
        (row["g"].value, StanceRecord(
            row["s"].value, iris.local_id(row["actor"].value), iris.local_id(row["issue"].value),
            row["stance"].value.rsplit("#", 1)[-1], row["time"].value,
        ))
        for row in rows
    ]


def _stance_record(triples: list[Triple]) -> list[StanceRecord]:
    by_subject: dict = {}
    for s, p, o in triples:
        by_subject.setdefault(s, {})[p] = o
    records = []
    for node, props in by_subject.items():
        if SP.stance in props and SP.about in props:
            records.append(StanceRecord(
                str(node), iris.local_id(str(props[SP.speaker])), iris.local_id(str(props[SP.about])),
                str(props[SP.stance]).rsplit("#", 1)[-1], str(props[SP.time]),
            ))
    return records


def _counts(store: Store) -> tuple[int, int]:
    rows = store.select("""SELECT (COUNT(DISTINCT ?s) AS ?n) (COUNT(DISTINCT ?p) AS ?m) WHERE {
        { ?s a sp:Statement } UNION { ?p a sp:Position } }""")
    return int(rows[0]["n"].value), int(rows[0]["m"].value)

