"""Help with names: what a user sees when an --actor, ACTOR or --issue is misspelt, carries an
honorific, or is a role ("the Home Secretary") held on a day.

All through the real CLI, on the bundled seed (built once, `seed_store`) and on a two-speech
debate between two Home Secretaries (Yvette Cooper until 2025-09-05, then Shabana Mahmood, as the
bundled registry says).
"""

from __future__ import annotations

import json
import re
import shlex
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import error_line, invoke

from standpoint.errors import InputError
from standpoint.graph.rdf.names import bare, held_roles, known, resolve, suggest

README = Path(__file__).resolve().parent.parent / "README.md"
HOME_SECRETARIES = [
    {"id": "hs-1", "published": "2025-01-06", "about": "national-inquiry",
     "speaker": "The Secretary of State for the Home Department (Yvette Cooper)",
     "body": "I do not believe a new national inquiry is the right answer; it would delay action for victims."},
    {"id": "hs-2", "published": "2025-10-01", "about": "national-inquiry",
     "speaker": "The Secretary of State for the Home Department (Shabana Mahmood)",
     "body": "I support the national inquiry and I will make sure it has the powers it needs."},
]


def rows(*args: str | Path) -> list[dict[str, Any]]:
    """The JSON rows a read command prints (it must succeed and print nothing on stderr)."""
    result = invoke(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def home_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("home")
    source = folder / "home-secretaries.jsonl"
    source.write_text("".join(json.dumps(entry) + "\n" for entry in HOME_SECRETARIES), encoding="utf-8")
    result = invoke("build", source, "--store", folder / "store")
    assert result.exit_code == 0, result.output
    return folder / "store"


# -- a name that matches nothing: the closest names, or how to list them -------------------------

@pytest.mark.parametrize(("args", "message"), [
    (["positions", "--actor", "Kemi Badenok"], "no actor matches 'Kemi Badenok'; did you mean Kemi Badenoch?"),
    (["said", "Yvete Coper"], "no actor matches 'Yvete Coper'; did you mean Yvette Cooper?"),
    (["timeline", "Starmr"], "no actor matches 'Starmr'; did you mean Keir Starmer?"),
    (["said", "Badenoch Kemi"], "no actor matches 'Badenoch Kemi'; did you mean Kemi Badenoch?"),
    (["said", "Philips"], "no actor matches 'Philips'; did you mean Jess Phillips or Chris Philp?"),
    (["show", "--actor", "Mrs Kemi Badenok", "--out", "x.html"],
     "no actor matches 'Mrs Kemi Badenok'; did you mean Kemi Badenoch?"),
    (["positions", "--actor", "the Home Secretery"],
     "no actor matches 'the Home Secretery'; did you mean Home Secretary or Shadow Home Secretary?"),
    (["positions", "--issue", "nationl inquiry"],
     "no issue matches 'nationl inquiry'; did you mean National inquiry into grooming gangs?"),
    (["said", "--issue", "IICSA recomendations"],
     "no issue matches 'IICSA recomendations'; did you mean Implementing the 2022 IICSA recommendations?"),
])
def test_a_misspelt_name_suggests_the_closest(seed_store: Path, in_tmp: Path, args: list[str],
                                              message: str) -> None:
    result = invoke(*args, "--store", seed_store)
    assert error_line(result) == f"standpoint: error: {message}"
    assert result.stdout == ""
    assert not (in_tmp / "x.html").exists()


@pytest.mark.parametrize("text", ["xyzzy", "Nobody Atall", "Boris Johnson", "Alice", "qwertyuiop"])
def test_an_actor_like_no_other_gets_no_suggestion_but_how_to_list_them(seed_store: Path, text: str) -> None:
    line = error_line(invoke("positions", "--actor", text, "--store", seed_store))
    assert line == f"standpoint: error: no actor matches {text!r}; `standpoint actors` lists them all"


@pytest.mark.parametrize("text", ["fracking", "nothing like it", "Brexit"])
def test_an_issue_like_no_other_gets_the_known_issues(seed_store: Path, text: str) -> None:
    line = error_line(invoke("said", "--issue", text, "--store", seed_store))
    assert line == (f"standpoint: error: no issue matches {text!r}; known issues: iicsa-recommendations, "
                    "local-inquiries, national-inquiry, rapid-audit, statutory-powers")


def test_suggestions_are_at_most_three_best_first_and_above_the_cut_off() -> None:
    people = ["Ann Smith", "Ann Smyth", "Anne Smith", "Ann Smithe", "Annabel Smithers-Jones", "Bob Jones"]
    names = known([{"id": f"p{n}", "name": name} for n, name in enumerate(people, 1)], "name")
    assert suggest("Ann Smith", names) == ["p1", "p4", "p3"]  # 100, then 95 and 95 by name
    assert suggest("Ann Smith", names, limit=10) == ["p1", "p4", "p3", "p2"]  # Ann Smyth: 89
    assert suggest("Ann Smith", names, limit=10, cutoff=50) == ["p1", "p4", "p3", "p2", "p5"]
    assert suggest("Zed Quux", names) == []


def test_two_suggestions_with_one_name_are_told_apart_by_id(tmp_path: Path) -> None:
    registry = tmp_path / "registry.yaml"
    registry.write_text("people:\n  - {id: ann-smith-mp, name: Ann Smith}\n"
                        "  - {id: ann-smith-kc, name: Ann Smith}\n", encoding="utf-8")
    source = tmp_path / "one.jsonl"
    source.write_text('{"id": "a-1", "published": "2025-01-16", "body": "Ann Smith spoke."}\n', encoding="utf-8")
    assert invoke("build", source, "--registry", registry, "--store", tmp_path / "store").exit_code == 0
    line = error_line(invoke("said", "Ann Smyth", "--store", tmp_path / "store"))
    assert line == ("standpoint: error: no actor matches 'Ann Smyth'; "
                    "did you mean Ann Smith (ann-smith-kc) or Ann Smith (ann-smith-mp)?")


# -- honorifics and titles are not part of the name ---------------------------------------------

@pytest.mark.parametrize(("text", "actor_id"), [
    ("Mrs Kemi Badenoch", "kemi-badenoch"), ("mrs kemi badenoch", "kemi-badenoch"),
    ("The Rt Hon Kemi Badenoch MP", "kemi-badenoch"), ("Mrs Badenoch", "kemi-badenoch"),
    ("Ms Yvette Cooper", "yvette-cooper"), ("Ms Cooper", "yvette-cooper"),
    ("the Rt Hon. Chris Philp MP", "chris-philp"), ("Mr Philp", "chris-philp"),
    ("Dr Alexis Jay", "alexis-jay"), ("Dame Sarah Champion", "sarah-champion"),
])
def test_an_honorific_finds_the_same_rows_as_the_bare_name(seed_store: Path, text: str, actor_id: str) -> None:
    for command in (["positions", "--actor"], ["said"], ["timeline"]):
        expected = rows(*command, actor_id, "--store", seed_store)
        assert expected, (command, actor_id)
        assert rows(*command, text, "--store", seed_store) == expected


@pytest.mark.parametrize("text", ["Sir Keir Starmer", "the Rt Hon. Sir Keir Starmer KC MP", "SIR KEIR"])
def test_sir_keir_said_what_keir_starmer_said(seed_store: Path, text: str) -> None:
    expected = rows("said", "keir-starmer", "--store", seed_store)
    assert [s["text"] for s in expected] == ["far-right bandwagon"]
    assert rows("said", text, "--store", seed_store) == expected


def test_ms_phillips_is_jess_phillips(seed_store: Path, in_tmp: Path) -> None:
    """Jess Phillips says nothing in the seed: her rows are empty, and the page drawn for her is
    the one drawn for her id."""
    assert rows("positions", "--actor", "Ms Phillips", "--store", seed_store) == []
    invoke("show", "--actor", "Ms Phillips", "--out", "honorific.html", "--store", seed_store)
    invoke("show", "--actor", "jess-phillips", "--out", "id.html", "--store", seed_store)
    assert (in_tmp / "honorific.html").read_bytes() == (in_tmp / "id.html").read_bytes()


@pytest.mark.parametrize(("text", "name"), [
    ("the Rt Hon. Sir Keir Starmer KC MP", "Keir Starmer"), ("Mrs Kemi Badenoch", "Kemi Badenoch"),
    ("ms phillips", "phillips"), ("Dr. Alexis Jay", "Alexis Jay"), ("Professor Jay", "Jay"),
    ("Baroness Casey of Blackstock", "Baroness Casey of Blackstock"), ("Mr", "Mr"),
])
def test_bare_drops_the_projects_own_honorifics(text: str, name: str) -> None:
    assert bare(text) == name


# -- a role stands for whoever held it on the day -----------------------------------------------

@pytest.mark.parametrize(("day", "speaker"), [("2025-01-06", "yvette-cooper"), ("2025-09-04", "yvette-cooper"),
                                              ("2025-10-01", "shabana-mahmood"), ("2025-09-06", "shabana-mahmood")])
@pytest.mark.parametrize("role", ["the Home Secretary", "Home Secretary", "home-secretary",
                                  "The Secretary of State for the Home Department"])
def test_a_role_on_a_day_is_who_held_it_then(home_store: Path, role: str, day: str, speaker: str) -> None:
    said = rows("said", role, "--on", day, "--store", home_store)
    assert said == rows("said", speaker, "--store", home_store)
    assert [s["actor_id"] for s in said] == [speaker]
    positions = rows("positions", "--actor", role, "--on", day, "--store", home_store)
    assert [p["actor_id"] for p in positions] == [speaker]
    assert rows("timeline", role, "--on", day, "--store", home_store) == rows("timeline", speaker, "--store",
                                                                              home_store)


def test_the_home_secretary_on_the_seed_day_is_yvette_cooper(seed_store: Path) -> None:
    expected = rows("positions", "--actor", "yvette-cooper", "--store", seed_store)
    assert expected
    assert rows("positions", "--actor", "the Home Secretary", "--on", "2025-01-06", "--store", seed_store) == expected


def test_a_role_without_a_day_is_its_current_holder(home_store: Path) -> None:
    """Shabana Mahmood has been Home Secretary since 2025-09-05, and still is in the registry."""
    said = rows("said", "the Home Secretary", "--store", home_store)
    assert [s["actor_id"] for s in said] == ["shabana-mahmood"]


def test_a_role_held_by_two_on_the_day_names_both(home_store: Path) -> None:
    line = error_line(invoke("said", "the Home Secretary", "--on", "2025-09-05", "--store", home_store))
    assert line == ("standpoint: error: 2 people were Home Secretary on 2025-09-05: "
                    "Yvette Cooper (2024-07-05 to 2025-09-05), Shabana Mahmood (2025-09-05 to now); give a name")


def test_a_role_no_one_held_on_the_day_says_who_did(home_store: Path) -> None:
    line = error_line(invoke("positions", "--actor", "the Home Secretary", "--on", "2020-01-01",
                             "--store", home_store))
    assert line == ("standpoint: error: no one was Home Secretary on 2020-01-01; it was held by "
                    "Yvette Cooper (2024-07-05 to 2025-09-05), Shabana Mahmood (2025-09-05 to now)")


def test_a_role_no_one_holds_now_needs_a_day(seed_store: Path) -> None:
    line = error_line(invoke("said", "Chair of the Independent Inquiry into Child Sexual Abuse",
                             "--store", seed_store))
    assert line == ("standpoint: error: no one is Chair of the Independent Inquiry into Child Sexual Abuse "
                    "today: Alexis Jay (2016-08-11 to 2022-10-20); add --on YYYY-MM-DD to mean who held it "
                    "then, or give a name")
    on_the_day = rows("said", "Chair of the Independent Inquiry into Child Sexual Abuse", "--on", "2022-10-20",
                      "--store", seed_store)
    assert on_the_day == rows("said", "alexis-jay", "--store", seed_store)


def test_a_role_held_twice_by_one_person_is_theirs_both_times() -> None:
    terms = [("ann", "Ann", "2001-01-01", "2002-01-01"), ("bob", "Bob", "2002-01-02", "2003-01-01"),
             ("ann", "Ann", "2003-01-02", None)]
    roles = held_roles({"id": "pm", "label": "Prime Minister", "actor": actor, "name": name, "start": start,
                        "end": end} for actor, name, start, end in terms)
    people = known([{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}], "name")
    assert [resolve("the Prime Minister", people, "actor", roles, date(year, 6, 1)) for year in (2001, 2002, 2003)] \
        == ["ann", "bob", "ann"]
    with pytest.raises(InputError) as caught:
        resolve("the prime minister", people, "actor", roles, date(2000, 6, 1))
    assert str(caught.value) == ("no one was Prime Minister on 2000-06-01; it was held by Ann (2001-01-01 to "
                                 "2002-01-01), Bob (2002-01-02 to 2003-01-01), Ann (2003-01-02 to now)")


def test_on_must_be_a_date(seed_store: Path) -> None:
    result = invoke("positions", "--actor", "the Home Secretary", "--on", "last Monday", "--store", seed_store)
    assert result.exit_code == 2
    assert "Invalid value for '--on': 'last Monday' is not a date (YYYY-MM-DD)" in result.stderr


def test_the_readme_shows_what_a_user_sees(seed_store: Path) -> None:
    """Each `$ standpoint ...` of the README's console block on names prints the line below it."""
    block = re.search(r"Names given to.*?```console\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None
    lines = block.group(1).splitlines()
    shown = list(zip(lines[::2], lines[1::2], strict=True))
    assert len(shown) == 4
    for command, output in shown:
        assert command.startswith("$ standpoint ")
        assert error_line(invoke(*shlex.split(command)[2:], "--store", seed_store)) == output
