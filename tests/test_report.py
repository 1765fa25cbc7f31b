"""`standpoint report` (graph/analysis/report.py, visualisations/report.py, charts.py) and the page's
agreement, conflict and time-window views, in a real headless Chromium (tests/browser.py).

Browser tests carry the `browser` marker; they are skipped only when /usr/bin/chromium is missing
and CI is unset.
"""

from __future__ import annotations

import base64
import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from browser import CHROMIUM, Browser
from conftest import invoke
from test_analysis import ACTORS, ROWS, run, said
from test_page import HOSTILE_TITLE, IMG, example_graph, hostile_graph

from standpoint.graph.analysis import discourse
from standpoint.graph.analysis.report import summarise
from standpoint.graph.rdf.store import open_store
from standpoint.visualisations import charts
from standpoint.visualisations.page import page_data, write_page
from standpoint.visualisations.report import report_html, write_report

needs_browser = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason=f"{CHROMIUM} is not installed (apt-get install chromium); required under CI",
)
STABLE = "document.getElementById('network').dataset.stable === 'true'"
BREAKOUT = "</q></td></table><script>window.__pwned=1</script>"


# -- the report's data --------------------------------------------------------------------------

def test_summarise_hand_built_rows() -> None:
    data = summarise(ROWS, discourse.members(ACTORS))
    assert data["counts"] == {"statements": 17, "entries": 3, "actors": 6, "issues": 3, "positions": 13,
                              "first": "2025-01-16T10:00:00+00:00", "last": "2025-01-17"}
    assert [[m["id"] for m in c["members"]] for c in data["coalitions"]] == [["a", "b", "f"], ["c", "d", "e"]]
    assert data["coalitions"][0]["issues"] == [
        {"issue_id": "X", "stance": "supports"}, {"issue_id": "Y", "stance": "opposes"},
        {"issue_id": "Z", "stance": "supports"}]
    assert data["modularity"] == round(2 / 9, 6)
    assert [(b["id"], b["participation"]) for b in data["bridges"]] == [("e", 0.5), ("f", 0.48), ("c", 0.444444)]
    assert [(p["issue_id"], p["polarisation"]) for p in data["polarisation"]] == [("X", 0.8), ("Y", 0.8), ("Z", 0.0)]
    e_x = next(p for p in data["positions"] if (p["actor_id"], p["issue_id"]) == ("e", "X"))
    assert (e_x["stance"], e_x["supports"], e_x["opposes"], e_x["statements"]) == ("mixed", 1, 1, 2)
    assert data["centrality"][0]["id"] == "f"  # the strongest: ties of weight 2 + 1 + 1 + 1
    assert len(data["stances"]) == 17 and data["changes"] == []


# -- the HTML -----------------------------------------------------------------------------------

def hostile_rows() -> list[dict[str, Any]]:
    """Statement rows whose every text tries to become markup."""
    rows = [said("x", "i", "supports", "2025-01-16T10:00:00+00:00"), said("y", "i", "opposes", "2025-01-16T11:00:00+00:00"),
            said("z", "i", "supports", "2025-01-16T12:00:00+00:00")]
    for row, name in zip(rows, (IMG, BREAKOUT, "Zed & <b>bold</b>")):
        row.update(actor=name, issue=BREAKOUT, text=f"{IMG} {BREAKOUT}", entry_id="<a href='javascript:x'>e</a>")
    return rows


def test_report_html_escapes_every_source_text() -> None:
    html = report_html(summarise(hostile_rows()), title=HOSTILE_TITLE)
    assert "<script" not in html.lower()
    assert html.count("<img") == 3 and html.count('<img src="data:image/svg+xml;base64,') == 3
    assert "<b>" not in html and "<a " not in html and "onerror=" not in re.sub(r"onerror=&(quot|#34);", "", html)
    assert "&lt;/q&gt;&lt;/td&gt;&lt;/table&gt;&lt;script&gt;" in html
    assert "<title>&lt;/title&gt;&lt;script&gt;" in html
    assert "default-src 'none'" in html and "img-src data:" in html


def test_pictures_are_svg_drawn_by_matplotlib_and_repeatable() -> None:
    data = summarise(ROWS)
    first = charts.network_chart(data["congruence"], data["coalition_of"], data["conflict"])
    assert first == charts.network_chart(data["congruence"], data["coalition_of"], data["conflict"])
    svg = base64.b64decode(first.removeprefix("data:image/svg+xml;base64,")).decode("utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg and "Matplotlib" in svg
    assert "<script" not in svg
    for uri in (charts.stances_chart(data["stances"]), charts.polarisation_chart(data["polarisation_over_time"]),
                charts.stances_chart([]), charts.polarisation_chart([]),
                charts.network_chart(nx.Graph(), {})):
        assert uri.startswith("data:image/svg+xml;base64,")


def test_report_command_writes_one_offline_page(seed_store: Path, tmp_path: Path) -> None:
    result = run("report", "--store", seed_store, "--out", tmp_path / "report")
    assert result.exit_code == 0, result.output
    page = tmp_path / "report" / "index.html"
    assert result.stdout.strip() == str(page)
    html = page.read_text(encoding="utf-8")
    for heading in ("Coalitions", "Polarisation", "Stances over time", "Changes of position",
                    "Bridges and centrality", "Conflict", "Positions"):
        assert f"<h2>{heading}</h2>" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.IGNORECASE)
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert "Kemi Badenoch" in html and "But we still need a national inquiry." in html
    again = run("report", "--store", seed_store, "--out", tmp_path / "again")
    assert again.exit_code == 0
    assert (tmp_path / "again" / "index.html").read_bytes() == page.read_bytes()


def test_report_options(seed_store: Path, tmp_path: Path) -> None:
    result = run("report", "--store", seed_store, "--out", tmp_path / "party", "--level", "party",
                 "--issue", "national inquiry", "--from", "2025-01-16T15:00", "--title", "Parties <3")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "party" / "index.html").read_text(encoding="utf-8")
    assert "<title>Parties &lt;3</title>" in html and "level: party" in html
    assert "Kemi Badenoch</td>" not in html and "Conservative Party</td>" in html
    bad = run("report", "--store", seed_store, "--out", tmp_path / "x", "--issue", "nope")
    assert bad.exit_code == 1 and bad.stderr.startswith("standpoint: error: no issue matches 'nope'")


def test_write_report_into_a_file_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(Exception, match="cannot write the report"):
        write_report(summarise(ROWS), blocker / "sub")


# -- in the browser -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser() as chromium:
        yield chromium


def _open(browser: Browser, page: Path) -> None:
    for events in (browser.requests, browser.exceptions, browser.console, browser.dialogs):
        events.clear()
    browser.open(page.resolve().as_uri())


@pytest.mark.browser
@needs_browser
def test_the_report_renders_in_chromium(browser: Browser, seed_store: Path, tmp_path: Path) -> None:
    assert run("report", "--store", seed_store, "--out", tmp_path).exit_code == 0
    page = tmp_path / "index.html"
    _open(browser, page)
    browser.wait_for("Array.from(document.images).every(function (i) { return i.complete; })")
    images = browser.evaluate(
        "Array.from(document.images).map(function (i) { return [i.alt, i.naturalWidth > 300, i.naturalHeight > 100]; })")
    assert images == [["The coalition network", True, True], ["Polarisation over time", True, True],
                      ["Stances over time per actor", True, True]]
    headings = browser.evaluate("Array.from(document.querySelectorAll('h2')).map(function (h) { return h.textContent; })")
    assert headings == ["Coalitions", "Polarisation", "Stances over time", "Changes of position",
                        "Bridges and centrality", "Conflict", "Positions"]
    coalitions = browser.evaluate("document.querySelector('ul.coalitions').innerText")
    assert "Kemi Badenoch" in coalitions and "Yvette Cooper" in coalitions
    assert [u for u in browser.requests if not u.startswith(("file:", "data:"))] == []
    assert browser.evaluate("document.scripts.length") == 0
    assert browser.exceptions == [] and browser.console == []


@pytest.mark.browser
@needs_browser
def test_hostile_text_in_the_report_stays_text(browser: Browser, tmp_path: Path) -> None:
    page = write_report(summarise(hostile_rows()), tmp_path, title=HOSTILE_TITLE)
    _open(browser, page)
    assert browser.evaluate("document.title") == HOSTILE_TITLE
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.scripts.length") == 0
    assert browser.evaluate("document.querySelectorAll('a, b, iframe, object').length") == 0
    assert browser.evaluate("document.images.length") == 3
    text = browser.evaluate("document.body.innerText")
    assert IMG in text and BREAKOUT in text and "Zed & <b>bold</b>" in text
    assert browser.dialogs == [] and browser.exceptions == []


# -- the page's views ---------------------------------------------------------------------------

def _view(browser: Browser, value: str) -> None:
    browser.evaluate(
        f"(function () {{ var s = document.getElementById('view'); s.value = {json.dumps(value)};"
        "s.dispatchEvent(new Event('change')); })()")
    browser.wait_for(STABLE)


def _ties(browser: Browser) -> dict[str, int]:
    return browser.evaluate(
        "(function () { var found = {}; edges.get().forEach(function (e) { found[e.id] = e.count; });"
        " return found; })()")


def _slide(browser: Browser, which: str, stop: int) -> None:
    browser.evaluate(
        f"(function () {{ var s = document.getElementById('window-{which}'); s.value = '{stop}';"
        "s.dispatchEvent(new Event('input')); })()")


def _visible_nodes(browser: Browser) -> list[str]:
    return browser.evaluate(
        "nodes.get({filter: function (n) { return !n.hidden; }}).map(function (n) { return n.id; }).sort()")


def test_page_data_carries_the_statements_and_a_coalition_layout() -> None:
    data = page_data(example_graph())
    assert [t["label"] for t in data["times"]] == [
        "2025-01-16 15:40 UTC", "2025-01-16 15:44 UTC", "2025-01-16 15:59 UTC", "2025-01-16 16:30 UTC"]
    # Sarah Champion's edge is mixed: its evidence has no side of its own and is left out
    assert {s["a"] for s in data["statements"]} == {
        "actor:yvette-cooper", "actor:chris-philp", "actor:alexis-jay", "actor:reform-uk",
        "actor:conservative-party"}
    assert set(data["pairLayout"]) == {s["a"] for s in data["statements"]}


@pytest.mark.browser
@needs_browser
def test_agreement_and_conflict_views(browser: Browser, tmp_path: Path) -> None:
    _open(browser, write_page(example_graph(), tmp_path / "page.html"))
    browser.wait_for(STABLE)
    _view(browser, "congruence")
    # on the national inquiry Philp, Reform and the Conservatives support, Cooper and Jay oppose
    assert _ties(browser) == {
        "congruence:actor:chris-philp|actor:conservative-party": 1,
        "congruence:actor:chris-philp|actor:reform-uk": 1,
        "congruence:actor:conservative-party|actor:reform-uk": 1,
        "congruence:actor:alexis-jay|actor:yvette-cooper": 1,
    }
    assert _visible_nodes(browser) == ["actor:alexis-jay", "actor:chris-philp", "actor:conservative-party",
                                       "actor:reform-uk", "actor:yvette-cooper"]
    _view(browser, "conflict")
    ties = _ties(browser)
    assert len(ties) == 6 and ties["conflict:actor:chris-philp|actor:yvette-cooper"] == 2  # both issues
    assert browser.evaluate("document.getElementById('filter-status').textContent") == \
        "Showing 5 of 11 nodes, 6 ties"
    _view(browser, "stances")
    assert browser.evaluate("edges.length") == example_graph().number_of_edges()
    assert len(_visible_nodes(browser)) == 11
    assert browser.exceptions == [] and browser.console == []


@pytest.mark.browser
@needs_browser
def test_the_time_window_cuts_every_view(browser: Browser, tmp_path: Path) -> None:
    _open(browser, write_page(example_graph(), tmp_path / "page.html"))
    browser.wait_for(STABLE)
    _slide(browser, "from", 2)  # from 15:59: Jay (opposes) and the Conservatives (support, 16:30)
    assert browser.evaluate("document.getElementById('window-label').textContent") == \
        "2025-01-16 15:59 UTC \u2013 2025-01-16 16:30 UTC"
    # the stances view keeps the edges with a statement in the window (and the undated mixed one)
    assert _visible_nodes(browser) == ["actor:alexis-jay", "actor:conservative-party", "actor:labour-party",
                                       "actor:sarah-champion", "issue:national-inquiry", "place:rotherham"]
    _view(browser, "conflict")
    assert _ties(browser) == {"conflict:actor:alexis-jay|actor:conservative-party": 1}
    _slide(browser, "to", 1)  # the end cannot pass the start: the start follows it
    assert browser.evaluate("[document.getElementById('window-from').value,"
                            " document.getElementById('window-to').value]") == ["1", "1"]
    # at 15:44 Philp and Reform back the national inquiry and Cooper argues against it; Philp and
    # Cooper also clash on local inquiries
    assert _ties(browser) == {"conflict:actor:chris-philp|actor:yvette-cooper": 2,
                              "conflict:actor:reform-uk|actor:yvette-cooper": 1}
    browser.evaluate("document.getElementById('filter-reset').click()")
    assert len(_ties(browser)) == 6


def _click_edge(browser: Browser, edge: str) -> None:
    """Click the middle of an edge as a reader would."""
    x, y = browser.evaluate(
        f"(function () {{ var p = network.canvasToDOM(network.body.edges[{json.dumps(edge)}].edgeType.getPoint(0.5));"
        "var r = document.querySelector('#network canvas').getBoundingClientRect();"
        "return [p.x + r.left, p.y + r.top]; })()")
    for kind in ("mousePressed", "mouseReleased"):
        browser.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)
    browser.wait_for(f"document.getElementById('details').dataset.edge === {json.dumps(edge)}")


@pytest.mark.browser
@needs_browser
def test_clicking_a_tie_lists_the_statements_behind_it(browser: Browser, tmp_path: Path) -> None:
    _open(browser, write_page(example_graph(), tmp_path / "page.html"))
    browser.wait_for(STABLE)
    _view(browser, "conflict")
    _click_edge(browser, "conflict:actor:chris-philp|actor:yvette-cooper")
    details = browser.evaluate("document.getElementById('details-body').innerText")
    assert details.startswith("Chris Philp \u2014 Yvette Cooper\nChris Philp opposes, Yvette Cooper supports: "
                              "Local inquiries\nChris Philp supports, Yvette Cooper opposes: National inquiry")
    assert "“we are not redoing the Telford inquiry”" in details and "totally inadequate" in details
    assert browser.evaluate("document.querySelectorAll('#details-body .statement').length") == 5
    _view(browser, "stances")
    _click_edge(browser, browser.evaluate(
        "edges.get().find(function (e) { return e.from === 'actor:alexis-jay'; }).id"))
    assert browser.evaluate("document.querySelector('#details-body .head').textContent") == \
        "Alexis Jay opposes National inquiry into grooming gangs"


@pytest.mark.browser
@needs_browser
def test_hostile_text_in_the_views_stays_text(browser: Browser, tmp_path: Path) -> None:
    _open(browser, write_page(hostile_graph(), tmp_path / "page.html"))
    browser.wait_for(STABLE)
    _view(browser, "conflict")
    assert list(_ties(browser)) == ["conflict:actor:img|actor:js"]
    browser.evaluate("showDetails(edges.get('conflict:actor:img|actor:js'))")
    details = browser.evaluate("document.getElementById('details-body').innerText")
    assert IMG in details and "</SCRIPT >" in details
    tags = browser.evaluate("Array.from(document.querySelectorAll('#details-body *')).map(function (e) "
                            "{ return e.tagName; })")
    assert set(tags) == {"P", "DIV"}
    assert browser.evaluate("typeof window.__pwned") == "undefined" and browser.dialogs == []


@pytest.mark.browser
@needs_browser
def test_the_seed_pages_agreement_view_is_the_congruence_network(
        browser: Browser, seed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    assert invoke("show", "--store", seed_store, "--out", out).exit_code == 0
    with open_store(seed_store) as opened:
        expected = {kind: discourse.network(opened, kind) for kind in ("congruence", "conflict")}
    _open(browser, out)
    browser.wait_for(STABLE)
    for kind, G in expected.items():
        _view(browser, kind)
        found = {tuple(sorted(key.split(":", 1)[1].split("|"))): count for key, count in _ties(browser).items()}
        assert found == {tuple(sorted((u, v))): d["count"] for u, v, d in G.edges(data=True)}
    time.sleep(0.2)
    assert browser.exceptions == [] and browser.console == []


# -- pictures people can read -------------------------------------------------------------------

def _fifty_actors() -> tuple[nx.Graph, dict[str, int], nx.Graph]:
    """A congruence network of 50 actors in three coalitions, and conflict ties between them."""
    import random

    from sized_graphs import FIRST, LAST

    rng = random.Random(3)
    names = ["Kemi Badenoch", "Chris Philp", "Sammy Wilson"]
    names += [f"{FIRST[k % len(FIRST)]} {LAST[(k * 7) % len(LAST)]}" for k in range(3, 50)]
    C, K = nx.Graph(), nx.Graph()
    C.add_nodes_from((n, {"label": n}) for n in names)
    coalition = {n: 1 + k % 3 for k, n in enumerate(names)}
    for a in names:
        for b in names:
            if a < b and coalition[a] == coalition[b] and rng.random() < 0.3:
                C.add_edge(a, b, weight=rng.randint(1, 3))
            elif a < b and rng.random() < 0.05:
                K.add_edge(a, b)
    return C, coalition, K


def test_the_coalition_chart_names_fifty_actors_without_one_name_over_another() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    C, coalition, K = _fifty_actors()
    figure = charts.network_figure(C, coalition, K)
    renderer = FigureCanvasAgg(figure).get_renderer()
    ax = figure.axes[0]
    texts = [t for t in ax.texts if t.get_visible()]
    assert sorted(t.get_text() for t in texts) == sorted(C)  # every actor named, once
    boxes = [t.get_window_extent(renderer) for t in texts]
    clashes = [(texts[m].get_text(), texts[n].get_text()) for m in range(len(boxes))
               for n in range(m + 1, len(boxes)) if boxes[m].overlaps(boxes[n])]
    assert clashes == []
    dots = ax.collections[-1].get_offsets()  # the actors' dots, drawn last
    centres = [ax.transData.transform(xy) for xy in dots]
    assert not [t.get_text() for t, box in zip(texts, boxes) if any(box.contains(*c) for c in centres)]


def test_the_time_axis_is_in_real_time_and_every_tick_is_labelled() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    times = ["2025-01-06T14:00:00+00:00", "2025-01-16T15:00:00+00:00", "2025-04-08T13:00:00+00:00"]
    points = [{"published": t, "actor": "Jess Phillips", "issue": "i", "stance": "supports"} for t in times]
    for figure in (charts.stances_figure(points),
                   charts.polarisation_figure([{"published": t, "issue": "i", "polarisation": 0.5}
                                               for t in times])):
        FigureCanvasAgg(figure).draw()
        ax = figure.axes[0]
        ticks = [t for t in ax.get_xticklabels() if ax.get_xlim()[0] <= t.get_position()[0] <= ax.get_xlim()[1]]
        assert len(ticks) >= 3 and all(t.get_text().strip() for t in ticks)
    xs = sorted(float(x) for x, _y in charts.stances_figure(points).axes[0].collections[0].get_offsets())
    # 6 Jan to 16 Jan is ten days of the ninety-two to 8 Apr, not half the width
    assert (xs[1] - xs[0]) / (xs[2] - xs[0]) == pytest.approx((10 + 1 / 24) / (92 - 1 / 24), rel=1e-6)
