"""Exports: the store's triples as Turtle, JSON-LD or N-Triples; its network as GraphML or GEXF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from standpoint.errors import InputError
from standpoint.graph.analysis.drawing import flat, project
from standpoint.graph.rdf.files import write_atomically
from standpoint.graph.rdf.store import Store
from standpoint.ontology.namespace import ID, PREFIXES

KINDS = ("actor", "issue", "entry", "statement", "position", "role", "holding", "source")
EXPORT_PREFIXES = {k: v for k, v in PREFIXES.items() if k != "id"} | {k: f"{ID}{k}/" for k in KINDS}

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}
NETWORK_FORMATS: dict[str, Callable[[nx.MultiDiGraph[str], str], None]] = {
    "graphml": lambda G, path: nx.write_graphml(G, path),
    "gexf": lambda G, path: nx.write_gexf(G, path),
}
FORMATS = (*RDF_FORMATS, *NETWORK_FORMATS, "neo4j-csv")


def triples(store: Store) -> list[ox.Triple]:
    """Every triple of every graph, once."""
    return sorted({ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}, key=str)


def export(store: Store, fmt: str, out: Path) -> Path:
    """Write the store in a format to a file, atomically (a failed export leaves no partial file)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; formats: {', '.join(FORMATS)}")
    if fmt == "neo4j-csv":
        from standpoint.graph.property.neo4j_csv import export_neo4j_csv

        return export_neo4j_csv(store, Path(out))
    return write_atomically(Path(out), lambda temp: _write(store, fmt, temp), "the export")


def _write(store: Store, fmt: str, temp: str) -> None:
    if fmt in RDF_FORMATS:
        prefixes = EXPORT_PREFIXES if fmt != "ntriples" else None
        ox.serialize(triples(store), temp, RDF_FORMATS[fmt], prefixes=prefixes)
    else:
        NETWORK_FORMATS[fmt](flat(project(store)), temp)
