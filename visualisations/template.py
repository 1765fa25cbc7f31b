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
#network { flex: 1; position: relative; background: #fff; }
#empty { position: absolute; top: 40%; width: 100%; text-align: center; color: #5b6670; }
div.vis-tooltip {
  white-space: pre-wrap; max-width: 460px; font-family: inherit; font-size: 13px;
  line-height: 1.35; background: #fffef8; border-color: #b9b4a0; padding: 8px 10px;
}
"""

SCRIPT = """
var nodes, edges, network;

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

function visibleEdges(issue, actor) {
  var all = edges.get();
  var shown = new Set();
  var keep = new Set([issue, actor].filter(Boolean));
  all.forEach(function (edge) {
    if (touches(edge, issue) && touches(edge, actor)) {
      shown.add(edge.id); keep.add(edge.from); keep.add(edge.to);
    }
  });
  all.forEach(function (edge) {
    if (!edge.stance && keep.has(edge.from) && !shown.has(edge.id)) {
      shown.add(edge.id); keep.add(edge.to);
    }
  });
  return {edges: shown, nodes: keep};
}

function applyFilters() {
  var issue = document.getElementById("filter-issue").value;
  var actor = document.getElementById("filter-actor").value;
  var all = !issue && !actor;
  var visible = visibleEdges(issue, actor);
  nodes.update(nodes.get().map(function (node) {
    return {id: node.id, hidden: !all && !visible.nodes.has(node.id)};
  }));
  edges.update(edges.get().map(function (edge) {
    return {id: edge.id, hidden: !all && !visible.edges.has(edge.id)};
  }));
  var count = all ? nodes.length : visible.nodes.size;
  document.getElementById("filter-status").textContent =
    "Showing " + count + " of " + nodes.length + " nodes";
  network.fit({animation: false, maxZoomLevel: 1.5});
}

function resetFilters() {
  document.getElementById("filter-issue").value = "";
  document.getElementById("filter-actor").value = "";
  applyFilters();
}

function drawNetwork() {
  var data = standpointData();
  var container = document.getElementById("network");
  nodes = new vis.DataSet(data.nodes);
  edges = new vis.DataSet(data.edges);
  network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  container.dataset.nodes = String(nodes.length);
  container.dataset.edges = String(edges.length);
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});
    network.fit({animation: false, maxZoomLevel: 1.5});
    container.dataset.stable = "true";
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
<h2>Filter</h2>
<label for="filter-issue">Issue</label>
<select id="filter-issue"><option value="">All issues</option></select>
<label for="filter-actor">Actor</label>
<select id="filter-actor"><option value="">All actors</option></select>
<button type="button" id="filter-reset">Show all</button>
<p id="filter-status"></p>
<section id="legend">
$legend
</section>
<h2>How to read</h2>
<p class="hint">An arrow runs from an actor to an issue; its width grows with the number of
statements behind the position. Hover over an arrow for the quotes and claims, with their times
and sources; hover over a node for who it is. Drag to move, scroll to zoom.</p>
</aside>
<div id="network"></div>
</main>
<script type="application/json" id="standpoint-data">$data</script>
<script>$script</script>
</body>
</html>
"""
)
