"""What the store keeps of each entry's input: enough to extract the entry again without its file.

An entry's graph holds its fields (graph/rdf/triples.py: id, time, body, title, speaker, source, url,
label, place in its source, captions) and, written here, what those do not keep as the source gave
it: the name of the file and the line it was read from (sp:sourceFile, sp:sourceLine) and one JSON object
(sp:extractionInput) with its authors and their role lines in order, its captions in order, its
`about` and, when its source gives them, its speaker's corpus ids and offices (`speaker_ref`). From these `stored_sources` rebuilds the very Entry records a source gave, so that a build
with another registry extracts again the entries of sources it was not given.

A source is known by its file's name, not its folder: the same files built from anywhere give the
same store, and a new version of a file (`v2/debate.jsonl` after `v1/debate.jsonl`) is the same
source. An entry id belongs to its source: `check_reused` refuses an entry that brings an id the
store already holds from a file of another name.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Literal

from standpoint.errors import InputError, StandpointError
from standpoint.graph.rdf import iris, queries
from standpoint.graph.rdf.store import Store
from standpoint.graph.rdf.triples import Triple, text
from standpoint.ontology.namespace import SP, XSD
from standpoint.records import CorpusRole, Entry, SpeakerRef

__all__ = ["StoredSource", "check_reused", "input_triples", "origins", "source_name",
           "speaker_ref_from", "speaker_ref_json", "stored_sources"]


def source_name(origin: str | os.PathLike[str]) -> str:
    """The name a source is known by in the store: its file's name."""
    return Path(origin).name


def input_triples(entry: Entry) -> list[Triple]:
    """The triples that keep the rest of an entry's input: its file, its line, and a JSON object."""
    node = iris.entry(entry.id)
    rest: dict[str, Any] = {"authors": list(entry.authors), "author_roles": list(entry.author_roles),
            "captions": list(entry.captions), "about": entry.about}
    if entry.speaker_ref is not None:
        rest["speaker_ref"] = speaker_ref_json(entry.speaker_ref)
    triples: list[Triple] = [(node, SP.extractionInput, text(json.dumps(rest, ensure_ascii=False)))]
    if entry.origin:
        triples.append((node, SP.sourceFile, text(source_name(entry.origin))))
    if entry.line is not None:
        triples.append((node, SP.sourceLine, Literal(entry.line)))
    return triples


@dataclass(frozen=True)
class Origin:
    """Where the store's entry of an id came from: its file's name, and its line there."""

    file: str
    line: int | None

    def __str__(self) -> str:
        return f"{self.file} line {self.line}" if self.line is not None else self.file


def origins(store: Store) -> dict[str, Origin]:
    """Each stored entry's id -> the file (and line) it was read from, for entries that record it."""
    rows = store.select(queries.ENTRY_ORIGINS)
    return {row["id"].value: Origin(row["file"].value, int(row["line"].value) if "line" in row else None)
            for row in rows}


def check_reused(entries: Iterable[Entry], source: str | os.PathLike[str],
                 stored: Mapping[str, Origin]) -> None:
    """Refuse an entry whose id the store holds from another source, which it would replace.

    A file of the same name is the same source, changed or moved, and may change its entries.
    Only entries about to be written are checked: an unchanged entry replaces nothing.
    """
    name = source_name(source)
    for entry in entries:
        first = stored.get(entry.id)
        if first is None or first.file == name:
            continue
        raise InputError(f"entry id {entry.id!r} is already in the store, from {first}; ids must be "
                         "unique across sources: give this entry another id, or build into another "
                         "store", str(source), entry.line)


@dataclass
class StoredSource:
    """The entries of one source as the store keeps them, in their order in it; `origin` is its
    file's name."""

    origin: str
    entries: list[Entry] = field(default_factory=list)
    orders: list[int] = field(default_factory=list)

    def __str__(self) -> str:
        return self.origin

    @property
    def size(self) -> int:
        """About the bytes its file held: what the build weighs its work by."""
        return sum(len(entry.body) for entry in self.entries)


def stored_sources(store: Store, keep: Collection[str], registry: str) -> list[StoredSource]:
    """Every stored entry whose id is not in `keep` (this build's entries), grouped by source file.

    An entry built before the store kept its input cannot be extracted again: a StandpointError
    names one, and `registry` (the file whose change made the build need them).
    """
    sources: dict[str, StoredSource] = {}
    lacking: list[str] = []
    for row in store.select(queries.STORED_ENTRIES):
        entry_id = row["id"].value
        if entry_id in keep:
            continue
        if "input" not in row or "file" not in row:
            lacking.append(entry_id)
            continue
        group = sources.setdefault(row["file"].value, StoredSource(row["file"].value))
        group.entries.append(_entry(row))
        group.orders.append(int(row["order"].value) if "order" in row else len(group.orders))
    if lacking:
        raise StandpointError(
            f"{registry}: the registry changed, so every entry must be extracted again, but "
            f"{len(lacking)} entries of the store (e.g. {min(lacking)!r}) were built by an earlier "
            "standpoint that kept no copy of their input; give their sources in this build too, "
            "or build into a new store")
    for group in sources.values():
        ordered = sorted(zip(group.orders, group.entries), key=lambda pair: pair[0])
        group.orders = [order for order, _ in ordered]
        group.entries = [entry for _, entry in ordered]
    return sorted(sources.values(), key=lambda group: group.origin)


def _entry(row: dict[str, Any]) -> Entry:
    """The Entry one row of queries.STORED_ENTRIES describes, as its source gave it."""
    value = {name: term.value for name, term in row.items()}
    rest = json.loads(value["input"])
    return Entry(
        id=value["id"], published=_published(row["issued"]), body=value["body"],
        title=value.get("title", ""), speaker=value.get("speaker"), source=value.get("source"),
        url=value.get("url"), label=value.get("label"), about=rest["about"],
        authors=tuple(rest["authors"]), author_roles=tuple(rest["author_roles"]),
        captions=tuple(rest["captions"]), origin=value["file"],
        speaker_ref=speaker_ref_from(rest.get("speaker_ref")),
        line=int(value["line"]) if "line" in value else None,
    )


def speaker_ref_json(ref: SpeakerRef) -> dict[str, Any]:
    """A speaker's corpus ids and offices as plain JSON (dates as ISO strings)."""
    return {"person": ref.person, "party": ref.party, "distinct": ref.distinct,
            "roles": [[r.id, r.label, r.start and r.start.isoformat(), r.end and r.end.isoformat()]
                      for r in ref.roles]}


def speaker_ref_from(value: dict[str, Any] | None) -> SpeakerRef | None:
    """The SpeakerRef `speaker_ref_json` wrote; None for none."""
    if value is None:
        return None
    roles = tuple(CorpusRole(role_id, label, start and date.fromisoformat(start),
                             end and date.fromisoformat(end))
                  for role_id, label, start, end in value["roles"])
    return SpeakerRef(value["person"], value["party"], roles, value["distinct"])


def _published(term: ox.Literal) -> datetime | date:
    """dcterms:issued back to what the loader gave: a datetime, or a date for date-only sources."""
    if term.datatype.value == str(XSD.date):
        return date.fromisoformat(term.value)
    return datetime.fromisoformat(term.value)
