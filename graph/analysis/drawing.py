"""A networkx projection of the store: the network `standpoint show` draws and `export` writes.

Nodes are keyed "actor:<id>", "issue:<id>" and "place:<id>"; stance edges (actor -> issue)
carry the relation (supports / opposes / mixed), a weight (number of evidence statements) and the
evidence itself. `G.graph["statements"]` lists the statements behind the stance edges, each with
its own stance (the evidence of a mixed position goes both ways), for views that cut by time.
It is a projection of the RDF, never a second truth.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import networkx as nx
import pyoxigraph as ox

from standpoint.graph.corrections import correcting
from standpoint.graph.rdf import iris, lookup, queries, read
from standpoint.graph.rdf.positions import LATEST_EVIDENCE, sort_key, when
from standpoint.graph.rdf.store import Store


def _node(kind: str, iri: str) -> str:
    return f"{kind}:{iris.local_id(iri)}"


MAX_ACTORS = 80  # what a page draws unless asked for more (`standpoint show --max-actors`)
MAX_EVIDENCE = LATEST_EVIDENCE  # what it lists per position (`--max-evidence`)
# Actors whose positions a page reads at once. On a cold page cache each lookup waits on the disk,
# and pyoxigraph lets other threads run meanwhile: a cold 100,000-entry store's drawn positions
# are read in 2.2 s instead of 4.4 s; warm, it makes no difference.
READERS = 4


def project(store: Store, issue: str | None = None, actor: str | None = None, *,
            max_actors: int | None = None, max_evidence: int | None = None,
            on: date | None = None) -> nx.MultiDiGraph[str]:
    """Actors, issues and places with stance and context edges; filtered to an issue/actor if given.

    With `max_actors`, only the actors with the most evidence are kept; with `max_evidence`, each
    stance edge carries only its latest statements (its weight still counts them all).
    G.graph["note"] says what was left out. `on` is the day on which a role given as `actor`
    ("the Home Secretary") was held.
    """
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    actors = Actors(store)
    issue_id = read.find_issue(store, issue) if issue else None
    actor_id = read.find_actor(store, actor, on) if actor else None
    kept, actors_with_positions = _busiest(store, issue_id, actor_id, max_actors)
    with ThreadPoolExecutor(READERS) as pool:
        found = pool.map(lambda a: _actor_terms(store, a, issue_id, max_evidence), kept)
        terms = [t for actor_terms in found for t in actor_terms]
    for position in _heads(terms):
        _add_actor(G, actors[position["actor"]])
        node = f"issue:{position['issueId']}"
        G.add_node(node, label=position["issueLabel"], type="issue")
        G.add_edge(
            f"actor:{position['actor']}", node, key=position["stance"],
            relation=position["stance"], weight=int(position["count"]),
            first=_moment(position["first"]), last=_moment(position["last"]), evidence=[],
        )
    _add_evidence(G, terms, correcting.checked(store))
    _add_context(G, store, actors)
    _add_issue_places(G, store, actors)
    _note(G, actors_with_positions, len(kept), max_evidence)
    return G


class Actors(dict[str, read.ActorAnswer]):
    """The actors of `read.actors` by id, each looked up through the indexes (`read.actor`) when
    first asked for: a page reads the actors it draws, not every actor of the store."""

    def __init__(self, store: Store):
        super().__init__()
        self.store = store
        self.missing: set[str] = set()

    def _find(self, actor_id: str) -> bool:
        if actor_id not in self.missing and not super().__contains__(actor_id):
            found = read.actor(self.store, actor_id)
            if found is None:
                self.missing.add(actor_id)
            else:
                self[actor_id] = found
        return super().__contains__(actor_id)

    def __contains__(self, actor_id: object) -> bool:
        return isinstance(actor_id, str) and self._find(actor_id)

    def __missing__(self, actor_id: str) -> read.ActorAnswer:
        if self._find(actor_id):
            return self[actor_id]
        raise KeyError(actor_id)

    def places(self) -> list[read.ActorAnswer]:
        """Every place of the store (issues are linked to the places their evidence names)."""
        ids = (iris.local_id(node.value) for node in lookup.places(self.store))
        return [self[place] for place in ids if place in self]


def _busiest(store: Store, issue_id: str | None, actor_id: str | None,
             count: int | None) -> tuple[list[str], int]:
    """The `count` actors (all when None) with the most statements behind their positions (on
    the issue, for the actor, when given), the most first and then by id; and how many actors
    have positions. Over the whole store, only the totals of the actors kept are read with their
    IRIs: the others are counted by TOTALS_SPREAD."""
    bound = {"derived": ox.NamedNode(str(iris.DERIVED_GRAPH))}
    if issue_id:
        bound["issue"] = ox.NamedNode(str(iris.issue(issue_id)))
    if actor_id:
        bound["actor"] = ox.NamedNode(str(iris.actor(actor_id)))
    query = queries.ACTOR_TOTALS_ON_ISSUE if issue_id else queries.ACTOR_TOTALS
    actors = None
    if count is not None and len(bound) == 1:
        spread = sorted(((int(row["total"].value), int(row["actors"].value))
                         for row in store.select(queries.TOTALS_SPREAD, **bound)), reverse=True)
        actors = sum(n for _, n in spread)
        reached = 0
        for total, n in spread:
            reached += n
            if reached >= count:
                query += queries.at_least(total)
                break
    totals = {iris.local_id(row["actor"].value): int(row["total"].value)
              for row in store.select(query, **bound)}
    return sorted(totals, key=lambda a: (-totals[a], a))[:count], len(totals) if actors is None else actors


def _actor_terms(store: Store, actor_id: str, issue_id: str | None,
                 max_evidence: int | None = None) -> list[dict[str, Any]]:
    """One actor's positions with their evidence (with `max_evidence`, what can be among each
    position's latest), through the store's indexes."""
    issue = str(iris.issue(issue_id)) if issue_id else None
    node = ox.NamedNode(str(iris.actor(actor_id)))
    return [t for t in lookup.position_terms(store, node, max_evidence)
            if issue is None or t["issue"].value == issue]


def _heads(terms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per position (as the store derived it: stance, count, first and last time), in the
    order of `standpoint positions`."""
    heads: dict[str, dict[str, Any]] = {}
    for row in terms:
        if row["position"].value not in heads:
            heads[row["position"].value] = _plain(row)
    return sorted(heads.values(), key=lambda h: (h["issueId"], h["stance"], h["actor"]))


def _moment(value: str) -> str:
    """A stored time as the positions' rows write it."""
    return when(read.iso(value)).isoformat()


def _plain(terms: dict[str, Any]) -> dict[str, Any]:
    return {k: read.plain(v) for k, v in terms.items()}


def _note(G: nx.MultiDiGraph[str], actors: int, kept: int, max_evidence: int | None) -> None:
    parts = []
    if kept < actors:
        parts.append(f"the {kept} actors with the most evidence, of {actors}")
    if max_evidence is not None and any(
            d.get("weight", 0) > len(d.get("evidence", ())) for _, _, d in G.edges(data=True) if "evidence" in d):
        parts.append(f"the latest {max_evidence} statements of each position")
    G.graph["note"] = ("showing " + " and ".join(parts)) if parts else ""


def _add_actor(G: nx.MultiDiGraph[str], actor: read.ActorAnswer) -> str:
    node = f"{'place' if actor.type == 'place' else 'actor'}:{actor.id}"
    if node not in G:
        G.add_node(node, label=actor.name, type=actor.type, party=actor.party or "",
                   roles=list(actor.roles))
    return node


def _add_evidence(G: nx.MultiDiGraph[str], terms: list[dict[str, Any]],
                  checked: dict[Any, str] | None = None) -> None:
    """Each stance edge's evidence, and G.graph["statements"]: the statements behind the stance
    edges with their own stance (the evidence of a mixed position goes both ways), for views that
    cut by time. Both hold the statements of `terms`: each position's latest, when the page lists
    only those (`lookup.position_terms`). Evidence an
    analyst checked says so in `checked` ("confirmed by alice"; see graph/corrections/correcting.py)."""
    statements, seen = [], set()
    for row in map(_plain, terms):
        source, target, stance = f"actor:{row['actor']}", f"issue:{row['issueId']}", row["stance"]
        if (row["position"], row["statement"]) in seen or not G.has_edge(source, target, key=stance):
            continue
        seen.add((row["position"], row["statement"]))
        evidence = {
            "text": row["text"], "published": read.iso(row["published"]), "entry_id": row["entryId"],
            "entry_title": row.get("entryTitle", ""), "kind": row.get("kind", ""),
            "confidence": float(row["confidence"]),
        }
        check = (checked or {}).get((row["entryId"], row["text"], row["actor"], row["issueId"]))
        if check:
            evidence["checked"] = check
        G.edges[source, target, stance]["evidence"].append(evidence)
        statements.append({"actor": source, "issue": target, "stance": row["statementStance"], **evidence})
    order = lambda e: (sort_key(e["published"]), e["entry_id"], e["text"])
    for _, _, data in G.edges(data=True):
        if "evidence" in data:
            data["evidence"] = sorted(data["evidence"], key=order)
    G.graph["statements"] = sorted(statements, key=order)


def _add_context(G: nx.MultiDiGraph[str], store: Store, actors: Actors) -> None:
    """Party membership, constituencies and locations of the actors already drawn."""
    for row in store.select(queries.NETWORK_RELATIONS):
        source_id, target_id = iris.local_id(row["from"].value), iris.local_id(row["to"].value)
        if f"actor:{source_id}" not in G or target_id not in actors:
            continue
        relation = row["relation"].value
        target = _add_actor(G, actors[target_id])
        G.add_edge(f"actor:{source_id}", target, key=relation, relation=relation, weight=1)


def _add_issue_places(G: nx.MultiDiGraph[str], store: Store, actors: Actors) -> None:
    """An issue is linked to the places its evidence names ("local inquiries" - Oldham)."""
    places = {place.id: place for place in actors.places()}
    for _, target, data in list(G.edges(data=True)):
        if not target.startswith("issue:"):
            continue
        for place in places.values():
            if any(place.name in e["text"] for e in data.get("evidence", [])):
                node = _add_actor(G, place)
                if not G.has_edge(target, node, key="mentions"):
                    G.add_edge(target, node, key="mentions", relation="mentions", weight=1)


def flat(G: nx.MultiDiGraph[str]) -> nx.MultiDiGraph[str]:
    """A copy whose attribute values GraphML and GEXF can hold: lists become JSON text."""
    import json

    H: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: _flat_value(v, json) for k, v in data.items()})
    for source, target, key, data in G.edges(keys=True, data=True):
        H.add_edge(source, target, key=key, **{k: _flat_value(v, json) for k, v in data.items()})
    return H


def _flat_value(value: Any, json: Any) -> Any:
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else value
