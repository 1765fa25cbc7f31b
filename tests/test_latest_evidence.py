"""A position's latest evidence: the build marks it (sp:latestEvidence), and a page lists it
without reading the position's older statements, on a store that predates the marks too."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import invoke

from standpoint.graph.analysis.drawing import MAX_EVIDENCE, project
from standpoint.graph.rdf.positions import LATEST_EVIDENCE
from standpoint.graph.rdf.store import open_store
from standpoint.ontology.namespace import SP

DAYS = 12  # two statements a day, on one issue, by one speaker


def _entries(path: Path, days: range) -> Path:
    with path.open("a", encoding="utf-8") as out:
        for day in days:
            for n in range(2):
                out.write(json.dumps({
                    "id": f"q-{day:02d}-{n}", "published": f"2025-03-{day:02d}", "title": f"Questions {day}",
                    "speaker": "Kemi Badenoch", "source": "Hansard",
                    "body": "We need a national inquiry into grooming gangs now.",
                }) + "\n")
    return path


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    result = invoke("build", _entries(tmp_path / "questions.jsonl", range(1, DAYS + 1)), "--store", path)
    assert result.exit_code == 0, result.output
    assert "holds 24 statements and 1 positions" in result.output
    return path


MARKED_DAYS = """SELECT ?day WHERE { ?position sp:latestEvidence ?s . ?s sp:fromEntry/dcterms:issued ?day }"""


def _marked_days(path: Path) -> list[str]:
    with open_store(path) as opened:
        return sorted(row["day"].value for row in opened.select(MARKED_DAYS))


def _listed_days(path: Path, max_evidence: int | None) -> list[str]:
    """The days of the statements the page lists for the position, as `project` gives them."""
    with open_store(path) as opened:
        G = project(opened, max_evidence=max_evidence)
    edges = [d for _, _, d in G.edges(data=True) if d.get("relation") == "supports"]
    assert len(edges) == 1  # its weight counts all its statements, listed or not
    with open_store(path) as opened:
        assert edges[0]["weight"] == len(opened.select("SELECT ?s WHERE { ?position sp:evidence ?s }"))
    days = sorted(e["published"][:10] for e in edges[0]["evidence"])
    assert days == sorted(s["published"][:10] for s in G.graph["statements"])
    return days


def _days(*days: int, each: int = 2) -> list[str]:
    return sorted(f"2025-03-{day:02d}" for day in days for _ in range(each))


def test_the_build_marks_a_positions_latest_statements(store: Path) -> None:
    assert LATEST_EVIDENCE == MAX_EVIDENCE == 8  # what a page lists unless asked for more
    assert _marked_days(store) == _days(9, 10, 11, 12)


def test_a_page_lists_the_latest_statements_however_many_are_asked_for(store: Path) -> None:
    assert _listed_days(store, MAX_EVIDENCE) == _days(9, 10, 11, 12)
    assert _listed_days(store, 4) == _days(11, 12)
    assert _listed_days(store, 10) == _days(8, 9, 10, 11, 12)
    assert _listed_days(store, None) == _days(*range(1, DAYS + 1))
    one_at_the_cut = _listed_days(store, 3)  # the latest day's two, and one of the day before
    assert one_at_the_cut[-2:] == _days(12) and one_at_the_cut[:1] == _days(11, each=1)


def test_the_page_written_lists_them_and_says_it_left_the_rest_out(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    assert invoke("show", "--store", store, "--out", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.DOTALL).group(1))
    days = sorted(datetime.fromtimestamp(s["t"] / 1000, UTC).date().isoformat() for s in data["statements"])
    assert days == _days(9, 10, 11, 12)
    assert "the latest 8 statements of each position" in page


def test_a_later_build_moves_the_marks_to_the_new_latest(store: Path, tmp_path: Path) -> None:
    later = _entries(tmp_path / "later.jsonl", range(DAYS + 1, DAYS + 2))
    assert invoke("build", later, "--store", store).exit_code == 0
    assert _marked_days(store) == _days(10, 11, 12, 13)
    assert _listed_days(store, MAX_EVIDENCE) == _days(10, 11, 12, 13)


def test_a_store_built_before_the_marks_lists_the_same_statements(store: Path) -> None:
    before = {n: _listed_days(store, n) for n in (3, MAX_EVIDENCE, None)}
    db = ox.Store(str(store / "current"))  # the store as a build without the marks left it
    marks = list(db.quads_for_pattern(None, ox.NamedNode(str(SP.latestEvidence)), None, None))
    assert len(marks) == MAX_EVIDENCE
    for quad in marks:
        db.remove(quad)
    db.flush()
    del db
    assert _marked_days(store) == []
    assert {n: _listed_days(store, n) for n in before} == before
