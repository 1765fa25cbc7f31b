var nodes, edges, network, data;
var view = "stances", drawn = "stances", byPair = {}, home = null, lo = 0, hi = 0;
var VERBS = {supports: "support", opposes: "oppose"};
// Room kept between two nodes' boxes (shape and label), and between a box and an edge; between
// two nodes an edge joins, room enough to see (and point at) the edge.
var GAP = 8, LINK_GAP = 30;
var MATRIX_ACTORS = 60;
var SPREAD_EVERY = 50, SPREAD = 1.1;

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
  return a + "\u0000" + b;
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
    // as graph/rdf/positions.py decides a position: all one way is that stance, both ways mixed
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
  var text = statement.x.length > 420 ? statement.x.slice(0, 419) + "\u2026" : statement.x;
  text = statement.k === "direct" ? "\u201c" + text + "\u201d" : text;
  return statement.when + " \u00b7 " + statement.entry + "\n" + label(statement.a) + " " +
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
  var summary = label(pair.from) + " \u2014 " + label(pair.to) + "\n" + lines.join("\n") + "\n" +
    count + " issue" + (count === 1 ? "" : "s") + ", " + said + " statement" + (said === 1 ? "" : "s");
  var blocks = [summary].concat(pair.statements.slice(0, data.maxQuotes).map(quoteText));
  if (said > data.maxQuotes) { blocks.push("\u2026 and " + (said - data.maxQuotes) + " more"); }
  return {
    id: kind + ":" + pair.from + "|" + pair.to, from: pair.from, to: pair.to, view: kind,
    count: count, issues: pair.issues.map(function (p) { return p.issue; }),
    statements: pair.statements, summary: summary, title: blocks.join("\n\n"),
    color: {color: colour, highlight: colour, hover: colour, inherit: false},
    width: Math.round(Math.min(10, 1.5 + 2.5 * Math.log2(1 + count)) * 10) / 10,
    dashes: kind === "conflict" ? [8, 5] : false
  };
}

function boxesOf(ids) {
  // Each node's box (its shape and label, as vis-network drew them) relative to its position.
  // vis-network measures a label when it draws it, so all nodes are brought into view first.
  network.fit({animation: false});
  network.redraw();
  network.redraw();  // a node's box takes its label from the draw before
  var boxes = {};
  ids.forEach(function (id) {
    // vis-network's box can stop short of the label below a dot, so the label's box is added
    var box = network.getBoundingBox(id), node = network.body.nodes[id], text = node.labelModule.size;
    boxes[id] = {
      l: Math.min(box.left, text.left) - node.x, r: Math.max(box.right, text.left + text.width) - node.x,
      t: Math.min(box.top, text.top) - node.y, b: Math.max(box.bottom, text.top + text.height) - node.y
    };
  });
  return boxes;
}

function absolute(box, at) {
  return {l: at.x + box.l, r: at.x + box.r, t: at.y + box.t, b: at.y + box.b};
}

function separate(ids, boxes, pos, touched, linked) {
  // Push apart every two boxes closer than GAP (LINK_GAP when an edge joins them, so that edge
  // shows), along the axis where they overlap least.
  var moved = false;
  for (var m = 0; m < ids.length; m++) {
    var a = absolute(boxes[ids[m]], pos[ids[m]]);
    for (var n = m + 1; n < ids.length; n++) {
      var b = absolute(boxes[ids[n]], pos[ids[n]]);
      var gap = linked.has(pairKey(ids[m], ids[n])) ? LINK_GAP : GAP;
      var ox = Math.min(a.r, b.r) - Math.max(a.l, b.l) + gap;
      var oy = Math.min(a.b, b.b) - Math.max(a.t, b.t) + gap;
      if (ox <= 0 || oy <= 0) { continue; }
      var dx = (a.l + a.r) - (b.l + b.r), dy = (a.t + a.b) - (b.t + b.b);
      if (ox < oy) {
        var sx = (dx > 0 || (dx === 0 && m % 2 === 0) ? 1 : -1) * (ox / 2 + 0.5);
        pos[ids[m]].x += sx; pos[ids[n]].x -= sx;
      } else {
        var sy = (dy > 0 || (dy === 0 && m % 2 === 0) ? 1 : -1) * (oy / 2 + 0.5);
        pos[ids[m]].y += sy; pos[ids[n]].y -= sy;
      }
      a = absolute(boxes[ids[m]], pos[ids[m]]);
      touched[ids[m]] = touched[ids[n]] = true;
      moved = true;
    }
  }
  return moved;
}

function crosses(p, q, box) {
  // Whether the segment p-q meets the box (Liang-Barsky clipping).
  var t0 = 0, t1 = 1, dx = q.x - p.x, dy = q.y - p.y;
  var checks = [[-dx, p.x - box.l], [dx, box.r - p.x], [-dy, p.y - box.t], [dy, box.b - p.y]];
  for (var k = 0; k < 4; k++) {
    var edge = checks[k][0], room = checks[k][1];
    if (edge === 0) {
      if (room < 0) { return false; }
    } else {
      var t = room / edge;
      if (edge < 0) { t0 = Math.max(t0, t); } else { t1 = Math.min(t1, t); }
      if (t0 > t1) { return false; }
    }
  }
  return true;
}

function clearEdges(ids, links, boxes, pos, touched) {
  // Move every node an edge runs through off that edge's line, to the side it is on.
  var moved = false, half = GAP / 2;
  links.forEach(function (link) {
    var p = pos[link.from], q = pos[link.to];
    if (!p || !q || link.from === link.to) { return; }
    var left = Math.min(p.x, q.x) - half, right = Math.max(p.x, q.x) + half;
    var top = Math.min(p.y, q.y) - half, bottom = Math.max(p.y, q.y) + half;
    var length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    var nx = -(q.y - p.y) / length, ny = (q.x - p.x) / length;
    ids.forEach(function (id, k) {
      if (id === link.from || id === link.to) { return; }
      var box = absolute(boxes[id], pos[id]);
      if (box.r < left || box.l > right || box.b < top || box.t > bottom) { return; }
      if (!crosses(p, q, grown(box, half))) { return; }
      var cx = (box.l + box.r) / 2 - p.x, cy = (box.t + box.b) / 2 - p.y;
      var side = cx * nx + cy * ny > 0 || (cx * nx + cy * ny === 0 && k % 2 === 0) ? 1 : -1;
      var reach = Math.abs(nx) * (box.r - box.l) / 2 + Math.abs(ny) * (box.b - box.t) / 2 + half;
      var shift = reach - side * (cx * nx + cy * ny) + 0.5;
      pos[id].x += side * nx * shift;
      pos[id].y += side * ny * shift;
      touched[id] = true;
      moved = true;
    });
  });
  return moved;
}

function grown(box, by) {
  return {l: box.l - by, r: box.r + by, t: box.t - by, b: box.b + by};
}

function overlaps(a, b) {
  return Math.min(a.r, b.r) > Math.max(a.l, b.l) && Math.min(a.b, b.b) > Math.max(a.t, b.t);
}

function fits(id, at, ids, links, boxes, pos) {
  // Whether node `id` placed at `at` keeps GAP from every other box, no other edge runs through
  // it, and its own edges run through no other node.
  var mine = grown(absolute(boxes[id], at), GAP / 2);
  for (var k = 0; k < ids.length; k++) {
    if (ids[k] !== id && overlaps(mine, grown(absolute(boxes[ids[k]], pos[ids[k]]), GAP / 2))) { return false; }
  }
  for (var e = 0; e < links.length; e++) {
    var link = links[e], own = link.from === id || link.to === id;
    var far = link.from === id ? link.to : link.from;
    if (!pos[link.from] || !pos[link.to] || link.from === link.to) { continue; }
    if (!own && crosses(pos[link.from], pos[link.to], mine)) { return false; }
    if (own) {
      for (var n = 0; n < ids.length; n++) {
        if (ids[n] !== id && ids[n] !== far &&
            crosses(at, pos[far], grown(absolute(boxes[ids[n]], pos[ids[n]]), GAP / 2))) { return false; }
      }
    }
  }
  return true;
}

function relocate(id, ids, links, boxes, pos) {
  // Move a node that keeps being pushed to the nearest free place around it, if there is one.
  var step = 12 + (boxes[id].r - boxes[id].l) / 4;
  for (var ring = 1; ring <= 10; ring++) {
    for (var k = 0; k < 16; k++) {
      var angle = 2 * Math.PI * k / 16;
      var at = {x: pos[id].x + ring * step * Math.cos(angle), y: pos[id].y + ring * step * Math.sin(angle)};
      if (fits(id, at, ids, links, boxes, pos)) { pos[id] = at; return true; }
    }
  }
  return false;
}

function spread(ids, pos, factor) {
  var cx = 0, cy = 0;
  ids.forEach(function (id) { cx += pos[id].x / ids.length; cy += pos[id].y / ids.length; });
  ids.forEach(function (id) {
    pos[id].x = cx + (pos[id].x - cx) * factor;
    pos[id].y = cy + (pos[id].y - cy) * factor;
  });
}

function untangle(ids, links) {
  // Move nodes until no two boxes (shape and label) overlap and no straight edge runs through a
  // node it does not join: push overlapping boxes apart, push nodes off edges; a node that keeps
  // being pushed is moved to the nearest free place; when none is found, spread everything a
  // little and go on. Deterministic: the same layout in gives the same layout out.
  var boxes = boxesOf(ids), pos = {}, moved = true, round;
  ids.forEach(function (id) { pos[id] = {x: network.body.nodes[id].x, y: network.body.nodes[id].y}; });
  var relocated = 0, linked = new Set();
  links.forEach(function (link) {
    linked.add(pairKey(link.from, link.to));
    linked.add(pairKey(link.to, link.from));
  });
  for (round = 0; round < 2000 && moved; round++) {
    var touched = {};
    moved = separate(ids, boxes, pos, touched, linked);
    moved = clearEdges(ids, links, boxes, pos, touched) || moved;
    if (moved && round >= 40 && round % 10 === 0) {
      var stuck = Object.keys(touched).sort().slice(0, 24), found = 0;
      stuck.forEach(function (id) { if (relocate(id, ids, links, boxes, pos)) { found += 1; } });
      relocated += found;
      if (!found && round % SPREAD_EVERY === 0) { spread(ids, pos, SPREAD); }
    }
  }
  document.getElementById("network").dataset.relocated = String(relocated);
  document.getElementById("network").dataset.rounds = String(round);

  ids.forEach(function (id) { network.moveNode(id, pos[id].x, pos[id].y); });
  document.getElementById("network").dataset.untangled = moved ? "false" : "true";
  return round;
}

function shownIds() {
  return nodes.get({filter: function (n) { return !n.hidden; }}).map(function (n) { return n.id; });
}

function shownLinks() {
  return edges.get({filter: function (e) { return !e.hidden; }});
}

function clashColour(count, most) {
  // From a light to a full red as the number of issues two actors clash on grows.
  var share = most > 1 ? (count - 1) / (most - 1) : 1;
  var light = Math.round(72 - 34 * share);
  return "hsl(0, 62%, " + light + "%)";
}

function drawMatrix(ties, actor) {
  // The conflict ties as a table: a row and a column per actor, the busiest first; each cell
  // the number of issues the two clash on. Every name goes in through textContent.
  var box = document.getElementById("matrix"), degree = {}, byCell = {}, most = 1;
  box.textContent = "";
  ties.forEach(function (tie) {
    degree[tie.from] = (degree[tie.from] || 0) + tie.count;
    degree[tie.to] = (degree[tie.to] || 0) + tie.count;
    byCell[pairKey(tie.from, tie.to)] = byCell[pairKey(tie.to, tie.from)] = tie;
    most = Math.max(most, tie.count);
  });
  var everyone = Object.keys(degree).sort(function (a, b) {
    return degree[b] - degree[a] || (label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0);
  });
  var actors = everyone.slice(0, MATRIX_ACTORS);
  if (actor && actors.indexOf(actor) < 0 && degree[actor]) { actors[actors.length - 1] = actor; }
  var note = document.createElement("p");
  note.textContent = ties.length === 0 ? "No two actors take opposite stances on an issue here." :
    "Each cell: the number of issues on which the two actors take opposite stances. " +
    (everyone.length > actors.length ? "The " + actors.length + " actors with the most clashes, of " +
      everyone.length + "." : everyone.length + " actors.");
  box.appendChild(note);
  if (ties.length === 0) { return; }
  var table = document.createElement("table"), head = document.createElement("tr");
  var thead = document.createElement("thead"), tbody = document.createElement("tbody");
  head.appendChild(document.createElement("th"));
  actors.forEach(function (id) {
    var th = document.createElement("th");
    th.scope = "col";
    th.textContent = label(id);
    head.appendChild(th);
  });
  thead.appendChild(head);
  actors.forEach(function (row) {
    var tr = document.createElement("tr"), th = document.createElement("th");
    th.scope = "row";
    th.textContent = label(row);
    tr.appendChild(th);
    actors.forEach(function (column) {
      var td = document.createElement("td"), tie = byCell[pairKey(row, column)];
      if (row === column) {
        td.className = "self";
      } else if (tie) {
        td.className = "clash";
        td.textContent = String(tie.count);
        td.style.background = clashColour(tie.count, most);
        td.title = tie.summary;
        td.dataset.edge = tie.id;
        td.addEventListener("click", function () {
          Array.prototype.forEach.call(box.querySelectorAll("td.chosen"), function (cell) {
            cell.classList.remove("chosen");
          });
          td.classList.add("chosen");
          showDetails(tie);
        });
      }
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  });
  table.appendChild(thead);
  table.appendChild(tbody);
  box.appendChild(table);
}

function render() {
  var issue = document.getElementById("filter-issue").value;
  var actor = document.getElementById("filter-actor").value;
  var status;
  document.getElementById("matrix").hidden = view !== "matrix";
  if (view === "matrix") {
    var ties = pairEdges("conflict", issue).filter(function (edge) { return touches(edge, actor); });
    drawMatrix(ties, actor);
    status = "Showing " + ties.length + (ties.length === 1 ? " conflict tie" : " conflict ties");
  } else if (view === "stances") {
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
  if (view !== "stances" && view !== "matrix") { untangle(shownIds(), shownLinks()); }
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
  var text = data.times.length ? data.times[lo].label + " \u2013 " + data.times[hi].label :
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
    meta.textContent = statement.when + " \u00b7 " + statement.entry + " \u00b7 " + label(statement.a) +
      " " + statement.s + " " + label(statement.i) + " (" + statement.k + ")";
    text.className = "text";
    text.textContent = statement.k === "direct" ? "\u201c" + statement.x + "\u201d" : statement.x;
    item.appendChild(meta);
    if (statement.c) {
      var badge = document.createElement("span");
      badge.className = "checked";
      badge.textContent = "\u2713 " + statement.c;
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(badge);
    }
    item.appendChild(text);
    body.appendChild(item);
  });
  document.getElementById("details").dataset.edge = edge.id;
  if (document.getElementById("panel-toggle").offsetHeight && !document.body.classList.contains("panel-open")) {
    togglePanel();  // on a phone the statements are in the folded panel: open it
  }
}

function togglePanel() {
  var open = document.body.classList.toggle("panel-open");
  document.getElementById("panel-toggle").setAttribute("aria-expanded", open ? "true" : "false");
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
    untangle(nodes.getIds(), data.edges);
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
  document.getElementById("panel-toggle").addEventListener("click", togglePanel);
  setupWindow();
  applyFilters();
}

drawNetwork();
