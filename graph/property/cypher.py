"""Every Cypher statement standpoint sends, by name: schema, writes, deletes and the named reads.

Values always travel as parameters ($rows, $ids, $issue, $actor), never inside the text. Labels and
relationship types cannot be parameters in Cypher, so the templates below take them from the
closed lists of graph/property/projection.py only (`render` refuses any other name). Everything except the
FALKORDB_* statements is written in the Cypher both Neo4j and FalkorDB run, and is checked by
Neo4j's own linter (tests/test_cypher_lint.py); the reads are the twins of graph/rdf/queries.py and
return the same columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from standpoint.graph.property.projection import CLASS_LABELS, KEY_LABELS, LABELS, TYPES, rel_kind

# -- schema: a unique `id` per key label, an index on `id` for the class labels -----------------

NEO4J_UNIQUE_ID = "CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
NEO4J_ID_INDEX = "CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.id)"
# FalkorDB: a range index first; the unique constraint is then GRAPH.CONSTRAINT CREATE, sent
# through the falkordb client's create_node_unique_constraint (it is a command, not Cypher).
FALKORDB_ID_INDEX = "CREATE INDEX FOR (n:{label}) ON (n.id)"
FALKORDB_INDEXES = "CALL db.indexes() YIELD label, properties RETURN label, properties"

# -- the state of the database, for the diff that sync writes -----------------------------------

NODE_STATE = """MATCH (n:{label})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"""

RELATIONSHIP_STATE = """MATCH (a:{start})-[r:{type}]->(b:{end})
RETURN r.id AS id, a.id AS source, b.id AS target, properties(r) AS props"""

COUNT_NODES = "MATCH (n:{label}) RETURN count(n) AS count"
COUNT_RELATIONSHIPS = "MATCH ()-[r:{type}]->() RETURN count(r) AS count"

# -- writes: batches of rows, MERGEd on id; SET = replaces every property ------------------------

MERGE_NODES = """UNWIND $rows AS row
MERGE (n:{label} {{id: row.id}})
SET n = row.props"""
SET_LABELS = "\nSET n:{labels}"
REMOVE_LABELS = "\nREMOVE n:{labels}"

# Rows the comparison found missing are CREATEd, which skips MERGE's lookup (sync falls back to
# MERGE for a batch that meets an id written meanwhile, by a sync running at the same time).
CREATE_NODES = """UNWIND $rows AS row
CREATE (n:{labels})
SET n = row.props"""

CREATE_RELATIONSHIPS = """UNWIND $rows AS row
MATCH (a:{start} {{id: row.source}})
MATCH (b:{end} {{id: row.target}})
CREATE (a)-[r:{type}]->(b)
SET r = row.props"""

MERGE_RELATIONSHIPS = """UNWIND $rows AS row
MATCH (a:{start} {{id: row.source}})
MATCH (b:{end} {{id: row.target}})
MERGE (a)-[r:{type} {{id: row.id}}]->(b)
SET r = row.props"""

DELETE_NODES = """UNWIND $ids AS id
MATCH (n:{label} {{id: id}})
DETACH DELETE n"""

DELETE_LABEL = """MATCH (n:{label})
DETACH DELETE n"""

DELETE_RELATIONSHIPS = """UNWIND $rows AS row
MATCH (a:{start} {{id: row.source}})-[r:{type} {{id: row.id}}]->(b:{end} {{id: row.target}})
DELETE r"""

# -- reads: the twins of graph/rdf/queries.py (same columns; lists unwound to one row per value) --

ISSUES = """MATCH (i:Issue)
WHERE i.label IS NOT NULL
UNWIND coalesce(i.aliases, [null]) AS alias
RETURN i.id AS id, i.label AS label, alias"""

ACTOR_NAMES = """MATCH (a:Actor)
WHERE a.name IS NOT NULL
UNWIND coalesce(a.aliases, [null]) AS alias
RETURN a.id AS id, a.name AS name, alias"""

ROLE_HOLDERS = """MATCH (a:Actor)-[holding:HOLDS_ROLE]->(role:Role)
WHERE a.name IS NOT NULL AND role.label IS NOT NULL
UNWIND coalesce(role.aliases, [null]) AS alias
RETURN role.id AS id, role.label AS label, alias, a.id AS actor, a.name AS name,
       holding.start AS start, holding.end AS `end`"""

ENTRIES = """MATCH (e:Entry)
WHERE e.published IS NOT NULL
OPTIONAL MATCH (e)-[:AUTHORED_BY]->(author:Actor)
RETURN e.id AS id, e.title AS title, e.published AS published, e.source AS source, e.url AS url,
       e.speakerLabel AS speaker, author.name AS author, e.order AS order"""

ACTORS = """MATCH (a:Actor)
WHERE a.name IS NOT NULL AND (a:Person OR a:Organisation OR a:Place)
OPTIONAL MATCH (a)-[:MEMBER_OF]->(party:Actor)
OPTIONAL MATCH (a)-[holding:HOLDS_ROLE]->(role:Role)
UNWIND coalesce(a.aliases, [null]) AS alias
RETURN a.id AS id, a.name AS name,
       CASE WHEN a:Person THEN 'person' WHEN a:Organisation THEN 'organisation' ELSE 'place' END AS type,
       party.name AS partyName, alias, role.label AS roleLabel, holding.start AS start,
       holding.end AS `end`, a.externalIds AS externalIds"""

POSITIONS = """MATCH (p:Position)-[:HELD_BY]->(a:Actor),
      (p)-[:ON_ISSUE]->(i:Issue),
      (p)-[:EVIDENCE]->(s:Statement)-[:FROM_ENTRY]->(e:Entry)
WHERE ($issue IS NULL OR i.id = $issue) AND ($actor IS NULL OR a.id = $actor)
  AND a.name IS NOT NULL AND i.label IS NOT NULL AND s.stance IS NOT NULL
  AND e.published IS NOT NULL
RETURN p.id AS position, a.id AS actor, a.name AS actorName, i.id AS issueId,
       i.label AS issueLabel, i.source AS issueSource, p.stance AS stance, p.statementCount AS count,
       p.firstTime AS first, p.lastTime AS last, s.id AS statement, e.id AS entryId,
       e.published AS published, s.text AS text, s.stance AS statementStance,
       s.confidence AS confidence, s.cue AS cue"""

# a: the speaker (who said it), h: the holder (whose position it shows; the speaker for one's own).
STATEMENTS = """MATCH (s:Statement)-[:SPEAKER]->(a:Actor), (s)-[:HOLDER]->(h:Actor),
      (s)-[:FROM_ENTRY]->(e:Entry)
WHERE ($actor IS NULL OR a.id = $actor) AND ($holder IS NULL OR h.id = $holder)
  AND a.name IS NOT NULL AND h.name IS NOT NULL AND s.text IS NOT NULL
  AND s.kind IS NOT NULL AND s.spanStart IS NOT NULL AND s.confidence IS NOT NULL
  AND e.published IS NOT NULL
OPTIONAL MATCH (s)-[:ABOUT]->(i:Issue)
WITH s, a, h, e, i
WHERE $issue IS NULL OR i.id = $issue
RETURN s.id AS statement, a.id AS actor, a.name AS actorName, h.id AS holder,
       h.name AS holderName, s.text AS text, s.kind AS kind, e.id AS entryId,
       e.published AS published, i.id AS issueId, i.label AS issueLabel, s.stance AS stance,
       s.confidence AS confidence, s.spanStart AS start"""

READS = {"ISSUES": ISSUES, "ACTOR_NAMES": ACTOR_NAMES, "ROLE_HOLDERS": ROLE_HOLDERS, "ENTRIES": ENTRIES,
         "ACTORS": ACTORS, "POSITIONS": POSITIONS, "STATEMENTS": STATEMENTS}
READ_PARAMETERS: dict[str, dict[str, Any]] = {
    "POSITIONS": {"issue": None, "actor": None},
    "STATEMENTS": {"issue": None, "actor": None, "holder": None},
}

# -- the `standpoint cypher` command: read-only queries only ---------------------------------------

WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|LOAD\s+CSV|IN\s+TRANSACTIONS|ALTER|"
    r"RENAME|GRANT|DENY|REVOKE|START\s+DATABASE|STOP\s+DATABASE)\b",
    re.IGNORECASE,
)
_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/",
                                   re.DOTALL)


def write_clause(query: str) -> str | None:
    """The first clause that writes (CREATE, MERGE, SET, ...) outside strings and comments, if any."""
    found = WRITE_CLAUSES.search(_STRINGS_AND_COMMENTS.sub(" ", query))
    return " ".join(found.group(1).upper().split()) if found else None


# -- rendering templates with names from the closed lists --------------------------------------


def _checked(names: Sequence[str], allowed: Sequence[str]) -> str:
    """Names joined for a pattern (A:B), each checked against the closed list."""
    for name in names:
        if name not in allowed:
            raise ValueError(f"{name!r} is not in the closed list: {', '.join(allowed)}")
    return ":".join(names)


def constraint_name(label: str) -> str:
    """The name standpoint gives the schema object on a label: standpoint_<label>_id."""
    return f"standpoint_{_checked([label], LABELS).lower()}_id"


def neo4j_schema(label: str) -> str:
    """The Neo4j statement for a label: a unique constraint on a key label, else an index."""
    template = NEO4J_UNIQUE_ID if label in KEY_LABELS else NEO4J_ID_INDEX
    return template.format(name=constraint_name(label), label=label)


def _between(template: str, type_: str) -> str:
    """A relationship template filled with a type of the closed list and its end labels."""
    kind = rel_kind(_checked([type_], TYPES))
    return template.format(start=kind.start, type=kind.type, end=kind.end)


def falkordb_index(label: str) -> str:
    """FalkorDB's index on `id` for a label."""
    return FALKORDB_ID_INDEX.format(label=_checked([label], LABELS))


def node_state(label: str) -> str:
    """Every node of a key label: id, labels and properties."""
    return NODE_STATE.format(label=_checked([label], KEY_LABELS))


def relationship_state(type_: str) -> str:
    """Every relationship of a type: id, end ids and properties."""
    return _between(RELATIONSHIP_STATE, type_)


def count_nodes(label: str) -> str:
    """How many nodes carry a label."""
    return COUNT_NODES.format(label=_checked([label], LABELS))


def count_relationships(type_: str) -> str:
    """How many relationships have a type."""
    return COUNT_RELATIONSHIPS.format(type=_checked([type_], TYPES))


def merge_nodes(label: str, add: Sequence[str] = (), remove: Sequence[str] = ()) -> str:
    """MERGE a batch of nodes on (label {id}), replace their properties, set and remove class labels."""
    query = MERGE_NODES.format(label=_checked([label], KEY_LABELS))
    if add:
        query += SET_LABELS.format(labels=_checked(add, LABELS))
    if remove:
        query += REMOVE_LABELS.format(labels=_checked(remove, LABELS))
    return query


def create_nodes(label: str, add: Sequence[str] = ()) -> str:
    """CREATE a batch of new nodes of a key label with their class labels and properties."""
    return CREATE_NODES.format(labels=":".join(filter(None, [_checked([label], KEY_LABELS), _checked(add, LABELS)])))


def create_relationships(type_: str) -> str:
    """CREATE a batch of new relationships between their end nodes, with their properties."""
    return _between(CREATE_RELATIONSHIPS, type_)


def merge_relationships(type_: str) -> str:
    """MERGE a batch of relationships on their id between their end nodes; replace their properties."""
    return _between(MERGE_RELATIONSHIPS, type_)


def delete_nodes(label: str) -> str:
    """Delete a batch of nodes of a key label by id, with their relationships."""
    return DELETE_NODES.format(label=_checked([label], KEY_LABELS))


def delete_label(label: str) -> str:
    """Delete every node of a key label, with its relationships."""
    return DELETE_LABEL.format(label=_checked([label], KEY_LABELS))


def delete_relationships(type_: str) -> str:
    """Delete a batch of relationships by id and end ids."""
    return _between(DELETE_RELATIONSHIPS, type_)


def neo4j_statements() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every statement that can go to Neo4j, as (template name, query, example parameters)."""
    for label in LABELS:
        yield ("NEO4J_UNIQUE_ID" if label in KEY_LABELS else "NEO4J_ID_INDEX"), neo4j_schema(label), {}
        yield "COUNT_NODES", count_nodes(label), {}
    for label in KEY_LABELS:
        yield "NODE_STATE", node_state(label), {}
        yield "MERGE_NODES", merge_nodes(label), {"rows": []}
        yield "CREATE_NODES", create_nodes(label), {"rows": []}
        yield "DELETE_NODES", delete_nodes(label), {"ids": []}
        yield "DELETE_LABEL", delete_label(label), {}
    yield "SET_LABELS", merge_nodes("Actor", CLASS_LABELS[:1]), {"rows": []}
    yield "CREATE_NODES", create_nodes("Actor", CLASS_LABELS[:1]), {"rows": []}
    yield "REMOVE_LABELS", merge_nodes("Actor", CLASS_LABELS[:1], CLASS_LABELS[1:]), {"rows": []}
    for type_ in TYPES:
        yield "RELATIONSHIP_STATE", relationship_state(type_), {}
        yield "COUNT_RELATIONSHIPS", count_relationships(type_), {}
        yield "MERGE_RELATIONSHIPS", merge_relationships(type_), {"rows": []}
        yield "CREATE_RELATIONSHIPS", create_relationships(type_), {"rows": []}
        yield "DELETE_RELATIONSHIPS", delete_relationships(type_), {"rows": []}
    for name, query in READS.items():
        yield name, query, READ_PARAMETERS.get(name, {})
