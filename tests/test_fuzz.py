"""Fuzzing with hypothesis: every parser, extraction and the CLI, on random and half-valid input.

Whatever the input, only our own errors (StandpointError and its subclasses) may escape; a few
properties must hold as well (spans point into the body, cleaning is idempotent, streaming reads
the same lines as reading whole). A short, reproducible run by default (FUZZ_EXAMPLES examples per
test); `pytest --slow` or STANDPOINT_SLOW=1 runs 10,000 random examples per parser.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import TypeVar

import pytest
from conftest import REGISTRY, invoke, slow_mode
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from standpoint.errors import StandpointError
from standpoint.loaders.extract import Extractor
from standpoint.loaders.hansard import parse_speaker, strip_name
from standpoint.loaders.jsonl import parse_jsonl, read_jsonl
from standpoint.loaders.liveblog import parse_liveblog, parse_meta
from standpoint.loaders.registry import parse_registry, read_registry
from standpoint.loaders.text import clean, clean_name, decode, read_lines
from standpoint.records import Entry

SLOW = slow_mode()
FUZZ_EXAMPLES = 10_000 if SLOW else 150
CLI_EXAMPLES = 10_000 if SLOW else 60
T = TypeVar("T")

fuzz = settings(
    max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=not SLOW, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
)


def only_our_errors(call: Callable[[], T]) -> T | None:
    """The call's result (a generator is run to its end), or None if it raised a StandpointError.

    Any other exception escapes, and hypothesis reports (and shrinks) the input that raised it.
    """
    try:
        result = call()
        if isinstance(result, Iterable) and not isinstance(result, (str, bytes, dict, list)):
            return list(result)  # type: ignore[return-value]
        return result
    except StandpointError as err:
        assert str(err) and "\n" not in str(err), repr(str(err))  # one line for the CLI
        return None


# -- strategies ---------------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
DATES = st.sampled_from([
    "2025-01-16", "2025-01-16T10:00:00", "2025-01-16T10:00:00Z", "2025-01-16T10:00:00+05:30",
    "20250116", "2025-W03-4", "2025-02-30", "2025-01-16T24:00:00", "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-01:00", "2025-01-16T10:00:00.123456789", "", " ", "16/01/2025",
]) | st.text(max_size=25)
NAMES = st.sampled_from([
    "Mrs Kemi Badenoch (North West Essex) (Con)",
    "The Secretary of State for the Home Department (Yvette Cooper)", "Madam Deputy Speaker (Ms Nusrat Ghani)", "Hon. Members", "Mr Speaker",
    "Mr محمد علي (Lab)", "\u202eMr John\u200b Smith", "()", "((Con))", "(Lab (Co-op))", "Lord X of Y",
    "The Lord Bishop of Z", " ", "", "Sir Keir Starmer KC MP (Holborn and St Pancras) (Lab)",
]) | st.text(max_size=40)
ENTRY = st.fixed_dictionaries({}, optional={
    "id": st.text(max_size=12) | JSON, "published": DATES | JSON, "body": st.text(max_size=80) | JSON,
    "title": st.text(max_size=20) | JSON, "speaker": NAMES | JSON, "url": st.text(max_size=20) | JSON,
    "source": st.text(max_size=10) | JSON, "authors": st.lists(NAMES, max_size=3) | JSON,
    "spekaer": st.text(max_size=5),
})
JSONL_LINE = st.one_of(
    ENTRY.map(lambda record: json.dumps(record)),
    ENTRY.map(lambda record: json.dumps(record, ensure_ascii=False)),
    ENTRY.map(lambda record: json.dumps(record)[: len(json.dumps(record)) // 2]),  # truncated
    JSON.map(json.dumps),
    st.text(max_size=60),
    st.sampled_from(["", " ", "\t", "{}", "[]", "null", '{"id": NaN}', "[" * 3000, '{"a": 1e999}']),
)
PAGE_PIECES = st.sampled_from([
    "published at 12:30 Greenwich Mean Time", "published at 23:59 GMT", "published at 00:00 BST",
    "published at 25:99 GMT", "published at 7:05 Martian Time", "1. ", "2. Analysis", "99999. ",
    "Summary", "• ", "\n", "\n\n", "\r\n", "\r", "Media caption,", "Image caption, a caption",
    "Image source, Getty", "Analysis", "Breaking", "Alison Holt\nSocial affairs editor\n",
    "Kemi Badenoch said: \"We need a national inquiry.\"", "Title", " ", "\u2028", "\x85", "\x0c",
])
PAGE = st.lists(PAGE_PIECES | st.text(max_size=12), max_size=40).map("".join)
META = st.lists(st.sampled_from([
    "date: ", "2025-01-16", "2025-02-30", "source: ", "url: ", "title: ", "publisher: ", "author: ",
    "\n", "[", "]", "{", "}", ":", "- ", "&a ", "*a", "!!python/object:os.system ", "'", '"', "~",
]) | st.text(max_size=8), max_size=20).map("".join)
REGISTRY_PIECES = st.sampled_from([
    "people:\n", "organisations:\n", "places:\n", "roles:\n", "issues:\n", "locations:\n",
    "  - id: a\n", "  - id: b\n", "  - id: Bad Id\n", "    name: A\n", "    name: 42\n", "    label: L\n",
    "    aliases: [x, y]\n", "    aliases: [1]\n", "    aliases: x\n", "    roles: [{role: r}]\n",
    "    roles: [{role: r, from: 2025-13-01}]\n", "    roles: [{role: r, from: 2025-01-01T10:00:00}]\n",
    "    roles: [{role: r, from: 2025-01-02, to: 2025-01-01}]\n", "    roles: x\n", "    roles: [1]\n",
    "    roles: [{role: [1]}]\n", "    roles: [{role: r, since: 2025-01-01}]\n", "    party: p\n",
    "    party: [1]\n", "    kind: party\n", "    kind: club\n", "    gender: female\n", "    gender: x\n",
    "    wikidata: Q42\n", "    wikidata: 42\n", "    description: [1]\n", "    located_in: {a: 1}\n",
    "    organisation: o\n", "    constituency: c\n", "  - id: r\n", "  - id: p\n", "  - id: o\n",
    "  - 1\n", "  - [a]\n", "&x a\n", "*x\n", "? [a]\n: b\n", "~\n", "[1]\n", "{1: 2}\n",
    "    name: \"\\u202e\\u200b\"\n", "    name: A\n    name: B\n", "  - id: \"a\\n\"\n", "\t", "- ",
])
REGISTRY_TEXT = st.lists(REGISTRY_PIECES | st.text(max_size=6), max_size=30).map("".join)
SPEECH = st.sampled_from([
    "Yvette Cooper", "Kemi Badenoch", "Chris Philp", "said", "says", "told", "urged", "argued",
    '"', "“", "”", "'", "‘", "’", "national inquiry", "a national inquiry into grooming gangs",
    "rapid audit", "local inquiries", "not", "never", "but", "she", "he", "they", "I", "we",
    "calls for", "rejects", "backs", "would be a mistake", ".", ",", "?", "!", ":", ";", "\n\n",
    "\n", " ", "(", ")", "Labour", "Conservative", "MP", "Mr", "Mrs", "the hon. Member for",
    "Hon. Members", "which", "who", "support", "oppose", "—", "–", "-", "Home Secretary",
    "Prime Minister", "Professor Jay", "Jay", "Sir Keir Starmer", "The", "\u200b", "\u202e", "🙂",
    "Does she agree that", "there is a need for", "I call", "With permission,", "U-turn",
])
BODY = st.one_of(
    st.text(min_size=1, max_size=200),
    st.lists(SPEECH, min_size=1, max_size=60).map(" ".join),
    st.lists(SPEECH, min_size=1, max_size=60).map("".join),
)
MOMENTS = st.dates() | st.datetimes(timezones=st.sampled_from(
    [UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5))]),
    min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31))


# -- text ---------------------------------------------------------------------------------------


@fuzz
@given(st.binary(max_size=600))
@example(b"\xff\xfe\x00\xd8")  # a UTF-16 BOM and a lone surrogate
@example(b"\xef\xbb\xbf")  # only a BOM
@example("\u202e\u200b".encode())  # only invisible characters
def test_decode_raises_only_input_errors(data: bytes) -> None:
    text = only_our_errors(lambda: decode(data, "fuzz.txt"))
    if text is not None:
        assert text.strip() and "\r" not in text and "\x00" not in text
        assert clean(text) == text


@fuzz
@given(st.text(max_size=300))
def test_cleaning_is_idempotent(text: str) -> None:
    assert clean(clean(text)) == clean(text)
    assert clean_name(clean_name(text)) == clean_name(text)
    assert "\u202e" not in clean(text) and "\u200b" not in clean_name(text)


@fuzz
@given(st.binary(max_size=600) | st.text(max_size=300).map(str.encode))
def test_streamed_lines_are_the_lines_of_the_whole_text(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonl"
        path.write_bytes(data)
        streamed = only_our_errors(lambda: read_lines(path))
        whole = only_our_errors(lambda: decode(data, str(path)))
    if streamed is not None and whole is not None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return  # cp1252 is chosen per line when streamed, per file when read whole
        assert [line for line in streamed if line.strip()] == [
            line for line in whole.split("\n") if line.strip()]


# -- loaders ------------------------------------------------------------------------------------


@fuzz
@given(st.lists(JSONL_LINE, max_size=6))
def test_parse_jsonl_raises_only_input_errors(lines: list[str]) -> None:
    entries = only_our_errors(lambda: parse_jsonl(lines, origin="fuzz.jsonl"))
    for entry in entries or []:
        assert entry.id and entry.id == entry.id.strip() and entry.body.strip()
        assert isinstance(entry.published, (date, datetime))
        if isinstance(entry.published, datetime):
            assert entry.published.tzinfo is not None
            entry.published.astimezone(UTC)  # never outside the years datetime can hold


@fuzz
@given(st.lists(JSONL_LINE, max_size=6), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]),
       st.sampled_from(["\n", "\r\n", "\r"]))
def test_read_jsonl_of_any_file_raises_only_input_errors(lines: list[str], encoding: str,
                                                           newline: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.jsonl"
        path.write_bytes(newline.join(lines).encode(encoding, errors="replace"))
        only_our_errors(lambda: read_jsonl(path))


@fuzz
@given(PAGE, st.dates())
@example("1. Apublished at 23:00 GMT\n2. Bpublished at 01:00 GMT\n", date(9999, 12, 31))
@example("1. Apublished at 00:30 BST\n", date(1, 1, 1))
def test_parse_liveblog_raises_only_input_errors(text: str, day: date) -> None:
    entries = only_our_errors(lambda: parse_liveblog(text, page_date=day, source="fuzz",
                                                     origin="fuzz.txt"))
    ids = [entry.id for entry in entries or []]
    assert len(ids) == len(set(ids))


@fuzz
@given(META)
def test_parse_meta_raises_only_input_errors(text: str) -> None:
    only_our_errors(lambda: parse_meta(text, origin="fuzz.meta.yaml"))


@fuzz
@given(REGISTRY_TEXT)
@example("people: " + "[" * 3000 + "]" * 3000)
@example("people:\n  - id: a\n    name: A\n    roles: [{role: r, from: 2025-13-01}]\n")
def test_parse_registry_raises_only_registry_errors(text: str) -> None:
    only_our_errors(lambda: parse_registry(text, origin="fuzz.yaml"))


@fuzz
@given(NAMES | st.lists(st.sampled_from(["(", ")", "Mr ", "Madam Deputy Speaker ", "The ", "Lord ",
                                         "Bishop of ", "(Con)", "(in the Chair)", " of ", ",", "—",
                                         ":", "x", "Rt Hon ", "KC ", "MP"]), max_size=12).map("".join))
def test_hansard_speaker_parsing_never_fails(text: str) -> None:
    speaker = parse_speaker(text)  # a speaker string is free text: any of it parses
    assert isinstance(speaker.name, str)
    assert isinstance(strip_name(text)[0], str)


# -- extraction ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(read_registry(REGISTRY))


@fuzz
@given(BODY, NAMES | st.none(), st.lists(NAMES, max_size=2), MOMENTS, st.text(max_size=20))
def test_extraction_raises_nothing_and_spans_point_into_the_body(
        extractor: Extractor, body: str, speaker: str | None, authors: list[str],
        published: date | datetime, title: str) -> None:
    entry = Entry(id="fuzz-1", published=published, body=clean(body), speaker=speaker or None,
                  authors=tuple(a for a in map(clean_name, authors) if a), title=title,
                  origin="fuzz.jsonl")
    extractor.prepare([entry])
    extraction = only_our_errors(lambda: extractor.extract(entry))
    for statement in extraction.statements if extraction else []:
        assert entry.body[statement.start:statement.end] == statement.text
        assert statement.text.strip()
        assert statement.kind in ("direct", "reported")
        assert statement.stance in (None, "supports", "opposes")
        assert 0 <= statement.confidence <= 1


# -- the command line ---------------------------------------------------------------------------

WORDS = st.sampled_from([
    "national inquiry", "Badenoch", "", " ", "'", '"', "{", "}", "\\", "<script>", "%s", "${x}",
    "-", "--", "--help", "-h", "--format", "json", "csv", "table", "xml", "--store", "--issue",
    "--actor", "--graph", "falkordb://127.0.0.1:1", "bolt://", "http://x", "neo4j://[::1]:bad",
    "--date", "2025-02-30", "9999-12-31", "--min-confidence", "2", "-1", "nan", "--changed",
    "--to", "turtle", "gexf", "--out", "--registry", "--batch-size", "0", "\x1b[31m", "\u202e",
    "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "ASK { }", "CONSTRUCT WHERE { ?s ?p ?o }", "DELETE WHERE { ?s ?p ?o }",
    "MATCH (n) RETURN n", "PREFIX x: <", "SELECT ?x WHERE { BIND(1/0 AS ?x) }",
]) | st.text(max_size=12).filter(lambda word: "\x00" not in word)  # argv cannot hold a NUL
COMMANDS = st.sampled_from(["entries", "actors", "positions", "said", "timeline", "show", "export",
                            "sparql", "cypher", "sync", "build", "evaluate", "validate", "nosuch", ""])


@settings(fuzz, max_examples=CLI_EXAMPLES)
@given(COMMANDS, st.lists(WORDS, max_size=6), st.sampled_from(["store", "file", "folder", "none"]))
def test_the_cli_with_random_arguments_never_raises(
        seed_store: Path, command: str, words: list[str], where: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "bad.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
        store = {"store": seed_store, "file": work / "bad.jsonl", "folder": work,
                 "none": work / "nowhere"}[where]
        args = [command, *words] if command else words
        if command in ("show", "export"):
            args += ["--out", str(work / "out")]
        if command == "build":
            store = work / "new-store"  # never write to the shared seed store
            args += [str(work / "bad.jsonl")]
        if command == "validate" and where == "store":
            return  # SHACL validation of the seed takes seconds; test_cli covers it
        result = invoke(*args, "--store", store, env={"STANDPOINT_LOCK_WAIT": "0"})
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    if result.exit_code == 1:
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith("standpoint: error: "), result.stderr


def test_the_text_module_examples() -> None:
    import doctest

    from standpoint.loaders import text

    result = doctest.testmod(text)
    assert result.attempted >= 3 and result.failed == 0
