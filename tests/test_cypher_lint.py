"""Every Cypher statement standpoint can send to Neo4j passes Neo4j's own linter, offline.

The linter is the npm package @neo4j-cypher/language-support (pinned in tests/cypher-lint/
package.json), run by tests/cypher-lint/lint.mjs under Node. Install it with
`npm ci --prefix tests/cypher-lint`. Without node_modules these tests skip, except when CI is set:
then they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from standpoint.graph.property import cypher
from standpoint.graph.property.projection import LABELS, PROPERTY_KEYS, TYPES

LINT = Path(__file__).resolve().parent / "cypher-lint"
PACKAGE = LINT / "node_modules" / "@neo4j-cypher" / "language-support"
# The keys of the maps in $rows: row fields, not database properties.
ROW_KEYS = ("source", "target", "props")


def lint(items: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Neo4j's diagnostics for each {query, parameters, labels?, ...}, in order."""
    node = shutil.which("node")
    if node is None or not PACKAGE.is_dir():
        message = ("Neo4j's Cypher linter is not installed: run `npm ci --prefix tests/cypher-lint` "
                   "(needs Node 20 and npm)")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    done = subprocess.run([node, str(LINT / "lint.mjs")], input=json.dumps(items), text=True,
                          capture_output=True, cwd=LINT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def schema() -> dict[str, list[str]]:
    """The closed lists, so that the linter also warns about a label, type or property outside them."""
    return {"labels": list(LABELS), "relationshipTypes": list(TYPES),
            "propertyKeys": [*PROPERTY_KEYS, *ROW_KEYS]}


def test_every_neo4j_statement_has_no_diagnostics() -> None:
    statements = list(cypher.neo4j_statements())
    items = [{"query": query, "parameters": params, **schema()} for _, query, params in statements]
    found = {
        f"{name}: {query}": diagnostics
        for (name, query, _), diagnostics in zip(statements, lint(items)) if diagnostics
    }
    assert found == {}
    assert len(statements) > 100


def test_the_linter_does_report_errors() -> None:
    """A harness that never reports would pass every query: check that it reports these."""
    bad = [
        {"query": "MATCH (n:Actor) RETURN m", "parameters": {}},
        {"query": "MATCH (n:Actor) WHERE n.id = $missing RETURN n", "parameters": {}},
        {"query": "MATCH (n:Actor) RETURN n.id AS a UNION MATCH (n:Actor) RETURN n.id AS b",
         "parameters": {}},
        {"query": "UNWIND $rows AS row MERGE (n:Actor {id: row.id}) SET n = row.props RETURN",
         "parameters": {"rows": []}},
        {"query": "MATCH (n:Actr) RETURN n.id", "parameters": {}, **schema()},
    ]
    assert all(diagnostics for diagnostics in lint(bad))


def test_every_template_is_linted() -> None:
    """Each Cypher constant in graph/property/cypher.py (but FalkorDB's own) is among the linted
    statements."""
    templates = {name for name, value in vars(cypher).items()
                 if name.isupper() and isinstance(value, str) and not name.startswith("FALKORDB_")}
    linted = {name for name, _, _ in cypher.neo4j_statements()}
    assert templates <= linted, templates - linted
    assert set(cypher.READS) <= linted
