"""JSONL entries: one JSON object a line, e.g. the speeches of a Hansard debate.

    {"id": "hansard-03-001", "published": "2025-01-06", "body": "I call the ...",
     "speaker": "Madam Deputy Speaker (Ms Nusrat Ghani)", "source": "Hansard (House of Commons)"}

`id`, `published` and `body` are required strings; `title`, `speaker`, `source`, `url` and
`about` are optional strings and `authors` an optional list of strings (null is the same as
absent). `about` names what the entry debates (an issue id or label): inside it "the Bill",
"this motion" or "the proposal" refer to that issue.
A file is read line by line (`read_jsonl` streams it), so its size is bounded only by
MAX_STREAM_BYTES; each field holds at most MAX_ENTRY_CHARS characters.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

from standpoint.errors import InputError
from standpoint.loaders.text import MAX_ENTRY_CHARS, clean, clean_name, read_lines
from standpoint.records import Entry

__all__ = ["FIELDS", "REQUIRED", "parse_jsonl", "read_jsonl"]

REQUIRED = ("id", "published", "body")
OPTIONAL_TEXT = ("title", "speaker", "source", "url", "about")
FIELDS = REQUIRED + OPTIONAL_TEXT + ("authors",)
_DATE_ONLY = re.compile(r"^\d{4}-?\d{2}-?\d{2}$")
_JSON_TYPES = {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
               int: "a number", float: "a number", type(None): "null"}


def parse_jsonl(lines: Iterable[str], *, origin: str) -> Iterator[Entry]:
    """Yield one Entry per non-blank line; any bad line raises InputError(origin, line number).

    A date-time without an offset is taken as UTC; a date-only `published` stays a `date`.
    Unknown fields are errors (a misspelt "speaker" must not silently lose the speaker), and
    ids must be unique within the file.
    """
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        entry = _entry(_object(line, origin, number), origin, number)
        if entry.id in first_line:
            raise InputError(f'"id" {_cut(entry.id)} is already used on line {first_line[entry.id]}; '
                             "ids must be unique within a file", origin, number)
        first_line[entry.id] = number
        yield entry


def read_jsonl(path: str | os.PathLike[str]) -> list[Entry]:
    """Read a JSONL file of entries, streamed line by line; see `parse_jsonl` for the checks."""
    return list(parse_jsonl(read_lines(path), origin=str(path)))


def _object(line: str, origin: str, number: int) -> dict[str, Any]:
    """Decode one line as a JSON object (raw tabs and control characters in strings allowed)."""
    try:
        value = json.loads(line, strict=False)
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON: {err.msg} at column {err.colno}", origin,
                         number) from err
    except RecursionError as err:
        raise InputError("not valid JSON for an entry: nested too deeply", origin, number) from err
    except ValueError as err:  # Python refuses numbers of more than 4300 digits
        raise InputError("not valid JSON for an entry: a number has too many digits", origin,
                         number) from err
    if not isinstance(value, dict):
        raise InputError(f"expected a JSON object {{...}}, got {_kind(value)}", origin, number)
    return value


def _entry(record: dict[str, Any], origin: str, number: int) -> Entry:
    """Check one decoded object field by field and build its Entry."""
    unknown = sorted(set(record) - set(FIELDS))
    if unknown:
        raise InputError(f'unknown field {_cut(unknown[0])}; known fields: {", ".join(FIELDS)}',
                         origin, number)
    entry_id, published, body = (_required(record, name, origin, number) for name in REQUIRED)
    text = {name: _optional(record, name, origin, number) for name in OPTIONAL_TEXT}
    speaker = clean_name(text["speaker"]) if text["speaker"] is not None else None
    return Entry(
        id=entry_id.strip(), published=_published(published, origin, number), body=body,
        title=text["title"] or "", speaker=speaker or None, source=text["source"],
        url=text["url"], about=" ".join(text["about"].split()) if text["about"] else None,
        authors=_authors(record.get("authors"), origin, number),
        origin=origin, line=number,
    )


def _required(record: dict[str, Any], name: str, origin: str, number: int) -> str:
    """The value of a required field: present, a string, and not empty."""
    value = _optional(record, name, origin, number)
    if value is None:
        raise InputError(f'"{name}" is missing; every entry needs "id", "published" and "body"',
                         origin, number)
    if not value.strip():
        raise InputError(f'"{name}" is empty, expected a non-empty string', origin, number)
    return value


def _optional(record: dict[str, Any], name: str, origin: str, number: int) -> str | None:
    """The value of a text field, None when absent or null; any other non-string is an error."""
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise InputError(f'"{name}" is {_kind(value)}, expected a string', origin, number)
    if value is not None and len(value) > MAX_ENTRY_CHARS:
        raise InputError(f'"{name}" is {len(value):,} characters long, more than the '
                         f"{MAX_ENTRY_CHARS:,} an entry's field may hold; split the entry",
                         origin, number)
    return clean(value) if value is not None else None


def _authors(value: Any, origin: str, number: int) -> tuple[str, ...]:
    """The `authors` field as a tuple of names; anything but a list of strings is an error."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InputError(f'"authors" is {_kind(value)}, expected a list of strings',
                         origin, number)
    for name in value:
        if not isinstance(name, str):
            raise InputError(f'"authors" holds {_kind(name)}, expected a list of strings',
                             origin, number)
    if sum(map(len, value)) > MAX_ENTRY_CHARS:
        raise InputError(f'"authors" holds more than the {MAX_ENTRY_CHARS:,} characters an '
                         "entry's field may hold", origin, number)
    return tuple(name for name in map(clean_name, value) if name)


def _published(value: str, origin: str, number: int) -> date | datetime:
    """Parse an ISO-8601 date (kept a date) or date-time (UTC when it has no offset)."""
    try:
        if _DATE_ONLY.match(value.strip()):
            return date.fromisoformat(value.strip())
        moment = datetime.fromisoformat(value.strip())
    except ValueError as err:
        raise InputError(f'"published" is {_cut(value)}, not an ISO-8601 date or date-time',
                         origin, number) from err
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    try:
        moment.astimezone(UTC)
    except OverflowError as err:
        raise InputError(f'"published" is {_cut(value)}, which is outside the years 1 to 9999 '
                         "in UTC", origin, number) from err
    return moment


def _cut(value: str, limit: int = 80) -> str:
    """A value as quoted in a message: in JSON quotes (so a line break shows as \\n), at most
    `limit` characters."""
    return json.dumps(value if len(value) <= limit else value[: limit - 1] + "…", ensure_ascii=False)


def _kind(value: Any) -> str:
    """How a JSON value's type is named in messages: "a number", "a list", ..."""
    return _JSON_TYPES.get(type(value), type(value).__name__)
