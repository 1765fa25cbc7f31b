"""The language pipeline's parts, each on a Doc made from one sentence, and messy text end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import error_line, invoke

from standpoint.loaders import nlp
from standpoint.loaders.polarity import compose
from standpoint.loaders.speech import name_tokens, sources


def doc(text: str):
    return nlp.pipeline()(text)


def stance_on(text: str, issue: str) -> list[tuple[str | None, str | None]]:
    """(stance, holder text) of each stance composed on the issue's words in the sentence."""
    parsed = doc(text)
    start = text.index(issue)
    return [(c.stance, c.holder.text if c.holder is not None else None)
            for c in compose(parsed[:], start, start + len(issue))]


@pytest.mark.parametrize(("text", "expected"), [
    ("The mayor refused demands for a congestion charge.", [("opposes", "mayor")]),
    ("Ms Reed applauded the move to abandon the congestion charge.", [("opposes", "Reed")]),
    ("Mr Dunn condemned the plan to axe the congestion charge.", [("supports", "Dunn")]),
    ("Ms Patel blamed ministers for stalling the congestion charge.", [("supports", "Patel")]),
    ("He said the congestion charge would be unaffordable.", [("opposes", "He")]),
    ("The congestion charge is a disgrace.", [("opposes", None)]),
    ("We will never back the congestion charge.", [("opposes", None)]),
    # what the issue does counts with the worth of what it is done to
    ("The congestion charge would create a rigged market.", [("opposes", None)]),
    ("The congestion charge will cut waste.", [("supports", None)]),
    ("The congestion charge will cut bus routes.", [("opposes", None)]),
    ("The congestion charge would end an injustice.", [("supports", None)]),
    ("The congestion charge risks further harm to trade.", [("opposes", None)]),
    # an extraposed "it" carries the judgement of the clause it stands for
    ("It would be foolish to scrap the congestion charge.", [("supports", None)]),
    ("It would be unwise to back the congestion charge.", [("opposes", None)]),
    # a subject that denies the predicate
    ("None of us could vote for the congestion charge.", [("opposes", None)]),
    ("No councillor will defend the congestion charge.", [("opposes", None)]),
    ("The mayor declined to back the congestion charge.", [("opposes", "mayor")]),
])
def test_stance_is_composed_along_the_path_to_the_issue(text, expected):
    assert stance_on(text, "congestion charge") == expected


def test_an_indirect_question_takes_no_stance():
    assert stance_on("She asked whether ministers would back the congestion charge.",
                     "congestion charge") == [(None, None)]


def test_a_possessor_of_a_call_holds_a_view_of_their_own():
    found = stance_on("Lee said the minister had accepted our call for a congestion charge.",
                      "congestion charge")
    assert found == [("supports", None), ("supports", "minister")]


@pytest.mark.parametrize(("text", "source"), [
    ('"We will not back down," said Jane Doe, the party\'s chairwoman.', "Doe"),
    ('"It is over," Tom Reed told reporters.', "Reed"),
    ("According to Ann Wu, the talks have failed.", "Wu"),
    ("Ann Wu stood up and said the talks had failed.", "Wu"),
])
def test_the_source_is_the_subject_of_the_cue_wherever_it_stands(text, source):
    parsed = doc(text)
    found = sources(parsed[:], [])
    assert found and found[0].source.text == source


def test_a_cue_inside_quote_marks_is_the_quoted_words():
    text = '"Ann Wu said it would fail," Tom Reed told reporters.'
    parsed = doc(text)
    inside = [(1, text.index(',"'))]
    assert [s.source.text for s in sources(parsed[:], inside)] == ["Reed"]


def test_an_apposition_names_the_source():
    parsed = doc("The party's chairwoman, Jane Doe, said it was over.")
    source = sources(parsed[:], [])[0].source
    assert "Doe" in {t.text for t in name_tokens(source)}


def test_a_long_paragraph_is_parsed_in_pieces():
    body = "word " * 10_000 + "end."
    pieces = list(nlp.pieces(body))
    assert len(pieces) > 1 and all(b - a <= nlp.MAX_PIECE for a, b in pieces)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(body.rstrip("\n"))


MESSY = [
    "| Name | Party | Votes |\n|---|---|---|\n| Jane Doe | Reds | 1,234 |\n| Tom Reed | Blues | 999 |",
    "• one\n• two\n- three\n* four\n1) five\n(a) six",
    "THE MINISTER SAID THE CONGESTION CHARGE WOULD BE A DISASTER. JANE DOE SAID SHE BACKS IT.",
    ("Jane Doe said " + "and the charge " * 2_000 + "would be a disaster"),
    " ".join(["Tom Reed said the charge was a disgrace"] * 1_500),
    "\"\"\"''' “ ” ‘ ’ — – … ??? !!! ;;; :::",
    "😀 🚀 Jane Doe 😡 said 🤷 the charge 💸 was 👎",
    "ونفى الوزير ذلك، said Jane Doe.",
]


def test_text_spacy_cannot_parse_well_still_builds_cleanly(tmp_path: Path):
    source = tmp_path / "messy.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n, body in enumerate(MESSY):
            out.write(json.dumps({"id": f"m{n}", "published": "2026-03-02", "body": body}) + "\n")
    store = tmp_path / "store"
    result = invoke("build", source, "--store", store)
    assert result.exit_code == 0, result.output
    assert invoke("validate", "--store", store).exit_code == 0
    said = json.loads(invoke("said", "--store", store, "--format", "json").stdout)
    assert {r["entry_id"] for r in said} <= {f"m{n}" for n in range(len(MESSY))}


def test_an_about_id_that_names_no_issue_is_a_clear_error(tmp_path: Path):
    source = tmp_path / "debate.jsonl"
    source.write_text(json.dumps({"id": "d1", "published": "2026-03-02", "body": "I support it.",
                                  "speaker": "Ms Jane Doe (Reds)", "about": "moon-base"}) + "\n")
    result = invoke("build", source, "--store", tmp_path / "store")
    assert result.exit_code == 1
    assert error_line(result) == (
        f'standpoint: error: {source} line 1: "about" is "moon-base", which names no issue of the '
        "registry; give an issue id, label or alias, or the words that name what is debated")
    assert not (tmp_path / "store").exists() or not any((tmp_path / "store").iterdir())


def test_an_about_in_words_the_registry_lacks_is_found_in_the_text(tmp_path: Path):
    source = tmp_path / "debate.jsonl"
    lines = [{"id": "d1", "published": "2026-03-02", "speaker": "Ms Jane Doe (Reds)", "about": "a moon base",
              "body": "I support it, and I will vote for the motion."},
             {"id": "d2", "published": "2026-03-02", "speaker": "Mr Tom Hale (Blues)",
              "title": "Moon Base (Funding) Bill", "body": "This Bill is a waste of money and I shall oppose it."}]
    source.write_text("".join(json.dumps(line) + "\n" for line in lines))
    store = tmp_path / "store"
    assert invoke("build", source, "--store", store).exit_code == 0
    rows = json.loads(invoke("positions", "--store", store, "--format", "json").stdout)
    assert {(r["actor"], r["issue"], r["issue_source"], r["stance"]) for r in rows} == {
        ("Jane Doe", "moon base", "found", "supports"),
        ("Tom Hale", "Moon Base (Funding) Bill", "found", "opposes")}
    assert invoke("validate", "--store", store).exit_code == 0


def test_another_spacy_pipeline_must_be_installed(tmp_path: Path):
    result = invoke("build", "--spacy-model", "xx_no_such_pipeline", "--store", tmp_path / "store")
    assert result.exit_code == 1
    assert 'the spaCy pipeline "xx_no_such_pipeline" is not installed' in error_line(result)
    assert nlp.model_name() == nlp.DEFAULT_MODEL  # a refused pipeline changes nothing


MOTION_REGISTRY = """
issues:
  - {id: rail-fares-motion, label: Rail fares motion}
"""


@pytest.mark.parametrize(("body", "stance"), [
    ("I commend the motion to the House.", "supports"),
    ("I shall vote against this motion tonight.", "opposes"),
    ("I urge the House to reject the motion.", "opposes"),
    ("I will support the Government's amendment.", "opposes"),
])
def test_a_speech_takes_a_stance_on_the_motion_it_debates(tmp_path: Path, body: str, stance: str):
    assert speech_positions(tmp_path, MOTION_REGISTRY, "rail-fares-motion", body) == [
        ("Jane Doe", "rail-fares-motion", stance)]


def speech_positions(tmp_path: Path, registry_text: str, about: str, body: str) -> list[tuple[str, str, str]]:
    """(actor, issue id, stance) of the positions one speech by Jane Doe on `about` gives."""
    registry = tmp_path / "registry.yaml"
    registry.write_text(registry_text)
    source = tmp_path / "debate.jsonl"
    source.write_text(json.dumps({"id": "d1", "published": "2026-03-02", "body": body,
                                  "speaker": "Ms Jane Doe (Reds)", "about": about}) + "\n")
    store = tmp_path / "store"
    assert invoke("build", source, "--registry", registry, "--store", store).exit_code == 0
    rows = json.loads(invoke("positions", "--store", store, "--format", "json").stdout)
    return [(r["actor"], r["issue_id"], r["stance"]) for r in rows]


PRAYER_REGISTRY = """
issues:
  - id: fares-order-prayer
    label: Rail Fares Order motion
    aliases: [Rail Fares Order]
    description: That the Rail Fares Order 2026 (S.I., 2026, No. 12) be annulled.
"""


@pytest.mark.parametrize(("body", "stance"), [
    ("I cannot support the Order: it will price commuters off the trains.", "supports"),
    ("The Rail Fares Order is a sensible measure and I back it.", "opposes"),
    ("I support the motion.", "supports"),
])
def test_on_a_motion_to_annul_a_stance_on_the_thing_is_the_opposite_on_the_motion(
        tmp_path: Path, body: str, stance: str):
    assert speech_positions(tmp_path, PRAYER_REGISTRY, "fares-order-prayer", body) == [
        ("Jane Doe", "fares-order-prayer", stance)]


def test_an_anaphor_for_what_a_motion_would_annul_keeps_its_side(tmp_path: Path):
    body = "I will not support the Rail Fares Order. Indeed we shall oppose the Order because it is unfair."
    assert speech_positions(tmp_path, PRAYER_REGISTRY, "fares-order-prayer", body) == [
        ("Jane Doe", "fares-order-prayer", "supports")]


BUS_MOTION = """
issues:
  - id: bus-motion
    label: Rural buses motion
    description: That this House calls on the Government to restore the rural bus grant.
"""


@pytest.mark.parametrize("body", [
    "The Bill on harbour dues will give councils vital powers.",  # another Bill than the motion
    "My right hon. Friend the Member for Eastfield knows the depot well.",  # a form of address
    "The grant could cost more than £40 million a year.",  # a comparison of no two issues
    "It is important for villages to have a say in their timetables.",  # an extraposed "it"
    "Does she agree that this policy is a distraction?",  # the government's, which the motion attacks
])
def test_words_that_do_not_judge_the_motion_state_no_stance_on_it(tmp_path: Path, body: str):
    assert speech_positions(tmp_path, BUS_MOTION, "bus-motion", body) == []


def test_a_name_called_an_organisation_that_takes_she_said_is_a_person(tmp_path: Path):
    registry = tmp_path / "registry.yaml"
    registry.write_text("issues:\n  - {id: sugar-tax, label: sugar tax}\n")
    source = tmp_path / "news.jsonl"
    body = 'Tamsin Okoro Hartwell runs a campaign group in Leeds. "The sugar tax is a disgrace," she said.'
    source.write_text(json.dumps({"id": "n1", "published": "2026-03-02", "body": body}) + "\n")
    store = tmp_path / "store"
    assert invoke("build", source, "--registry", registry, "--store", store).exit_code == 0
    actors = json.loads(invoke("actors", "--store", store, "--format", "json").stdout)
    assert {a["name"]: a["type"] for a in actors}.get("Tamsin Okoro Hartwell") == "person"
    said = json.loads(invoke("said", "--store", store, "--format", "json").stdout)
    assert [(r["actor"], r["stance"]) for r in said] == [("Tamsin Okoro Hartwell", "opposes")]
