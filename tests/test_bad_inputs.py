"""The corpus of bad inputs (tests/bad_inputs/, plus large files made here) through `standpoint build`.

Each case is built into a store that already holds the seed, through the real CLI, and gets the
documented outcome: text a user would expect to load (Latin-1, a BOM, UTF-16, CRLF, names with
right-to-left or invisible characters) is loaded, normalised; anything else is refused with one
line naming the file (and the line), exit code 1, no traceback, and the store exactly as it was.
"""

from __future__ import annotations

import codecs
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import error_line, invoke, quads

from standpoint.loaders.text import MAX_ENTRY_CHARS, MAX_LINE_BYTES, MAX_TEXT_BYTES

BAD = Path(__file__).resolve().parent / "bad_inputs"
GOOD = BAD / "good.jsonl"
DAY = ("--date", "2025-01-16")
SUPPORT = "We need a national inquiry into grooming gangs."


@dataclass(frozen=True)
class Refused:
    """One line on stderr: `standpoint: error: FILE[ line N]: MESSAGE...` (FILE: the source,
    unless `file` names another, e.g. the metadata file beside it)."""

    message: str
    line: int | None = None
    file: str | None = None


@dataclass(frozen=True)
class Loaded:
    """The build succeeds; `entries` maps entry ids to fields `standpoint entries` must show, and
    `actors` lists names `standpoint actors` must show."""

    entries: dict[str, dict[str, Any]]
    actors: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()  # texts that must appear nowhere in the entries and actors


@dataclass(frozen=True)
class Case:
    source: str | Callable[[Path], Path]  # a file in tests/bad_inputs/, or a maker of one
    outcome: Refused | Loaded
    args: tuple[str, ...] = ()
    registry: str | None = None
    more: tuple[str, ...] = field(default=())  # further sources, before it


# -- large or generated inputs (made in tmp_path, never committed) --------------------------------


def _line(number: int, body: str = SUPPORT, **fields: Any) -> str:
    return json.dumps({"id": f"big-{number:06d}", "published": "2025-01-16", "body": body,
                       **fields}) + "\n"


FIFTY_MB_BODY = (SUPPORT + " ") * 20
FIFTY_MB_LINES = 50 * 1024**2 // len(_line(1, FIFTY_MB_BODY)) + 1


def fifty_mb_truncated(folder: Path) -> Path:
    """A 50 MB JSONL file of good entries whose last line was cut off mid-write."""
    path = folder / "fifty-mb.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(1, FIFTY_MB_LINES + 1):
            out.write(_line(number, FIFTY_MB_BODY))
        out.write(_line(FIFTY_MB_LINES + 1)[:40])
    assert path.stat().st_size > 50 * 1024**2
    return path


def few_mb_line(folder: Path) -> Path:
    """A line of 3 MB (a long title) between two ordinary lines."""
    path = folder / "long-line.jsonl"
    path.write_text(_line(1) + _line(2, title="T" * 3_000_000) + _line(3), encoding="utf-8")
    return path


def line_over_limit(folder: Path) -> Path:
    """One line longer than MAX_LINE_BYTES, after a good one."""
    path = folder / "huge-line.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write(_line(1))
        out.write('{"id": "huge", "published": "2025-01-16", "body": "')
        out.write("x" * (MAX_LINE_BYTES + 10))
        out.write('"}\n')
    return path


def body_over_limit(folder: Path) -> Path:
    """An entry whose body is one character longer than MAX_ENTRY_CHARS."""
    path = folder / "huge-body.jsonl"
    path.write_text(_line(1) + _line(2, "y" * (MAX_ENTRY_CHARS + 1)), encoding="utf-8")
    return path


def page_over_limit(folder: Path) -> Path:
    """A live page larger than MAX_TEXT_BYTES, the most read at once."""
    path = folder / "huge-page.txt"
    paragraph = ("The committee met again today. " * 30 + "\n") * 1024
    with path.open("w", encoding="utf-8") as out:
        out.write("1. A titlepublished at 10:00 Greenwich Mean Time\n")
        while out.tell() <= MAX_TEXT_BYTES:
            out.write(paragraph)
    return path


def nul_after_start(folder: Path) -> Path:
    """Text whose first 64 KB are fine, then a NUL byte on a later line."""
    path = folder / "nul-later.jsonl"
    lines = [_line(n) for n in range(1, 2001)]
    path.write_bytes("".join(lines).encode() + b'{"id": "x", "body": "\x00"}\n')
    return path


def deep_json(folder: Path) -> Path:
    """A line of JSON nested 100,000 deep."""
    path = folder / "deep.jsonl"
    path.write_text(_line(1) + '{"id": ' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    return path


def deep_registry(folder: Path) -> Path:
    """A registry nested 10,000 deep."""
    path = folder / "deep-registry.yaml"
    path.write_text("people: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    return path


def utf16_page(folder: Path) -> Path:
    """A live page in UTF-16 with a BOM and CRLF line endings."""
    path = folder / "utf16-page.txt"
    text = (BAD / "liveblog-crlf-bom.txt").read_text(encoding="utf-8-sig")
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    return path


def missing(folder: Path) -> Path:
    return folder / "no-such-file.jsonl"


def folder_source(folder: Path) -> Path:
    (folder / "empty-folder").mkdir()
    return folder / "empty-folder"


# -- the table --------------------------------------------------------------------------------------

POST = {"published": "2025-01-16T15:59:00+00:00", "title": "First post title"}
CASES: dict[str, Case] = {
    # loaded, as a user would expect
    "Latin-1 text": Case("latin1.jsonl", Loaded(
        {"latin1-1": {"speaker": "Mrs Hélène Dubois (Con)"}}, actors=("Hélène Dubois",))),
    "cp1252 curly quotes": Case("cp1252-quotes.jsonl", Loaded({"cp1252-1": {}})),
    "UTF-8 with a BOM": Case("utf8-bom.jsonl", Loaded({"bom-1": {}}, absent=("\ufeff",))),
    "UTF-16 LE with a BOM and CRLF": Case("utf16-le-bom.jsonl", Loaded({"utf16-1": {}, "utf16-2": {}})),
    "UTF-16 BE without a BOM": Case("utf16-be-nobom.jsonl", Loaded({"utf16be-1": {}})),
    "UTF-32 with a BOM": Case("utf32-bom.jsonl", Loaded({"utf32-1": {}})),
    "CRLF line endings": Case("crlf.jsonl", Loaded({"crlf-0": {}, "crlf-1": {}, "crlf-2": {}})),
    "CR line endings": Case("cr-only.jsonl", Loaded({"cr-0": {}, "cr-1": {}, "cr-2": {}})),
    "blank and whitespace lines": Case("blank-lines.jsonl", Loaded({"blank-1": {}, "blank-2": {}})),
    "UTF-8 and Latin-1 lines mixed": Case("mixed-encodings.jsonl", Loaded(
        {"mixed-1": {}, "mixed-2": {}}, absent=("Ã", "\ufffd"))),
    "control characters": Case("control-chars.jsonl", Loaded(
        {"ctrl-1": {"title": "Title"}}, absent=("\x07", "\x1b", "\x7f", "\x01", "\x08"))),
    "right-to-left names": Case("rtl-names.jsonl", Loaded(
        {"rtl-1": {"speaker": "Mr محمد علي (Bradford West) (Lab)"}, "rtl-2": {"authors": ["דוד כהן"]}},
        actors=("محمد علي", "דוד כהן"))),
    "zero-width and bidi controls in names": Case("invisible-names.jsonl", Loaded(
        {"invisible-1": {"speaker": "Mr John Smith (Con)", "authors": ["Jane Doe"]}},
        actors=("John Smith", "Jane Doe"),
        absent=("\u200b", "\u200d", "\u202e", "\u200f", "\u2066", "\u2069", "\ufeff", "\u00ad"))),
    "an unpaired surrogate": Case("unpaired-surrogate.jsonl", Loaded({"surrogate-1": {}})),
    "decomposed accents (NFD)": Case("nfd-names.jsonl", Loaded(
        {"nfd-1": {"speaker": "Mrs Renée Lefèvre (Lab)"}}, actors=("Renée Lefèvre",),
        absent=("\u0301", "\u0300"))),
    "an id with spaces around it": Case("id-whitespace.jsonl", Loaded({"padded-id": {}})),
    "null optional fields": Case("null-optional-fields.jsonl", Loaded(
        {"nulls-1": {"title": None, "speaker": None, "authors": [], "url": None}})),
    "HTML and JavaScript in fields": Case("hostile-html.jsonl", Loaded({"hostile-1": {
        "title": "<script>alert(1)</script>", "url": "javascript:alert(1)",
        "source": "</script><img src=x onerror=alert(1)>"}})),
    "a line of a few MB": Case(few_mb_line, Loaded({"big-000001": {}, "big-000003": {}})),
    "live page in Latin-1": Case("liveblog-latin1.txt", Loaded(
        {"liveblog-latin1-1559": POST, "liveblog-latin1-1605": {}}), args=DAY),
    "live page with a BOM and CRLF": Case("liveblog-crlf-bom.txt", Loaded(
        {"liveblog-crlf-bom-1559": POST}), args=DAY),
    "live page in UTF-16": Case(utf16_page, Loaded({"utf16-page-1559": POST}), args=DAY),
    "registry in UTF-16": Case("good.jsonl", Loaded({"good-1": {}}, actors=("Zoë Doe",)),
                               registry="registry-utf16.yaml"),
    "registry in Latin-1": Case("good.jsonl", Loaded({"good-1": {}}, actors=("Zoë Doe",)),
                                registry="registry-latin1.yaml"),
    "registry names with bidi and zero-width": Case("good.jsonl", Loaded(
        {"good-1": {}}, actors=("Jane Doe",), absent=("\u202e", "\u200b", "\u2067")),
        registry="registry-rtl-invisible.yaml"),
    # refused: sources
    "missing file": Case(missing, Refused("no such file")),
    "a folder with no sources": Case(folder_source, Refused("folder holds no .txt, .jsonl")),
    "empty file": Case("empty.jsonl", Refused("empty file: there is no text to load")),
    "whitespace only": Case("whitespace.jsonl", Refused("empty file: there is no text to load")),
    "binary (PNG)": Case("binary.jsonl", Refused("binary file, not text")),
    "binary without NUL bytes": Case("binary-no-nul.jsonl", Refused("binary file, not text")),
    "a NUL byte after the first 64 KB": Case(nul_after_start, Refused(
        "binary data (a NUL byte), not text", 2001)),
    "invalid UTF-16": Case("utf16-invalid.jsonl", Refused(
        "binary data, not text (invalid utf-16-le)", 2)),
    "truncated last line": Case("truncated.jsonl", Refused("not valid JSON: Unterminated string", 3)),
    "a list, not an object": Case("array-line.jsonl", Refused(
        "expected a JSON object {...}, got a list", 2)),
    "a string, not an object": Case("string-line.jsonl", Refused(
        "expected a JSON object {...}, got a string", 1)),
    "null, not an object": Case("null-line.jsonl", Refused("expected a JSON object {...}, got null", 2)),
    "missing body": Case("missing-body.jsonl", Refused('"body" is missing', 1)),
    "missing id": Case("missing-id.jsonl", Refused('"id" is missing', 2)),
    "published is a number": Case("published-number.jsonl", Refused(
        '"published" is a number, expected a string', 1)),
    "body is a list": Case("body-list.jsonl", Refused('"body" is a list, expected a string', 1)),
    "authors is a string": Case("authors-not-list.jsonl", Refused(
        '"authors" is a string, expected a list of strings', 1)),
    "authors holds a number": Case("authors-with-number.jsonl", Refused(
        '"authors" holds a number, expected a list of strings', 1)),
    "a misspelt field": Case("unknown-field.jsonl", Refused('unknown field "spekaer"; known fields:', 1)),
    "impossible date": Case("impossible-date.jsonl", Refused(
        '"published" is "2025-02-30", not an ISO-8601 date or date-time', 1)),
    "impossible time": Case("impossible-time.jsonl", Refused(
        '"published" is "2025-01-16T24:61:00", not an ISO-8601', 1)),
    "impossible offset": Case("impossible-offset.jsonl", Refused(
        '"published" is "2025-01-16T10:00:00+25:00", not an ISO-8601', 1)),
    "before year 1 in UTC": Case("out-of-range-utc.jsonl", Refused(
        "outside the years 1 to 9999 in UTC", 1)),
    "duplicate ids, different content": Case("duplicate-ids.jsonl", Refused(
        '"id" "dup-1" is already used on line 1; ids must be unique within a file', 2)),
    "duplicate ids in two files": Case("duplicate-across-b.jsonl", Refused(
        "entry id 'across-1' is also in ", 2), more=("duplicate-across-a.jsonl",)),
    "a number of 5000 digits": Case("huge-number.jsonl", Refused(
        "not valid JSON for an entry: a number has too many digits", 1)),
    "JSON nested 100,000 deep": Case(deep_json, Refused("not valid JSON for an entry: nested too deeply", 2)),
    "body of control characters only": Case("body-only-control.jsonl", Refused('"body" is empty', 1)),
    "an id of spaces": Case("empty-id.jsonl", Refused('"id" is empty', 1)),
    "a 50 MB file cut off at the end": Case(fifty_mb_truncated, Refused(
        "not valid JSON: Unterminated string", FIFTY_MB_LINES + 1)),
    "a line over the line limit": Case(line_over_limit, Refused(
        "the line is longer than 64 MB, the most standpoint reads in one line", 2)),
    "a body over the entry limit": Case(body_over_limit, Refused(
        f'"body" is {MAX_ENTRY_CHARS + 1:,} characters long, more than the {MAX_ENTRY_CHARS:,}', 2)),
    "a live page over the file limit": Case(page_over_limit, Refused(
        "the file is larger than 64 MB, the most standpoint reads at once"), args=DAY),
    "live page without posts": Case("liveblog-no-posts.txt", Refused("no live-blog posts found", 1),
                                    args=DAY),
    "live page, impossible time": Case("liveblog-bad-time.txt", Refused(
        'time "25:61" is not a time of day', 4), args=DAY),
    "live page, unknown time zone": Case("liveblog-unknown-zone.txt", Refused(
        'unknown time zone "Martian Time"', 1), args=DAY),
    "live page without a date": Case("liveblog-no-date.txt", Refused(
        "the page date is not in the text: pass --date")),
    "live page, impossible metadata date": Case("liveblog-bad-meta.txt", Refused(
        '"date" is "2025-02-30", not a real date', 2, file="liveblog-bad-meta.meta.yaml")),
    "live page, unknown metadata key": Case("liveblog-meta-unknown-key.txt", Refused(
        'unknown key "author"; known keys:', 2, file="liveblog-meta-unknown-key.meta.yaml")),
}


def _registry(name: str, message: str, line: int | None = None) -> Case:
    return Case("good.jsonl", Refused(message, line), registry=name)


CASES.update({
    "registry: not YAML": _registry("registry-not-yaml.yaml", "not valid YAML: expected ',' or ']'", 22),
    "registry: a list": _registry("registry-list.yaml", "expected a mapping with sections", 1),
    "registry: unknown section": _registry("registry-unknown-section.yaml",
                                           "unknown section 'locations'", 1),
    "registry: section not a list": _registry("registry-section-not-list.yaml",
                                              "section 'places' must be a list", 5),
    "registry: entry not a mapping": _registry("registry-entry-not-mapping.yaml",
                                               "each entry of 'places' must be a mapping", 6),
    "registry: unknown field": _registry("registry-unknown-field.yaml",
                                         "person 'jane-doe': unknown field 'twitter'", 12),
    "registry: missing name": _registry("registry-missing-name.yaml",
                                        "person is missing 'name' (a non-empty text)", 12),
    "registry: name is a number": _registry("registry-name-number.yaml",
                                            "person 'jane-doe': 'name' is 42, expected a text", 12),
    "registry: bad id": _registry("registry-bad-id.yaml",
                                  "id 'Jane Doe' must be lower-case letters, digits and hyphens", 12),
    "registry: duplicate id": _registry("registry-duplicate-id.yaml", "duplicate id 'leeds'", 8),
    "registry: a key given twice": _registry("registry-duplicate-key.yaml",
                                             "not valid YAML: 'name' is given twice (first on line 13)", 14),
    "registry: aliases not a list": _registry("registry-aliases-not-list.yaml",
                                              "aliases must be a list of texts", 19),
    "registry: unknown role": _registry("registry-unknown-role.yaml",
                                        "role 'home-secretery' is not a known role", 17),
    "registry: role ends before it starts": _registry("registry-role-ends-first.yaml",
                                                      "ends (2023-01-01) before it starts", 17),
    "registry: impossible date": _registry("registry-impossible-date.yaml",
                                           "from '2024-13-05' is not a date", 17),
    "registry: a date-time, not a date": _registry("registry-datetime.yaml",
                                                   "from '2024-07-05T10:00:00' is not a date", 17),
    "registry: unknown party": _registry("registry-unknown-party.yaml",
                                         "party 'labor' is not a known organisation", 12),
    "registry: bad gender": _registry("registry-bad-gender.yaml", "gender 'f' is not one of", 12),
    "registry: bad organisation kind": _registry("registry-bad-kind.yaml", "kind 'club' is not one of", 2),
    "registry: bad Wikidata id": _registry("registry-bad-wikidata.yaml", "is not a Q-id like Q42", 6),
    "registry: unknown role field": _registry("registry-unknown-role-field.yaml",
                                              "unknown role field 'since'", 17),
    "registry: a Python object tag": _registry("registry-python-tag.yaml",
                                               "not valid YAML: could not determine a constructor", 7),
    "registry: empty": _registry("registry-empty.yaml", "empty file: there is no text to load"),
    "registry: binary": _registry("registry-binary.yaml", "binary file, not text"),
    "registry: a name of invisible characters": _registry("registry-invisible-name.yaml",
                                                          "has no visible text", 6),
    "registry: anchors and aliases (billion laughs)": _registry("registry-billion-laughs.yaml",
                                                                "unknown section 'a'", 1),
    "registry: missing": _registry("registry-nowhere.yaml", "registry file not found"),
    "registry: nested 10,000 deep": Case("good.jsonl", Refused("not a registry: nested too deeply"),
                                         registry="deep"),
})


def test_the_corpus_has_at_least_thirty_cases_of_each_kind() -> None:
    refused = [c for c in CASES.values() if isinstance(c.outcome, Refused)]
    loaded = [c for c in CASES.values() if isinstance(c.outcome, Loaded)]
    assert len(CASES) >= 30 and len(refused) >= 30 and len(loaded) >= 15
    named = {c.source for c in CASES.values() if isinstance(c.source, str)}
    named |= {c.registry for c in CASES.values() if c.registry} | {m for c in CASES.values() for m in c.more}
    on_disk = {p.name for p in BAD.iterdir() if p.suffix in (".jsonl", ".txt", ".yaml")
               and not p.name.endswith(".meta.yaml")}
    assert on_disk - named == {"registry-good.yaml"}  # every file in the corpus is a case


def _paths(case: Case, folder: Path) -> tuple[list[str], str, str | None]:
    """The build's arguments, the source path as named, and the registry path as named."""
    source = str(BAD / case.source) if isinstance(case.source, str) else str(case.source(folder))
    args = [str(BAD / more) for more in case.more] + [source, *case.args]
    registry = None
    if case.registry == "deep":
        registry = str(deep_registry(folder))
    elif case.registry:
        registry = str(BAD / case.registry)
    if registry:
        args += ["--registry", registry]
    return args, source, registry


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory, seed_store: Path) -> tuple[Path, set[Any]]:
    """One copy of the seed store for every refused case (none may change it) and its quads."""
    store = tmp_path_factory.mktemp("bad-inputs") / "store"
    shutil.copytree(seed_store, store)
    return store, quads(store)


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if isinstance(c.outcome, Refused)])
def test_refused_input_is_one_line_naming_file_and_line_and_the_store_is_unchanged(
        name: str, tmp_path: Path, shared_store: tuple[Path, set[Any]]) -> None:
    case, (store, before) = CASES[name], shared_store
    assert isinstance(case.outcome, Refused)
    args, source, registry = _paths(case, tmp_path)
    result = invoke("build", *args, "--store", store)
    line = error_line(result)
    named = registry or (str(BAD / case.outcome.file) if case.outcome.file else source)
    where = f"{named} line {case.outcome.line}: " if case.outcome.line else f"{named}"
    assert line.startswith(f"standpoint: error: {where}"), line
    assert case.outcome.message in line, line
    assert len(line) < 1000  # one readable line, whatever the input held
    if not case.outcome.line:
        assert not line.startswith(f"standpoint: error: {named} line "), line
    assert result.stdout == ""
    assert quads(store) == before
    names = [p.name for p in store.iterdir()]
    assert len([n for n in names if n.startswith("gen-") and (store / n).is_dir()]) <= 1
    assert [n for n in names if n.startswith((".build-", ".current-", ".trash-"))] == []


def _rows(command: str, store: Path) -> list[dict[str, Any]]:
    result = invoke(command, "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if isinstance(c.outcome, Loaded)])
def test_input_a_user_would_expect_to_load_is_loaded_and_normalised(
        name: str, tmp_path: Path, store_copy: Path) -> None:
    case = CASES[name]
    assert isinstance(case.outcome, Loaded)
    args, _, registry = _paths(case, tmp_path)
    if registry:  # a registry of its own drops the seed store's: the build must be asked to
        args.append("--replace-registry")
    before = quads(store_copy)
    result = invoke("build", *args, "--store", store_copy)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert quads(store_copy) != before
    entries = {e["id"]: e for e in _rows("entries", store_copy)}
    for entry_id, fields in case.outcome.entries.items():
        assert entry_id in entries, sorted(entries)
        for key, value in fields.items():
            assert entries[entry_id][key] == value, (entry_id, key)
    actors = _rows("actors", store_copy)
    names = {a["name"] for a in actors} | {alias for a in actors for alias in a["aliases"]}
    assert set(case.outcome.actors) <= names, sorted(names)
    shown = json.dumps([entries, actors], ensure_ascii=False)
    for text in case.outcome.absent:
        assert text not in shown, repr(text)
    said = json.dumps(_rows("said", store_copy), ensure_ascii=False)
    for text in case.outcome.absent:
        assert text not in said, repr(text)


def test_loaded_bodies_keep_their_text_normalised(tmp_path: Path) -> None:
    """What the loaded cases store, exactly: decoded, controls and invisible marks removed."""
    store = tmp_path / "store"
    sources = [BAD / n for n in ("latin1.jsonl", "cp1252-quotes.jsonl", "control-chars.jsonl",
                                 "unpaired-surrogate.jsonl", "mixed-encodings.jsonl")]
    assert invoke("build", *sources, "--store", store).exit_code == 0
    rows = invoke("sparql", "SELECT ?id ?body WHERE { ?e a sp:Entry ; dcterms:identifier ?id ; "
                  "sp:body ?body }", "--store", store, "--format", "json")
    bodies = {r["id"]: r["body"] for r in json.loads(rows.stdout)}
    assert bodies == {
        "latin1-1": "Le café est fermé. " + SUPPORT,
        "cp1252-1": "Kemi Badenoch said: “We need a national inquiry.” It’s time.",
        "ctrl-1": "Bell escape[31m red and a raw\ttab. " + SUPPORT,
        "surrogate-1": "Broken emoji \ufffd here. " + SUPPORT,
        "mixed-1": "Café in UTF-8.",
        "mixed-2": "Café in Latin-1.",
    }


def test_people_named_in_other_scripts_stay_apart(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps({"id": "a1", "published": "2025-01-16", "speaker": "Mr محمد علي (Lab)",
                                 "body": "I support a national inquiry into grooming gangs."}) + "\n")
    second.write_text(json.dumps({"id": "b1", "published": "2025-01-16", "speaker": "Mr 王伟 (Con)",
                                  "body": "I oppose a national inquiry into grooming gangs."}) + "\n")
    store = tmp_path / "store"
    assert invoke("build", first, second, "--store", store).exit_code == 0
    names = {a["name"] for a in _rows("actors", store)}
    assert {"محمد علي", "王伟"} <= names
