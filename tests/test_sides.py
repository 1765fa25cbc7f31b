"""A speech that states no stance on the motion still shows the side of the House it speaks from,
and so where it stands: with a motion moved from its side, against one moved from the other.
Every sentence here was written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import invoke, json_rows

from standpoint.loaders.sides import motion_mover, side_shown

OPPOSITION_MOTION = ("That this House notes the closure of rural bus routes; and calls on the "
                     "Government to restore the rural transport grant.")
REGISTRY = f"""
issues:
  - id: bus-routes
    label: Rural Buses motion
    description: "{OPPOSITION_MOTION}"
  - id: ferry-order
    label: Ferry Services Order
    description: "That the draft Ferry Services (Timetables) Order 2026 be approved."
  - id: fishing
    label: Fishing motion
"""


@pytest.mark.parametrize(("motion", "titles", "mover"), [
    ("That the Harbours Bill be now read a second time.", (), "government"),
    ("That the draft Ferry Services Order 2026 be approved.", (), "government"),
    ("That provision may be made for a levy on vacant shops.", (), "government"),
    (OPPOSITION_MOTION, (), "not government"),
    ("That this House regrets the withdrawal of the Bill on harbour dues.", (), "not government"),
    ("", ("Harbours Bill",), "government"),
    ("", ("Fishing motion", "Fishing"), None),
])
def test_who_moved_a_motion_is_read_from_its_words(motion: str, titles: tuple[str, ...], mover: str | None):
    assert motion_mover(motion, *titles) == mover


@pytest.mark.parametrize(("speech", "side"), [
    ("Opposition Members closed the depot when they last had the chance.", "government"),
    ("My right hon. Friend the Secretary of State has doubled the grant.", "government"),
    ("The shadow Chancellor has never costed a single promise.", "government"),
    ("Government Members should listen to their own councillors.", "opposition"),
    ("The Minister has had three years to fix the timetable.", "opposition"),
    ("I ask the right hon. Lady's Government to think again.", "opposition"),
    ("The depot in my constituency has closed.", None),
    ("My hon. Friend the Minister knows that Government Members care about this.", None),
])
def test_the_forms_of_address_show_the_side_of_the_house(speech: str, side: str | None):
    shown = side_shown(speech)
    assert (shown[0] if shown else None) == side


def test_a_friend_who_is_minister_is_not_the_other_sides_minister():
    speech = "I thank my hon. Friend the Minister and my hon. Friend the Minister for Roads."
    assert side_shown(speech) == ("government", 8, 35)


SPEECHES = [
    # on the opposition's motion
    ("b1", "Ms Ada Quill (Con)", "bus-routes",
     "Opposition Members had thirteen years to fund rural buses. They did nothing."),
    ("b2", "Mr Ned Rowe (Lab)", "bus-routes",
     "Villages in my constituency have lost their only service. Government Members know this too."),
    ("b3", "Ms Cora Vale (Con)", "bus-routes",
     "I shall vote for the motion. Opposition Members may be surprised, but the grant matters."),
    ("b4", "Mr Ira Penn (Lab)", "bus-routes", "The 42 bus used to run every hour. Now it runs twice a day."),
    ("b5", "Ms Una Fell (Green)", "bus-routes", "Electric buses would cut fares and fumes alike."),
    # on the government's order
    ("f1", "Mr Otto Hart (Con)", "ferry-order",
     "My hon. Friend the Minister has listened to the islanders, and the timetable shows it."),
    ("f2", "Ms Lena Moss (Lab)", "ferry-order",
     "The Minister has not explained why the winter sailings are cut."),
    # a motion whose mover nobody can tell
    ("x1", "Ms Ada Quill (Con)", "fishing", "Opposition Members have never understood the fleet."),
]


@pytest.fixture(scope="module")
def debate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sides")
    (folder / "registry.yaml").write_text(REGISTRY, encoding="utf-8")
    source = folder / "debates.jsonl"
    source.write_text("".join(
        json.dumps({"id": i, "published": "2026-05-12", "speaker": who, "about": about, "body": body}) + "\n"
        for i, who, about, body in SPEECHES), encoding="utf-8")
    store = folder / "store"
    result = invoke("build", source, "--registry", folder / "registry.yaml", "--store", store)
    assert result.exit_code == 0, result.output
    return store


def _positions(store: Path) -> dict[tuple[str, str], dict]:
    return {(r["actor"], r["issue_id"]): r for r in json_rows("positions", "--store", store)}


def test_a_speech_on_its_sides_footing_takes_its_sides_stance(debate: Path):
    rows = _positions(debate)
    assert {key: row["stance"] for key, row in rows.items()} == {
        ("Ada Quill", "bus-routes"): "opposes",    # government side, opposition motion
        ("Ned Rowe", "bus-routes"): "supports",    # opposition side, opposition motion
        ("Cora Vale", "bus-routes"): "supports",   # her own words win over her side
        ("Ira Penn", "bus-routes"): "supports",    # no side in his words: his party's (Ned Rowe's)
        ("Otto Hart", "ferry-order"): "supports",  # government side, government order
        ("Lena Moss", "ferry-order"): "opposes",   # opposition side, government order
    }


def test_the_evidence_is_the_sentence_that_shows_the_side_weakly_held(debate: Path):
    rows = _positions(debate)
    (evidence,) = rows[("Ned Rowe", "bus-routes")]["evidence"]
    assert evidence["text"] == "Government Members know this too."
    assert evidence["confidence"] == 0.3
    assert evidence["cue"] == "side of the House: opposition (Government Members)"
    (stated,) = [e for e in rows[("Cora Vale", "bus-routes")]["evidence"]]
    assert stated["text"] == "I shall vote for the motion." and stated["confidence"] > 0.3


def test_a_speech_that_shows_no_side_takes_its_partys_weaker_still_naming_who_showed_it(debate: Path):
    (evidence,) = _positions(debate)[("Ira Penn", "bus-routes")]["evidence"]
    assert evidence["text"] == "The 42 bus used to run every hour."
    assert evidence["confidence"] == 0.2
    assert evidence["cue"] == 'side of the House: opposition, as party colleagues show (Ned Rowe: "Government Members")'


def test_a_party_that_shows_no_side_or_a_motion_of_unknown_mover_gives_none(debate: Path):
    rows = _positions(debate)
    assert ("Una Fell", "bus-routes") not in rows
    assert ("Ada Quill", "fishing") not in rows


def test_the_side_is_named_as_the_cue_in_the_store(debate: Path):
    result = invoke("sparql", "--store", debate, "--format", "json",
                    "PREFIX sp: <https://w3id.org/standpoint/ontology#> "
                    "SELECT ?cue WHERE { ?s sp:cue ?cue . FILTER(STRSTARTS(?cue, 'side of the House')) }")
    assert result.exit_code == 0, result.output
    cues = sorted(row["cue"] for row in json.loads(result.stdout))
    assert cues == ["side of the House: government (My hon. Friend the Minister)",
                    "side of the House: government (Opposition Members)",
                    "side of the House: opposition (Government Members)",
                    "side of the House: opposition (The Minister)",
                    'side of the House: opposition, as party colleagues show (Ned Rowe: "Government Members")']
