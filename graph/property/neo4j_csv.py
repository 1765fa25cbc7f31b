"""CSV files for `neo4j-admin database import full`: a first bulk load of a very large graph.

The same property-graph projection as `standpoint sync` (graph/property/projection.py): one node file per
key label, one relationship file per type, with neo4j-admin's typed headers, ids unique within
an ID space per label, and lists joined by ";" (neo4j-admin's array delimiter). The folder also
gets `import.sh`, the neo4j-admin command that loads them.
"""

from __future__ import annotations

import csv
import shlex
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from standpoint.errors import InputError
from standpoint.graph.property.projection import Projection, project, rel_kind
from standpoint.graph.rdf.store import Store

ARRAY_DELIMITER = ";"


def _type(values: Iterable[Any]) -> str:
    """neo4j-admin's type for a column: from the values it holds."""
    kinds = {type(v) for v in values if v is not None and v != []}
    if not kinds:
        return "string"
    if kinds <= {bool}:
        return "boolean"
    if kinds <= {int}:
        return "long"
    if kinds <= {int, float}:
        return "double"
    if kinds <= {list}:
        return "string[]"
    return "string"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, ",") for v in value)
    return str(value)


def _columns(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    names = sorted({name for row in rows for name in row["props"]} - {"id"})
    return [(name, _type(row["props"].get(name) for row in rows)) for name in names]


def write_nodes(path: Path, label: str, rows: list[dict[str, Any]]) -> None:
    columns = _columns(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow([f"id:ID({label})", ":LABEL", *(f"{n}:{t}" for n, t in columns)])
        for row in rows:
            out.writerow([row["id"], ARRAY_DELIMITER.join(row["labels"]),
                          *(_cell(row["props"].get(n)) for n, _ in columns)])


def write_relationships(path: Path, type_: str, rows: list[dict[str, Any]]) -> None:
    kind = rel_kind(type_)
    columns = _columns(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow([f":START_ID({kind.start})", f":END_ID({kind.end})", ":TYPE", "id:string",
                      *(f"{n}:{t}" for n, t in columns)])
        for row in rows:
            out.writerow([row["source"], row["target"], type_, row["id"],
                          *(_cell(row["props"].get(n)) for n, _ in columns)])


def import_command(nodes: list[str], relationships: list[str], database: str = "neo4j") -> str:
    """The neo4j-admin command that loads the files (run from their folder)."""
    parts = ["neo4j-admin", "database", "import", "full", f"--array-delimiter={ARRAY_DELIMITER}",
             "--multiline-fields=true", "--overwrite-destination=false"]
    parts += [f"--nodes={name}" for name in nodes] + [f"--relationships={name}" for name in relationships]
    return " ".join(shlex.quote(p) for p in [*parts, database])


def export_neo4j_csv(store: Store, folder: Path) -> Path:
    """Write the node and relationship files and import.sh into a new or empty folder."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError("must be a new or empty folder for the neo4j-admin files", str(folder))
    if not folder.parent.is_dir():
        raise InputError("the folder to write into does not exist", str(folder.parent))
    projection: Projection = project(store)
    folder.mkdir(exist_ok=True)
    nodes, rels = [], []
    for label, rows in sorted(projection.nodes.items()):
        if rows:
            write_nodes(folder / f"nodes-{label}.csv", label, rows)
            nodes.append(f"nodes-{label}.csv")
    for type_, rows in sorted(projection.relationships.items()):
        if rows:
            write_relationships(folder / f"rels-{type_}.csv", type_, rows)
            rels.append(f"rels-{type_}.csv")
    script = folder / "import.sh"
    script.write_text("#!/bin/sh\n# Load into an empty, stopped Neo4j database (run from this folder).\n"
                      f"{import_command(nodes, rels)}\n", encoding="utf-8")
    script.chmod(0o755)
    return folder
