"""ParlaMint's own ids and offices kept in the graph, through the real CLI: a small corpus written
here (Zedland, "ParlaMint-ZZ": a listPerson, a listOrg and two days), and a day resolved through
its -meta.tsv only. A person's id and their party's are kept (sp:externalId); the same id is one
actor, two ids with one name are two, the registry's person stays the registry's; affiliations
become role holdings with their dates; the store validates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import error_line, invoke, quads
from conftest import json_rows as rows

ROOT = Path(__file__).resolve().parents[1]
TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'

LIST_ORG = f"""<?xml version="1.0" encoding="UTF-8"?>
<listOrg {TEI}>
  <org xml:id="PARL" role="parliament"><orgName xml:lang="zz" full="yes">Zedlandes Sapulce</orgName>
    <orgName xml:lang="en" full="yes">Assembly of Zedland</orgName></org>
  <org xml:id="GOV" role="government"><orgName full="yes">Cabinet of Zedland</orgName></org>
  <org xml:id="party.RED" role="politicalParty"><orgName full="yes">Red Party</orgName>
    <orgName full="abb">RED</orgName></org>
  <org xml:id="party.BLUE" role="politicalParty"><orgName full="yes">Blue Party</orgName>
    <orgName full="abb">BLUE</orgName></org>
</listOrg>
"""

LIST_PERSON = f"""<?xml version="1.0" encoding="UTF-8"?>
<listPerson {TEI}>
  <person xml:id="LeeAnna1"><persName><surname>Lee</surname><forename>Anna</forename></persName>
    <affiliation role="member" ref="#PARL" from="2019-01-01"/>
    <affiliation role="member" ref="#party.RED" from="2019-01-01"/>
    <affiliation role="minister" ref="#GOV" from="2020-03-01" to="2021-06-30"/>
    <affiliation role="head" ref="#party.RED" from="2022-01"/>
  </person>
  <person xml:id="LeeAnna2"><persName><surname>Lee</surname><forename>Anna</forename></persName>
    <affiliation role="member" ref="#PARL" from="2019-01-01" to="2022-12-31"/>
    <affiliation role="member" ref="#party.BLUE" from="2019-01-01"/>
  </person>
  <person xml:id="CooperYvette"><persName><surname>Cooper</surname><forename>Yvette</forename>
    </persName>
    <affiliation role="member" ref="#party.RED" from="2019-01-01"/>
  </person>
</listPerson>
"""


def sitting(name: str, when: str, speeches: list[tuple[str, str]]) -> str:
    """A ParlaMint day: one debate section on the Health Bill, one utterance per (who, text)."""
    utterances = "\n".join(f'<u xml:id="{name}.u{n}" who="#{who}" ana="#regular"><seg>{words}</seg></u>'
                           for n, (who, words) in enumerate(speeches, 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xml:id="{name}" {TEI}>\n<teiHeader>'
            '<fileDesc><titleStmt><title type="sub">Sitting of the Assembly</title></titleStmt>'
            f'</fileDesc><profileDesc><settingDesc><setting><date when="{when}"/></setting>'
            '</settingDesc></profileDesc></teiHeader>\n<text><body><div type="debateSection">'
            f'<head>Health Bill</head>\n{utterances}\n</div></body></text></TEI>\n')


def zedland(folder: Path) -> Path:
    """The Zedland corpus: its person and organisation lists, and two days, 2021 and 2023."""
    corpus = folder / "ParlaMint-ZZ"
    for year in ("2021", "2023"):
        (corpus / year).mkdir(parents=True)
    (corpus / "ParlaMint-ZZ-listOrg.xml").write_text(LIST_ORG, encoding="utf-8")
    (corpus / "ParlaMint-ZZ-listPerson.xml").write_text(LIST_PERSON, encoding="utf-8")
    day = "ParlaMint-ZZ_2021-02-11"
    (corpus / "2021" / f"{day}.xml").write_text(sitting(day, "2021-02-11", [
        ("LeeAnna1", "The Government supports the Health Bill."),
        ("LeeAnna2", "We oppose the Health Bill."),
        ("CooperYvette", "I support the Health Bill."),
        ("LeeAnna1", "I thank the Member."),
    ]), encoding="utf-8")
    day = "ParlaMint-ZZ_2023-05-04"
    (corpus / "2023" / f"{day}.xml").write_text(sitting(day, "2023-05-04", [
        ("LeeAnna1", "My party still supports the Health Bill."),
    ]), encoding="utf-8")
    return corpus


META_COLUMNS = ("Text_ID", "ID", "Speaker_party", "Speaker_party_name", "Speaker_ID", "Speaker_name")


def meta_day(folder: Path) -> Path:
    """A day with no listPerson, its speakers in its -meta.tsv: one id written two ways, and a
    second id with the first one's name."""
    day = "ParlaMint-YY_2022-03-01"
    path = folder / "ParlaMint-YY" / f"{day}.xml"
    path.parent.mkdir(parents=True)
    path.write_text(sitting(day, "2022-03-01", [
        ("AnnaLee", "I support the Health Bill."),
        ("AnnaLee", "I still support the Health Bill."),
        ("AnnaLee2", "I oppose the Health Bill."),
    ]), encoding="utf-8")
    lines = ["\t".join(META_COLUMNS)] + ["\t".join((day, f"{day}.u{n}", party, party_name, who, name))
                                         for n, (party, party_name, who, name) in enumerate([
        ("RED", "Red Party", "AnnaLee", "Lee, Anna Maria"),
        ("RED", "Red Party", "AnnaLee", "Lee-Smith, Anna"),
        ("-", "-", "AnnaLee2", "Lee, Anna"),
    ], 1)]
    path.with_name(f"{day}-meta.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("zedland")
    path = folder / "store"
    result = invoke("build", zedland(folder), meta_day(folder), "--store", path)
    assert result.exit_code == 0, result.output
    return path


def by_id(store: Path) -> dict[str, dict]:
    return {a["id"]: a for a in rows("actors", "--store", store)}


def speakers(store: Path) -> dict[str, str]:
    """Each entry's speaker (an actor id)."""
    found = rows("sparql", "SELECT ?entry ?actor WHERE { ?e sp:speaker ?a . ?e dcterms:identifier "
                 "?entry . ?a dcterms:identifier ?actor }", "--store", store)
    return {row["entry"]: row["actor"] for row in found}


def test_a_speaker_keeps_their_parlamint_id_and_their_party_its_own(store: Path) -> None:
    actors = by_id(store)
    assert actors["anna-lee-leeanna1"]["ids"] == ["ParlaMint-ZZ#LeeAnna1"]
    assert actors["anna-lee-leeanna1"]["aliases"] == []  # an id is no name
    red = next(a for a in actors.values() if a["name"] == "Red Party")
    assert red["ids"] == ["ParlaMint-ZZ#party.RED"]
    assert next(a for a in actors.values() if a["name"] == "Blue Party")["ids"] == [
        "ParlaMint-ZZ#party.BLUE"]


def test_two_ids_with_one_name_are_two_people_and_one_id_is_one_across_files(store: Path) -> None:
    actors = by_id(store)
    lees = {a["id"]: a for a in actors.values() if a["name"] == "Anna Lee" and "ParlaMint-ZZ#" in str(a["ids"])}
    assert set(lees) == {"anna-lee-leeanna1", "anna-lee-leeanna2"}
    assert lees["anna-lee-leeanna1"]["party"] == "Red Party"
    assert lees["anna-lee-leeanna2"]["party"] == "Blue Party"
    said_by = speakers(store)
    assert said_by["ParlaMint-ZZ_2021-02-11.u1"] == said_by["ParlaMint-ZZ_2021-02-11.u4"] \
        == said_by["ParlaMint-ZZ_2023-05-04.u1"] == "anna-lee-leeanna1"
    assert said_by["ParlaMint-ZZ_2021-02-11.u2"] == "anna-lee-leeanna2"


def test_the_registry_person_of_the_name_is_the_speaker_and_gets_the_id(store: Path) -> None:
    cooper = by_id(store)["yvette-cooper"]
    assert cooper["ids"] == ["ParlaMint-ZZ#CooperYvette"]
    assert speakers(store)["ParlaMint-ZZ_2021-02-11.u3"] == "yvette-cooper"
    assert any(r.startswith("Home Secretary") for r in cooper["roles"])  # the registry's roles stay


def test_affiliations_become_roles_with_their_dates(store: Path) -> None:
    actors = by_id(store)
    assert actors["anna-lee-leeanna1"]["roles"] == [
        "Head (Red Party) (2022-01-01 to now)",  # a month is taken whole
        "Member (Assembly of Zedland) (2019-01-01 to now)",  # the English orgName
        "Minister (Cabinet of Zedland) (2020-03-01 to 2021-06-30)",
    ]
    assert actors["anna-lee-leeanna2"]["roles"] == ["Member (Assembly of Zedland) (2019-01-01 to 2022-12-31)"]


def test_a_role_names_whoever_held_it_on_the_day(store: Path) -> None:
    said = rows("said", "Minister (Cabinet of Zedland)", "--on", "2021-02-11", "--store", store)
    assert said and {s["actor_id"] for s in said} == {"anna-lee-leeanna1"}
    result = invoke("said", "Minister (Cabinet of Zedland)", "--on", "2023-05-04", "--store", store)
    assert result.exit_code == 1
    assert "Minister (Cabinet of Zedland)" in result.stderr


def test_without_a_list_person_the_meta_ids_still_tell_people_apart(store: Path) -> None:
    said_by = speakers(store)
    first, again, other = (said_by[f"ParlaMint-YY_2022-03-01.u{n}"] for n in (1, 2, 3))
    assert first == again == "anna-lee-annalee"  # one id, its name written two ways
    assert other == "anna-lee-annalee2"
    actors = by_id(store)
    assert actors[first]["aliases"] == ["Anna Lee-Smith"]
    assert actors[first]["ids"] == ["ParlaMint-YY#AnnaLee"]
    assert actors[other]["ids"] == ["ParlaMint-YY#AnnaLee2"]


def test_the_store_validates(store: Path) -> None:
    result = invoke("validate", "--store", store)
    assert result.exit_code == 0, result.output


def test_building_again_changes_nothing(store: Path, tmp_path: Path) -> None:
    before = rows("actors", "--store", store)
    result = invoke("build", zedland(tmp_path), "--store", store)
    assert result.exit_code == 0, result.output
    assert "0 added, 0 updated, 5 unchanged" in result.output
    assert rows("actors", "--store", store) == before


def test_the_actors_table_shows_ids_only_when_some_actor_has_them(store: Path, seed_store: Path) -> None:
    assert invoke("actors", "--store", store).stdout.splitlines()[0].split()[-1] == "IDS"
    assert "IDS" not in invoke("actors", "--store", seed_store).stdout.splitlines()[0].split()


def test_a_build_with_another_registry_keeps_the_ids_and_offices(store: Path, tmp_path: Path) -> None:
    """Another registry extracts every entry again from what the store keeps of its input, the
    speaker's ids and offices included (the sources are not given again)."""
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    registry = tmp_path / "registry.yaml"
    registry.write_text((ROOT / "seeds" / "registry.yaml").read_text(encoding="utf-8")
                        + "  - {id: health-bill, label: Health Bill}\n", encoding="utf-8")
    result = invoke("build", "--registry", registry, "--store", copy)
    assert result.exit_code == 0, result.output
    before, after = by_id(store), by_id(copy)
    for actor_id in ("anna-lee-leeanna1", "anna-lee-leeanna2", "anna-lee-annalee", "yvette-cooper"):
        assert (after[actor_id]["ids"], after[actor_id]["roles"]) == (
            before[actor_id]["ids"], before[actor_id]["roles"])


def test_an_utterance_of_two_speakers_is_refused_with_one_line(tmp_path: Path, store_copy: Path) -> None:
    path = tmp_path / "ParlaMint-ZZ_2021-02-12.xml"
    path.write_text(sitting("ParlaMint-ZZ_2021-02-12", "2021-02-12", [("LeeAnna1 #LeeAnna2", "Yes.")]),
                    encoding="utf-8")
    before = quads(store_copy)
    line = error_line(invoke("build", path, "--store", store_copy))
    assert line.endswith('ParlaMint-ZZ_2021-02-12.xml line 5: <u xml:id="ParlaMint-ZZ_2021-02-12.u1" '
                         'who="#LeeAnna1 #LeeAnna2">: expected who="#PersonId"'), line
    assert quads(store_copy) == before


def test_merging_two_actors_gives_the_one_left_both_ids(store: Path, tmp_path: Path) -> None:
    """Two days' -meta.tsv may write one person two ways: an analyst's merge joins them, ids too."""
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    result = invoke("correct", "merge", "--actor", "anna-lee-annalee2", "--into", "anna-lee-annalee",
                    "--by", "analyst", "--store", copy)
    assert result.exit_code == 0, result.output
    actors = by_id(copy)
    assert "anna-lee-annalee2" not in actors
    assert actors["anna-lee-annalee"]["ids"] == ["ParlaMint-YY#AnnaLee", "ParlaMint-YY#AnnaLee2"]
    assert invoke("validate", "--store", copy).exit_code == 0
