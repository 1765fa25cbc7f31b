"""`standpoint build`: idempotent, replaces changed entries, and never half-writes a store.

Every test runs the real CLI on real files in tmp_path and compares the store's full set of
quads before and after.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import holders
import pytest
from conftest import DATA, HANSARD, REGISTRY, SEED, SEED_ENTRIES, SEED_META, error_line, invoke, quads

from standpoint.graph.quality.check import store_graph
from standpoint.graph.quality.validate import validate_graph
from standpoint.graph.rdf.store import open_store
from standpoint.ontology.namespace import SP


def rows(*args: str | Path) -> list[dict[str, Any]]:
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def build(*args: str | Path) -> str:
    """Run a build that must succeed; its one-line report."""
    result = invoke("build", *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def report(store: Path, entries: int, sources: int, added: int, updated: int, unchanged: int) -> str:
    """The report line a build prints, with the store's own counts of statements and positions."""
    statements = len(rows("said", "--store", store))
    positions = len(rows("positions", "--store", store))
    return (f"{entries} entries from {sources} source(s): {added} added, {updated} updated, "
            f"{unchanged} unchanged; store {store} holds {statements} statements and "
            f"{positions} positions\n")


def jsonl(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


BADENOCH = "Mrs Kemi Badenoch (North West Essex) (Con)"
COOPER = "The Secretary of State for the Home Department (Yvette Cooper)"
SUPPORTS = "We need a full national inquiry into grooming gangs."
OPPOSES = "There should be local inquiries, not a national inquiry."


def debate(path: Path, first_body: str = SUPPORTS) -> Path:
    return jsonl(
        path,
        {"id": "debate-001", "published": "2025-01-07T12:30:00+00:00", "speaker": BADENOCH,
         "body": first_body, "title": "Grooming gangs debate", "source": "Test debate"},
        {"id": "debate-002", "published": "2025-01-07T12:35:00+00:00", "speaker": COOPER,
         "body": "The rapid national audit will report within three months.",
         "title": "Grooming gangs debate", "source": "Test debate"},
    )


# -- building twice changes nothing ------------------------------------------------------------

def test_building_the_seed_twice_changes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = build("--store", store)
    assert first == report(store, SEED_ENTRIES, 1, SEED_ENTRIES, 0, 0)
    before = quads(store)
    assert before
    second = build("--store", store)
    assert second == report(store, SEED_ENTRIES, 1, 0, 0, SEED_ENTRIES)
    assert quads(store) == before


def test_the_seed_by_its_path_is_the_default_build(seed_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert build(SEED, "--store", store) == report(store, SEED_ENTRIES, 1, SEED_ENTRIES, 0, 0)
    assert quads(store) == quads(seed_store)


def test_a_changed_entry_replaces_its_statements(tmp_path: Path) -> None:
    source = debate(tmp_path / "debate.jsonl")
    store = tmp_path / "store"
    build(source, "--store", store)
    original = quads(store)
    said = rows("said", "Badenoch", "--store", store)
    assert [(s["text"], s["stance"]) for s in said] == [(SUPPORTS, "supports")]
    position = rows("positions", "--actor", "Badenoch", "--store", store)
    assert [(p["issue_id"], p["stance"]) for p in position] == [("national-inquiry", "supports")]
    cooper = rows("said", "Cooper", "--store", store)

    debate(source, OPPOSES)  # the whole source is extracted again: who it introduces may change
    assert build(source, "--store", store) == report(store, 2, 1, 0, 2, 0)
    said = rows("said", "Badenoch", "--store", store)
    texts = {s["text"] for s in said}
    assert SUPPORTS not in texts
    assert texts == {OPPOSES}
    assert {(s["issue"], s["stance"]) for s in said} == {
        ("National inquiry into grooming gangs", "opposes"),
        ("Local inquiries into grooming gangs", "supports"),
    }
    position = rows("positions", "--actor", "Badenoch", "--store", store)
    assert [(p["issue_id"], p["stance"], [e["text"] for e in p["evidence"]]) for p in position] == [
        ("local-inquiries", "supports", [OPPOSES]),
        ("national-inquiry", "opposes", [OPPOSES]),
    ]
    assert rows("said", "Cooper", "--store", store) == cooper
    [body] = rows("sparql", "SELECT ?body WHERE { ?e dcterms:identifier \"debate-001\" ;"
                  " sp:body ?body }", "--store", store)
    assert body == {"body": OPPOSES}

    changed = quads(store)
    assert build(source, "--store", store) == report(store, 2, 1, 0, 0, 2)
    assert quads(store) == changed

    debate(source, SUPPORTS)
    assert build(source, "--store", store) == report(store, 2, 1, 0, 2, 0)
    assert quads(store) == original, "changing an entry back restores the store exactly"


def test_an_entry_that_no_longer_says_anything_loses_its_position(tmp_path: Path) -> None:
    source = debate(tmp_path / "debate.jsonl")
    store = tmp_path / "store"
    build(source, "--store", store)
    debate(source, "I thank the Home Secretary for advance sight of her statement.")
    build(source, "--store", store)
    assert [s for s in rows("said", "--store", store) if s["stance"]
            and s["actor_id"] == "kemi-badenoch"] == []
    assert rows("positions", "--actor", "Badenoch", "--store", store) == []


def test_a_new_source_adds_to_the_store_and_keeps_the_rest(store_copy: Path, tmp_path: Path) -> None:
    before = rows("entries", "--store", store_copy)
    source = debate(tmp_path / "debate.jsonl")
    assert build(source, "--store", store_copy) == report(store_copy, 2, 1, 2, 0, 0)
    after = rows("entries", "--store", store_copy)
    assert [e for e in after if e["id"] not in {"debate-001", "debate-002"}] == before
    assert len(after) == SEED_ENTRIES + 2
    national = rows("positions", "--issue", "national inquiry", "--actor", "Badenoch",
                    "--store", store_copy)
    assert national[0]["last"] == "2025-01-16T14:29:00+00:00"
    assert national[0]["stance"] == "supports"
    assert SUPPORTS in [e["text"] for e in national[0]["evidence"]]
    assert national[0]["statements"] == len(national[0]["evidence"])


# -- several sources at once ------------------------------------------------------------------

@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    """The seed page (with its metadata) and the two Hansard debates, copied into tmp_path."""
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(SEED, folder)
    shutil.copy(SEED_META, folder)
    for path in HANSARD:
        shutil.copy(path, folder)
    return [folder / SEED.name] + [folder / p.name for p in HANSARD]


def test_a_build_of_several_sources_loads_every_entry(corpus: list[Path], tmp_path: Path) -> None:
    store = tmp_path / "store"
    counts = [SEED_ENTRIES, 11, 8]
    assert build(*corpus, "--store", store) == report(store, 40, 3, 40, 0, 0)
    entries = rows("entries", "--store", store)
    assert len(entries) == sum(counts)
    ids = {e["id"] for e in entries}
    for path, count in zip(corpus, counts):
        if path.suffix == ".jsonl":
            lines = path.read_text(encoding="utf-8").splitlines()
            expected = {json.loads(line)["id"] for line in lines}
            assert len(expected) == count
            assert expected <= ids
    hansard = [e for e in entries if e["id"].startswith("hansard-")]
    assert {e["published"] for e in hansard} == {"2025-01-06", "2025-04-08"}
    assert {e["source"] for e in hansard} == {"Hansard (House of Commons)"}
    assert all(e["speaker"] for e in hansard)
    assert [e["published"] for e in entries][:2] == ["2025-01-06", "2025-01-06"]
    spoken = {s["entry_id"] for s in rows("said", "--store", store)}
    for prefix in ("bbc-live-2025-01-16-", "hansard-03-", "hansard-04-"):
        assert any(entry_id.startswith(prefix) for entry_id in spoken), prefix
    assert invoke("validate", "--store", store).exit_code == 0


def test_the_same_sources_in_any_grouping_give_the_same_store(corpus: list[Path],
                                                              tmp_path: Path) -> None:
    at_once = tmp_path / "at-once"
    build(*corpus, "--store", at_once)
    expected = quads(at_once)

    one_by_one = tmp_path / "one-by-one"
    for source in corpus:
        build(source, "--store", one_by_one)
    assert quads(one_by_one) == expected

    assert build(corpus[2], "--store", at_once) == report(at_once, 8, 1, 0, 0, 8)
    reordered = build(*reversed(corpus), "--store", at_once)
    assert reordered == report(at_once, 40, 3, 0, 0, 40)
    assert quads(at_once) == expected


def test_an_entry_id_in_two_sources_is_refused(tmp_path: Path) -> None:
    first = debate(tmp_path / "one.jsonl")
    second = debate(tmp_path / "two.jsonl")
    store = tmp_path / "store"
    line = error_line(invoke("build", first, second, "--store", store))
    assert line == (f"standpoint: error: {second} line 1: entry id 'debate-001' is also in "
                    f"{first}; ids must be unique")
    assert not store.exists()


# -- the page date ----------------------------------------------------------------------------

def test_a_live_page_without_metadata_needs_date(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(SEED, page)
    store = tmp_path / "store"
    line = error_line(invoke("build", page, "--store", store))
    assert line == (f"standpoint: error: {page}: the page date is not in the text: pass --date "
                    "YYYY-MM-DD or add page.meta.yaml beside it with a line 'date: YYYY-MM-DD'")
    assert not store.exists()

    assert build(page, "--date", "2025-01-16", "--store", store) == report(
        store, SEED_ENTRIES, 1, SEED_ENTRIES, 0, 0)
    published = [e["published"] for e in rows("entries", "--store", store)]
    assert published[0] == "2025-01-16T14:18:00+00:00"
    assert all(p.startswith("2025-01-16T") for p in published)


def test_date_overrides_the_metadata_date(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path)
    shutil.copy(SEED_META, tmp_path)
    store = tmp_path / "store"
    build(tmp_path / SEED.name, "--date", "2025-01-17", "--store", store)
    entries = rows("entries", "--store", store)
    assert len(entries) == SEED_ENTRIES
    assert entries[0]["published"] == "2025-01-17T14:18:00+00:00"
    assert all(e["published"].startswith("2025-01-17T") for e in entries)
    assert {e["source"] for e in entries} == {"bbc-live-2025-01-16"}


def test_date_is_ignored_by_jsonl_entries(tmp_path: Path) -> None:
    source = debate(tmp_path / "debate.jsonl")
    store = tmp_path / "store"
    build(source, "--date", "2030-01-01", "--store", store)
    assert [e["published"] for e in rows("entries", "--store", store)] == [
        "2025-01-07T12:30:00+00:00", "2025-01-07T12:35:00+00:00"]


def test_format_option_reads_a_file_whatever_its_name(tmp_path: Path) -> None:
    source = debate(tmp_path / "debate.txt")
    store = tmp_path / "store"
    assert build(source, "--format", "jsonl", "--store", store) == report(store, 2, 1, 2, 0, 0)
    page = tmp_path / "page.html-copy"
    shutil.copy(SEED, page)
    assert build(page, "--format", "liveblog", "--date", "2025-01-16", "--store", store) == report(
        store, SEED_ENTRIES, 1, SEED_ENTRIES, 0, 0)


# -- bad input leaves the store exactly as it was ----------------------------------------------

def _missing(folder: Path) -> tuple[list[str | Path], str]:
    path = folder / "missing.jsonl"
    return [path], f"{path}: no such file"


def _empty(folder: Path) -> tuple[list[str | Path], str]:
    path = folder / "empty.jsonl"
    path.write_bytes(b"")
    return [path], f"{path}: empty file: there is no text to load"


def _empty_page(folder: Path) -> tuple[list[str | Path], str]:
    path = folder / "empty.txt"
    path.write_text("\n  \n", encoding="utf-8")
    return [path, "--date", "2025-01-16"], f"{path}: empty file: there is no text to load"


def _binary(folder: Path) -> tuple[list[str | Path], str]:
    path = folder / "photo.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return [path], f"{path}: binary file, not text"


def _binary_page(folder: Path) -> tuple[list[str | Path], str]:
    path = folder / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return [path, "--date", "2025-01-16"], f"{path}: binary file, not text"


def _malformed(folder: Path) -> tuple[list[str | Path], str]:
    path = folder / "malformed.jsonl"
    path.write_text(
        json.dumps({"id": "ok-1", "published": "2025-01-07", "speaker": BADENOCH,
                    "body": SUPPORTS}) + "\n"
        + '{"id": "ok-2", "published": "2025-01-07", "body": "unfinished\n',
        encoding="utf-8",
    )
    return [path], f"{path} line 2: not valid JSON: "


def _bad_date(folder: Path) -> tuple[list[str | Path], str]:
    path = jsonl(folder / "bad-date.jsonl",
                 {"id": "ok-1", "published": "2025-01-07", "speaker": BADENOCH, "body": SUPPORTS},
                 {"id": "ok-2", "published": "7 January 2025", "body": OPPOSES})
    return [path], (f'{path} line 2: "published" is "7 January 2025", not an ISO-8601 date or '
                    "date-time")


def _impossible_date(folder: Path) -> tuple[list[str | Path], str]:
    path = folder / "bad-date.jsonl"
    shutil.copy(DATA / "bad-date.jsonl", path)
    return [path], f'{path} line 3: "published" is "2025-13-01", not an ISO-8601 date or date-time'


def _bad_time(folder: Path) -> tuple[list[str | Path], str]:
    path = folder / "bad-time.txt"
    shutil.copy(DATA / "bad-time.txt", path)
    return [path, "--date", "2025-01-16"], (f'{path} line 5: time "25:61" is not a time of day '
                                            "(00:00 to 23:59)")


def _no_date(folder: Path) -> tuple[list[str | Path], str]:
    path = folder / "page.txt"
    shutil.copy(SEED, path)
    return [path], f"{path}: the page date is not in the text: pass --date YYYY-MM-DD"


def _registry_yaml(folder: Path) -> tuple[list[str | Path], str]:
    path = folder / "registry.yaml"
    text = REGISTRY.read_text(encoding="utf-8")
    assert text.count("\npeople:\n") == 1
    path.write_text(text.replace("\npeople:\n", "\npeople: [\n"), encoding="utf-8")
    return ["--registry", path], f"{path} line "


def _registry_role(folder: Path) -> tuple[list[str | Path], str]:
    path = folder / "registry.yaml"
    text = REGISTRY.read_text(encoding="utf-8")
    wrong = "{role: home-secretery, from: 2024-07-05"
    path.write_text(text.replace("{role: home-secretary, from: 2024-07-05", wrong, 1),
                    encoding="utf-8")
    line = 1 + path.read_text(encoding="utf-8").split(wrong)[0].count("\n")
    return ["--registry", path], (f"{path} line {line}: person 'yvette-cooper': role "
                                  "'home-secretery' is not a known role; known roles: ")


def _registry_missing(folder: Path) -> tuple[list[str | Path], str]:
    path = folder / "nowhere.yaml"
    return ["--registry", path], f"{path}: registry file not found"


BAD_INPUTS = {
    "missing file": _missing, "empty file": _empty, "empty page": _empty_page,
    "binary file": _binary, "binary page": _binary_page, "malformed JSONL line": _malformed,
    "unparseable date": _bad_date, "impossible date": _impossible_date,
    "impossible time": _bad_time, "page without a date": _no_date,
    "registry not YAML": _registry_yaml, "registry unknown role": _registry_role,
    "registry missing": _registry_missing,
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_leaves_the_store_exactly_as_it_was(store_copy: Path, tmp_path: Path,
                                                      case: str) -> None:
    args, message = BAD_INPUTS[case](tmp_path)
    good = debate(tmp_path / "good.jsonl")
    before = quads(store_copy)
    line = error_line(invoke("build", good, *args, "--store", store_copy))
    assert line.startswith(f"standpoint: error: {message}"), line
    assert quads(store_copy) == before
    assert [e["id"] for e in rows("entries", "--store", store_copy)
            if e["id"].startswith(("debate-", "ok-"))] == []


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_a_failing_first_build_leaves_no_store(tmp_path: Path, case: str) -> None:
    args, message = BAD_INPUTS[case](tmp_path)
    store = tmp_path / "store"
    line = error_line(invoke("build", *args, "--store", store))
    assert line.startswith(f"standpoint: error: {message}"), line
    assert not store.exists()
    assert error_line(invoke("entries", "--store", store)).endswith(
        "run `standpoint build` first, or pass --store DIR")


def test_a_failing_first_build_in_an_empty_folder_leaves_it_empty(tmp_path: Path) -> None:
    store = tmp_path / "store"
    store.mkdir()
    error_line(invoke("build", tmp_path / "missing.jsonl", "--store", store))
    assert list(store.iterdir()) == []


def test_a_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "entries.jsonl"
    shutil.copy(DATA / "bad-not-json.jsonl", path)
    assert error_line(invoke("build", path, "--store", tmp_path / "store")) == (
        f"standpoint: error: {path} line 3: not valid JSON: Expecting property name enclosed in "
        "double quotes at column 67")


def test_registry_yaml_error_names_file_and_line(tmp_path: Path) -> None:
    args, _ = _registry_yaml(tmp_path)
    line = error_line(invoke("build", *args, "--store", tmp_path / "store"))
    text = REGISTRY.read_text(encoding="utf-8")
    first_person = 2 + text.split("\npeople:\n")[0].count("\n") + 1
    assert line.startswith(f"standpoint: error: {args[1]} line {first_person}: not valid YAML: ")


# -- holders: a statement can show another actor's position -------------------------------------

@pytest.fixture(scope="module")
def holder_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/holders.py: Badenoch reports Starmer's stance, and states her own."""
    return holders.build_store(tmp_path_factory.mktemp("holders"))


def test_said_rows_carry_the_holder_and_are_found_by_speaker(holder_store: Path) -> None:
    said = rows("said", "Badenoch", "--store", holder_store)
    assert [(s["actor_id"], s["holder"], s["holder_id"], s["text"], s["stance"]) for s in said] == [
        ("kemi-badenoch", "Keir Starmer", "keir-starmer", holders.REPORTED, "supports"),
        ("kemi-badenoch", "Kemi Badenoch", "kemi-badenoch", holders.REPORTED, "supports"),
    ]
    assert [(s["actor"], s["holder"], s["text"]) for s in rows("said", "Starmer", "--store", holder_store)] == [
        ("Keir Starmer", "Keir Starmer", holders.OWN)]
    everyone = rows("said", "--store", holder_store)
    assert len(everyone) == 3, "the same words, held by two actors, are two statements"
    assert everyone[:2] == said


def test_positions_are_the_holders(holder_store: Path) -> None:
    positions = rows("positions", "--store", holder_store)
    assert [(p["actor_id"], p["issue_id"], p["stance"], p["statements"], p["changed"],
             [e["text"] for e in p["evidence"]]) for p in positions] == [
        ("keir-starmer", "national-inquiry", "mixed", 2, True, [holders.REPORTED, holders.OWN]),
        ("kemi-badenoch", "national-inquiry", "supports", 1, False, [holders.REPORTED]),
    ]
    assert rows("positions", "--actor", "Badenoch", "--store", holder_store) == positions[1:]


def test_the_timeline_follows_the_holder(holder_store: Path) -> None:
    timeline = rows("timeline", "Starmer", "--store", holder_store)
    assert [(t["entry_id"], t["actor_id"], t["speaker"], t["speaker_id"], t["stance"], t["changed"])
            for t in timeline] == [
        ("held-1", "keir-starmer", "Kemi Badenoch", "kemi-badenoch", "supports", False),
        ("held-2", "keir-starmer", "Keir Starmer", "keir-starmer", "opposes", True),
    ]
    assert [(t["actor_id"], t["speaker_id"]) for t in rows("timeline", "Badenoch", "--store", holder_store)] == [
        ("kemi-badenoch", "kemi-badenoch")]


def test_networks_link_the_holder_to_the_issue(holder_store: Path) -> None:
    result = invoke("network", "affiliation", "--store", holder_store, "--format", "json")
    assert result.exit_code == 0, result.output
    edges = json.loads(result.stdout)
    assert sorted((e["source_id"], e["target_id"], e["stance"], e["weight"]) for e in edges) == [
        ("keir-starmer", "national-inquiry", "mixed", 2),
        ("kemi-badenoch", "national-inquiry", "supports", 1),
    ]
    starmer = next(e for e in edges if e["source_id"] == "keir-starmer")
    assert [(e["actor_id"], e["speaker_id"]) for e in starmer["evidence"]] == [
        ("keir-starmer", "kemi-badenoch"), ("keir-starmer", "keir-starmer")]


def test_a_store_with_holders_validates_and_one_without_a_holder_does_not(holder_store: Path) -> None:
    result = invoke("validate", "--store", holder_store)
    assert result.exit_code == 0, result.output
    with open_store(holder_store) as store:
        graph = store_graph(store)
    held = [s for s, o in graph.subject_objects(SP.holder) if (s, SP.speaker, o) not in graph]
    assert len(held) == 1 and len(set(graph.subjects(SP.holder, None))) == 3
    graph.remove((held[0], SP.holder, None))
    problems = validate_graph(graph).problems
    assert [(p.focus, p.path) for p in problems if p.path == str(SP.holder)] == [(str(held[0]), str(SP.holder))]


def test_a_store_with_holders_builds_the_same_again(holder_store: Path, tmp_path: Path) -> None:
    store = holders.build_store(tmp_path)
    assert quads(store) == quads(holder_store)
    assert holders.build_store(tmp_path) == store
    assert quads(store) == quads(holder_store)
