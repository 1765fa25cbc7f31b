"""ParlaMint TEI through the real CLI: the bundled samples (tests/data/parlamint/, CC BY 4.0)
built into a store, speakers resolved at the sitting's date, non-speech left out, bad files
refused with one line, and the streaming that keeps memory to one utterance."""

from __future__ import annotations

import os
import re
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
from conftest import DATA, error_line, invoke, quads, slow_mode
from conftest import json_rows as rows
from test_limits import peak_rss

from standpoint.loaders import read_source
from standpoint.loaders.parlamint import parse_parlamint

SAMPLES = DATA / "parlamint"
GB = SAMPLES / "ParlaMint-GB"
LV = SAMPLES / "ParlaMint-LV"
GB_2017 = GB / "2017" / "ParlaMint-GB_2017-09-07-commons.xml"
LV_DAY = LV / "2021" / "ParlaMint-LV-en_2021-02-11-PT13-2193.ana.xml"
TEI_NS = 'xmlns="http://www.tei-c.org/ns/1.0"'


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The GB and LV samples (the folder: four day files) and the Hansard JSONL, built once."""
    store = tmp_path_factory.mktemp("parlamint") / "store"
    result = invoke("build", SAMPLES, DATA / "hansard-2025-01-06-commons-cse-statement.jsonl",
                    "--store", store)
    assert result.exit_code == 0, result.output
    return store


def test_a_folder_builds_one_entry_per_utterance_of_each_day(samples_store: Path) -> None:
    entries = {e["id"]: e for e in rows("entries", "--store", samples_store)}
    parlamint = {i for i in entries if i.startswith("ParlaMint")}
    assert len(parlamint) == 16  # the three GB days (the 2017 .ana twin is not read twice), LV
    first = entries["ParlaMint-GB_2017-09-07-commons.u1"]
    assert first["title"] == "Membership of the European Economic Area"
    assert first["published"] == "2017-09-07"
    assert first["speaker"] == "Stephen Kinnock (party: LAB)"
    assert first["url"].startswith("https://hansard-api.parliament.uk/debates/debate/")


def test_speakers_resolve_through_list_person_and_meta_to_one_actor_with_a_party(
        samples_store: Path) -> None:
    actors = {a["name"]: a for a in rows("actors", "--store", samples_store)}
    assert actors["Krišjānis Feldmans"]["party"] == "Jaunā konservatīvā"  # listPerson -> listOrg
    assert actors["Ivars Zariņš"]["party"] == "SASKAŅA"
    assert actors["David Davis"]["party"] == "Conservative Party"  # -meta.tsv, Hansard code CON
    assert actors["Stephen Kinnock"]["party"] == "Labour Party"


def test_the_chair_speaks_procedure_and_holds_no_position(samples_store: Path) -> None:
    said = rows("said", "--store", samples_store)
    chair = "dagmāra-beitnere-le-galla"
    assert not [s for s in said if s["actor_id"] == chair and s["stance"]]
    assert not [p for p in rows("positions", "--store", samples_store) if p["actor_id"] == chair]


def test_the_plain_and_annotated_day_give_the_same_text() -> None:
    plain = read_source(GB_2017)
    annotated = read_source(GB_2017.with_name(GB_2017.name.replace(".xml", ".ana.xml")))
    assert [e.body for e in plain] == [e.body for e in annotated]
    assert [e.id for e in plain] == [e.id for e in annotated]
    assert plain[-1].body.endswith("Question put and agreed to.")


def test_the_corpus_root_reads_the_days_it_includes_and_skips_those_absent() -> None:
    root = read_source(LV / "ParlaMint-LV-en.ana.xml")
    assert [e.id for e in root] == [e.id for e in read_source(LV_DAY)]
    assert len(read_source(GB / "ParlaMint-GB.xml")) == 12


def day(body: str, *, who: str = "#FeldmansKrišjānis", date: str = "2021-02-11",
        root: str = 'TEI xml:id="ParlaMint-LV-en_2021-02-11-X"') -> str:
    tag = root.split()[0]
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} {TEI_NS}>\n<teiHeader><fileDesc>'
            '<titleStmt><title type="sub">A sitting</title></titleStmt></fileDesc><profileDesc>'
            f'<settingDesc><setting><date when="{date}"/></setting></settingDesc></profileDesc>'
            f'</teiHeader>\n<text><body><div type="debateSection"><head>Health Bill</head>\n'
            f'<u xml:id="X.u1" who="{who}" ana="#regular">{body}</u>\n</div></body></text></{tag}>\n')


def lv_copy(tmp_path: Path, text: str, person_list: str | None = None) -> Path:
    """A day in a copy of the LV folder (so it resolves through the LV listPerson and listOrg)."""
    folder = tmp_path / "ParlaMint-LV"
    shutil.copytree(LV, folder)
    if person_list is not None:
        (folder / "ParlaMint-LV-listPerson.xml").write_text(person_list, encoding="utf-8")
    path = folder / "2021" / "ParlaMint-LV-en_2021-02-11-X.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_notes_gaps_kinesics_vocals_and_incidents_are_not_speech(tmp_path: Path) -> None:
    path = lv_copy(tmp_path, day(
        '<seg>We support <kinesic type="applause"><desc>Applause</desc></kinesic>the Bill.</seg>'
        '<note>Interruption.</note><vocal type="shouting"><desc>Shouts</desc></vocal>'
        '<seg>It is <incident><desc>phone rings</desc></incident>right <gap><desc>x</desc></gap>'
        'now.</seg>'))
    [entry] = read_source(path)
    assert entry.body == "We support the Bill.\n\nIt is right now."
    assert entry.title == "Health Bill"
    assert entry.speaker == "Krišjānis Feldmans (party: Jaunā konservatīvā)"


def test_the_party_is_the_one_held_on_the_sitting_day(tmp_path: Path) -> None:
    person_list = (f'<listPerson {TEI_NS}><person xml:id="FeldmansKrišjānis"><persName>'
                   '<surname>Feldmans</surname><forename>Krišjānis</forename></persName>'
                   '<affiliation role="member" ref="#group.JK" from="2018-11-22" to="2021-02-10"/>'
                   '<affiliation role="member" ref="#group.NA" from="2021-02-11"/>'
                   '</person></listPerson>')
    path = lv_copy(tmp_path, day("<seg>Yes.</seg>"), person_list)
    assert read_source(path)[0].speaker.startswith("Krišjānis Feldmans (party: Nacionālā apvienība ")
    path.write_text(day("<seg>Yes.</seg>", date="2021-02-10"), encoding="utf-8")
    assert read_source(path)[0].speaker.endswith("(party: Jaunā konservatīvā)")


def test_without_list_person_or_meta_the_name_comes_from_the_id(tmp_path: Path) -> None:
    path = tmp_path / GB_2017.name
    shutil.copy(GB_2017, path)
    entries = read_source(path)
    assert entries[0].speaker == "Stephen Kinnock"
    assert "speakers named from their ParlaMint ids" in (entries[0].source or "")


def test_auto_detects_parlamint_and_format_overrides(tmp_path: Path) -> None:
    renamed = tmp_path / "sitting.txt"
    shutil.copy(LV_DAY, renamed)  # no ParlaMint name, no listPerson beside: read by content
    assert [e.id for e in read_source(renamed)] == [e.id for e in read_source(LV_DAY)]
    assert read_source(renamed, format="parlamint")[0].speaker == "Beitnere-Le Galla Dagmāra (in the Chair)"


# -- bad input: one line naming the file and the element or line, exit 1, store unchanged --------

BOMB = ('<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8))
        + f']>\n<TEI {TEI_NS} xml:id="ParlaMint-XX_bomb"><text>&i;</text></TEI>\n')
AFFILIATION = (f'<listPerson {TEI_NS}><person xml:id="FeldmansKrišjānis"><persName>'
               '<surname>Feldmans</surname></persName>'
               '<affiliation role="member" ref="#group.JK" from="2021-05-01" to="2020-01-01"/>'
               '</person></listPerson>')
CASES = {
    "malformed XML": (lambda t: lv_copy(t, day("<seg>Yes.</seg>").replace("</u>", "</x>")),
                      r"2021/ParlaMint-LV-en_2021-02-11-X\.xml line 5: not well-formed XML: Opening and ending tag mismatch"),
    "TEI that is not ParlaMint": (
        lambda t: lv_copy(t, day("<seg>Yes.</seg>", root='TEI xml:id="my-edition"')),
        r'X\.xml line 2: a TEI file, but not ParlaMint: <TEI xml:id="my-edition">'),
    "an unknown who": (lambda t: lv_copy(t, day("<seg>Yes.</seg>", who="#NoSuchMP")),
                       (r'X\.xml line 5: <u xml:id="X\.u1" who="#NoSuchMP">: no such person in '
                       r".*ParlaMint-LV-listPerson\.xml")),
    "a broken listPerson": (
        lambda t: lv_copy(t, day("<seg>Yes.</seg>"), "<listPerson><person></listPerson>"),
        r"ParlaMint-LV-listPerson\.xml line 1: not well-formed XML"),
    "a listPerson with no person": (
        lambda t: lv_copy(t, day("<seg>Yes.</seg>"), f"<listPerson {TEI_NS}/>"),
        r"ParlaMint-LV-listPerson\.xml line 1: <listPerson> holds no <person>"),
    "an affiliation that ends before it begins": (
        lambda t: lv_copy(t, day("<seg>Yes.</seg>"), AFFILIATION),
        (r'ParlaMint-LV-listPerson\.xml line 1: <person xml:id="FeldmansKrišjānis"> <affiliation '
        r'ref="#group\.JK" from="2021-05-01" to="2020-01-01">: it ends before it begins')),
    "an XML bomb": (lambda t: lv_copy(t, BOMB), (r"X\.xml line 1: has a DOCTYPE, which ParlaMint "
                    r"files never have; entity declarations are refused")),
    "XML of another kind": (lambda t: _write(t / "other.xml", "<rss><channel/></rss>"),
                            r"other\.xml: an XML file whose root is <rss>; expected ParlaMint TEI"),
    "a 1 GB file": (lambda t: _sparse(lv_copy(t, day("<seg>Yes.</seg>"))),
                    r"X\.xml: the file is 1 GB, larger than the 512 MB a ParlaMint file may be"),
}


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _sparse(path: Path) -> Path:
    with path.open("r+b") as file:
        file.truncate(1024**3)  # a sparse file: 1 GB on paper, nothing on disk
    return path


@pytest.mark.parametrize("case", CASES)
def test_bad_parlamint_input_is_one_line_and_leaves_the_store_as_it_was(
        case: str, tmp_path: Path, store_copy: Path) -> None:
    make, message = CASES[case]
    source = make(tmp_path)
    before = quads(store_copy)
    line = error_line(invoke("build", source, "--store", store_copy))
    assert re.search(message, line), line
    assert str(source.name) in line or "listPerson" in line
    assert quads(store_copy) == before


# -- streaming ---------------------------------------------------------------------------------

def big_day(copies: int, name: str = "ParlaMint-LV-en_2021-02-11-BIG") -> str:
    """The LV sample day with its utterances repeated `copies` times under new ids."""
    text = LV_DAY.read_text(encoding="utf-8")
    start, end = text.index('<div type="debateSection"'), text.index("</div>")
    start = text.index(">", start) + 1
    utterances = text[start:end]
    body = "".join(re.sub(r'xml:id="([^"]+)"', rf'xml:id="\1-c{n}"', utterances) for n in range(copies))
    head = text[:start].replace('xml:id="ParlaMint-LV-en_2021-02-11-PT13-2193"', f'xml:id="{name}"')
    return head + body + text[end:]


def test_a_day_is_read_as_a_stream_holding_one_utterance_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    path.write_text(big_day(300), encoding="utf-8")  # ~20 MB, 1,200 utterances
    assert path.stat().st_size > 15 * 1024**2
    with path.open("rb") as file:
        entries = parse_parlamint(file, origin=str(path))
        next(entries)
        assert os.lseek(file.fileno(), 0, os.SEEK_CUR) < path.stat().st_size / 10
        tracemalloc.start()
        try:
            count = 1 + sum(1 for _ in entries)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert count == 1200
    assert peak < 4 * 1024**2, f"reading 20 MB of TEI peaked at {peak / 1024**2:.1f} MB"


@pytest.mark.slow
@pytest.mark.skipif(not slow_mode(), reason="builds 200 MB of generated TEI (minutes): --slow")
def test_a_200_mb_folder_builds_in_under_1_gb(tmp_path: Path) -> None:
    folder = tmp_path / "ParlaMint-LV"
    (folder / "2021").mkdir(parents=True)
    for name in ("ParlaMint-LV-listPerson.xml", "ParlaMint-LV-listOrg.xml"):
        shutil.copy(LV / name, folder / name)
    text = LV_DAY.read_text(encoding="utf-8")
    files = 0
    while sum(p.stat().st_size for p in folder.rglob("*.xml")) < 200 * 1024**2:
        name = f"ParlaMint-LV-en_2021-02-11-C{files:04d}"
        copy = re.sub(r'xml:id="(ParlaMint-LV_[^"]+)"', rf'xml:id="\1-{files}"', text)
        copy = copy.replace('xml:id="ParlaMint-LV-en_2021-02-11-PT13-2193"', f'xml:id="{name}"')
        (folder / "2021" / f"{name}.ana.xml").write_text(copy, encoding="utf-8")
        files += 1
    began = time.monotonic()
    code, stderr, peak = peak_rss(["build", folder, "--store", tmp_path / "store"])  # 1 process
    took = time.monotonic() - began
    assert code == 0, stderr
    print(f"built {files} TEI files (200 MB) in {took:.0f} s, peak RSS {peak:.0f} MB")
    assert peak < 1024
