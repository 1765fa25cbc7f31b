"""Corrections applied to the graph: to each entry's statements after extraction, and to the store.

An entry's graph is taken apart into its statements (records) and the rest of its triples; the
corrections are applied in order, and it is put together again with statement_triples, so a
corrected statement is written exactly as an extracted one would be. What a correction changed
is marked in the graph: the statement and the entry are `sp:correctedBy` it, and the corrections
graph describes each correction with its PROV (who, when, why).

The store remembers, in that graph, which corrections it has applied, in order. A build (and
`standpoint correct`) compares them with the file: if the file only adds corrections, the new ones
are applied to the statements the store holds; an entry a changed or removed correction had
touched is extracted again from its source, so that corrections are always applied to what
extraction says. An entry whose source is not part of the build keeps what it had and is marked
to be extracted again when its source is built (the build says so).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, cast
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from standpoint.graph.corrections.file import (
    Correction,
    CorrectionsError,
    Key,
    Target,
    default_path,
    read_corrections,
)
from standpoint.graph.rdf import iris, queries
from standpoint.graph.rdf.positions import StanceRecord
from standpoint.graph.rdf.store import Store
from standpoint.graph.rdf.triples import (
    KINDS,
    STANCES,
    Triple,
    actor_triples,
    issue_triples,
    nt,
    statement_iri,
    statement_triples,
    text,
)
from standpoint.loaders.proposals import is_found
from standpoint.loaders.registry import Registry
from standpoint.ontology.namespace import DCTERMS, FOAF, ID, PROV, RDF, RDFS, SKOS, SP, XSD
from standpoint.records import Actor, Issue, Statement

__all__ = ["CORRECTIONS_GRAPH", "Plan", "correction_iri", "statement_from_props"]

CORRECTIONS_GRAPH = ID["graph/corrections"]
CORRECTIONS = ID["corrections"]
NEEDS_EXTRACTION = "extract-again"  # an entry's content hash that no input has


def correction_iri(correction_id: str) -> URIRef:
    return ID[f"correction/{quote(correction_id, safe='-_.~')}"]


def analyst_iri(name: str) -> URIRef:
    return ID[f"analyst/{quote(name, safe='-_.~')}"]


# -- one entry's graph, taken apart ---------------------------------------------------------------

@dataclass
class Held:
    """A statement and the corrections that changed or confirmed it (ids)."""

    statement: Statement
    by: list[str] = field(default_factory=list)

    def mark(self, correction: Correction) -> None:
        if correction.id not in self.by:
            self.by.append(correction.id)


@dataclass
class EntryGraph:
    entry_id: str
    statements: list[Held]
    rest: list[Triple]
    applied: list[str]  # the corrections that changed something here
    described: list[Triple] = field(default_factory=list)  # targets the registry does not describe

    def triples(self) -> list[Triple]:
        """The graph put together again: each statement once, however many corrections made two alike."""
        found: dict[Triple, None] = dict.fromkeys(self.rest)
        found.update(dict.fromkeys(self.described))
        for held in self.held():
            node = statement_iri(held.statement)
            found.update(dict.fromkeys(statement_triples(held.statement)))
            found.update({(node, SP.correctedBy, correction_iri(c)): None for c in held.by})
        entry = iris.entry(self.entry_id)
        found.update({(entry, SP.correctedBy, correction_iri(c)): None for c in self.applied})
        return list(found)

    def held(self) -> list[Held]:
        """The statements, each once (two corrected alike are one, with both corrections)."""
        unique: dict[URIRef, Held] = {}
        for held in self.statements:
            first = unique.setdefault(statement_iri(held.statement), held)
            for c in held.by:
                if c not in first.by:
                    first.by.append(c)
        return list(unique.values())


def take_apart(entry_id: str, triples: Iterable[Triple]) -> EntryGraph:
    """An entry graph's statements as records, and the rest of its triples."""
    triples = list(triples)
    nodes = {s for s, p, o in triples if p == RDF.type and o == SP.Statement}
    props: dict[Node, list[tuple[Node, Node]]] = {node: [] for node in nodes}
    rest, applied = [], []
    entry = iris.entry(entry_id)
    for s, p, o in triples:
        if s in props:
            props[s].append((p, o))
        elif s == entry and p == SP.correctedBy:
            applied.append(iris.local_id(str(o)))
        else:
            rest.append((s, p, o))
    statements = [statement_from_props(props[node]) for node in sorted(nodes, key=str)]
    return EntryGraph(entry_id, statements, rest, applied)


REVERSE_KINDS: dict[Node, str] = {v: k for k, v in KINDS.items()}
REVERSE_STANCES: dict[Node, str] = {v: k for k, v in STANCES.items()}


def statement_from_props(props: Iterable[tuple[Node, Node]]) -> Held:
    """The record statement_triples wrote these (predicate, object) pairs from."""
    one: dict[Node, Node] = {}
    by = []
    for p, o in props:
        if p == SP.correctedBy:
            by.append(iris.local_id(str(o)))
        else:
            one[p] = o

    def number(term: Any) -> int | None:
        value = one.get(term)
        return None if value is None else int(str(value))

    speaker = iris.local_id(str(one[SP.speaker]))
    holder = iris.local_id(str(one[SP.holder]))
    issue = one.get(SP.about)
    stance = one.get(SP.stance)
    cue = one.get(SP.cue)
    statement = Statement(
        entry_id=iris.local_id(str(one[SP.fromEntry])), speaker_id=speaker, text=str(one[SP.text]),
        kind=REVERSE_KINDS[one[SP.kind]], start=int(str(one[SP.spanStart])), end=int(str(one[SP.spanEnd])),
        published=_time(str(one[SP.time])), issue_id=iris.local_id(str(issue)) if issue is not None else None,
        stance=REVERSE_STANCES[stance] if stance is not None else None,
        confidence=float(str(one[SP.confidence])), cue=str(cue) if cue is not None else None,
        holder_id=None if holder == speaker else holder,
        cue_start=number(SP.cueStart), cue_end=number(SP.cueEnd),
        source_start=number(SP.sourceStart), source_end=number(SP.sourceEnd),
        issue_form=str(one[SP.issueForm]) if SP.issueForm in one else None,
    )
    return Held(statement, by)


def _time(value: str) -> datetime | date:
    if "T" in value:
        return datetime.fromisoformat(value)
    return date.fromisoformat(value)


# -- one correction on one entry graph ----------------------------------------------------------

def matching(key: Key, statements: Sequence[Held]) -> list[Held]:
    """The statements a key names: at its span (with its text, if given), else with its text;
    of its holder and on its issue when it says."""
    candidates = [h for h in statements
                  if (key.holder is None or h.statement.holder == key.holder)
                  and (key.issue is None or h.statement.issue_id == key.issue)]
    if key.start is not None:
        at = [h for h in candidates if (h.statement.start, h.statement.end) == (key.start, key.end)
              and (key.text is None or h.statement.text == key.text)]
        if at or key.text is None:
            return at
    wanted = " ".join((key.text or "").split())
    return [h for h in candidates if " ".join(h.statement.text.split()) == wanted]


@dataclass
class Known:
    """What the registry describes: targets outside it are described in the entry graphs."""

    actors: set[str] = field(default_factory=set)
    issues: set[str] = field(default_factory=set)

    def actor(self, target: Target) -> list[Triple]:
        if target.id in self.actors or target.name is None:
            return []
        return list(actor_triples(Actor(target.id, target.name, target.type or "person", discovered=True)))

    def issue(self, target: Target) -> list[Triple]:
        if target.id in self.issues or target.name is None or is_found(target.id):
            return []  # a found issue is described from its statements' words (graph/rdf/found_issues.py)
        return list(issue_triples(Issue(target.id, target.name)))


def apply(correction: Correction, graph: EntryGraph, known: Known) -> bool:
    """Apply one correction to an entry's graph; whether it changed anything there."""
    if correction.action == "merge":
        changed = _merge(correction, graph)
    elif correction.action == "split":
        changed = _split(correction, graph)
    else:
        assert correction.statement is not None
        if correction.statement.entry != graph.entry_id:
            return False
        found = matching(correction.statement, graph.statements)
        changed = bool(found) and all(_apply_one(correction, held, graph) for held in found)
    if not changed:
        return False
    for target, describe in ((correction.actor, known.actor), (correction.issue, known.issue)):
        if target is not None:
            graph.described += describe(target)
    if correction.into is not None:
        describe = known.actor if correction.merges == "actor" else known.issue
        graph.described += describe(correction.into)
    if correction.id not in graph.applied:
        graph.applied.append(correction.id)
    return True


def _apply_one(correction: Correction, held: Held, graph: EntryGraph) -> bool:
    """A statement correction on one statement; False when it cannot apply (no issue to take a
    stance on)."""
    s = held.statement
    action = correction.action
    if action == "reject":
        graph.statements.remove(held)
        return True
    if action == "holder":
        assert correction.actor is not None
        s = replace(s, holder_id=None if correction.actor.id == s.speaker_id else correction.actor.id)
    elif action == "speaker":
        assert correction.actor is not None
        s = replace(s, speaker_id=correction.actor.id,
                    holder_id=None if s.holder_id == correction.actor.id else s.holder_id)
    elif action == "stance":
        if correction.stance == "none":
            s = replace(s, stance=None, issue_id=None, issue_form=None)
        else:
            issue = correction.issue.id if correction.issue is not None else s.issue_id
            if issue is None:
                return False
            s = replace(s, stance=correction.stance, issue_id=issue)
    elif action == "issue":
        if correction.clear_issue:
            s = replace(s, stance=None, issue_id=None, issue_form=None)
        else:
            assert correction.issue is not None
            stance = correction.stance or s.stance
            if stance is None:
                return False
            s = replace(s, issue_id=correction.issue.id, stance=stance)
    held.statement = s
    held.mark(correction)
    return True


def _merge(correction: Correction, graph: EntryGraph) -> bool:
    """Every statement and triple of the merged actor (issue) becomes the other's; its own
    description here is dropped, its names kept as the other's aliases."""
    assert correction.source is not None and correction.into is not None
    old_id, new_id = correction.source, correction.into.id
    changed = False
    for held in graph.statements:
        s = held.statement
        if correction.merges == "issue":
            if s.issue_id == old_id:
                held.statement, changed = replace(s, issue_id=new_id), True
            continue
        if old_id in (s.speaker_id, s.holder):
            speaker = new_id if s.speaker_id == old_id else s.speaker_id
            holder = new_id if s.holder == old_id else s.holder
            held.statement = replace(s, speaker_id=speaker, holder_id=None if holder == speaker else holder)
            changed = True
    node = iris.actor if correction.merges == "actor" else iris.issue
    rest = list(merged_triples(graph.rest, node(old_id), node(new_id)))
    changed = changed or rest != graph.rest
    graph.rest = rest
    return changed


# A merged actor's or issue's own triples: its names become the other's aliases, and the roles it
# held, job titles and the ids corpora give it (ParlaMint's) move to the other; the rest of what it
# says of itself (type, identifier, party, constituency, gender, Wikidata id) is dropped: the
# other's facts stand.
_NAMES = (FOAF.name, SKOS.prefLabel, SKOS.altLabel)
_MOVED = (SP.holds, SP.jobTitle, SP.externalId)


def merged_triples(triples: Iterable[Triple], old: URIRef, new: URIRef) -> Iterator[Triple]:
    """Triples with `old` merged into `new` (see _NAMES and _MOVED); what pointed at `old` points
    at `new`."""
    for s, p, o in triples:
        if s == old:
            if p in _NAMES:
                yield new, SKOS.altLabel, o
            elif p in _MOVED:
                yield new, p, o
        else:
            yield s, p, (new if o == old else o)


def _split(correction: Correction, graph: EntryGraph) -> bool:
    """The split actor's statements in the given entries (all their references there too) and at
    the given statements become the other actor's."""
    assert correction.source is not None and correction.into is not None
    old_id, new_id = correction.source, correction.into.id
    whole = graph.entry_id in correction.entries
    keys = [k for k in correction.statements if k.entry == graph.entry_id]
    chosen = graph.statements if whole else [h for k in keys for h in matching(k, graph.statements)]
    changed = False
    for held in chosen:
        s = held.statement
        if old_id not in (s.speaker_id, s.holder):
            continue
        speaker = new_id if s.speaker_id == old_id else s.speaker_id
        holder = new_id if s.holder == old_id else s.holder
        held.statement = replace(s, speaker_id=speaker, holder_id=None if holder == speaker else holder)
        held.mark(correction)
        changed = True
    if whole:
        old, new = iris.actor(old_id), iris.actor(new_id)
        rest = [(s, p, new if o == old and s != old else o) for s, p, o in graph.rest]
        changed = changed or rest != graph.rest
        graph.rest = rest
    return changed


def correct_graph(corrections: Sequence[Correction], graph: EntryGraph, known: Known) -> bool:
    """Apply corrections in order; whether any changed the graph."""
    changed = False
    for correction in corrections:
        changed = apply(correction, graph, known) or changed
    return changed


# -- the store's side ---------------------------------------------------------------------------

def _rdf(term: Any) -> Node:
    """A pyoxigraph term as an rdflib one."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))
    raise TypeError(f"unexpected term {term!r} in an entry graph")


def graph_triples(store: Store, graph: str) -> list[Triple]:
    """Every triple of one named graph of the store."""
    if store.db is None:
        return []
    quads = store.db.quads_for_pattern(None, None, None, ox.NamedNode(graph))
    return [(URIRef(cast(ox.NamedNode, q.subject).value), URIRef(q.predicate.value), _rdf(q.object)) for q in quads]


def _entry_id(graph: str) -> str:
    return iris.local_id(graph)


ENTRY_GRAPHS = str(iris.entry_graph("x"))[:-1]


@dataclass
class Plan:
    """The corrections of a file, against what a store has applied (see the module's docstring)."""

    corrections: list[Correction]
    path: Path | None = None
    remember: bool = False  # record the file's path in the store
    known: Known = field(default_factory=Known)
    applied: list[str] = field(default_factory=list)  # ids the store has applied, in order
    touched: dict[str, set[str]] = field(default_factory=dict)  # correction id -> entry graphs
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def against(cls, store: Store, corrections: list[Correction], path: Path | None, *,
                remember: bool = False, known: Known | None = None) -> Plan:
        plan = cls(corrections, path, remember, known or Known())
        rows = store.select(queries.APPLIED_CORRECTIONS)
        plan.applied = [r["id"].value for r in sorted(rows, key=lambda r: int(r["n"].value))]
        for row in store.select(queries.CORRECTED_ENTRIES):
            plan.touched.setdefault(row["id"].value, set()).add(row["g"].value)
        return plan

    def check_targets(self, store: Store) -> None:
        """Every actor or issue a correction points to is in the registry, in the store, or
        described by the correction (a name, a label): else the graph could not say who it is."""
        for c in self.corrections:
            targets = [(t, "actor") for t in (c.actor, c.into if c.merges == "actor" else None) if t]
            targets += [(t, "issue") for t in (c.issue, c.into if c.merges == "issue" else None) if t]
            for target, kind in targets:
                known = self.known.actors if kind == "actor" else self.known.issues
                if target.name is None and target.id not in known and not _described(store, kind, target.id):
                    label = "name" if kind == "actor" else "label"
                    raise CorrectionsError(
                        f"{c.action}: {kind} {target.id!r} is neither in the registry nor in the store; "
                        f"give its {label}: {{id: {target.id}, {label}: ...}}", str(self.path), c.line)

    @property
    def kept(self) -> int:
        """How many of the store's corrections the file still begins with."""
        ids = [c.id for c in self.corrections]
        count = 0
        while count < min(len(ids), len(self.applied)) and ids[count] == self.applied[count]:
            count += 1
        return count

    @property
    def new(self) -> list[Correction]:
        return self.corrections[self.kept:]

    def undone(self) -> set[str]:
        """Entry graphs a changed or removed correction had touched: to be extracted again."""
        return {g for c in self.applied[self.kept:] for g in self.touched.get(c, ())}

    def correct_extracted(self, entry_id: str, triples: list[Triple]) -> tuple[list[Triple], list[Statement] | None]:
        """A freshly extracted entry's triples with every correction applied, and its statements
        (None: unchanged)."""
        if not self.corrections:
            return triples, None
        graph = take_apart(entry_id, triples)
        if not correct_graph(self.corrections, graph, self.known):
            return triples, None
        return graph.triples(), [h.statement for h in graph.held()]

    def candidates(self, store: Store, corrections: Sequence[Correction]) -> set[str]:
        """Entry graphs these corrections may change."""
        found: set[str] = set()
        for c in corrections:
            if c.statement is not None:
                found.add(str(iris.entry_graph(c.statement.entry)))
            found |= {str(iris.entry_graph(e)) for e in (*c.entries, *(k.entry for k in c.statements))}
            if c.action == "merge":
                node = (iris.actor if c.merges == "actor" else iris.issue)(c.source or "")
                found |= _graphs_with(store, ox.NamedNode(str(node)))
        return {g for g in found if g.startswith(ENTRY_GRAPHS)}

    def reconcile(self, store: Store, out: IO[str], changed: set[str], records: list[StanceRecord],
                  stored: dict[str, str]) -> None:
        """After extraction: apply the new corrections to the entry graphs the build left as
        they were; mark those a changed correction touched, if not extracted again, to be
        extracted when their source is built; write the corrections graph if it changed."""
        from standpoint.graph.rdf.build import nquads, stance_records

        stuck = sorted(self.undone() - changed)
        for graph in sorted(self.candidates(store, self.new) - changed - set(stuck)):
            if graph not in stored:
                continue  # an entry not (yet) in the store
            taken = take_apart(_entry_id(graph), graph_triples(store, graph))
            if correct_graph(self.new, taken, self.known):
                out.write(nquads(taken.triples(), URIRef(graph)))
                changed.add(graph)
                records += stance_records(h.statement for h in taken.held())
        for graph in stuck:
            triples = [(s, p, Literal(NEEDS_EXTRACTION) if p == SP.contentHash else o)
                       for s, p, o in graph_triples(store, graph)]
            out.write(nquads(triples, URIRef(graph)))
            changed.add(graph)
            records += stance_records(h.statement for h in take_apart(_entry_id(graph), triples).held())
            self.warnings.append(
                f"{self.path}: a correction applied to entry {_entry_id(graph)} was changed or removed; "
                "build its source again to extract it anew")
        triples = self.record_triples()
        if stored.get(str(CORRECTIONS_GRAPH), "") != (str(triples[-1][2]) if triples else ""):
            out.write(nquads(triples, CORRECTIONS_GRAPH))
            changed.add(str(CORRECTIONS_GRAPH))  # dropped, and written again unless empty

    def registry_view(self, triples: list[Triple]) -> list[Triple]:
        """The registry's triples with the merges applied (a merged actor or issue is the other's)."""
        for c in self.corrections:
            if c.action == "merge" and c.source and c.into:
                node = iris.actor if c.merges == "actor" else iris.issue
                triples = list(merged_triples(triples, node(c.source), node(c.into.id)))
        return triples

    def record_triples(self) -> list[Triple]:
        """The corrections graph: each correction with its PROV, in the file's order, and the
        file's path; its content hash last. Empty when there is nothing to remember."""
        if not self.corrections and not self.remember:
            return []
        triples: list[Triple] = [(CORRECTIONS, RDF.type, PROV.Collection)]
        if self.path is not None and self.remember:
            triples.append((CORRECTIONS, SP.correctionsFile, text(str(Path(self.path).absolute()))))
        for number, c in enumerate(self.corrections, start=1):
            triples += correction_triples(c, number)
        digest = hashlib.sha256("\n".join(sorted(f"{nt(s)} {nt(p)} {nt(o)}" for s, p, o in triples)).encode())
        triples.append((CORRECTIONS, SP.contentHash, Literal(digest.hexdigest())))
        return triples


def correction_triples(correction: Correction, number: int) -> list[Triple]:
    """One correction as PROV: an entity attributed to the analyst, made at a time, for a reason."""
    node, agent = correction_iri(correction.id), analyst_iri(correction.by)
    triples: list[Triple] = [
        (CORRECTIONS, PROV.hadMember, node),
        (node, RDF.type, SP.Correction),
        (node, DCTERMS.identifier, text(correction.id)),
        (node, SP.action, text(correction.action)),
        (node, SP.sequence, Literal(number)),
        (node, SP.line, Literal(correction.line)),
        (node, DCTERMS.description, text(correction.describe())),
        (node, PROV.wasAttributedTo, agent),
        (node, PROV.generatedAtTime, Literal(correction.at, datatype=XSD.dateTime)),
        (agent, RDF.type, PROV.Agent),
        (agent, RDFS.label, text(correction.by)),
    ]
    if correction.why:
        triples.append((node, SP.reason, text(correction.why)))
    return triples


def _graphs_with(store: Store, node: ox.NamedNode) -> set[str]:
    """Named graphs where a node is a subject or an object."""
    if store.db is None:
        return set()
    found = {q.graph_name for q in store.db.quads_for_pattern(node, None, None, None)}
    found |= {q.graph_name for q in store.db.quads_for_pattern(None, None, node, None)}
    return {g.value for g in found if isinstance(g, ox.NamedNode)}


def _described(store: Store, kind: str, ident: str) -> bool:
    """Whether the store names an actor or issue of this id."""
    if store.db is None:
        return False
    node = ox.NamedNode(str((iris.actor if kind == "actor" else iris.issue)(ident)))
    label = FOAF.name if kind == "actor" else SKOS.prefLabel
    return any(True for _ in store.db.quads_for_pattern(node, ox.NamedNode(str(label)), None, None))


def remembered_path(store: Store) -> str | None:
    """The corrections file the store last used, if it recorded one."""
    rows = store.select(queries.CORRECTIONS_FILE)
    return rows[0]["path"].value if rows else None


def registry_known(store: Store) -> Known:
    """The actors and issues the store's registry graph describes."""
    graph = ox.NamedNode(str(iris.REGISTRY_GRAPH))
    if store.db is None:
        return Known()
    ids = [cast(ox.NamedNode, q.subject).value for q in store.db.quads_for_pattern(None, ox.NamedNode(str(DCTERMS.identifier)),
                                                               None, graph)]
    actors = {iris.local_id(i) for i in ids if i.startswith(str(iris.actor("x"))[:-1])}
    issues = {iris.local_id(i) for i in ids if i.startswith(str(iris.issue("x"))[:-1])}
    return Known(actors, issues)


def temp_nquads(store: Store) -> tuple[IO[str], str]:
    """A temporary N-Quads file in the store's folder (removed by the next write if left)."""
    handle, temp = tempfile.mkstemp(dir=store.path, prefix=".build-", suffix=".nq")
    return os.fdopen(handle, "w", encoding="utf-8"), temp


def corrections_path(store: Store, registry: Path | None = None) -> Path:
    """The corrections file when none is given (graph/corrections/file.py: default_path)."""
    return default_path(store.path, registry, remembered_path(store))


def for_build(store: Store, registry: Registry, path: Path | None = None, registry_path: Path | None = None,
              wanted: bool = True) -> Plan:
    """The corrections a build applies (none when not `wanted`), against those the store has
    applied. The store remembers the file when it was given, or found beside the registry."""
    known = Known({a.id for a in registry.actors.values() if not a.discovered}, set(registry.issues))
    if not wanted:
        return Plan.against(store, [], None, known=known)
    chosen = path or corrections_path(store, registry_path)
    remember = path is not None or registry_path is not None or chosen.exists()
    plan = Plan.against(store, read_corrections(chosen), chosen, known=known, remember=remember)
    plan.check_targets(store)
    return plan


def stale(store: Store, plan: Plan) -> list[str]:
    """A line for each correction of the plan that changed nothing in the store: its statement is
    no longer there (or not yet: its source is not built)."""
    if not plan.corrections:
        return []
    touched = {r["id"].value for r in store.select(queries.CORRECTED_ENTRIES)}
    return [f"{plan.path} line {c.line}: {c.action}: no such statement in the store "
            f"({c.describe()}); edit or remove the correction"
            for c in plan.corrections if c.action != "merge" and c.id not in touched]


def apply_to_store(store: Store, plan: Plan) -> None:
    """Apply the plan's new corrections to the store at once, as a build does after extraction:
    the entries they change, the registry's merged actors and issues, the positions and the
    corrections graph, published in one atomic step (see graph/rdf/store.py)."""
    from standpoint.graph.rdf.build import nquads, stored_hashes, stored_stances, write_derived

    stored = stored_hashes(store)
    out, temp = temp_nquads(store)
    changed: set[str] = set()
    records: list[StanceRecord] = []
    try:
        with out:
            plan.reconcile(store, out, changed, records, stored)
            registry = graph_triples(store, str(iris.REGISTRY_GRAPH))
            if any(c.action == "merge" for c in plan.new):
                out.write(nquads(plan.registry_view(registry), iris.REGISTRY_GRAPH))
                changed.add(str(iris.REGISTRY_GRAPH))
            registered = {iris.local_id(str(s)) for s, p, o in registry if p == RDF.type and o == SP.Issue}
            kept = [record for graph, record in stored_stances(store) if graph not in changed]
            write_derived(out, kept + records, registered)
            changed.add(str(iris.DERIVED_GRAPH))
        store.commit(sorted(changed), Path(temp))
    finally:
        Path(temp).unlink(missing_ok=True)


def checked(store: Store) -> dict[tuple[str, str, str, str | None], str]:
    """What people see of an analyst's check on a statement, "confirmed by alice" or "corrected by
    alice", keyed by the statement's (entry id, text, holder id, issue id).

    Read from the statements an analyst checked (the sp:correctedBy index), one by one: the
    cost follows the corrections, not the store."""
    found: dict[tuple[str, str, str, str | None], list[tuple[int, str, str]]] = {}
    corrected = {q.subject for q in store.db.quads_for_pattern(None, ox.NamedNode(str(SP.correctedBy)), None, None)
                 if isinstance(q.subject, ox.NamedNode)} if store.db is not None else set()
    rows = [row for statement in sorted(corrected, key=str)
            for row in store.select(queries.CHECKED, statement=statement)]
    for row in rows:
        issue = row.get("issue")
        key = (row["entryId"].value, row["text"].value, iris.local_id(row["holder"].value),
               iris.local_id(issue.value) if issue is not None else None)
        found.setdefault(key, []).append((int(row["sequence"].value), row["action"].value, row["by"].value))
    return {key: _checked_text(sorted(set(checks))) for key, checks in found.items()}


def _checked_text(checks: list[tuple[int, str, str]]) -> str:
    names = ", ".join(dict.fromkeys(by for _, _, by in checks))
    verb = "confirmed" if all(action == "confirm" for _, action, _ in checks) else "corrected"
    return f"{verb} by {names}"
