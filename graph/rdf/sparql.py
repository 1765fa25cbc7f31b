"""Raw SPARQL from the command line: results as plain rows."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from standpoint.graph.rdf.store import Store


def _term(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return term.value
    return getattr(term, "value", str(term))


def run_query(store: Store, query: str) -> list[dict[str, Any]]:
    """SELECT rows, ASK as one row {"result": bool}, CONSTRUCT/DESCRIBE as subject/predicate/object rows."""
    result = store.query(query)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return [{name: _term(row[name]) for name in names} for row in result]
    if isinstance(result, ox.QueryBoolean):
        return [{"result": bool(result)}]
    return [
        {"subject": _term(t.subject), "predicate": _term(t.predicate), "object": _term(t.object)}
        for t in result
    ]
