"""Positions over time: who changed their mind and when, across sources; evidence on both sides."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import invoke


def rows(*args: str | Path) -> list[dict[str, Any]]:
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def speech(entry_id: str, when: str, body: str, speaker: str = "Jane Roe (Southby) (LD)") -> str:
    return json.dumps({"id": entry_id, "published": when, "speaker": speaker, "body": body,
                       "source": "Debates"}) + "\n"


@pytest.fixture
def sources(tmp_path: Path) -> list[Path]:
    """Two debates a month apart: a member who first calls for a national inquiry, then rejects it."""
    january = tmp_path / "january.jsonl"
    january.write_text(
        speech("jan-1", "2025-01-07", "We need a national inquiry into grooming gangs.")
        + speech("jan-2", "2025-01-07", "Does the Minister agree that local inquiries are not enough?"),
        encoding="utf-8")
    february = tmp_path / "february.jsonl"
    february.write_text(
        speech("feb-1", "2025-02-11", "I have listened to survivors. A national inquiry would be a mistake; "
                                      "I now back local inquiries.", speaker="Ms Jane Roe"),
        encoding="utf-8")
    return [january, february]


def test_a_change_across_two_sources_shows_in_timeline_and_positions(sources: list[Path],
                                                                     tmp_path: Path) -> None:
    store = tmp_path / "store"
    for source in sources:  # two builds: the second source knows nothing of the first
        assert invoke("build", source, "--store", store).exit_code == 0
    timeline = rows("timeline", "Jane Roe", "--issue", "national inquiry", "--store", store)
    assert [(t["entry_id"], t["stance"], t["changed"], t["previous"]) for t in timeline] == [
        ("jan-1", "supports", False, None), ("feb-1", "opposes", True, "supports")]

    [position] = rows("positions", "--actor", "Jane Roe", "--issue", "national-inquiry", "--store", store)
    assert (position["stance"], position["latest"], position["changed"]) == ("mixed", "opposes", True)
    assert [(e["entry_id"], e["stance"]) for e in position["evidence"]] == [
        ("jan-1", "supports"), ("feb-1", "opposes")]

    local = rows("positions", "--actor", "jane-roe", "--issue", "local inquiries", "--store", store)
    assert [(p["stance"], p["latest"], p["changed"]) for p in local] == [("mixed", "supports", True)]

    actors = {a["id"]: a for a in rows("actors", "--store", store)}
    assert actors["jane-roe"]["party"] == "Liberal Democrats"
    assert [a for a in actors if "roe" in a] == ["jane-roe"], "one actor, whatever the speaker string"


def test_changed_lists_only_positions_that_moved(sources: list[Path], tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert invoke("build", *sources, "--store", store).exit_code == 0
    changed = rows("positions", "--changed", "--store", store)
    assert {(p["actor_id"], p["issue_id"]) for p in changed} == {
        ("jane-roe", "national-inquiry"), ("jane-roe", "local-inquiries")}
    assert all(p["changed"] for p in changed)


def test_a_stance_that_holds_is_not_a_change(seed_store: Path) -> None:
    positions = rows("positions", "--store", seed_store)
    assert positions and all(p["latest"] == p["stance"] and not p["changed"]
                             for p in positions if p["stance"] != "mixed")
    assert rows("positions", "--changed", "--store", seed_store) == [
        p for p in positions if p["changed"]]


@pytest.mark.parametrize("threshold", [0.0, 0.7, 0.8, 0.85, 0.9])
def test_min_confidence_keeps_only_confident_evidence(seed_store: Path, threshold: float) -> None:
    everything = rows("positions", "--store", seed_store)
    kept = rows("positions", "--min-confidence", str(threshold), "--store", seed_store)
    all_evidence = {(p["actor_id"], p["issue_id"], e["entry_id"], e["text"], e["stance"])
                    for p in everything for e in p["evidence"]}
    for position in kept:
        assert position["evidence"] and position["statements"] == len(position["evidence"])
        for evidence in position["evidence"]:
            assert evidence["confidence"] >= threshold
            assert (position["actor_id"], position["issue_id"], evidence["entry_id"], evidence["text"],
                    evidence["stance"]) in all_evidence
    expected = sum(1 for p in everything for e in p["evidence"] if e["confidence"] >= threshold)
    assert sum(len(p["evidence"]) for p in kept) == expected
    if threshold == 0.0:
        assert kept == everything


def test_min_confidence_is_checked() -> None:
    result = invoke("positions", "--min-confidence", "1.5")
    assert result.exit_code == 2
