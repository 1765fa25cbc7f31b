"""The report of `standpoint report`: one offline HTML file of tables and pictures.

`write_report(data, out_dir)` writes `out_dir/index.html` from `graph.report.report_data`,
through the Jinja2 template `templates/report.html.j2` (autoescaped; its style is
`static/report.css`). The page has no script at all; its pictures are SVG data URIs in <img>
(see `charts.py`), and a Content-Security-Policy forbids everything else, so the file works
offline and fetches nothing. Every text that came from a source (names, labels, quotes, ids) is
escaped by the template, or by `Markup.format` in the few cells built here.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from standpoint.errors import InputError

from . import charts
from .colours import STANCE_COLOURS

__all__ = ["report_html", "write_report"]

CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src 'none'; "
       "connect-src 'none'; form-action 'none'; base-uri 'none'")
MAX_QUOTE = 320
MAX_ROWS = 60


def _quote(text: Any) -> str:
    words = " ".join(str(text or "").split())
    return words if len(words) <= MAX_QUOTE else words[: MAX_QUOTE - 1] + "…"


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


def _number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.0f}"
    return str(value)


def stance(value: Any) -> Markup:
    """A stance in its colour."""
    colour = STANCE_COLOURS.get(str(value), "#5b6670")
    return Markup('<span class="stance" style="color:{}">{}</span>').format(colour, value)


def said(evidence: Mapping[str, Any]) -> Markup:
    """A statement: its words, when and where; a badge when an analyst checked it."""
    checked = evidence.get("checked")
    badge = Markup(' <span class="checked">✓ {}</span>').format(checked) if checked else ""
    return Markup("<q>{}</q>{}<br><small>{} · {} · {}</small>").format(
        _quote(evidence["text"]), badge, when_text(evidence["published"]), evidence["entry_id"],
        evidence.get("kind") or "")


TEMPLATES = Environment(
    loader=PackageLoader(__package__, "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    keep_trailing_newline=True,
)
TEMPLATES.filters.update(number=_number, when=when_text, quote=_quote)
TEMPLATES.globals.update(stance=stance)


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


def _evidence(row: Mapping[str, Any]) -> Markup:
    """The first statement of a position, and any other an analyst checked."""
    first, *rest = row["evidence"]
    checked = [e for e in rest if e.get("checked")]
    more = len(rest) - len(checked)
    shown = Markup("<br>").join(map(said, [first, *checked]))
    return shown + (Markup("<br><small>and {} more</small>").format(more) if more else "")


def _rows(data: Mapping[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    """The cells of the report's tables: plain values (escaped by the template) or Markup."""
    labels = _issue_labels(data)
    n = _number
    return {
        "polarisation": [(r["issue"], n(r["supports"]), n(r["opposes"]), n(r["mixed"]), n(r["polarisation"]))
                         for r in data["polarisation"]],
        "changes": [(r["actor"], r["issue"], stance(r["from"]) + " → " + stance(r["to"]), said(r["before"]),
                     said(r["after"])) for r in data["changes"]],
        "bridges": [(r["actor"], r["coalition"], n(r["participation"]), n(r["betweenness"]))
                    for r in data["bridges"]],
        "centrality": [(r["actor"], r["coalition"], n(r["degree"]), n(r["strength"]), n(r["betweenness"]))
                       for r in data["centrality"][:MAX_ROWS]],
        "conflicts": [(r["source"], r["target"], "; ".join(labels.get(i, i) for i in r["issues"]),
                       n(r["statements"])) for r in data["conflicts"][:MAX_ROWS]],
        "positions": [(r["actor"], r["issue"], stance(r["stance"]), n(r["supports"]), n(r["opposes"]),
                       when_text(r["first"]), when_text(r["last"]), _evidence(r)) for r in data["positions"]],
    }


def report_html(data: Mapping[str, Any], *, title: str = "standpoint report") -> str:
    """The whole report as one HTML string."""
    seed = int(data.get("choices", {}).get("seed", 0))
    pictures = {
        "network": charts.network_chart(data["congruence"], data["coalition_of"], data["conflict"], seed=seed),
        "polarisation": charts.polarisation_chart(data["polarisation_over_time"]),
        "stances": charts.stances_chart(data["stances"]),
    }
    style = (resources.files(__package__) / "static" / "report.css").read_text(encoding="utf-8")
    return TEMPLATES.get_template("report.html.j2").render(
        csp=Markup(CSP), title=title, summary=_summary(data), style=Markup(style), data=data,
        labels=_issue_labels(data), pictures=pictures, **_rows(data),
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
