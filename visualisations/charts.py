"""The report's pictures, drawn by matplotlib (and networkx's matplotlib drawing) as SVG.

Each function returns a `data:image/svg+xml;base64,...` URI, for an <img> of a page that works
offline: an SVG shown through <img> runs no script and fetches nothing, whatever text it holds.
Text is drawn as paths and ids are salted with a constant, so the same data gives the same bytes.
"""

from __future__ import annotations

import base64
import io
import math
import warnings
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import UTC
from typing import Any

import matplotlib
import matplotlib.dates as mdates
import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from standpoint.graph.rdf.positions import sort_key

from .colours import STANCE_COLOURS

__all__ = ["network_chart", "network_figure", "polarisation_chart", "polarisation_figure", "stances_chart",
           "stances_figure"]

MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">", "h", "p")
COALITION_COLOURS = ("#1F77B4", "#FF7F0E", "#2CA02C", "#9467BD", "#8C564B", "#E377C2", "#17BECF",
                     "#BCBD22", "#7F7F7F", "#D62728")
CONGRUENCE_EDGE = "#5C7FA3"
CONFLICT_EDGE = STANCE_COLOURS["opposes"]
MAX_ACTORS = 40
MAX_ISSUES = 8
MAX_LABELS = 120
MAX_TICKS = 8
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
    """`stances_figure` as an SVG data URI."""
    return _svg(stances_figure(points))


def stances_figure(points: Sequence[Mapping[str, Any]]) -> Figure:
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
        groups: dict[tuple[str, str], list[tuple[float, float]]] = {}
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
        return figure


def _time_axis(ax: Any, times: Sequence[str]) -> dict[str, float]:
    """A time axis in real time (6 Jan, 16 Jan and 8 Apr are as far apart as they are), with at
    most MAX_TICKS ticks, each one labelled; return each time's x."""
    x = {t: float(mdates.date2num(sort_key(t))) for t in set(times)}
    locator = mdates.AutoDateLocator(minticks=4, maxticks=MAX_TICKS, tz=UTC)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(
        locator, tz=UTC, formats=["%Y", "%b %Y", "%d %b", "%H:%M", "%H:%M", "%S.%f"],
        zero_formats=["", "%Y", "%d %b", "%d %b", "%H:%M", "%H:%M"], show_offset=False))
    if x:
        low, high = min(x.values()), max(x.values())
        pad = (high - low) * 0.04 or 0.02  # a single time: half an hour either side
        ax.set_xlim(low - pad, high + pad)
    ax.set_xlabel("time (UTC)")
    return x


def polarisation_chart(rows: Sequence[Mapping[str, Any]]) -> str:
    """`polarisation_figure` as an SVG data URI."""
    return _svg(polarisation_figure(rows))


def polarisation_figure(rows: Sequence[Mapping[str, Any]]) -> Figure:
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
        return figure


def network_chart(C: nx.Graph[str], coalition: Mapping[str, int], K: nx.Graph[str] | None = None, *,
                  seed: int = 0) -> str:
    """`network_figure` as an SVG data URI."""
    return _svg(network_figure(C, coalition, K, seed=seed))


def network_figure(C: nx.Graph[str], coalition: Mapping[str, int], K: nx.Graph[str] | None = None, *,
                   seed: int = 0) -> Figure:
    """The coalition network: congruence ties (blue, wider for more shared issues) laid out by a
    seeded spring layout, conflict ties (red, dashed) over them, actors coloured by coalition.

    Each name is put beside its dot where it covers no other name and no dot (`_place_labels`);
    the figure grows with the number of actors, and a name that finds no room is left out.
    """
    with matplotlib.rc_context(STYLE):
        size = len(C)
        figure = Figure(figsize=(9.5 + 0.08 * max(0, size - 20), 7 + 0.08 * max(0, size - 20)))
        ax = figure.add_subplot()
        ax.set_axis_off()
        if size == 0:
            ax.text(0.5, 0.5, "no actors with a stance", ha="center", transform=ax.transAxes)
            return figure
        position = nx.spring_layout(C, weight="weight", seed=seed, k=2.2 / math.sqrt(size))
        strength = dict(C.degree(weight="weight"))
        heaviest = max((float(d["weight"]) for _, _, d in C.edges(data=True)), default=1.0) or 1.0
        if K is not None:
            conflicts = [(a, b) for a, b in K.edges() if a in position and b in position]
            nx.draw_networkx_edges(K, position, edgelist=conflicts, ax=ax, edge_color=CONFLICT_EDGE,
                                   style="dashed", width=0.8, alpha=0.35)
        nx.draw_networkx_edges(C, position, ax=ax, edge_color=CONGRUENCE_EDGE, alpha=0.7,
                               width=[0.8 + 3.2 * float(d["weight"]) / heaviest for _, _, d in C.edges(data=True)])
        nodes = sorted(C)
        sizes = {n: 60 + 40 * math.sqrt(strength[n]) for n in nodes}
        nx.draw_networkx_nodes(C, position, nodelist=nodes, ax=ax, linewidths=0.8, edgecolors="#333333",
                               node_size=[sizes[n] for n in nodes],
                               node_color=[COALITION_COLOURS[(coalition[n] - 1) % len(COALITION_COLOURS)]
                                           for n in nodes])
        xs, ys = [p[0] for p in position.values()], [p[1] for p in position.values()]
        ax.set_xlim(min(xs) - 0.25, max(xs) + 0.25)
        ax.set_ylim(min(ys) - 0.12, max(ys) + 0.12)
        named = sorted(nodes, key=lambda n: (-strength[n], n))[:MAX_LABELS]
        _place_labels(figure, ax, {n: position[n] for n in nodes}, sizes,
                      [(n, _short(C.nodes[n]["label"], 28)) for n in named])
        handles = [Line2D([], [], color=CONGRUENCE_EDGE, linewidth=2, label="same stance on an issue"),
                   Line2D([], [], color=CONFLICT_EDGE, linestyle="--", label="opposite stances")]
        handles += [Line2D([], [], linestyle="", marker="o", markersize=8, label=f"coalition {c}",
                           color=COALITION_COLOURS[(c - 1) % len(COALITION_COLOURS)])
                    for c in sorted(set(coalition.values()))[: len(COALITION_COLOURS)]]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1), frameon=False)
        return figure


# Where a name may go around its dot, in order of preference: (dx, dy) in units of the dot's
# radius plus a little, with the text's alignment.
PLACES = ((0, 1, "center", "bottom"), (1, 0, "left", "center"), (-1, 0, "right", "center"),
          (0, -1, "center", "top"), (0.8, 0.8, "left", "bottom"), (-0.8, 0.8, "right", "bottom"),
          (0.8, -0.8, "left", "top"), (-0.8, -0.8, "right", "top"))
REACHES = (1.0, 2.2, 3.6, 5.0, 7.0, 9.5)


def _place_labels(figure: Figure, ax: Any, position: Mapping[str, Any], sizes: Mapping[str, float],
                  labels: Sequence[tuple[str, str]]) -> list[Any]:
    """Put each name beside its dot in the first place where it overlaps no name already placed,
    no dot and nothing outside the axes, trying farther out when the near places are taken;
    return the texts drawn (measured with the figure's own renderer)."""
    renderer = FigureCanvasAgg(figure).get_renderer()
    pixels = figure.dpi / 72
    dots = []
    for node, (x, y) in position.items():
        cx, cy = ax.transData.transform((x, y))
        r = math.sqrt(sizes[node]) / 2 * pixels
        dots.append(Bbox.from_extents(cx - r, cy - r, cx + r, cy + r))
    frame = ax.get_window_extent(renderer)
    placed: list[Bbox] = []
    texts = []
    for node, text in labels:
        cx, cy = ax.transData.transform(position[node])
        r = math.sqrt(sizes[node]) / 2 * pixels
        for reach in REACHES:
            for dx, dy, ha, va in PLACES:
                gap = r * reach + 2 * pixels
                at = ax.transData.inverted().transform((cx + dx * gap, cy + dy * gap))
                label = ax.text(at[0], at[1], text, ha=ha, va=va, fontsize=7.5, zorder=5,
                                bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "alpha": 0.75,
                                      "linewidth": 0})
                box = label.get_window_extent(renderer).expanded(1, 1).padded(2 * pixels)
                free = (frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
                        and not any(box.overlaps(other) for other in placed)
                        and not any(box.overlaps(dot) for dot in dots))
                if free:
                    placed.append(box)
                    texts.append(label)
                    if reach > REACHES[1]:  # far from its dot: a thin line leads to it
                        ax.plot([position[node][0], at[0]], [position[node][1], at[1]], color="#8A9096",
                                linewidth=0.5, zorder=4)
                    break
                label.remove()
            else:
                continue
            break
    return texts
