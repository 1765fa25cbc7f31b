"""The ontology defines every SP term, the shapes accept a good graph and name each break."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, date, datetime
from importlib.resources import files

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from standpoint.graph.quality.validate import (
    Problem,
    ValidationReport,
    ontology_graph,
    shapes_graph,
    validate_graph,
)
from standpoint.graph.rdf import iris
from standpoint.graph.rdf.positions import StanceRecord, derive, position_triples
from standpoint.graph.rdf.triples import (
    actor_triples,
    author_triples,
    entry_triples,
    issue_triples,
    mention_triples,
    role_triples,
    statement_triples,
)
from standpoint.ontology import namespace as vocab
from standpoint.ontology.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, SKOS, SP
from standpoint.records import Actor, Entry, Issue, Role, RoleHolding, Statement

SP_TERMS = set(dir(SP))
# Not XSD itself at module level: pytest probes module globals and XSD warns on unknown names.
DATE_TIME, DATE, DECIMAL = vocab.XSD.dateTime, vocab.XSD.date, vocab.XSD.decimal
DEFINING_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.NamedIndividual,
    SKOS.ConceptScheme,
}
SP_NAME = re.compile(r"\bsp:([A-Za-z_][\w-]*)")

WHEN = datetime(2025, 1, 16, 12, 5, tzinfo=UTC)
BODY = (
    'Yvette Cooper told MPs: "We will set up a national inquiry." '
    "Kemi Badenoch said the government was wrong to refuse one."
)
QUOTE = "We will set up a national inquiry."
REPORT = "the government was wrong to refuse one"
NATIONAL = "national-inquiry"


# --- records and the graph built from them through graph/rdf/triples.py ---------------------------


def _entry() -> Entry:
    return Entry(
        id="bbc-2025-01-16-post-12",
        published=WHEN,
        body=BODY,
        title="Cooper sets out plans",
        authors=("Becky Morton",),
        source="bbc-live-2025-01-16",
        url="https://www.bbc.co.uk/news/live/example",
        label="12",
    )


def _actors() -> list[Actor]:
    cooper = Actor(
        "yvette-cooper",
        "Yvette Cooper",
        "person",
        aliases=("Cooper",),
        party="labour",
        gender="female",
        wikidata="Q263015",
        constituency="pontefract",
        roles=[RoleHolding("home-secretary", start=date(2024, 7, 5))],
    )
    return [
        cooper,
        Actor("kemi-badenoch", "Kemi Badenoch", "person", party="conservatives"),
        Actor("becky-morton", "Becky Morton", "person", discovered=True),
        Actor("labour", "Labour", "organisation", kind="party"),
        Actor("conservatives", "Conservatives", "organisation", kind="party"),
        Actor("home-office", "Home Office", "organisation", kind="government"),
        Actor("pontefract", "Pontefract, Castleford and Knottingley", "place"),
    ]


def _span(word: str) -> tuple[int, int]:
    """Where a word is in BODY: (start, end)."""
    at = BODY.index(word)
    return at, at + len(word)


def _statements() -> list[Statement]:
    quote_at = BODY.index(QUOTE)
    report_at = BODY.index(REPORT)
    return [
        Statement(
            "bbc-2025-01-16-post-12",
            "yvette-cooper",
            QUOTE,
            "direct",
            quote_at,
            quote_at + len(QUOTE),
            WHEN,
            NATIONAL,
            "supports",
            0.9,
            "told MPs",
        ),
        Statement(
            "bbc-2025-01-16-post-12",
            "kemi-badenoch",
            REPORT,
            "reported",
            report_at,
            report_at + len(REPORT),
            WHEN,
            NATIONAL,
            "supports",
            0.75,
            "said",
            cue_start=_span("said")[0],
            cue_end=_span("said")[1],
            source_start=_span("Kemi Badenoch")[0],
            source_end=_span("Kemi Badenoch")[1],
        ),
    ]


def _position(actor_id: str, issue_id: str, evidence: list[URIRef]) -> Graph:
    """A position as the derivation writes it: one actor, one issue, its evidence and counts."""
    node = iris.position(actor_id, issue_id)
    graph = Graph()
    graph.add((node, RDF.type, SP.Position))
    graph.add((node, SP.actor, iris.actor(actor_id)))
    graph.add((node, SP.issue, iris.issue(issue_id)))
    graph.add((node, SP.stance, SP.supports))
    for statement in evidence:
        graph.add((node, SP.evidence, statement))
        graph.add((node, SP.latestEvidence, statement))  # all of them: it has fewer than 8
    graph.add((node, SP.statementCount, Literal(len(evidence))))
    graph.add((node, SP.supportCount, Literal(len(evidence))))
    graph.add((node, SP.opposeCount, Literal(0)))
    graph.add((node, SP.firstTime, Literal(WHEN.isoformat(), datatype=DATE_TIME)))
    graph.add((node, SP.lastTime, Literal(WHEN.isoformat(), datatype=DATE_TIME)))
    return graph


def _statement_iri(statement: Statement) -> URIRef:
    """The IRI graph/rdf/triples.py mints for a statement (the subject of its first triple)."""
    return next(statement_triples(statement))[0]


def _graph() -> Graph:
    """A small valid graph: registry, one entry, two statements, one derived position."""
    graph = Graph()
    actors = _actors()
    entry = _entry()
    triples = [
        *issue_triples(Issue(NATIONAL, "National inquiry", ("national inquiry",), "A statutory one.")),
        *issue_triples(Issue("local-inquiries", "Local inquiries")),
        *role_triples(Role("home-secretary", "Home Secretary", organisation="home-office")),
        *(t for actor in actors for t in actor_triples(actor)),
        *entry_triples(entry, order=12),
        *author_triples(entry, [actors[2]]),
        *mention_triples(entry.id, ["yvette-cooper", "kemi-badenoch"]),
        *(t for s in _statements() for t in statement_triples(s)),
    ]
    for triple in triples:
        graph.add(triple)
    graph += _position("yvette-cooper", NATIONAL, [COOPER])
    return graph


COOPER = _statement_iri(_statements()[0])
BADENOCH = _statement_iri(_statements()[1])
ENTRY = iris.entry("bbc-2025-01-16-post-12")
POSITION = iris.position("yvette-cooper", NATIONAL)


def _found(report: ValidationReport) -> list[tuple[str, str | None]]:
    return [(p.focus, p.path) for p in report.problems]


def _replace(graph: Graph, node: URIRef, path: URIRef, value: Literal | URIRef | None) -> Graph:
    graph.remove((node, path, None))
    if value is not None:
        graph.add((node, path, value))
    return graph


# --- (a) one source of truth for the vocabulary -----------------------------------------------


@pytest.mark.parametrize("term", sorted(SP_TERMS), ids=lambda t: t.rsplit("#", 1)[-1])
def test_every_sp_term_is_defined_with_a_label_and_a_comment(term: URIRef) -> None:
    ontology = ontology_graph()
    assert set(ontology.objects(term, RDF.type)) & DEFINING_TYPES
    assert len(list(ontology.objects(term, RDFS.label))) == 1
    assert len(list(ontology.objects(term, RDFS.comment))) == 1


@pytest.mark.parametrize("name", ["standpoint.ttl", "shapes.ttl"])
def test_every_sp_term_the_files_use_is_in_the_namespace(name: str) -> None:
    text = files("standpoint.ontology").joinpath(name).read_text("utf-8")
    graph = Graph().parse(data=text, format="turtle")
    written = set(SP_NAME.findall(text))
    iris_used = {str(t)[len(str(SP)) :] for t in _nodes(graph) if str(t).startswith(str(SP))}
    assert written
    assert sorted((written | iris_used) - {t.rsplit("#", 1)[-1] for t in SP_TERMS}) == []


def _nodes(graph: Graph) -> set[URIRef]:
    return {n for triple in graph for n in triple if isinstance(n, URIRef)}


def test_ontology_declares_only_the_terms_of_the_namespace() -> None:
    ontology = ontology_graph()
    declared = {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(SP))}
    assert declared == SP_TERMS


def test_ontology_metadata() -> None:
    ontology = ontology_graph()
    (node,) = ontology.subjects(RDF.type, OWL.Ontology)
    assert node == URIRef("https://w3id.org/standpoint/ontology")
    assert str(ontology.value(node, DCTERMS.title)) == "standpoint ontology"
    assert ontology.value(node, DCTERMS.description) is not None
    assert str(ontology.value(node, OWL.versionInfo)) == "0.1.0"


@pytest.mark.parametrize(
    ("term", "link", "target"),
    [
        (SP.Statement, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")),
        (SP.Entry, RDFS.subClassOf, URIRef("https://schema.org/CreativeWork")),
        (SP.Issue, RDFS.subClassOf, SKOS.Concept),
        (SP.Role, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Role")),
        (SP.RoleHolding, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Membership")),
        (SP.PoliticalParty, RDFS.subClassOf, FOAF.Organization),
        (SP.PoliticalParty, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#FormalOrganization")),
        (SP.Place, RDFS.subClassOf, URIRef("https://schema.org/Place")),
        (SP.speaker, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasAttributedTo")),
        (SP.holder, RDF.type, OWL.FunctionalProperty),
        (SP.holder, RDFS.domain, SP.Statement),
        (SP.cueStart, RDFS.range, vocab.XSD.integer),
        (SP.sourceEnd, RDF.type, OWL.FunctionalProperty),
        (SP.fromEntry, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")),
        (SP.party, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/org#memberOf")),
        (SP.mixed, SKOS.inScheme, SP.StanceScheme),
        (SP.Correction, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")),
        (SP.correctedBy, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasInfluencedBy")),
        (SP.direct, SKOS.inScheme, SP.StatementKind),
    ],
)
def test_ontology_reuses_standard_vocabularies(term: URIRef, link: URIRef, target: URIRef) -> None:
    assert (term, link, target) in ontology_graph()


# --- (b) parsing ------------------------------------------------------------------------------


def test_ontology_and_shapes_parse() -> None:
    assert len(ontology_graph()) > 300
    targets = set(shapes_graph().objects(None, SH.targetClass))
    assert targets == {
        SP.Statement,
        SP.Entry,
        SP.Source,
        SP.Issue,
        SP.Role,
        SP.RoleHolding,
        SP.Position,
        SP.Place,
        SP.Registry,
        SP.Correction,
        FOAF.Person,
        FOAF.Organization,
    }


def test_every_shape_says_its_rule_in_a_message() -> None:
    shapes = shapes_graph()
    rules = set(shapes.subjects(SH.path, None)) | set(shapes.objects(None, SH.sparql))
    missing = [r for r in rules if shapes.value(r, SH.message) is None and not _in_or(shapes, r)]
    assert missing == []


def _in_or(shapes: Graph, node: URIRef | BNode) -> bool:
    """Shapes inside an sh:or list (`[ sh:class foaf:Person ]`) take their parent's message."""
    return isinstance(node, BNode) and shapes.value(node, SH.path) is None


# --- (c) a good graph conforms ----------------------------------------------------------------


def test_graph_built_from_records_conforms() -> None:
    report = validate_graph(_graph())
    assert report == ValidationReport(conforms=True, problems=[])


def test_positions_derived_by_graph_positions_conform() -> None:
    graph = _graph()
    graph.remove((POSITION, None, None))
    records = [
        StanceRecord(
            str(_statement_iri(s)), s.speaker_id, str(s.issue_id), str(s.stance), s.published.isoformat()
        )
        for s in _statements()
    ]
    for position in derive(records):
        graph += _triples(position_triples(position))
    assert len(set(graph.subjects(RDF.type, SP.Position))) == 2
    assert validate_graph(graph) == ValidationReport(conforms=True, problems=[])


def test_validation_leaves_the_data_and_the_cached_graphs_alone() -> None:
    graph = _graph()
    before, shapes, ontology = len(graph), len(shapes_graph()), len(ontology_graph())
    validate_graph(graph)
    assert (len(graph), len(shapes_graph()), len(ontology_graph())) == (before, shapes, ontology)


def test_named_graphs_of_a_dataset_are_validated_together() -> None:
    dataset = Dataset()
    graph = _graph()
    entry_graph = dataset.graph(iris.entry_graph("bbc-2025-01-16-post-12"))
    registry = dataset.graph(iris.REGISTRY_GRAPH)
    for s, p, o in graph:
        (entry_graph if p in (SP.speaker, SP.text, SP.body) else registry).add((s, p, o))
    assert validate_graph(dataset).conforms is True
    registry.remove((ENTRY, DCTERMS.issued, None))
    assert _found(validate_graph(dataset)) == [(str(ENTRY), str(DCTERMS.issued))]


def test_date_only_sources_conform() -> None:
    graph = _replace(_graph(), ENTRY, DCTERMS.issued, Literal("2025-01-16", datatype=DATE))
    graph = _replace(graph, COOPER, SP.time, Literal("2025-01-16", datatype=DATE))
    assert validate_graph(graph).conforms is True


def test_seed_sized_graph_validates_in_seconds() -> None:
    graph = _graph()
    for n in range(60):
        body = f"{n}: {BODY}"
        entry = Entry(id=f"post-{n}", published=WHEN, body=body)
        graph += _triples(entry_triples(entry, order=n))
        for s in _statements():
            shifted = Statement(
                entry.id,
                s.speaker_id,
                s.text,
                s.kind,
                s.start + len(f"{n}: "),
                s.end + len(f"{n}: "),
                WHEN,
                s.issue_id,
                s.stance,
                s.confidence,
                s.cue,
            )
            graph += _triples(statement_triples(shifted))
    assert len(graph) > 1500
    started = time.perf_counter()
    report = validate_graph(graph)
    assert report.conforms is True
    assert time.perf_counter() - started < 5  # ~0.5 s; 6 s if each SPARQL query were re-parsed


def _triples(triples: Iterable[tuple[URIRef, URIRef, Node]]) -> Graph:
    """A graph of the triples a graph/ function yields."""
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


# --- (d) each break gives a violation on the right node and path -------------------------------


def _no_speaker(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.speaker, None)


def _mixed_statement(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.stance, SP.mixed)


def _stance_without_issue(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.about, None)


def _issue_without_stance(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.stance, None)


def _text_not_in_body(graph: Graph) -> Graph:
    return _replace(graph, COOPER, SP.text, Literal("We will not set up a national inquiry."))


def _negative_span(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.spanStart, Literal(-1))


def _reversed_span(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.spanEnd, Literal(3))


def _confidence_above_one(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.confidence, Literal("1.5", datatype=DECIMAL))


def _entry_without_issued(graph: Graph) -> Graph:
    return _replace(graph, ENTRY, DCTERMS.issued, None)


def _speaker_is_a_place(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.speaker, iris.actor("pontefract"))


def _speaker_not_in_graph(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.speaker, iris.actor("nobody"))


def _kind_unknown(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.kind, SP.supports)


def _time_as_string(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.time, Literal("16 January 2025"))


def _empty_text(graph: Graph) -> Graph:
    """A blank text at a span that really is blank: only the non-blank rule breaks."""
    space = BODY.index(": ") + 1
    graph = _replace(graph, BADENOCH, SP.spanStart, Literal(space))
    graph = _replace(graph, BADENOCH, SP.spanEnd, Literal(space + 1))
    return _replace(graph, BADENOCH, SP.text, Literal(" "))


def _issue_without_label(graph: Graph) -> Graph:
    return _replace(graph, iris.issue(NATIONAL), SKOS.prefLabel, None)


def _person_without_name(graph: Graph) -> Graph:
    return _replace(graph, iris.actor("kemi-badenoch"), FOAF.name, None)


def _holding_without_role(graph: Graph) -> Graph:
    holding = iris.holding("yvette-cooper", "home-secretary", "2024-07-05")
    return _replace(graph, holding, SP.role, None)


def _party_not_a_party(graph: Graph) -> Graph:
    return _replace(graph, iris.actor("kemi-badenoch"), SP.party, iris.actor("home-office"))


def _position_without_evidence(graph: Graph) -> Graph:
    return _replace(_replace(graph, POSITION, SP.latestEvidence, None), POSITION, SP.evidence, None)


def _latest_evidence_not_evidence(graph: Graph) -> Graph:
    graph.add((POSITION, SP.latestEvidence, BADENOCH))
    return graph


def _position_with_others_evidence(graph: Graph) -> Graph:
    return _replace(_replace(graph, POSITION, SP.latestEvidence, BADENOCH), POSITION, SP.evidence, BADENOCH)


def _position_miscounted(graph: Graph) -> Graph:
    return _replace(graph, POSITION, SP.opposeCount, Literal(1))


def _no_holder(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.holder, None)


def _holder_is_a_place(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.holder, iris.actor("pontefract"))


def _two_holders(graph: Graph) -> Graph:
    graph.add((BADENOCH, SP.holder, iris.actor("yvette-cooper")))
    return graph


def _cue_without_its_end(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.cueEnd, None)


def _source_without_its_start(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.sourceStart, None)


def _cue_reversed(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.cueEnd, Literal(_span("said")[0] - 1))


def _source_past_the_body(graph: Graph) -> Graph:
    return _replace(graph, BADENOCH, SP.sourceEnd, Literal(len(BODY) + 5))


HOLDING = iris.holding("yvette-cooper", "home-secretary", "2024-07-05")
KEMI = iris.actor("kemi-badenoch")
QUOTE_SPAN = f"sp:spanStart {BODY.index(QUOTE)} to sp:spanEnd {BODY.index(QUOTE) + len(QUOTE)}"
SPEAKER_RULE = "a statement has exactly one sp:speaker, a foaf:Person or foaf:Organization in the graph"
SPAN_RULE = "a statement has exactly one sp:spanStart, an xsd:integer >= 0 and less than its sp:spanEnd"
HOLDER_RULE = ("a statement has exactly one sp:holder (its speaker for one's own statements), a foaf:Person"
               " or foaf:Organization in the graph")
BREAKS: dict[str, tuple[Callable[[Graph], Graph], URIRef, URIRef, str]] = {
    "statement without speaker": (_no_speaker, BADENOCH, SP.speaker, SPEAKER_RULE),
    "speaker is a place": (
        _speaker_is_a_place,
        BADENOCH,
        SP.speaker,
        f"{SPEAKER_RULE} (value: id:actor/pontefract)",
    ),
    "speaker not in the graph": (
        _speaker_not_in_graph,
        BADENOCH,
        SP.speaker,
        f"{SPEAKER_RULE} (value: id:actor/nobody)",
    ),
    "statement stance mixed": (
        _mixed_statement,
        BADENOCH,
        SP.stance,
        (
            "a statement has at most one sp:stance, sp:supports or sp:opposes"
            " (sp:mixed is for positions only) (value: sp:mixed)"
        ),
    ),
    "stance without issue": (
        _stance_without_issue,
        BADENOCH,
        SP.about,
        "a statement with an sp:stance says which issue it is about: it needs an sp:about",
    ),
    "issue without stance": (
        _issue_without_stance,
        BADENOCH,
        SP.stance,
        "a statement about an issue (sp:about) takes a stance on it: it needs an sp:stance",
    ),
    "text not the body at the span": (
        _text_not_in_body,
        COOPER,
        SP.text,
        f"the sp:text of a statement is exactly its entry's sp:body from {QUOTE_SPAN}",
    ),
    "negative span": (_negative_span, BADENOCH, SP.spanStart, f'{SPAN_RULE} (value: "-1")'),
    "span ends before it starts": (
        _reversed_span,
        BADENOCH,
        SP.spanStart,
        f'{SPAN_RULE} (value: "{BODY.index(REPORT)}")',
    ),
    "confidence 1.5": (
        _confidence_above_one,
        BADENOCH,
        SP.confidence,
        'a statement has exactly one sp:confidence, an xsd:decimal from 0 to 1 (value: "1.5")',
    ),
    "kind not direct or reported": (
        _kind_unknown,
        BADENOCH,
        SP.kind,
        "a statement has exactly one sp:kind, sp:direct or sp:reported (value: sp:supports)",
    ),
    "time a plain string": (
        _time_as_string,
        BADENOCH,
        SP.time,
        'a statement has exactly one sp:time, an xsd:dateTime or xsd:date (value: "16 January 2025")',
    ),
    "blank text": (
        _empty_text,
        BADENOCH,
        SP.text,
        'a statement has exactly one sp:text, a non-blank xsd:string (value: " ")',
    ),
    "entry without dcterms:issued": (
        _entry_without_issued,
        ENTRY,
        DCTERMS.issued,
        "an entry has exactly one dcterms:issued, an xsd:dateTime or xsd:date",
    ),
    "issue without label": (
        _issue_without_label,
        iris.issue(NATIONAL),
        SKOS.prefLabel,
        "an issue has exactly one skos:prefLabel",
    ),
    "person without name": (
        _person_without_name,
        KEMI,
        FOAF.name,
        "a person, organisation or place has exactly one foaf:name, a non-empty xsd:string",
    ),
    "role holding without role": (
        _holding_without_role,
        HOLDING,
        SP.role,
        "a role holding has exactly one sp:role, an sp:Role in the graph",
    ),
    "party not a party": (
        _party_not_a_party,
        KEMI,
        SP.party,
        "the sp:party of a person is an sp:PoliticalParty in the graph (value: id:actor/home-office)",
    ),
    "position with another actor's evidence": (
        _position_with_others_evidence,
        POSITION,
        SP.evidence,
        (
            f"the sp:evidence {BADENOCH} of a position is a statement whose sp:holder is the"
            " position's sp:actor and whose sp:about is its sp:issue"
        ),
    ),
    "statement without holder": (_no_holder, BADENOCH, SP.holder, HOLDER_RULE),
    "holder is a place": (_holder_is_a_place, BADENOCH, SP.holder, f"{HOLDER_RULE} (value: id:actor/pontefract)"),
    "two holders": (_two_holders, BADENOCH, SP.holder, HOLDER_RULE),
    "cue start without its end": (
        _cue_without_its_end,
        BADENOCH,
        SP.cueStart,
        "a statement with an sp:cueStart also has its sp:cueEnd: spans come in pairs",
    ),
    "source end without its start": (
        _source_without_its_start,
        BADENOCH,
        SP.sourceEnd,
        "a statement with an sp:sourceEnd also has its sp:sourceStart: spans come in pairs",
    ),
    "cue span reversed": (
        _cue_reversed,
        BADENOCH,
        SP.cueStart,
        (
            "a statement has at most one sp:cueStart, an xsd:integer >= 0 and less than its sp:cueEnd"
            f' (value: "{_span("said")[0]}")'
        ),
    ),
    "source span past the body": (
        _source_past_the_body,
        BADENOCH,
        SP.sourceEnd,
        f"the sp:sourceEnd {len(BODY) + 5} of a statement is past the end of its entry's sp:body ({len(BODY)} characters)",
    ),
    "latest evidence that is not evidence": (
        _latest_evidence_not_evidence,
        POSITION,
        SP.latestEvidence,
        f"the sp:latestEvidence {BADENOCH} of a position is not one of its sp:evidence",
    ),
    "position miscounted": (
        _position_miscounted,
        POSITION,
        SP.opposeCount,
        "the sp:opposeCount of a position is 1 but it has 0 such sp:evidence statements",
    ),
}


@pytest.mark.parametrize("name", list(BREAKS))
def test_each_break_is_one_violation_on_the_right_path(name: str) -> None:
    break_graph, focus, path, message = BREAKS[name]
    report = validate_graph(break_graph(_graph()))
    assert report.conforms is False
    assert report.problems == [Problem(str(focus), str(path), message, "Violation")]


def test_position_without_evidence_breaks_its_counts_too() -> None:
    report = validate_graph(_position_without_evidence(_graph()))
    assert _found(report) == [
        (str(POSITION), str(SP.evidence)),
        (str(POSITION), str(SP.statementCount)),
        (str(POSITION), str(SP.supportCount)),
    ]
    assert [p.message for p in report.problems] == [
        "a position has at least one sp:evidence, each an sp:Statement in the graph",
        "the sp:statementCount of a position is 1 but it has 0 such sp:evidence statements",
        "the sp:supportCount of a position is 1 but it has 0 such sp:evidence statements",
    ]


def test_span_text_with_a_backslash_is_reported_not_crashed_on() -> None:
    report = validate_graph(_replace(_graph(), COOPER, SP.text, Literal(r"C:\data\new")))
    assert _found(report) == [(str(COOPER), str(SP.text))]


def test_problem_reads_as_one_line() -> None:
    problem = Problem(str(ENTRY), str(DCTERMS.issued), "an entry has one", "Violation")
    assert str(problem) == ("Violation: id:entry/bbc-2025-01-16-post-12 dcterms:issued: an entry has one")


# --- (e) the namespace is closed --------------------------------------------------------------


def test_misspelt_term_raises() -> None:
    with pytest.raises(AttributeError, match="term 'Statment' not in namespace"):
        SP.Statment  # noqa: B018


# --- (f) holders: whose position a statement shows ----------------------------------------------


def _held() -> Statement:
    """Badenoch's report, at the same span, read as the Home Secretary's stance: spoken by
    Badenoch, held by Cooper."""
    return replace(_statements()[1], stance="opposes", holder_id="yvette-cooper")


def test_the_holder_is_written_for_every_statement() -> None:
    for statement in [*_statements(), _held()]:
        graph = _triples(statement_triples(statement))
        node = _statement_iri(statement)
        assert list(graph.objects(node, SP.holder)) == [iris.actor(statement.holder)]
        assert list(graph.objects(node, SP.speaker)) == [iris.actor(statement.speaker_id)]
    assert _held().holder == "yvette-cooper" and _statements()[1].holder == "kemi-badenoch"


def test_the_holder_is_in_a_statement_iri_only_when_it_is_not_the_speaker() -> None:
    own = _statements()[1]
    key = "\x1f".join(["bbc-2025-01-16-post-12", str(own.start), str(own.end), "reported", NATIONAL,
                       "kemi-badenoch"])
    before_holders = iris.ID[f"statement/{hashlib.sha1(key.encode()).hexdigest()[:20]}"]
    assert _statement_iri(own) == _statement_iri(replace(own, holder_id="kemi-badenoch")) == before_holders
    assert _statement_iri(_held()) != before_holders


def test_the_cue_and_source_spans_are_written_as_offsets() -> None:
    graph = _triples(statement_triples(_statements()[1]))
    offsets = {p: graph.value(BADENOCH, p).toPython() for p in (SP.cueStart, SP.cueEnd, SP.sourceStart, SP.sourceEnd)}
    assert BODY[offsets[SP.cueStart]:offsets[SP.cueEnd]] == "said"
    assert BODY[offsets[SP.sourceStart]:offsets[SP.sourceEnd]] == "Kemi Badenoch"
    assert graph.value(COOPER, SP.cueStart) is None  # none given: none written


def _held_graph() -> tuple[Graph, list[StanceRecord]]:
    """The records' graph with the held statement added, without positions; its stance records."""
    graph = _graph()
    graph.remove((POSITION, None, None))
    statements = [*_statements(), _held()]
    graph += _triples(statement_triples(_held()))
    records = [StanceRecord(str(_statement_iri(s)), s.holder, str(s.issue_id), str(s.stance),
                            s.published.isoformat()) for s in statements]
    return graph, records


def test_positions_are_per_holder_and_conform() -> None:
    graph, records = _held_graph()
    positions = {p.actor_id: p for p in derive(records)}
    assert positions["yvette-cooper"].stance == "mixed"  # her own support, and the stance reported
    assert set(positions["yvette-cooper"].evidence) == {str(COOPER), str(_statement_iri(_held()))}
    assert positions["kemi-badenoch"].evidence == (str(BADENOCH),)  # only what she holds herself
    for position in positions.values():
        graph += _triples(position_triples(position))
    assert validate_graph(graph) == ValidationReport(conforms=True, problems=[])


def test_a_held_statement_is_no_evidence_of_its_speakers_position() -> None:
    graph, records = _held_graph()
    for position in derive(records):
        graph += _triples(position_triples(position))
    kemi = iris.position("kemi-badenoch", NATIONAL)
    graph.add((kemi, SP.evidence, _statement_iri(_held())))
    assert (str(kemi), str(SP.evidence)) in _found(validate_graph(graph))
