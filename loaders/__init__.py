"""Loaders: read a source file into Entries, one module per format.

Each format module has a pure `parse_*` (text in, Entries out) and a thin `read_*(path)`.
`read_source` picks the format from the file's name and content unless told (`detect_format`).
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from standpoint.errors import InputError
from standpoint.loaders.jsonl import parse_jsonl, read_jsonl
from standpoint.loaders.liveblog import parse_liveblog, read_liveblog
from standpoint.loaders.parlamint import day_files, parse_parlamint, read_parlamint
from standpoint.records import Entry

__all__ = ["FORMATS", "detect_format", "parse_jsonl", "parse_liveblog", "parse_parlamint",
           "read_jsonl", "read_liveblog", "read_parlamint", "read_source", "source_files"]

FORMATS = ("auto", "liveblog", "jsonl", "parlamint")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SOURCE_SUFFIXES = (".txt", ".jsonl", ".ndjson")
_HEAD_BYTES = 4096
# What may come before an XML file's root element: a BOM, a declaration, comments, whitespace.
_PROLOGUE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*", re.DOTALL)
_ROOT = re.compile(rb"<(?:!DOCTYPE\s+)?([A-Za-z_][\w.:-]*)")


def read_source(
    path: str | os.PathLike[str], *, format: str = "auto", page_date: date | None = None
) -> list[Entry]:
    """Read one source file as `format`; `auto` detects it (see `detect_format`).

    `page_date` is the date of a live page (JSONL and ParlaMint carry their own dates).
    """
    if format not in FORMATS:
        raise InputError(f'unknown format "{format}"; known formats: {", ".join(FORMATS)}',
                         str(path))
    if format == "auto":
        format = detect_format(path)
    if format == "jsonl":
        return read_jsonl(path)
    if format == "parlamint":
        return read_parlamint(path)
    return read_liveblog(path, page_date)


def detect_format(path: str | os.PathLike[str]) -> str:
    """The format of a source by its content: XML is ParlaMint TEI (any other XML is an error
    naming what was expected), a .jsonl/.ndjson file or one starting with "{" is JSONL, other
    text is a live blog."""
    path = Path(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        return "jsonl"
    try:
        with path.open("rb") as file:
            head = file.read(_HEAD_BYTES)
    except OSError:
        return "liveblog"  # the live-blog reader says clearly why the file cannot be read
    start = head[_PROLOGUE.match(head).end():]  # type: ignore[union-attr]
    if start.startswith(b"<") and not start.startswith(b"<<"):
        root = _ROOT.match(start)
        name = root.group(1).decode("utf-8", "replace") if root else start[:20].decode("utf-8", "replace")
        if name.rsplit(":", 1)[-1] in ("TEI", "teiCorpus"):
            return "parlamint"
        raise InputError(f"an XML file whose root is <{name}>; expected ParlaMint TEI (<TEI> or "
                         "<teiCorpus>), JSONL or live-blog text (Hansard XML is not read yet)",
                         str(path))
    if path.suffix.lower() != ".txt" and start.lstrip().startswith(b"{"):
        return "jsonl"
    return "liveblog"


def source_files(folder: Path) -> list[Path]:
    """The sources a folder stands for: its ParlaMint day files (in subfolders too), if it holds
    any, else its .txt, .jsonl and .ndjson files (not README.*)."""
    days = day_files(folder)
    if days:
        return days
    return sorted(p for p in folder.iterdir() if p.suffix in SOURCE_SUFFIXES
                  and p.is_file() and not p.name.upper().startswith("README"))
