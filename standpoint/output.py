"""Rows out: a table for people, JSON and CSV for scripts. One place decides how values print."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Sequence
from typing import Any

FORMATS = ("table", "json", "csv")
MAX_CELL = 44
WIDE = {"text": 100, "evidence": 100, "title": 70, "message": 100}


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> str:
    """Rows as text in the format; `columns` picks and orders the table's columns."""
    if fmt == "json":
        return json.dumps(list(rows), indent=2, ensure_ascii=False)
    if fmt == "csv":
        return _csv(rows)
    return _table(rows, columns)


def _cell(value: Any, limit: int | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return f"{len(value)} item" + ("s" if len(value) != 1 else "")
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    text = " ".join(str(value).split())
    if limit and len(text) > limit:
        return text[: limit - 1] + "…"
    return text


def _csv(rows: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if not rows:
        return ""
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return buffer.getvalue().rstrip("\n")


def _csv_cell(value: Any) -> str:
    """Nested records (evidence) as JSON text; lists of names joined by "; "."""
    if isinstance(value, dict) or (isinstance(value, list) and value and isinstance(value[0], dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return _cell(value)


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None) -> str:
    if not rows:
        return "(no rows)"
    columns = list(columns or rows[0].keys())
    width = shutil.get_terminal_size((160, 24)).columns
    limit = max(20, min(MAX_CELL, width // max(1, len(columns)) * 2))
    cells = [[_cell(row.get(c), WIDE.get(c, limit)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines)
