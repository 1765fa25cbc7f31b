"""Loaders: read a source file into Entries, one module per format.

Each format module has a pure `parse_*` (text in, Entries out) and a thin `read_*(path)`.
`read_source` picks the format from the file name unless told.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from standpoint.errors import InputError
from standpoint.loaders.jsonl import parse_jsonl, read_jsonl
from standpoint.loaders.liveblog import parse_liveblog, read_liveblog
from standpoint.records import Entry

__all__ = ["FORMATS", "parse_jsonl", "parse_liveblog", "read_jsonl", "read_liveblog",
           "read_source"]

FORMATS = ("auto", "liveblog", "jsonl")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def read_source(
    path: str | os.PathLike[str], *, format: str = "auto", page_date: date | None = None
) -> list[Entry]:
    """Read one source file as `format`; `auto` means JSONL for .jsonl/.ndjson, else live blog.

    `page_date` is the date of a live page (JSONL entries carry their own dates and ignore it).
    """
    if format not in FORMATS:
        raise InputError(f'unknown format "{format}"; known formats: {", ".join(FORMATS)}',
                         str(path))
    if format == "auto":
        format = "jsonl" if Path(path).suffix.lower() in JSONL_SUFFIXES else "liveblog"
    if format == "jsonl":
        return read_jsonl(path)
    return read_liveblog(path, page_date)
