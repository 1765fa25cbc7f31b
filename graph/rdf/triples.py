"""Records become RDF triples here, and only here: the one mapping from our records to the ontology."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from rdflib import Literal, URIRef
from rdflib.term import Node

from standpoint.graph.rdf import iris
from standpoint.ontology.namespace import DCTERMS, FOAF, ORG, OWL, RDF, SDO, SKOS, SP, XSD
from standpoint.records import Actor, Entry, Issue, Role, RoleHolding, SpeakerRef, Statement

Triple = tuple[URIRef, URIRef, Node]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

ACTOR_CLASSES: dict[str, URIRef] = {
    "person": FOAF.Person,
    "organisation": FOAF.Organization,
    "place": SP.Place,
}
KINDS = {"direct": SP.direct, "reported": SP.reported}
STANCES = {"supports": SP.supports, "opposes": SP.opposes, "mixed": SP.mixed}


def text(value: str) -> Literal:
    """A plain string literal, without the control characters RDF syntaxes cannot carry."""
    return Literal(_CONTROL.sub("", value))


def when(value: datetime | date) -> Literal:
    """A dateTime literal for a timed entry, a date literal for a date-only one."""
    if isinstance(value, datetime):
        return Literal(value.isoformat(), datatype=XSD.dateTime)
    return Literal(value.isoformat(), datatype=XSD.date)


def issue_triples(issue: Issue) -> Iterator[Triple]:
    node = iris.issue(issue.id)
    yield node, RDF.type, SP.Issue
    yield node, RDF.type, SKOS.Concept
    yield node, SKOS.inScheme, SP.IssueScheme
    yield node, DCTERMS.identifier, text(issue.id)
    yield node, SKOS.prefLabel, text(issue.label)
    for alias in issue.aliases:
        yield node, SKOS.altLabel, text(alias)
    if issue.description:
        yield node, SKOS.definition, text(issue.description)
    yield node, SP.issueSource, text(issue.source)


def role_triples(role: Role) -> Iterator[Triple]:
    node = iris.role(role.id)
    yield node, RDF.type, SP.Role
    yield node, DCTERMS.identifier, text(role.id)
    yield node, SKOS.prefLabel, text(role.label)
    for alias in role.aliases:
        yield node, SKOS.altLabel, text(alias)
    if role.organisation:
        yield node, ORG.postIn, iris.actor(role.organisation)


def actor_triples(actor: Actor) -> Iterator[Triple]:
    node = iris.actor(actor.id)
    yield node, RDF.type, ACTOR_CLASSES[actor.type]
    if actor.kind == "party":
        yield node, RDF.type, SP.PoliticalParty
    yield node, DCTERMS.identifier, text(actor.id)
    yield node, FOAF.name, text(actor.name)
    for alias in actor.aliases:
        yield node, SKOS.altLabel, text(alias)
    if actor.discovered:
        yield node, SP.discovered, Literal(True)
    if actor.kind:
        yield node, SP.organisationKind, text(actor.kind)
    if actor.gender:
        yield node, SP.gender, text(actor.gender)
    if actor.party:
        yield node, SP.party, iris.actor(actor.party)
        yield node, ORG.memberOf, iris.actor(actor.party)
    if actor.constituency:
        yield node, SP.constituency, iris.actor(actor.constituency)
    if actor.located_in:
        yield node, SP.locatedIn, iris.actor(actor.located_in)
    if actor.wikidata:
        yield node, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/{actor.wikidata}")
    for held in actor.roles:
        yield from holding_triples(actor.id, held)


def holding_triples(actor_id: str, held: RoleHolding) -> Iterator[Triple]:
    """One actor holding one role between two dates (both optional)."""
    holding = iris.holding(actor_id, held.role_id, held.start.isoformat() if held.start else "")
    yield iris.actor(actor_id), SP.holds, holding
    yield holding, RDF.type, SP.RoleHolding
    yield holding, SP.role, iris.role(held.role_id)
    if held.start:
        yield holding, SP.startDate, Literal(held.start.isoformat(), datatype=XSD.date)
    if held.end:
        yield holding, SP.endDate, Literal(held.end.isoformat(), datatype=XSD.date)


def speaker_ref_triples(ref: SpeakerRef, speaker_id: str, party_id: str | None) -> Iterator[Triple]:
    """What a corpus says of an entry's speaker by its own ids: the person's and the party's ids
    (sp:externalId), and the offices the corpus gives the person, with their dates."""
    yield iris.actor(speaker_id), SP.externalId, text(ref.person)
    if ref.party and party_id:
        yield iris.actor(party_id), SP.externalId, text(ref.party)
    for role in ref.roles:
        yield from role_triples(Role(role.id, role.label))
        yield from holding_triples(speaker_id, RoleHolding(role.id, role.start, role.end))


def entry_triples(entry: Entry, order: int | None = None) -> Iterator[Triple]:
    node = iris.entry(entry.id)
    yield node, RDF.type, SP.Entry
    yield node, DCTERMS.identifier, text(entry.id)
    yield node, DCTERMS.issued, when(entry.published)
    yield node, SP.body, text(entry.body)
    if entry.title:
        yield node, DCTERMS.title, text(entry.title)
    if entry.speaker:
        yield node, SP.speakerLabel, text(entry.speaker)
    if entry.source:
        yield node, DCTERMS.source, text(entry.source)
        yield node, DCTERMS.isPartOf, iris.source(entry.source)
        yield iris.source(entry.source), RDF.type, SP.Source
        yield iris.source(entry.source), DCTERMS.identifier, text(entry.source)
    if entry.url:
        yield node, SDO.url, Literal(_CONTROL.sub("", entry.url), datatype=XSD.anyURI)
    if entry.label:
        yield node, SP.label, text(entry.label)
    if order is not None:
        yield node, SP.position, Literal(order)
    for caption in entry.captions:
        yield node, SP.caption, text(caption)


def author_triples(entry: Entry, authors: Iterable[Actor]) -> Iterator[Triple]:
    """Bylines: the reporter is the entry's author (schema:author), never a speaker."""
    node = iris.entry(entry.id)
    for author in authors:
        yield node, SDO.author, iris.actor(author.id)


def statement_iri(statement: Statement) -> URIRef:
    """The IRI of a statement (graph/rdf/iris.py): the same for the triples and the positions."""
    return iris.statement(
        statement.entry_id, statement.start, statement.end, statement.kind, statement.issue_id,
        statement.speaker_id, statement.holder,
    )


# The optional offsets of a statement (the cue's span, the span naming the speaker): attribute and
# property. Each is written as given; a half pair is left for validation to report.
OFFSETS = (("cue_start", SP.cueStart), ("cue_end", SP.cueEnd),
           ("source_start", SP.sourceStart), ("source_end", SP.sourceEnd))


def statement_triples(statement: Statement) -> Iterator[Triple]:
    """A statement's triples. sp:holder is always written: the speaker for one's own statements."""
    node = statement_iri(statement)
    yield node, RDF.type, SP.Statement
    yield node, SP.speaker, iris.actor(statement.speaker_id)
    yield node, SP.holder, iris.actor(statement.holder)
    yield node, SP.text, text(statement.text)
    yield node, SP.kind, KINDS[statement.kind]
    yield node, SP.fromEntry, iris.entry(statement.entry_id)
    yield node, SP.time, when(statement.published)
    yield node, SP.spanStart, Literal(statement.start)
    yield node, SP.spanEnd, Literal(statement.end)
    yield node, SP.confidence, Literal(f"{statement.confidence:.2f}", datatype=XSD.decimal)
    if statement.issue_id:
        yield node, SP.about, iris.issue(statement.issue_id)
    if statement.stance:
        yield node, SP.stance, STANCES[statement.stance]
    if statement.cue:
        yield node, SP.cue, text(statement.cue)
    if statement.issue_form:
        yield node, SP.issueForm, text(statement.issue_form)
    for attribute, term in OFFSETS:
        offset = getattr(statement, attribute)
        if offset is not None:
            yield node, term, Literal(offset)


def mention_triples(entry_id: str, actor_ids: Iterable[str]) -> Iterator[Triple]:
    node = iris.entry(entry_id)
    for actor_id in sorted(set(actor_ids)):
        yield node, SP.mentions, iris.actor(actor_id)


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nt(term: Node) -> str:
    """A term in N-Triples syntax (also valid in SPARQL INSERT DATA)."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        lexical = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype and term.datatype != XSD.string:
            return f"{lexical}^^<{term.datatype}>"
        return lexical
    raise TypeError(f"cannot write {term!r}: only IRIs and literals are stored")
