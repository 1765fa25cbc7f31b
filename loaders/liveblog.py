"""Live-blog pages: the text of a news live page (the shape of a BBC News live page) as Entries.

The shape, as copied from the page:

    Summary
      • first bullet
      • second bullet
      2. Analysis
        A post's title, glued to its timepublished at 15:59 Greenwich Mean Time
        Alison Holt
        Social affairs editor
        First paragraph.
      1. Another titlepublished at 16:05 Greenwich Mean Time
        Breaking
        ...

The page date is not in the text: it is an argument, or the `date` of a `<stem>.meta.yaml`
file beside the source (see `read_meta`).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, timezone
from itertools import pairwise
from pathlib import Path

import yaml

from standpoint.errors import InputError
from standpoint.loaders.text import MAX_ENTRY_CHARS, read_text
from standpoint.records import Entry

__all__ = ["ZONES", "PageMeta", "meta_path", "parse_liveblog", "parse_meta", "read_liveblog",
           "read_meta"]

# Minutes east of UTC for the zone names a page may print after "published at HH:MM".
ZONES: dict[str, int] = {
    "greenwich mean time": 0, "gmt": 0, "utc": 0, "coordinated universal time": 0,
    "western european time": 0, "wet": 0,
    "british summer time": 60, "bst": 60, "irish standard time": 60,
    "western european summer time": 60, "west": 60, "central european time": 60, "cet": 60,
    "central european summer time": 120, "cest": 120, "eastern european time": 120, "eet": 120,
    "eastern european summer time": 180, "eest": 180,
    "eastern standard time": -300, "est": -300, "eastern daylight time": -240, "edt": -240,
    "central standard time": -360, "cst": -360, "central daylight time": -300, "cdt": -300,
    "mountain standard time": -420, "mst": -420, "mountain daylight time": -360, "mdt": -360,
    "pacific standard time": -480, "pst": -480, "pacific daylight time": -420, "pdt": -420,
    "australian eastern standard time": 600, "aest": 600,
    "australian eastern daylight time": 660, "aedt": 660,
}
# Label lines a page prints right after a post's title.
LABELS = frozenset({
    "analysis", "breaking", "breaking news", "explainer", "fact check", "bbc verify",
    "reality check", "correction", "post update", "update", "key update", "watch", "listen",
    "pinned", "live",
})
META_KEYS = ("date", "source", "url", "title", "publisher")
META_LIMIT = 1024**2  # bytes of a metadata file

_HEADER = re.compile(
    r"^(?:(?P<number>\d{1,4})\.\s+)?(?P<title>.*?)\s*published at\s*"
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?:\s+(?P<zone>[A-Za-z][A-Za-z ]*?))?\s*$",
    re.IGNORECASE,
)
_NUMBER_LINE = re.compile(r"^(?P<number>\d{1,4})\.(?:\s+(?P<label>\S.*?))?\s*$")
_CAPTION = re.compile(r"^(?:media|image|video) caption\s*(?:,\s*(?P<text>.*))?$", re.IGNORECASE)
_CREDIT = re.compile(r"^image source\s*,", re.IGNORECASE)
_BULLETS = "•●▪◦"
_FINAL_PUNCTUATION = tuple(".,;:!?\"'\u201d\u2019)\u2026")
_NAME_PUNCTUATION = re.compile(r"[,;:!?\"“”()…]|\.$")
_PARTICLES = frozenset(["al", "bin", "da", "de", "del", "della", "den", "der", "di", "du", "el",
                        "la", "le", "ter", "van", "von"])
_ROLLOVER = 12 * 60  # a clock going back more than 12 hours means the next day
_YAML_NULL = "tag:yaml.org,2002:null"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SHAPE = "numbered posts like '1. <title>published at 16:25 Greenwich Mean Time'"


@dataclass(frozen=True)
class PageMeta:
    """What a `<stem>.meta.yaml` file says about a page: its date, source name, URL, title."""

    date: date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class _Header:
    """Where a post starts (0-based line index) and what its header lines say."""

    start: int
    body_start: int
    title: str
    label: str | None
    clock: time
    offset: int


@dataclass(frozen=True)
class _Post:
    """A post's header and its body, split into speech paragraphs, bylines and captions."""

    header: _Header
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...]
    roles: tuple[str, ...]
    captions: tuple[str, ...]


def parse_liveblog(
    text: str, *, page_date: date, source: str, origin: str = "", url: str | None = None
) -> Iterator[Entry]:
    """Yield the Summary (if any) and then every post of a live page, in page order.

    The Summary sums up the page as of its latest post, so it carries that post's time.
    Ids are `<source>-HHMM` (`-2`, `-3` for later posts in the same minute, counted in
    publication order), so they survive a re-scrape that adds posts. `page_date` is the date of
    the earliest post; a clock going back by more than 12 hours moves to the next day.
    A byline is a personal-name line directly followed by a short role line at the top of a
    post; a lone name line (no role line) is not a byline and stays in the body as a paragraph.
    Caption markers ("Media caption,", "Image caption,"), their caption line and the duplicate
    of an image caption just before the marker leave the body for `captions`; "Image source,"
    credit lines are dropped. Lines before the first post other than a Summary are ignored.
    """
    where = origin or source
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headers = _headers(lines, where)
    if not headers:
        raise InputError(f"no live-blog posts found; expected {_SHAPE}", where,
                         _first_text_line(lines))
    ends = [header.start for header in headers[1:]] + [len(lines)]
    posts = [_post(h, lines[h.body_start: end]) for h, end in zip(headers, ends, strict=True)]
    for post in posts:
        _check_size(post, where)
    try:
        stamps = _ids_and_times(posts, page_date, source)
    except OverflowError as err:
        raise InputError(f"the page date {page_date} puts its posts outside the years 1 to 9999 "
                         "in UTC", where) from err
    summary = _summary(lines[: headers[0].start])
    if summary and sum(len(p) + 2 for p in summary[1]) > MAX_ENTRY_CHARS:
        raise InputError(f"the Summary is longer than the {MAX_ENTRY_CHARS:,} characters an entry "
                         "may hold; split it", where, summary[0])
    if summary:
        latest = max(published for _, published in stamps)
        yield Entry(id=f"{source}-summary", published=latest, body="\n\n".join(summary[1]),
                    title="Summary", source=source, url=url, origin=origin, line=summary[0])
    for post, (entry_id, published) in zip(posts, stamps, strict=True):
        yield replace(_entry(post, entry_id, published), source=source, url=url, origin=origin)


def _check_size(post: _Post, where: str) -> None:
    """A post's body (and title) may hold at most MAX_ENTRY_CHARS characters."""
    longest = max(len(post.header.title), sum(len(p) + 2 for p in post.paragraphs))
    if longest > MAX_ENTRY_CHARS:
        raise InputError(f"the post is {longest:,} characters long, more than the "
                         f"{MAX_ENTRY_CHARS:,} an entry may hold; split it", where,
                         post.header.start + 1)


def read_liveblog(path: str | os.PathLike[str], page_date: date | None = None) -> list[Entry]:
    """Read a live-page text file; date, source name and URL come from `<stem>.meta.yaml` if any.

    `page_date` overrides the metadata's date; the source name defaults to the file stem.
    """
    text = read_text(path)
    meta_file = meta_path(path)
    meta = read_meta(meta_file) if meta_file.exists() else PageMeta()
    day = page_date or meta.date
    if day is None:
        raise InputError(
            f"the page date is not in the text: pass --date YYYY-MM-DD or add {meta_file.name} "
            "beside it with a line 'date: YYYY-MM-DD'", str(path))
    source = meta.source or Path(path).stem
    return list(parse_liveblog(text, page_date=day, source=source, origin=str(path), url=meta.url))


def meta_path(path: str | os.PathLike[str]) -> Path:
    """The metadata file that belongs beside a source: `<stem>.meta.yaml`."""
    source = Path(path)
    return source.with_name(f"{source.stem}.meta.yaml")


def read_meta(path: str | os.PathLike[str]) -> PageMeta:
    """Read a page's metadata file (YAML `key: value` lines; keys in META_KEYS, all optional)."""
    return parse_meta(read_text(path, limit=META_LIMIT), origin=str(path))


def parse_meta(text: str, *, origin: str) -> PageMeta:
    """Parse metadata text; unknown keys, non-text values and impossible dates are InputErrors."""
    fields = _meta_fields(text, origin)
    day = None
    if "date" in fields:
        day = _meta_date(*fields["date"], origin)
    values = {key: value for key, (value, _) in fields.items() if key != "date"}
    return PageMeta(date=day, **values)


def _meta_fields(text: str, origin: str) -> dict[str, tuple[str, int]]:
    """Map each metadata key to its text value and line; an empty or null value is left out."""
    root = _compose(text, origin)
    fields: dict[str, tuple[str, int]] = {}
    for key_node, value_node in root.value:
        key, line = str(key_node.value), key_node.start_mark.line + 1
        if key not in META_KEYS:
            raise InputError(f'unknown key "{key}"; known keys: {", ".join(META_KEYS)}',
                             origin, line)
        if key in fields:
            raise InputError(f'"{key}" is given twice (first on line {fields[key][1]})',
                             origin, line)
        if value_node.tag == _YAML_NULL:
            continue
        if not isinstance(value_node, yaml.ScalarNode):
            raise InputError(f'"{key}" must be a single text value', origin, line)
        fields[key] = (str(value_node.value).strip(), line)
    return fields


def _compose(text: str, origin: str) -> yaml.MappingNode:
    """Parse YAML text to its node tree (no value conversion) and check it is a mapping."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError as err:
        raise InputError("not valid metadata: nested too deeply", origin) from err
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = " ".join(str(getattr(err, "problem", None) or err).split())
        raise InputError(f"not valid YAML: {problem}", origin,
                         mark.line + 1 if mark else None) from err
    if not isinstance(root, yaml.MappingNode):
        raise InputError(f"expected 'key: value' lines with keys {', '.join(META_KEYS)}", origin)
    return root


def _meta_date(value: str, line: int, origin: str) -> date:
    """Parse the metadata `date` (YYYY-MM-DD), naming the file and line if it is not a date."""
    try:
        if _DATE.match(value):
            return date.fromisoformat(value)
    except ValueError as err:
        raise InputError(f'"date" is "{value}", not a real date (YYYY-MM-DD)', origin,
                         line) from err
    raise InputError(f'"date" is "{value}", not a date in the form YYYY-MM-DD', origin, line)


def _headers(lines: list[str], where: str) -> list[_Header]:
    """Find every post header: the title line with its time, an `N. Label` line before it."""
    headers = []
    for index, line in enumerate(lines):
        match = _HEADER.match(line.strip())
        if match and (match["number"] or _zone(match["zone"]) is not None):
            headers.append(_header(lines, index, match, where))
    return headers


def _header(lines: list[str], index: int, match: re.Match[str], where: str) -> _Header:
    """Build one header from its title line (at `index`) and the label lines around it."""
    clock = _clock(match, where, index + 1)
    offset = _zone(match["zone"])
    if offset is None:
        raise InputError(_zone_problem(match), where, index + 1)
    start, label = index, None
    before = _previous_text_line(lines, index)
    if not match["number"] and before is not None:
        number_line = _NUMBER_LINE.match(lines[before].strip())
        if number_line and _is_label(number_line["label"]):
            start, label = before, number_line["label"]
    body_start = index + 1
    after = _next_text_line(lines, index)
    if after is not None and lines[after].strip().casefold() in LABELS:
        label, body_start = label or lines[after].strip(), after + 1
    return _Header(start, body_start, match["title"].strip(), label, clock, offset)


def _clock(match: re.Match[str], where: str, line: int) -> time:
    """The HH:MM of a header, or an InputError if it is not a time of day."""
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23 or minute > 59:
        raise InputError(f'time "{match["hour"]}:{match["minute"]}" is not a time of day '
                         "(00:00 to 23:59)", where, line)
    return time(hour, minute)


def _zone(name: str | None) -> int | None:
    """Minutes east of UTC for a zone name, or None if it is missing or not known."""
    return ZONES.get(" ".join(name.split()).casefold()) if name else None


def _zone_problem(match: re.Match[str]) -> str:
    """Say that a header's time zone is missing or unknown, and list the known zones."""
    stamp = f'"published at {match["hour"]}:{match["minute"]}"'
    zone = match["zone"]
    problem = f'unknown time zone "{zone}" after' if zone else "no time zone after"
    known = ", ".join(zone.title() for zone in ZONES if " " in zone)
    return f"{problem} {stamp}; known zones: {known} (or their abbreviations, e.g. GMT, BST)"


def _is_label(text: str | None) -> bool:
    """True if the text after `N.` is a short label (e.g. "Analysis"), or there is none."""
    return text is None or (len(text.split()) <= 4 and len(text) <= 40
                            and not text.endswith(_FINAL_PUNCTUATION))


def _previous_text_line(lines: list[str], index: int) -> int | None:
    """Index of the nearest non-blank line before `index`, if any."""
    return next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)


def _next_text_line(lines: list[str], index: int) -> int | None:
    """Index of the nearest non-blank line after `index`, if any."""
    return next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)


def _first_text_line(lines: list[str]) -> int:
    """1-based number of the first non-blank line (1 if there is none)."""
    return next((i + 1 for i, line in enumerate(lines) if line.strip()), 1)


def _summary(lines: list[str]) -> tuple[int, list[str]] | None:
    """The Summary heading's line and its bullet texts, from the lines before the first post."""
    heading = next((i for i, line in enumerate(lines)
                    if line.strip().rstrip(":").casefold() == "summary"), None)
    if heading is None:
        return None
    paragraphs = [_unbullet(line) for line in lines[heading + 1:] if _unbullet(line)]
    return (heading + 1, paragraphs) if paragraphs else None


def _post(header: _Header, lines: list[str]) -> _Post:
    """Split a post's body lines into paragraphs, bylines and captions."""
    rows = [(header.body_start + i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    rows, captions = _take_captions(rows)
    authors, roles, rows = _take_bylines(rows)
    paragraphs = tuple(text for text in (_unbullet(line) for _, line in rows) if text)
    return _Post(header, paragraphs, authors, roles, captions)


def _take_captions(rows: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], tuple[str, ...]]:
    """Remove caption markers, their caption lines and image-source credits from the rows."""
    kept: list[tuple[int, str]] = []
    captions: list[str] = []
    awaiting = False
    for number, line in rows:
        marker = _CAPTION.match(line)
        caption = line if awaiting else (marker["text"] or "").strip() if marker else ""
        awaiting = bool(marker) and not caption
        if caption:
            if kept and kept[-1][1] == caption:
                kept.pop()
            captions.append(caption)
        elif not marker and not _CREDIT.match(line):
            kept.append((number, line))
    return kept, tuple(captions)


def _take_bylines(
    rows: list[tuple[int, str]],
) -> tuple[tuple[str, ...], tuple[str, ...], list[tuple[int, str]]]:
    """Take the name/role line pairs at the top of a post; return authors, roles, the rest."""
    authors: list[str] = []
    roles: list[str] = []
    while len(rows) >= 2 and _is_byline(rows[0], rows[1]):
        authors.append(rows[0][1])
        roles.append(rows[1][1])
        rows = rows[2:]
    return tuple(authors), tuple(roles), rows


def _is_byline(name: tuple[int, str], role: tuple[int, str]) -> bool:
    """True for a personal-name line directly followed (next line) by a role line."""
    return role[0] == name[0] + 1 and _is_name(name[1]) and _is_role(role[1])


def _is_name(line: str) -> bool:
    """True for 2 to 4 capitalised words (particles like "van" inside) and no punctuation."""
    words = line.split()
    if not 2 <= len(words) <= 4 or _NAME_PUNCTUATION.search(line):
        return False
    inner_ok = all(_is_name_word(word) or word in _PARTICLES for word in words[1:-1])
    return _is_name_word(words[0]) and _is_name_word(words[-1]) and inner_ok


def _is_name_word(word: str) -> bool:
    """True for a capitalised word of letters, apostrophes, hyphens or an initial's dot."""
    return word[0].isupper() and all(char.isalpha() or char in "'\u2019-." for char in word)


def _is_role(line: str) -> bool:
    """True for a short job-title line: 1 to 6 words, capitalised, no final punctuation."""
    return (1 <= len(line.split()) <= 6 and len(line) <= 60 and line[0].isupper()
            and not line.endswith(_FINAL_PUNCTUATION) and not _CAPTION.match(line))


def _unbullet(line: str) -> str:
    """The line without surrounding space and without a leading bullet glyph."""
    return line.strip().lstrip(_BULLETS).strip()


def _ids_and_times(posts: list[_Post], page_date: date, source: str) -> list[tuple[str, datetime]]:
    """Give each post (in page order) its stable id and its aware publication time."""
    result: dict[int, tuple[str, datetime]] = {}
    seen: Counter[str] = Counter()
    day, previous = page_date, None
    for index in _publication_order(posts):
        header = posts[index].header
        minutes = header.clock.hour * 60 + header.clock.minute
        if previous is not None and minutes < previous - _ROLLOVER:
            day += timedelta(days=1)
        previous = minutes
        base = f"{source}-{header.clock:%H%M}"
        seen[base] += 1
        zone = timezone(timedelta(minutes=header.offset))
        published = datetime.combine(day, header.clock, tzinfo=zone)
        published.astimezone(UTC)  # OverflowError if outside the years 1 to 9999
        result[index] = (base if seen[base] == 1 else f"{base}-{seen[base]}", published)
    return [result[index] for index in range(len(posts))]


def _publication_order(posts: list[_Post]) -> list[int]:
    """Post indices oldest first: pages list newest first unless their clocks mostly go up.

    A step counts as going up when the next clock is less than 12 hours later (so 23:50 then
    00:10 goes up, across midnight).
    """
    minutes = [post.header.clock.hour * 60 + post.header.clock.minute for post in posts]
    steps = [(b - a) % (24 * 60) for a, b in pairwise(minutes)]
    rising = sum(1 for step in steps if 0 < step < _ROLLOVER)
    falling = sum(1 for step in steps if step > _ROLLOVER)
    indices = list(range(len(posts)))
    return indices if rising > falling else indices[::-1]


def _entry(post: _Post, entry_id: str, published: datetime) -> Entry:
    """The Entry of one post (without the page's source, URL and origin)."""
    header = post.header
    return Entry(
        id=entry_id, published=published, body="\n\n".join(post.paragraphs), title=header.title,
        authors=post.authors, author_roles=post.roles, label=header.label,
        captions=post.captions, line=header.start + 1,
    )
