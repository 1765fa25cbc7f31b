"""The report's pictures, drawn by matplotlib (and networkx's matplotlib drawing) as SVG.

Each function returns a `data:image/svg+xml;base64,...` URI, for an <img> of a page that works
offline: an SVG shown through <img> runs no script and fetches nothing, whatever text it holds.
Text is drawn as paths and ids are salted with a constant, so the same data gives the same bytes.
"""

from __future__ import annotations

import base64
import io
import itertools
import math
import warnings
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from standpoint.graph.positions import sort_key

from .colours import STANCE_COLOURS

__all__ = ["network_chart", "polarisation_chart", "stances_chart"]

MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">", "h", "p")
COALITION_COLOURS = ("#1F77B4", "#FF7F0E", "#2CA02C", "#9467BD", "#8C564B", "#E377C2", "#17BECF",
                     "#BCBD22", "#7F7F7F", "#D62728")
CONGRUENCE_EDGE = "#5C7FA3"
CONFLICT_EDGE = STANCE_COLOURS["opposes"]
MAX_ACTORS = 40
MAX_ISSUES = 8
MAX_LABELS = 40
MAX_TICKS = 10
MAX_DAY_LINES = 40
STYLE: dict[Any, Any] = {
    "svg.fonttype": "path",
    "svg.hashsalt": "standpoint",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _svg(figure: Figure) -> str:
    """The figure as an SVG data URI (no date in it, so the same figure gives the same bytes)."""
    buffer = io.BytesIO()
    with matplotlib.rc_context(STYLE), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph missing from the font is drawn as a box
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _short(text: str, limit: int = 34) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def stances_chart(points: Sequence[Mapping[str, Any]]) -> str:
    """Each actor's statements over time: a row per actor, a mark per statement coloured by
    stance and shaped by issue; a ringed mark is where the actor's stance changed.

    `points` are {"published", "actor", "issue", "stance", "changed"}; only the MAX_ACTORS actors
    with the most statements are drawn.
    """
    busiest = [a for a, _ in Counter(p["actor"] for p in points).most_common(MAX_ACTORS)]
    first: dict[str, Any] = {}
    for point in sorted(points, key=lambda p: sort_key(p["published"])):
        first.setdefault(point["actor"], sort_key(point["published"]))
    actors = sorted(busiest, key=lambda a: (first[a], a), reverse=True)
    issues = [i for i, _ in Counter(p["issue"] for p in points).most_common()]
    marker = {issue: MARKERS[n % len(MARKERS)] for n, issue in enumerate(issues)}
    row = {actor: n for n, actor in enumerate(actors)}
    shown = [p for p in points if p["actor"] in row]
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(9.5, max(2.8, 1.4 + 0.32 * len(actors))))
        ax = figure.add_subplot()
        x = _time_axis(ax, [p["published"] for p in shown])
        offset = {issue: 0.18 * ((n % 3) - 1) for n, issue in enumerate(issues)}
        groups: dict[tuple[str, str], list[tuple[int, float]]] = {}
        for point in shown:
            xy = (x[point["published"]], row[point["actor"]] + offset[point["issue"]])
            groups.setdefault((point["stance"], point["issue"]), []).append(xy)
            if point.get("changed"):
                groups.setdefault(("changed", ""), []).append(xy)
        for (stance, issue), xys in sorted(groups.items()):
            xs, ys = [p[0] for p in xys], [p[1] for p in xys]
            if stance == "changed":
                ax.scatter(xs, ys, s=190, marker="o", facecolors="none", edgecolors="#111111", linewidths=1.2)
            else:
                ax.scatter(xs, ys, s=46, marker=marker[issue], alpha=0.85, linewidths=0,
                           color=STANCE_COLOURS.get(stance, "#777777"))
        ax.set_yticks(range(len(actors)), [_short(a) for a in actors])
        ax.set_ylim(-0.7, max(0.7, len(actors) - 0.3))
        ax.grid(axis="x", color="#E3E5E8", linewidth=0.6)
        handles = [Line2D([], [], linestyle="", marker="o", color=STANCE_COLOURS[s], label=s)
                   for s in ("supports", "opposes")]
        handles += [Line2D([], [], linestyle="", marker=marker[i], color="#555555", label=_short(i, 48))
                    for i in issues[:len(MARKERS)]]
        handles.append(Line2D([], [], linestyle="", marker="o", markerfacecolor="none",
                              markeredgecolor="#111111", markersize=10, label="stance changed"))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
        if not points:
            ax.text(0.5, 0.5, "no statements with a stance", ha="center", transform=ax.transAxes)
        return _svg(figure)


def _time_axis(ax: Any, times: Sequence[str]) -> dict[str, int]:
    """Place times evenly in time order (a busy afternoon and a quiet month get the same room);
    return each time's x, and label up to MAX_TICKS of them, a dotted line where a day begins
    (unless more than MAX_DAY_LINES days begin)."""
    ordered = sorted(set(times), key=sort_key)
    x = {t: n for n, t in enumerate(ordered)}
    ticks = ordered[:: max(1, math.ceil(len(ordered) / MAX_TICKS))]
    ax.set_xticks([x[t] for t in ticks], [_tick(t) for t in ticks], rotation=30, ha="right")
    days = [current for previous, current in itertools.pairwise(ordered)
            if sort_key(previous).date() != sort_key(current).date()]
    for current in days if len(days) <= MAX_DAY_LINES else ():
        ax.axvline(x[current] - 0.5, color="#B0B4BA", linewidth=0.7, linestyle=":")
    ax.set_xlim(-0.7, max(0.7, len(ordered) - 0.3))
    ax.set_xlabel("time order (evenly spaced; a dotted line starts a new day)")
    return x


def _tick(value: str) -> str:
    """A time as a short tick label: "16 Jan 2025 15:22", or the date alone for a date."""
    when = sort_key(value)
    return when.strftime("%d %b %Y") if "T" not in value else when.strftime("%d %b %Y %H:%M")


def polarisation_chart(rows: Sequence[Mapping[str, Any]]) -> str:
    """Polarisation of each issue over time, as steps (from `analysis.polarisation_over_time`);
    the MAX_ISSUES issues with the most points are drawn."""
    issues = [i for i, _ in Counter(r["issue"] for r in rows).most_common(MAX_ISSUES)]
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(9.5, 4.2))
        ax = figure.add_subplot()
        x = _time_axis(ax, [r["published"] for r in rows if r["issue"] in issues])
        for n, issue in enumerate(issues):
            mine = [r for r in rows if r["issue"] == issue and r["polarisation"] is not None]
            if not mine:
                continue
            times = [x[r["published"]] for r in mine]
            values = [r["polarisation"] for r in mine]
            ax.step(times, values, where="post", marker=MARKERS[n % len(MARKERS)], markersize=4,
                    color=COALITION_COLOURS[n % len(COALITION_COLOURS)], label=_short(issue, 48))
        ax.set_ylim(-0.05, 1.05)
        ax.set_ylabel("polarisation (0 one-sided, 1 even split)")
        ax.grid(axis="y", color="#E3E5E8", linewidth=0.6)
        if issues:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
        else:
            ax.text(0.5, 0.5, "no statements with a stance", ha="center", transform=ax.transAxes)
        return _svg(figure)


def network_chart(C: nx.Graph, coalition: Mapping[str, int], K: nx.Graph | None = None, *,
                  seed: int = 0) -> str:
    """The coalition network: congruence ties (blue, wider for more shared issues) laid out by a
    seeded spring layout, conflict ties (red, dashed) over them, actors coloured by coalition.

    Only the MAX_LABELS strongest actors are named when there are more.
    """
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(9.5, 7))
        ax = figure.add_subplot()
        ax.set_axis_off()
        if C.number_of_nodes() == 0:
            ax.text(0.5, 0.5, "no actors with a stance", ha="center", transform=ax.transAxes)
            return _svg(figure)
        position = nx.spring_layout(C, weight="weight", seed=seed, k=1.6 / math.sqrt(len(C)))
        strength = dict(C.degree(weight="weight"))
        heaviest = max((float(d["weight"]) for _, _, d in C.edges(data=True)), default=1.0) or 1.0
        if K is not None:
            conflicts = [(a, b) for a, b in K.edges() if a in position and b in position]
            nx.draw_networkx_edges(K, position, edgelist=conflicts, ax=ax, edge_color=CONFLICT_EDGE,
                                   style="dashed", width=0.8, alpha=0.45)
        nx.draw_networkx_edges(C, position, ax=ax, edge_color=CONGRUENCE_EDGE, alpha=0.8,
                               width=[0.8 + 3.2 * float(d["weight"]) / heaviest for _, _, d in C.edges(data=True)])
        nodes = sorted(C)
        nx.draw_networkx_nodes(C, position, nodelist=nodes, ax=ax, linewidths=0.8, edgecolors="#333333",
                               node_size=[90 + 60 * math.sqrt(strength[n]) for n in nodes],
                               node_color=[COALITION_COLOURS[(coalition[n] - 1) % len(COALITION_COLOURS)]
                                           for n in nodes])
        named = sorted(nodes, key=lambda n: (-strength[n], n))[:MAX_LABELS]
        nx.draw_networkx_labels(C, position, labels={n: _short(C.nodes[n]["label"], 28) for n in named},
                                ax=ax, font_size=8, verticalalignment="bottom")
        handles = [Line2D([], [], color=CONGRUENCE_EDGE, linewidth=2, label="same stance on an issue"),
                   Line2D([], [], color=CONFLICT_EDGE, linestyle="--", label="opposite stances")]
        handles += [Line2D([], [], linestyle="", marker="o", markersize=8, label=f"coalition {c}",
                           color=COALITION_COLOURS[(c - 1) % len(COALITION_COLOURS)])
                    for c in sorted(set(coalition.values()))[: len(COALITION_COLOURS)]]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1), frameon=False)
        ax.margins(0.12)
        return _svg(figure)
