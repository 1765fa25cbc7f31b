"""The standpoint vocabulary, defined once. A misspelt term raises AttributeError.

>>> SP.Statement
rdflib.term.URIRef('https://w3id.org/standpoint/ontology#Statement')
>>> SP.Statment
Traceback (most recent call last):
...
AttributeError: term 'Statment' not in namespace 'https://w3id.org/standpoint/ontology#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

__all__ = [
    "DCTERMS",
    "FOAF",
    "ID",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SKOS",
    "SP",
    "XSD",
]


class SP(DefinedNamespace):
    """Terms of the standpoint ontology (ontology/standpoint.ttl describes each)."""

    _fail = True
    _NS = Namespace("https://w3id.org/standpoint/ontology#")

    # classes
    Statement: URIRef  # a quote or reported claim: speaker, text, kind, issue, stance, span
    Entry: URIRef  # a live-blog post or a speech
    Source: URIRef  # the document an entry came from (a page, a debate file)
    Issue: URIRef  # a proposal under debate
    Position: URIRef  # actor -> issue, derived from statements
    Stance: URIRef
    StatementKind: URIRef
    Role: URIRef  # an office such as Home Secretary
    RoleHolding: URIRef  # a person holding a role between two dates
    PoliticalParty: URIRef
    Place: URIRef
    Registry: URIRef  # the registry a store was built with: its file, digest and items
    Correction: URIRef  # an analyst's correction, applied on every build

    # individuals
    supports: URIRef
    opposes: URIRef
    mixed: URIRef
    direct: URIRef
    reported: URIRef
    IssueScheme: URIRef
    StanceScheme: URIRef

    # statement properties
    speaker: URIRef
    holder: URIRef  # whose position the statement shows: the speaker, or whom the speaker reports
    text: URIRef
    kind: URIRef
    about: URIRef
    stance: URIRef
    confidence: URIRef
    fromEntry: URIRef
    time: URIRef
    spanStart: URIRef
    spanEnd: URIRef
    cue: URIRef
    cueStart: URIRef  # span of the speech or stance cue ("said") in the entry's body
    cueEnd: URIRef
    sourceStart: URIRef  # span of the words naming the speaker in the entry's body
    sourceEnd: URIRef
    issueForm: URIRef  # how the statement names a found issue
    mentions: URIRef

    # entry properties
    body: URIRef
    speakerLabel: URIRef
    label: URIRef
    caption: URIRef
    position: URIRef  # order of an entry in its source
    contentHash: URIRef  # hash of everything extracted from an entry: unchanged entries are skipped
    jobTitle: URIRef  # a byline's role line ("Political correspondent")
    sourceFile: URIRef  # the file an entry was read from (absolute path)
    sourceLine: URIRef  # the line of that file the entry starts on
    extractionInput: URIRef  # JSON of the input fields the graph keeps in no other form

    # issue properties
    issueSource: URIRef  # "registry" or "found" (in the text)

    # position properties
    actor: URIRef
    issue: URIRef
    evidence: URIRef
    latestEvidence: URIRef  # the position's 8 latest evidence statements
    statementCount: URIRef
    supportCount: URIRef
    opposeCount: URIRef
    firstTime: URIRef
    lastTime: URIRef

    # actor properties
    discovered: URIRef
    party: URIRef
    constituency: URIRef
    gender: URIRef
    holds: URIRef
    role: URIRef
    startDate: URIRef
    endDate: URIRef
    locatedIn: URIRef
    organisationKind: URIRef
    externalId: URIRef  # an id a corpus gives the actor: "ParlaMint-GB#StephenKinnock"

    # registry properties
    registryFile: URIRef
    defines: URIRef  # an issue, actor or role that came from the registry
    # correction properties
    correctedBy: URIRef  # statement or entry -> the correction that changed or confirmed it
    action: URIRef
    reason: URIRef
    sequence: URIRef
    line: URIRef
    correctionsFile: URIRef


ID = Namespace("https://w3id.org/standpoint/id/")

PREFIXES: dict[str, str] = {
    "sp": str(SP),
    "id": str(ID),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "org": str(ORG),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SDO),
    "skos": str(SKOS),
    "xsd": str(XSD),
}
