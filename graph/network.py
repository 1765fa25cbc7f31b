"""A networkx projection of the store for analysis, drawing and GraphML/GEXF export.

Nodes are keyed "actor:<id>", "issue:<id>" and "place:<id>"; stance edges (actor -> issue)
carry the relation (supports / opposes / mixed), a weight (number of evidence statements) and the
evidence itself. `G.graph["statements"]` lists the statements behind the stance edges, each with
its own stance (the evidence of a mixed position goes both ways), for views that cut by time.
It is a projection of the RDF, never a second truth.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from standpoint.graph import iris, queries, read
from standpoint.graph.store import Store


def _node(kind: str, iri: str) -> str:
    return f"{kind}:{iris.local_id(iri)}"


def project(store: Store, issue: str | None = None, actor: str | None = None) -> nx.MultiDiGraph:
    """Actors, issues and places with stance and context edges; filtered to an issue/actor if given."""
    G = nx.MultiDiGraph()
    actors = {row["id"]: row for row in read.actors(store)}
    issue_id = read.find_issue(store, issue) if issue else None
    actor_id = read.find_actor(store, actor) if actor else None
    for position in read.positions(store, issue=issue_id, actor=actor_id):
        _add_actor(G, actors[position["actor_id"]])
        node = f"issue:{position['issue_id']}"
        G.add_node(node, label=position["issue"], type="issue")
        G.add_edge(
            f"actor:{position['actor_id']}", node, key=position["stance"],
            relation=position["stance"], weight=position["statements"],
            first=position["first"], last=position["last"], evidence=[],
        )
    _add_evidence(G, store)
    _add_statements(G, store)
    _add_context(G, store, actors)
    _add_issue_places(G, store, actors)
    return G


def _add_actor(G: nx.MultiDiGraph, row: dict[str, Any]) -> str:
    node = f"{'place' if row['type'] == 'place' else 'actor'}:{row['id']}"
    if node not in G:
        G.add_node(node, label=row["name"], type=row["type"], party=row["party"] or "",
                   roles=list(row["roles"]))
    return node


def _add_evidence(G: nx.MultiDiGraph, store: Store) -> None:
    for row in store.select(queries.NETWORK_EDGES):
        source, target = _node("actor", row["actor"].value), _node("issue", row["issue"].value)
        stance = row["stance"].value.rsplit("#", 1)[-1]
        if not G.has_edge(source, target, key=stance):
            continue
        G.edges[source, target, stance]["evidence"].append({
            "text": row["text"].value, "published": read.iso(row["published"].value),
            "entry_id": row["entryId"].value,
            "entry_title": row["entryTitle"].value if "entryTitle" in row else "",
            "kind": row["kind"].value.rsplit("#", 1)[-1],
            "confidence": float(row["confidence"].value),
        })
    for _, _, data in G.edges(data=True):
        if "evidence" in data:
            data["evidence"].sort(key=lambda e: (e["published"], e["entry_id"], e["text"]))


def _add_statements(G: nx.MultiDiGraph, store: Store) -> None:
    """G.graph["statements"]: each statement behind a stance edge, with its own stance and time."""
    G.graph["statements"] = [
        {"actor": f"actor:{row['actor_id']}", "issue": f"issue:{row['issue_id']}", "stance": row["stance"],
         "published": row["published"], "entry_id": row["entry_id"], "text": row["text"],
         "kind": row["kind"], "confidence": row["confidence"]}
        for row in read.statements(store)
        if row["stance"] and G.has_edge(f"actor:{row['actor_id']}", f"issue:{row['issue_id']}")
    ]


def _add_context(G: nx.MultiDiGraph, store: Store, actors: dict[str, dict[str, Any]]) -> None:
    """Party membership, constituencies and locations of the actors already drawn."""
    for row in store.select(queries.NETWORK_RELATIONS):
        source_id, target_id = iris.local_id(row["from"].value), iris.local_id(row["to"].value)
        if f"actor:{source_id}" not in G or target_id not in actors:
            continue
        relation = row["relation"].value
        target = _add_actor(G, actors[target_id])
        G.add_edge(f"actor:{source_id}", target, key=relation, relation=relation, weight=1)


def _add_issue_places(G: nx.MultiDiGraph, store: Store, actors: dict[str, dict[str, Any]]) -> None:
    """An issue is linked to the places its evidence names ("local inquiries" - Oldham)."""
    places = {row["id"]: row for row in actors.values() if row["type"] == "place"}
    for _, target, data in list(G.edges(data=True)):
        if not target.startswith("issue:"):
            continue
        for place in places.values():
            if any(place["name"] in e["text"] for e in data.get("evidence", [])):
                node = _add_actor(G, place)
                if not G.has_edge(target, node, key="mentions"):
                    G.add_edge(target, node, key="mentions", relation="mentions", weight=1)


def flat(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attribute values GraphML and GEXF can hold: lists become JSON text."""
    import json

    H = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: _flat_value(v, json) for k, v in data.items()})
    for source, target, key, data in G.edges(keys=True, data=True):
        H.add_edge(source, target, key=key, **{k: _flat_value(v, json) for k, v in data.items()})
    return H


def _flat_value(value: Any, json: Any) -> Any:
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else value
