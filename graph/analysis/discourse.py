"""Discourse networks and their measures: who agrees with whom, who clashes, who bridges, how split.

The networks are built from statement rows (`read.StatementAnswer.analysis_row`: `actor_id`, `actor`,
`issue_id`, `issue`, `stance`, `published`, `text`, `entry_id`, `kind`, `confidence`, and
`holder_id`, `holder`), the way Discourse Network Analyzer builds them from coded statements. The
actor of a stance is the statement's holder (whose position it shows), not always its speaker:
`select` sees each row from its holder (`_from_holder`).

- `affiliation`: actor - issue, weighted by statements, signed by stance;
- `congruence`: actor - actor, linked when both take the same stance on an issue;
- `conflict`: actor - actor, linked when one supports and the other opposes an issue.

An actor's stance on an issue is its position over the statements in the rows given, decided by
graph/rdf/positions.py as for `standpoint positions`: `supports` or `opposes` when they all agree, else
`mixed`. A mixed actor takes part in neither congruence nor conflict on that issue. Restrict the rows first with `select` (time
window, issue set, confidence) and map people to their organisation or party with `members`.

Node ids are those of `drawing.project`: "actor:<id>" and "issue:<id>". Measures are plain
functions, graph first, dict out, with a `seed` where randomness enters (as in networkx).
"""

from __future__ import annotations

import csv
import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import networkx as nx

from standpoint.errors import InputError
from standpoint.graph.rdf import queries, read
from standpoint.graph.rdf.files import write_atomically
from standpoint.graph.rdf.positions import RowEvidence, holdings, sort_key, stance_of
from standpoint.graph.rdf.store import Store

__all__ = [
    "KINDS",
    "LEVELS",
    "NORMALISATIONS",
    "affiliation",
    "bridges",
    "build",
    "centrality",
    "changes",
    "coalitions",
    "conflict",
    "congruence",
    "edge_rows",
    "flat",
    "members",
    "modularity",
    "network",
    "parse_time",
    "polarisation",
    "polarisation_index",
    "polarisation_over_time",
    "select",
    "stances",
    "store_groups",
    "store_rows",
    "write_network",
]

Row = dict[str, Any]
KINDS = ("congruence", "conflict", "affiliation")
LEVELS = ("person", "organisation", "party")
NORMALISATIONS = ("none", "jaccard", "cosine", "average")
FILE_FORMATS = (".graphml", ".gexf", ".csv")
SIDES = ("supports", "opposes")
EVIDENCE_KEYS = ("actor_id", "issue_id", "stance", "published", "entry_id", "kind", "text", "speaker_id")


# -- the rows in --------------------------------------------------------------------------------

def parse_time(text: str, *, end: bool = False) -> datetime:
    """An ISO-8601 date or date-time as an aware datetime (no offset means UTC).

    A date stands for its first instant, or with `end` for its last, so that `--to 2025-01-16`
    keeps the whole day.

    >>> parse_time("2025-01-16", end=True).isoformat()
    '2025-01-16T23:59:59.999999+00:00'
    """
    value = text.strip()
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time.max if end else time.min, tzinfo=UTC)
        parsed = datetime.fromisoformat(value)
    except ValueError as err:
        raise InputError(f"{text!r} is not an ISO-8601 date (YYYY-MM-DD) or date-time") from err
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def select(rows: Iterable[Row], *, issues: Iterable[str] | None = None, start: datetime | None = None,
           end: datetime | None = None, min_confidence: float = 0.0) -> list[Row]:
    """The statement rows with a stance, about one of `issues` (ids; all when None), published
    in [start, end] (both inclusive; a date-only row counts as its midnight UTC), at least
    `min_confidence` confident; each seen from its holder (`actor_id` is the holder's)."""
    if start and end and start > end:
        raise InputError(f"the window starts ({start.isoformat()}) after it ends ({end.isoformat()})")
    wanted = set(issues) if issues is not None else None
    kept = []
    for row in rows:
        if row.get("stance") not in SIDES or not row.get("issue_id"):
            continue
        if wanted is not None and row["issue_id"] not in wanted:
            continue
        if float(row.get("confidence", 1.0)) < min_confidence:
            continue
        when = sort_key(row["published"])
        if (start and when < start) or (end and when > end):
            continue
        kept.append(_from_holder(row))
    return kept


def _from_holder(row: Row) -> Row:
    """A statement row seen from its holder: `actor`/`actor_id` are whose position it shows,
    `speaker`/`speaker_id` who said it. A row without a holder is its speaker's own; a row
    already seen from its holder is returned as it is."""
    if "speaker_id" in row:
        return row
    return {**row, "actor": row.get("holder", row["actor"]), "actor_id": row.get("holder_id", row["actor_id"]),
            "speaker": row["actor"], "speaker_id": row["actor_id"]}


def members(actors: Iterable[Row], level: str = "person", parties: Iterable[str] = ()) -> dict[str, Row]:
    """Each actor id -> the node it counts as at `level`: {"id", "label", "type", "party"}.

    - person: every actor stands for itself;
    - organisation: a person stands for their organisation (the party of the actors rows, matched
      to an organisation by name or alias); an organisation for itself; a person with none drops out;
    - party: a person stands for their party; an organisation only if it is a party (one of
      `parties`, ids, or the party of some person); everyone else drops out.
    """
    if level not in LEVELS:
        raise InputError(f"unknown level {level!r}; levels: {', '.join(LEVELS)}")
    rows = list(actors)
    organisations = {r["id"]: r for r in rows if r.get("type") == "organisation"}
    by_name = {n.casefold(): r["id"] for r in organisations.values() for n in (r["name"], *(r.get("aliases") or ()))}
    party_of = {r["id"]: _party_node(r["party"], by_name, organisations) for r in rows if r.get("party")}
    party_ids = set(parties) | {p["id"] for p in party_of.values()}
    found: dict[str, Row] = {}
    for row in rows:
        if level == "person":
            found[row["id"]] = _node_row(row)
        elif row["id"] in party_of:
            found[row["id"]] = party_of[row["id"]]
        elif row.get("type") == "organisation" and (level == "organisation" or row["id"] in party_ids):
            found[row["id"]] = _node_row(row)
    return found


def _node_row(row: Row) -> Row:
    return {"id": row["id"], "label": row["name"], "type": row.get("type") or "person",
            "party": row.get("party") or ""}


def _party_node(name: str, by_name: Mapping[str, str], organisations: Mapping[str, Row]) -> Row:
    """The organisation a party name denotes (a made-up one when the store has none by that name)."""
    key = by_name.get(name.casefold())
    if key:
        return _node_row(organisations[key])
    slug = "-".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())
    return {"id": slug or "party", "label": name, "type": "organisation", "party": ""}


# -- stances ------------------------------------------------------------------------------------

def stances(rows: Iterable[Row], groups: Mapping[str, Row] | None = None) -> dict[tuple[str, str], Row]:
    """(actor node, issue node) -> {"supports", "opposes", "stance", "latest", "changed",
    "evidence"} from statement rows: each actor's position, as graph/rdf/positions.py decides it.

    With `groups` (from `members`), each actor's statements count for its group, and actors
    without one are left out.
    """
    def key(said: RowEvidence) -> tuple[str, str] | None:
        node = _actor_node(said.row, groups)
        return (node, f"issue:{said.issue_id}") if node else None

    return {
        found: {"supports": held.supports, "opposes": held.opposes, "stance": held.stance,
                "latest": held.latest, "changed": held.changed,
                "evidence": [{k: e.row.get(k) for k in EVIDENCE_KEYS} for e in held.evidence]}
        for found, held in holdings((RowEvidence(r, _order(r)[1:]) for r in rows), key).items()
    }


def _order(row: Row) -> tuple[Any, ...]:
    return (sort_key(row["published"]), row.get("entry_id") or "", row["actor_id"], row["issue_id"],
            row.get("text") or "")


def _actor_node(row: Row, groups: Mapping[str, Row] | None) -> str | None:
    if groups is None:
        return f"actor:{row['actor_id']}"
    group = groups.get(row["actor_id"])
    return f"actor:{group['id']}" if group else None


def _add_nodes(G: nx.Graph[str], rows: Sequence[Row], groups: Mapping[str, Row] | None) -> None:
    """The actor nodes of the rows: label, type, party, the actors they stand for, statements."""
    for row in sorted(rows, key=lambda r: r["actor_id"]):
        node = _actor_node(row, groups)
        if node is None:
            continue
        group = groups[row["actor_id"]] if groups is not None else None
        if node not in G:
            G.add_node(node, label=group["label"] if group else row["actor"],
                       type=group["type"] if group else row.get("actor_type", "person"),
                       party=group["party"] if group else row.get("party", ""),
                       members=[], statements=0, bipartite=0)
        data = G.nodes[node]
        data["statements"] += 1
        if row["actor_id"] not in data["members"]:
            data["members"].append(row["actor_id"])


# -- networks -----------------------------------------------------------------------------------

def affiliation(rows: Iterable[Row], groups: Mapping[str, Row] | None = None) -> nx.Graph[str]:
    """Actor - issue network: an edge per actor and issue it took a stance on.

    Edge attributes: `weight` (statements), `sign` (+1 supports, -1 opposes, 0 mixed),
    `stance`, `supports`, `opposes`, `first`, `last` and `evidence` (the statements).
    """
    rows = list(rows)
    G: nx.Graph[str] = nx.Graph(kind="affiliation")
    _add_nodes(G, rows, groups)
    for row in sorted(rows, key=lambda r: r["issue_id"]):
        G.add_node(f"issue:{row['issue_id']}", label=row.get("issue") or row["issue_id"], type="issue",
                   bipartite=1)
    for (actor, issue), item in sorted(stances(rows, groups).items()):
        evidence = item["evidence"]
        G.add_edge(actor, issue, weight=len(evidence), sign=_SIGN[item["stance"]], stance=item["stance"],
                   supports=item["supports"], opposes=item["opposes"],
                   first=evidence[0]["published"], last=evidence[-1]["published"], evidence=evidence)
    return G


_SIGN = {"supports": 1, "opposes": -1, "mixed": 0}


def congruence(rows: Iterable[Row], groups: Mapping[str, Row] | None = None, *,
               normalise: str | None = None) -> nx.Graph[str]:
    """Actor - actor network: linked when both take the same stance on an issue.

    Edge attributes: `count` (issues they agree on), `weight` (count, or normalised: see
    `_normalised`), `statements` (the statements behind it), `issues` (ids) and `evidence`.
    """
    return _pairs(list(rows), groups, normalise, same=True)


def conflict(rows: Iterable[Row], groups: Mapping[str, Row] | None = None, *,
             normalise: str | None = None) -> nx.Graph[str]:
    """Actor - actor network: linked when one supports and the other opposes an issue.

    Edge attributes as in `congruence`, counting the issues they clash on.
    """
    return _pairs(list(rows), groups, normalise, same=False)


def _pairs(rows: list[Row], groups: Mapping[str, Row] | None, normalise: str | None, same: bool) -> nx.Graph[str]:
    if normalise not in (None, *NORMALISATIONS):
        raise InputError(f"unknown normalisation {normalise!r}; choose one of {', '.join(NORMALISATIONS)}")
    G: nx.Graph[str] = nx.Graph(kind="congruence" if same else "conflict", normalise=normalise or "none")
    _add_nodes(G, rows, groups)
    for data in G.nodes.values():
        del data["bipartite"]
    held = {key: item for key, item in stances(rows, groups).items() if item["stance"] in SIDES}
    by_issue: dict[str, list[tuple[str, Row]]] = defaultdict(list)
    for (actor, issue), item in sorted(held.items()):
        by_issue[issue].append((actor, item))
    for issue, holders in sorted(by_issue.items()):
        for i, (a, first) in enumerate(holders):
            for b, second in holders[i + 1:]:
                if (first["stance"] == second["stance"]) == same:
                    _link(G, a, b, issue, first, second)
    active = _activity(held)
    for a, b, data in G.edges(data=True):
        data["weight"] = _normalised(data["count"], active[a], active[b], normalise)
    return G


def _activity(held: Mapping[tuple[str, str], Row]) -> dict[str, int]:
    """How many issues each actor holds a (non-mixed) stance on."""
    counts: dict[str, int] = defaultdict(int)
    for actor, _issue in held:
        counts[actor] += 1
    return counts


def _link(G: nx.Graph[str], a: str, b: str, issue: str, first: Row, second: Row) -> None:
    """Add an issue (and the statements of both sides' stances) to the edge a - b."""
    if not G.has_edge(a, b):
        G.add_edge(a, b, count=0, statements=0, issues=[], evidence=[])
    data = G.edges[a, b]
    evidence = [e for item in (first, second) for e in item["evidence"] if e["stance"] == item["stance"]]
    data["count"] += 1
    data["statements"] += len(evidence)
    data["issues"].append(issue.removeprefix("issue:"))
    data["evidence"].extend(sorted(evidence, key=lambda e: (sort_key(e["published"]), e["actor_id"])))


def _normalised(count: int, a: int, b: int, normalise: str | None) -> float | int:
    """The weight of an edge of `count` shared issues between actors holding stances on a and b.

    jaccard: count / |A ∪ B|; cosine: count / sqrt(|A| |B|); average (Discourse Network
    Analyzer's "average activity"): count / ((|A| + |B|) / 2); none: the count itself.
    """
    if normalise in (None, "none"):
        return count
    if normalise == "jaccard":
        return round(count / (a + b - count), 6)
    if normalise == "cosine":
        return round(count / math.sqrt(a * b), 6)
    return round(count / ((a + b) / 2), 6)


BUILDERS: dict[str, Callable[..., nx.Graph[str]]] = {
    "affiliation": lambda rows, groups, normalise: affiliation(rows, groups),
    "congruence": lambda rows, groups, normalise: congruence(rows, groups, normalise=normalise),
    "conflict": lambda rows, groups, normalise: conflict(rows, groups, normalise=normalise),
}


def build(kind: str, rows: Iterable[Row], groups: Mapping[str, Row] | None = None, *,
          normalise: str | None = None) -> nx.Graph[str]:
    """One of the networks by name (KINDS)."""
    if kind not in BUILDERS:
        raise InputError(f"unknown network {kind!r}; networks: {', '.join(KINDS)}")
    return BUILDERS[kind](rows, groups, normalise)


def network(store: Store, kind: str, *, issues: Iterable[str] = (), start: datetime | None = None,
            end: datetime | None = None, level: str = "person", normalise: str | None = None,
            min_confidence: float = 0.0) -> nx.Graph[str]:
    """A network (KINDS) of the statements in a store, restricted and aggregated as asked.

    `issues` are ids, labels or aliases (any case); the graph's attributes record the choices.
    """
    rows = store_rows(store, issues=issues, start=start, end=end, min_confidence=min_confidence)
    G = build(kind, rows, store_groups(store, level), normalise=normalise)
    G.graph.update(level=level, start=start.isoformat() if start else "", end=end.isoformat() if end else "",
                   issues=sorted({r["issue_id"] for r in rows}))
    return G


def store_rows(store: Store, *, issues: Iterable[str] = (), start: datetime | None = None,
               end: datetime | None = None, min_confidence: float = 0.0) -> list[Row]:
    """The store's statements with a stance, selected as in `select` (issues by id, label or alias)."""
    wanted = sorted({read.find_issue(store, issue) for issue in issues}) or None
    return select([s.analysis_row() for s in read.statements(store)], issues=wanted, start=start, end=end, min_confidence=min_confidence)


def store_groups(store: Store, level: str = "person") -> dict[str, Row]:
    """`members` of the store's actors at a level, its registry's parties known as parties."""
    parties = {row["id"].value for row in store.select(queries.PARTIES)}
    actors = [
        {"id": row["id"].value, "name": row["name"].value, "aliases": [],
         "type": read.TYPES[read.plain(row["type"]).rsplit("/", 1)[-1]],
         "party": row["partyName"].value if "partyName" in row else None}
        for row in store.select(queries.ACTOR_PARTIES)
    ]
    return members(actors, level, parties)


# -- measures -----------------------------------------------------------------------------------

def coalitions(G: nx.Graph[str], *, weight: str = "weight", resolution: float = 1.0, seed: int = 0) -> dict[str, int]:
    """Node -> coalition number: Louvain communities of a congruence network, numbered from 1
    by size (largest first), then by their first node; an isolated node is a coalition of one."""
    if G.number_of_nodes() == 0:
        return {}
    found = nx.community.louvain_communities(G, weight=weight, resolution=resolution, seed=seed)
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return {node: number for number, group in enumerate(ordered, 1) for node in group}


def modularity(G: nx.Graph[str], coalition: Mapping[str, int], *, weight: str = "weight") -> float:
    """The modularity of a partition (as from `coalitions`); 0 for a graph without edges."""
    if G.number_of_edges() == 0:
        return 0.0
    groups: dict[int, set[str]] = defaultdict(set)
    for node, number in coalition.items():
        groups[number].add(node)
    return float(nx.community.modularity(G, groups.values(), weight=weight))


def bridges(G: nx.Graph[str], coalition: Mapping[str, int], *, weight: str = "weight") -> dict[str, float]:
    """The nodes linked into more than one coalition, with their participation coefficient.

    P(i) = 1 - sum over coalitions c of (k_ic / k_i)^2, k the weighted degree (Guimerà & Amaral):
    0 when all of a node's ties stay in one coalition, towards 1 when spread evenly over many.
    Highest first.
    """
    found = {}
    for node in G:
        ties: dict[int, float] = defaultdict(float)
        for other, data in G[node].items():
            ties[coalition[other]] += float(data.get(weight, 1))
        total = sum(ties.values())
        if len(ties) > 1:
            found[node] = round(1 - sum((k / total) ** 2 for k in ties.values()), 6)
    return dict(sorted(found.items(), key=lambda item: (-item[1], item[0])))


def centrality(G: nx.Graph[str], *, weight: str = "weight") -> dict[str, dict[str, float]]:
    """Node -> {"degree", "strength", "betweenness"}.

    degree: the share of other nodes it is linked to; strength: the sum of its edge weights;
    betweenness: normalised betweenness with each edge's length 1 / weight, so that strong ties
    are short.
    """
    H: nx.Graph[str] = nx.Graph()
    H.add_nodes_from(G)
    H.add_edges_from((a, b, {"length": 1 / float(d.get(weight, 1)) if d.get(weight, 1) else math.inf})
                     for a, b, d in G.edges(data=True))
    between = nx.betweenness_centrality(H, weight="length", normalized=True)
    degree = nx.degree_centrality(G) if len(G) > 1 else dict.fromkeys(G, 0.0)
    return {
        node: {"degree": round(degree[node], 6),
               "strength": round(sum(float(d.get(weight, 1)) for d in G[node].values()), 6),
               "betweenness": round(between[node], 6)}
        for node in sorted(G)
    }


def polarisation_index(supports: int, opposes: int) -> float | None:
    """1 - |supports - opposes| / (supports + opposes): 0 when all actors are on one side,
    1 when they split evenly; None when no actor takes a side.

    >>> polarisation_index(3, 1)
    0.5
    """
    total = supports + opposes
    return None if not total else round(1 - abs(supports - opposes) / total, 6)


def polarisation(A: nx.Graph[str]) -> dict[str, Row]:
    """Issue node -> {"issue_id", "issue", "supports", "opposes", "mixed", "polarisation"} of an
    affiliation network: actors (not statements) counted by their stance on the issue, so a
    talkative actor weighs as much as a quiet one."""
    found = {}
    for issue in sorted(A.nodes):
        data = A.nodes[issue]
        if data.get("type") != "issue":
            continue
        counts = dict.fromkeys(("supports", "opposes", "mixed"), 0)
        for edge in A[issue].values():
            counts[edge["stance"]] += 1
        found[issue] = {"issue_id": issue.removeprefix("issue:"), "issue": data["label"], **counts,
                        "polarisation": polarisation_index(counts["supports"], counts["opposes"])}
    return found


def polarisation_over_time(rows: Iterable[Row], groups: Mapping[str, Row] | None = None) -> list[Row]:
    """How polarisation moves: one row per issue and time a statement on it was made, with the
    actors' stances (graph/rdf/positions.py) over all statements up to then ({"published",
    "issue_id", "issue", "supports", "opposes", "mixed", "polarisation"}), in time order."""
    said: dict[tuple[str, str], list[str]] = defaultdict(list)
    found: list[Row] = []
    ordered = sorted(rows, key=_order)
    for index, row in enumerate(ordered):
        node = _actor_node(row, groups)
        if node is not None:
            said[(node, row["issue_id"])].append(row["stance"])
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        if following and (following["published"], following["issue_id"]) == (row["published"], row["issue_id"]):
            continue
        tally = dict.fromkeys(("supports", "opposes", "mixed"), 0)
        for (_actor, issue), stances_so_far in said.items():
            if issue == row["issue_id"]:
                tally[stance_of(stances_so_far)] += 1
        found.append({"published": row["published"], "issue_id": row["issue_id"],
                      "issue": row.get("issue") or row["issue_id"], **tally,
                      "polarisation": polarisation_index(tally["supports"], tally["opposes"])})
    return _last_per_time(found)


def _last_per_time(found: list[Row]) -> list[Row]:
    """One row per (time, issue): the last, which has seen every statement made at that time."""
    last: dict[tuple[str, str], Row] = {}
    for row in found:
        last[(row["published"], row["issue_id"])] = row
    return sorted(last.values(), key=lambda r: (sort_key(r["published"]), r["issue_id"]))


def changes(timeline: Iterable[Row]) -> list[Row]:
    """Where an actor's stance on an issue changed, with the statement before and the one after.

    From timeline rows (`read.timeline`, time order, `changed` and `previous` set): one row each,
    {"actor", "actor_id", "issue", "issue_id", "from", "to", "published", "before", "after"},
    `before` and `after` being {"text", "published", "entry_id", "kind"}.
    """
    last: dict[tuple[str, str], Row] = {}
    found = []
    for row in timeline:
        key = (row["actor_id"], row["issue_id"])
        if row.get("changed") and key in last:
            found.append({
                "actor": row["actor"], "actor_id": row["actor_id"], "issue": row["issue"],
                "issue_id": row["issue_id"], "from": row.get("previous") or last[key]["stance"],
                "to": row["stance"], "published": row["published"],
                "before": _said(last[key]), "after": _said(row),
            })
        last[key] = row
    return found


def _said(row: Row) -> Row:
    return {"text": row["text"], "published": row["published"], "entry_id": row["entry_id"],
            "kind": row.get("kind")}


# -- out ----------------------------------------------------------------------------------------

def edge_rows(G: nx.Graph[str]) -> list[Row]:
    """The edges of a network as rows for the CLI: source and target (labels and ids), then the
    edge's attributes; heaviest first."""
    rows = []
    for a, b, data in G.edges(data=True):
        if G.nodes[a].get("type") == "issue":
            a, b = b, a
        rows.append({
            "source": G.nodes[a].get("label", a), "source_id": a.split(":", 1)[-1],
            "target": G.nodes[b].get("label", b), "target_id": b.split(":", 1)[-1],
            "weight": data.get("weight"), **{k: v for k, v in data.items() if k != "weight"},
        })
    return sorted(rows, key=lambda r: (-float(r["weight"]), r["source_id"], r["target_id"]))


def flat(G: nx.Graph[str]) -> nx.Graph[str]:
    """A copy whose attribute values GraphML and GEXF can hold: lists and dicts become JSON text,
    None the empty string."""
    H = G.__class__()
    H.graph.update({k: _flat(v) for k, v in G.graph.items()})
    H.add_nodes_from((n, {k: _flat(v) for k, v in d.items()}) for n, d in G.nodes(data=True))
    H.add_edges_from((a, b, {k: _flat(v) for k, v in d.items()}) for a, b, d in G.edges(data=True))
    return H


def _flat(value: Any) -> Any:
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else value


def _write_csv(G: nx.Graph[str], path: str) -> None:
    rows = [{k: _flat(v) for k, v in row.items()} for row in edge_rows(G)]
    columns = list(dict.fromkeys(k for row in rows for k in row)) or ["source", "source_id", "target", "target_id"]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


WRITERS: dict[str, Callable[[nx.Graph[str], str], None]] = {
    ".graphml": lambda G, path: nx.write_graphml(flat(G), path),
    ".gexf": lambda G, path: nx.write_gexf(flat(G), path),
    ".csv": _write_csv,
}


def write_network(G: nx.Graph[str], out: Path) -> Path:
    """Write a network to GraphML, GEXF or an edge-list CSV, by the file's suffix, atomically."""
    out = Path(out)
    writer = WRITERS.get(out.suffix.lower())
    if writer is None:
        raise InputError(f"cannot tell the format of {out.name!r}; end the name in {', '.join(FILE_FORMATS)}")
    return write_atomically(out, lambda temp: writer(G, temp), "the network")
