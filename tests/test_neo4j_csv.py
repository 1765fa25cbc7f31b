"""`standpoint export --to neo4j-csv`: the files neo4j-admin imports, checked as it reads them."""

from __future__ import annotations

import csv
from pathlib import Path

from conftest import error_line, invoke

from standpoint.graph.property.projection import project, rel_kind
from standpoint.graph.rdf.store import open_store


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def test_the_files_hold_the_projection_and_every_relationship_meets_its_nodes(seed_store: Path, tmp_path: Path):
    out = tmp_path / "import"
    result = invoke("export", "--to", "neo4j-csv", "--out", out, "--store", seed_store)
    assert result.exit_code == 0 and result.output.strip() == str(out)
    with open_store(seed_store) as store:
        projection = project(store)
    ids: dict[str, set[str]] = {}
    for label, rows in projection.nodes.items():
        if not rows:
            continue
        header, body = read_csv(out / f"nodes-{label}.csv")
        assert header[:2] == [f"id:ID({label})", ":LABEL"]
        assert sorted(r[0] for r in body) == sorted(row["id"] for row in rows)
        assert all(label in r[1].split(";") for r in body)
        ids[label] = {r[0] for r in body}
    for type_, rows in projection.relationships.items():
        if not rows:
            continue
        kind = rel_kind(type_)
        header, body = read_csv(out / f"rels-{type_}.csv")
        assert header[:3] == [f":START_ID({kind.start})", f":END_ID({kind.end})", ":TYPE"]
        assert len(body) == len(rows)
        assert all(r[0] in ids[kind.start] and r[1] in ids[kind.end] and r[2] == type_ for r in body)
    script = (out / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script
    assert all(f"--nodes=nodes-{label}.csv" in script for label in ids)


def test_typed_columns_and_lists(seed_store: Path, tmp_path: Path):
    out = tmp_path / "import"
    invoke("export", "--to", "neo4j-csv", "--out", out, "--store", seed_store)
    header, body = read_csv(out / "nodes-Actor.csv")
    assert "aliases:string[]" in header and "discovered:boolean" in header
    aliases = header.index("aliases:string[]")
    jay = next(r for r in body if r[0] == "alexis-jay")
    assert jay[aliases].split(";") == ["Prof Alexis Jay", "Professor Alexis Jay", "Professor Jay"]
    header, body = read_csv(out / "nodes-Statement.csv")
    assert {"confidence:double", "spanStart:long", "text:string"} <= set(header)


def test_the_folder_must_be_new_or_empty(seed_store: Path, tmp_path: Path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine", encoding="utf-8")
    line = error_line(invoke("export", "--to", "neo4j-csv", "--out", tmp_path / "full", "--store", seed_store))
    assert "full" in line and "new or empty folder" in line
    assert (tmp_path / "full" / "keep.txt").read_text(encoding="utf-8") == "mine"
