"""The interactive network page, checked in a real headless Chromium (see tests/browser.py).

Browser tests carry the `browser` marker. They are skipped only when /usr/bin/chromium is
missing on a developer's machine; under CI (env CI set) a missing browser fails them.

`make screenshots` takes the README's pictures (tests/screenshots.py).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from browser import CHROMIUM, Browser, layout_problems
from sized_graphs import sized_graph

from standpoint.visualisations.colours import NEUTRAL, NO_PARTY, party_colour
from standpoint.visualisations.page import network, page_data, page_html, script_json, write_page

needs_browser = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason=f"{CHROMIUM} is not installed (apt-get install chromium); required under CI",
)

STABLE = "document.getElementById('network').dataset.stable === 'true'"

IMG = """<img src=x onerror="document.title='pwned';window.__pwned=1">"""
BREAKOUT = "</script><script>document.title='pwned';window.__pwned=1</script>"
JS_URL = "javascript:window.__pwned=1"
HOSTILE_TITLE = '</title><script>window.__pwned=1</script> & "quotes" \\ é\u2028'


def _evidence(
    text: str, time_: str, entry: int, title: str, kind: str = "direct", confidence: float = 0.9
) -> dict[str, Any]:
    """One evidence statement as the graph layer attaches it to a stance edge."""
    return {
        "text": text,
        "published": f"2025-01-16T{time_}:00+00:00",
        "entry_id": f"bbc-2025-01-16-{entry}",
        "entry_title": title,
        "kind": kind,
        "confidence": confidence,
    }


COMMONS = "What did Yvette Cooper say in the Commons?"


def example_graph() -> nx.MultiDiGraph:
    """A small graph from the seed's live blog: five actors, two parties, two issues."""
    G = nx.MultiDiGraph()
    people = [
        ("yvette-cooper", "Yvette Cooper", "Labour Party", "Home Secretary"),
        ("chris-philp", "Chris Philp", "Conservative Party", "Shadow Home Secretary"),
        ("sarah-champion", "Sarah Champion", "Labour Party", "MP for Rotherham"),
    ]
    for key, name, party, role in people:
        G.add_node(
            f"actor:{key}", label=name, type="person", party=party, roles=[role], discovered=False
        )
    G.add_node("actor:alexis-jay", label="Alexis Jay", type="person", roles=["Chair of IICSA"])
    for key, name in [
        ("reform-uk", "Reform UK"),
        ("conservative-party", "Conservative Party"),
        ("labour-party", "Labour Party"),
    ]:
        G.add_node(f"actor:{key}", label=name, type="organisation")
    G.add_node("issue:national-inquiry", label="National inquiry into grooming gangs", type="issue")
    G.add_node("issue:local-inquiries", label="Local inquiries", type="issue")
    G.add_node("place:oldham", label="Oldham", type="place")
    G.add_node("place:rotherham", label="Rotherham", type="place")
    _add_positions(G)
    for person, party in [
        ("yvette-cooper", "labour-party"),
        ("sarah-champion", "labour-party"),
        ("chris-philp", "conservative-party"),
    ]:
        G.add_edge(f"actor:{person}", f"actor:{party}", relation="member_of")
    G.add_edge("actor:sarah-champion", "place:rotherham", relation="constituency")
    G.add_edge("issue:local-inquiries", "place:oldham", relation="mentions")
    return G


def _add_positions(G: nx.MultiDiGraph) -> None:
    """The stance edges of the example graph, with quotes from the seed."""

    def stance(actor: str, issue: str, relation: str, weight: int, *evidence: Any) -> None:
        G.add_edge(
            f"actor:{actor}",
            f"issue:{issue}",
            relation=relation,
            weight=weight,
            evidence=list(evidence),
        )

    stance(
        "yvette-cooper",
        "national-inquiry",
        "opposes",
        3,
        _evidence(
            "effective local inquiries can delve into far more local detail and "
            "deliver more locally relevant answers, and change, than a lengthy "
            "nationwide inquiry can provide",
            "15:44",
            4,
            COMMONS,
            "reported",
            0.8,
        ),
        _evidence(
            "we are not redoing the Telford inquiry",
            "15:40",
            5,
            "We are not redoing Telford inquiry - Cooper",
        ),
    )
    stance(
        "yvette-cooper",
        "local-inquiries",
        "supports",
        4,
        _evidence("effective local inquiries", "15:44", 4, COMMONS),
    )
    stance(
        "chris-philp",
        "national-inquiry",
        "supports",
        3,
        _evidence("full national inquiry", "15:44", 4, COMMONS),
    )
    stance(
        "chris-philp",
        "local-inquiries",
        "opposes",
        2,
        _evidence("totally inadequate", "15:44", 4, COMMONS, "reported", 0.7),
    )
    stance(
        "sarah-champion",
        "national-inquiry",
        "mixed",
        2,
        _evidence(
            "Sarah Champion was one of three Labour MPs to call for new national inquiries",
            "15:34",
            6,
            "Rotherham MP presses home secretary",
            "reported",
            0.6,
        ),
    )
    stance(
        "alexis-jay",
        "national-inquiry",
        "opposes",
        1,
        _evidence(
            "a new national inquiry would be a mistake",
            "15:59",
            3,
            "Cooper's announcement walks a careful line",
            "reported",
            0.7,
        ),
    )
    stance(
        "reform-uk",
        "national-inquiry",
        "supports",
        1,
        _evidence(
            "calls from the Conservatives, Reform, and a handful of Labour MPs, for a "
            "new national inquiry",
            "15:44",
            4,
            COMMONS,
            "reported",
            0.6,
        ),
    )
    stance(
        "conservative-party",
        "national-inquiry",
        "supports",
        2,
        _evidence("proper, full, national public inquiry", "16:30", 0, "Summary", "reported", 0.7),
    )


def hostile_graph() -> nx.MultiDiGraph:
    """A graph whose every text tries to become markup or script."""
    G = nx.MultiDiGraph()
    G.add_node(
        "actor:img",
        label=IMG,
        type="person",
        party=f"<b onmouseover=x>{IMG}</b>",
        roles=[BREAKOUT, '"><svg onload="window.__pwned=1">'],
    )
    G.add_node("actor:js", label=JS_URL, type="organisation", roles=JS_URL)
    G.add_node("issue:breakout", label=BREAKOUT + " \\ \u2028 <!-- ]]>", type="issue")
    G.add_node("place:x", label="<iframe src=javascript:window.__pwned=1>", type="place")
    G.add_edge(
        "actor:img",
        "issue:breakout",
        relation="supports",
        weight=2,
        evidence=[
            _evidence(BREAKOUT, "12:00", 1, JS_URL),
            _evidence(IMG, "12:05", 2, "<a href='javascript:x'>t</a>", "reported"),
        ],
    )
    G.add_edge(
        "actor:js",
        "issue:breakout",
        relation="opposes",
        weight=1,
        evidence=[_evidence("' \" ` \\u003c \\ </SCRIPT >", "12:10", 3, BREAKOUT)],
    )
    G.add_edge("actor:img", "actor:js", relation="member_of")
    G.add_edge("issue:breakout", "place:x", relation="mentions")
    return G


# ---- static checks of the HTML ----


def test_script_json_cannot_close_a_script() -> None:
    text = script_json({"q": "</script><!-- & \u2028\u2029 é"})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert text.isascii()
    assert json.loads(text) == {"q": "</script><!-- & \u2028\u2029 é"}


def test_write_page_writes_one_self_contained_file(tmp_path: Path) -> None:
    out = write_page(example_graph(), tmp_path / "sub" / "page.html")
    assert out == tmp_path / "sub" / "page.html"
    html = out.read_text(encoding="utf-8")
    assert "vis-network" in html and "new vis.Network" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.IGNORECASE)
    assert not re.search(r"<link\b|@import|url\(\s*['\"]?\s*(https?:)?//", html, re.IGNORECASE)
    assert "default-src 'none'" in html


def test_hostile_text_stays_text_in_the_html() -> None:
    html = page_html(hostile_graph(), title=HOSTILE_TITLE)
    # three scripts: vis-network, the JSON data block, the page's own; no quote closes one
    assert html.lower().count("</script") == 3
    assert "<img" not in html and "<iframe" not in html and "<b " not in html
    assert "<title>&lt;/title&gt;&lt;script&gt;" in html
    assert "&lt;b onmouseover=x&gt;&lt;img" in html  # the party name, in the legend


def test_odd_values_from_sources_do_not_crash(tmp_path: Path) -> None:
    G = nx.MultiDiGraph()
    G.add_node("actor:n", label=42, type="robot", party="Lone \ud800 surrogate", roles=None)
    G.add_node("issue:i", type="issue")
    G.add_edge(
        "actor:n",
        "issue:i",
        relation="mixed",
        weight=float("inf"),
        evidence=[
            {"text": None, "published": "not a time", "confidence": float("nan")},
            "not a dict",
        ],
    )
    G.add_edge("actor:n", "issue:i", relation=None)
    html = write_page(G, tmp_path / "odd.html", title="\udc00").read_text(encoding="utf-8")
    data = json.loads(_data_block(html))
    assert [n["label"] for n in data["nodes"]] == ["42", "issue:i"]
    assert data["edges"][0]["title"].startswith("42 mixed issue:i\n1 statement\n\nnot a time")
    assert data["edges"][1]["smooth"]["type"] == "curvedCW"  # a parallel edge is bent apart


def test_party_colours_by_name_words() -> None:
    assert party_colour("Labour Party") == party_colour("Scottish Labour") == "#E4003B"
    assert party_colour("Liberal Democrats") == party_colour("Lib Dems") == "#FAA61A"
    assert party_colour("Greens") == party_colour("Green Party") == party_colour("Scottish Green Party")
    colours = {party_colour(p) for p in ("Labour", "Conservative Party", "Liberal Democrats", "Reform UK",
                                         "Green Party", "Scottish National Party", "Plaid Cymru")}
    assert len(colours) == 7 and NEUTRAL not in colours and NO_PARTY not in colours
    assert party_colour("Reform UK") != NEUTRAL
    assert party_colour("Social Democratic and Labour Party") != party_colour("Labour")
    assert party_colour(None) == NEUTRAL
    assert party_colour("An Unknown Party") == NEUTRAL


def test_page_lists_stance_evidence_in_edge_titles() -> None:
    data = json.loads(_data_block(page_html(example_graph())))
    titles = [e["title"] for e in data["edges"] if e.get("stance") == "opposes"]
    cooper = next(t for t in titles if t.startswith("Yvette Cooper opposes"))
    assert "2 statements" not in cooper and "3 statements" in cooper
    assert "2025-01-16 15:40 UTC · We are not redoing Telford inquiry - Cooper" in cooper
    assert "“we are not redoing the Telford inquiry” (direct, confidence 0.90)" in cooper
    assert cooper.index("15:40") < cooper.index("15:44")


def _data_block(html: str) -> str:
    """The JSON text of the page's data <script>."""
    match = re.search(
        r'<script type="application/json" id="standpoint-data">(.*?)</script>', html, re.DOTALL
    )
    assert match
    return match.group(1)


def test_the_network_is_assembled_with_pyvis() -> None:
    G = example_graph()
    net = network(G)
    assert net.num_nodes() == G.number_of_nodes() and net.num_edges() == G.number_of_edges()
    assert set(net.options["groups"]) == {"person", "organisation", "issue", "place"}
    assert page_data(G)["nodes"] == net.nodes


def test_people_are_coloured_by_party_and_no_party_has_no_fill() -> None:
    G = example_graph()
    G.add_node("actor:lib-dem", label="Lisa Smart", type="person", party="Liberal Democrats")
    nodes = {n["id"]: n for n in page_data(G)["nodes"]}
    assert nodes["actor:lib-dem"]["color"]["background"] == "#FAA61A"
    assert nodes["actor:yvette-cooper"]["color"]["background"] == "#E4003B"
    jay = nodes["actor:alexis-jay"]  # no party: no fill, a dashed outline
    assert jay["color"]["background"] == NO_PARTY and jay["shapeProperties"] == {"borderDashes": [3, 2]}
    assert "borderDashes" not in nodes["actor:lib-dem"].get("shapeProperties", {})
    assert "no party (dashed outline, no fill)" in page_html(G)


def test_the_pages_script_and_style_are_package_files_and_the_script_parses() -> None:
    static = resources.files("standpoint.visualisations") / "static"
    script, style = (static / "page.js").read_text(), (static / "page.css").read_text()
    html = page_html(example_graph())
    assert f"<script>{script}</script>" in html and f"<style>{style}</style>" in html
    node = shutil.which("node")
    if node is None and not os.environ.get("CI"):
        pytest.skip("node is not installed")
    checked = subprocess.run([node or "node", "--check", str(static / "page.js")],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    broken = subprocess.run([node or "node", "--check", "-"], input=script + "\nfunction (",
                            capture_output=True, text=True, check=False)
    assert broken.returncode != 0  # the check does catch a syntax error


# ---- in the browser ----


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the module's browser tests."""
    with Browser() as chromium:
        yield chromium


def _load(browser: Browser, page: Path) -> None:
    """Open a page fresh, forget earlier events, wait for the layout to settle."""
    browser.requests.clear()
    browser.exceptions.clear()
    browser.dialogs.clear()
    browser.console.clear()
    browser.open(page.resolve().as_uri())
    browser.wait_for(STABLE)


def _visible(browser: Browser) -> list[str]:
    """Ids of the nodes the filters leave visible."""
    return browser.evaluate(
        "nodes.get({filter: function (n) { return !n.hidden; }}).map(function (n) "
        "{ return n.id; }).sort()"
    )


def _choose(browser: Browser, select: str, value: str) -> list[str]:
    """Pick a value in a filter <select> as a reader would; return the visible node ids."""
    browser.evaluate(
        f"(function () {{ var s = document.getElementById({json.dumps(select)});"
        f"s.value = {json.dumps(value)}; s.dispatchEvent(new Event('change'));"
        "return s.value; })()"
    )
    return _visible(browser)


@pytest.mark.browser
@needs_browser
def test_small_graph_renders_every_node_and_edge(browser: Browser, tmp_path: Path) -> None:
    G = example_graph()
    _load(browser, write_page(G, tmp_path / "page.html"))
    assert browser.evaluate("!!document.querySelector('#network canvas')")
    counts = browser.evaluate(
        "[nodes.length, edges.length, network.body.nodeIndices.length,"
        " network.body.edgeIndices.length]"
    )
    assert counts == [G.number_of_nodes(), G.number_of_edges()] * 2
    assert browser.evaluate("document.getElementById('network').dataset.nodes") == "11"
    assert browser.exceptions == [] and browser.console == []


@pytest.mark.browser
@needs_browser
def test_page_makes_no_network_request(browser: Browser, tmp_path: Path) -> None:
    page = write_page(example_graph(), tmp_path / "page.html")
    _load(browser, page)
    browser.hover(700, 400)
    time.sleep(0.3)
    assert browser.requests == [page.resolve().as_uri()]
    external = browser.evaluate(
        "Array.from(document.querySelectorAll('[src], [href], link')).map("
        "function (e) { return e.outerHTML; })"
    )
    assert external == []


@pytest.mark.browser
@needs_browser
def test_hostile_text_is_shown_as_text_and_never_runs(browser: Browser, tmp_path: Path) -> None:
    _load(browser, write_page(hostile_graph(), tmp_path / "page.html", title=HOSTILE_TITLE))
    assert browser.evaluate("document.title") == HOSTILE_TITLE
    assert browser.evaluate("document.scripts.length") == 3
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.querySelectorAll('img, iframe, a, b, object').length") == 0
    assert (
        browser.evaluate(
            "Array.from(document.querySelectorAll('*')).filter(function (e) { return Array.from("
            "e.attributes).some(function (a) { return /^on/i.test(a.name) || "
            "/javascript:/i.test(a.value); }); }).length"
        )
        == 0
    )
    assert browser.evaluate("nodes.get('actor:img').label") == IMG
    assert BREAKOUT in browser.evaluate("edges.get().map(function (e) { return e.title; })")[0]
    assert browser.evaluate("document.querySelector('h1').textContent") == HOSTILE_TITLE
    assert browser.dialogs == [] and browser.exceptions == [] and browser.console == []


@pytest.mark.browser
@needs_browser
def test_hostile_tooltip_shows_plain_text(browser: Browser, tmp_path: Path) -> None:
    _load(browser, write_page(hostile_graph(), tmp_path / "page.html"))
    tooltip = _hover_edge(browser, "actor:img", "issue:breakout")
    assert BREAKOUT in tooltip["text"] and IMG in tooltip["text"]
    assert tooltip["elements"] == []  # vis-network's innerText turns newlines into <br>
    assert browser.evaluate("typeof window.__pwned") == "undefined"


def _hover_edge(browser: Browser, source: str, target: str) -> dict[str, Any]:
    """Hover the middle of an edge; return the tooltip's text and its elements other than <br>."""
    x, y = browser.evaluate(
        "(function () { var e = edges.get().find(function (e) { return e.from === "
        f"{json.dumps(source)} && e.to === {json.dumps(target)}; }});"
        "var r = document.querySelector('#network canvas').getBoundingClientRect();"
        # the middlemost point of the edge that no node covers, where a reader would point
        "var ts = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8];"
        "for (var k = 0; k < ts.length; k++) {"
        " var p = network.canvasToDOM(network.body.edges[e.id].edgeType.getPoint(ts[k]));"
        " if (network.getNodeAt(p) === undefined) { return [p.x + r.left, p.y + r.top]; } }"
        "return null; })()"
    )
    browser.hover(x, y)
    browser.wait_for(
        "document.querySelector('div.vis-tooltip') &&"
        " document.querySelector('div.vis-tooltip').style.visibility === 'visible'"
    )
    return browser.evaluate(
        "(function () { var t = document.querySelector('div.vis-tooltip');"
        "return {text: t.innerText, elements: Array.from("
        "t.querySelectorAll(':not(br)')).map(function (e) "
        "{ return e.tagName; })}; })()"
    )


@pytest.mark.browser
@needs_browser
def test_stance_edge_tooltip_quotes_with_time_and_entry(browser: Browser, tmp_path: Path) -> None:
    _load(browser, write_page(example_graph(), tmp_path / "page.html"))
    tooltip = _hover_edge(browser, "actor:chris-philp", "issue:local-inquiries")
    assert tooltip["text"].startswith("Chris Philp opposes Local inquiries\n2 statements")
    assert (
        f"2025-01-16 15:44 UTC · {COMMONS}\ntotally inadequate (reported, confidence 0.70)"
        in tooltip["text"]
    )


@pytest.mark.browser
@needs_browser
def test_filters_list_labels_and_hide_what_is_not_connected(
    browser: Browser, tmp_path: Path
) -> None:
    _load(browser, write_page(example_graph(), tmp_path / "page.html"))
    options = browser.evaluate(
        "['filter-issue', 'filter-actor'].map(function (id) { return Array.from("
        "document.getElementById(id).options).map(function (o) { return o.text; }); })"
    )
    assert options == [
        ["All issues", "Local inquiries", "National inquiry into grooming gangs"],
        [
            "All actors",
            "Alexis Jay",
            "Chris Philp",
            "Conservative Party",
            "Labour Party",
            "Reform UK",
            "Sarah Champion",
            "Yvette Cooper",
        ],
    ]
    assert _choose(browser, "filter-issue", "issue:local-inquiries") == [
        "actor:chris-philp",
        "actor:conservative-party",
        "actor:labour-party",
        "actor:yvette-cooper",
        "issue:local-inquiries",
        "place:oldham",
    ]
    assert _choose(browser, "filter-actor", "actor:yvette-cooper") == [
        "actor:labour-party",
        "actor:yvette-cooper",
        "issue:local-inquiries",
        "place:oldham",
    ]
    assert _choose(browser, "filter-issue", "") == [
        "actor:labour-party",
        "actor:yvette-cooper",
        "issue:local-inquiries",
        "issue:national-inquiry",
        "place:oldham",
    ]
    assert _choose(browser, "filter-actor", "actor:alexis-jay") == [
        "actor:alexis-jay",
        "issue:national-inquiry",
    ]
    assert browser.evaluate("edges.get({filter: function (e) { return !e.hidden; }}).length") == 1
    assert (
        browser.evaluate("document.getElementById('filter-status').textContent")
        == "Showing 2 of 11 nodes"
    )
    browser.evaluate("document.getElementById('filter-reset').click()")
    assert len(_visible(browser)) == 11


@pytest.mark.browser
@needs_browser
def test_legend_shows_stances_node_types_and_parties(browser: Browser, tmp_path: Path) -> None:
    _load(browser, write_page(example_graph(), tmp_path / "page.html"))
    legend = browser.evaluate("document.getElementById('legend').innerText")
    for text in (
        "supports",
        "opposes",
        "mixed",
        "Person",
        "Organisation",
        "Issue",
        "Place",
        "Conservative Party",
        "Labour Party",
        "Reform UK",
    ):
        assert text in legend
    colours = browser.evaluate(
        "Array.from(document.querySelectorAll('#legend .line')).map(function (e) {"
        " return getComputedStyle(e).borderTopColor; })"
    )
    assert colours[:3] == ["rgb(46, 125, 50)", "rgb(198, 40, 40)", "rgb(242, 159, 5)"]


@pytest.mark.browser
@needs_browser
def test_same_graph_renders_the_same_layout(tmp_path: Path) -> None:
    page = write_page(example_graph(), tmp_path / "page.html")
    layouts = []
    for _ in range(2):
        with Browser() as chromium:
            _load(chromium, page)
            layouts.append(chromium.evaluate("JSON.stringify(network.getPositions())"))
    assert layouts[0] == layouts[1]


@pytest.mark.browser
@needs_browser
def test_empty_graph_renders_a_message(browser: Browser, tmp_path: Path) -> None:
    _load(browser, write_page(nx.MultiDiGraph(), tmp_path / "page.html"))
    assert (
        browser.evaluate("document.getElementById('empty').textContent")
        == "No actors or issues to show."
    )
    assert browser.exceptions == []


def _pick_view(browser: Browser, view: str) -> None:
    """Choose a view in the View <select> as a reader would."""
    browser.evaluate(f"(function () {{ var s = document.getElementById('view'); s.value = {json.dumps(view)};"
                     " s.dispatchEvent(new Event('change')); })()")


def _headings(browser: Browser, part: str) -> list[str]:
    """The texts of the matrix's column (`thead`) or row (`tbody`) headings."""
    return browser.evaluate(f"Array.from(document.querySelectorAll('#matrix {part} th')).map("
                            "function (t) { return t.textContent; })")


@pytest.mark.browser
@needs_browser
@pytest.mark.parametrize("size", [10, 80, 300])
def test_no_label_overlaps_and_no_edge_through_a_node(browser: Browser, tmp_path: Path, size: int) -> None:
    G = sized_graph(size)
    page = write_page(G, tmp_path / f"{size}.html")
    browser.open(page.resolve().as_uri())
    browser.ws.sock.settimeout(240)  # 300 nodes take about 40 s to lay out
    browser.wait_for(STABLE, timeout=240)
    assert browser.evaluate("network.body.nodeIndices.length") == size
    assert layout_problems(browser) == {"overlaps": [], "label_overlaps": [], "edges_through_nodes": []}
    labels = browser.evaluate("network.body.nodeIndices.filter(function (id) {"
                              " return network.body.nodes[id].labelModule.size.width > 0; }).length")
    assert labels == size  # every node's label was drawn and measured


@pytest.mark.browser
@needs_browser
def test_a_filtered_view_and_the_conflict_view_stay_clear(browser: Browser, tmp_path: Path) -> None:
    _load(browser, write_page(sized_graph(80), tmp_path / "page.html"))
    _pick_view(browser, "conflict")
    assert browser.evaluate("edges.get().every(function (e) { return e.view === 'conflict'; })")
    problems = layout_problems(browser)
    assert problems["overlaps"] == [] and problems["label_overlaps"] == []
    assert problems["edges_through_nodes"] == []


@pytest.mark.browser
@needs_browser
def test_party_colours_are_what_the_page_draws(browser: Browser, tmp_path: Path) -> None:
    _load(browser, write_page(example_graph(), tmp_path / "page.html"))
    drawn = browser.evaluate(
        "['actor:yvette-cooper', 'actor:chris-philp', 'actor:reform-uk', 'actor:alexis-jay'].map("
        "function (id) { var o = network.body.nodes[id].options;"
        " return [o.color.background, o.shapeProperties.borderDashes]; })")
    assert drawn == [["#E4003B", False], ["#0087DC", False], ["#12B6CF", False], [NO_PARTY, [3, 2]]]


@pytest.mark.browser
@needs_browser
def test_conflict_matrix_lists_who_clashes_with_whom(browser: Browser, tmp_path: Path) -> None:
    _load(browser, write_page(example_graph(), tmp_path / "page.html"))
    _pick_view(browser, "matrix")
    assert browser.evaluate("document.getElementById('matrix').hidden") is False
    heads = _headings(browser, "thead")
    # the most clashes first (Cooper: 4 issue-clashes; Jay and Philp: 3 each, then by name)
    assert heads[:4] == ["", "Yvette Cooper", "Alexis Jay", "Chris Philp"]
    cell = "td[data-edge='conflict:actor:chris-philp|actor:yvette-cooper']"
    assert browser.evaluate(f"Array.from(document.querySelectorAll(\"{cell}\")).map("
                            "function (c) { return c.textContent; })") == ["2", "2"]
    assert browser.evaluate("document.querySelectorAll('#matrix td.clash').length") == 12  # 6 ties, twice
    browser.evaluate(f"document.querySelector(\"{cell}\").click()")
    assert browser.evaluate("document.querySelectorAll('#details-body .statement').length") == 5
    assert browser.evaluate("document.getElementById('filter-status').textContent") == "Showing 6 conflict ties"


@pytest.mark.browser
@needs_browser
def test_hostile_names_in_the_matrix_stay_text(browser: Browser, tmp_path: Path) -> None:
    _load(browser, write_page(hostile_graph(), tmp_path / "page.html"))
    _pick_view(browser, "matrix")
    heads = _headings(browser, "tbody")
    assert sorted(heads) == sorted([IMG, JS_URL])
    assert browser.evaluate("document.querySelectorAll('#matrix *:not(table):not(thead):not(tbody)"
                            ":not(tr):not(th):not(td):not(p)').length") == 0
    assert browser.evaluate("typeof window.__pwned") == "undefined" and browser.dialogs == []


@pytest.mark.browser
@needs_browser
def test_on_a_phone_the_network_fills_the_screen_and_the_panel_folds_away(tmp_path: Path) -> None:
    page = write_page(example_graph(), tmp_path / "page.html")
    with Browser(size=(390, 844)) as phone:
        _load(phone, page)
        size = phone.evaluate("(function () { var r = document.getElementById('network')"
                              ".getBoundingClientRect(); return [r.width, r.height]; })()")
        assert size[0] == 390 and size[1] > 700
        assert phone.evaluate("document.getElementById('panel').offsetHeight") == 0
        phone.evaluate("document.getElementById('panel-toggle').click()")
        assert phone.evaluate("document.getElementById('panel').offsetHeight") > 300
        assert phone.evaluate("document.getElementById('panel-toggle').getAttribute('aria-expanded')") == "true"
        phone.evaluate("document.getElementById('panel-toggle').click()")
        assert phone.evaluate("document.getElementById('panel').offsetHeight") == 0
        phone.evaluate("showDetails(edges.get().find(function (e) { return e.stance; }))")  # a tapped edge
        assert phone.evaluate("document.getElementById('panel').offsetHeight") > 300  # shows its statements
    with Browser() as desktop:
        _load(desktop, page)
        assert desktop.evaluate("document.getElementById('panel').offsetWidth") == 270 + 2 * 16 + 1
        assert desktop.evaluate("document.getElementById('panel-toggle').offsetHeight") == 0
