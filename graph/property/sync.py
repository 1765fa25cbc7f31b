"""Sync: make the graph database hold exactly the store's projection, writing only what differs.

1. the schema first: a unique `id` per key label (graph/property/database.py's ensure_schema);
2. the database's current nodes and relationships of our labels and types are read and compared
   with the projection, row by row, on `id`;
3. what is no longer in the store is deleted (relationships, then nodes), then what is new is
   CREATEd and what changed is MERGEd on `id`, with all its properties, in batches of
   `UNWIND $rows` rows, one managed transaction per batch.
Re-running it writes nothing. A sync that is interrupted (the server dies, the user stops it) leaves
every batch it finished, and the next sync completes the rest: the comparison finds whatever is
still missing or stale. Only rows the comparison found missing are CREATEd, which spares MERGE's
lookup; a batch of them that meets a node written meanwhile (another sync into the same graph at
the same time breaks the unique `id`) is sent again as a MERGE, which never makes a duplicate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from standpoint.errors import GraphDatabaseError
from standpoint.graph.property import cypher
from standpoint.graph.property.database import GraphDatabase
from standpoint.graph.property.projection import (
    CLASS_LABELS,
    KEY_LABELS,
    LABELS,
    NODE_KINDS,
    TYPES,
    Projection,
    project,
)
from standpoint.graph.rdf.store import Store

Row = dict[str, Any]
Progress = Callable[[int, int], None]
BATCH_SIZE = 1000


@dataclass
class Change:
    """What a sync did to one label or relationship type."""

    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0


@dataclass
class SyncReport:
    """Created, updated, deleted and unchanged counts per key label and per relationship type."""

    target: str = ""
    nodes: dict[str, Change] = field(default_factory=dict)
    relationships: dict[str, Change] = field(default_factory=dict)

    def rows(self) -> list[Row]:
        """One row per label and type, for printing."""
        return [
            {"kind": kind, "name": name, **vars(change)}
            for kind, changes in (("node", self.nodes), ("relationship", self.relationships))
            for name, change in changes.items()
        ]

    def total(self, what: str) -> int:
        """The sum of one count (created, updated, deleted, unchanged) over labels and types."""
        return sum(getattr(c, what) for c in (*self.nodes.values(), *self.relationships.values()))


@dataclass
class Plan:
    """The writes that make one label or type in the database equal to the projection: the
    rows to delete, the new rows to create and the changed rows to merge."""

    stale: list[Row] = field(default_factory=list)
    new: list[Row] = field(default_factory=list)
    changed: list[Row] = field(default_factory=list)
    change: Change = field(default_factory=Change)

    def created(self, row: Row) -> None:
        self.change.created += 1
        self.new.append(row)

    def updated(self, row: Row) -> None:
        self.change.updated += 1
        self.changed.append(row)


def _no_progress(done: int, total: int) -> None:
    """The default progress callback: report nothing."""


def sync(store: Store, db: GraphDatabase, batch_size: int = BATCH_SIZE,
         progress: Progress = _no_progress) -> SyncReport:
    """Write the store's graph to the database (see the module docstring)."""
    return sync_projection(project(store), db, batch_size, progress)


def sync_projection(projection: Projection, db: GraphDatabase, batch_size: int = BATCH_SIZE,
                    progress: Progress = _no_progress) -> SyncReport:
    """Make the database hold exactly this projection: schema, deletes, then batched MERGEs."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    for label in KEY_LABELS:
        db.check_ids(label, (row["id"] for row in projection.nodes.get(label, [])))
    db.ensure_schema(KEY_LABELS, CLASS_LABELS)
    nodes = {label: plan_nodes(projection.nodes.get(label, []), db.run_read(cypher.node_state(label), {}))
             for label in KEY_LABELS}
    rels = {t: plan_relationships(projection.relationships.get(t, []),
                                  db.run_read(cypher.relationship_state(t), {}))
            for t in TYPES}
    total = sum(len(p.stale) + len(p.new) + len(p.changed) for p in (*nodes.values(), *rels.values()))
    batches = Batches(db, batch_size, progress, total)
    for type_, plan in rels.items():
        batches.write(cypher.delete_relationships(type_), "rows", [_endpoints(r) for r in plan.stale])
    for label, plan in nodes.items():
        batches.write(cypher.delete_nodes(label), "ids", [row["id"] for row in plan.stale])
    for label, plan in nodes.items():
        for (add, remove), rows in label_groups(label, plan.new):
            batches.write(cypher.create_nodes(label, add), "rows", rows,
                          cypher.merge_nodes(label, add, remove), _props, _node)
        for (add, remove), rows in label_groups(label, plan.changed):
            batches.write(cypher.merge_nodes(label, add, remove), "rows", [_node(r) for r in rows])
    for type_, plan in rels.items():
        batches.write(cypher.create_relationships(type_), "rows", plan.new, cypher.merge_relationships(type_),
                      _ends_and_props)
        batches.write(cypher.merge_relationships(type_), "rows", plan.changed)
    return SyncReport(db.target.shown, {label: p.change for label, p in nodes.items()},
                      {t: p.change for t, p in rels.items()})


def same(a: Any, b: Any) -> bool:
    """Equal as stored values: floats to the 15 significant digits FalkorDB gives back."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) \
            and not isinstance(a, bool) and not isinstance(b, bool) and f"{a:.15g}" == f"{b:.15g}"
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def _node(row: Row) -> Row:
    return {"id": row["id"], "props": row["props"]}


def _props(row: Row) -> Row:
    """A new node as CREATE needs it: its properties (which hold its id)."""
    return {"props": row["props"]}


def _ends_and_props(row: Row) -> Row:
    """A new relationship as CREATE needs it: its ends and properties (which hold its id)."""
    return {"source": row["source"], "target": row["target"], "props": row["props"]}


def _endpoints(row: Row) -> Row:
    return {"id": row["id"], "source": row["source"], "target": row["target"]}


def _by_id(state: Iterable[Row]) -> tuple[dict[str, Row], set[str]]:
    """Database rows by id, and the ids held more than once (or by rows without an id)."""
    found: dict[str, Row] = {}
    repeated: set[str] = set()
    for row in state:
        if row["id"] in found:
            repeated.add(row["id"])
        found[row["id"]] = row
    return found, repeated


def plan_nodes(rows: Sequence[Row], state: Iterable[Row]) -> Plan:
    """Compare projection node rows with the database's (id, labels, props) rows."""
    found, _ = _by_id(state)
    plan = Plan()
    for row in rows:
        old = found.pop(row["id"], None)
        if old is None:
            plan.created(row)
        elif set(old["labels"]) != set(row["labels"]) or not same(old["props"], row["props"]):
            plan.updated(row)
        else:
            plan.change.unchanged += 1
    plan.stale = [{"id": key} for key in found if key is not None]
    plan.change.deleted = len(plan.stale)
    return plan


def plan_relationships(rows: Sequence[Row], state: Iterable[Row]) -> Plan:
    """Compare projection relationship rows with the database's (id, source, target, props) rows.

    A relationship held twice, or whose ends moved, is deleted and written again.
    """
    found, repeated = _by_id(state)
    plan = Plan()
    for row in rows:
        old = found.pop(row["id"], None)
        if old is None:
            plan.created(row)
        elif row["id"] in repeated or _endpoints(old) != _endpoints(row):
            plan.stale.append(old)
            plan.updated(row)
        elif not same(old["props"], row["props"]):
            plan.updated(row)
        else:
            plan.change.unchanged += 1
    stale = [row for key, row in found.items() if key is not None]
    plan.stale += stale
    plan.change.deleted = len(stale)
    return plan


def label_groups(label: str, rows: Sequence[Row]) -> Iterator[tuple[tuple[tuple[str, ...], tuple[str, ...]], list[Row]]]:
    """Rows grouped by the class labels to set and to remove (labels cannot be parameters)."""
    kind = next(k for k in NODE_KINDS if k.label == label)
    family = [name for _, name in kind.class_labels]
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[Row]] = {}
    for row in rows:
        add = tuple(name for name in family if name in row["labels"])
        remove = tuple(name for name in family if name not in add)
        groups.setdefault((add, remove), []).append(row)
    return iter(groups.items())


class Batches:
    """Writes rows in batches, one managed transaction each, and reports progress."""

    def __init__(self, db: GraphDatabase, size: int, progress: Progress, total: int):
        self.db, self.size, self.progress, self.total, self.done = db, size, progress, total, 0

    def write(self, query: str, name: str, rows: Sequence[Any], fallback: str | None = None,
              shape: Callable[[Any], Any] | None = None, fallback_shape: Callable[[Any], Any] | None = None) -> None:
        """Send rows as the parameter `name`, batch by batch, each cut to `shape` (only what the
        query reads: the client spells every value out in the query text); a batch the database
        refuses is sent again as `fallback` (its rows cut to `fallback_shape`) when there is one:
        a CREATE that met an id written meanwhile."""
        for start in range(0, len(rows), self.size):
            batch = rows[start:start + self.size]
            try:
                self.db.run_write(query, {name: _shaped(batch, shape)})
            except GraphDatabaseError:
                if fallback is None:
                    raise
                self.db.run_write(fallback, {name: _shaped(batch, fallback_shape)})
            self.done += len(batch)
            self.progress(self.done, self.total)


def _shaped(rows: Sequence[Any], shape: Callable[[Any], Any] | None) -> list[Any]:
    return [shape(r) for r in rows] if shape else list(rows)


def clear(db: GraphDatabase) -> None:
    """Delete every node of our key labels, and so every relationship of ours (a fresh start)."""
    for label in KEY_LABELS:
        db.run_write(cypher.delete_label(label), {})


def counts(db: GraphDatabase) -> dict[str, int]:
    """How many nodes carry each label and how many relationships have each type, in the database."""
    found = {label: _count(db, cypher.count_nodes(label)) for label in LABELS}
    found.update({t: _count(db, cypher.count_relationships(t)) for t in TYPES})
    return found


def _count(db: GraphDatabase, query: str) -> int:
    rows = db.run_read(query, {})
    return int(rows[0]["count"]) if rows else 0


def expected_counts(projection: Projection) -> dict[str, int]:
    """The counts `counts` gives once the projection is synced."""
    return {**projection.label_counts(), **projection.type_counts()}


def snapshot(db: GraphDatabase) -> dict[str, list[Row]]:
    """Every node and relationship of our labels and types, sorted: to compare two databases."""
    found: dict[str, list[Row]] = {}
    for label in KEY_LABELS:
        rows = db.run_read(cypher.node_state(label), {})
        found[label] = sorted(({**r, "labels": sorted(r["labels"])} for r in rows), key=_key)
    for type_ in TYPES:
        found[type_] = sorted(db.run_read(cypher.relationship_state(type_), {}), key=_key)
    return found


def _key(row: Mapping[str, Any]) -> str:
    return str(row.get("id"))
