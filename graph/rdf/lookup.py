"""One actor's statements and positions read through the store's indexes.

The named queries POSITIONS and STATEMENTS (graph/rdf/queries.py) join a dozen patterns, and
Oxigraph's planner starts them from every statement in the store, so their time grows with the
store. Bound to one actor, these functions walk from the actor to its statements and positions
by index lookups instead: the cost follows the actor's own evidence, not the corpus. They return
the same rows as the queries, for the same row functions in graph/rdf/read.py.

Measured on a store of the bench corpus (`benchmarks/generate.py --entries 10000`: 40,529
statements, 2,760 positions), for one actor: `positions` 138 ms by this walk against 5.1 s by
POSITIONS with the actor bound; `said` 73 ms against 1.75 s; the same rows both ways.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Literal

import pyoxigraph as ox

from standpoint.graph.rdf.positions import LATEST_EVIDENCE, sort_key
from standpoint.graph.rdf.store import Store
from standpoint.ontology.namespace import DCTERMS, FOAF, RDF, SKOS, SP

Row = dict[str, Any]
Props = dict[str, list[Any]]


def _node(iri: Any) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _props(db: ox.Store, subject: ox.NamedNode, *predicates: Any) -> Props:
    """The objects of a subject's predicates, once each, in every graph, in a stable order.

    Read by one SELECT DISTINCT, which compares the store's encoded terms and decodes only the
    distinct objects. An index scan decodes every copy of a triple with its graph, and an actor's
    name is in every entry that names it: 46 ms against 2 ms for the most named actor of a
    100,000-entry store. (A query for many subjects at once, by VALUES, is slower: Oxigraph then
    scans instead of looking each subject up.)"""
    # An IRI pyoxigraph has checked cannot end the <...> it is written in: no value becomes query text.
    wanted = " ".join(str(_node(p)) for p in predicates)
    solutions = db.query(f"SELECT DISTINCT ?p ?o WHERE {{ {ox.NamedNode(subject.value)} ?p ?o VALUES ?p {{ {wanted} }} }}",
                         use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    found: dict[str, list[Any]] = {str(p): [] for p in predicates}
    for solution in solutions:
        found[solution[0].value].append(solution[1])
    return {p: sorted(objects, key=str) for p, objects in found.items()}


def _one(props: Props, predicate: Any) -> Any:
    values = props.get(str(predicate)) or []
    return values[0] if values else None


def _subjects(db: ox.Store, predicate: Any, obj: ox.NamedNode) -> list[ox.NamedNode]:
    return sorted({q.subject for q in db.quads_for_pattern(None, _node(predicate), obj, None)
                   if isinstance(q.subject, ox.NamedNode)}, key=str)


class _Cache:
    """Lookups of entries, issues and names, each done once per read."""

    def __init__(self, db: ox.Store):
        self.db = db
        self.entries: dict[Any, Props] = {}
        self.issues: dict[Any, Props] = {}
        self.names: dict[Any, Any] = {}

    def entry(self, node: Any) -> Props:
        if node not in self.entries:
            self.entries[node] = _props(self.db, node, DCTERMS.identifier, DCTERMS.issued, DCTERMS.title)
        return self.entries[node]

    def issue(self, node: Any) -> Props:
        if node not in self.issues:
            self.issues[node] = _props(self.db, node, DCTERMS.identifier, SKOS.prefLabel, SP.issueSource)
        return self.issues[node]

    def name(self, node: Any) -> Any:
        if node not in self.names:
            self.names[node] = _one(_props(self.db, node, FOAF.name), FOAF.name)
        return self.names[node]


def _start(store: Store, actor: ox.NamedNode) -> tuple[Any, Any, Any]:
    """The database, a lookup cache and the actor's name; (None, None, None) when there is none."""
    if store.db is None:
        return None, None, None
    cache = _Cache(store.db)
    name = cache.name(actor)
    return (store.db, cache, name) if name is not None else (None, None, None)


STATEMENT_PROPS = (RDF.type, SP.speaker, SP.holder, SP.text, SP.kind, SP.fromEntry, SP.spanStart,
                   SP.confidence, SP.about, SP.stance)
# Whom a statement is looked up by: its speaker (who said it) or its holder (whose position it shows).
By = Literal["speaker", "holder"]
ROLES: dict[By, Any] = {"speaker": SP.speaker, "holder": SP.holder}


def statement_terms(store: Store, actor: ox.NamedNode, by: By = "speaker") -> Iterator[dict[str, Any]]:
    """STATEMENTS' solutions for the statements whose speaker (or, by "holder", whose holder) is
    the actor, as terms (absent when unbound)."""
    db, cache, _ = _start(store, actor)
    if db is None:
        return
    for statement in _subjects(db, ROLES[by], actor):
        props = _props(db, statement, *STATEMENT_PROPS)
        if _node(SP.Statement) not in props[str(RDF.type)]:
            continue
        row = _statement_row(statement, props, cache)
        if row is not None:
            yield row


def _statement_row(statement: Any, props: Props, cache: _Cache) -> dict[str, Any] | None:
    required = {key: _one(props, p) for key, p in (
        ("actor", SP.speaker), ("holder", SP.holder), ("text", SP.text), ("kind", SP.kind),
        ("entry", SP.fromEntry), ("start", SP.spanStart), ("confidence", SP.confidence))}
    if any(v is None for v in required.values()):
        return None
    entry = cache.entry(required.pop("entry"))
    names = {"actorName": cache.name(required["actor"]), "holderName": cache.name(required["holder"])}
    entry_id, published = _one(entry, DCTERMS.identifier), _one(entry, DCTERMS.issued)
    if entry_id is None or published is None or None in names.values():
        return None
    row = {"statement": statement, **required, **names, "entryId": entry_id, "published": published}
    issue = _one(props, SP.about)
    if issue is not None:
        details = cache.issue(issue)
        issue_id, label = _one(details, DCTERMS.identifier), _one(details, SKOS.prefLabel)
        if issue_id is not None and label is not None:
            row.update(issue=issue, issueId=issue_id, issueLabel=label)
    stance = _one(props, SP.stance)
    if stance is not None:
        row["stance"] = stance
    return row


POSITION_PROPS = (RDF.type, SP.issue, SP.stance, SP.statementCount, SP.firstTime, SP.lastTime)
EVIDENCE_PROPS = (SP.text, SP.fromEntry, SP.stance, SP.confidence, SP.kind, SP.cue)


def position_terms(store: Store, actor: ox.NamedNode, latest_count: int | None = None) -> Iterator[dict[str, Any]]:
    """POSITIONS' solutions for one actor, as terms: one per position and evidence statement;
    with `latest_count`, only for each position's statements that can be among its
    `latest_count` latest (see `latest`).

    With `latest_count` up to LATEST_EVIDENCE, a position's older evidence is never read: the
    build marked its latest statements sp:latestEvidence."""
    db, cache, name = _start(store, actor)
    if db is None:
        return
    marked = latest_count is not None and latest_count <= LATEST_EVIDENCE
    listed = str(SP.latestEvidence if marked else SP.evidence)
    found = []
    for position in _subjects(db, SP.actor, actor):
        props = _props(db, position, *POSITION_PROPS, listed)
        if _node(SP.Position) not in props[str(RDF.type)]:
            continue
        head = {key: _one(props, p) for key, p in (
            ("issue", SP.issue), ("stance", SP.stance), ("count", SP.statementCount),
            ("first", SP.firstTime), ("last", SP.lastTime))}
        issue = cache.issue(head["issue"]) if head["issue"] is not None else {}
        issue_id, label = _one(issue, DCTERMS.identifier), _one(issue, SKOS.prefLabel)
        if any(v is None for v in head.values()) or issue_id is None or label is None:
            continue
        base = {"position": position, "actor": actor, "actorName": name, **head,
                "issueId": issue_id, "issueLabel": label, "issueSource": _one(issue, SP.issueSource)}
        # a store built before positions marked their latest evidence: all of it
        statements = props[listed] or _props(db, position, SP.evidence)[str(SP.evidence)]
        found.append((base, statements))
    chosen = latest(store, [statements for _, statements in found], latest_count)
    for (base, _), statements in zip(found, chosen, strict=True):
        for statement in statements:
            row = _evidence_row(_props(db, statement, *EVIDENCE_PROPS), cache)
            if row is not None:
                yield {**base, "statement": statement, **row}


def _evidence_row(props: Props, cache: _Cache) -> dict[str, Any] | None:
    found = {key: _one(props, p) for key, p in (
        ("text", SP.text), ("entry", SP.fromEntry), ("statementStance", SP.stance),
        ("confidence", SP.confidence))}
    entry = cache.entry(found.pop("entry")) if found["entry"] is not None else {}
    entry_id, published = _one(entry, DCTERMS.identifier), _one(entry, DCTERMS.issued)
    if any(v is None for v in found.values()) or entry_id is None or published is None:
        return None
    extra = {k: v for k, v in (("kind", _one(props, SP.kind)), ("entryTitle", _one(entry, DCTERMS.title)),
                               ("cue", _one(props, SP.cue))) if v is not None}
    return {**found, "entryId": entry_id, "published": published, **extra}


def actors_named(store: Store, text: str) -> set[str]:
    """Ids of the actors whose id, name or alias is exactly `text`, by index lookups."""
    db = store.db
    if db is None:
        return set()
    value = ox.Literal(text)
    subjects = {q.subject for p in (DCTERMS.identifier, FOAF.name, SKOS.altLabel)
                for q in db.quads_for_pattern(None, _node(p), value, None)}
    ids = set()
    for subject in subjects:
        named = any(True for _ in db.quads_for_pattern(subject, _node(FOAF.name), None, None))
        idents = list(db.quads_for_pattern(subject, _node(DCTERMS.identifier), None, None))
        if named and idents and isinstance(idents[0].object, ox.Literal):
            ids.add(idents[0].object.value)
    return ids


# -- what `standpoint show` draws, read through the indexes (graph/analysis/drawing.py) -----------

def latest(store: Store, lists: Sequence[list[Any]], count: int | None) -> list[list[Any]]:
    """Of each list of statements, its `count` latest by sp:time, then by IRI among statements
    made at one time (the order of `hold`, in which the build marks sp:latestEvidence); all of a
    list no longer than `count`, or with a statement without a time."""
    db = store.db
    if count is None or db is None:
        return [list(statements) for statements in lists]
    longer = [statement for statements in lists if len(statements) > count for statement in statements]
    keys: dict[str, Any] = {}  # many statements share a time
    times: dict[Any, Any] = {}
    for statement in longer:
        found = [o.value for o in _props(db, statement, SP.time)[str(SP.time)] if isinstance(o, ox.Literal)]
        for value in found:
            if value not in keys:
                keys[value] = sort_key(value)
        times[statement] = max(keys[value] for value in found) if found else None
    return [_latest_by(statements, times, count) for statements in lists]


def _latest_by(statements: list[Any], times: dict[Any, Any], count: int) -> list[Any]:
    if len(statements) <= count or any(times[s] is None for s in statements):
        return list(statements)
    kept = set(sorted(statements, key=lambda s: (times[s], s.value))[-count:])
    return [s for s in statements if s in kept]


ACTOR_TYPES = ((FOAF.Person, "person"), (FOAF.Organization, "organisation"), (SP.Place, "place"))


def actor_terms(store: Store, actor: ox.NamedNode) -> list[Row]:
    """ACTORS' solutions for one actor (type already person / organisation / place), as plain
    values: one per type and name, and one per party, alias, role and external id; none when it is
    not an actor there (no type, name or id)."""
    db = store.db
    if db is None:
        return []
    props = _props(db, actor, RDF.type, DCTERMS.identifier, FOAF.name, SKOS.altLabel, SP.party, SP.holds,
                   SP.externalId)
    types = [kind for cls, kind in ACTOR_TYPES if _node(cls) in props[str(RDF.type)]]
    ident = _one(props, DCTERMS.identifier)
    if not types or ident is None or not props[str(FOAF.name)]:
        return []
    heads = [{"id": ident.value, "name": name.value, "type": kind}
             for kind in types for name in props[str(FOAF.name)]]
    head = heads[0]
    rows = [*heads, *({**head, "partyName": n.value} for party in props[str(SP.party)]
                      for n in _props(db, party, FOAF.name)[str(FOAF.name)])]
    rows += [{**head, "alias": alias.value} for alias in props[str(SKOS.altLabel)]]
    rows += [{**head, **role} for holding in props[str(SP.holds)] for role in _roles(db, holding)]
    rows += [{**head, "externalId": external.value} for external in props[str(SP.externalId)]]
    return rows


def _roles(db: ox.Store, holding: Any) -> Iterator[Row]:
    """A holding's roles as ACTORS gives them: the role's label, and its start and end if known."""
    props = _props(db, holding, SP.role, SP.startDate, SP.endDate)
    dates = {key: value.value for key, value in (("start", _one(props, SP.startDate)),
                                                  ("end", _one(props, SP.endDate))) if value is not None}
    for role in props[str(SP.role)]:
        for label in _props(db, role, SKOS.prefLabel)[str(SKOS.prefLabel)]:
            yield {"roleLabel": label.value, **dates}


def places(store: Store) -> list[ox.NamedNode]:
    """Every place (sp:Place), through the type index."""
    return [] if store.db is None else _subjects(store.db, RDF.type, _node(SP.Place))
