"""The data of `standpoint report`: positions, coalitions, bridges, polarisation and changes.

`report_data(store, ...)` reads the store once and returns plain values (rows as dicts) plus the
congruence and conflict networks (networkx graphs) for the pictures; `summarise(rows, ...)` does
the work on statement rows, so it can be fed hand-built rows too. `visualisations/report.py`
turns the result into HTML.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

import networkx as nx

from standpoint.graph.analysis import discourse
from standpoint.graph.corrections import correcting
from standpoint.graph.rdf import read
from standpoint.graph.rdf.positions import sort_key
from standpoint.graph.rdf.store import Store

__all__ = ["report_data", "summarise"]

Row = dict[str, Any]


def report_data(store: Store, *, issues: Iterable[str] = (), start: datetime | None = None,
                end: datetime | None = None, level: str = "person", normalise: str | None = None,
                min_confidence: float = 0.0, seed: int = 0) -> Row:
    """Everything the report shows, for the statements of a store in a window and issue set."""
    said = read.statements(store)
    wanted = sorted({read.find_issue(store, issue) for issue in issues}) or None
    rows = discourse.select([s.analysis_row() for s in said], issues=wanted, start=start, end=end, min_confidence=min_confidence)
    kept = {_key(r) for r in rows}
    everything = [answer.row() for answer in read.timeline_answers(said)]
    data = summarise(rows, discourse.store_groups(store, level), normalise=normalise, seed=seed,
                     timeline=[r for r in everything if _key(r) in kept])
    # a change made in the window is listed even when the statement before it is older
    data["changes"] = [c for c in discourse.changes(everything) if _key({**c, **c["after"]}) in kept]
    _mark_checked(data["positions"], correcting.checked(store))
    data["choices"] = {"level": level, "from": start.isoformat() if start else None,
                       "to": end.isoformat() if end else None, "issues": sorted({r["issue_id"] for r in rows}),
                       "normalise": normalise or "none", "min_confidence": min_confidence, "seed": seed}
    return data


def summarise(rows: Sequence[Row], groups: Mapping[str, Row] | None = None, *,
              timeline: Sequence[Row] = (), normalise: str | None = None, seed: int = 0) -> Row:
    """The report's data from statement rows (already selected) and timeline rows."""
    A = discourse.affiliation(rows, groups)
    C = discourse.congruence(rows, groups, normalise=normalise)
    K = discourse.conflict(rows, groups, normalise=normalise)
    coalition = discourse.coalitions(C, seed=seed)
    central = discourse.centrality(C)
    label = {n: d["label"] for n, d in C.nodes(data=True)}
    return {
        "counts": _counts(rows, A),
        "positions": _positions(A),
        "coalitions": _coalitions(C, coalition),
        "modularity": round(discourse.modularity(C, coalition), 6),
        "bridges": [
            {"id": _id(n), "actor": label[n], "coalition": coalition[n], "participation": p,
             "betweenness": central[n]["betweenness"]}
            for n, p in discourse.bridges(C, coalition).items()
        ],
        "centrality": sorted(
            ({"id": _id(n), "actor": label[n], "coalition": coalition[n], **m} for n, m in central.items()),
            key=lambda r: (-r["strength"], -r["betweenness"], r["id"]),
        ),
        "polarisation": list(discourse.polarisation(A).values()),
        "polarisation_over_time": discourse.polarisation_over_time(rows, groups),
        "conflicts": discourse.edge_rows(K),
        "changes": discourse.changes(timeline),
        "stances": _stance_points(rows, groups, timeline),
        "congruence": C,
        "conflict": K,
        "coalition_of": coalition,
    }


def _mark_checked(positions: Iterable[Row], checked: Mapping[Any, str]) -> None:
    """Evidence an analyst confirmed or corrected says so: `checked`, "confirmed by alice"."""
    for position in positions:
        for evidence in position["evidence"]:
            check = checked.get((evidence["entry_id"], evidence["text"], evidence["actor_id"], evidence["issue_id"]))
            if check:
                evidence["checked"] = check


def _key(row: Row) -> tuple[str, str, str, str]:
    return (row["actor_id"], row["issue_id"], row["entry_id"], row["text"])


def _id(node: str) -> str:
    return node.split(":", 1)[-1]


def _counts(rows: Sequence[Row], A: nx.Graph[str]) -> Row:
    times = sorted((r["published"] for r in rows), key=sort_key)
    kinds = [d.get("type") for _, d in A.nodes(data=True)]
    return {"statements": len(rows), "entries": len({r["entry_id"] for r in rows}),
            "actors": sum(k != "issue" for k in kinds), "issues": kinds.count("issue"),
            "positions": A.number_of_edges(), "first": times[0] if times else None,
            "last": times[-1] if times else None}


def _positions(A: nx.Graph[str]) -> list[Row]:
    """One row per actor and issue: the stance (graph/rdf/positions.py), its counts, first and
    last time, evidence."""
    found = []
    for a, b, data in A.edges(data=True):
        actor, issue = (a, b) if A.nodes[b].get("type") == "issue" else (b, a)
        found.append({
            "actor": A.nodes[actor]["label"], "actor_id": _id(actor), "issue": A.nodes[issue]["label"],
            "issue_id": _id(issue), "stance": data["stance"], "supports": data["supports"],
            "opposes": data["opposes"], "statements": data["weight"], "first": data["first"],
            "last": data["last"], "evidence": data["evidence"],
        })
    return sorted(found, key=lambda r: (r["issue_id"], r["stance"], -r["statements"], r["actor_id"]))


def _coalitions(C: nx.Graph[str], coalition: Mapping[str, int]) -> list[Row]:
    """Each coalition: its members and the issues on which its members agree with each other."""
    found: dict[int, Row] = {}
    for node in sorted(C, key=lambda n: (coalition[n], n)):
        item = found.setdefault(coalition[node], {"number": coalition[node], "members": [], "issues": {}})
        item["members"].append({"id": _id(node), "actor": C.nodes[node]["label"]})
    for a, b, data in C.edges(data=True):
        if coalition[a] == coalition[b]:
            issues = found[coalition[a]]["issues"]
            for evidence in data["evidence"]:
                issues.setdefault(evidence["issue_id"], evidence["stance"])
    for item in found.values():
        item["issues"] = [{"issue_id": k, "stance": v} for k, v in sorted(item["issues"].items())]
    return list(found.values())


def _stance_points(rows: Sequence[Row], groups: Mapping[str, Row] | None, timeline: Sequence[Row]) -> list[Row]:
    """Each statement as a point of the stances-over-time chart: when, who (at the level), which
    issue, which way, and whether the actor's stance (the holder's) changed there."""
    changed = {(r["actor_id"], r["issue_id"], r["entry_id"], r["text"]) for r in timeline if r.get("changed")}
    points = []
    for row in rows:
        group = groups.get(row["actor_id"]) if groups is not None else None
        if groups is not None and group is None:
            continue
        points.append({
            "published": row["published"], "actor": group["label"] if group else row["actor"],
            "issue": row.get("issue") or row["issue_id"], "issue_id": row["issue_id"], "stance": row["stance"],
            "changed": (row["actor_id"], row["issue_id"], row["entry_id"], row["text"]) in changed,
        })
    return sorted(points, key=lambda p: (sort_key(p["published"]), p["actor"], p["issue_id"]))
