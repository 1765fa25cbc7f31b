"""The answers of the read commands from the graph database: the same rows as graph/rdf/read.py.

Each function runs the Cypher twin (graph/property/cypher.py) of a named SPARQL query and hands its rows
to the same pure function of graph/rdf/read.py that shapes the embedded store's rows, so both give the
same answers. `run_query` is `standpoint cypher`: a read-only query, its rows as plain values.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from standpoint.errors import GraphDatabaseError
from standpoint.graph.property import cypher
from standpoint.graph.property.database import GraphDatabase
from standpoint.graph.rdf import names, read
from standpoint.graph.rdf.lookup import By

Row = dict[str, Any]


def find_issue(db: GraphDatabase, text: str) -> str:
    """The issue id matching an id, label or alias (graph/rdf/names.py says how)."""
    return names.resolve(text, names.known(db.run_read(cypher.ISSUES, {}), "label"), "issue")


def find_actor(db: GraphDatabase, text: str, on: date | None = None) -> str:
    """The actor id matching an id, name or alias, or a role held on the day `on` (else today)."""
    return names.resolve(text, names.known(db.run_read(cypher.ACTOR_NAMES, {}), "name"), "actor",
                         names.held_roles(db.run_read(cypher.ROLE_HOLDERS, {})), on)


def _filters(db: GraphDatabase, issue: str | None, actor: str | None,
             on: date | None = None) -> dict[str, str | None]:
    """The $issue and $actor parameters: matched ids, or null for no filter."""
    return {"issue": find_issue(db, issue) if issue else None,
            "actor": find_actor(db, actor, on) if actor else None}


def entries(db: GraphDatabase) -> list[read.EntryAnswer]:
    """The entries (posts, speeches), in time order."""
    return read.entry_answers(db.run_read(cypher.ENTRIES, {}))


def actors(db: GraphDatabase) -> list[read.ActorAnswer]:
    """The people, organisations and places, by type, then id."""
    return read.actor_answers(db.run_read(cypher.ACTORS, {}))


def positions(db: GraphDatabase, issue: str | None = None, actor: str | None = None,
              min_confidence: float = 0.0, on: date | None = None) -> list[Row]:
    """Who stands where: one row per actor and issue, with the evidence behind it."""
    rows = db.run_read(cypher.POSITIONS, _filters(db, issue, actor, on))
    return read.position_rows(rows, min_confidence)


def statements(db: GraphDatabase, actor: str | None = None, issue: str | None = None, *,
               by: By = "speaker", on: date | None = None) -> list[read.StatementAnswer]:
    """What each actor said, in time order: quotes (direct) and reported speech.

    `actor` keeps the statements it spoke, or with by="holder" those whose position it holds."""
    filters = _filters(db, issue, actor, on)
    params = {"issue": filters["issue"], "actor": None, "holder": None}
    params["actor" if by == "speaker" else "holder"] = filters["actor"]
    return read.statement_answers(db.run_read(cypher.STATEMENTS, params), params["issue"])


def said(db: GraphDatabase, actor: str | None = None, issue: str | None = None,
         on: date | None = None) -> list[Row]:
    """The rows of `standpoint said`."""
    return [answer.row() for answer in statements(db, actor, issue, on=on)]


def timeline(db: GraphDatabase, actor: str | None = None, issue: str | None = None,
             on: date | None = None) -> list[Row]:
    """Statements with a stance in time order, marking where an actor's stance on an issue changed
    (stances are their holders': `actor` keeps the statements whose position it holds)."""
    found = statements(db, actor, issue, by="holder", on=on)
    return [answer.row() for answer in read.timeline_answers(found)]


def run_query(db: GraphDatabase, query: str) -> list[Row]:
    """A read-only Cypher query's rows; a query with a write clause is refused before it is sent."""
    clause = cypher.write_clause(query)
    if clause:
        raise GraphDatabaseError(
            f"`standpoint cypher` runs read-only queries, and {clause} writes; "
            "the graph database is written by `standpoint sync`"
        )
    return db.run_read(query, {})
