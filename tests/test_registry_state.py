"""The store knows its registry: a build with another one extracts every entry again and says so,
one that would drop the store's issues or people is refused unless asked, and an entry id of one
source is never silently taken over by another.

Every test runs the real CLI on real files (the seed page, the two Hansard debates, an analyst's
registry: the bundled one plus an issue the debates talk about) and real stores in tmp_path.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import HANSARD, REGISTRY, SEED, error_line, invoke, json_rows, quads
from test_build import report, rows

from standpoint.graph.quality.check import store_graph
from standpoint.graph.quality.validate import validate_graph
from standpoint.graph.rdf.store import open_store
from standpoint.ontology.namespace import ID, SP

HANSARD_ENTRIES = 19  # 11 + 8
MANDATORY = {"id": "mandatory-reporting", "label": "Mandatory reporting of child sexual abuse",
             "aliases": ["mandatory reporting", "mandatory duty"]}


def build(*args: str | Path, env: dict[str, str | None] | None = None) -> list[str]:
    """Run a build that must succeed; the lines it printed."""
    result = invoke("build", *args, env=env)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout.splitlines()


def counts(store: Path, entries: int, sources: int, added: int, updated: int, unchanged: int) -> str:
    """The line every build prints, with the store's own counts."""
    return report(store, entries, sources, added, updated, unchanged).rstrip("\n")


def validates(store: Path) -> bool:
    result = invoke("validate", "--store", store)
    return result.exit_code == 0 and "conforms" in result.stdout


def mandatory_reporting(store: Path) -> list[tuple[str, str]]:
    """Who stands where on the analyst's issue."""
    return sorted((p["actor"], p["stance"]) for p in rows("positions", "--issue", "mandatory reporting",
                                                          "--store", store))


def state(store: Path) -> tuple[str, frozenset[Any], list[dict[str, Any]]]:
    """What a reader sees of a store: the generation it reads, every quad, the positions."""
    return os.readlink(store / "current"), frozenset(quads(store)), rows("positions", "--store", store)


@pytest.fixture(scope="module")
def analyst(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An analyst's registry: the bundled one, and the issue of mandatory reporting."""
    data = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    data["issues"].append(MANDATORY)
    path = tmp_path_factory.mktemp("analyst") / "analyst.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built_with_analyst(analyst: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The debates, built with the analyst's registry (read-only: tests copy it)."""
    store = tmp_path_factory.mktemp("analyst-store") / "store"
    build(*HANSARD, "--registry", analyst, "--store", store)
    return store


def positions_json(store: Path, issue: str) -> list[dict]:
    return json_rows("positions", "--issue", issue, "--store", store)


def copy(store: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(store, target, symlinks=True)
    return target


# -- another registry: every entry extracted again ---------------------------------------------

@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_new_registry_reaches_the_entries_of_sources_not_in_the_build(
        analyst: Path, tmp_path: Path, workers: str) -> None:
    store = tmp_path / "store"
    build(*HANSARD, "--store", store)
    # without it in the registry, the debates show only what the text itself proposes
    assert [(r["actor"], r["issue_source"]) for r in positions_json(store, "mandatory reporting")] == [
        ("Harpreet Uppal", "found")]

    lines = build(SEED, "--registry", analyst, "--store", store, env={"STANDPOINT_WORKERS": workers})
    assert lines == [
        f"registry changed ({REGISTRY} -> {analyst}): 1 issue added; 19 entries extracted again",
        counts(store, 21, 1, 21, 0, 0),
    ]
    # the debates were not in that build, and their speakers' stances on the new issue are there
    assert mandatory_reporting(store) == [
        ("Harpreet Uppal", "supports"), ("Jess Phillips", "supports"), ("Yvette Cooper", "supports")]
    assert validates(store)
    fresh = tmp_path / "fresh"
    build(SEED, *HANSARD, "--registry", analyst, "--store", fresh)
    assert quads(store) == quads(fresh)  # as if everything had been built with it


def test_a_registry_lacking_the_stores_issues_is_refused_and_changes_nothing(
        built_with_analyst: Path, analyst: Path, tmp_path: Path) -> None:
    store = copy(built_with_analyst, tmp_path)
    before = state(store)
    refusal = (f"standpoint: error: {REGISTRY}: this registry lacks 1 issue of the store's registry "
               f"({analyst}): issue 'mandatory-reporting'; the build would drop it and every "
               "statement about it; add it to this registry, or pass --replace-registry to drop it")
    assert error_line(invoke("build", HANSARD[0], "--store", store)) == refusal
    assert error_line(invoke("build", "--store", store)) == refusal  # the bundled seed, likewise
    assert state(store) == before
    assert mandatory_reporting(store) == [
        ("Harpreet Uppal", "supports"), ("Jess Phillips", "supports"), ("Yvette Cooper", "supports")]


def test_replace_registry_drops_them_and_leaves_a_valid_store(
        built_with_analyst: Path, analyst: Path, tmp_path: Path) -> None:
    store = copy(built_with_analyst, tmp_path)
    assert build(HANSARD[0], "--store", store, "--replace-registry") == [
        f"registry changed ({analyst} -> {REGISTRY}): 1 issue removed; 19 entries extracted again",
        counts(store, 11, 1, 0, 11, 0),
    ]
    assert validates(store)
    # the registry's issue is gone: what is left is what the text itself proposes
    assert {r["issue_source"] for r in positions_json(store, "mandatory reporting")} == {"found"}
    fresh = tmp_path / "fresh"
    build(*HANSARD, "--store", fresh)
    assert quads(store) == quads(fresh)
    # the other debate came back from the store as its file gives it: building it changes nothing
    assert build(HANSARD[1], "--store", store) == [counts(store, 8, 1, 0, 0, 8)]


def test_the_json_report_names_what_changed(built_with_analyst: Path, analyst: Path,
                                            tmp_path: Path) -> None:
    store = copy(built_with_analyst, tmp_path)
    result = invoke("build", "--store", store, "--replace-registry", "--report", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["registry"] == str(REGISTRY)
    assert report["registry_change"] == {
        "before": str(analyst), "after": str(REGISTRY), "added": {},
        "removed": {"issues": ["mandatory-reporting"]}, "edited": {}, "extracted_again": 19,
    }
    assert (report["entries"], report["added"]) == (21, 21)
    again = invoke("build", "--store", store, "--report", "json")
    assert json.loads(again.stdout)["registry_change"] is None
    assert json.loads(again.stdout)["unchanged"] == 21


def test_an_edited_registry_item_is_reported_as_edited(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build(HANSARD[1], "--store", store)
    data = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    inquiry = next(issue for issue in data["issues"] if issue["id"] == "statutory-powers")
    inquiry["aliases"].append("powers to compel")
    data["people"].append({"id": "jane-roe", "name": "Jane Roe"})
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert build(HANSARD[1], "--registry", edited, "--store", store) == [
        (f"registry changed ({REGISTRY} -> {edited}): 1 issue edited; 1 person added; "
         "8 entries extracted again"),
        counts(store, 8, 1, 0, 8, 0),
    ]
    assert validates(store)


def test_the_store_records_its_registry(built_with_analyst: Path, analyst: Path) -> None:
    [recorded] = rows("sparql", "SELECT ?file (COUNT(?item) AS ?items) WHERE { "
                      "<https://w3id.org/standpoint/id/graph/registry> a sp:Registry ; sp:registryFile ?file ; sp:defines ?item "
                      "} GROUP BY ?file", "--store", built_with_analyst)
    data = yaml.safe_load(analyst.read_text(encoding="utf-8"))
    assert recorded == {"file": str(analyst), "items": str(sum(len(data[k]) for k in data))}
    graph = store_graph_of(built_with_analyst)
    assert validate_graph(graph).conforms
    graph.remove((ID["graph/registry"], SP.registryFile, None))
    problems = validate_graph(graph).problems
    assert [(p.focus, p.path, p.message) for p in problems] == [
        (str(ID["graph/registry"]), str(SP.registryFile),
         "a registry has exactly one sp:registryFile, a non-empty xsd:string")]


def store_graph_of(store: Path) -> Any:
    with open_store(store) as opened:
        return store_graph(opened)


def test_a_store_that_kept_no_input_refuses_a_new_registry(analyst: Path, tmp_path: Path) -> None:
    """A store built before entries kept their input: its entries cannot be extracted again."""
    store = tmp_path / "store"
    build(*HANSARD, "--store", store)
    forget_inputs(store)
    before = state(store)
    line = error_line(invoke("build", SEED, "--registry", analyst, "--store", store))
    assert line == (f"standpoint: error: {analyst}: the registry changed, so every entry must be "
                    f"extracted again, but {HANSARD_ENTRIES} entries of the store (e.g. "
                    "'hansard-03-001') were built by an earlier standpoint that kept no copy of their "
                    "input; give their sources in this build too, or build into a new store")
    assert state(store) == before
    assert build(SEED, *HANSARD, "--registry", analyst, "--store", store)[0].startswith(
        f"registry changed ({REGISTRY} -> {analyst}): 1 issue added; 19 entries extracted again")
    assert validates(store)


def forget_inputs(store: Path) -> None:
    """Make `store` one built before entries kept their input: no sp:extractionInput, sp:sourceFile
    or sp:sourceLine (a new generation of it, published as a build publishes one)."""
    forgotten = {str(SP.extractionInput), str(SP.sourceFile), str(SP.sourceLine)}
    kept = store.parent / "kept.nq"
    with open_store(store, write=True) as opened:
        kept.write_text("".join(f"{quad} .\n" for quad in opened.quads()
                                if quad.predicate.value not in forgotten), encoding="utf-8")
        opened.commit(sorted(opened.graphs()), kept)
    assert not {q.predicate.value for q in quads(store)} & forgotten


# -- entry ids belong to their source ------------------------------------------------------------

def entries_file(path: Path, *records: dict[str, str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


FIRST = {"id": "speech-1", "published": "2025-01-07", "speaker": "Mrs Kemi Badenoch (North West Essex) (Con)",
         "body": "We need a full national inquiry into grooming gangs."}
SECOND = {"id": "speech-2", "published": "2025-01-07", "speaker": "Jane Roe (Somewhere) (Lab)",
          "body": "There should be local inquiries, not a national inquiry."}


def test_an_entry_id_of_another_source_in_the_store_is_refused(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = entries_file(tmp_path / "one.jsonl", FIRST, SECOND)
    build(first, "--store", store)
    before = state(store)
    other = entries_file(tmp_path / "two.jsonl", {**SECOND, "body": "Something else entirely."})
    assert error_line(invoke("build", other, "--store", store)) == (
        f"standpoint: error: {other} line 1: entry id 'speech-2' is already in the store, from "
        "one.jsonl line 2; ids must be unique across sources: give this entry another id, or build "
        "into another store")
    assert state(store) == before
    assert [e["id"] for e in rows("entries", "--store", store)] == ["speech-1", "speech-2"]


def test_a_new_version_of_a_source_may_change_its_entries(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build(entries_file(tmp_path / "v1" / "debate.jsonl", FIRST, SECOND), "--store", store)
    changed = {**SECOND, "body": "I support a national inquiry into grooming gangs."}
    newer = entries_file(tmp_path / "v2" / "debate.jsonl", FIRST, changed)
    assert build(newer, "--store", store) == [counts(store, 2, 1, 0, 2, 0)]
    said = {s["text"] for s in rows("said", "--store", store)}
    assert changed["body"] in said and SECOND["body"] not in said
    copied = entries_file(tmp_path / "copy.jsonl", FIRST, changed)  # the same entries: nothing replaced
    assert build(copied, "--store", store) == [counts(store, 2, 1, 0, 0, 2)]
