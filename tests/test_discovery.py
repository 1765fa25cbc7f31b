"""People the registry does not list: found where a text says who they are, merged, never duplicated."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from standpoint.loaders.discovery import Known, find_people
from standpoint.loaders.extract import Extractor
from standpoint.loaders.registry import parse_registry, read_registry
from standpoint.records import Entry

REGISTRY = """
people:
  - {id: ann-smith, name: Ann Smith, gender: female, party: greens}
organisations:
  - {id: greens, name: Green Party, aliases: [Greens], kind: party}
  - {id: reds, name: Red Party, aliases: [Reds], kind: party}
  - {id: courier, name: The Courier, aliases: [Courier], kind: media}
  - {id: transport-office, name: Transport Office, kind: government}
places:
  - {id: northtown, name: Northtown}
roles:
  - {id: transport-secretary, label: Transport Secretary}
issues:
  - {id: rail-link, label: A rail link to the airport, aliases: [rail link]}
  - {id: new-runway, label: A new runway, aliases: [new runway, third runway]}
"""
DAY = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def known() -> Known:
    return Known(parse_registry(REGISTRY, "test.yaml"))


def names(text: str) -> list[str]:
    return [found.name for found in find_people(text, known())]


@pytest.mark.parametrize(("text", "name"), [
    ("Dame Joan Hart said the plan was sound.", "Joan Hart"),
    ("Dr Omar Patel, a surgeon, disagreed.", "Omar Patel"),
    ("Lord Brook of Eden spoke next.", "Lord Brook of Eden"),
    ("Baroness Reed (Lab) asked a question.", "Baroness Reed"),
    ("Peter Quinn KC will lead the review.", "Peter Quinn"),
    ("Yesterday Tom Grey MP said no.", "Tom Grey"),
    ("Red MP for Southby, Jane Roe, says the plan is late.", "Jane Roe"),
    ("Transport Secretary Carla Byrne said the line would open.", "Carla Byrne"),
    ("political correspondent Alex Dorn writes that the vote is close.", "Alex Dorn"),
    ("The Courier's Mark Little asks whether it is enough.", "Mark Little"),
    ("As the hon. Member for Southby (Robbie Marsh) knows, it is late.", "Robbie Marsh"),
    ("My hon. Friend the Member for Southby (Ms Jo Lane) is right.", "Jo Lane"),
])
def test_people_are_found_where_the_text_introduces_them(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "The Transport Office said the plan was sound.",
    "The Child Sexual Abuse Review Panel met in May.",
    "The Planning Inspectorate's Noise Review Board says it is wrong.",
    "Heathrow Airport Limited said a new runway was needed.",
    "The Civil Aviation Authority said a third runway is essential.",
    "The Lord Chancellor said the courts are full.",
    "Labour MP Ann said no.",
    "Greater Manchester Police MP said no.",
    "The Courier's Sunday Edition says so.",
    "Northtown Council leader said so.",
    "Shadow Home Secretary said the plan was late.",
])
def test_institutions_and_titles_are_never_people(text):
    assert names(text) == []


def extract(*bodies: str, origin: str = "page.txt") -> tuple[Extractor, list]:
    extractor = Extractor(parse_registry(REGISTRY, "test.yaml"))
    entries = [Entry(f"e{n}", DAY, body, origin=origin) for n, body in enumerate(bodies)]
    extractor.prepare(entries)
    return extractor, [extractor.extract(e) for e in entries]


def test_a_discovered_person_is_one_actor_by_full_name_and_by_surname():
    extractor, results = extract(
        "Quinn said a third runway would be a mistake.",
        "Peter Quinn KC will lead the review.",
        "Mr Quinn later said a rail link was vital.",
    )
    stances = {(s.speaker_id, s.issue_id, s.stance) for r in results for s in r.statements if s.stance}
    assert stances == {("peter-quinn", "new-runway", "opposes"), ("peter-quinn", "rail-link", "supports")}
    discovered = extractor.known(results[0].entry).discovered
    assert list(discovered) == ["peter-quinn"]
    assert results[0].discovered_actors()[0].name == "Peter Quinn"


def test_a_title_gives_party_and_constituency():
    extractor, results = extract("Red MP for Southby, Jane Roe, says a rail link is vital.")
    person = extractor.known(results[0].entry).get("jane-roe")
    assert (person.party, person.discovered) == ("reds", True)
    assert extractor.known(results[0].entry).get(person.constituency).name == "Southby"
    assert {a.id for a in results[0].discovered_actors()} == {"jane-roe", "southby"}


def test_a_party_possessive_gives_the_party():
    extractor, results = extract("The Greens' Sam Hill says a new runway is a mistake.")
    assert extractor.known(results[0].entry).get("sam-hill").party == "greens"


def test_registry_people_are_never_discovered_again():
    extractor, results = extract("Green MP Ann Smith says a rail link is vital.", "Ms Ann Smith agreed.",
                                 "Smith said so again.")
    assert extractor.known(results[0].entry).discovered == {}
    assert {s.speaker_id for r in results for s in r.statements} == {"ann-smith"}


def test_a_name_that_shares_a_registry_surname_is_someone_else():
    _, results = extract("Tom Smith MP says a new runway is vital.")
    assert {s.speaker_id for s in results[0].statements} == {"tom-smith"}


def test_what_one_source_discovers_stays_in_that_source():
    extractor = Extractor(parse_registry(REGISTRY, "test.yaml"))
    first = Entry("a1", DAY, "Peter Quinn KC says a rail link is vital.", origin="a.txt")
    second = Entry("b1", DAY, "Quinn says a rail link is vital.", origin="b.txt")
    extractor.prepare([first, second])
    assert {s.speaker_id for s in extractor.extract(first).statements} == {"peter-quinn"}
    assert extractor.extract(second).statements == []  # b.txt never says who Quinn is


def test_the_seed_discovers_its_reporters_and_named_people_only():
    extractor = Extractor(read_registry())
    from standpoint.graph.rdf.build import bundled_sources
    from standpoint.loaders import read_source

    entries = read_source(bundled_sources()[0])
    extractor.prepare(entries)
    discovered = extractor.known(entries[0]).discovered
    assert sorted(a.name for a in discovered.values()) == [
        "Alex Forsyth", "Alison Holt", "Helen Catt", "Tom Crowther"]
