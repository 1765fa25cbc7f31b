"""One contract, three implementations: a read for one actor walks the store's indexes
(graph/rdf/lookup.py), a read for everyone runs SPARQL (graph/rdf/queries.py), and a read from a graph
database runs Cypher (tests/test_graphdb.py holds that side). Here the index walk must give, for
every actor of a store, exactly the rows (and the typed answers behind them) the SPARQL read gives
for that actor."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import HANSARD, invoke, json_rows

from standpoint.graph.rdf import read
from standpoint.graph.rdf.store import open_store


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


def test_the_index_walk_gives_the_typed_statements_sparql_gives(store: Path) -> None:
    """`said` (by speaker) and `timeline` (by holder): for each actor, the answers of the index
    walk are that actor's answers of the SPARQL read of everything, and together they are all of it."""
    with open_store(store) as opened:
        everything = read.statements(opened)
        held = read.statements(opened, by="holder")
        assert everything == held  # without an actor, by whom is no filter
        timeline = read.timeline_answers(everything)
        speakers = sorted({a.actor_id for a in everything})
        holders = sorted({a.holder_id for a in everything if a.stance})
        assert len(speakers) > 20 and any(a.holder_id != a.actor_id for a in everything)
        walked = []
        for speaker in speakers:
            said = read.statements(opened, speaker)
            assert said == [a for a in everything if a.actor_id == speaker], speaker
            walked += said
        assert sorted(walked, key=lambda a: a.order) == everything
        for holder in holders:
            found = read.timeline_answers(read.statements(opened, holder, by="holder"))
            assert found == [t for t in timeline if t.said.holder_id == holder], holder
        assert len(timeline) > 20


def test_the_timeline_of_one_actor_is_their_rows_of_everyones(store: Path) -> None:
    everyone = json_rows("timeline", "--store", store)
    for actor in sorted({row["actor_id"] for row in everyone})[::3]:
        assert json_rows("timeline", actor, "--store", store) == [
            row for row in everyone if row["actor_id"] == actor], actor


def _row(statement: str, published: str, stance: str | None = "supports", **more: str) -> dict[str, str]:
    return {"statement": statement, "actor": "jane-doe", "actorName": "Jane Doe", "holder": "jane-doe",
            "holderName": "Jane Doe", "text": f"Words of {statement}.", "kind": "direct",
            "entryId": more.pop("entryId", "e1"), "published": published, "start": more.pop("start", "0"),
            "confidence": "0.75", "issueId": "x", "issueLabel": "Issue X",
            **({"stance": stance} if stance else {}), **more}


def test_statements_are_ordered_by_the_real_time_across_zones_and_dates() -> None:
    """10:30 in New York is after noon in London; a date without a time counts as its midnight UTC."""
    answers = read.statement_answers([
        _row("late", "2025-01-06T10:30:00-05:00"),   # 15:30 UTC
        _row("noon", "2025-01-06T12:00:00Z"),
        _row("day", "2025-01-06"),                  # 00:00 UTC
        _row("early", "2025-01-06T06:00:00+09:00"),  # the day before, 21:00 UTC
        _row("noon", "2025-01-06T12:00:00Z", entryId="e2"),  # the same statement again: once
    ])
    assert [a.statement for a in answers] == ["early", "day", "noon", "late"]
    assert answers[0].moment == datetime(2025, 1, 6, 6, tzinfo=timezone(timedelta(hours=9)))
    assert answers[1].moment == date(2025, 1, 6)
    assert answers[2].moment == datetime(2025, 1, 6, 12, tzinfo=UTC)


def test_statements_of_one_time_keep_their_entry_and_place_order() -> None:
    answers = read.statement_answers([
        _row("b-second", "2025-01-06", entryId="b", start="40"), _row("b-first", "2025-01-06", entryId="b", start="7"),
        _row("a", "2025-01-06", entryId="a", start="90"),
    ])
    assert [a.statement for a in answers] == ["a", "b-first", "b-second"]


def test_a_statement_prints_the_row_of_said() -> None:
    (answer,) = read.statement_answers([_row("s", "2025-01-06T12:00:00Z", holder="john-roe", holderName="John Roe")])
    assert answer.row() == {
        "actor": "Jane Doe", "actor_id": "jane-doe", "text": "Words of s.", "kind": "direct",
        "entry_id": "e1", "published": "2025-01-06T12:00:00+00:00", "issue": "Issue X",
        "stance": "supports", "holder": "John Roe", "holder_id": "john-roe",
    }
    assert answer.analysis_row() == {**answer.row(), "issue_id": "x", "confidence": 0.75}
    (dated,) = read.statement_answers([_row("s", "2025-01-06")])
    assert dated.row()["published"] == "2025-01-06"  # a date-only source's time is its date


def test_only_the_issue_asked_for_is_kept() -> None:
    found = [_row("x", "2025-01-06"), _row("y", "2025-01-06", issueId="y"), _row("none", "2025-01-06")]
    del found[2]["issueId"], found[2]["issueLabel"]
    assert [a.statement for a in read.statement_answers(found, "x")] == ["x"]
    (none,) = [a for a in read.statement_answers(found) if a.statement == "none"]
    assert none.issue_id is None and none.row()["issue"] is None


def test_the_timeline_marks_where_the_holders_stance_moved() -> None:
    """Statements of one time are taken together; the holder's view is what the timeline shows."""
    said = read.statement_answers([
        _row("a", "2025-01-06", "supports"), _row("none", "2025-01-06", None),
        _row("b", "2025-01-07T09:00:00+01:00", "opposes"), _row("c", "2025-01-07T08:00:00Z", "opposes"),
        _row("d", "2025-01-08", "opposes", holder="john-roe", holderName="John Roe"),
    ])
    marked = read.timeline_answers(said)
    assert [(t.said.statement, t.changed, t.previous) for t in marked] == [
        ("a", False, None), ("b", True, "supports"), ("c", False, "supports"), ("d", False, None)]
    row = marked[3].row()
    assert (row["actor_id"], row["speaker_id"], row["published"]) == ("john-roe", "jane-doe", "2025-01-08")
    assert list(row) == ["published", "actor", "actor_id", "issue", "issue_id", "stance", "changed",
                         "previous", "kind", "text", "entry_id", "speaker", "speaker_id"]


def test_the_index_walk_gives_the_actor_sparql_gives(store: Path) -> None:
    """`read.actor` (the index walk, as `standpoint show` draws an actor) gives, for every actor of
    the store, exactly the record the SPARQL read of every actor gives for it."""
    with open_store(store) as opened:
        everyone = read.actors(opened)
        assert len(everyone) > 20
        assert {a.type for a in everyone} == {"person", "organisation", "place"}
        assert any(a.roles for a in everyone) and any(a.party for a in everyone) and any(a.aliases for a in everyone)
        for actor in everyone:
            assert read.actor(opened, actor.id) == actor, actor.id
        assert read.actor(opened, "nobody-of-that-name") is None
        assert read.actor(opened, everyone[0].id.upper() + "-X") is None


def test_the_actors_command_prints_the_records_rows(store: Path) -> None:
    with open_store(store) as opened:
        everyone = read.actors(opened)
        entries = read.entries(opened)
    assert json_rows("actors", "--store", store) == [a.row() for a in everyone]
    assert json_rows("entries", "--store", store) == [e.row() for e in entries]
    assert [e.order for e in entries] == sorted(e.order for e in entries)


def _entry(entry_id: str, published: str, **more: str) -> dict[str, str]:
    return {"id": entry_id, "published": published, "title": f"Title {entry_id}", **more}


def test_entries_are_ordered_by_the_real_time_across_zones_and_dates() -> None:
    """As statements are: 10:30 in New York is after noon in London, and a date is its midnight UTC;
    entries of one time go by source, then their place in it."""
    answers = read.entry_answers([
        _entry("late", "2025-01-06T10:30:00-05:00"),
        _entry("noon", "2025-01-06T12:00:00Z"),
        _entry("day", "2025-01-06"),
        _entry("early", "2025-01-06T06:00:00+09:00"),
        _entry("b2", "2025-01-07", source="b", order="2"), _entry("b1", "2025-01-07", source="b", order="1"),
        _entry("a9", "2025-01-07", source="a", order="9"),
    ])
    assert [a.id for a in answers] == ["early", "day", "noon", "late", "a9", "b1", "b2"]
    assert answers[0].published == datetime(2025, 1, 6, 6, tzinfo=timezone(timedelta(hours=9)))
    assert answers[1].published == date(2025, 1, 6)
    assert answers[2].published == datetime(2025, 1, 6, 12, tzinfo=UTC)


def test_an_entry_prints_the_row_of_entries() -> None:
    (answer,) = read.entry_answers([
        _entry("e", "2025-01-06T12:00:00Z", author="Jane Doe", source="hansard", url="https://x/e"),
        _entry("e", "2025-01-06T12:00:00Z", author="John Roe", source="hansard", url="https://x/e"),
        _entry("e", "2025-01-06T12:00:00Z", author="Jane Doe", source="hansard", url="https://x/e"),
    ])
    assert answer.authors == ("Jane Doe", "John Roe")
    assert list(answer.row().items()) == [
        ("id", "e"), ("title", "Title e"), ("published", "2025-01-06T12:00:00+00:00"),
        ("authors", ["Jane Doe", "John Roe"]), ("speaker", None), ("source", "hansard"), ("url", "https://x/e")]
    (dated,) = read.entry_answers([{"id": "d", "published": "2025-01-06"}])
    assert dated.row() == {"id": "d", "title": None, "published": "2025-01-06", "authors": [],
                           "speaker": None, "source": None, "url": None}


def test_actors_go_by_type_then_id_and_print_the_row_of_actors() -> None:
    base = {"name": "Jane Doe", "type": "person"}
    answers = read.actor_answers([
        {"id": "oldham", "name": "Oldham", "type": "place"},
        {"id": "labour", "name": "Labour", "type": "organisation"},
        {"id": "jane-doe", **base, "roleLabel": "Home Secretary", "start": "2024-07-05"},
        {"id": "jane-doe", **base, "alias": "J. Doe", "partyName": "Labour", "externalId": "P2"},
        {"id": "jane-doe", **base, "alias": "Doe", "roleLabel": "MP"},
        {"id": "alan-a", "name": "Alan A", "type": "person", "externalIds": ["P9", "P1"]},
    ])
    assert [(a.type, a.id) for a in answers] == [
        ("person", "alan-a"), ("person", "jane-doe"), ("organisation", "labour"), ("place", "oldham")]
    assert answers[0].ids == ("P1", "P9")
    assert list(answers[1].row().items()) == [
        ("id", "jane-doe"), ("name", "Jane Doe"), ("type", "person"),
        ("roles", ["Home Secretary (2024-07-05 to now)", "MP"]), ("party", "Labour"),
        ("aliases", ["Doe", "J. Doe"]), ("ids", ["P2"])]
    assert answers[3].row() == {"id": "oldham", "name": "Oldham", "type": "place", "roles": [],
                                "party": None, "aliases": [], "ids": []}
