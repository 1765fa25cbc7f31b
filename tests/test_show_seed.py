"""`standpoint show` on the bundled seed: the page a reader opens, drawn in headless Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browser import CHROMIUM, Browser
from conftest import invoke

from standpoint.graph.analysis.drawing import project
from standpoint.graph.rdf.store import open_store

needs_browser = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason=f"{CHROMIUM} is not installed (apt-get install chromium); required under CI",
)
STABLE = "document.getElementById('network').dataset.stable === 'true'"


@pytest.mark.browser
@needs_browser
def test_the_seed_page_draws_the_whole_network(seed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    result = invoke("show", "--store", seed_store, "--out", out)
    assert result.exit_code == 0 and result.output.strip() == str(out)
    with open_store(seed_store) as store:
        G = project(store)
    with Browser() as browser:
        browser.open(out.resolve().as_uri())
        browser.wait_for(STABLE)
        assert browser.evaluate("!!document.querySelector('#network canvas')")
        assert browser.evaluate("[nodes.length, edges.length]") == [G.number_of_nodes(), G.number_of_edges()]
        cooper = browser.evaluate(
            "edges.get({filter: function (e) { return e.from === 'actor:yvette-cooper' &&"
            " e.to === 'issue:national-inquiry'; }}).map(function (e) { return e.title; })"
        )
        assert len(cooper) == 1 and "lengthy nationwide inquiry" in cooper[0]
        assert browser.exceptions == []
        assert [url for url in browser.requests if not url.startswith("file:")] == []


@pytest.mark.browser
@needs_browser
def test_the_issue_filter_narrows_the_seed_page(seed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "inquiry.html"
    assert invoke("show", "--store", seed_store, "--out", out, "--issue", "rapid audit").exit_code == 0
    with Browser() as browser:
        browser.open(out.resolve().as_uri())
        browser.wait_for(STABLE)
        issues = browser.evaluate(
            "nodes.get({filter: function (n) { return n.id.indexOf('issue:') === 0; }})"
            ".map(function (n) { return n.id; })"
        )
        assert issues == ["issue:rapid-audit"]


def test_a_big_store_gives_a_bounded_page_that_says_what_it_left_out(seed_store: Path, tmp_path: Path) -> None:
    import json
    import re

    out = tmp_path / "bounded.html"
    assert invoke("show", "--store", seed_store, "--out", out, "--max-actors", "3",
                  "--max-evidence", "1").exit_code == 0
    page = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.DOTALL).group(1))
    speakers = {e["from"] for e in data["edges"] if e.get("stance") in ("supports", "opposes", "mixed")}
    assert speakers == {"actor:yvette-cooper", "actor:chris-philp", "actor:kemi-badenoch"}
    with open_store(seed_store) as store:
        everyone = {p["actor_id"] for p in __import__("standpoint.graph.rdf.read", fromlist=["x"]).positions(store)}
    assert f"showing the 3 actors with the most evidence, of {len(everyone)}" in page
    assert "the latest 1 statements of each position" in page
    per_edge: dict[tuple[str, str], int] = {}
    for statement in data["statements"]:
        per_edge[(statement["a"], statement["i"])] = per_edge.get((statement["a"], statement["i"]), 0) + 1
    assert max(per_edge.values()) == 1
