"""Hostile text from a source, end to end: a JSONL source and a registry carrying HTML, JavaScript,
SPARQL and Cypher syntax are built into a real store, then shown, queried and exported.

The page `standpoint show` writes is opened in headless Chromium: no script a source smuggled in
runs, no element it carried exists, and every text is shown as the text it was. The same payloads
given to the read commands (`--actor`, `--issue`, `said ACTOR`) are values, never query syntax.
(The Cypher side, against FalkorDB, is in test_graphdb.py.)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from browser import Browser
from conftest import REGISTRY, error_line, invoke, quads
from test_page import _hover_edge, _load, needs_browser

PWN = "window.__pwned=1"
SCRIPT = f"<script>{PWN}</script>"
IMG = f'<img src=x onerror="{PWN}">'
BREAKOUT = f"</script><script>{PWN}</script>"
JS_URL = f"javascript:{PWN}"
SVG = f"<svg onload={PWN}>"
TEMPLATE = "${" + PWN + "}{{constructor.constructor('" + PWN + "')()}}"
SPARQL = '" } UNION { ?s ?p ?o } #'
SPARQL_IRI = "> . ?s ?p ?o } #"
CYPHER = "'}) MATCH (n) DETACH DELETE n //"
PAYLOADS = [SCRIPT, IMG, BREAKOUT, JS_URL, SVG, TEMPLATE, SPARQL, SPARQL_IRI, CYPHER, "<!--", "]]>",
            "\u2028", '"', "'", "\\", "{", "}", "`"]

MALLORY = f'Mallory "{{Tables}}" {IMG}'  # a person's name with quotes, braces and markup
ISSUE = f"Hostile {BREAKOUT} inquiry"
PARTY = f"Party {SVG}"
QUOTE = f"We need a hostile inquiry {BREAKOUT} {SPARQL_IRI} {{x}} now"


def hostile_registry(folder: Path) -> Path:
    """The bundled registry plus a person, a party and an issue named with every payload."""
    path = folder / "registry.yaml"
    text = REGISTRY.read_text(encoding="utf-8")
    text = text.replace("organisations:\n", "organisations:\n  - id: hostile-party\n"
                        f"    name: {json.dumps(PARTY)}\n    kind: party\n", 1)
    text = text.replace("people:\n", "people:\n  - id: mallory\n"
                        f"    name: {json.dumps(MALLORY)}\n    party: hostile-party\n"
                        f"    aliases: [{', '.join(json.dumps(p) for p in [SPARQL, CYPHER, 'Mallory'])}]\n", 1)
    text = text.replace("issues:\n", "issues:\n  - id: hostile-issue\n"
                        f"    label: {json.dumps(ISSUE)}\n"
                        f"    aliases: [hostile inquiry, {json.dumps(SPARQL_IRI)}]\n", 1)
    path.write_text(text, encoding="utf-8")
    return path


def hostile_source(folder: Path) -> Path:
    path = folder / "hostile.jsonl"
    entries = [
        {"id": "hostile-1", "published": "2025-01-16T10:00:00Z", "title": SCRIPT, "url": JS_URL,
         "source": BREAKOUT, "authors": [f"Eve {SVG}"],
         "body": f'Mallory said: "{QUOTE}." {IMG} {TEMPLATE}'},
        {"id": "hostile-2", "published": "2025-01-16T11:00:00Z", "title": f"{IMG} & {CYPHER}",
         "speaker": f"Mx {SCRIPT} (Nowhere) (Ind)",
         "body": f"I oppose a hostile inquiry. {SPARQL} {CYPHER} <!-- ]]> \u2028 `x`"},
        {"id": f"hostile-3 {SPARQL_IRI}", "published": "2025-01-16T12:00:00Z", "title": TEMPLATE,
         "body": f"Mallory said: \"We need a national inquiry {SCRIPT}.\""},
    ]
    path.write_text("".join(json.dumps(entry) + "\n" for entry in entries), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    store = folder / "store"
    result = invoke("build", hostile_source(folder), "--registry", hostile_registry(folder),
                    "--store", store)
    assert result.exit_code == 0, result.output
    return store


def rows(*args: str | Path) -> list[dict[str, Any]]:
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_hostile_text_is_stored_as_the_text_it_was(hostile_store: Path) -> None:
    entries = {e["id"]: e for e in rows("entries", "--store", hostile_store)}
    assert entries["hostile-1"]["title"] == SCRIPT
    assert entries["hostile-1"]["url"] == JS_URL
    assert entries["hostile-1"]["source"] == BREAKOUT
    assert entries["hostile-2"]["speaker"] == f"Mx {SCRIPT} (Nowhere) (Ind)"
    assert f"hostile-3 {SPARQL_IRI}" in entries
    said = rows("said", "mallory", "--store", hostile_store)
    assert any(QUOTE in r["text"] for r in said)
    assert {r["actor"] for r in said} == {MALLORY}
    assert any(r["issue"] == ISSUE for r in said)


# -- the page -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Any:
    with Browser() as chromium:
        yield chromium


@pytest.mark.browser
@needs_browser
def test_the_page_of_a_hostile_store_runs_no_smuggled_script(
        hostile_store: Path, tmp_path: Path, browser: Browser) -> None:
    page = tmp_path / "hostile.html"
    result = invoke("show", "--store", hostile_store, "--out", page)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert SCRIPT not in html and BREAKOUT not in html and IMG not in html  # escaped in the data
    _load(browser, page)
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.dialogs == [] and browser.exceptions == [] and browser.console == []
    assert browser.evaluate("document.title") == "standpoint"
    injected = browser.evaluate(
        "document.querySelectorAll('img, iframe, svg:not(.swatch), object, embed, a, base, form, link, "
        "template, style:not(head style)').length")
    assert injected == 0
    assert browser.evaluate(
        "Array.from(document.querySelectorAll('*')).filter(function (e) { return Array.from("
        "e.attributes).some(function (a) { return /^on/i.test(a.name) || "
        "/javascript:/i.test(a.value); }); }).length") == 0
    assert browser.evaluate(
        "Array.from(document.scripts).filter(function (s) { return s.text.indexOf('__pwned') >= 0"
        " && s.type !== 'application/json'; }).length") == 0
    labels = browser.evaluate("nodes.get().map(function (n) { return n.label; })")
    assert MALLORY in labels and ISSUE in labels and PARTY in labels
    titles = " ".join(browser.evaluate("edges.get().map(function (e) { return e.title || ''; })"))
    assert QUOTE in titles
    tooltip = _hover_edge(browser, "actor:mallory", "issue:hostile-issue")
    assert QUOTE in tooltip["text"] and tooltip["elements"] == []
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert [url for url in browser.requests if not url.startswith("file:")] == []


@pytest.mark.browser
@needs_browser
def test_the_page_filtered_by_a_hostile_actor_and_issue(
        hostile_store: Path, tmp_path: Path, browser: Browser) -> None:
    page = tmp_path / "filtered.html"
    result = invoke("show", "--store", hostile_store, "--out", page, "--actor", MALLORY,
                    "--issue", ISSUE)
    assert result.exit_code == 0, result.output
    _load(browser, page)
    assert browser.evaluate("nodes.get().map(function (n) { return n.id; })").count("actor:mallory") == 1
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.dialogs == [] and browser.exceptions == [] and browser.console == []


# -- SPARQL: the payloads are values ---------------------------------------------------------------


def test_a_name_full_of_query_syntax_finds_exactly_its_actor(hostile_store: Path) -> None:
    everything = rows("positions", "--store", hostile_store)
    mine = rows("positions", "--actor", MALLORY, "--store", hostile_store)
    assert mine and {r["actor_id"] for r in mine} == {"mallory"}
    assert len(mine) < len(everything)
    for alias in (SPARQL, CYPHER):  # aliases made of query syntax find Mallory too
        assert rows("positions", "--actor", alias, "--store", hostile_store) == mine
    said = rows("said", MALLORY, "--store", hostile_store)
    assert said and {r["actor_id"] for r in said} == {"mallory"}
    assert rows("timeline", MALLORY, "--store", hostile_store) == rows(
        "timeline", "mallory", "--store", hostile_store)


def test_an_issue_named_with_query_syntax_finds_exactly_its_issue(hostile_store: Path) -> None:
    for text in (ISSUE, SPARQL_IRI):
        found = rows("positions", "--issue", text, "--store", hostile_store)
        assert found and {r["issue_id"] for r in found} == {"hostile-issue"}
        said = rows("said", "--issue", text, "--store", hostile_store)
        assert said and {r["issue"] for r in said} == {ISSUE}


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if p not in (SPARQL, CYPHER, SPARQL_IRI)])
def test_query_syntax_that_names_nobody_changes_no_query(hostile_store: Path, payload: str) -> None:
    before = quads(hostile_store)
    for args in (("positions", "--actor", payload), ("said", payload), ("timeline", payload),
                 ("positions", "--issue", payload), ("said", "--issue", payload)):
        result = invoke(*args, "--store", hostile_store, "--format", "json")
        if result.exit_code == 0:  # it names someone by a part of a name: only their rows
            found = json.loads(result.stdout)
            everything = json.loads(invoke(args[0], "--store", hostile_store, "--format",
                                           "json").stdout)
            assert len(found) < len(everything) or len(everything) <= 1, args
        else:
            line = error_line(result)
            assert "matches" in line, line
    assert quads(hostile_store) == before


def test_a_sparql_query_reads_hostile_values_as_values(hostile_store: Path) -> None:
    found = rows("sparql", "SELECT ?name WHERE { ?a foaf:name ?name FILTER(CONTAINS(?name, 'Mallory')) }",
                 "--store", hostile_store)
    assert found == [{"name": MALLORY}]
