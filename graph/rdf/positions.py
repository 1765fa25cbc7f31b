"""Positions (actor -> issue) derived from statements: the stance, its evidence, first and last time.

A position's actor is the statements' holder (whose position they show), not necessarily their
speaker: "Jane Doe said the chancellor supports X" is evidence of the chancellor's position on X.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any, Generic, Protocol, TypeVar

from rdflib import Literal

from standpoint.graph.rdf import iris
from standpoint.graph.rdf.triples import STANCES, Triple
from standpoint.ontology.namespace import RDF, SP, XSD


@dataclass(frozen=True)
class StanceRecord:
    """One statement's stance, as positions need it: whose, on what, which way, when."""

    statement: str  # IRI
    actor_id: str  # the statement's holder
    issue_id: str
    stance: str
    time: str  # ISO-8601 date or date-time
    form: str | None = None  # how the statement names a found issue

    @property
    def moment(self) -> Moment:
        return when(self.time)

    @property
    def order(self) -> tuple[str]:
        return (self.statement,)


@dataclass(frozen=True)
class Position:
    actor_id: str
    issue_id: str
    stance: str  # supports | opposes | mixed
    evidence: tuple[str, ...]  # in time order, then by IRI (as `hold` orders it)
    supports: int
    opposes: int
    first: str
    last: str

    @property
    def latest(self) -> tuple[str, ...]:
        """Its LATEST_EVIDENCE latest evidence statements (the evidence is in time order)."""
        return self.evidence[-LATEST_EVIDENCE:]


# How many of a position's latest statements the store marks sp:latestEvidence (by time, then
# IRI, as `hold` orders evidence): what a page lists per position unless asked for more, read
# without reading the position's older evidence (`standpoint show --max-evidence`).
LATEST_EVIDENCE = 8

Moment = date | datetime  # a date-only source's time is its date


def when(value: str | date) -> Moment:
    """An ISO-8601 date or date-time as a real date or aware datetime (no offset means UTC)."""
    if isinstance(value, date):
        return value
    if "T" in value:
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return date.fromisoformat(value)


def sort_key(value: str | date) -> datetime:
    """Order ISO dates and date-times together: a date counts as its midnight UTC."""
    moment = when(value)
    if isinstance(moment, datetime):
        return moment
    return datetime.combine(moment, time(0), tzinfo=UTC)


def stance_of(stances: Iterable[str]) -> str:
    """The stance of a set of statements: all one way is that stance; both ways is mixed.

    >>> stance_of(["supports", "supports"]), stance_of(["supports", "opposes"])
    ('supports', 'mixed')
    """
    found = set(stances)
    if not found:
        raise ValueError("a stance needs at least one statement")
    return found.pop() if len(found) == 1 else "mixed"


class Stanced(Protocol):
    """What a statement must tell to count as evidence: whose, on what, which way, when."""

    @property
    def actor_id(self) -> str: ...
    @property
    def issue_id(self) -> str: ...
    @property
    def stance(self) -> str: ...
    @property
    def moment(self) -> Moment: ...
    @property
    def order(self) -> tuple[Any, ...]: ...  # breaks ties between statements made at one time


E = TypeVar("E", bound=Stanced)


class RowEvidence:
    """A statement row of the read commands (`actor_id` its holder, `issue_id`, `stance`,
    `published`) seen as evidence."""

    __slots__ = ("order", "row")

    def __init__(self, row: dict[str, Any], order: tuple[Any, ...] = ()) -> None:
        self.row, self.order = row, order

    @property
    def actor_id(self) -> str:
        return str(self.row["actor_id"])

    @property
    def issue_id(self) -> str:
        return str(self.row["issue_id"])

    @property
    def stance(self) -> str:
        return str(self.row["stance"])

    @property
    def moment(self) -> Moment:
        return when(self.row["published"])


@dataclass(frozen=True)
class Held(Generic[E]):
    """One actor's position on one issue, from its statements: the only place a position's
    stance, `latest` and `changed` are decided (positions, timeline, networks, page, report).

    `stance` is over all the evidence (both ways: mixed); `steps` is the stance at each time
    (statements made at one time, one entry or sitting, taken together: mixed when they
    disagree); `latest` is the last step; `changed` is true when two steps differ: the actor moved.
    """

    actor_id: str
    issue_id: str
    stance: str
    latest: str
    changed: bool
    supports: int
    opposes: int
    steps: tuple[tuple[datetime, str], ...]
    evidence: tuple[E, ...]  # in time order

    @property
    def first(self) -> Moment:
        return self.evidence[0].moment

    @property
    def last(self) -> Moment:
        return self.evidence[-1].moment


def hold(evidence: Iterable[E], key: tuple[str, str] | None = None) -> Held[E]:
    """The position one actor's statements on one issue show (`key` overrides their actor and
    issue, e.g. a party's position from its members' statements).

    >>> from types import SimpleNamespace as S
    >>> said = [S(actor_id="a", issue_id="x", stance=s, moment=when(t), order=())
    ...         for s, t in (("supports", "2025-01-07"), ("opposes", "2025-02-07T10:00:00+00:00"))]
    >>> found = hold(said)
    >>> found.stance, found.latest, found.changed
    ('mixed', 'opposes', True)
    """
    ordered = sorted(evidence, key=lambda e: (sort_key(e.moment), e.order))
    if not ordered:
        raise ValueError("a position needs at least one piece of evidence")
    by_time: dict[datetime, list[str]] = {}
    for item in ordered:
        by_time.setdefault(sort_key(item.moment), []).append(item.stance)
    steps = tuple((t, stance_of(s)) for t, s in by_time.items())
    actor_id, issue_id = key or (ordered[0].actor_id, ordered[0].issue_id)
    return Held(
        actor_id, issue_id, stance_of(e.stance for e in ordered), steps[-1][1],
        any(s != steps[0][1] for _, s in steps[1:]),
        sum(e.stance == "supports" for e in ordered), sum(e.stance == "opposes" for e in ordered),
        steps, tuple(ordered),
    )


def holdings(evidence: Iterable[E], key: Callable[[E], tuple[str, str] | None] | None = None
             ) -> dict[tuple[str, str], Held[E]]:
    """Every position the statements show, by (actor, issue); `key` may count an actor's
    statements for another node (its party) or leave them out (None)."""
    groups: dict[tuple[str, str], list[E]] = {}
    for item in evidence:
        found = key(item) if key else (item.actor_id, item.issue_id)
        if found is not None:
            groups.setdefault(found, []).append(item)
    return {k: hold(group, k) for k, group in sorted(groups.items())}


def trajectory(evidence: Iterable[tuple[str, str]]) -> tuple[str, bool]:
    """The latest stance, and whether it changed over time, from (time, stance) pairs.

    >>> trajectory([("2025-01-07", "supports"), ("2025-02-07T10:00:00+00:00", "opposes")])
    ('opposes', True)
    >>> trajectory([("2025-01-07", "supports"), ("2025-01-07", "opposes")])
    ('mixed', False)
    """
    found = hold(StanceRecord("", "", "", stance, moment) for moment, stance in evidence)
    return found.latest, found.changed


def derive(records: Iterable[StanceRecord]) -> list[Position]:
    """The positions of the store, from every statement's stance record."""
    return [
        Position(held.actor_id, held.issue_id, held.stance, tuple(r.statement for r in held.evidence),
                 held.supports, held.opposes, held.evidence[0].time, held.evidence[-1].time)
        for held in holdings(records).values()
    ]


def _time(value: str) -> Literal:
    return Literal(value, datatype=XSD.dateTime if "T" in value else XSD.date)


def position_triples(position: Position) -> Iterator[Triple]:
    from rdflib import URIRef

    node = iris.position(position.actor_id, position.issue_id)
    yield node, RDF.type, SP.Position
    yield node, SP.actor, iris.actor(position.actor_id)
    yield node, SP.issue, iris.issue(position.issue_id)
    yield node, SP.stance, STANCES[position.stance]
    yield node, SP.statementCount, Literal(len(position.evidence))
    yield node, SP.supportCount, Literal(position.supports)
    yield node, SP.opposeCount, Literal(position.opposes)
    yield node, SP.firstTime, _time(position.first)
    yield node, SP.lastTime, _time(position.last)
    for statement in position.evidence:
        yield node, SP.evidence, URIRef(statement)
    for statement in position.latest:
        yield node, SP.latestEvidence, URIRef(statement)
