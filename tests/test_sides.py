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
    ("That this House disagrees with the Lords in their amendment 7.", (), "government"),
    (("That an humble Address be presented to His Majesty, praying that the Harbour Dues "
      "Regulations 2026 be annulled."), (), "not government"),
    ("That the Ferry Fares Regulations 2026 be revoked.", (), "not government"),
    ("That leave be given to bring in a Bill to cap ferry fares.", ("Ferry Fares Bill",), None),
    ("That this House takes note of European Union Document No. 5123/26 on fisheries.", (), "government"),
    ("That this House authorises the Secretary of State to pay a grant to the harbour trust.", (),
     "government"),
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
    ("I call on the Government to think again about the depot.", "opposition"),
    ("The Government must reopen the depot.", "opposition"),
    ("My hon. Friend the shadow Minister set out our case.", "opposition"),
    ("The previous Government closed the depot.", "government"),
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
        ("Una Fell", "bus-routes"): "supports",    # her party shows no side, but the debate does:
    }                                              # the Conservatives govern, so Greens oppose them


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
    assert evidence["cue"] == 'side of the House: opposition, as the debate shows (Ned Rowe: "Government Members")'


def test_a_party_that_shows_no_side_sits_opposite_the_party_that_governs(debate: Path):
    (evidence,) = _positions(debate)[("Una Fell", "bus-routes")]["evidence"]
    assert evidence["confidence"] == 0.2
    assert evidence["cue"] == ('side of the House: opposition, as the debate shows '
                               '(the government side is the party of Ada Quill: "Opposition Members")')


def test_a_motion_of_unknown_mover_gives_no_side(debate: Path):
    assert ("Ada Quill", "fishing") not in _positions(debate)


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
                    'side of the House: opposition, as the debate shows (Ned Rowe: "Government Members")',
                    ('side of the House: opposition, as the debate shows '
                     '(the government side is the party of Ada Quill: "Opposition Members")')]


def _debate(tmp_path: Path, motion: str, speeches: list[tuple[str, str]]) -> dict[str, dict]:
    """Build one debate on `motion` (speaker, body each) and read each speaker's position."""
    (tmp_path / "registry.yaml").write_text(
        f'issues:\n  - id: depots\n    label: Depots motion\n    description: "{motion}"\n', encoding="utf-8")
    source = tmp_path / "debate.jsonl"
    source.write_text("".join(
        json.dumps({"id": f"s{n}", "published": "2026-06-02", "speaker": who, "about": "depots", "body": body}) + "\n"
        for n, (who, body) in enumerate(speeches)), encoding="utf-8")
    store = tmp_path / "store"
    result = invoke("build", source, "--registry", tmp_path / "registry.yaml", "--store", store)
    assert result.exit_code == 0, result.output
    return {r["actor"]: r for r in json_rows("positions", "--store", store)}


def test_the_party_that_governs_is_read_from_the_whole_debate(tmp_path: Path):
    """One "the Minister" is weak evidence; a colleague's "Opposition Members" outweighs it, so
    a Conservative member who questions the Minister still speaks from the government side."""
    rows = _debate(tmp_path, "That this House regrets the closure of rail depots.", [
        ("Ms Ana Birch (Con)", "Opposition Members closed more depots than anyone."),
        ("Mr Cal Drew (Con)", "Will the Minister visit the depot at Marsh End?"),
        ("Ms Dee Frost (Lab)", "Government Members should come to Marsh End and see."),
        ("Mr Eli Gage (Lab)", "Forty jobs went in a week."),
        ("Ms Fay Holt (Green)", "Freight needs those depots."),
    ])
    assert {actor: row["stance"] for actor, row in rows.items()} == {
        "Ana Birch": "opposes", "Cal Drew": "opposes",  # the government side, on the opposition's motion
        "Dee Frost": "supports", "Eli Gage": "supports", "Fay Holt": "supports",  # opposition side
    }
    (evidence,) = rows["Cal Drew"]["evidence"]
    assert evidence["confidence"] == 0.2
    assert evidence["cue"] == 'side of the House: government, as the debate shows (Ana Birch: "Opposition Members")'


def test_a_party_named_as_a_past_government_is_not_the_government(tmp_path: Path):
    """Labour has more speeches and shows no side, which would make it the likelier
    government; but one of its members speaks of "the last Labour Government"."""
    rows = _debate(tmp_path, "That the Rail Depots (Closure) Order 2026 be approved.", [
        ("Ms Ana Birch (Lab)", "The last Labour Government kept every depot open."),
        ("Mr Cal Drew (Lab)", "Marsh End needs its depot."),
        ("Ms Dee Frost (Con)", "The Minister will know the figures."),
    ])
    assert {actor: row["stance"] for actor, row in rows.items()} == {
        "Ana Birch": "opposes", "Cal Drew": "opposes",  # opposition, on the government's order
        "Dee Frost": "supports",
    }


def test_when_only_one_party_speaks_its_own_words_say_its_side(tmp_path: Path):
    """Nobody from the government spoke: the one party that did shows the opposition side, so
    it is in opposition, and supports its own motion, rather than being taken for the government
    for want of another party to compare."""
    rows = _debate(tmp_path, "That this House calls on the Government to keep the Marsh End depot open.", [
        ("Ms Dee Frost (Lab)", "The Secretary of State has not visited Marsh End once."),
        ("Mr Eli Gage (Lab)", "Forty jobs went in a week."),
    ])
    assert {actor: row["stance"] for actor, row in rows.items()} == {"Dee Frost": "supports", "Eli Gage": "supports"}


def test_a_debate_titled_for_a_motion_debates_it(tmp_path: Path):
    """No `about` field: the debate's title "Rail Depots" names the Rail Depots motion."""
    (tmp_path / "registry.yaml").write_text(
        'issues:\n  - id: depots\n    label: Rail Depots motion\n'
        '    description: "That this House regrets the closure of rail depots."\n', encoding="utf-8")
    source = tmp_path / "debate.jsonl"
    source.write_text(json.dumps({"id": "s1", "published": "2026-06-02", "title": "Rail Depots",
                                  "speaker": "Mr Eli Gage (Lab)",
                                  "body": "Government Members never visit Marsh End."}) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    assert invoke("build", source, "--registry", tmp_path / "registry.yaml", "--store", store).exit_code == 0
    assert [(r["actor"], r["issue_id"], r["stance"]) for r in json_rows("positions", "--store", store)] == [
        ("Eli Gage", "depots", "supports")]
