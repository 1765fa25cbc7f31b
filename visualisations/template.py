"""The HTML, CSS and JavaScript of the network page, as `string.Template`s.

Only `page.py` fills these in, and only with values it has escaped: `html.escape` for markup,
`script_json` for data inside a <script>. The JavaScript reads every text from the JSON block
and puts it into the page with `textContent` / `option.text`, never as markup.
"""

from __future__ import annotations

from string import Template

__all__ = ["PAGE", "SCRIPT", "STYLE"]

STYLE = """
html, body { margin: 0; height: 100%; }
body {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1d2327; background: #f6f7f9; display: flex; flex-direction: column;
}
header { padding: 10px 18px; background: #1f2a30; color: #fff; }
header h1 { margin: 0; font-size: 19px; font-weight: 600; }
header p { margin: 2px 0 0; font-size: 13px; color: #c5cdd2; }
main { flex: 1; display: flex; min-height: 0; }
aside {
  width: 270px; flex: none; overflow-y: auto; padding: 14px 16px; background: #fff;
  border-right: 1px solid #dde1e5; font-size: 13px;
}
aside h2 {
  font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: #5b6670;
  margin: 16px 0 6px;
}
aside h2:first-child { margin-top: 0; }
aside label { display: block; margin: 8px 0 3px; font-weight: 600; }
aside select { width: 100%; padding: 4px; font-size: 13px; }
aside button { margin-top: 10px; padding: 4px 12px; font-size: 13px; cursor: pointer; }
#filter-status { margin: 8px 0 18px; color: #5b6670; }
#legend ul { list-style: none; margin: 0; padding: 0; }
#legend li { display: flex; align-items: center; gap: 8px; margin: 4px 0; }
#legend li span:last-child { min-width: 0; overflow-wrap: anywhere; }
.swatch { flex: none; display: inline-block; width: 14px; height: 14px; }
.line { flex: none; display: inline-block; width: 28px; height: 0; border-top: 4px solid; }
.line.context { border-top: 2px dashed; }
.hint { color: #5b6670; line-height: 1.4; }
aside input[type=range] { width: 100%; margin: 2px 0; }
#window-label { margin: 4px 0 0; color: #5b6670; }
aside #details h2 { margin-top: 16px; }
#details-body .head { font-weight: 600; white-space: pre-wrap; margin: 6px 0; }
#details-body .statement { border-left: 3px solid #dde1e5; padding: 2px 0 2px 8px; margin: 8px 0; }
#details-body .statement.supports { border-left-color: #2E7D32; }
#details-body .statement.opposes { border-left-color: #C62828; }
#details-body .meta { margin: 0; color: #5b6670; font-size: 12px; }
#details-body .checked { color: #1b5e20; background: #e6f2e6; border-radius: 3px; padding: 0 4px; font-weight: 600; }
#details-body .text { margin: 2px 0 0; overflow-wrap: anywhere; }
#network { flex: 1; position: relative; background: #fff; }
#empty { position: absolute; top: 40%; width: 100%; text-align: center; color: #5b6670; }
div.vis-tooltip {
  white-space: pre-wrap; max-width: 460px; font-family: inherit; font-size: 13px;
  line-height: 1.35; background: #fffef8; border-color: #b9b4a0; padding: 8px 10px;
}
"""

SCRIPT = """
var nodes, edges, network, data;
var view = "stances", drawn = "stances", byPair = {}, home = null, lo = 0, hi = 0;
var VERBS = {supports: "support", opposes: "oppose"};

function standpointData() {
  return JSON.parse(document.getElementById("standpoint-data").textContent);
}

function fillSelect(select, items) {
  items.forEach(function (item) {
    var option = document.createElement("option");
    option.value = item.id;
    option.text = item.label;
    select.appendChild(option);
  });
}

function touches(edge, id) {
  return !id || edge.from === id || edge.to === id;
}

function pairKey(a, b) {
  return a + "\\u0000" + b;
}

function label(id) {
  var node = nodes.get(id);
  return node ? node.label : id;
}

function windowed() {
  return data.times.length > 1 && (lo > 0 || hi < data.times.length - 1);
}

function inWindow(statement) {
  if (!windowed() || statement.t === null) { return true; }
  return statement.t >= data.times[lo].t && statement.t <= data.times[hi].t;
}

function edgeStatements(edge) {
  return (byPair[pairKey(edge.from, edge.to)] || []).filter(function (k) {
    return inWindow(data.statements[k]);
  });
}

function inTime(edge) {
  var all = byPair[pairKey(edge.from, edge.to)];
  return !edge.stance || !all || all.length === 0 || edgeStatements(edge).length > 0;
}

function visibleEdges(issue, actor) {
  var shown = new Set();
  var keep = new Set([issue, actor].filter(Boolean));
  data.edges.forEach(function (edge) {
    var eligible = edge.stance ? inTime(edge) : Boolean(issue || actor || !windowed());
    if (eligible && touches(edge, issue) && touches(edge, actor)) {
      shown.add(edge.id); keep.add(edge.from); keep.add(edge.to);
    }
  });
  data.edges.forEach(function (edge) {
    if (!edge.stance && keep.has(edge.from) && !shown.has(edge.id)) {
      shown.add(edge.id); keep.add(edge.to);
    }
  });
  return {edges: shown, nodes: keep};
}

function holdings(issue) {
  var held = {};
  data.statements.forEach(function (statement, k) {
    if (!inWindow(statement) || (issue && statement.i !== issue)) { return; }
    var key = pairKey(statement.a, statement.i);
    var item = held[key] || (held[key] = {a: statement.a, i: statement.i, supports: 0, opposes: 0, items: []});
    item[statement.s] += 1;
    item.items.push(k);
  });
  return Object.keys(held).map(function (key) {
    var item = held[key];
    // as graph/positions.py decides a position: all one way is that stance, both ways mixed
    item.stance = item.supports && item.opposes ? "mixed" : item.supports ? "supports" : "opposes";
    return item;
  });
}

function sides(item) {
  return item.items.filter(function (k) { return data.statements[k].s === item.stance; });
}

function pairEdges(kind, issue) {
  var byIssue = {}, pairs = {};
  holdings(issue).forEach(function (item) {
    if (item.stance !== "mixed") { (byIssue[item.i] = byIssue[item.i] || []).push(item); }
  });
  Object.keys(byIssue).sort().forEach(function (i) {
    var list = byIssue[i].sort(function (x, y) { return x.a < y.a ? -1 : x.a > y.a ? 1 : 0; });
    for (var m = 0; m < list.length; m++) {
      for (var n = m + 1; n < list.length; n++) {
        var x = list[m], y = list[n];
        if ((x.stance === y.stance) !== (kind === "congruence")) { continue; }
        var key = pairKey(x.a, y.a);
        var pair = pairs[key] || (pairs[key] = {from: x.a, to: y.a, issues: [], statements: []});
        pair.issues.push({issue: i, from: x.stance, to: y.stance});
        pair.statements = pair.statements.concat(sides(x), sides(y));
      }
    }
  });
  return Object.keys(pairs).sort().map(function (key) { return pairEdge(kind, pairs[key]); });
}

function quoteText(k) {
  var statement = data.statements[k];
  var text = statement.x.length > 420 ? statement.x.slice(0, 419) + "\\u2026" : statement.x;
  text = statement.k === "direct" ? "\\u201c" + text + "\\u201d" : text;
  return statement.when + " \\u00b7 " + statement.entry + "\\n" + label(statement.a) + " " +
    statement.s + " " + label(statement.i) + ": " + text;
}

function pairEdge(kind, pair) {
  var colour = data.pairColours[kind];
  pair.statements.sort(function (x, y) {
    var a = data.statements[x].t || 0, b = data.statements[y].t || 0;
    return a - b || x - y;
  });
  var lines = pair.issues.map(function (p) {
    return kind === "congruence" ? "both " + VERBS[p.from] + " " + label(p.issue) :
      label(pair.from) + " " + p.from + ", " + label(pair.to) + " " + p.to + ": " + label(p.issue);
  });
  var count = pair.issues.length, said = pair.statements.length;
  var summary = label(pair.from) + " \\u2014 " + label(pair.to) + "\\n" + lines.join("\\n") + "\\n" +
    count + " issue" + (count === 1 ? "" : "s") + ", " + said + " statement" + (said === 1 ? "" : "s");
  var blocks = [summary].concat(pair.statements.slice(0, data.maxQuotes).map(quoteText));
  if (said > data.maxQuotes) { blocks.push("\\u2026 and " + (said - data.maxQuotes) + " more"); }
  return {
    id: kind + ":" + pair.from + "|" + pair.to, from: pair.from, to: pair.to, view: kind,
    count: count, issues: pair.issues.map(function (p) { return p.issue; }),
    statements: pair.statements, summary: summary, title: blocks.join("\\n\\n"),
    color: {color: colour, highlight: colour, hover: colour, inherit: false},
    width: Math.round(Math.min(10, 1.5 + 2.5 * Math.log2(1 + count)) * 10) / 10,
    dashes: kind === "conflict" ? [8, 5] : false
  };
}

function render() {
  var issue = document.getElementById("filter-issue").value;
  var actor = document.getElementById("filter-actor").value;
  var status;
  if (view === "stances") {
    if (drawn !== "stances") { edges.clear(); edges.add(data.edges); drawn = "stances"; }
    var all = !issue && !actor && !windowed();
    var visible = visibleEdges(issue, actor);
    nodes.update(nodes.get().map(function (node) {
      return {id: node.id, hidden: !all && !visible.nodes.has(node.id)};
    }));
    edges.update(edges.get().map(function (edge) {
      return {id: edge.id, hidden: !all && !visible.edges.has(edge.id)};
    }));
    status = "Showing " + (all ? nodes.length : visible.nodes.size) + " of " + nodes.length + " nodes";
  } else {
    var pairs = pairEdges(view, issue).filter(function (edge) { return touches(edge, actor); });
    var keep = new Set(actor ? [actor] : []);
    pairs.forEach(function (edge) { keep.add(edge.from); keep.add(edge.to); });
    edges.clear();
    edges.add(pairs);
    drawn = view;
    nodes.update(nodes.get().map(function (node) { return {id: node.id, hidden: !keep.has(node.id)}; }));
    status = "Showing " + keep.size + " of " + nodes.length + " nodes, " + pairs.length +
      (pairs.length === 1 ? " tie" : " ties");
  }
  document.getElementById("filter-status").textContent = status;
  document.getElementById("network").dataset.view = view;
}

function applyFilters() {
  render();
  network.fit({animation: false, maxZoomLevel: 1.5});
}

function arrange() {
  var container = document.getElementById("network");
  var layout = view === "stances" ? home : data.pairLayout;
  Object.keys(layout || {}).forEach(function (id) {
    if (nodes.get(id)) { network.moveNode(id, layout[id][0], layout[id][1]); }
  });
  network.fit({animation: false, maxZoomLevel: 1.5});
  container.dataset.stable = "true";
}

function changeView() {
  view = document.getElementById("view").value;
  clearDetails();
  render();
  arrange();
}

function windowLabel() {
  var text = data.times.length ? data.times[lo].label + " \\u2013 " + data.times[hi].label :
    "No dated statements.";
  document.getElementById("window-label").textContent = text;
}

function moveWindow(event) {
  var from = document.getElementById("window-from"), to = document.getElementById("window-to");
  lo = Number(from.value);
  hi = Number(to.value);
  if (lo > hi) {
    if (event && event.target === from) { hi = lo; to.value = String(hi); }
    else { lo = hi; from.value = String(lo); }
  }
  windowLabel();
  applyFilters();
}

function setupWindow() {
  var from = document.getElementById("window-from"), to = document.getElementById("window-to");
  var last = Math.max(0, data.times.length - 1);
  [from, to].forEach(function (input) {
    input.max = String(last);
    input.disabled = data.times.length < 2;
    input.addEventListener("input", moveWindow);
    input.addEventListener("change", moveWindow);
  });
  lo = 0; hi = last;
  from.value = "0";
  to.value = String(last);
  windowLabel();
}

function resetFilters() {
  document.getElementById("filter-issue").value = "";
  document.getElementById("filter-actor").value = "";
  lo = 0; hi = Math.max(0, data.times.length - 1);
  document.getElementById("window-from").value = String(lo);
  document.getElementById("window-to").value = String(hi);
  windowLabel();
  applyFilters();
}

function clearDetails() {
  document.getElementById("details-body").textContent = "";
  document.getElementById("details").dataset.edge = "";
}

function showDetails(edge) {
  var body = document.getElementById("details-body");
  var list = edge.view ? edge.statements : edge.stance ? edgeStatements(edge) : [];
  var head = document.createElement("p");
  head.className = "head";
  head.textContent = edge.view ? edge.summary : edge.stance ?
    label(edge.from) + " " + edge.stance + " " + label(edge.to) : edge.title;
  clearDetails();
  body.appendChild(head);
  list.forEach(function (k) {
    var statement = data.statements[k];
    var item = document.createElement("div");
    var meta = document.createElement("p");
    var text = document.createElement("p");
    item.className = "statement " + statement.s;
    meta.className = "meta";
    meta.textContent = statement.when + " \\u00b7 " + statement.entry + " \\u00b7 " + label(statement.a) +
      " " + statement.s + " " + label(statement.i) + " (" + statement.k + ")";
    text.className = "text";
    text.textContent = statement.k === "direct" ? "\\u201c" + statement.x + "\\u201d" : statement.x;
    item.appendChild(meta);
    if (statement.c) {
      var badge = document.createElement("span");
      badge.className = "checked";
      badge.textContent = "\\u2713 " + statement.c;
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(badge);
    }
    item.appendChild(text);
    body.appendChild(item);
  });
  document.getElementById("details").dataset.edge = edge.id;
}

function drawNetwork() {
  data = standpointData();
  var container = document.getElementById("network");
  nodes = new vis.DataSet(data.nodes);
  edges = new vis.DataSet(data.edges);
  data.statements.forEach(function (statement, k) {
    var key = pairKey(statement.a, statement.i);
    (byPair[key] = byPair[key] || []).push(k);
  });
  network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  container.dataset.nodes = String(nodes.length);
  container.dataset.edges = String(edges.length);
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});
    network.fit({animation: false, maxZoomLevel: 1.5});
    home = {};
    var positions = network.getPositions();
    Object.keys(positions).forEach(function (id) { home[id] = [positions[id].x, positions[id].y]; });
    container.dataset.stable = "true";
  });
  network.on("click", function (params) {
    if (params.nodes.length === 0 && params.edges.length === 1) { showDetails(edges.get(params.edges[0])); }
  });
  if (nodes.length === 0) {
    var empty = document.createElement("p");
    empty.id = "empty";
    empty.textContent = "No actors or issues to show.";
    container.appendChild(empty);
    container.dataset.stable = "true";
  }
  fillSelect(document.getElementById("filter-issue"), data.issues);
  fillSelect(document.getElementById("filter-actor"), data.actors);
  document.getElementById("filter-issue").addEventListener("change", applyFilters);
  document.getElementById("filter-actor").addEventListener("change", applyFilters);
  document.getElementById("filter-reset").addEventListener("click", resetFilters);
  document.getElementById("view").addEventListener("change", changeView);
  setupWindow();
  applyFilters();
}

drawNetwork();
"""

PAGE = Template(
    """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="$csp">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="standpoint">
<title>$title</title>
<style>$vis_css</style>
<style>$style</style>
<script>$vis_js</script>
</head>
<body>
<header>
<h1>$title</h1>
<p>$summary</p>
</header>
<main>
<aside>
<h2>View</h2>
<select id="view" aria-label="View">
<option value="stances">Who stands where: actor to issue</option>
<option value="congruence">Agreement: same stance on an issue</option>
<option value="conflict">Conflict: opposite stances on an issue</option>
</select>
<h2>Filter</h2>
<label for="filter-issue">Issue</label>
<select id="filter-issue"><option value="">All issues</option></select>
<label for="filter-actor">Actor</label>
<select id="filter-actor"><option value="">All actors</option></select>
<button type="button" id="filter-reset">Show all</button>
<p id="filter-status"></p>
<h2>Time window</h2>
<label for="window-from">From</label>
<input type="range" id="window-from" min="0" max="0" step="1" value="0">
<label for="window-to">To</label>
<input type="range" id="window-to" min="0" max="0" step="1" value="0">
<p id="window-label"></p>
<section id="details">
<h2>Statements</h2>
<p class="hint">Click an edge to list the statements behind it.</p>
<div id="details-body"></div>
</section>
<section id="legend">
$legend
</section>
<h2>How to read</h2>
<p class="hint">An arrow runs from an actor to an issue; its width grows with the number of
statements behind the position. Hover over an arrow for the quotes and claims, with their times
and sources; hover over a node for who it is. Drag to move, scroll to zoom.</p>
<p class="hint">The agreement and conflict views tie two actors for each issue on which they take
the same (or opposite) stance in the time window: supports or opposes when all their statements
there agree; mixed counts for neither. A wider tie means more issues. Both views place actors by their
agreement over the whole time, so coalitions sit together and conflict ties run between them.</p>
</aside>
<div id="network"></div>
</main>
<script type="application/json" id="standpoint-data">$data</script>
<script>$script</script>
</body>
</html>
"""
)
