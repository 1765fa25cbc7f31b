"""What a build remembers of each source file, so that an unchanged one is neither read nor parsed.

As git's index does, the store keeps for each source file it read its size and modification time
(`st_size`, `st_mtime_ns`), with the entries the file gave and the content hash each had. A later
build stats the file first: when size and time are the ones recorded, the build's settings (the
registry, the rules, `--format`, `--date`) are the same, and the store still holds those entries
with those hashes, the source is taken as unchanged without opening it. Any other difference (a
new size, a new time, even a `touch` that keeps the content) makes the build read and hash the file
as before, so a changed entry is always extracted again.

Limits, as git's: an edit that keeps both the size and the modification time (a tool that restores
the time afterwards, a clock set back) is not seen; `standpoint build --rehash` reads every source
anyway. A file modified within `RACY_NS` of being read is not recorded (its time could be the
time of a second write in the same tick), so it is read again next time. Only live pages (with their
`<stem>.meta.yaml`) and JSONL files are recorded: a ParlaMint day reads its corpus's person lists
too, so it is always read.

The records are a JSON file inside the store's generation (`SIDECAR`), written with the generation
and published by the same atomic rename; a build that commits nothing replaces it in place, atomically.
A missing or unreadable file only means every source is read.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from standpoint.errors import StandpointError
from standpoint.loaders import detect_format
from standpoint.loaders.liveblog import meta_path

__all__ = ["RACY_NS", "SIDECAR", "SourceStat", "context", "dumps", "entries_digest", "key", "loads", "record",
           "stat", "unchanged"]

SIDECAR = "standpoint-sources.json"
RACY_NS = 2_000_000_000  # a file modified less than this before it was read is read again next time
RECORDED_FORMATS = ("jsonl", "liveblog")


@dataclass(frozen=True)
class SourceStat:
    """One source file as a build read it: its (and its metadata file's) size and time, the
    settings it was read and extracted with, its entries (id, line) and their content hashes'
    digest."""

    path: str
    files: tuple[tuple[int, int], ...]  # (size, mtime_ns) of the source, then of its .meta.yaml (-1, -1: none)
    context: str
    entries: tuple[tuple[str, int | None], ...]
    digest: str


def context(*parts: object) -> str:
    """A digest of what reading and extracting a source depends on besides its file."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


def entries_digest(hashes: Iterable[str]) -> str:
    """A digest of a source's entries' content hashes, in order."""
    return hashlib.sha256("\n".join(hashes).encode()).hexdigest()


def key(path: Path) -> str:
    return str(path.resolve())


def _files(path: Path) -> tuple[tuple[int, int], ...]:
    """Size and modification time of the source and of its metadata file ((-1, -1) when absent)."""
    found = []
    for file in (path, meta_path(path)):
        try:
            info = os.stat(file)
        except FileNotFoundError:
            found.append((-1, -1))
        else:
            found.append((info.st_size, info.st_mtime_ns))
    return tuple(found)


def stat(path: Path, fmt: str) -> tuple[tuple[tuple[int, int], ...], int] | None:
    """The stats to record for a source about to be read, and when they were taken; None for a
    source that is not recorded (not a file, a ParlaMint day, or a file that cannot be read)."""
    try:
        if not path.is_file() or (fmt if fmt != "auto" else detect_format(path)) not in RECORDED_FORMATS:
            return None
        return _files(path), time.time_ns()
    except (OSError, StandpointError):  # trouble reading it: the reader says what
        return None


def record(path: Path, taken: tuple[tuple[tuple[int, int], ...], int] | None, ctx: str,
           entries: Sequence[tuple[str, int | None]], hashes: Iterable[str]) -> SourceStat | None:
    """What to remember of a source read with stats `taken`; None when its times are too recent
    to trust (see RACY_NS)."""
    if taken is None:
        return None
    files, when = taken
    if any(mtime > when - RACY_NS for _, mtime in files):
        return None
    return SourceStat(key(path), files, ctx, tuple(entries), entries_digest(hashes))


def unchanged(path: Path, ctx: str, recorded: Mapping[str, SourceStat],
              stored: Mapping[str, str], graph_of: Any) -> SourceStat | None:
    """The record of a source that has not changed since it was read, else None.

    `stored` maps each entry graph to its content hash in the store, `graph_of` an entry id to its
    graph: the entries recorded must still be in the store with the hashes they had."""
    found = recorded.get(key(path))
    if found is None or found.context != ctx:
        return None
    try:
        if _files(path) != found.files:
            return None
    except OSError:
        return None
    hashes = (stored.get(str(graph_of(entry_id)), "") for entry_id, _ in found.entries)
    return found if entries_digest(hashes) == found.digest else None


def dumps(stats: Iterable[SourceStat]) -> str:
    """The sidecar's text: the records by path."""
    return json.dumps({s.path: asdict(s) for s in sorted(stats, key=lambda s: s.path)}, ensure_ascii=False)


def loads(text: str | None) -> dict[str, SourceStat]:
    """The records of a sidecar's text; none for a missing or malformed one."""
    if not text:
        return {}
    try:
        raw = json.loads(text)
        return {path: SourceStat(row["path"], tuple(tuple(f) for f in row["files"]), row["context"],
                                 tuple((e[0], e[1]) for e in row["entries"]), row["digest"])
                for path, row in raw.items()}
    except (ValueError, KeyError, TypeError, IndexError):
        return {}
