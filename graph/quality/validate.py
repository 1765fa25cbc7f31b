"""SHACL validation of a standpoint graph against ontology/shapes.ttl, with the ontology mixed in.

>>> from rdflib import Graph
>>> validate_graph(Graph()).conforms
True
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

import pyshacl
from rdflib import ConjunctiveGraph, Graph, Literal
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from standpoint.errors import StandpointError
from standpoint.ontology.namespace import PREFIXES

__all__ = ["Problem", "ValidationReport", "ontology_graph", "shapes_graph", "validate_graph"]

_SEVERITIES: dict[Node | None, str] = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Problem:
    """One SHACL result: the node at fault, the property (full IRI, None for node-level rules)."""

    focus: str
    path: str | None
    message: str
    severity: str

    def __str__(self) -> str:
        where = f"{_short(self.focus)} {_short(self.path)}" if self.path else _short(self.focus)
        return f"{self.severity}: {where}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    """Whether the graph conforms, and every problem found, sorted by focus node then path."""

    conforms: bool
    problems: list[Problem] = field(default_factory=list)


def _load(name: str) -> Graph:
    """Parse one Turtle file shipped in the standpoint.ontology package."""
    graph = Graph()
    graph.parse(data=files("standpoint.ontology").joinpath(name).read_text("utf-8"), format="turtle")
    return graph


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The standpoint OWL ontology (ontology/standpoint.ttl); cached, do not modify."""
    return _load("standpoint.ttl")


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes of a valid graph (ontology/shapes.ttl); cached, do not modify."""
    return _load("shapes.ttl")


def _short(iri: str) -> str:
    """`https://w3id.org/standpoint/ontology#speaker` -> `sp:speaker`; other strings unchanged."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _lexical(node: Node) -> Node:
    """A literal rebuilt from its lexical form, as a store or a serialiser would give it back.

    `Literal(0.9, datatype=XSD.decimal)` holds a Python float that pyshacl's sh:datatype check
    rejects, although the triple it stands for is the valid `"0.9"^^xsd:decimal`.
    """
    if isinstance(node, Literal):
        return Literal(str(node), lang=node.language, datatype=node.datatype)
    return node


def _triples(data: Graph) -> Iterator[tuple[Node, Node, Node]]:
    """Every triple of `data`, whatever named graph of a dataset it is in."""
    if isinstance(data, ConjunctiveGraph):
        return ((s, p, o) for s, p, o, _ in data.quads((None, None, None, None)))
    return iter(data)


@lru_cache(maxsize=64)
def _prepared(query: str) -> Query:
    """A SPARQL query parsed once: parsing costs ~25 ms, far more than running it."""
    return prepareQuery(query)


class _DataGraph(Graph):
    """The graph pyshacl validates: it parses each SPARQL constraint once, not once a focus node.

    pyshacl sends the same query text, with `$this` bound, for every focus node of a shape
    (600 statements: 600 parses, ~15 s); preparing it once takes validation to about a second.
    """

    def query(self, query_object, *args, **kwargs):  # type: ignore[no-untyped-def]
        """Run `query_object`, from its cached parse when it is a query string."""
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


def _data_with_ontology(data: Graph) -> Graph:
    """A new graph: the triples of `data` as lexical forms, plus the ontology's axioms.

    Mixing the ontology in here rather than through pyshacl's `ont_graph` gives the same graph
    to validate, without pyshacl's node-by-node cloning (~4 s for our 370-triple ontology).
    """
    graph = _DataGraph()
    for s, p, o in _triples(data):
        graph.add((s, p, _lexical(o)))
    graph += ontology_graph()
    return graph


def _shown(node: Node) -> str:
    """A value as a problem message shows it: `"1.5"`, `sp:mixed`."""
    return f'"{node}"' if isinstance(node, Literal) else _short(str(node))


def _problem(results: Graph, result: Node) -> Problem:
    """A Problem from one sh:ValidationResult; core results name the bad value, SPARQL ones say it."""
    path = results.value(result, SH.resultPath)
    message = results.value(result, SH.resultMessage)
    value = results.value(result, SH.value)
    focus = results.value(result, SH.focusNode)
    text = str(message) if message is not None else "does not conform"
    component = results.value(result, SH.sourceConstraintComponent)
    if value is not None and value != focus and component != SH.SPARQLConstraintComponent:
        text = f"{text} (value: {_shown(value)})"
    return Problem(
        focus=str(focus),
        path=str(path) if path is not None else None,
        message=text,
        severity=_SEVERITIES.get(results.value(result, SH.resultSeverity), "Violation"),
    )


def validate_graph(data: Graph) -> ValidationReport:
    """Validate `data` (a Graph, or a Dataset whose named graphs are merged) against the shapes.

    The ontology is mixed into a copy of the data, so sh:class sees its rdfs:subClassOf axioms;
    `data` itself is never changed. Literals are judged by their lexical form, as stored.
    """
    conforms, results, _ = pyshacl.validate(
        _data_with_ontology(data),
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
        inplace=True,
    )
    if not isinstance(results, Graph):
        raise StandpointError(f"the SHACL shapes in ontology/shapes.ttl cannot be run: {results}")
    problems = [_problem(results, r) for r in results.objects(None, SH.result)]
    problems.sort(key=lambda p: (p.focus, p.path or "", p.message))
    return ValidationReport(conforms=bool(conforms), problems=problems)
