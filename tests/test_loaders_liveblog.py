"""The live-blog loader on the bundled seed page, small real pages, and bad input files."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from standpoint.errors import InputError
from standpoint.loaders import FORMATS, read_source
from standpoint.loaders.liveblog import parse_liveblog, read_liveblog, read_meta
from standpoint.loaders.text import decode, read_text
from standpoint.records import Entry

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "bbc-live-2025-01-16.txt"
DATA = Path(__file__).resolve().parent / "data"
DAY = date(2025, 1, 16)
SOURCE = "bbc-live-2025-01-16"
BST = timezone(timedelta(hours=1))

# (post number, line in the file, HH:MM GMT, title) for every post of the seed, top to bottom.
POSTS = [
    (1, 17, "16:25", "Watch: Home secretary outlines new measures"),
    (2, 25, "16:05", "No new national inquiry, but a clear shift in position"),
    (3, 40, "15:59", "Cooper's announcement walks a careful line"),
    (4, 59, "15:44", "What did Yvette Cooper say in the Commons?"),
    (5, 80, "15:40", "We are not redoing Telford inquiry - Cooper"),
    (6, 88, "15:34", "Rotherham MP presses home secretary on 'ensuring no cover-ups'"),
    (7, 99, "15:31",
     "'We have lost a decade' - Cooper attacks former Tory governments' record on child abuse"),
    (8, 109, "15:27", "Five local inquiries 'wholly inadequate' - Philp"),
    (9, 121, "15:25", "Tory minister attacks PM's 'far-right bandwagon' comments"),
    (10, 129, "15:22", "Five new locally led inquires to be backed by £5m"),
    (11, 143, "15:18",
     "Cooper announces 'rapid audit' of scale and nature of gang-based exploitation"),
    (12, 150, "15:17", "Ethnicity data on perpetrators and victims inadequate - Cooper"),
    (13, 156, "15:13",
     "Police to produce 'problem profiles' on nature of grooming gangs in their area"),
    (14, 164, "15:10",
     "Cooper says ministers will introduce stronger sentences for child grooming"),
    (15, 174, "15:08", "Shamefully little progress despite inquiries - Cooper"),
    (16, 186, "15:05", "Survivors' testimony must not be in vain, says Cooper"),
    (17, 198, "14:59", "Home secretary begins statement"),
    (18, 209, "14:45", "Cooper threatened with legal action by ex-police officer"),
    (19, 222, "14:29", "'My view is that we should've done more' - Badenoch"),
    (20, 232, "14:18", "Local inquiries aren't enough, says Badenoch"),
]


@pytest.fixture(scope="module")
def seed() -> list[Entry]:
    """The seed page read the way `standpoint build` reads it: date from its metadata file."""
    return read_liveblog(SEED)


@pytest.fixture(scope="module")
def posts(seed: list[Entry]) -> dict[int, Entry]:
    """The seed's posts by their number on the page (1 = top, the latest)."""
    return {number: entry for number, entry in enumerate(seed[1:], start=1)}


def test_seed_has_a_summary_and_twenty_posts(seed: list[Entry]) -> None:
    assert len(seed) == 21
    assert [entry.id for entry in seed] == [f"{SOURCE}-summary"] + [
        f"{SOURCE}-{clock.replace(':', '')}" for _, _, clock, _ in POSTS
    ]


def test_summary_is_the_bullets_timed_as_the_latest_post(seed: list[Entry]) -> None:
    summary = seed[0]
    assert (summary.title, summary.line, summary.label, summary.authors) == ("Summary", 1, None, ())
    assert summary.published == max(entry.published for entry in seed[1:])
    assert summary.published.isoformat() == "2025-01-16T16:25:00+00:00"
    bullets = summary.body.split("\n\n")
    assert len(bullets) == 7
    assert bullets[0] == ('Home Secretary Yvette Cooper has announced a new national-level '
                          '"rapid audit" of grooming gangs, plus up to five new local inquiries')
    assert bullets[-1] == ("After weeks of pressure, this is clearly a shift in the government's "
                           "position, writes our political correspondent Alex Forsyth")


@pytest.mark.parametrize(("number", "line", "clock", "title"), POSTS)
def test_each_post_has_its_time_title_and_line(
    posts: dict[int, Entry], number: int, line: int, clock: str, title: str
) -> None:
    hour, minute = map(int, clock.split(":"))
    entry = posts[number]
    assert entry.published == datetime(2025, 1, 16, hour, minute, tzinfo=UTC)
    assert entry.published_iso == f"2025-01-16T{clock}:00+00:00"
    assert entry.title == title
    assert entry.line == line
    assert (entry.source, entry.url, entry.origin) == (SOURCE, None, str(SEED))


def test_titles_have_no_published_at_tail(seed: list[Entry]) -> None:
    assert not [entry.title for entry in seed if "published" in entry.title]


def test_labels_are_analysis_and_breaking(posts: dict[int, Entry]) -> None:
    labelled = {number: entry.label for number, entry in posts.items() if entry.label}
    assert labelled == {3: "Analysis", 11: "Breaking", 17: "Breaking"}
    assert not any(entry.body.startswith(("Analysis", "Breaking")) for entry in posts.values())


def test_exactly_two_bylines(posts: dict[int, Entry]) -> None:
    bylines = {n: (e.authors, e.author_roles) for n, e in posts.items() if e.authors}
    assert bylines == {
        2: (("Alex Forsyth",), ("Political correspondent",)),
        3: (("Alison Holt",), ("Social affairs editor",)),
    }
    assert posts[2].body.startswith("After weeks of pressure this is clearly a shift")
    assert posts[3].body.startswith("This is an announcement which tries to walk")


def test_a_lone_name_line_is_not_a_byline(posts: dict[int, Entry]) -> None:
    post = posts[17]
    assert (post.authors, post.author_roles) == ((), ())
    assert post.body.split("\n\n")[:2] == [
        "Yvette Cooper",
        "Home Secretary Yvette Cooper has just stood up to deliver her statement.",
    ]


def test_captions_leave_the_body(seed: list[Entry], posts: dict[int, Entry]) -> None:
    assert not [e.id for e in seed if "Media caption" in e.body or "Image caption" in e.body]
    assert posts[1].captions == ('The home secretary announced a "rapid audit"',)
    assert posts[1].body == (
        "Just joining us? Watch below as the home secretary, Yvette Cooper, explains the "
        "government's plans to tackle child sexual exploitation and grooming gangs.")
    assert posts[18].captions == ("Maggie Oliver, pictured last year",)
    assert "Maggie Oliver, pictured last year" not in posts[18].body
    assert posts[18].body.endswith("laid out in Alexis Jay's 2022 report.")
    assert [n for n, e in posts.items() if e.captions] == [1, 18]


def test_bullets_keep_their_text_without_the_glyph(
    seed: list[Entry], posts: dict[int, Entry]
) -> None:
    assert not [entry.id for entry in seed if "•" in entry.body]
    assert posts[6].body.endswith("\n\nAs a reminder, Sarah Champion was one of three Labour MPs "
                                  "to call for new national inquiries")
    assert posts[4].body.split("\n\n")[:3] == [
        "Cooper speaking at the dispatch box in the Commons",
        "Rapid audit",
        ('The home secretary announced a "rapid audit" looking at the "current scale and nature '
         'of gang-based exploitation across the country"'),
    ]


def test_body_is_paragraphs_joined_by_blank_lines(posts: dict[int, Entry]) -> None:
    assert posts[12].body == (
        'Yvette Cooper goes on to say that the data on the ethnicities of both perpetrators and '
        'victims is still "inadequate".\n\n'
        "She says she has asked the child sexual exploitation taskforce to expand its data on "
        "ethnicities.")


def test_date_argument_overrides_the_metadata() -> None:
    entries = read_liveblog(SEED, date(2025, 1, 17))
    assert entries[0].published.date() == date(2025, 1, 17)
    assert entries[-1].published == datetime(2025, 1, 17, 14, 18, tzinfo=UTC)


def test_metadata_file_of_the_seed() -> None:
    meta = read_meta(SEED.with_name(f"{SOURCE}.meta.yaml"))
    assert (meta.date, meta.source, meta.url, meta.publisher) == (DAY, SOURCE, None, "BBC News")
    assert meta.title == "Grooming gangs: Home Secretary's statement (BBC News live page)"


def test_ids_survive_a_rescrape_with_a_new_post_in_the_same_minute() -> None:
    text = SEED.read_text(encoding="utf-8")
    newer = text.replace("  1. Watch:", "  0. A later postpublished at 16:25 GMT\n\n"
                         "    More news.\n\n  1. Watch:")
    before = [e.id for e in parse_liveblog(text, page_date=DAY, source=SOURCE)]
    after = [e.id for e in parse_liveblog(newer, page_date=DAY, source=SOURCE)]
    assert after == [before[0], f"{SOURCE}-1625-2", *before[1:]]


def test_bst_page_gets_plus_one_hour_and_its_metadata() -> None:
    entries = read_liveblog(DATA / "liveblog-bst.txt")
    assert [(e.id, e.published_iso, e.label) for e in entries] == [
        ("example-live-summary", "2025-06-12T11:05:00+01:00", None),
        ("example-live-1105", "2025-06-12T11:05:00+01:00", None),
        ("example-live-1040", "2025-06-12T10:40:00+01:00", "Explainer"),
        ("example-live-0958", "2025-06-12T09:58:00+01:00", "Breaking"),
    ]
    assert entries[1].published == datetime(2025, 6, 12, 10, 5, tzinfo=UTC)
    assert {(e.source, e.url) for e in entries} == {
        ("example-live", "https://example.org/live/committee")}


def test_bst_page_byline_label_caption_and_credit() -> None:
    post = read_liveblog(DATA / "liveblog-bst.txt")[2]
    assert (post.title, post.line) == ("Who chairs the committee?", 9)
    assert (post.authors, post.author_roles) == (("Sam Jones",), ("Parliamentary reporter",))
    assert post.captions == ("The committee room",)
    assert post.body == "The committee is chaired by a backbench MP."


def test_a_page_past_midnight_moves_to_the_next_day() -> None:
    text = ("  2. Latepublished at 00:10 Greenwich Mean Time\n\n    After midnight.\n\n"
            "  1. Earlypublished at 23:50 Greenwich Mean Time\n\n    Before midnight.\n")
    entries = list(parse_liveblog(text, page_date=DAY, source="night", origin="night.txt"))
    assert [(e.id, e.published) for e in entries] == [
        ("night-0010", datetime(2025, 1, 17, 0, 10, tzinfo=UTC)),
        ("night-2350", datetime(2025, 1, 16, 23, 50, tzinfo=UTC)),
    ]


def test_read_source_dispatches_on_the_file_name() -> None:
    assert FORMATS == ("auto", "liveblog", "jsonl", "parlamint")
    assert read_source(SEED) == read_liveblog(SEED)
    assert read_source(SEED, format="liveblog", page_date=DAY) == read_liveblog(SEED, DAY)
    hansard = DATA / "hansard-2025-04-08-commons-tackling-csa.jsonl"
    assert len(read_source(hansard)) == 8


def test_unknown_format() -> None:
    with pytest.raises(InputError, match=r'seed\.txt: unknown format "csv"; known formats: '
                                         r"auto, liveblog, jsonl, parlamint$"):
        read_source("seed.txt", format="csv")


# Bad live pages and metadata files.

def test_impossible_time_names_file_and_line() -> None:
    with pytest.raises(InputError, match=r'bad-time\.txt line 5: time "25:61" is not a time'):
        read_liveblog(DATA / "bad-time.txt", DAY)


def test_no_posts_names_file_and_line() -> None:
    with pytest.raises(InputError, match=r"bad-no-posts\.txt line 2: no live-blog posts found; "
                                         r"expected numbered posts like"):
        read_liveblog(DATA / "bad-no-posts.txt", DAY)


def test_unknown_time_zone_lists_the_known_ones() -> None:
    text = "  1. A postpublished at 10:00 Mars Standard Time\n\n    Text.\n"
    with pytest.raises(InputError, match=r'mars\.txt line 1: unknown time zone "Mars Standard '
                                         r'Time" after "published at 10:00"; known zones: '
                                         r"Greenwich Mean Time, "):
        list(parse_liveblog(text, page_date=DAY, source="mars", origin="mars.txt"))


def test_no_date_and_no_metadata_says_how_to_fix(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(SEED, page)
    with pytest.raises(InputError, match=r"page\.txt: the page date is not in the text: pass "
                                         r"--date YYYY-MM-DD or add page\.meta\.yaml beside it"):
        read_liveblog(page)
    assert read_liveblog(page, DAY)[1].id == "page-1625"


def test_impossible_metadata_date_names_the_metadata_file() -> None:
    with pytest.raises(InputError, match=r'bad-meta-date\.meta\.yaml line 2: "date" is '
                                         r'"2025-02-30", not a real date \(YYYY-MM-DD\)'):
        read_liveblog(DATA / "bad-meta-date.txt")


def test_malformed_metadata_names_the_metadata_file() -> None:
    with pytest.raises(InputError, match=r"bad-meta-yaml\.meta\.yaml line 3: not valid YAML"):
        read_liveblog(DATA / "bad-meta-yaml.txt", DAY)


def test_unknown_metadata_key_lists_the_known_keys(tmp_path: Path) -> None:
    (tmp_path / "page.meta.yaml").write_text("date: 2025-01-16\ndat: 2025-01-17\n")
    with pytest.raises(InputError, match=r'page\.meta\.yaml line 2: unknown key "dat"; known '
                                         r"keys: date, source, url, title, publisher"):
        read_meta(tmp_path / "page.meta.yaml")


# Bytes to text, for every format: encodings, line endings, files that are not text.

def test_missing_file() -> None:
    with pytest.raises(InputError, match=r"nowhere\.txt: no such file"):
        read_source(DATA / "nowhere.txt", page_date=DAY)


def test_directory_is_not_a_file() -> None:
    with pytest.raises(InputError, match=r"data: is a directory, not a file"):
        read_text(DATA)


def test_empty_file() -> None:
    with pytest.raises(InputError, match=r"bad-empty\.txt: empty file"):
        read_liveblog(DATA / "bad-empty.txt", DAY)


def test_zero_byte_file(tmp_path: Path) -> None:
    (tmp_path / "zero.jsonl").write_bytes(b"")
    with pytest.raises(InputError, match=r"zero\.jsonl: empty file"):
        read_source(tmp_path / "zero.jsonl")


def test_binary_file(tmp_path: Path) -> None:
    image = tmp_path / "bad-image.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    with pytest.raises(InputError, match=r"bad-image\.txt: binary file, not text"):
        read_liveblog(image, DAY)


def test_control_characters_without_nul_are_binary() -> None:
    with pytest.raises(InputError, match=r"noise\.bin: binary file, not text"):
        decode(bytes(range(1, 32)) * 4 + b"some text", "noise.bin")


def test_text_of_unassigned_and_private_characters_is_binary_but_any_script_is_text() -> None:
    noise = "".join(chr(c) for c in (0xE000, 0x0378, 0xF8FF, 0x10FFFF)) * 10 + " some words"
    with pytest.raises(InputError, match=r"noise\.txt: binary file, not text"):
        decode(noise.encode(), "noise.txt")
    words = "Ἀθῆναι Київ 北京 café — “quoted” 😀\t\f\v\r\n" * 10
    assert decode(words.encode(), "words.txt").count("Ἀθῆναι Київ 北京 café — “quoted” 😀") == 10


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_unicode_with_a_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    data = SEED.read_text(encoding="utf-8").encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    page = tmp_path / f"{SOURCE}.txt"
    page.write_bytes(data)
    assert read_liveblog(page, DAY) == [
        Entry(**{**entry.__dict__, "origin": str(page)}) for entry in read_liveblog(SEED, DAY)]


def test_utf16_without_a_bom_is_decoded() -> None:
    assert decode("Summary\n\u2022 café".encode("utf-16-le"), "a.txt") == "Summary\n\u2022 café"


def test_latin1_and_cp1252_text_is_decoded() -> None:
    text = "  1. Cost of £5m \u2013 a caf\u00e9published at 10:00 GMT\n\n    Text.\n"
    data = text.encode("cp1252")
    entries = list(parse_liveblog(decode(data, "old.txt"), page_date=DAY, source="old"))
    assert entries[0].title == "Cost of £5m \u2013 a café"
    assert decode(b"caf\xe9 " * 30 + b"\x81", "x.txt") == "café " * 30 + "\x81"


def test_crlf_and_cr_line_endings(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    page = tmp_path / f"{SOURCE}.txt"
    page.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    crlf = read_liveblog(page, DAY)
    assert [(e.id, e.line, e.body) for e in crlf] == [
        (e.id, e.line, e.body) for e in read_liveblog(SEED, DAY)]
    assert decode(b"one\rtwo\r\nthree\n", "x.txt") == "one\ntwo\nthree\n"


def test_same_minute_ids_count_in_publication_order_on_an_oldest_first_page() -> None:
    text = ("  1. Firstpublished at 10:00 GMT\n\n    a\n\n  2. Secondpublished at 10:00 GMT\n\n"
            "    b\n\n  3. Thirdpublished at 10:05 GMT\n\n    c\n")
    entries = parse_liveblog(text, page_date=DAY, source="asc")
    assert [(e.id, e.title) for e in entries] == [
        ("asc-1000", "First"), ("asc-1000-2", "Second"), ("asc-1005", "Third")]
