"""The command line as scripts and people use it: the contract of PRODUCT.md, command by command.

Read-only tests share the session's seed store; a test that writes builds its own in tmp_path.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import holders
import pytest
from conftest import SEED, SEED_ENTRIES, error_line, invoke, usage_error

from standpoint.cli import main
from standpoint.graph.rdf.store import exists

ENTRY_FIELDS = ["id", "title", "published", "authors", "speaker", "source", "url"]
ACTOR_FIELDS = ["id", "name", "type", "roles", "party", "aliases", "ids"]
POSITION_FIELDS = ["actor", "actor_id", "issue", "issue_id", "issue_source", "stance", "statements",
                   "first", "last", "evidence", "latest", "changed"]
EVIDENCE_FIELDS = ["entry_id", "published", "text", "stance", "confidence", "cue"]
SAID_FIELDS = ["actor", "actor_id", "text", "kind", "entry_id", "published", "issue", "stance",
               "holder", "holder_id"]
TIMELINE_FIELDS = ["published", "actor", "actor_id", "issue", "issue_id", "stance", "changed",
                   "previous", "kind", "text", "entry_id", "speaker", "speaker_id"]
FIELDS = {
    "entries": ENTRY_FIELDS, "actors": ACTOR_FIELDS, "positions": POSITION_FIELDS,
    "said": SAID_FIELDS, "timeline": TIMELINE_FIELDS,
}
# The columns each table shows, in order (the JSON has every field).
TABLE_COLUMNS = {
    "entries": ["ID", "PUBLISHED", "TITLE", "AUTHORS", "SPEAKER"],
    "actors": ["ID", "NAME", "TYPE", "ROLES", "PARTY", "ALIASES"],
    "positions": ["ACTOR", "ISSUE", "STANCE", "STATEMENTS", "FIRST", "LAST", "EVIDENCE"],
    "said": ["PUBLISHED", "ACTOR", "KIND", "STANCE", "ISSUE", "TEXT", "ENTRY_ID"],
    "timeline": ["PUBLISHED", "ACTOR", "ISSUE", "STANCE", "CHANGED", "TEXT"],
}
# A column shown only when some row's value differs from its actor's: who holds a stance someone
# else said (said), who said a stance someone else holds (timeline).
OPTIONAL_COLUMNS = {"said": ("HOLDER", "holder_id"), "timeline": ("SPEAKER", "speaker_id")}
READ_COMMANDS = list(FIELDS)


def table_columns(command: str, json_rows: list[dict[str, Any]]) -> list[str]:
    """The columns the table of a command shows for these rows (as its JSON gives them)."""
    columns = list(TABLE_COLUMNS[command])
    column, key = OPTIONAL_COLUMNS.get(command, ("", ""))
    if column and any(row[key] != row["actor_id"] for row in json_rows):
        columns.insert(2, column)
    return columns
TIMED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$")


def rows(*args: str | Path) -> list[dict[str, Any]]:
    """The JSON rows a read command prints (it must succeed and print nothing on stderr)."""
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def seed_rows(seed_store: Path) -> dict[str, list[dict[str, Any]]]:
    """The JSON of every read command on the seed store, read once."""
    return {command: rows(command, "--store", seed_store) for command in READ_COMMANDS}


# -- help ------------------------------------------------------------------------------------

def test_there_is_a_help_test_for_every_command() -> None:
    assert {"build", "entries", "actors", "positions", "said", "timeline", "show", "export",
            "validate", "sparql"} <= set(main.commands)


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: standpoint {command} ")
    assert re.search(r"^\s*Examples?:\s*$", result.stdout, re.MULTILINE), result.stdout
    assert re.search(rf"^\s+standpoint {command}\b", result.stdout, re.MULTILINE), result.stdout


def test_main_help_lists_every_command() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    for command in main.commands:
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE), command


def test_short_help_option_and_version() -> None:
    assert invoke("entries", "-h").stdout == invoke("entries", "--help").stdout
    version = invoke("--version")
    assert version.exit_code == 0
    assert re.fullmatch(r"standpoint, version \d+\.\d+\.\d+\S*\n", version.stdout)


# -- JSON: exactly the contract's fields -------------------------------------------------------

@pytest.mark.parametrize("command", READ_COMMANDS)
def test_json_rows_have_exactly_the_contract_fields(seed_rows, command: str) -> None:
    assert seed_rows[command], f"{command} printed no rows for the seed"
    for row in seed_rows[command]:
        assert list(row) == FIELDS[command]


def test_entries_json(seed_rows) -> None:
    entries = seed_rows["entries"]
    assert len(entries) == SEED_ENTRIES
    assert len({e["id"] for e in entries}) == SEED_ENTRIES
    assert [e["published"] for e in entries] == sorted(e["published"] for e in entries)
    first = entries[0]
    assert first == {
        "id": "bbc-live-2025-01-16-1418",
        "title": "Local inquiries aren't enough, says Badenoch",
        "published": "2025-01-16T14:18:00+00:00",
        "authors": [],
        "speaker": None,
        "source": "bbc-live-2025-01-16",
        "url": None,
    }
    by_id = {e["id"]: e for e in entries}
    assert by_id["bbc-live-2025-01-16-1559"]["authors"] == ["Alison Holt"]
    assert by_id["bbc-live-2025-01-16-1605"]["authors"] == ["Alex Forsyth"]
    for entry in entries:
        assert isinstance(entry["authors"], list)
        assert all(isinstance(a, str) for a in entry["authors"])


def test_actors_json(seed_rows) -> None:
    actors = seed_rows["actors"]
    assert {a["type"] for a in actors} == {"person", "organisation", "place"}
    by_id = {a["id"]: a for a in actors}
    assert by_id["kemi-badenoch"] == {
        "id": "kemi-badenoch", "name": "Kemi Badenoch", "type": "person",
        "roles": ["Conservative leader (2024-11-02 to now)",
                  "Leader of the Opposition (2024-11-02 to now)"],
        "party": "Conservative Party", "aliases": [], "ids": [],
    }
    assert by_id["yvette-cooper"]["roles"] == [
        "Foreign Secretary (2025-09-05 to now)", "Home Secretary (2024-07-05 to 2025-09-05)"]
    assert by_id["alexis-jay"]["aliases"] == ["Prof Alexis Jay", "Professor Alexis Jay",
                                               "Professor Jay"]
    assert by_id["labour"]["type"] == "organisation"
    assert by_id["oldham"]["type"] == "place"
    for actor in actors:
        assert isinstance(actor["roles"], list) and isinstance(actor["aliases"], list)
        assert actor["party"] is None or isinstance(actor["party"], str)


def test_positions_json(seed_rows) -> None:
    positions = seed_rows["positions"]
    for position in positions:
        assert position["stance"] in {"supports", "opposes", "mixed"}
        assert isinstance(position["statements"], int)
        assert position["statements"] == len(position["evidence"]) >= 1
        assert position["first"] == position["evidence"][0]["published"]
        assert position["last"] == position["evidence"][-1]["published"]
        assert position["first"] <= position["last"]
        for evidence in position["evidence"]:
            assert list(evidence) == EVIDENCE_FIELDS
            assert evidence["text"]
    keys = [(p["actor_id"], p["issue_id"]) for p in positions]
    assert len(keys) == len(set(keys)), "one position per actor and issue"
    stances = {(p["actor_id"], p["issue_id"]): p["stance"] for p in positions}
    assert stances["kemi-badenoch", "national-inquiry"] == "supports"
    assert stances["yvette-cooper", "national-inquiry"] == "opposes"
    assert stances["chris-philp", "national-inquiry"] == "supports"


def test_positions_evidence_is_what_was_said(seed_rows) -> None:
    said = {(s["holder_id"], s["issue"], s["entry_id"], s["text"], s["stance"])
            for s in seed_rows["said"]}
    for position in seed_rows["positions"]:
        for evidence in position["evidence"]:
            stances = {stance for actor, issue, entry, text, stance in said
                       if (actor, issue, entry, text)
                       == (position["actor_id"], position["issue"], evidence["entry_id"],
                           evidence["text"])}
            assert stances, evidence
            if position["stance"] != "mixed":
                assert stances == {position["stance"]}


def test_said_json(seed_rows) -> None:
    said = seed_rows["said"]
    assert {s["kind"] for s in said} == {"direct", "reported"}
    for statement in said:
        assert statement["stance"] in {"supports", "opposes", None}
        assert (statement["issue"] is None) == (statement["stance"] is None)
        assert statement["text"]
    assert [s["published"] for s in said] == sorted(s["published"] for s in said)
    assert {
        "actor": "Kemi Badenoch", "actor_id": "kemi-badenoch",
        "text": "But we still need a national inquiry.", "kind": "direct",
        "entry_id": "bbc-live-2025-01-16-1418", "published": "2025-01-16T14:18:00+00:00",
        "issue": "National inquiry into grooming gangs", "stance": "supports",
        "holder": "Kemi Badenoch", "holder_id": "kemi-badenoch",
    } in said


def test_said_and_timeline_tables_name_the_holder_and_speaker_when_they_differ(tmp_path: Path) -> None:
    store = holders.build_store(tmp_path)
    said = invoke("said", "Badenoch", "--store", store).stdout.splitlines()
    assert said[0].split() == ["PUBLISHED", "ACTOR", "HOLDER", "KIND", "STANCE", "ISSUE", "TEXT", "ENTRY_ID"]
    assert [re.split(r"\s{2,}", line)[1:3] for line in said[2:]] == [
        ["Kemi Badenoch", "Keir Starmer"], ["Kemi Badenoch", "Kemi Badenoch"]]
    timeline = invoke("timeline", "Starmer", "--store", store).stdout.splitlines()
    assert timeline[0].split() == ["PUBLISHED", "ACTOR", "SPEAKER", "ISSUE", "STANCE", "CHANGED", "TEXT"]
    assert [re.split(r"\s{2,}", line)[1:3] for line in timeline[2:]] == [
        ["Keir Starmer", "Kemi Badenoch"], ["Keir Starmer", "Keir Starmer"]]
    own = invoke("said", "Starmer", "--store", store).stdout.splitlines()
    assert own[0].split() == TABLE_COLUMNS["said"], "one's own statements only: no holder column"
    for fmt in ("json", "csv"):
        assert "holder_id" in invoke("said", "Starmer", "--store", store, "--format", fmt).stdout


def test_timeline_json(seed_rows) -> None:
    timeline = seed_rows["timeline"]
    assert [t["published"] for t in timeline] == sorted(t["published"] for t in timeline)
    last: dict[tuple[str, str], tuple[str, str]] = {}  # (time, stance) of the holder's last row
    for row in timeline:
        assert row["stance"] in {"supports", "opposes"}
        assert isinstance(row["changed"], bool)
        key = (row["actor_id"], row["issue_id"])
        if key in last and last[key][0] != row["published"] and row["changed"]:
            assert row["previous"] in {last[key][1], "mixed"} and row["previous"] != row["stance"]
        if key not in last:
            assert (row["previous"], row["changed"]) == (None, False)
        last[key] = (row["published"], row["stance"])
    with_stance = [s for s in seed_rows["said"] if s["stance"]]
    assert len(timeline) == len(with_stance)


def test_timeline_marks_a_change_of_stance(tmp_path: Path) -> None:
    source = tmp_path / "debate.jsonl"
    source.write_text(
        json.dumps({"id": "d-1", "published": "2025-01-07T12:30:00+00:00",
                    "speaker": "Mrs Kemi Badenoch (North West Essex) (Con)",
                    "body": "We need a full national inquiry into grooming gangs."}) + "\n"
        + json.dumps({"id": "d-2", "published": "2025-02-07T12:30:00+00:00",
                      "speaker": "Mrs Kemi Badenoch (North West Essex) (Con)",
                      "body": "There should be local inquiries, not a national inquiry."}) + "\n",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    assert invoke("build", source, "--store", store).exit_code == 0
    timeline = rows("timeline", "Badenoch", "--issue", "national inquiry", "--store", store)
    assert [(t["entry_id"], t["stance"], t["changed"], t["previous"]) for t in timeline] == [
        ("d-1", "supports", False, None),
        ("d-2", "opposes", True, "supports"),
    ]
    table = invoke("timeline", "Badenoch", "--issue", "national inquiry", "--store", store)
    assert table.stdout.splitlines()[2:] == [
        ("2025-01-07T12:30:00+00:00  Kemi Badenoch  National inquiry into grooming gangs  supports"
         "           We need a full national inquiry into grooming gangs."),
        ("2025-02-07T12:30:00+00:00  Kemi Badenoch  National inquiry into grooming gangs  opposes "
         "  yes      There should be local inquiries, not a national inquiry."),
    ]
    position = rows("positions", "--actor", "kemi-badenoch", "--issue", "national-inquiry",
                    "--store", store)
    assert [(p["stance"], p["statements"], p["first"], p["last"]) for p in position] == [
        ("mixed", 2, "2025-01-07T12:30:00+00:00", "2025-02-07T12:30:00+00:00")]


# -- CSV and table ----------------------------------------------------------------------------

def as_csv(value: Any) -> str:
    """How the CSV writes a JSON value: lists of names joined by "; ", records as JSON text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return json.dumps(value, ensure_ascii=False)
        return "; ".join(value)
    return str(value)


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_csv_has_the_same_rows_as_json(seed_store: Path, seed_rows, command: str) -> None:
    result = invoke(command, "--store", seed_store, "--format", "csv")
    assert result.exit_code == 0
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert reader.fieldnames == FIELDS[command]
    parsed = list(reader)
    expected = [{k: as_csv(v) for k, v in row.items()} for row in seed_rows[command]]
    assert parsed == expected


def test_csv_evidence_parses_back_to_the_json_evidence(seed_store: Path, seed_rows) -> None:
    result = invoke("positions", "--store", seed_store, "--format", "csv")
    parsed = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [json.loads(row["evidence"]) for row in parsed] == [
        p["evidence"] for p in seed_rows["positions"]]
    assert [int(row["statements"]) for row in parsed] == [
        p["statements"] for p in seed_rows["positions"]]


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_table_has_a_header_line_and_a_line_per_row(seed_store: Path, seed_rows, command: str) -> None:
    result = invoke(command, "--store", seed_store)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == table_columns(command, seed_rows[command])
    assert set(lines[1]) == {"-", " "}
    assert len(lines) == 2 + len(seed_rows[command])


def test_table_is_the_default_format(seed_store: Path) -> None:
    assert invoke("entries", "--store", seed_store).stdout == invoke(
        "entries", "--store", seed_store, "--format", "table").stdout


def test_entries_table_exact(seed_store: Path) -> None:
    lines = invoke("entries", "--store", seed_store).stdout.splitlines()
    assert lines[:4] == [
        "ID                           PUBLISHED                  TITLE"
        + " " * 67 + "AUTHORS       SPEAKER",
        "---------------------------  -------------------------  " + "-" * 70
        + "  ------------  -------",
        ("bbc-live-2025-01-16-1418     2025-01-16T14:18:00+00:00  Local inquiries aren't enough,"
         " says Badenoch"),
        ("bbc-live-2025-01-16-1429     2025-01-16T14:29:00+00:00  'My view is that we should've "
         "done more' - Badenoch"),
    ]
    assert lines[19] == ("bbc-live-2025-01-16-1559     2025-01-16T15:59:00+00:00  "
                         "Cooper's announcement walks a careful line" + " " * 30
                         + "Alison Holt")
    assert len(lines) == 2 + SEED_ENTRIES


def test_positions_table_exact(seed_store: Path) -> None:
    result = invoke("positions", "--actor", "Badenoch", "--issue", "national inquiry",
                    "--store", seed_store)
    assert result.stdout == (
        "ACTOR          ISSUE                                 STANCE    STATEMENTS  FIRST"
        "                      LAST                       EVIDENCE\n"
        "-------------  ------------------------------------  --------  ----------  "
        "-------------------------  -------------------------  "
        "-------------------------------------\n"
        "Kemi Badenoch  National inquiry into grooming gangs  supports  4           "
        "2025-01-16T14:18:00+00:00  2025-01-16T14:29:00+00:00  "
        "But we still need a national inquiry.\n"
    )


@pytest.mark.parametrize(("fmt", "printed"), [("table", "(no rows)\n"), ("json", "[]\n"),
                                              ("csv", "")])
def test_no_rows(seed_store: Path, fmt: str, printed: str) -> None:
    result = invoke("positions", "--actor", "Alex Forsyth", "--store", seed_store, "--format", fmt)
    assert result.exit_code == 0
    assert result.stdout == printed


# -- matching issues and actors ---------------------------------------------------------------

@pytest.mark.parametrize("text", ["national-inquiry", "NATIONAL INQUIRY", "national inquiry",
                                  "National inquiry into grooming gangs", "Nationwide Inquiry",
                                  "  national-INQUIRY "])
def test_issue_matches_id_label_or_alias_in_any_case(seed_store: Path, text: str) -> None:
    expected = rows("positions", "--issue", "national-inquiry", "--store", seed_store)
    assert expected
    assert {p["issue_id"] for p in expected} == {"national-inquiry"}
    assert rows("positions", "--issue", text, "--store", seed_store) == expected
    said = rows("said", "--issue", text, "--store", seed_store)
    assert said and {s["issue"] for s in said} == {"National inquiry into grooming gangs"}
    timeline = rows("timeline", "--issue", text, "--store", seed_store)
    assert timeline and {t["issue_id"] for t in timeline} == {"national-inquiry"}


@pytest.mark.parametrize("text", ["kemi-badenoch", "KEMI-BADENOCH", "Badenoch", "badenoch",
                                  "Kemi Badenoch", "kemi badenoch"])
def test_actor_matches_id_name_or_surname_in_any_case(seed_store: Path, text: str) -> None:
    expected = rows("positions", "--actor", "kemi-badenoch", "--store", seed_store)
    assert expected and {p["actor_id"] for p in expected} == {"kemi-badenoch"}
    assert rows("positions", "--actor", text, "--store", seed_store) == expected
    said = rows("said", text, "--store", seed_store)
    assert said and {s["actor_id"] for s in said} == {"kemi-badenoch"}
    timeline = rows("timeline", text, "--store", seed_store)
    assert timeline and {t["actor_id"] for t in timeline} == {"kemi-badenoch"}


@pytest.mark.parametrize("text", ["Professor Jay", "PROFESSOR ALEXIS JAY", "prof alexis jay"])
def test_actor_matches_an_alias(seed_store: Path, text: str) -> None:
    assert rows("said", text, "--store", seed_store) == rows("said", "alexis-jay", "--store",
                                                              seed_store)


def test_actor_and_issue_together(seed_store: Path, seed_rows) -> None:
    said = rows("said", "Cooper", "--issue", "national inquiry", "--store", seed_store)
    assert said == [s for s in seed_rows["said"]
                    if s["actor_id"] == "yvette-cooper"
                    and s["issue"] == "National inquiry into grooming gangs"]
    assert {s["stance"] for s in said} == {"opposes"}


@pytest.mark.parametrize(("args", "named"), [
    (["positions", "--issue", "fracking"], "no issue matches 'fracking'; known issues: "),
    (["positions", "--actor", "Nobody Atall"], "no actor matches 'Nobody Atall'; `standpoint actors` lists them all"),
    (["said", "Nobody Atall"], "no actor matches 'Nobody Atall'"),
    (["said", "--issue", "fracking"], "no issue matches 'fracking'"),
    (["timeline", "Nobody Atall"], "no actor matches 'Nobody Atall'"),
    (["timeline", "--issue", "fracking"], "no issue matches 'fracking'"),
    (["show", "--issue", "fracking", "--out", "x.html"], "no issue matches 'fracking'"),
    (["show", "--actor", "Nobody Atall", "--out", "x.html"], "no actor matches 'Nobody Atall'"),
])
def test_unknown_issue_or_actor_is_named_in_one_line(seed_store: Path, in_tmp: Path, args: list[str],
                                                     named: str) -> None:
    result = invoke(*args, "--store", seed_store)
    line = error_line(result)
    assert line.startswith(f"standpoint: error: {named}")
    assert result.stdout == ""
    assert not (in_tmp / "x.html").exists()


def test_unknown_issue_lists_the_known_ones(seed_store: Path) -> None:
    line = error_line(invoke("positions", "--issue", "fracking", "--store", seed_store))
    assert line == ("standpoint: error: no issue matches 'fracking'; known issues: "
                    "iicsa-recommendations, local-inquiries, national-inquiry, rapid-audit, "
                    "statutory-powers")


# -- usage errors: exit code 2 ----------------------------------------------------------------

@pytest.mark.parametrize(("args", "message"), [
    (["entries", "--bogus"], "Error: No such option '--bogus'."),
    (["entries", "--format", "xml"],
     "Error: Invalid value for '--format': 'xml' is not one of 'table', 'json', 'csv'."),
    (["positions", "--format", "yaml"],
     "Error: Invalid value for '--format': 'yaml' is not one of 'table', 'json', 'csv'."),
    (["build", "--date", "2025-13-01"],
     "Error: Invalid value for '--date': '2025-13-01' is not a date (YYYY-MM-DD)"),
    (["build", "--date", "16/01/2025"],
     "Error: Invalid value for '--date': '16/01/2025' is not a date (YYYY-MM-DD)"),
    (["build", "--format", "pdf"], ("Error: Invalid value for '--format': 'pdf' is not one of "
                                    "'auto', 'liveblog', 'jsonl', 'parlamint'.")),
    (["export", "--to", "pdf", "--out", "x.pdf"],
     "Error: Invalid value for '--to': 'pdf' is not one of 'turtle', 'jsonld', 'ntriples', 'graphml', 'gexf', 'neo4j-csv'."),
    (["positions", "--min-confidence", "2"],
     "Error: Invalid value for '--min-confidence': 2.0 is not in the range 0<=x<=1."),
    (["sparql"], "Error: Missing argument 'QUERY'."),
    (["entries", "extra"], "Error: Got unexpected extra argument (extra)"),
])
def test_bad_usage_exits_2(seed_store: Path, in_tmp: Path, args: list[str], message: str) -> None:
    result = invoke(*args)
    assert usage_error(result) == message
    assert not (in_tmp / "standpoint-store").exists()


def test_missing_required_option_exits_2() -> None:
    result = invoke("export", "--out", "x.ttl")
    assert result.exit_code == 2
    assert "Error: Missing option '--to'. Choose from:" in result.stderr


def test_unknown_command_exits_2() -> None:
    result = invoke("frobnicate")
    assert usage_error(result) == "Error: No such command 'frobnicate'."


# -- times -----------------------------------------------------------------------------------

def test_times_are_iso_8601_with_an_offset(seed_rows) -> None:
    times = [e["published"] for e in seed_rows["entries"]]
    times += [s["published"] for s in seed_rows["said"]]
    times += [t["published"] for t in seed_rows["timeline"]]
    for position in seed_rows["positions"]:
        times += [position["first"], position["last"]]
        times += [e["published"] for e in position["evidence"]]
    for value in times:
        assert TIMED.match(value), value
        assert datetime.fromisoformat(value).utcoffset() == timedelta(0)


def test_a_british_summer_time_page_keeps_its_offset(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert invoke("build", Path(__file__).parent / "data" / "liveblog-bst.txt",
                  "--store", store).exit_code == 0
    published = [e["published"] for e in rows("entries", "--store", store)]
    assert published == ["2025-06-12T09:58:00+01:00", "2025-06-12T10:40:00+01:00",
                         "2025-06-12T11:05:00+01:00", "2025-06-12T11:05:00+01:00"]
    assert datetime.fromisoformat(published[0]).utcoffset() == timedelta(hours=1)


# -- the store: --store, STANDPOINT_STORE, the default, a missing one -----------------------

def test_standpoint_store_env_var_selects_the_store(seed_store: Path, seed_rows) -> None:
    result = invoke("entries", "--format", "json", env={"STANDPOINT_STORE": str(seed_store)})
    assert result.exit_code == 0
    assert json.loads(result.stdout) == seed_rows["entries"]


def test_store_option_wins_over_the_env_var(seed_store: Path, tmp_path: Path, seed_rows) -> None:
    result = invoke("entries", "--format", "json", "--store", seed_store,
                    env={"STANDPOINT_STORE": str(tmp_path / "elsewhere")})
    assert json.loads(result.stdout) == seed_rows["entries"]


def test_build_writes_where_standpoint_store_says(in_tmp: Path) -> None:
    store = in_tmp / "from-env"
    result = invoke("build", env={"STANDPOINT_STORE": str(store)})
    assert result.exit_code == 0
    assert exists(store)
    assert not (in_tmp / "standpoint-store").exists()


def test_default_store_is_in_the_current_directory(in_tmp: Path) -> None:
    build = invoke("build")
    assert build.exit_code == 0
    assert build.stdout.endswith(" store standpoint-store holds "
                                 + build.stdout.split(" holds ", 1)[1])
    assert exists(in_tmp / "standpoint-store")
    assert len(rows("entries")) == SEED_ENTRIES


@pytest.mark.parametrize("args", [
    ["entries"], ["actors"], ["positions"], ["said"], ["timeline"], ["validate"],
    ["sparql", "ASK { ?s ?p ?o }"], ["show", "--out", "page.html"],
    ["export", "--to", "turtle", "--out", "out.ttl"],
])
def test_read_on_a_missing_store_says_to_run_build(in_tmp: Path, args: list[str]) -> None:
    missing = in_tmp / "no-store-here"
    line = error_line(invoke(*args, "--store", missing))
    assert line == (f"standpoint: error: no store at {missing}: run `standpoint build` first, "
                    "or pass --store DIR")
    assert not missing.exists(), "a read must not create a store"
    assert sorted(p.name for p in in_tmp.iterdir()) == []


def test_missing_default_store_says_to_run_build(in_tmp: Path) -> None:
    line = error_line(invoke("entries"))
    assert line == ("standpoint: error: no store at standpoint-store: run `standpoint build` "
                    "first, or pass --store DIR")


def test_a_file_is_not_a_store(tmp_path: Path) -> None:
    not_a_store = tmp_path / "notes.txt"
    not_a_store.write_text("hello", encoding="utf-8")
    assert error_line(invoke("build", "--store", not_a_store)) == (
        f"standpoint: error: {not_a_store} is a file, not a store directory")
    assert not_a_store.read_text(encoding="utf-8") == "hello"


# -- sparql ----------------------------------------------------------------------------------

ISSUE_LABELS = "SELECT ?label WHERE { ?i a sp:Issue ; skos:prefLabel ?label } ORDER BY ?label"


def test_sparql_select_table(seed_store: Path) -> None:
    result = invoke("sparql", ISSUE_LABELS, "--store", seed_store)
    assert result.exit_code == 0
    assert result.stdout == (
        "LABEL\n"
        "--------------------------------------------\n"
        "Implementing the 2022 IICSA recommendations\n"
        "Local inquiries into grooming gangs\n"
        "National inquiry into grooming gangs\n"
        "Rapid national audit of group-based child s…\n"
        "Statutory powers to compel witnesses\n"
    )


def test_sparql_select_json_and_csv(seed_store: Path) -> None:
    query = ("SELECT ?id ?name WHERE { ?p a foaf:Person ; dcterms:identifier ?id ; foaf:name ?name"
             " FILTER(?id IN (\"kemi-badenoch\", \"yvette-cooper\")) } ORDER BY ?id")
    assert rows("sparql", query, "--store", seed_store) == [
        {"id": "kemi-badenoch", "name": "Kemi Badenoch"},
        {"id": "yvette-cooper", "name": "Yvette Cooper"},
    ]
    result = invoke("sparql", query, "--store", seed_store, "--format", "csv")
    assert result.stdout == "id,name\nkemi-badenoch,Kemi Badenoch\nyvette-cooper,Yvette Cooper\n"


def test_sparql_counts_match_the_read_commands(seed_store: Path, seed_rows) -> None:
    [row] = rows("sparql", "SELECT (COUNT(?s) AS ?n) WHERE { ?s a sp:Statement }",
                 "--store", seed_store)
    assert int(row["n"]) == len(seed_rows["said"])
    [row] = rows("sparql", "SELECT (COUNT(?p) AS ?n) WHERE { ?p a sp:Position }",
                 "--store", seed_store)
    assert int(row["n"]) == len(seed_rows["positions"])


@pytest.mark.parametrize(("query", "answer"), [
    ("ASK { ?p a foaf:Person ; foaf:name \"Kemi Badenoch\" }", True),
    ("ASK { ?p a foaf:Person ; foaf:name \"Nobody Atall\" }", False),
])
def test_sparql_ask(seed_store: Path, query: str, answer: bool) -> None:
    assert rows("sparql", query, "--store", seed_store) == [{"result": answer}]


def test_sparql_construct(seed_store: Path) -> None:
    query = ("CONSTRUCT { ?p foaf:name ?n } WHERE { ?p dcterms:identifier \"kemi-badenoch\" ;"
             " foaf:name ?n }")
    assert rows("sparql", query, "--store", seed_store) == [{
        "subject": "https://w3id.org/standpoint/id/actor/kemi-badenoch",
        "predicate": "http://xmlns.com/foaf/0.1/name",
        "object": "Kemi Badenoch",
    }]


@pytest.mark.parametrize("query", [
    "SELEC ?x WHERE { ?x ?p ?o }",
    "SELECT ?x WHERE { ?x ?p ?o",
    "SELECT ?x WHERE { ?x nosuchprefix:p ?o }",
])
def test_sparql_syntax_error_is_one_line(seed_store: Path, query: str) -> None:
    result = invoke("sparql", query, "--store", seed_store)
    assert error_line(result).startswith("standpoint: error: SPARQL syntax error: ")
    assert result.stdout == ""


def test_sparql_cannot_change_the_store(store_copy: Path) -> None:
    from conftest import quads

    before = quads(store_copy)
    result = invoke("sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "--store", store_copy)
    assert error_line(result).startswith("standpoint: error: ")
    assert quads(store_copy) == before


# -- show and validate -----------------------------------------------------------------------

def test_show_writes_the_page_and_prints_its_path(seed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "network.html"
    result = invoke("show", "--out", out, "--store", seed_store)
    assert result.exit_code == 0
    assert result.stdout == f"{out}\n"
    assert result.stderr == ""
    page = out.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    for name in ("Kemi Badenoch", "Yvette Cooper", "National inquiry into grooming gangs"):
        assert name in page


def test_show_default_file_in_the_current_directory(seed_store: Path, in_tmp: Path) -> None:
    result = invoke("show", "--store", seed_store)
    assert result.stdout == "standpoint.html\n"
    assert (in_tmp / "standpoint.html").is_file()


def test_show_filtered_to_an_issue(seed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "inquiry.html"
    result = invoke("show", "--out", out, "--issue", "rapid audit", "--store", seed_store)
    assert result.stdout == f"{out}\n"
    page = out.read_text(encoding="utf-8")
    assert "Rapid national audit of group-based child sexual exploitation" in page
    assert "Statutory powers to compel witnesses" not in page


def test_show_onto_a_folder_is_one_line(seed_store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "taken"
    folder.mkdir()
    result = invoke("show", "--out", folder, "--store", seed_store)
    assert error_line(result) == (
        f"standpoint: error: {folder}: cannot write the page: Is a directory")
    assert result.stdout == ""
    assert list(folder.iterdir()) == []


def test_show_under_a_file_is_one_line(seed_store: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("hello", encoding="utf-8")
    result = invoke("show", "--out", blocker / "page.html", "--store", seed_store)
    assert error_line(result).startswith(
        f"standpoint: error: {blocker / 'page.html'}: cannot write the page: ")
    assert blocker.read_text(encoding="utf-8") == "hello"


def test_show_creates_the_folder_it_writes_into(seed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "site" / "pages" / "network.html"
    result = invoke("show", "--out", out, "--store", seed_store)
    assert result.stdout == f"{out}\n"
    assert out.is_file()


def test_validate_on_the_seed_conforms(seed_store: Path) -> None:
    result = invoke("validate", "--store", seed_store)
    assert result.exit_code == 0
    assert result.stdout == "the store conforms to the standpoint shapes\n"
    assert result.stderr == ""


def test_seed_source_is_the_bundled_page() -> None:
    assert SEED.name == "bbc-live-2025-01-16.txt"


def test_validate_reports_a_broken_statement(store_copy: Path) -> None:
    """A statement with nothing but its type (written straight into Oxigraph) breaks the shapes."""
    import pyoxigraph as ox

    db = ox.Store(str(store_copy / "current"))
    db.add(ox.Quad(ox.NamedNode("https://w3id.org/standpoint/id/statement/broken"),
                   ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                   ox.NamedNode("https://w3id.org/standpoint/ontology#Statement"),
                   ox.NamedNode("urn:test:broken")))
    del db
    result = invoke("validate", "--store", store_copy, "--format", "json")
    problems = json.loads(result.stdout)
    assert error_line(result) == f"standpoint: error: {len(problems)} problem(s) found"
    assert {p["focus"] for p in problems} == {"https://w3id.org/standpoint/id/statement/broken"}
    assert {p["severity"] for p in problems} == {"Violation"}
    paths = {p["path"].rsplit("#", 1)[-1] for p in problems}
    assert {"text", "speaker", "kind", "fromEntry", "time"} <= paths

