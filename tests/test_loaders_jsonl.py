"""The JSONL loader on the two Hansard debates and on bad input files."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from standpoint.errors import InputError
from standpoint.loaders import read_source
from standpoint.loaders.jsonl import parse_jsonl, read_jsonl

DATA = Path(__file__).resolve().parent / "data"
STATEMENT = DATA / "hansard-2025-01-06-commons-cse-statement.jsonl"
TACKLING = DATA / "hansard-2025-04-08-commons-tackling-csa.jsonl"


def _lines(*records: dict[str, object]) -> list[str]:
    """JSONL lines for the given records."""
    return [json.dumps(record) for record in records]


@pytest.mark.parametrize(("path", "count", "day"), [
    (STATEMENT, 11, date(2025, 1, 6)),
    (TACKLING, 8, date(2025, 4, 8)),
])
def test_hansard_files_load_with_date_only_published(path: Path, count: int, day: date) -> None:
    entries = read_jsonl(path)
    assert len(entries) == count
    assert {entry.published for entry in entries} == {day}
    assert not any(isinstance(entry.published, datetime) for entry in entries)
    assert [entry.line for entry in entries] == list(range(1, count + 1))
    assert {(entry.source, entry.origin) for entry in entries} == {
        ("Hansard (House of Commons)", str(path))}
    assert read_source(path) == entries


def test_hansard_entry_fields() -> None:
    first, second = read_jsonl(STATEMENT)[:2]
    assert first.id == "hansard-03-001"
    assert first.speaker == "Madam Deputy Speaker (Ms Nusrat Ghani)"
    assert first.body == "I call the Liberal Democrat spokesperson."
    assert first.published_iso == "2025-01-06"
    assert first.title.startswith("Child Sexual Exploitation and Abuse (House of Commons")
    assert first.url == ("https://parallelparliament.co.uk/mp/lisa-smart/debate/Commons/2025-01-06"
                         "/debates/82491377-55C1-444F-8A7D-0EF61A181771/"
                         "ChildSexualExploitationAndAbuse")
    assert (first.authors, first.label, first.captions) == ((), None, ())
    assert second.speaker == "Lisa Smart (Hazel Grove) (LD)"
    assert second.body.startswith("I thank the Home Secretary for advance sight of her statement.")
    assert "\n" in second.body


def test_tackling_speakers_in_order() -> None:
    assert [entry.speaker for entry in read_jsonl(TACKLING)] == [
        "The Parliamentary Under-Secretary of State for the Home Department (Jess Phillips)",
        "Katie Lam (Weald of Kent) (Con)",
        "Jess Phillips",
        "Dr Scott Arthur (Edinburgh South West) (Lab)",
        "Jess Phillips",
        "Jess Phillips",
        "Harpreet Uppal (Huddersfield) (Lab)",
        "Jess Phillips",
    ]


def test_date_times_keep_their_offset_and_naive_ones_are_utc() -> None:
    entries = list(parse_jsonl(_lines(
        {"id": "a", "published": "2025-06-12T10:40:00+01:00", "body": "x"},
        {"id": "b", "published": "2025-01-16T15:18:00Z", "body": "x"},
        {"id": "c", "published": "2025-01-16T15:18", "body": "x"},
        {"id": "d", "published": "2025-01-16", "body": "x"},
    ), origin="t.jsonl"))
    assert [entry.published for entry in entries] == [
        datetime(2025, 6, 12, 10, 40, tzinfo=timezone(timedelta(hours=1))),
        datetime(2025, 1, 16, 15, 18, tzinfo=UTC),
        datetime(2025, 1, 16, 15, 18, tzinfo=UTC),
        date(2025, 1, 16),
    ]
    assert entries[2].published_iso == "2025-01-16T15:18:00+00:00"


def test_optional_fields_and_blank_lines() -> None:
    lines = ["", *_lines(
        {"id": "a", "published": "2025-01-16", "body": "Text.", "title": "T", "speaker": None,
         "authors": ["Alex Forsyth", "Alison Holt"], "source": "bbc", "url": "https://x.org/a"},
    ), "   ", *_lines({"id": "b", "published": "2025-01-16", "body": "More."})]
    first, second = parse_jsonl(lines, origin="t.jsonl")
    assert (first.title, first.speaker, first.authors, first.source, first.url, first.line) == (
        "T", None, ("Alex Forsyth", "Alison Holt"), "bbc", "https://x.org/a", 2)
    assert (second.title, second.authors, second.source, second.line) == ("", (), None, 4)


# Bad files: every problem names the file, the line and what is expected.

@pytest.mark.parametrize(("name", "message"), [
    ("bad-not-json.jsonl", (r"bad-not-json\.jsonl line 3: not valid JSON: Expecting property "
                            r"name enclosed in double quotes at column 67")),
    ("bad-not-object.jsonl", (r"bad-not-object\.jsonl line 2: expected a JSON object \{\.\.\.\}, "
                              r"got a list")),
    ("bad-missing-body.jsonl", (r'bad-missing-body\.jsonl line 2: "body" is missing; every entry '
                                r'needs "id", "published" and "body"')),
    ("bad-authors.jsonl", (r'bad-authors\.jsonl line 1: "authors" is a string, expected a list '
                           r"of strings")),
    ("bad-date.jsonl", (r'bad-date\.jsonl line 3: "published" is "2025-13-01", not an ISO-8601 '
                        r"date or date-time")),
    ("bad-duplicate.jsonl", (r'bad-duplicate\.jsonl line 3: "id" "a-1" is already used on line 1; '
                             r"ids must be unique within a file")),
])
def test_bad_files(name: str, message: str) -> None:
    with pytest.raises(InputError, match=f"data[/\\\\]{message}$"):
        read_jsonl(DATA / name)


def test_bad_file_error_carries_path_and_line() -> None:
    with pytest.raises(InputError) as caught:
        read_source(DATA / "bad-date.jsonl")
    assert (caught.value.path, caught.value.line) == (str(DATA / "bad-date.jsonl"), 3)


@pytest.mark.parametrize(("record", "message"), [
    ({"id": 7, "published": "2025-01-16", "body": "x"}, r'"id" is a number, expected a string'),
    ({"id": " ", "published": "2025-01-16", "body": "x"},
     r'"id" is empty, expected a non-empty string'),
    ({"id": "a", "published": "2025-01-16", "body": ""},
     r'"body" is empty, expected a non-empty string'),
    ({"published": "2025-01-16", "body": "x"}, r'"id" is missing'),
    ({"id": "a", "body": "x"}, r'"published" is missing'),
    ({"id": "a", "published": 20250116, "body": "x"},
     r'"published" is a number, expected a string'),
    ({"id": "a", "published": "2025-02-30", "body": "x"},
     r'"published" is "2025-02-30", not an ISO-8601 date or date-time'),
    ({"id": "a", "published": "2025-01-16T25:00", "body": "x"},
     r'"published" is "2025-01-16T25:00", not an ISO-8601 date or date-time'),
    ({"id": "a", "published": "16/01/2025", "body": "x"},
     r'"published" is "16/01/2025", not an ISO-8601 date or date-time'),
    ({"id": "a", "published": "2025-01-16", "body": "x", "speaker": ["Yvette Cooper"]},
     r'"speaker" is a list, expected a string'),
    ({"id": "a", "published": "2025-01-16", "body": "x", "authors": ["Alex Forsyth", 3]},
     r'"authors" holds a number, expected a list of strings'),
    ({"id": "a", "published": "2025-01-16", "body": "x", "speakr": "Yvette Cooper"},
     (r'unknown field "speakr"; known fields: id, published, body, title, speaker, source, '
      r"url, about, authors")),
])
def test_bad_records(record: dict[str, object], message: str) -> None:
    lines = _lines({"id": "ok", "published": "2025-01-16", "body": "Fine."}, record)
    with pytest.raises(InputError, match=rf"^corpus\.jsonl line 2: {message}"):
        list(parse_jsonl(lines, origin="corpus.jsonl"))


def test_binary_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "bad-archive.jsonl"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00")
    with pytest.raises(InputError, match=r"bad-archive\.jsonl: binary file, not text"):
        read_source(path)


def test_bom_and_crlf_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "windows.ndjson"
    path.write_bytes(b"\xef\xbb\xbf" + STATEMENT.read_bytes().replace(b"\n", b"\r\n"))
    entries = read_source(path)
    assert [(e.id, e.body) for e in entries] == [(e.id, e.body) for e in read_jsonl(STATEMENT)]
