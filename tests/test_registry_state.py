"""Entry ids belong to their source: an id of one source is never silently taken over by another.

Every test runs the real CLI on real files and real stores in tmp_path.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from conftest import error_line, invoke, quads


def rows(*args: str | Path) -> list[dict[str, Any]]:
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def build(*args: str | Path) -> list[str]:
    """Run a build that must succeed; the lines it printed."""
    result = invoke("build", *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout.splitlines()


def counts(store: Path, entries: int, sources: int, added: int, updated: int, unchanged: int) -> str:
    """The line every build prints, with the store's own counts."""
    statements = len(rows("said", "--store", store))
    positions = len(rows("positions", "--store", store))
    return (f"{entries} entries from {sources} source(s): {added} added, {updated} updated, "
            f"{unchanged} unchanged; store {store} holds {statements} statements and "
            f"{positions} positions")


def state(store: Path) -> tuple[str, frozenset[Any], list[dict[str, Any]]]:
    """What a reader sees of a store: the generation it reads, every quad, the positions."""
    return os.readlink(store / "current"), frozenset(quads(store)), rows("positions", "--store", store)


# -- entry ids belong to their source ------------------------------------------------------------

def entries_file(path: Path, *records: dict[str, str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


FIRST = {"id": "speech-1", "published": "2025-01-07", "speaker": "Mrs Kemi Badenoch (North West Essex) (Con)",
         "body": "We need a full national inquiry into grooming gangs."}
SECOND = {"id": "speech-2", "published": "2025-01-07", "speaker": "Jane Roe (Somewhere) (Lab)",
          "body": "There should be local inquiries, not a national inquiry."}


def test_an_entry_id_of_another_source_in_the_store_is_refused(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = entries_file(tmp_path / "one.jsonl", FIRST, SECOND)
    build(first, "--store", store)
    before = state(store)
    other = entries_file(tmp_path / "two.jsonl", {**SECOND, "body": "Something else entirely."})
    assert error_line(invoke("build", other, "--store", store)) == (
        f"standpoint: error: {other} line 1: entry id 'speech-2' is already in the store, from "
        "one.jsonl line 2; ids must be unique across sources: give this entry another id, or build "
        "into another store")
    assert state(store) == before
    assert [e["id"] for e in rows("entries", "--store", store)] == ["speech-1", "speech-2"]


def test_a_new_version_of_a_source_may_change_its_entries(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build(entries_file(tmp_path / "v1" / "debate.jsonl", FIRST, SECOND), "--store", store)
    changed = {**SECOND, "body": "I support a national inquiry into grooming gangs."}
    newer = entries_file(tmp_path / "v2" / "debate.jsonl", FIRST, changed)
    assert build(newer, "--store", store) == [counts(store, 2, 1, 0, 2, 0)]
    said = {s["text"] for s in rows("said", "--store", store)}
    assert changed["body"] in said and SECOND["body"] not in said
    copied = entries_file(tmp_path / "copy.jsonl", FIRST, changed)  # the same entries: nothing replaced
    assert build(copied, "--store", store) == [counts(store, 2, 1, 0, 0, 2)]
