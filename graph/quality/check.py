"""SHACL validation of the whole store (the shapes live in ontology/shapes.ttl)."""

from __future__ import annotations

from rdflib import Graph

from standpoint.graph.quality.validate import ValidationReport, validate_graph
from standpoint.graph.rdf.export import triples
from standpoint.graph.rdf.store import Store


def store_graph(store: Store) -> Graph:
    """The store's triples (all graphs merged) as an rdflib Graph."""
    graph = Graph()
    data = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples(store))
    graph.parse(data=data, format="nt")
    return graph


def check_store(store: Store) -> ValidationReport:
    return validate_graph(store_graph(store))
