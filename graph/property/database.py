"""Connections to the graph database: Neo4j through the official driver, FalkorDB through its client.

`connect(uri)` picks the engine from the URI scheme:

  bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s://, neo4j+ssc://   Neo4j (a server, a cluster,
      Aura); credentials from NEO4J_USERNAME / NEO4J_PASSWORD, database from NEO4J_DATABASE
      (else the server's default)
  falkordb://[user[:password]@]host[:port][/graph]                        FalkorDB (graph
      "standpoint" by default; credentials also from FALKORDB_USERNAME / FALKORDB_PASSWORD)

Both give the same small interface: run_write(query, params) in a managed transaction (one
atomic query on FalkorDB), run_read(query, params) -> rows of plain values, ensure_schema, close.
Every failure becomes a GraphDatabaseError with one line that names the server (never the
password: it is scrubbed from the message and from the exception chain kept behind it).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol
from urllib.parse import SplitResult, unquote, urlsplit

from standpoint.errors import GraphDatabaseError
from standpoint.graph.property import cypher

NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
FALKORDB_SCHEMES = ("falkordb",)
FALKORDB_PORT = 6379
FALKORDB_GRAPH = "standpoint"
CONNECT_TIMEOUT = 10.0
CONSTRAINT_WAIT = 60.0

Row = dict[str, Any]


@dataclass(frozen=True)
class Target:
    """Where to connect, parsed from a URI; `shown` is the URI without credentials."""

    engine: str
    shown: str
    address: str
    host: str
    port: int | None
    username: str | None
    password: str | None = field(repr=False)
    database: str | None


class GraphDatabase(Protocol):
    """What sync and the read commands need from a graph database."""

    engine: str
    target: Target

    def run_write(self, query: str, params: Mapping[str, Any]) -> None:
        """Run a write query in one managed (or atomic) transaction."""

    def run_read(self, query: str, params: Mapping[str, Any]) -> list[Row]:
        """Run a query in a read-only transaction; rows of plain values."""

    def ensure_schema(self, key_labels: Sequence[str], other_labels: Sequence[str]) -> None:
        """Unique `id` on the key labels, an `id` index on the others (if not there yet)."""

    def check_ids(self, label: str, ids: Iterable[str]) -> None:
        """Refuse, before anything is written, ids the engine cannot key."""

    def close(self) -> None:
        """Close the connection."""


def parse_uri(uri: str, env: Mapping[str, str] | None = None) -> Target:
    """The engine, address, credentials and database of a graph URI (see the module docstring)."""
    env = os.environ if env is None else env
    try:
        parts = urlsplit(uri.strip())
        _ = parts.port  # a bad port raises here
    except ValueError as err:
        raise GraphDatabaseError(f"{_shown_raw(uri)} is not a valid graph URI: {err}") from None
    scheme = parts.scheme.lower()
    if scheme not in NEO4J_SCHEMES + FALKORDB_SCHEMES or not parts.hostname:
        raise GraphDatabaseError(
            f"{_shown_raw(uri)} is not a graph URI: use bolt://, neo4j://, neo4j+s:// (Neo4j) or "
            "falkordb://host:port (FalkorDB)"
        )
    return _neo4j_target(parts, env) if scheme in NEO4J_SCHEMES else _falkordb_target(parts, env)


def _netloc(parts: SplitResult, default_port: int | None = None) -> str:
    """host[:port] without credentials (an IPv6 host in brackets)."""
    host, port = parts.hostname or "", parts.port or default_port
    host = f"[{host}]" if ":" in host else host
    return f"{host}:{port}" if port else host


def _credentials(parts: SplitResult, env: Mapping[str, str], prefix: str) -> tuple[str | None, str | None]:
    """User and password from the URI, else from PREFIX_USERNAME and PREFIX_PASSWORD."""
    user = unquote(parts.username) if parts.username else env.get(f"{prefix}_USERNAME")
    password = unquote(parts.password) if parts.password else env.get(f"{prefix}_PASSWORD")
    return user or None, password or None


def _neo4j_target(parts: SplitResult, env: Mapping[str, str]) -> Target:
    query = f"?{parts.query}" if parts.query else ""
    address = f"{parts.scheme.lower()}://{_netloc(parts)}{query}"
    user, password = _credentials(parts, env, "NEO4J")
    return Target("neo4j", address, address, parts.hostname or "", parts.port, user, password,
                  env.get("NEO4J_DATABASE") or None)


def _falkordb_target(parts: SplitResult, env: Mapping[str, str]) -> Target:
    graph = unquote(parts.path.strip("/")) or FALKORDB_GRAPH
    netloc = _netloc(parts, FALKORDB_PORT)
    user, password = _credentials(parts, env, "FALKORDB")
    return Target("falkordb", f"falkordb://{netloc}/{graph}", netloc, parts.hostname or "",
                  parts.port or FALKORDB_PORT, user, password, graph)


def _shown_raw(uri: str) -> str:
    """A URI as given, with any user:password@ part removed (for messages about bad URIs)."""
    scheme, sep, rest = uri.partition("://")
    return scheme + sep + rest.rpartition("@")[2] if sep else uri.rpartition("@")[2]


def connect(uri: str, env: Mapping[str, str] | None = None) -> GraphDatabase:
    """An open connection to the graph database at uri (checked: it answers and accepts us)."""
    target = parse_uri(uri, env)
    if target.engine == "neo4j":
        db: GraphDatabase = Neo4jDatabase(target)
        try:
            db.verify()  # type: ignore[attr-defined]
        except BaseException:
            db.close()  # no driver left open (and warning about it) behind a failed connection
            raise
        return db
    return FalkorDBDatabase(target)


@contextmanager
def opened(uri: str, env: Mapping[str, str] | None = None) -> Iterator[GraphDatabase]:
    """connect(uri) as a context manager that closes the connection."""
    db = connect(uri, env)
    try:
        yield db
    finally:
        db.close()


# -- keeping the password out of every message ---------------------------------------------------


def secrets(target: Target) -> list[str]:
    """The strings no message may contain: the password, as given and URL-encoded."""
    from urllib.parse import quote

    if not target.password:
        return []
    return sorted({target.password, quote(target.password, safe="")}, key=len, reverse=True)


def scrub(text: str, hidden: Sequence[str]) -> str:
    """text with every hidden string replaced by ***."""
    for secret in hidden:
        text = text.replace(secret, "***")
    return text


def scrub_chain(err: BaseException, hidden: Sequence[str]) -> BaseException:
    """err, with the hidden strings scrubbed from its args and attributes and from its causes."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [err]
    while todo and hidden:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        current.args = tuple(scrub(a, hidden) if isinstance(a, str) else a for a in current.args)
        for name, value in list(vars(current).items()):
            if isinstance(value, str):
                setattr(current, name, scrub(value, hidden))
        todo += [current.__cause__, current.__context__]
    return err


def one_line(err: BaseException, limit: int = 300) -> str:
    """An error's message on one line (whitespace collapsed, cut at limit characters)."""
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def failure(target: Target, message: str, err: BaseException) -> GraphDatabaseError:
    """A GraphDatabaseError with one scrubbed line; err (its cause) is scrubbed too."""
    hidden = secrets(target)
    scrub_chain(err, hidden)
    return GraphDatabaseError(" ".join(scrub(message, hidden).split()))


# -- plain values out ---------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """A value from either driver as JSON-ready data: nodes, relationships and paths as dicts."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    for convert in (_neo4j_value, _falkordb_value):
        converted = convert(value)
        if converted is not None:
            return converted
    iso_format = getattr(value, "iso_format", None)
    return iso_format() if callable(iso_format) else str(value)


def _neo4j_value(value: Any) -> Row | None:
    try:
        from neo4j import graph
    except ImportError:
        return None
    if isinstance(value, graph.Node):
        return {"labels": sorted(value.labels), "properties": plain(dict(value.items()))}
    if isinstance(value, graph.Relationship):
        return {"type": value.type, "properties": plain(dict(value.items()))}
    if isinstance(value, graph.Path):
        return {"nodes": [plain(n) for n in value.nodes],
                "relationships": [plain(r) for r in value.relationships]}
    return None


def _falkordb_value(value: Any) -> Row | None:
    try:
        from falkordb import Edge, Node, Path
    except ImportError:
        return None
    if isinstance(value, Node):
        return {"labels": sorted(value.labels or []), "properties": plain(value.properties)}
    if isinstance(value, Edge):
        return {"type": value.relation, "properties": plain(value.properties)}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes()],
                "relationships": [plain(e) for e in value.edges()]}
    return None


# -- Neo4j ----------------------------------------------------------------------------------------


def _consume(tx: Any, query: str, params: Mapping[str, Any]) -> None:
    tx.run(query, params).consume()


def _records(tx: Any, query: str, params: Mapping[str, Any]) -> list[Row]:
    return [{key: plain(value) for key, value in record.items()} for record in tx.run(query, params)]


class Neo4jDatabase:
    """Neo4j (server, cluster or Aura) through the official driver: managed transactions only."""

    engine = "neo4j"

    def __init__(self, target: Target):
        self.target = target
        neo4j = _require("neo4j", "neo4j")
        logging.getLogger("neo4j").addHandler(logging.NullHandler())  # errors are raised, not logged
        auth = (target.username or "neo4j", target.password) if target.password else None
        with self._errors("cannot use"):
            self.driver = neo4j.GraphDatabase.driver(
                target.address, auth=auth, connection_timeout=CONNECT_TIMEOUT,
                user_agent="standpoint",
            )

    def _session(self) -> Any:
        return self.driver.session(database=self.target.database)

    def verify(self) -> None:
        """Fail now, with a clear line, if the server cannot be reached or refuses us."""
        with self._errors("cannot reach"):
            self.driver.verify_connectivity()

    def run_write(self, query: str, params: Mapping[str, Any]) -> None:
        """Run a write query in a managed write transaction (retried by the driver if transient)."""
        with self._errors("failed on"), self._session() as session:
            session.execute_write(_consume, query, dict(params))

    def run_read(self, query: str, params: Mapping[str, Any]) -> list[Row]:
        """Run a query in a managed read transaction: the server refuses any write."""
        with self._errors("failed on"), self._session() as session:
            return session.execute_read(_records, query, dict(params))  # type: ignore[no-any-return]

    def ensure_schema(self, key_labels: Sequence[str], other_labels: Sequence[str]) -> None:
        """Unique `id` constraints on the key labels, then `id` indexes on the others."""
        for label in (*key_labels, *other_labels):
            self.run_write(cypher.neo4j_schema(label), {})

    def check_ids(self, label: str, ids: Iterable[str]) -> None:
        """Neo4j keys any string: nothing to check."""

    def close(self) -> None:
        self.driver.close()

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        from neo4j import exceptions as ne

        try:
            yield
        except (ne.Neo4jError, ne.DriverError, ValueError, OSError) as err:
            raise failure(self.target, self._message(err, doing), err) from err

    def _message(self, err: BaseException, doing: str) -> str:
        from neo4j import exceptions as ne

        shown, code = self.target.shown, getattr(err, "code", "") or ""
        if isinstance(err, ne.AuthError):
            user = self.target.username or "neo4j"
            return (f"Neo4j at {shown} refused the credentials of user {user!r}: "
                    "check NEO4J_USERNAME and NEO4J_PASSWORD")
        if code.endswith("DatabaseNotFound"):
            return (f"database {self.target.database!r} does not exist on {shown}: "
                    "set NEO4J_DATABASE to one of its databases")
        if code.endswith(("AccessMode", "ForbiddenOnReadOnlyDatabase")):
            return f"Neo4j at {shown} refused to write in a read-only transaction: {one_line(err)}"
        if isinstance(err, (ne.ServiceUnavailable, ne.SessionExpired, OSError)):
            return f"cannot reach Neo4j at {shown}: {one_line(err)}"
        message = getattr(err, "message", None) or one_line(err)
        return f"Neo4j at {shown} {doing} a query: {message}"


# -- FalkorDB -------------------------------------------------------------------------------------


class FalkorDBDatabase:
    """FalkorDB through its client: each query is one atomic GRAPH.QUERY (reads: GRAPH.RO_QUERY)."""

    engine = "falkordb"

    def __init__(self, target: Target):
        self.target = target
        falkordb = _require("falkordb", "falkordb")
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        with self._errors():
            self.client = falkordb.FalkorDB(
                host=target.host, port=target.port, username=target.username,
                password=target.password, socket_connect_timeout=CONNECT_TIMEOUT,
                retry=Retry(NoBackoff(), 0),
            )
        self.graph = self.client.select_graph(target.database)

    def run_write(self, query: str, params: Mapping[str, Any]) -> None:
        """Run a write query: one GRAPH.QUERY, which FalkorDB applies atomically."""
        with self._errors():
            self.graph.query(query, dict(params))

    def run_read(self, query: str, params: Mapping[str, Any]) -> list[Row]:
        """Run a query with GRAPH.RO_QUERY: the server refuses any write."""
        with self._errors():
            result = self.graph.ro_query(query, dict(params))
        columns = [str(name) for _, name in result.header]
        return [{c: plain(v) for c, v in zip(columns, row)} for row in result.result_set]

    def exists(self) -> bool:
        """Whether the graph is on the server (FalkorDB creates it on the first write)."""
        with self._errors():
            return self.target.database in self.client.list_graphs()

    def ensure_schema(self, key_labels: Sequence[str], other_labels: Sequence[str]) -> None:
        """`id` indexes on every label, then unique `id` constraints on the key labels."""
        indexed = set()
        if self.exists():
            indexed = {r["label"] for r in self.run_read(cypher.FALKORDB_INDEXES, {})
                       if "id" in (r["properties"] or [])}
        for label in (*key_labels, *other_labels):
            if label not in indexed:
                self.run_write(cypher.falkordb_index(label), {})
        for label in set(key_labels) - self._constrained():
            with self._errors():
                self.graph.create_node_unique_constraint(label, "id")
        self._await_constraints(key_labels)

    def _constraints(self) -> list[Row]:
        with self._errors():
            return [c for c in self.graph.list_constraints()
                    if c["type"] == "UNIQUE" and c["entitytype"] == "NODE" and c["properties"] == ["id"]]

    def _constrained(self) -> set[str]:
        return {c["label"] for c in self._constraints()}

    def _await_constraints(self, labels: Sequence[str]) -> None:
        """Wait until the unique constraints (built in the background) hold; fail if one failed."""
        deadline = time.monotonic() + CONSTRAINT_WAIT
        while True:
            status = {c["label"]: c["status"] for c in self._constraints() if c["label"] in labels}
            failed = sorted(label for label, s in status.items() if s == "FAILED")
            if failed:
                raise GraphDatabaseError(
                    f"FalkorDB at {self.target.shown} could not make `id` unique on "
                    f"{', '.join(failed)}: the graph holds duplicate ids; delete it and sync again"
                )
            if all(s == "OPERATIONAL" for s in status.values()) or time.monotonic() > deadline:
                return
            time.sleep(0.05)

    def check_ids(self, label: str, ids: Iterable[str]) -> None:
        """Refuse an id FalkorDB cannot keep unique: an empty one, or one with whitespace at an end.

        (FalkorDB 4.x crashes on such a value of a property under a unique constraint.)
        """
        bad = next((i for i in ids if not i or i != i.strip()), None)
        if bad is not None:
            raise GraphDatabaseError(
                f"the {label} id {bad!r} is empty or has whitespace at an end, which FalkorDB "
                "cannot keep unique (the server crashes on it); change the id in the source"
            )

    def close(self) -> None:
        self.client.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        import redis.exceptions as rex

        try:
            yield
        except (rex.RedisError, OSError) as err:
            raise failure(self.target, self._message(err), err) from err

    def _message(self, err: BaseException) -> str:
        import redis.exceptions as rex

        shown, text = self.target.shown, one_line(err)
        if isinstance(err, rex.AuthenticationError) or text.startswith(("NOAUTH", "WRONGPASS")) \
                or "invalid username-password" in text or "invalid password" in text:
            who = f" of user {self.target.username!r}" if self.target.username else ""
            return (f"FalkorDB at {shown} refused the credentials{who}: give them in the URI "
                    "(falkordb://user:password@host:port) or FALKORDB_USERNAME / FALKORDB_PASSWORD")
        if "called without any password configured" in text:
            return f"FalkorDB at {shown} has no password set, but the URI gives one: leave it out"
        if isinstance(err, (rex.ConnectionError, rex.TimeoutError, OSError)):
            return f"cannot reach FalkorDB at {shown}: {text}"
        if "empty key" in text:
            return (f"graph {self.target.database!r} does not exist on {shown}: run "
                    f"`standpoint sync --graph {shown}` first, or name an existing graph in the URI")
        if "unknown command" in text.lower():
            return f"the server at {shown} does not have the FalkorDB module loaded: {text}"
        if "read-only" in text:
            return f"FalkorDB at {shown} refused to write in a read-only query: {text}"
        return f"FalkorDB at {shown} failed on a query: {text}"


def _require(module: str, extra: str) -> Any:
    """Import a driver, or say how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise GraphDatabaseError(
            f"the {module} client is not installed: pip install 'standpoint[{extra}]'"
        ) from None

