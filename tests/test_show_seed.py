"""`standpoint show` on the bundled seed: the page a reader opens, drawn in headless Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browser import CHROMIUM, Browser
from conftest import invoke

from standpoint.graph.network import project
from standpoint.graph.store import open_store

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
