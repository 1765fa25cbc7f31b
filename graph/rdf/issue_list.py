"""`standpoint issues`: every issue of the store, from the registry or found in the text, with
its statements, the actors on each side and the first and last time it was spoken of."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from standpoint.graph.rdf import queries
from standpoint.graph.rdf.positions import sort_key
from standpoint.graph.rdf.read import Row, iso, plain
from standpoint.graph.rdf.store import Store


def issues(store: Store) -> list[Row]:
    statements = [{k: plain(v) for k, v in row.items()} for row in store.select(queries.ISSUE_STATEMENTS)]
    sides = [{k: plain(v) for k, v in row.items()} for row in store.select(queries.ISSUE_SIDES)]
    return issue_rows(statements, sides)


def issue_rows(statements: Iterable[Row], sides: Iterable[Row]) -> list[Row]:
    """One row per issue: {id, label, issue_source, statements, supports, opposes, mixed, first,
    last}; `supports` counts the actors whose position supports it. Most spoken of first."""
    rows: dict[str, dict[str, Any]] = {}
    times: dict[str, set[tuple[str, str]]] = {}
    for row in statements:
        rows.setdefault(row["id"], {
            "id": row["id"], "label": row["label"], "issue_source": row.get("source") or "registry",
            "statements": 0, "supports": 0, "opposes": 0, "mixed": 0, "first": None, "last": None})
        if row.get("statement"):
            times.setdefault(row["id"], set()).add((row["statement"], row["time"]))
    for row in sides:
        if row["id"] in rows and row["stance"] in ("supports", "opposes", "mixed"):
            rows[row["id"]][row["stance"]] = int(row["actors"])
    for issue_id, found in times.items():
        ordered = sorted((time for _, time in found), key=sort_key)
        rows[issue_id].update(statements=len(found), first=iso(ordered[0]), last=iso(ordered[-1]))
    return sorted(rows.values(), key=lambda r: (-r["statements"], r["id"]))
