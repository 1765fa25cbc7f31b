"""What the store keeps of each entry's input: enough to extract the entry again without its file.

An entry's graph holds its fields (graph/triples.py: id, time, body, title, speaker, source, url,
label, place in its source, captions) and, written here, what those do not keep as the source gave
it: the name of the file and the line it was read from (sp:sourceFile, sp:sourceLine) and one JSON object
(sp:extractionInput) with its authors and their role lines in order, its captions in order and its
`about`.

A source is known by its file's name, not its folder: the same files built from anywhere give the
same store, and a new version of a file (`v2/debate.jsonl` after `v1/debate.jsonl`) is the same
source. An entry id belongs to its source: `check_reused` refuses an entry that brings an id the
store already holds from a file of another name.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal

from standpoint.errors import InputError
from standpoint.graph import iris
from standpoint.graph.store import Store
from standpoint.graph.triples import Triple, text
from standpoint.ontology.namespace import SP
from standpoint.records import Entry

__all__ = ["check_reused", "input_triples", "origins", "source_name"]


def source_name(origin: str | os.PathLike[str]) -> str:
    """The name a source is known by in the store: its file's name."""
    return Path(origin).name


def input_triples(entry: Entry) -> list[Triple]:
    """The triples that keep the rest of an entry's input: its file, its line, and a JSON object."""
    node = iris.entry(entry.id)
    rest = {"authors": list(entry.authors), "author_roles": list(entry.author_roles),
            "captions": list(entry.captions), "about": entry.about}
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
    rows = store.select("""SELECT ?id ?file ?line WHERE {
        ?e a sp:Entry ; dcterms:identifier ?id ; sp:sourceFile ?file . OPTIONAL { ?e sp:sourceLine ?line } }""")
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
