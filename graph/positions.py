"""Positions (actor -> issue) derived from statements: the stance, its evidence, first and last time.

A position's actor is the statements' holder (whose position they show), not necessarily their
speaker: "Jane Doe said the chancellor supports X" is evidence of the chancellor's position on X.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from rdflib import Literal

from standpoint.graph import iris
from standpoint.graph.triples import STANCES, Triple
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


@dataclass(frozen=True)
class Position:
    actor_id: str
    issue_id: str
    stance: str  # supports | opposes | mixed
    evidence: tuple[str, ...]
    supports: int
    opposes: int
    first: str
    last: str


def sort_key(value: str) -> datetime:
    """Order ISO dates and date-times together: a date counts as its midnight UTC."""
    if "T" in value:
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return datetime.combine(date.fromisoformat(value), time(0), tzinfo=UTC)


def trajectory(evidence: Iterable[tuple[str, str]]) -> tuple[str, bool]:
    """The latest stance, and whether the stance changed over time, from (time, stance) pairs.

    Evidence at one time (one entry, one sitting) is taken together: its stance is `mixed` when
    it disagrees. `latest` is the stance at the latest time; `changed` is true when the stances
    at two different times differ: the actor moved.

    >>> trajectory([("2025-01-07", "supports"), ("2025-02-07T10:00:00+00:00", "opposes")])
    ('opposes', True)
    >>> trajectory([("2025-01-07", "supports"), ("2025-01-07", "opposes")])
    ('mixed', False)
    """
    by_time: dict[datetime, set[str]] = {}
    for when, stance in evidence:
        by_time.setdefault(sort_key(when), set()).add(stance)
    if not by_time:
        raise ValueError("a position needs at least one piece of evidence")
    stances = [by_time[t] for t in sorted(by_time)]
    last = stances[-1]
    latest = next(iter(last)) if len(last) == 1 else "mixed"
    return latest, any(s != stances[0] for s in stances[1:])


def derive(records: Iterable[StanceRecord]) -> list[Position]:
    """Group statements by actor and issue; all one way is that stance, both ways is mixed."""
    groups: dict[tuple[str, str], list[StanceRecord]] = {}
    for record in records:
        groups.setdefault((record.actor_id, record.issue_id), []).append(record)
    positions = []
    for (actor_id, issue_id), group in sorted(groups.items()):
        group.sort(key=lambda r: (sort_key(r.time), r.statement))
        supports = sum(r.stance == "supports" for r in group)
        opposes = sum(r.stance == "opposes" for r in group)
        stance = "mixed" if supports and opposes else ("supports" if supports else "opposes")
        positions.append(Position(
            actor_id, issue_id, stance, tuple(r.statement for r in group), supports, opposes,
            group[0].time, group[-1].time,
        ))
    return positions


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
