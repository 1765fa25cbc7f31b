"""The interactive network page: one self-contained HTML file that works offline.

`write_page(G, out)` draws actors, issues and places from a networkx projection of the store,
with supports / opposes / mixed edges whose tooltips carry the quotes behind them, a legend and
filters by issue and by actor. Two more views draw actor - actor ties from the same statements:
congruence (same stance on an issue) and conflict (opposite stances), by the rules of
`graph/analysis/discourse.py`, the conflict ties also as a matrix; a time window (two sliders) restricts
every view to the statements made in it, and clicking an edge lists its statements in the side
panel. After the layout settles, the page's script moves nodes until no two nodes' boxes (shape
and label) overlap and no edge runs through a node.

The network (nodes, edges, groups, options) is assembled with `pyvis.network.Network`, and
rendered through the project's own Jinja2 template (`templates/page.html.j2`, autoescaped), not
pyvis's: pyvis's page loads vis-network from a CDN and inserts its heading unescaped. The page's
JavaScript and CSS are package files (`static/`); vis-network, shipped inside the pyvis package,
is inlined, and a Content-Security-Policy lets only the page's own scripts run and lets nothing
be fetched.

Every text in G comes from scraped sources and is treated as hostile: the template escapes
markup, data goes in as `script_json` (safe inside <script>), and the page's JavaScript puts
texts into the DOM only with `textContent`; tooltips are plain strings, which vis-network shows
as text.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from .colours import (
    CONTEXT_EDGE,
    KNOWN_PARTIES,
    NO_PARTY,
    NODE_STYLES,
    STANCE_COLOURS,
    party_colour,
    party_key,
)

__all__ = ["network", "page_data", "page_html", "script_json", "statement_records", "write_page"]

STANCES = ("supports", "opposes", "mixed")
ACTOR_TYPES = ("person", "organisation")
TYPE_NAMES = {
    "person": "Person",
    "organisation": "Organisation",
    "issue": "Issue",
    "place": "Place",
}
RELATION_NAMES = {
    "member_of": "member of",
    "constituency": "constituency",
    "located_in": "located in",
    "mentions": "mentions",
}
MAX_QUOTES = 8
# Actor - actor ties of the congruence and conflict views.
PAIR_COLOURS = {"congruence": "#1565C0", "conflict": "#C62828"}
MAX_QUOTE_CHARS = 420
LAYOUT_SEED = 20250116

_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def script_json(value: Any) -> str:
    """JSON that is safe inside an HTML <script>: no `<`, `>`, `&`, U+2028/2029, non-ASCII.

    >>> script_json({"q": "</script>"})
    '{"q":"\\\\u003c/script\\\\u003e"}'
    """
    return json.dumps(value, ensure_ascii=True, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


def _text(value: Any, default: str = "") -> str:
    """A value from the graph as a display string ("" / default for None)."""
    if value is None:
        return default
    return str(value)


def _when(value: Any) -> str:
    """A published time as 'YYYY-MM-DD HH:MM' (plus its offset unless UTC), or the date."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return str(value)
    if isinstance(value, datetime):
        offset = value.utcoffset()
        zone = "" if offset is None else " UTC" if not offset else value.strftime(" %z")
        return value.strftime("%Y-%m-%d %H:%M") + zone
    if isinstance(value, date):
        return value.isoformat()
    return _text(value)


def _roles(attrs: Mapping[str, Any]) -> list[str]:
    """The node's roles as a list of strings, whatever shape the attribute has."""
    roles = attrs.get("roles") or []
    if isinstance(roles, str):
        return [roles]
    return [_text(role) for role in roles]


def _label(G: nx.MultiDiGraph[str], node: Any) -> str:
    """The display name of a node, falling back to its id."""
    return _text(G.nodes[node].get("label"), _text(node)) or _text(node)


def _type(G: nx.MultiDiGraph[str], node: Any) -> str:
    """The node's type, one of NODE_STYLES (a node of unknown type is drawn as a place)."""
    kind = _text(G.nodes[node].get("type"))
    return kind if kind in NODE_STYLES else "place"


def _stance_edges(G: nx.MultiDiGraph[str]) -> Iterator[tuple[Any, Any, Mapping[str, Any]]]:
    """The supports / opposes / mixed edges of G as (actor, issue, attributes)."""
    for source, target, attrs in G.edges(data=True):
        if attrs.get("relation") in STANCES:
            yield source, target, attrs


def _weight(attrs: Mapping[str, Any]) -> int:
    """The number of evidence statements of a stance edge (at least 1)."""
    try:
        return max(1, int(attrs.get("weight") or len(attrs.get("evidence") or ()) or 1))
    except (TypeError, ValueError, OverflowError):
        return 1


def _party_names(G: nx.MultiDiGraph[str]) -> set[str]:
    """The party names people in G belong to, lower-cased."""
    return {_text(a.get("party")).lower() for _n, a in G.nodes(data=True) if a.get("party")}


def _node_party(G: nx.MultiDiGraph[str], node: Any, parties: set[str]) -> str | None:
    """The party a node is coloured by: its `party`, or itself when it is a party.

    An organisation is a party when people in G are members of a party of that name, or when
    its name is a well-known party name (KNOWN_PARTIES).
    """
    attrs = G.nodes[node]
    if attrs.get("party"):
        return _text(attrs["party"])
    label = _label(G, node)
    if _type(G, node) == "organisation" and label.lower() in parties | KNOWN_PARTIES:
        return label
    return None


def _stance_counts(G: nx.MultiDiGraph[str], node: Any) -> dict[str, int]:
    """How many actors support, oppose or are mixed on an issue."""
    counts = dict.fromkeys(STANCES, 0)
    for _source, _target, attrs in G.in_edges(node, data=True):
        if attrs.get("relation") in STANCES:
            counts[attrs["relation"]] += 1
    return counts


def node_title(G: nx.MultiDiGraph[str], node: Any, party: str | None) -> str:
    """The plain-text tooltip of a node: name, type, party, roles."""
    attrs = G.nodes[node]
    kind = _type(G, node)
    lines = [_label(G, node), TYPE_NAMES[kind] + (f" · {party}" if party else "")]
    lines += [f"Role: {role}" for role in _roles(attrs)]
    if kind == "issue":
        counts = _stance_counts(G, node)
        lines.append(", ".join(f"{counts[s]} {s}" for s in STANCES))
    if attrs.get("discovered"):
        lines.append("(found in the text, not in the registry)")
    return "\n".join(lines)


def _node_size(G: nx.MultiDiGraph[str], node: Any) -> float:
    """Dot size of an actor: grows with the statements behind its positions."""
    statements = sum(
        _weight(a) for _s, _t, a in G.out_edges(node, data=True) if a.get("relation") in STANCES
    )
    return round(13 + 4 * math.sqrt(statements), 1)


def vis_groups() -> dict[str, dict[str, Any]]:
    """The vis-network groups, one per node type: shape, label font, and the colours of issues
    and places (an actor carries its own: its party's)."""
    groups: dict[str, dict[str, Any]] = {}
    for kind, style in NODE_STYLES.items():
        fill = style["background"]
        groups[kind] = {
            "shape": style["shape"],
            "color": {
                "background": fill,
                "border": style["border"],
                "highlight": {"background": fill, "border": "#000000"},
                "hover": {"background": fill, "border": "#000000"},
            },
            "widthConstraint": {"maximum": 190 if kind == "issue" else 160},
        }
        if kind in ACTOR_TYPES:  # vis-network lets a group's colour win over a node's own
            del groups[kind]["color"]
    groups["issue"].update(font={"color": "#FFFFFF", "size": 15, "strokeWidth": 0}, margin=10, mass=2)
    groups["place"].update(size=11, font={"color": "#3E5A55", "size": 12})
    return groups


def vis_node(G: nx.MultiDiGraph[str], node: Any, parties: set[str]) -> dict[str, Any]:
    """The vis-network record of one node: its group (type), and for actors the party colour,
    or no fill and a dashed border when it has no party."""
    kind = _type(G, node)
    party = _node_party(G, node, parties)
    record: dict[str, Any] = {
        "id": _text(node),
        "label": _label(G, node),
        "title": node_title(G, node, party),
        "kind": kind,
        "group": kind,
        "shape": NODE_STYLES[kind]["shape"],
    }
    if kind in ACTOR_TYPES:
        fill = party_colour(party) if party else NO_PARTY
        record.update(size=_node_size(G, node), borderWidth=1.5, color={
            "background": fill,
            "border": NODE_STYLES[kind]["border"],
            "highlight": {"background": fill, "border": "#000000"},
            "hover": {"background": fill, "border": "#000000"},
        })
        if not party:
            record["shapeProperties"] = {"borderDashes": [3, 2]}
    return record


def _quote(evidence: Mapping[str, Any]) -> str:
    """One evidence statement as tooltip lines: time and entry, then the text."""
    text = " ".join(_text(evidence.get("text")).split())
    if len(text) > MAX_QUOTE_CHARS:
        text = text[: MAX_QUOTE_CHARS - 1].rstrip() + "…"
    kind = _text(evidence.get("kind"), "statement")
    text = f"“{text}”" if kind == "direct" else text
    head = " · ".join(
        part
        for part in (_when(evidence.get("published")), _text(evidence.get("entry_title")))
        if part
    )
    confidence = evidence.get("confidence")
    number = isinstance(confidence, int | float) and not isinstance(confidence, bool)
    note = f"{kind}, confidence {confidence:.2f}" if number else kind
    checked = _text(evidence.get("checked"))
    note = f"✓ {checked}; {note}" if checked else note
    return f"{head}\n{text} ({note})"


def stance_title(G: nx.MultiDiGraph[str], source: Any, target: Any, attrs: Mapping[str, Any]) -> str:
    """The plain-text tooltip of a stance edge: who, stance, issue, then the evidence."""
    evidence = [e for e in attrs.get("evidence") or () if isinstance(e, Mapping)]
    evidence.sort(key=lambda e: _text(e.get("published")))
    weight = _weight(attrs)
    head = (
        f"{_label(G, source)} {attrs['relation']} {_label(G, target)}\n"
        f"{weight} statement{'s' if weight != 1 else ''}"
    )
    blocks = [head, *(_quote(e) for e in evidence[:MAX_QUOTES])]
    if len(evidence) > MAX_QUOTES:
        blocks.append(f"… and {len(evidence) - MAX_QUOTES} more")
    return "\n\n".join(blocks)


def _stance_edge(
    G: nx.MultiDiGraph[str], source: Any, target: Any, attrs: Mapping[str, Any]
) -> dict[str, Any]:
    """The vis-network record of a stance edge: stance colour, width by evidence."""
    colour = STANCE_COLOURS[attrs["relation"]]
    return {
        "stance": attrs["relation"],
        "title": stance_title(G, source, target, attrs),
        "color": {"color": colour, "highlight": colour, "hover": colour, "inherit": False},
        "width": round(min(8.0, 2 + 1.8 * math.log2(_weight(attrs))), 1),
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
    }


def _context_edge(
    G: nx.MultiDiGraph[str], source: Any, target: Any, attrs: Mapping[str, Any]
) -> dict[str, Any]:
    """The vis-network record of a member_of / constituency / located_in / mentions edge."""
    relation = _text(attrs.get("relation"), "related to")
    name = RELATION_NAMES.get(relation, relation.replace("_", " "))
    return {
        "relation": relation,
        "title": f"{_label(G, source)} — {name} — {_label(G, target)}",
        "color": {
            "color": CONTEXT_EDGE,
            "highlight": "#6B7077",
            "hover": "#6B7077",
            "inherit": False,
        },
        "width": 1,
        "dashes": [4, 4],
        "length": 110,
        "arrows": {"to": {"enabled": False}},
    }


def vis_edges(G: nx.MultiDiGraph[str]) -> list[dict[str, Any]]:
    """The vis-network records of all edges, parallel edges bent apart."""
    records: list[dict[str, Any]] = []
    seen: dict[frozenset[str], int] = {}
    for index, (source, target, attrs) in enumerate(G.edges(data=True)):
        make = _stance_edge if attrs.get("relation") in STANCES else _context_edge
        record = {
            "id": f"e{index}",
            "from": _text(source),
            "to": _text(target),
            **make(G, source, target, attrs),
        }
        pair = frozenset((record["from"], record["to"]))
        if seen.get(pair):
            record["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * seen[pair]}
        seen[pair] = seen.get(pair, 0) + 1
        records.append(record)
    return records


def vis_options(seed: int = LAYOUT_SEED) -> dict[str, Any]:
    """vis-network options: a fixed layout seed so the same graph renders the same.

    The page runs the physics only to stabilise the layout, then turns it off and clears
    overlaps (see static/page.js), so what a reader sees does not depend on timing. Edges are
    straight (parallel ones bent apart), so the script can keep them clear of other nodes.
    """
    return {
        "groups": vis_groups(),
        "layout": {"randomSeed": seed, "improvedLayout": True},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "centralGravity": 0.02,
                "springLength": 90,
                "springConstant": 0.06,
                "avoidOverlap": 0.6,
            },
            "stabilization": {"enabled": True, "iterations": 1000, "fit": True},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "navigationButtons": False,
            "keyboard": False,
        },
        "nodes": {
            # labels are drawn (and measured) at every zoom, so the layout can keep them apart
            "scaling": {"label": {"drawThreshold": 0}},
            "font": {
                "face": "system-ui, sans-serif",
                "size": 14,
                "color": "#1D2327",
                "strokeWidth": 3,
                "strokeColor": "#FFFFFF",
            }
        },
        "edges": {
            "smooth": {"enabled": False},
            "selectionWidth": 1.5,
            "hoverWidth": 1,
        },
    }


def _options(items: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    """Filter choices as {id, label}, sorted by label."""
    return [{"id": i, "label": label} for i, label in sorted(items, key=lambda x: x[1].lower())]


def _epoch(value: Any) -> int | None:
    """A published time as milliseconds since 1970 (a date is its midnight UTC); None if unreadable."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, datetime):
        value = value if value.tzinfo else value.replace(tzinfo=UTC)
        return round(float(value.timestamp()) * 1000)
    if isinstance(value, date):
        return round(datetime(value.year, value.month, value.day, tzinfo=UTC).timestamp() * 1000)
    return None


def _day_or_when(value: Any) -> str:
    """A date-only time as its date; any other as `_when` writes it."""
    if isinstance(value, str) and "T" not in value:
        return value
    return _when(value)


def _statements(G: nx.MultiDiGraph[str]) -> Iterator[Mapping[str, Any]]:
    """The statements behind the stance edges: G.graph["statements"] when the projection gives
    them (each with its own stance), else each edge's evidence with the edge's stance (the
    evidence of a mixed edge then has no side and is left out)."""
    given = G.graph.get("statements")
    if isinstance(given, list):
        yield from (s for s in given if isinstance(s, Mapping))
        return
    for source, target, attrs in _stance_edges(G):
        for evidence in attrs.get("evidence") or ():
            if isinstance(evidence, Mapping):
                yield {**evidence, "actor": source, "issue": target,
                       "stance": evidence.get("stance") or attrs["relation"]}


def statement_records(G: nx.MultiDiGraph[str]) -> list[dict[str, Any]]:
    """The statements as the page's script reads them, in time order: actor `a`, issue `i`,
    stance `s`, time `t` (ms, or None), `when` and `entry` (display strings), text `x`, kind `k`,
    and `c`: an analyst's check ("confirmed by alice"), or "" for the machine's alone."""
    titles = {
        _text(e.get("entry_id")): _text(e.get("entry_title"))
        for _s, _t, attrs in _stance_edges(G)
        for e in attrs.get("evidence") or ()
        if isinstance(e, Mapping) and e.get("entry_title")
    }
    records = []
    for statement in _statements(G):
        actor, issue = statement.get("actor"), statement.get("issue")
        if statement.get("stance") not in ("supports", "opposes") or actor not in G or issue not in G:
            continue
        entry = _text(statement.get("entry_id"))
        records.append({
            "a": _text(actor), "i": _text(issue), "s": statement["stance"],
            "t": _epoch(statement.get("published")), "when": _day_or_when(statement.get("published")),
            "entry": titles.get(entry) or entry, "x": " ".join(_text(statement.get("text")).split()),
            "k": _text(statement.get("kind"), "statement"),
            "c": _text(statement.get("checked")),
        })
    records.sort(key=lambda r: (r["t"] is None, r["t"] or 0, r["a"], r["i"], r["x"]))
    return records


def _time_stops(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The distinct statement times, in order, as the stops of the time window's sliders."""
    stops: dict[int, str] = {}
    for record in records:
        if record["t"] is not None:
            stops.setdefault(record["t"], record["when"])
    return [{"t": t, "label": label} for t, label in sorted(stops.items())]


def pair_layout(records: Iterable[Mapping[str, Any]], seed: int = LAYOUT_SEED) -> dict[str, list[float]]:
    """Where the agreement and conflict views put each actor: a seeded spring layout of the
    congruence network of all the statements (actors tied by the issues on which their
    stances, as graph/rdf/positions.py decides them, agree), so coalitions sit together; in the
    page's coordinates."""
    from standpoint.graph.rdf.positions import stance_of

    said: dict[tuple[str, str], list[str]] = {}
    for record in records:
        said.setdefault((record["a"], record["i"]), []).append(record["s"])
    held: dict[str, dict[str, str]] = {}
    for (actor, issue), stances in sorted(said.items()):
        held.setdefault(issue, {})[actor] = stance_of(stances)
    C: nx.Graph[str] = nx.Graph()
    C.add_nodes_from(sorted({actor for actor, _issue in said}))
    for by_actor in held.values():
        actors = sorted(a for a, s in by_actor.items() if s != "mixed")
        for n, a in enumerate(actors):
            for b in actors[n + 1:]:
                if by_actor[a] == by_actor[b]:
                    weight = C.edges[a, b]["weight"] + 1 if C.has_edge(a, b) else 1
                    C.add_edge(a, b, weight=weight)
    if not C:
        return {}
    scale = 140 + 90 * math.sqrt(len(C))
    layout = nx.spring_layout(C, weight="weight", seed=seed, k=1.8 / math.sqrt(len(C)))
    return {node: [round(float(x) * scale, 1), round(float(y) * scale, 1)] for node, (x, y) in layout.items()}


def network(G: nx.MultiDiGraph[str]) -> Network:
    """The pyvis Network of G: its nodes, edges, groups and options (not rendered by pyvis)."""
    net = Network(directed=True, cdn_resources="in_line")
    parties = _party_names(G)
    for node in G.nodes:
        record = vis_node(G, node, parties)
        colour = record.pop("color", None)
        net.add_node(record["id"], **{k: v for k, v in record.items() if k != "id"})
        if colour:  # add_node drops a colour given with a group
            net.get_node(record["id"])["color"] = colour
    for record in vis_edges(G):
        net.add_edge(record.pop("from"), record.pop("to"), **record)
    net.options = vis_options()
    return net


def page_data(G: nx.MultiDiGraph[str]) -> dict[str, Any]:
    """Everything the page's script needs: vis nodes, edges, options, filter choices, and the
    statements (with their times) from which the congruence and conflict views are drawn."""
    net = network(G)
    nodes = net.nodes
    statements = statement_records(G)
    return {
        "nodes": nodes,
        "edges": net.edges,
        "options": net.options,
        "issues": _options((n["id"], n["label"]) for n in nodes if n["kind"] == "issue"),
        "actors": _options((n["id"], n["label"]) for n in nodes if n["kind"] in ACTOR_TYPES),
        "statements": statements,
        "times": _time_stops(statements),
        "pairLayout": pair_layout(statements),
        "pairColours": PAIR_COLOURS,
        "maxQuotes": MAX_QUOTES,
    }


def _shape(kind: str, text: str) -> dict[str, Any]:
    """A legend row for a node type: its shape in its default colours."""
    style = NODE_STYLES[kind]
    return {"kind": "shape", "shape": style["shape"], "colour": style["background"],
            "border": style["border"], "text": text}


def _line(colour: str, text: str, dashed: bool = False) -> dict[str, Any]:
    """A legend row for an edge: a line of its colour."""
    return {"kind": "line", "colour": colour, "text": text, "dashed": dashed}


def legend(G: nx.MultiDiGraph[str]) -> list[dict[str, Any]]:
    """The legend as data for the template: stance colours, node types, the party colours
    present in G (and "no party" when an actor has none), the views' ties."""
    stances = [_line(STANCE_COLOURS[s], s) for s in STANCES]
    stances.append(_line(CONTEXT_EDGE, "member of, constituency, place", dashed=True))
    kinds = [_shape(k, TYPE_NAMES[k]) for k in NODE_STYLES]
    members = _party_names(G)
    of = {n: _node_party(G, n, members) for n in G.nodes if _type(G, n) in ACTOR_TYPES}
    shown: dict[tuple[str, ...] | str, str] = {}
    for party in sorted({p for p in of.values() if p}, key=str.lower):
        shown.setdefault(party_key(party) or party, party)
    parties: list[dict[str, Any]] = [
        {"kind": "party", "colour": party_colour(p), "border": "#4A4F55", "text": p} for p in shown.values()
    ]
    if any(p is None for p in of.values()):
        parties.append({"kind": "party", "colour": NO_PARTY, "border": "#4A4F55", "empty": True,
                        "text": "no party (dashed outline, no fill)"})
    ties = [_line(PAIR_COLOURS["congruence"], "same stance (agreement view)"),
            _line(PAIR_COLOURS["conflict"], "opposite stances (conflict view)", dashed=True)]
    sections = [("Stance", stances), ("Node", kinds), ("Party", parties), ("Ties", ties)]
    return [{"name": name, "items": items} for name, items in sections if items]


def _vis_asset(name: str) -> str:
    """A file of the vis-network build that ships inside the pyvis package."""
    return (resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / name).read_text(
        encoding="utf-8"
    )


def static_file(name: str) -> str:
    """A file of the page's own JavaScript or CSS (`visualisations/static/`)."""
    return (resources.files(__package__) / "static" / name).read_text(encoding="utf-8")


TEMPLATES = Environment(
    loader=PackageLoader(__package__, "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    keep_trailing_newline=True,
)


def _csp(scripts: Iterable[str]) -> str:
    """A Content-Security-Policy allowing only these inline scripts and no fetch at all."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; font-src 'none'; connect-src 'none'; form-action 'none'; "
        "base-uri 'none'"
    )


def _summary(G: nx.MultiDiGraph[str]) -> str:
    """The subtitle: how many actors, issues and positions the page shows."""
    kinds = [_type(G, n) for n in G.nodes]
    actors = sum(k in ACTOR_TYPES for k in kinds)
    positions = sum(1 for _ in _stance_edges(G))
    counts = ((actors, "actor"), (kinds.count("issue"), "issue"), (positions, "position"))
    summary = " · ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts)
    note = G.graph.get("note")
    return f"{summary} · {note}" if note else summary


def _trusted(text: str, what: str) -> Markup:
    """A script or style shipped with the package, to go into the page unescaped."""
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"the bundled {what} contains a closing tag and cannot be inlined")
    return Markup(text)


def page_html(G: nx.MultiDiGraph[str], *, title: str = "standpoint") -> str:
    """The whole page as one HTML string (see the module docstring for what it holds)."""
    vis_js, script = _vis_asset("vis-network.min.js"), static_file("page.js")
    return TEMPLATES.get_template("page.html.j2").render(
        csp=Markup(_csp((vis_js, script))),  # our own text: hashes and fixed words
        title=title,
        summary=_summary(G),
        vis_css=_trusted(_vis_asset("vis-network.css"), "vis-network style"),
        style=_trusted(static_file("page.css"), "page style"),
        vis_js=_trusted(vis_js, "vis-network script"),
        legend=legend(G),
        data=Markup(script_json(page_data(G))),
        script=_trusted(script, "page script"),
    )


def write_page(G: nx.MultiDiGraph[str], out: Path, *, title: str = "standpoint") -> Path:
    """Write the interactive network of G to `out` (one offline HTML file) and return its path."""
    from standpoint.errors import InputError

    out = Path(out)
    page = page_html(G, title=title)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8", errors="replace")
    except OSError as err:
        raise InputError(f"cannot write the page: {err.strerror or err}", str(out)) from err
    return out
