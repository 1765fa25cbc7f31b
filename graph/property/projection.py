"""The property graph projected from the store's RDF: the one mapping to Neo4j and FalkorDB.

Every node has a key label (its kind, below) and a stable `id`: the local part of its IRI, which is
its dcterms:identifier where it has one (a statement's id is the hash in its IRI). Actors also carry
one label per class (Person, Organisation, Place, Party). Every node keeps its `iri`, so each fact
can be traced back to the store. Relationship types are tied to ontology properties; SUPPORTS and
OPPOSES are derived from positions. Labels and relationship types come only from the closed lists
`LABELS` and `TYPES`; property values are only what Neo4j can store: strings, numbers, booleans and
lists of those, with times as ISO-8601 strings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from standpoint.graph.rdf.iris import local_id
from standpoint.graph.rdf.positions import sort_key
from standpoint.graph.rdf.read import iso
from standpoint.graph.rdf.store import Store
from standpoint.ontology.namespace import DCTERMS, FOAF, ORG, OWL, RDF, SDO, SKOS, SP, XSD

Row = dict[str, Any]


@dataclass(frozen=True)
class Prop:
    """An RDF predicate whose values become one property (a sorted list when `many`)."""

    predicate: URIRef
    name: str
    many: bool = False


@dataclass(frozen=True)
class NodeKind:
    """Subjects of any of `classes` become nodes with the key `label` (ids unique per label)."""

    label: str
    classes: tuple[URIRef, ...]
    properties: tuple[Prop, ...]
    class_labels: tuple[tuple[URIRef, str], ...] = ()  # extra labels, one per class


@dataclass(frozen=True)
class RelKind:
    """A relationship `type` from a `start` node to an `end` node (key labels), tied to `term`.

    For the relationships in REL_KINDS, `term` is the predicate whose triples they are.
    """

    type: str
    term: URIRef
    start: str
    end: str


NAMED = (Prop(FOAF.name, "name"), Prop(SKOS.altLabel, "aliases", many=True))
LABELLED = (Prop(SKOS.prefLabel, "label"), Prop(SKOS.altLabel, "aliases", many=True))

ACTOR = NodeKind("Actor", (FOAF.Person, FOAF.Organization, SP.Place), (
    *NAMED, Prop(SP.discovered, "discovered"), Prop(SP.organisationKind, "organisationKind"),
    Prop(SP.gender, "gender"), Prop(SP.jobTitle, "jobTitles", many=True),
    Prop(OWL.sameAs, "sameAs", many=True), Prop(SP.externalId, "externalIds", many=True),
), class_labels=((FOAF.Person, "Person"), (FOAF.Organization, "Organisation"), (SP.Place, "Place"),
                 (SP.PoliticalParty, "Party")))
ISSUE = NodeKind("Issue", (SP.Issue,), (*LABELLED, Prop(SKOS.definition, "definition"),
                                       Prop(SP.issueSource, "source")))
ROLE = NodeKind("Role", (SP.Role,), LABELLED)
SOURCE = NodeKind("Source", (SP.Source,), ())
ENTRY = NodeKind("Entry", (SP.Entry,), (
    Prop(DCTERMS.issued, "published"), Prop(DCTERMS.title, "title"), Prop(SP.body, "body"),
    Prop(SP.speakerLabel, "speakerLabel"), Prop(DCTERMS.source, "source"), Prop(SDO.url, "url"),
    Prop(SP.label, "label"), Prop(SP.position, "order"), Prop(SP.caption, "captions", many=True),
))
STATEMENT = NodeKind("Statement", (SP.Statement,), (
    Prop(SP.text, "text"), Prop(SP.kind, "kind"), Prop(SP.time, "time"),
    Prop(SP.spanStart, "spanStart"), Prop(SP.spanEnd, "spanEnd"),
    Prop(SP.confidence, "confidence"), Prop(SP.stance, "stance"), Prop(SP.cue, "cue"),
    Prop(SP.cueStart, "cueStart"), Prop(SP.cueEnd, "cueEnd"),
    Prop(SP.sourceStart, "sourceStart"), Prop(SP.sourceEnd, "sourceEnd"),
))
POSITION = NodeKind("Position", (SP.Position,), (
    Prop(SP.stance, "stance"), Prop(SP.statementCount, "statementCount"),
    Prop(SP.supportCount, "supportCount"), Prop(SP.opposeCount, "opposeCount"),
    Prop(SP.firstTime, "firstTime"), Prop(SP.lastTime, "lastTime"),
))
NODE_KINDS: tuple[NodeKind, ...] = (ACTOR, ISSUE, ROLE, SOURCE, ENTRY, STATEMENT, POSITION)

REL_KINDS: tuple[RelKind, ...] = (
    RelKind("SPEAKER", SP.speaker, "Statement", "Actor"),
    RelKind("HOLDER", SP.holder, "Statement", "Actor"),
    RelKind("ABOUT", SP.about, "Statement", "Issue"),
    RelKind("FROM_ENTRY", SP.fromEntry, "Statement", "Entry"),
    RelKind("SPOKEN_BY", SP.speaker, "Entry", "Actor"),
    RelKind("AUTHORED_BY", SDO.author, "Entry", "Actor"),
    RelKind("PART_OF", DCTERMS.isPartOf, "Entry", "Source"),
    RelKind("MENTIONS", SP.mentions, "Entry", "Actor"),
    RelKind("MEMBER_OF", SP.party, "Actor", "Actor"),
    RelKind("CONSTITUENCY", SP.constituency, "Actor", "Actor"),
    RelKind("LOCATED_IN", SP.locatedIn, "Actor", "Actor"),
    RelKind("POST_IN", ORG.postIn, "Role", "Actor"),
    RelKind("HELD_BY", SP.actor, "Position", "Actor"),
    RelKind("ON_ISSUE", SP.issue, "Position", "Issue"),
    RelKind("EVIDENCE", SP.evidence, "Position", "Statement"),
)
# Relationships that are not one RDF triple: sp:holds/sp:role with the holding's dates, and the
# stance an actor took on an issue, derived from its position's evidence.
HOLDS_ROLE = RelKind("HOLDS_ROLE", SP.holds, "Actor", "Role")
SUPPORTS = RelKind("SUPPORTS", SP.supports, "Actor", "Issue")
OPPOSES = RelKind("OPPOSES", SP.opposes, "Actor", "Issue")
DERIVED: tuple[RelKind, ...] = (HOLDS_ROLE, SUPPORTS, OPPOSES)
ALL_RELS: tuple[RelKind, ...] = (*REL_KINDS, *DERIVED)

KEY_LABELS: tuple[str, ...] = tuple(kind.label for kind in NODE_KINDS)
CLASS_LABELS: tuple[str, ...] = tuple(label for _, label in ACTOR.class_labels)
LABELS: tuple[str, ...] = (*KEY_LABELS, *CLASS_LABELS)
TYPES: tuple[str, ...] = tuple(kind.type for kind in ALL_RELS)
PROPERTY_KEYS: tuple[str, ...] = tuple(sorted(
    {"id", "iri", "start", "end", "statementCount", "firstTime", "lastTime"}
    | {p.name for kind in NODE_KINDS for p in kind.properties}
))

_INTEGERS = {str(XSD[t]) for t in ("integer", "int", "long", "short", "nonNegativeInteger")}
_DECIMALS = {str(XSD.decimal), str(XSD.double), str(XSD.float)}
_SP = str(SP)


@dataclass
class Projection:
    """Node rows per key label and relationship rows per type.

    A node row is {id, labels, props}; a relationship row is {id, source, target, props}, where
    source and target are node ids under the relationship kind's start and end labels.
    """

    nodes: dict[str, list[Row]] = field(default_factory=dict)
    relationships: dict[str, list[Row]] = field(default_factory=dict)

    def label_counts(self) -> dict[str, int]:
        """How many nodes carry each label of the closed list."""
        counts = dict.fromkeys(LABELS, 0)
        for rows in self.nodes.values():
            for row in rows:
                for label in row["labels"]:
                    counts[label] += 1
        return counts

    def type_counts(self) -> dict[str, int]:
        """How many relationships of each type of the closed list."""
        return {t: len(self.relationships.get(t, [])) for t in TYPES}


Facts = dict[str, dict[str, set[Any]]]


def facts(store: Store) -> Facts:
    """Every subject's predicates and objects, over all graphs, without duplicates."""
    found: Facts = defaultdict(lambda: defaultdict(set))
    for quad in store.quads():
        if isinstance(quad.subject, ox.NamedNode):
            found[quad.subject.value][quad.predicate.value].add(quad.object)
    return found


def value(term: Any) -> str | int | float | bool | None:
    """An RDF term as a property value Neo4j can store; None for a blank node."""
    if isinstance(term, ox.NamedNode):
        return term.value.removeprefix(_SP)
    if not isinstance(term, ox.Literal):
        return None
    datatype = term.datatype.value
    if datatype in _INTEGERS:
        return int(term.value)
    if datatype in _DECIMALS:
        return float(term.value)
    if datatype == str(XSD.boolean):
        return term.value in ("true", "1")
    if datatype == str(XSD.dateTime):
        return iso(term.value)
    return term.value


def properties(subject: str, props: dict[str, set[Any]], kind: NodeKind) -> Row:
    """The node's properties: id and iri first, then one per mapped predicate that has a value."""
    found: Row = {"id": local_id(subject), "iri": subject}
    for prop in kind.properties:
        values = sorted(v for v in (value(t) for t in props.get(str(prop.predicate), ())) if v is not None)
        if values:
            found[prop.name] = values if prop.many else values[0]
    return found


def labels(props: dict[str, set[Any]], kind: NodeKind) -> list[str]:
    """The key label, then the class labels the subject's rdf:types give, in the closed list's order."""
    types = {t.value for t in props.get(str(RDF.type), ())}
    return [kind.label, *(label for cls, label in kind.class_labels if str(cls) in types)]


def node_rows(found: Facts, kind: NodeKind) -> Iterator[Row]:
    """The nodes of one kind, in IRI order."""
    classes = {str(c) for c in kind.classes}
    for subject in sorted(found):
        props = found[subject]
        if classes & {t.value for t in props.get(str(RDF.type), ())}:
            yield {"id": local_id(subject), "labels": labels(props, kind),
                   "props": properties(subject, props, kind)}


def _tail(iri: str) -> str:
    """The last path segment of an IRI as it is written (percent-encoded): ids of relationships."""
    return iri.rsplit("/", 1)[-1]


def _rel(source: str, target: str, rel_id: str, props: Row | None = None) -> Row:
    """A relationship row between two subjects (IRIs); its props start with its id."""
    return {"id": rel_id, "source": local_id(source), "target": local_id(target),
            "props": {"id": rel_id, **(props or {})}}


def triple_rels(found: Facts, kind: RelKind, members: dict[str, set[str]]) -> Iterator[Row]:
    """One relationship per triple whose subject and object are nodes of the kind's labels."""
    for subject in sorted(members[kind.start]):
        for obj in sorted(t.value for t in found[subject].get(str(kind.term), ()) if isinstance(t, ox.NamedNode)):
            if obj in members[kind.end]:
                yield _rel(subject, obj, f"{_tail(subject)}>{_tail(obj)}")


def holding_rels(found: Facts, members: dict[str, set[str]]) -> Iterator[Row]:
    """HOLDS_ROLE: actor -sp:holds-> holding -sp:role-> role, with the holding's start and end dates."""
    for actor in sorted(members["Actor"]):
        for holding in sorted(t.value for t in found[actor].get(str(SP.holds), ())):
            held = found.get(holding, {})
            for role in sorted(t.value for t in held.get(str(SP.role), ())):
                if role in members["Role"]:
                    dates = {name: min(str(value(t)) for t in held[str(p)])
                             for name, p in (("start", SP.startDate), ("end", SP.endDate)) if held.get(str(p))}
                    yield _rel(actor, role, _tail(holding), dates)


def _times(found: Facts, position: str, stance: URIRef) -> list[str]:
    """The times of a position's evidence statements that take `stance`, in time order."""
    times = []
    for statement in found[position].get(str(SP.evidence), ()):
        props = found.get(statement.value, {})
        if {t.value for t in props.get(str(SP.stance), ())} == {str(stance)}:
            times += [str(value(t)) for t in props.get(str(SP.time), ())]
    return sorted(times, key=sort_key)


def _one(found: Facts, subject: str, predicate: URIRef) -> str | None:
    objects = [t.value for t in found[subject].get(str(predicate), ()) if isinstance(t, ox.NamedNode)]
    return objects[0] if len(objects) == 1 else None


def stance_rels(found: Facts, members: dict[str, set[str]], kind: RelKind) -> Iterator[Row]:
    """SUPPORTS / OPPOSES: per position, its evidence that way: how many, first and last time."""
    for position in sorted(members["Position"]):
        times = _times(found, position, kind.term)
        actor, issue = _one(found, position, SP.actor), _one(found, position, SP.issue)
        if times and actor in members["Actor"] and issue in members["Issue"]:
            yield _rel(actor, issue, _tail(position), {
                "statementCount": len(times), "firstTime": times[0], "lastTime": times[-1]})


def project(store: Store) -> Projection:
    """The store's graph as node and relationship rows (see the module docstring)."""
    found = facts(store)
    nodes = {kind.label: list(node_rows(found, kind)) for kind in NODE_KINDS}
    members = {label: {row["props"]["iri"] for row in rows} for label, rows in nodes.items()}
    rels = {kind.type: list(triple_rels(found, kind, members)) for kind in REL_KINDS}
    rels[HOLDS_ROLE.type] = list(holding_rels(found, members))
    rels[SUPPORTS.type] = list(stance_rels(found, members, SUPPORTS))
    rels[OPPOSES.type] = list(stance_rels(found, members, OPPOSES))
    return Projection(nodes, rels)


def rel_kind(type_: str) -> RelKind:
    """The relationship kind of a type in the closed list."""
    return next(kind for kind in ALL_RELS if kind.type == type_)
