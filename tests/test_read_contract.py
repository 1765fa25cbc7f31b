"""One contract, three implementations: a read for one actor walks the store's indexes
(graph/rdf/lookup.py), a read for everyone runs SPARQL (graph/rdf/queries.py), and a read from a graph
database runs Cypher (tests/test_graphdb.py holds that side). Here the index walk must give, for
every actor of a store, exactly the rows the SPARQL read gives for that actor."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import HANSARD, invoke, json_rows


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed and the development debates: registry and discovered actors, holders other
    than their speakers, registry and found issues."""
    path = tmp_path_factory.mktemp("contract") / "store"
    assert invoke("build", "--store", path).exit_code == 0
    result = invoke("build", *HANSARD, "--store", path)
    assert result.exit_code == 0, result.output
    return path


def test_positions_of_one_actor_are_their_rows_of_everyones(store: Path) -> None:
    everyone = json_rows("positions", "--store", store)
    actors = sorted({row["actor_id"] for row in everyone})
    assert len(actors) >= 10
    for actor in actors:
        assert json_rows("positions", "--actor", actor, "--store", store) == [
            row for row in everyone if row["actor_id"] == actor], actor


def test_what_one_actor_said_is_their_rows_of_everything_said(store: Path) -> None:
    everything = json_rows("said", "--store", store)
    speakers = sorted({row["actor_id"] for row in everything})
    assert len(speakers) > 20
    assert any(row["holder_id"] != row["actor_id"] for row in everything)
    for speaker in speakers:
        assert json_rows("said", speaker, "--store", store) == [
            row for row in everything if row["actor_id"] == speaker], speaker


def test_one_actors_positions_on_one_issue_are_the_same_both_ways(store: Path) -> None:
    everyone = json_rows("positions", "--store", store)
    for row in everyone[:: max(1, len(everyone) // 15)]:
        assert json_rows("positions", "--actor", row["actor_id"], "--issue", row["issue_id"],
                         "--store", store) == [row]
