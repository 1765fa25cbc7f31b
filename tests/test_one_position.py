"""One idea of a position: `positions`, `timeline`, `network` and the page say the same stance
for every actor and issue, because graph/rdf/positions.py decides it for all of them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import invoke


def _json(*args: str | Path) -> list[dict]:
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_positions_network_and_page_agree_on_every_stance(seed_store: Path, tmp_path: Path) -> None:
    positions = {(p["actor_id"], p["issue_id"]): p["stance"] for p in _json("positions", "--store", seed_store)}
    network = {(e["source_id"], e["target_id"]): e["stance"]
               for e in _json("network", "affiliation", "--store", seed_store)}
    out = tmp_path / "page.html"
    assert invoke("show", "--out", out, "--max-actors", "0", "--store", seed_store).exit_code == 0
    data = json.loads(re.search(r'<script type="application/json"[^>]*>(.*?)</script>',
                                out.read_text(encoding="utf-8"), re.DOTALL).group(1))
    page = {(e["from"].split(":", 1)[1], e["to"].split(":", 1)[1]): e["stance"]
            for e in data["edges"] if e.get("stance") in ("supports", "opposes", "mixed")}
    assert len(positions) == 20
    assert network == positions
    assert page == positions


def test_the_timeline_marks_a_change_where_the_position_changed(seed_store: Path) -> None:
    positions = {(p["actor_id"], p["issue_id"]): p for p in _json("positions", "--store", seed_store)}
    marked: dict[tuple[str, str], bool] = {}
    last: dict[tuple[str, str], str] = {}
    for row in _json("timeline", "--store", seed_store):
        key = (row["actor_id"], row["issue_id"])
        marked[key] = marked.get(key, False) or row["changed"]
        last[key] = row["stance"]
    assert set(marked) == set(positions)
    assert marked == {key: p["changed"] for key, p in positions.items()}
    # the last statement's stance is the latest stance, unless that time's statements disagree
    assert all(p["latest"] in (last[key], "mixed") for key, p in positions.items())
