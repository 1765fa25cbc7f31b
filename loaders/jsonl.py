"""JSONL entries: one JSON object a line, e.g. the speeches of a Hansard debate.

    {"id": "hansard-03-001", "published": "2025-01-06", "body": "I call the ...",
     "speaker": "Madam Deputy Speaker (Ms Nusrat Ghani)", "source": "Hansard (House of Commons)"}

`id`, `published` and `body` are required strings; `title`, `speaker`, `source`, `url` are
optional strings and `authors` an optional list of strings (null is the same as absent).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

from standpoint.loaders.text import clean, read_text

from standpoint.errors import InputError
from standpoint.records import Entry

__all__ = ["FIELDS", "REQUIRED", "parse_jsonl", "read_jsonl"]

REQUIRED = ("id", "published", "body")
OPTIONAL_TEXT = ("title", "speaker", "source", "url")
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
            raise InputError(f'"id" "{entry.id}" is already used on line {first_line[entry.id]}; '
                             "ids must be unique within a file", origin, number)
        first_line[entry.id] = number
        yield entry


def read_jsonl(path: str | os.PathLike[str]) -> list[Entry]:
    """Read a JSONL file of entries; see `parse_jsonl` for the checks."""
    return list(parse_jsonl(read_text(path).split("\n"), origin=str(path)))


def _object(line: str, origin: str, number: int) -> dict[str, Any]:
    """Decode one line as a JSON object."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON: {err.msg} at column {err.colno}", origin,
                         number) from err
    if not isinstance(value, dict):
        raise InputError(f"expected a JSON object {{...}}, got {_kind(value)}", origin, number)
    return value


def _entry(record: dict[str, Any], origin: str, number: int) -> Entry:
    """Check one decoded object field by field and build its Entry."""
    unknown = sorted(set(record) - set(FIELDS))
    if unknown:
        raise InputError(f'unknown field "{unknown[0]}"; known fields: {", ".join(FIELDS)}',
                         origin, number)
    entry_id, published, body = (_required(record, name, origin, number) for name in REQUIRED)
    text = {name: _optional(record, name, origin, number) for name in OPTIONAL_TEXT}
    return Entry(
        id=entry_id, published=_published(published, origin, number), body=body,
        title=text["title"] or "", speaker=text["speaker"], source=text["source"],
        url=text["url"], authors=_authors(record.get("authors"), origin, number),
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
    return tuple(clean(name) for name in value)


def _published(value: str, origin: str, number: int) -> date | datetime:
    """Parse an ISO-8601 date (kept a date) or date-time (UTC when it has no offset)."""
    try:
        if _DATE_ONLY.match(value.strip()):
            return date.fromisoformat(value.strip())
        moment = datetime.fromisoformat(value.strip())
    except ValueError as err:
        raise InputError(f'"published" is "{value}", not an ISO-8601 date or date-time',
                         origin, number) from err
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _kind(value: Any) -> str:
    """How a JSON value's type is named in messages: "a number", "a list", ..."""
    return _JSON_TYPES.get(type(value), type(value).__name__)
