"""The report of `standpoint report`: one offline HTML file of tables and pictures.

`write_report(data, out_dir)` writes `out_dir/index.html` from `graph.report.report_data`. The
page has no script at all; its pictures are SVG data URIs in <img> (see `charts.py`), and a
Content-Security-Policy forbids everything else, so the file works offline and fetches nothing.
Every text that came from a source (names, labels, quotes, ids) goes through `html.escape`.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from standpoint.errors import InputError

from . import charts
from .colours import STANCE_COLOURS

__all__ = ["report_html", "write_report"]

CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src 'none'; "
       "connect-src 'none'; form-action 'none'; base-uri 'none'")
MAX_QUOTE = 320
MAX_ROWS = 60

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d2327;
       margin: 0; background: #f6f7f9; line-height: 1.45; }
header { background: #1f2a30; color: #fff; padding: 14px 24px; }
header h1 { margin: 0; font-size: 22px; font-weight: 600; }
header p { margin: 4px 0 0; color: #c5cdd2; font-size: 14px; }
main { max-width: 1180px; margin: 0 auto; padding: 8px 24px 40px; }
section { background: #fff; border: 1px solid #dde1e5; border-radius: 6px; padding: 6px 18px 14px;
          margin: 16px 0; }
h2 { font-size: 18px; margin: 12px 0 8px; }
p.note { color: #5b6670; font-size: 13px; margin: 4px 0 10px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #eceef1; }
th { color: #5b6670; font-weight: 600; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.when { color: #5b6670; min-width: 7em; }
figure { margin: 8px 0; }
figure img { max-width: 100%; height: auto; display: block; }
figcaption { color: #5b6670; font-size: 13px; }
.stance { font-weight: 600; }
q { quotes: "\\201C" "\\201D"; }
ul.coalitions { padding-left: 18px; }
ul.coalitions li { margin: 6px 0; }
.checked { color: #1b5e20; background: #e6f2e6; border-radius: 3px; padding: 0 4px; font-size: 12px; }
"""


def _e(value: Any) -> str:
    """A value as escaped HTML text ("" for None)."""
    return "" if value is None else html.escape(str(value))


def _quote(text: Any) -> str:
    text = " ".join(str(text or "").split())
    return _e(text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…")


def when_text(value: Any) -> str:
    """A time as "2025-01-16 15:22 UTC" (its offset when not UTC); a date as it is; "–" for none."""
    text = str(value or "–")
    if "T" not in text:
        return text
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return text
    offset = when.utcoffset()
    zone = "" if offset is None else " UTC" if not offset else when.strftime(" %z")
    return when.strftime("%Y-%m-%d %H:%M") + zone


def _when(value: Any) -> str:
    return _e(when_text(value))


def _stance(value: Any) -> str:
    colour = STANCE_COLOURS.get(str(value), "#5b6670")
    return f'<span class="stance" style="color:{colour}">{_e(value)}</span>'


def _number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.0f}"
    return _e(value)


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Iterable[int] = ()) -> str:
    """A table from already-escaped cells; the columns in `numeric` are right-aligned."""
    right = set(numeric)
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td class="num">{c}</td>' if i in right else f"<td>{c}</td>"
                         for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>" if body else \
        '<p class="note">None.</p>'


def _figure(uri: str, alt: str, caption: str) -> str:
    return f'<figure><img src="{_e(uri)}" alt="{_e(alt)}"><figcaption>{_e(caption)}</figcaption></figure>'


def _section(anchor: str, title: str, *parts: str) -> str:
    return f'<section id="{anchor}"><h2>{_e(title)}</h2>{"".join(parts)}</section>'


def _summary(data: Mapping[str, Any]) -> str:
    counts, choices = data["counts"], data.get("choices", {})
    window = f"{when_text(counts['first'])} to {when_text(counts['last'])}"
    parts = [f"{counts['statements']} statements with a stance", f"{counts['entries']} entries",
             f"{counts['actors']} actors", f"{counts['issues']} issues", window,
             f"level: {choices.get('level', 'person')}"]
    if choices.get("from") or choices.get("to"):
        parts.append(f"window {choices.get('from') or '…'} – {choices.get('to') or '…'}")
    return " · ".join(parts)


def _issue_labels(data: Mapping[str, Any]) -> dict[str, str]:
    labels = {r["issue_id"]: r["issue"] for r in data["positions"]}
    labels.update({r["issue_id"]: r["issue"] for r in data["polarisation"]})
    return labels


def coalitions_section(data: Mapping[str, Any], seed: int = 0) -> str:
    labels = _issue_labels(data)
    items = []
    for group in data["coalitions"]:
        names = ", ".join(_e(m["actor"]) for m in group["members"])
        issues = "; ".join(f"{_stance(i['stance'])} {_e(labels.get(i['issue_id'], i['issue_id']))}"
                           for i in group["issues"])
        agree = f"<br><small>agreeing on: {issues}</small>" if issues else ""
        items.append(f"<li><strong>Coalition {group['number']}</strong> ({len(group['members'])}): {names}{agree}</li>")
    picture = charts.network_chart(data["congruence"], data["coalition_of"], data["conflict"], seed=seed)
    return _section(
        "coalitions", "Coalitions",
        '<p class="note">Communities (Louvain, seeded) of the congruence network: two actors are tied '
        "when they take the same stance on an issue, the tie weighted by the number of such issues. "
        f"Modularity {_number(data['modularity'])}.</p>",
        _figure(picture, "The coalition network", "Blue: same stance on an issue (wider: more issues). "
                "Red dashed: opposite stances. Colour: coalition."),
        f'<ul class="coalitions">{"".join(items)}</ul>' if items else '<p class="note">None.</p>',
    )


def bridges_section(data: Mapping[str, Any]) -> str:
    bridges = _table(
        ("actor", "coalition", "participation", "betweenness"),
        ((_e(r["actor"]), _e(r["coalition"]), _number(r["participation"]), _number(r["betweenness"]))
         for r in data["bridges"]), numeric=(1, 2, 3))
    central = _table(
        ("actor", "coalition", "ties (share of actors)", "strength", "betweenness"),
        ((_e(r["actor"]), _e(r["coalition"]), _number(r["degree"]), _number(r["strength"]),
          _number(r["betweenness"])) for r in data["centrality"][:MAX_ROWS]), numeric=(1, 2, 3, 4))
    return _section(
        "bridges", "Bridges and centrality",
        '<p class="note">A bridge agrees with members of more than one coalition. Participation = '
        "1 − Σ (ties into a coalition / all ties)²: 0 when all ties stay in one coalition. Betweenness "
        "counts the shortest paths through an actor, a strong tie being a short one.</p>",
        bridges, "<h3>Centrality in the congruence network</h3>", central)


def polarisation_section(data: Mapping[str, Any]) -> str:
    table = _table(
        ("issue", "actors supporting", "actors opposing", "mixed", "polarisation"),
        ((_e(r["issue"]), _number(r["supports"]), _number(r["opposes"]), _number(r["mixed"]),
          _number(r["polarisation"])) for r in data["polarisation"]), numeric=(1, 2, 3, 4))
    return _section(
        "polarisation", "Polarisation",
        '<p class="note">Per issue, over actors (not statements): 1 − |supporting − opposing| / '
        "(supporting + opposing). 0 when every actor with a side is on the same side, 1 when they "
        "split evenly; actors whose statements are evenly mixed are not counted. Over time, each "
        "point uses every statement made up to then.</p>",
        table,
        _figure(charts.polarisation_chart(data["polarisation_over_time"]), "Polarisation over time",
                "Polarisation of each issue as the statements accumulate."),
    )


def stances_section(data: Mapping[str, Any]) -> str:
    return _section(
        "stances", "Stances over time",
        _figure(charts.stances_chart(data["stances"]), "Stances over time per actor",
                "Each mark is a statement: green supports, red opposes; the shape is the issue; a ring "
                "marks a change of stance."),
    )


def _said(evidence: Mapping[str, Any]) -> str:
    """A statement: its words, when and where; a badge when an analyst checked it."""
    checked = evidence.get("checked")
    badge = f' <span class="checked">✓ {_e(checked)}</span>' if checked else ""
    return (f"<q>{_quote(evidence['text'])}</q>{badge}<br><small>{_when(evidence['published'])} · "
            f"{_e(evidence['entry_id'])} · {_e(evidence.get('kind'))}</small>")


def changes_section(data: Mapping[str, Any]) -> str:
    table = _table(
        ("actor", "issue", "change", "before", "after"),
        ((_e(r["actor"]), _e(r["issue"]), f"{_stance(r['from'])} → {_stance(r['to'])}", _said(r["before"]),
          _said(r["after"])) for r in data["changes"]))
    return _section("changes", "Changes of position",
                    '<p class="note">Where an actor’s stance on an issue (its own, or as others report it) '
                    "differs from the one before, with the statements on both sides.</p>", table)


def conflicts_section(data: Mapping[str, Any]) -> str:
    labels = _issue_labels(data)
    table = _table(
        ("actor", "actor", "issues they clash on", "statements"),
        ((_e(r["source"]), _e(r["target"]), _e("; ".join(labels.get(i, i) for i in r["issues"])),
          _number(r["statements"])) for r in data["conflicts"][:MAX_ROWS]), numeric=(3,))
    return _section("conflict", "Conflict", '<p class="note">Pairs of actors on opposite sides of an issue, '
                    "most issues first.</p>", table)


def positions_section(data: Mapping[str, Any]) -> str:
    def evidence(row: Mapping[str, Any]) -> str:
        """The first statement, and any other an analyst checked."""
        first, *rest = row["evidence"]
        checked = [e for e in rest if e.get("checked")]
        more = len(rest) - len(checked)
        return "<br>".join(map(_said, [first, *checked])) + (f"<br><small>and {more} more</small>" if more else "")

    table = _table(
        ("actor", "issue", "stance", "for", "against", "first", "last", "evidence"),
        ((_e(r["actor"]), _e(r["issue"]), _stance(r["stance"]), _number(r["supports"]), _number(r["opposes"]),
          _when(r["first"]), _when(r["last"]),
          evidence(r)) for r in data["positions"]), numeric=(3, 4))
    return _section("positions", "Positions",
                    '<p class="note">Each actor’s stance on each issue, as in `standpoint positions`: '
                    "supports or opposes when all its statements agree, mixed when they do not.</p>", table)


def report_html(data: Mapping[str, Any], *, title: str = "standpoint report") -> str:
    """The whole report as one HTML string."""
    seed = int(data.get("choices", {}).get("seed", 0))
    body = "".join((
        coalitions_section(data, seed), polarisation_section(data), stances_section(data),
        changes_section(data), bridges_section(data), conflicts_section(data), positions_section(data),
    ))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="standpoint">\n'
        f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<header><h1>{_e(title)}</h1><p>{_e(_summary(data))}</p></header>\n"
        f"<main>{body}</main>\n</body>\n</html>\n"
    )


def write_report(data: Mapping[str, Any], out: Path, *, title: str = "standpoint report") -> Path:
    """Write the report into the folder `out` (created if needed) as index.html; return its path."""
    out = Path(out)
    page = report_html(data, title=title)
    target = out / "index.html"
    try:
        out.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=out, prefix=".index.html.", suffix=".part")
        with os.fdopen(handle, "w", encoding="utf-8", errors="replace") as stream:
            stream.write(page)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except OSError as err:
        raise InputError(f"cannot write the report: {err.strerror or err}", str(out)) from err
    return target
