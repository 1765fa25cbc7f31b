"""Hansard speaker strings: the person, constituency, party and office, Commons and Lords forms."""

from __future__ import annotations

from datetime import date

import pytest

from standpoint.loaders.extract import Extractor
from standpoint.loaders.hansard import parse_speaker, party_code, party_name, strip_name
from standpoint.loaders.registry import parse_registry, read_registry
from standpoint.records import Entry


@pytest.mark.parametrize(("text", "name", "constituency", "party", "office", "chair"), [
    # Commons members
    ("Mrs Kemi Badenoch (North West Essex) (Con)", "Kemi Badenoch", "North West Essex", "Con", None, False),
    ("Sir Edward Leigh (Gainsborough) (Con)", "Edward Leigh", "Gainsborough", "Con", None, False),
    ("Dr Scott Arthur (Edinburgh South West) (Lab/Co-op)", "Scott Arthur", "Edinburgh South West",
     "Lab/Co-op", None, False),
    ("Rt Hon Sir Iain Duncan Smith (Chingford and Woodford Green) (Con)", "Iain Duncan Smith",
     "Chingford and Woodford Green", "Con", None, False),
    ("Sammy Wilson (East Antrim) (DUP)", "Sammy Wilson", "East Antrim", "DUP", None, False),
    ("Yvette Cooper (Pontefract, Castleford and Knottingley) (Lab)", "Yvette Cooper",
     "Pontefract, Castleford and Knottingley", "Lab", None, False),
    ("Lady Hermon (North Down) (Ind)", "Lady Hermon", "North Down", "Ind", None, False),
    ("Ms Marie Tidball (Penistone and Stocksbridge) (Lab)", "Marie Tidball", "Penistone and Stocksbridge",
     "Lab", None, False),
    ("Jess Phillips", "Jess Phillips", None, None, None, False),
    # offices
    ("The Secretary of State for the Home Department (Yvette Cooper)", "Yvette Cooper", None, None,
     "Secretary of State for the Home Department", False),
    ("The Minister for Safeguarding and Violence Against Women and Girls (Jess Phillips)",
     "Jess Phillips", None, None, "Minister for Safeguarding and Violence Against Women and Girls", False),
    ("The Parliamentary Under-Secretary of State for the Home Department (Jess Phillips)", "Jess Phillips",
     None, None, "Parliamentary Under-Secretary of State for the Home Department", False),
    ("The Prime Minister (Keir Starmer)", "Keir Starmer", None, None, "Prime Minister", False),
    ("The Solicitor General (Ellie Reeves)", "Ellie Reeves", None, None, "Solicitor General", False),
    # the chair
    ("Mr Speaker", "", None, None, "Speaker", True),
    ("Madam Deputy Speaker (Ms Nusrat Ghani)", "Nusrat Ghani", None, None, "Deputy Speaker", True),
    ("The Chairman of Ways and Means (Judith Cummins)", "Judith Cummins", None, None,
     "Chairman of Ways and Means", True),
    ("Sir Roger Gale (in the Chair)", "Roger Gale", None, None, None, True),
    ("Several hon. Members rose—", "", None, None, None, True),
    # Lords
    ("Lord Foo (Con)", "Lord Foo", None, "Con", None, False),
    ("Baroness Bar (LD)", "Baroness Bar", None, "LD", None, False),
    ("Viscount Younger of Leckie (Con)", "Viscount Younger of Leckie", None, "Con", None, False),
    ("Viscount Y (CB)", "Viscount Y", None, "CB", None, False),
    ("The Lord Bishop of St Albans", "Bishop of St Albans", None, None, None, False),
    ("The Earl of Effingham (Con)", "Earl of Effingham", None, "Con", None, False),
    ("Baroness Casey of Blackstock (CB)", "Baroness Casey of Blackstock", None, "CB", None, False),
    ("The Parliamentary Under-Secretary of State, Home Office (Lord Hanson of Flint) (Lab)",
     "Lord Hanson of Flint", None, "Lab", "Parliamentary Under-Secretary of State, Home Office", False),
    ("The Lord Speaker (Lord McFall of Alcluith)", "Lord McFall of Alcluith", None, None, "Lord Speaker", True),
    ("The Deputy Speaker (Lord Foo) (Con)", "Lord Foo", None, "Con", "Deputy Speaker", True),
])
def test_speaker_strings(text, name, constituency, party, office, chair):
    speaker = parse_speaker(text)
    assert (speaker.name, speaker.constituency, speaker.party, speaker.office, speaker.chair) == (
        name, constituency, party, office, chair)


@pytest.mark.parametrize(("text", "gender"), [
    ("Mrs Kemi Badenoch (North West Essex) (Con)", "female"), ("Sir Edward Leigh (Gainsborough) (Con)", "male"),
    ("Baroness Bar (LD)", "female"), ("Lord Foo (Con)", "male"), ("Dr Scott Arthur (Edinburgh South West) (Lab)", None),
])
def test_honorifics_and_titles_give_gender(text, gender):
    assert parse_speaker(text).gender == gender


@pytest.mark.parametrize(("code", "name"), [
    ("Con", "Conservative Party"), ("Lab", "Labour Party"), ("Lab/Co-op", "Labour Party"),
    ("LD", "Liberal Democrats"), ("SNP", "Scottish National Party"), ("DUP", "Democratic Unionist Party"),
    ("Reform", "Reform UK"), ("Green", "Green Party"), ("PC", "Plaid Cymru"),
    ("SDLP", "Social Democratic and Labour Party"), ("Alliance", "Alliance Party of Northern Ireland"),
    ("UUP", "Ulster Unionist Party"), ("TUV", "Traditional Unionist Voice"), ("SF", "Sinn Féin"),
    ("CB", "Crossbench"), ("Ind", None), ("Non-afl", None), ("Bp", None), ("Ind Con", None),
])
def test_party_codes_of_both_houses(code, name):
    assert party_code(code) == code
    assert party_name(code) == name


def test_a_bracket_that_is_no_party_code_is_not_a_party():
    assert party_code("North West Essex") is None
    assert parse_speaker("Jane Roe (Somewhere)").constituency == "Somewhere"


@pytest.mark.parametrize(("text", "bare"), [
    ("The Rt Hon Sir Keir Starmer KC MP", "Keir Starmer"), ("Dame Louise Casey", "Louise Casey"),
    ("Professor Alexis Jay", "Alexis Jay"), ("Mr Tom Crowther KC", "Tom Crowther"),
    ("Baroness Casey of Blackstock", "Baroness Casey of Blackstock"),
])
def test_names_lose_honorifics_and_post_nominals_but_peers_keep_their_title(text, bare):
    assert strip_name(text)[0] == bare


# -- transcript speakers become actors --------------------------------------------------------

def speaker_of(text: str, extractor: Extractor, day: date = date(2025, 1, 6), origin: str = "debate.jsonl"):
    entry = Entry(id=f"e{len(extractor.known(Entry('x', day, '', origin=origin)).discovered)}-{text[:5]}",
                  published=day, body="Thank you.", speaker=text, origin=origin)
    return extractor.extract(entry)


def test_every_form_of_a_registry_person_is_that_person():
    extractor = Extractor(read_registry())
    for text in ("Mrs Kemi Badenoch (North West Essex) (Con)", "Kemi Badenoch", "Badenoch",
                 "Kemi Badenoch (North West Essex) (Con)"):
        assert speaker_of(text, extractor).speaker.id == "kemi-badenoch"
    assert not extractor.known(Entry("x", date(2025, 1, 6), "", origin="debate.jsonl")).discovered


def test_a_new_speaker_is_one_discovered_actor_with_party_constituency_and_gender():
    extractor = Extractor(read_registry())
    first = speaker_of("Sammy Wilson (East Antrim) (DUP)", extractor).speaker
    again = speaker_of("Mr Sammy Wilson", extractor).speaker
    assert first is again
    assert (first.id, first.name, first.discovered, first.gender) == ("sammy-wilson", "Sammy Wilson", True, "male")
    known = extractor.known(Entry("x", date(2025, 1, 6), "", origin="debate.jsonl"))
    party = known.get(first.party)
    assert (party.name, party.kind, party.discovered, party.aliases) == (
        "Democratic Unionist Party", "party", True, ("DUP",))
    assert known.get(first.constituency).name == "East Antrim"
    lab = speaker_of("Paul Waugh (Rochdale) (Lab/Co-op)", extractor).speaker
    assert (lab.party, lab.constituency) == ("labour", "rochdale")  # the registry's party and place


def test_an_office_is_the_registry_role_it_names():
    extractor = Extractor(read_registry())
    result = speaker_of("The Secretary of State for the Home Department (Yvette Cooper)", extractor)
    assert (result.speaker.id, result.office) == ("yvette-cooper", "home-secretary")
    result = speaker_of("The Parliamentary Under-Secretary of State for the Home Department (Jess Phillips)",
                        extractor, date(2025, 4, 8))
    assert (result.speaker.id, result.office) == ("jess-phillips", "safeguarding-minister")


def test_a_discovered_office_holder_is_whom_the_role_means_that_day():
    registry = parse_registry("""
roles:
  - {id: transport-secretary, label: Transport Secretary, aliases: [Secretary of State for Transport]}
issues:
  - {id: rail-link, label: A rail link, aliases: [rail link]}
""", "test.yaml")
    extractor = Extractor(registry)
    day = date(2026, 3, 2)
    minister = speaker_of("The Secretary of State for Transport (Ms Ann Smith)", extractor, day).speaker
    assert (minister.id, minister.discovered, minister.gender) == ("ann-smith", True, "female")
    entry = Entry("e2", day, "The Transport Secretary says a rail link is vital.", origin="debate.jsonl")
    statements = extractor.extract(entry).statements
    assert {(s.speaker_id, s.issue_id, s.stance) for s in statements} == {("ann-smith", "rail-link", "supports")}


def test_the_chair_is_an_actor_who_takes_no_positions():
    extractor = Extractor(read_registry())
    result = speaker_of("Madam Deputy Speaker (Ms Nusrat Ghani)", extractor)
    assert result.chair and result.statements == []
    assert (result.speaker.name, result.speaker.gender) == ("Nusrat Ghani", "female")
    nobody = speaker_of("Mr Speaker", extractor)
    assert nobody.chair and nobody.speaker is None and nobody.statements == []
