"""The answers of the read commands from the embedded store.

Each answer is built in two steps: a named query (or, for one actor, the index walk of
graph/rdf/lookup.py) gives plain rows (one per solution, values as str/int/float, our IRIs as their
local ids), and a pure function groups, orders and shapes them into typed answers
(`entry_answers`, `actor_answers`, `position_answers`, `statement_answers`, `timeline_answers`)
whose `.row()` is what the CLI prints. graph/property/dbread.py feeds the same pure functions from the
graph database, so both give the same answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pyoxigraph as ox

from standpoint.graph.rdf import iris, lookup, names, queries
from standpoint.graph.rdf import positions as positions_
from standpoint.graph.rdf.positions import sort_key
from standpoint.graph.rdf.store import Store
from standpoint.ontology.namespace import ID, SP

Row = dict[str, Any]

TYPES = {"Person": "person", "Organization": "organisation", "Place": "place"}
TYPE_ORDER = ("person", "organisation", "place")


def iso(value: str) -> str:
    """ISO-8601 with an explicit offset: the store's "Z" is written "+00:00"."""
    return value[:-1] + "+00:00" if value.endswith("Z") else value


def plain(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> str:
    """A term as a plain value: our IRIs as their local id, ontology terms as their name."""
    value = term.value
    if isinstance(term, ox.NamedNode):
        if value.startswith(str(ID)):
            return iris.local_id(value)
        if value.startswith(str(SP)):
            return value[len(str(SP)):]
    return value


def _select(store: Store, query: str, **bindings: ox.NamedNode) -> list[Row]:
    """The solutions of a named query as plain rows (unbound variables are absent)."""
    return [{k: plain(v) for k, v in row.items()} for row in store.select(query, **bindings)]


def find_issue(store: Store, text: str) -> str:
    """The issue id matching an id, label or alias (graph/rdf/names.py says how)."""
    return names.resolve(text, names.known(_select(store, queries.ISSUES), "label"), "issue")


def find_actor(store: Store, text: str, on: date | None = None) -> str:
    """The actor id matching an id, name or alias, or a role held on the day `on` (else today).

    An id, name or alias written exactly as stored is looked up through the store's indexes;
    anything else (another case, an honorific, a role, a surname, part of a name) is matched
    against every actor (graph/rdf/names.py says how).
    """
    exact = lookup.actors_named(store, text.strip())
    if len(exact) == 1:
        return exact.pop()
    return names.resolve(text, names.known(_select(store, queries.ACTOR_NAMES), "name"), "actor",
                         names.held_roles(_select(store, queries.ROLE_HOLDERS)), on)


def entries(store: Store) -> list[EntryAnswer]:
    """The entries (posts, speeches), in time order."""
    return entry_answers(_select(store, queries.ENTRIES))


@dataclass(frozen=True)
class EntryAnswer:
    """One entry (a post, a speech) as `standpoint entries` lists it; `sequence` is its place in
    its source."""

    id: str
    published: positions_.Moment
    title: str | None
    authors: tuple[str, ...]
    speaker: str | None
    source: str | None
    url: str | None
    sequence: int = 0

    @property
    def order(self) -> tuple[Any, ...]:
        """Time order: the time (a date as its midnight UTC), source, place in the source, id."""
        return sort_key(self.published), self.source or "", self.sequence, self.id

    def row(self) -> Row:
        """The row of `standpoint entries`."""
        return {"id": self.id, "title": self.title, "published": self.published.isoformat(),
                "authors": list(self.authors), "speaker": self.speaker, "source": self.source,
                "url": self.url}


def entry_answers(found: Iterable[Row]) -> list[EntryAnswer]:
    """Entries (from rows of ENTRIES or its Cypher twin) in time order (`EntryAnswer.order`), each
    once with its authors in the order the rows give them."""
    heads: dict[str, Row] = {}
    authors: dict[str, list[str]] = {}
    sequence: dict[str, int] = {}
    for row in found:
        entry_id = row["id"]
        heads.setdefault(entry_id, row)
        sequence[entry_id] = int(row.get("order") or 0)
        named = authors.setdefault(entry_id, [])
        author = row.get("author")
        if author and author not in named:
            named.append(author)
    answers = (EntryAnswer(entry_id, positions_.when(iso(row["published"])), row.get("title"),
                           tuple(authors[entry_id]), row.get("speaker"), row.get("source"), row.get("url"),
                           sequence[entry_id])
               for entry_id, row in heads.items())
    return sorted(answers, key=lambda a: a.order)


def role_text(row: Row) -> str | None:
    """A role as people read it: "Home Secretary (2024-07-05 to now)"."""
    label = row.get("roleLabel")
    if not label:
        return None
    start, end = row.get("start"), row.get("end")
    return f"{label} ({names.period(start, end)})" if start or end else str(label)


def _many(value: Any) -> list[str]:
    """A value a row gives once per row (SPARQL) or as a list (Cypher), as a list."""
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def actors(store: Store) -> list[ActorAnswer]:
    """The people, organisations and places, by type, then id."""
    found = _select(store, queries.ACTORS)
    return actor_answers({**row, "type": TYPES[row["type"].rsplit("/", 1)[-1]]} for row in found)


def actor(store: Store, actor_id: str) -> ActorAnswer | None:
    """One actor through the store's indexes (graph/rdf/lookup.py): what `actors` gives for it, or
    None when it is not an actor there."""
    found = actor_answers(lookup.actor_terms(store, ox.NamedNode(str(iris.actor(actor_id)))))
    return found[0] if found else None


@dataclass(frozen=True)
class ActorAnswer:
    """One person, organisation or place as `standpoint actors` lists it; `roles` as people read
    them ("Home Secretary (2024-07-05 to now)"), `ids` those a corpus gave it (ParlaMint's)."""

    id: str
    name: str
    type: str  # person | organisation | place
    roles: tuple[str, ...] = ()
    party: str | None = None
    aliases: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()

    @property
    def order(self) -> tuple[int, str]:
        return TYPE_ORDER.index(self.type), self.id

    def row(self) -> Row:
        """The row of `standpoint actors`."""
        return {"id": self.id, "name": self.name, "type": self.type, "roles": list(self.roles),
                "party": self.party, "aliases": list(self.aliases), "ids": list(self.ids)}


def actor_answers(found: Iterable[Row]) -> list[ActorAnswer]:
    """Actors (from rows of ACTORS with the type already person / organisation / place, its
    Cypher twin or the index walk) by type, then id. Where rows disagree on a name, type or party
    (an actor given two), the first in order is taken, so every read takes the same one."""
    heads: dict[str, dict[str, set[str]]] = {}
    for row in found:
        item = heads.setdefault(row["id"], {k: set() for k in ("name", "type", "party", "roles", "aliases", "ids")})
        item["name"].add(row["name"])
        item["type"].add(row["type"])
        if row.get("partyName"):
            item["party"].add(row["partyName"])
        role = role_text(row)
        if role:
            item["roles"].add(role)
        if row.get("alias"):
            item["aliases"].add(row["alias"])
        item["ids"].update(_many(row.get("externalId") or row.get("externalIds")))
    answers = (ActorAnswer(actor_id, min(item["name"]), min(item["type"], key=TYPE_ORDER.index),
                           tuple(sorted(item["roles"])), min(item["party"], default=None),
                           tuple(sorted(item["aliases"])), tuple(sorted(item["ids"])))
               for actor_id, item in heads.items())
    return sorted(answers, key=lambda a: a.order)


def _bindings(store: Store, issue: str | None, actor: str | None,
              on: date | None = None) -> dict[str, ox.NamedNode]:
    bound: dict[str, ox.NamedNode] = {}
    if issue:
        bound["issue"] = ox.NamedNode(str(iris.issue(find_issue(store, issue))))
    if actor:
        bound["actor"] = ox.NamedNode(str(iris.actor(find_actor(store, actor, on))))
    return bound


def positions(store: Store, issue: str | None = None, actor: str | None = None,
              min_confidence: float = 0.0, on: date | None = None) -> list[Row]:
    """Who stands where: one row per actor and issue, with the evidence behind it.

    `on` is the day on which a role given as `actor` ("the Home Secretary") was held."""
    bindings = _bindings(store, issue, actor, on)
    if "actor" in bindings:  # one actor: through the indexes, not a join over every position
        terms = lookup.position_terms(store, bindings["actor"])
        found = [_plain_row(t) for t in terms if "issue" not in bindings or t["issue"] == bindings["issue"]]
    else:
        found = _select(store, queries.POSITIONS, **bindings)
    return position_rows(found, min_confidence)


def _plain_row(terms: dict[str, Any]) -> Row:
    return {k: plain(v) for k, v in terms.items()}


@dataclass(frozen=True)
class Evidence:
    """One statement as evidence of its holder's position, as the read commands show it."""

    statement: str
    actor_id: str  # the holder
    issue_id: str
    stance: str
    moment: positions_.Moment
    entry_id: str
    text: str
    confidence: float
    cue: str | None = None  # the words that decided the stance, or what it was read from

    @property
    def order(self) -> tuple[str, str]:
        return self.entry_id, self.text

    def row(self) -> Row:
        return {"entry_id": self.entry_id, "published": self.moment.isoformat(), "text": self.text,
                "stance": self.stance, "confidence": round(self.confidence, 2), "cue": self.cue}


@dataclass(frozen=True)
class PositionAnswer:
    """One row of `standpoint positions`: an actor's position on an issue (graph/rdf/positions.py
    decides it) with the names people read."""

    actor: str
    issue: str
    issue_source: str
    held: positions_.Held[Evidence]

    def row(self) -> Row:
        held = self.held
        return {
            "actor": self.actor, "actor_id": held.actor_id, "issue": self.issue,
            "issue_id": held.issue_id, "issue_source": self.issue_source, "stance": held.stance,
            "statements": len(held.evidence), "first": held.first.isoformat(),
            "last": held.last.isoformat(), "evidence": [e.row() for e in held.evidence],
            "latest": held.latest, "changed": held.changed,
        }


def position_answers(found: Iterable[Row], min_confidence: float = 0.0) -> list[PositionAnswer]:
    """Positions from evidence rows (of POSITIONS or its Cypher twin); statements below
    min_confidence are left out, and a position left with none is dropped.

    A statement comes once however many rows carry it (a discovered actor's name is written with
    every entry that involves them, so a join on it repeats the statement)."""
    heads: dict[tuple[str, str], Row] = {}
    evidence: dict[tuple[str, str], dict[str, Evidence]] = {}
    for row in found:
        key = (row["actor"], row["issueId"])
        heads.setdefault(key, row)
        if float(row["confidence"]) < min_confidence:
            continue
        evidence.setdefault(key, {}).setdefault(row["statement"], Evidence(
            row["statement"], row["actor"], row["issueId"], row["statementStance"],
            positions_.when(iso(row["published"])), row["entryId"], row["text"], float(row["confidence"]),
            row.get("cue"),
        ))
    answers = [
        PositionAnswer(heads[key]["actorName"], heads[key]["issueLabel"],
                       heads[key].get("issueSource") or "registry", positions_.hold(items.values(), key))
        for key, items in evidence.items()
    ]
    return sorted(answers, key=lambda a: (a.held.issue_id, a.held.stance, a.held.actor_id))


def position_rows(found: Iterable[Row], min_confidence: float = 0.0) -> list[Row]:
    """The rows of `standpoint positions` (see `position_answers`)."""
    return [answer.row() for answer in position_answers(found, min_confidence)]


def statements(store: Store, actor: str | None = None, issue: str | None = None, *,
               by: lookup.By = "speaker", on: date | None = None) -> list[StatementAnswer]:
    """What each actor said, in time order: quotes (direct) and reported speech.

    `actor` keeps the statements it spoke, or with by="holder" those whose position it holds; a
    role given as `actor` is its holder on the day `on`."""
    bindings = _bindings(store, issue, actor, on)
    wanted = iris.local_id(bindings["issue"].value) if "issue" in bindings else None
    if "actor" in bindings:  # one actor: through the indexes, not a join over every statement
        terms = lookup.statement_terms(store, bindings["actor"], by)
        return statement_answers(map(_plain_row, terms), wanted)
    return statement_answers(_select(store, queries.STATEMENTS, **bindings), wanted)


@dataclass(frozen=True)
class StatementAnswer:
    """One statement as the read commands see it: `actor` spoke it, `holder` is whose position it
    shows (the speaker, for one's own statements); `start` is where it begins in its entry."""

    statement: str
    actor: str
    actor_id: str
    holder: str
    holder_id: str
    text: str
    kind: str  # direct | reported
    entry_id: str
    moment: positions_.Moment
    start: int
    issue: str | None
    issue_id: str | None
    stance: str | None
    confidence: float

    @property
    def published(self) -> str:
        return self.moment.isoformat()

    @property
    def order(self) -> tuple[Any, ...]:
        """Time order: the time (a date as its midnight UTC), entry, place in it, issue, speaker."""
        return (sort_key(self.moment), self.entry_id, self.start, self.issue_id or "", self.actor_id,
                self.holder_id, self.kind, self.text)

    def evidence(self) -> Evidence:
        """The statement as evidence of its holder's position (it must have a stance)."""
        assert self.stance is not None, "a statement without a stance is no evidence"
        return Evidence(self.statement, self.holder_id, self.issue_id or "", self.stance, self.moment,
                        self.entry_id, self.text, self.confidence)

    def row(self) -> Row:
        """The row of `standpoint said`."""
        return {"actor": self.actor, "actor_id": self.actor_id, "text": self.text, "kind": self.kind,
                "entry_id": self.entry_id, "published": self.published, "issue": self.issue,
                "stance": self.stance, "holder": self.holder, "holder_id": self.holder_id}

    def analysis_row(self) -> Row:
        """The statement as the analyses (networks, report, evaluate) read it: the row of `said`
        with the issue id and the confidence."""
        return {**self.row(), "issue_id": self.issue_id, "confidence": self.confidence}


def statement_answers(found: Iterable[Row], issue_id: str | None = None) -> list[StatementAnswer]:
    """Statements (from rows of STATEMENTS, its Cypher twin or the index walk) in time order
    (`StatementAnswer.order`); only issue_id's if given. Each statement once, however many rows
    carry it."""
    answers: dict[str, StatementAnswer] = {}
    for row in found:
        if issue_id and row.get("issueId") != issue_id:
            continue  # the issue is OPTIONAL in the query: binding it does not filter
        if row["statement"] in answers:
            continue
        answers[row["statement"]] = StatementAnswer(
            row["statement"], row["actorName"], row["actor"], row["holderName"], row["holder"],
            row["text"], row["kind"], row["entryId"], positions_.when(iso(row["published"])),
            int(row["start"]), row.get("issueLabel"), row.get("issueId"), row.get("stance"),
            float(row["confidence"]),
        )
    return sorted(answers.values(), key=lambda a: a.order)


def said(store: Store, actor: str | None = None, issue: str | None = None,
         on: date | None = None) -> list[Row]:
    """The rows of `standpoint said`."""
    return [answer.row() for answer in statements(store, actor, issue, on=on)]


@dataclass(frozen=True)
class TimelineAnswer:
    """One row of `standpoint timeline`: a statement with a stance, seen from its holder, and
    whether its holder's stance on the issue `changed` there from the `previous` one."""

    said: StatementAnswer
    changed: bool
    previous: str | None

    def row(self) -> Row:
        said = self.said
        return {
            "published": said.published, "actor": said.holder, "actor_id": said.holder_id,
            "issue": said.issue, "issue_id": said.issue_id, "stance": said.stance,
            "changed": self.changed, "previous": self.previous, "kind": said.kind,
            "text": said.text, "entry_id": said.entry_id,
            "speaker": said.actor, "speaker_id": said.actor_id,
        }


def timeline(store: Store, actor: str | None = None, issue: str | None = None,
             on: date | None = None) -> list[Row]:
    """Statements with a stance in time order, marking where an actor's stance on an issue changed.

    Stances are their holders': `actor` keeps the statements whose position it holds."""
    return [answer.row() for answer in timeline_answers(statements(store, actor, issue, by="holder", on=on))]


def timeline_answers(found: Iterable[StatementAnswer]) -> list[TimelineAnswer]:
    """The statements with a stance, in the order given (time order), each marked.

    A statement is `changed` where its holder's stance on the issue moved: the first statement of
    a time at which the stance (graph/rdf/positions.py: statements of one time taken together)
    differs from the stance at the time before, `previous`; so an actor's statements mark a
    change exactly when its position is `changed`."""
    stanced = [answer for answer in found if answer.stance]
    by_key: dict[tuple[str, str | None], list[int]] = {}
    for index, answer in enumerate(stanced):
        by_key.setdefault((answer.holder_id, answer.issue_id), []).append(index)
    marks: dict[int, tuple[bool, str | None]] = {}
    for indexes in by_key.values():
        steps = positions_.hold(stanced[i].evidence() for i in indexes).steps
        before = {t: steps[n - 1][1] if n else None for n, (t, _) in enumerate(steps)}
        stance_at, seen = dict(steps), set()
        for i in indexes:
            moment = sort_key(stanced[i].moment)
            previous = before[moment]
            marks[i] = (moment not in seen and previous is not None and previous != stance_at[moment], previous)
            seen.add(moment)
    return [TimelineAnswer(answer, *marks[i]) for i, answer in enumerate(stanced)]
