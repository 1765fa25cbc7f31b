"""A topic the registry has never heard of: the proposals people take sides on are found in the
text, grouped, labelled, listed, shown, and offered back as registry YAML. Every sentence here
was written for these tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import REGISTRY, invoke
from conftest import json_rows as rows

from standpoint.loaders import nlp
from standpoint.loaders.proposals import proposals

ENTRIES = [
    {"id": "levy-1", "published": "2026-02-02T09:00:00Z", "title": "Councils split on visitor levy",
     "body": "Morwenna Tallis, the council leader, has called for a tourist levy on overnight stays. "
             "\"Visitors should pay towards the streets they enjoy,\" she said.\n\n"
             "Gethin Rowe rejected plans for a tourist levy, saying it would drive visitors away."},
    {"id": "levy-2", "published": "2026-02-09T09:00:00Z", "title": "Levy row deepens",
     "body": "Gethin Rowe said a levy on tourists would be a disaster for seaside towns.\n\n"
             "Priya Anand backed a tourist levy and urged ministers to introduce a cap on holiday lets."},
    {"id": "levy-3", "published": "2026-02-16T09:00:00Z", "title": "Holiday lets",
     "body": "Morwenna Tallis dismissed calls for a cap on holiday lets. Ifan Hughes opposes the tourist levy."},
]


@pytest.fixture(scope="module")
def levy_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("levy")
    source = folder / "levy.jsonl"
    source.write_text("".join(json.dumps(e) + "\n" for e in ENTRIES), encoding="utf-8")
    store = folder / "store"
    result = invoke("build", source, "--store", store)
    assert result.exit_code == 0, result.output
    return store


def sides(store: Path, issue_label: str) -> dict[str, str]:
    return {r["actor"]: r["stance"] for r in rows("positions", "--store", store) if r["issue"] == issue_label}


def test_a_new_topic_shows_who_supports_and_who_opposes_with_no_registry_edits(levy_store):
    assert sides(levy_store, "tourist levy") == {
        "Morwenna Tallis": "supports", "Gethin Rowe": "opposes", "Priya Anand": "supports",
        "Ifan Hughes": "opposes"}
    assert sides(levy_store, "cap on holiday lets") == {"Priya Anand": "supports", "Morwenna Tallis": "opposes"}
    found = [r for r in rows("positions", "--store", levy_store) if r["issue"] == "tourist levy"]
    assert {r["issue_source"] for r in found} == {"found"}
    rowe = next(r for r in found if r["actor"] == "Gethin Rowe")
    assert any("disaster" in e["text"] for e in rowe["evidence"])  # "a levy on tourists": the same issue


def test_the_same_proposal_in_other_words_is_one_issue_labelled_by_its_most_common_form(levy_store):
    listed = {r["label"]: r for r in rows("issues", "--store", levy_store) if r["issue_source"] == "found"}
    assert set(listed) == {"tourist levy", "cap on holiday lets"}
    levy = listed["tourist levy"]
    assert (levy["supports"], levy["opposes"]) == (2, 2)
    assert levy["first"].startswith("2026-02-02") and levy["last"].startswith("2026-02-16")
    registered = [r for r in rows("issues", "--store", levy_store) if r["issue_source"] == "registry"]
    assert registered and all(r["statements"] == 0 for r in registered)


def test_the_found_issues_are_in_the_page_and_the_store_is_valid(levy_store, tmp_path):
    page = tmp_path / "page.html"
    assert invoke("show", "--store", levy_store, "--out", page).exit_code == 0
    assert "tourist levy" in page.read_text(encoding="utf-8")
    result = invoke("validate", "--store", levy_store)
    assert result.exit_code == 0, result.output


def test_the_report_lists_the_found_issues(levy_store, tmp_path):
    result = invoke("report", "--store", levy_store, "--out", tmp_path / "report")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "tourist levy" in html and "cap on holiday lets" in html


def test_registry_suggest_writes_yaml_that_makes_them_registry_issues(levy_store, tmp_path):
    suggested = invoke("registry", "suggest", "--store", levy_store)
    assert suggested.exit_code == 0, suggested.output
    found = yaml.safe_load(suggested.stdout)
    by_label = {i["label"]: i for i in found["issues"]}
    assert "levy on tourists" in by_label["tourist levy"]["aliases"]
    # the recogniser takes some Welsh names for organisations: they are offered all the same
    actors = {p["name"] for section in ("people", "organisations") for p in found.get(section, [])}
    assert {"Morwenna Tallis", "Gethin Rowe", "Priya Anand", "Ifan Hughes"} <= actors
    registry = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    for section in ("issues", "people", "organisations"):
        registry[section] = registry.get(section, []) + found.get(section, [])
    custom = tmp_path / "registry.yaml"
    custom.write_text(yaml.safe_dump(registry), encoding="utf-8")
    source = tmp_path / "levy.jsonl"
    source.write_text("".join(json.dumps(e) + "\n" for e in ENTRIES), encoding="utf-8")
    store = tmp_path / "store"
    assert invoke("build", source, "--store", store, "--registry", custom).exit_code == 0
    levy = [r for r in rows("positions", "--store", store) if r["issue"] == "tourist levy"]
    assert {r["issue_source"] for r in levy} == {"registry"}
    assert {r["actor"]: r["stance"] for r in levy} == sides(levy_store, "tourist levy")


@pytest.mark.parametrize(("text", "expected"), [
    ("Dafydd Rees has called for a tourist levy.", ["tourist levy"]),
    ("Dafydd Rees has called for a levy on tourists.", ["levy on tourists"]),
    ("The mayor scrapped plans for a congestion charge and a workplace parking levy.",
     ["congestion charge", "workplace parking levy"]),
    ("Dafydd Rees voted against the Coastal Towns Bill.", ["Coastal Towns Bill"]),
    ("She condemned the decision to axe the rural bus grant.", ["rural bus grant"]),
    ("Unions are pushing for a shorter working week for nurses.", ["working week"]),
])
def test_proposals_are_the_objects_of_support_and_opposition_frames(text, expected):
    doc = nlp.pipeline()(text)
    assert [p.form for p in proposals(doc[:])] == expected


def test_forms_of_one_proposal_share_its_id():
    ids = {p.issue_id for text in ("Rees backed a tourist levy.", "Rees backed a levy on tourists.",
                                   "Rees backed the new tourist levies.")
           for p in proposals(nlp.pipeline()(text)[:])}
    assert len(ids) == 1


@pytest.mark.parametrize("text", [
    "Dafydd Rees backed the minister.",  # a person
    "Dafydd Rees welcomed the report.",  # talk about proposals
    "Dafydd Rees has called for a ban.",  # a ban on what?
    "We need more time.",
    "Dafydd Rees backed the plan.",  # which plan?
    "The tourist levy was rejected by the council.",  # passive: the parse gives no holder
    "Dafydd Rees called the plans \"deeply unfair\".",
    "Dafydd Rees wants stronger action.",  # how much, not what
    "Dafydd Rees said it would delay the flood defence scheme.",  # a thing, not someone, delays
])
def test_no_proposal_where_nothing_is_proposed(text):
    assert proposals(nlp.pipeline()(text)[:]) == []


def test_an_analyst_merges_two_found_issues_and_the_merge_lasts(levy_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(levy_store, store, symlinks=True)
    corrections = tmp_path / "corrections.yaml"
    result = invoke("correct", "merge", "--issue", "cap on holiday lets", "--into", "tourist levy",
                    "--why", "one housing package", "--store", store, "--corrections", corrections)
    assert result.exit_code == 0, result.output
    merged = sides(store, "tourist levy")
    assert merged["Morwenna Tallis"] == "mixed" and merged["Priya Anand"] == "supports"
    assert [r["issue_source"] for r in rows("issues", "--store", store) if r["label"] == "tourist levy"] == ["found"]
    assert invoke("validate", "--store", store).exit_code == 0
    source = tmp_path / "levy.jsonl"
    source.write_text("".join(json.dumps(e) + "\n" for e in ENTRIES), encoding="utf-8")
    again = tmp_path / "again"
    assert invoke("build", source, "--store", again, "--corrections", corrections).exit_code == 0
    assert sides(again, "tourist levy") == merged
    assert invoke("validate", "--store", again).exit_code == 0


@pytest.mark.parametrize("text", [
    "I support my right hon. Friend.",  # a member of the House
    "She backed the Home Secretary.",  # a role
    "He voted for the Liberal Democrat candidate.",  # a person
    "They want to cut it by 14%.",  # a number
    "We need at least 10 years.",  # a length of time
    "He backed Northern Ireland.",  # a place: proper nouns that name no law or plan
])
def test_people_places_numbers_and_durations_are_not_proposals(text):
    assert proposals(nlp.pipeline()(text)[:]) == []


def test_a_name_of_proper_nouns_is_a_proposal_when_it_names_a_law_or_plan():
    assert [p.form for p in proposals(nlp.pipeline()("Ms Cole voted against the Coastal Towns Act.")[:])] == [
        "Coastal Towns Act"]
