"""An unchanged source is neither read nor parsed again: its size and modification time are those
the store recorded (graph/rdf/source_stats.py), as git's index does; any other change is read."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import invoke, quads

from standpoint.graph.rdf import build as build_module

BADENOCH = "Mrs Kemi Badenoch (North West Essex) (Con)"
SUPPORTS = "We need a full national inquiry into grooming gangs."
SAME_SIZE = "We need a full national inquiry into GROOMING gangs."
DAY = 86_400 * 1_000_000_000


def debate(path: Path, body: str = SUPPORTS, mtime_ns: int | None = None) -> Path:
    """A one-speech debate whose modification time is a day ago (or `mtime_ns`)."""
    path.write_text(json.dumps({"id": "debate-001", "published": "2025-01-07T12:30:00+00:00",
                                "speaker": BADENOCH, "body": body, "title": "Debate"}) + "\n",
                    encoding="utf-8")
    when = mtime_ns if mtime_ns is not None else path.stat().st_mtime_ns - DAY
    os.utime(path, ns=(when, when))
    return path


def build(source: Path, store: Path, *extra: str) -> dict[str, Any]:
    result = invoke("build", source, "--store", store, "--report", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def counts(report: dict[str, Any]) -> tuple[int, int, int, int]:
    return report["read"], report["added"], report["updated"], report["unchanged"]


def test_an_unchanged_source_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, store = debate(tmp_path / "debate.jsonl"), tmp_path / "store"
    assert counts(build(source, store)) == (1, 1, 0, 0)
    before = quads(store)
    opened: list[str] = []
    monkeypatch.setattr(build_module, "read_source", lambda path, **_: opened.append(str(path)))
    assert counts(build(source, store)) == (0, 0, 0, 1)
    assert opened == []
    assert quads(store) == before


def test_an_edit_of_the_same_size_is_read_and_extracted_again(tmp_path: Path) -> None:
    source, store = debate(tmp_path / "debate.jsonl"), tmp_path / "store"
    build(source, store)
    debate(source, SAME_SIZE)  # another time, a day ago too
    assert counts(build(source, store)) == (1, 0, 1, 0)
    said = invoke("said", "--store", store, "--format", "json")
    assert [row["text"] for row in json.loads(said.stdout)] == [SAME_SIZE]


def test_a_touched_file_is_read_once_then_known_again(tmp_path: Path) -> None:
    source, store = debate(tmp_path / "debate.jsonl"), tmp_path / "store"
    build(source, store)
    os.utime(source, ns=(source.stat().st_mtime_ns + 10**9,) * 2)
    assert counts(build(source, store)) == (1, 0, 0, 1)
    assert counts(build(source, store)) == (0, 0, 0, 1)


def test_an_edit_that_keeps_size_and_time_needs_rehash(tmp_path: Path) -> None:
    """The limit git has too: such an edit is not seen; --rehash reads every source."""
    source, store = debate(tmp_path / "debate.jsonl"), tmp_path / "store"
    build(source, store)
    debate(source, SAME_SIZE, mtime_ns=source.stat().st_mtime_ns)
    assert counts(build(source, store)) == (0, 0, 0, 1)
    assert counts(build(source, store, "--rehash")) == (1, 0, 1, 0)


def test_a_file_changed_just_before_it_was_read_is_read_again(tmp_path: Path) -> None:
    """Its time could be that of a second write in the same tick of the clock: not trusted."""
    source, store = debate(tmp_path / "debate.jsonl", mtime_ns=0), tmp_path / "store"
    os.utime(source)  # now
    build(source, store)
    assert counts(build(source, store)) == (1, 0, 0, 1)


def test_a_new_registry_reads_the_source_again(tmp_path: Path) -> None:
    source, store = debate(tmp_path / "debate.jsonl"), tmp_path / "store"
    build(source, store)
    registry = tmp_path / "registry.yaml"
    registry.write_text(Path(build_module.default_registry_path()).read_text(encoding="utf-8")
                        + "\n# a comment changes nothing\n", encoding="utf-8")
    assert counts(build(source, store, "--registry", registry))[0] in (0, 1)  # same triples: may skip
    assert counts(build(source, store, "--registry", registry))[3] == 1


def test_the_records_live_in_the_generation_and_a_lost_one_means_reading(tmp_path: Path) -> None:
    source, store = debate(tmp_path / "debate.jsonl"), tmp_path / "store"
    build(source, store)
    recorded = (store / "current" / "standpoint-sources.json").resolve()
    assert str(source.resolve()) in json.loads(recorded.read_text(encoding="utf-8"))
    recorded.write_text("not json", encoding="utf-8")
    assert counts(build(source, store)) == (1, 0, 0, 1)
    assert counts(build(source, store)) == (0, 0, 0, 1)


def test_a_stored_entry_replaced_since_is_read_again(tmp_path: Path) -> None:
    """The record holds only while the store keeps the entries with the hashes they had."""
    source, store = debate(tmp_path / "debate.jsonl"), tmp_path / "store"
    build(source, store)
    (tmp_path / "elsewhere").mkdir()
    other = debate(tmp_path / "elsewhere" / "debate.jsonl", SAME_SIZE)
    assert counts(build(other, store)) == (1, 0, 1, 0)  # a file of the same name: the same source
    assert counts(build(source, store)) == (1, 0, 1, 0)
