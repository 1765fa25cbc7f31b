"""ParlaMint TEI (editions 4 and 5): one Entry per utterance `<u>`, its speaker resolved at the
sitting's date.

A day file (`<TEI xml:id="ParlaMint-XX_…">`), the corpus root (`<teiCorpus>`, whose
`xi:include`s name the days) or a folder of day files is read. An utterance's `<seg>`
paragraphs are its body; `<note>`, `<gap>`, `<kinesic>`, `<vocal>` and `<incident>` are not
speech. A linguistically annotated `.ana.xml` day is read too: its tokens are joined with a
space, except after `join="right"`. The `<head>` of the debate section is the entry's title (the
extractor takes it as what is debated when it names an issue). A chair utterance
(`ana="#chair"`) is procedure: it takes no positions.

Speakers (`who="#PersonId"`) resolve, in this order of preference, through:

1. the corpus's `ParlaMint-XX-listPerson.xml` and `-listOrg.xml` (named by the root's includes,
   or found beside the day or up to two folders above it): the person's name, and the party or
   parliamentary group of an affiliation that holds on the sitting's date;
2. the day's `-meta.tsv`, which ParlaMint publishes beside each day (name and party per utterance);
3. the id itself ("#StephenKinnock" is "Stephen Kinnock"); the entry's source says so.

The entry keeps the speaker by ParlaMint's ids (`Entry.speaker_ref`): the person's, written
`corpus#id` ("ParlaMint-GB#StephenKinnock"), their party's on the day (listOrg only), whether
another person of the corpus (or of the day's -meta.tsv) has the same name, and the offices their
listPerson affiliations give, with dates (all but plain membership of a party or group). Extraction
then knows the speaker by the id, not the name (loaders/discovery.py, `Known.person_with_ref`).

Files are parsed as a stream (`lxml.etree.iterparse`): an utterance is dropped once read, so
memory holds one utterance, not the day. Entity declarations are refused (an XML bomb) and
nothing is fetched from the network.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from lxml import etree

from standpoint.errors import InputError
from standpoint.loaders.discovery import slug
from standpoint.loaders.hansard import party_code
from standpoint.loaders.text import MAX_ENTRY_CHARS, clean, size
from standpoint.records import CorpusRole, Entry, SpeakerRef, within

__all__ = ["MAX_XML_BYTES", "People", "day_files", "is_day_file", "parse_parlamint",
           "read_parlamint", "read_people"]

TEI = "{http://www.tei-c.org/ns/1.0}"
XI = "{http://www.w3.org/2001/XInclude}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_XML_BYTES = 512 * 1024**2  # one ParlaMint file; a sitting day is a few MB
NOT_SPEECH = {TEI + name for name in ("note", "gap", "kinesic", "vocal", "incident", "desc",
                                      "linkGrp", "measure")}
PARTY_ROLES = ("politicalParty", "parliamentaryGroup")
DAY_NAME = re.compile(r"^ParlaMint-[A-Z]{2}(?:-[A-Z]{2})?(?:-en)?_\d{4}-.+\.xml$")


@dataclass(frozen=True)
class Org:
    id: str
    name: str
    abbreviation: str | None
    role: str
    english: str | None = None  # the English orgName, when there is one


@dataclass(frozen=True)
class Affiliation:
    ref: str
    role: str
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        return within(day, self.start, self.end)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    affiliations: tuple[Affiliation, ...] = ()


@dataclass
class People:
    """A corpus's persons and organisations, from its listPerson and listOrg."""

    persons: dict[str, Person] = field(default_factory=dict)
    orgs: dict[str, Org] = field(default_factory=dict)
    origin: str = ""
    corpus: str = ""  # "ParlaMint-LV": what the ids are qualified with
    homonyms: set[str] = field(default_factory=set)  # ids of persons another person's name shares

    def roles_of(self, person: Person) -> tuple[CorpusRole, ...]:
        """The offices a person held, with their dates: every affiliation but plain membership of
        a party or parliamentary group (that is the party), e.g. "Minister (Cabinet of
        Ministers)", "Member (Saeima of the Republic of Latvia)", "Head (Jaunā konservatīvā)"."""
        roles = []
        for held in person.affiliations:
            org = self.orgs.get(held.ref)
            if org is not None and org.role in PARTY_ROLES and held.role == "member":
                continue
            where = (org.english or org.name) if org is not None else held.ref
            word = " ".join(re.sub(r"([a-z])([A-Z])", r"\1 \2", held.role).split()).capitalize()
            roles.append(CorpusRole(slug(f"{self.corpus} {held.ref} {held.role}"),
                                    f"{word or 'Member'} ({where})", held.start, held.end))
        return tuple(dict.fromkeys(roles))

    def party_on(self, person: Person, day: date) -> Org | None:
        """The party (else the parliamentary group) the person belonged to on that day."""
        held = [self.orgs.get(a.ref) for a in person.affiliations if a.holds_on(day)]
        for role in PARTY_ROLES:
            for org in held:
                if org is not None and org.role == role:
                    return org
        return None


@dataclass(frozen=True)
class _Speaker:
    name: str
    party: str | None
    ref: SpeakerRef | None = None


@dataclass
class _Day:
    """What a day's header says, and where its speakers come from."""

    id: str
    day: date
    source: str
    url: str | None
    people: People | None = None
    meta: dict[str, _Speaker] | None = None


def read_parlamint(path: str | os.PathLike[str], people: People | None = None) -> list[Entry]:
    """Read a ParlaMint day file or corpus root; see the module docstring for what is read."""
    path = Path(path)
    _check_size(path)
    if _root_tag(path) == TEI + "teiCorpus":
        days, lists = _corpus_includes(path)
        people = people or _people_from(lists, path)
        return [entry for day in days for entry in read_parlamint(day, people)]
    people = people or _people_beside(path)
    meta = None if people is not None else _meta_beside(path)
    with path.open("rb") as file:
        return list(parse_parlamint(file, origin=str(path), people=people, meta=meta))


def parse_parlamint(source: Any, *, origin: str, people: People | None = None,
                    meta: dict[str, _Speaker] | None = None) -> Iterator[Entry]:
    """Yield one Entry per utterance of a ParlaMint day, read from a binary file as a stream."""
    context = _iterparse(source, events=("start", "end"))
    day: _Day | None = None
    header: dict[str, Any] = {}
    head: str = ""
    try:
        for event, elem in context:
            if day is None:
                if event == "start" and elem.getparent() is None:
                    _check_root(elem, origin)
                if event == "end" and elem.tag == TEI + "teiHeader":
                    day = _day(elem, header, origin, people, meta)
                    _drop(elem)
                elif event == "end":
                    _header_detail(elem, header)
                continue
            if event == "start" and elem.tag == TEI + "div":
                head = ""
            elif event == "end" and elem.tag == TEI + "head":
                head = _plain(elem)
            elif event == "end" and elem.tag == TEI + "u":
                entry = _utterance(elem, day, head, origin)
                if entry is not None:
                    yield entry
            if event == "end" and _between_utterances(elem):
                _drop(elem)
    except etree.XMLSyntaxError as err:
        raise InputError(f"not well-formed XML: {_syntax(err)}", origin, err.lineno) from err
    if day is None:
        raise InputError("no <teiHeader>: a ParlaMint day begins with one", origin)


def read_people(list_person: Path, list_org: Path | None) -> People:
    """A corpus's persons (listPerson) and organisations (listOrg); a bad file raises InputError."""
    people = People(origin=str(list_person), corpus=_corpus(list_person.name))
    if list_org is not None:
        for org in _elements(list_org, "listOrg", "org"):
            org_id = _required_id(org, list_org)
            names = org.findall(TEI + "orgName")
            full = next((n for n in names if n.get("full") != "abb"), None)
            abb = next((n for n in names if n.get("full") == "abb"), None)
            english = next((n for n in names if n.get("full") != "abb" and n.get(XML_LANG) == "en"),
                           None)
            people.orgs[org_id] = Org(org_id, _plain(full) if full is not None else org_id,
                                      _plain(abb) if abb is not None else None, org.get("role", ""),
                                      _plain(english) if english is not None else None)
    for person in _elements(list_person, "listPerson", "person"):
        person_id = _required_id(person, list_person)
        name = person.find(TEI + "persName")
        if name is None:
            raise InputError(f'<person xml:id="{person_id}"> has no <persName>', str(list_person),
                             person.sourceline)
        people.persons[person_id] = Person(
            person_id, _person_name(name, person_id),
            tuple(_affiliation(a, person_id, list_person) for a in person.iter(TEI + "affiliation")))
    people.homonyms = _homonyms((p.id, p.name) for p in people.persons.values())
    return people


def is_day_file(path: Path) -> bool:
    """A ParlaMint day by its published name (`ParlaMint-GB_2017-09-07-commons.xml`)."""
    return bool(DAY_NAME.match(path.name))


def day_files(folder: Path) -> list[Path]:
    """The day files in a folder and its subfolders, by name; a day published both plain and
    annotated (`.ana.xml`) is read once, plain."""
    days = sorted(p for p in folder.rglob("*.xml") if p.is_file() and is_day_file(p))
    plain = {p.with_suffix("") for p in days if not p.name.endswith(".ana.xml")}
    return [p for p in days if not (p.name.endswith(".ana.xml")
                                    and p.with_suffix("").with_suffix("") in plain)]


# -- a day's header and utterances -------------------------------------------------------------


def _iterparse(source: Any, **options: Any) -> Any:
    """lxml's iterparse, safe: no entity is expanded, no DTD or network read, no huge text."""
    return etree.iterparse(source, resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True, remove_pis=True, **options)


def _check_root(root: Any, origin: str) -> None:
    """A ParlaMint day: <TEI xml:id="ParlaMint-…"> with no DOCTYPE (so no entity declarations)."""
    if root.getroottree().docinfo.doctype:
        raise InputError("has a DOCTYPE, which ParlaMint files never have; entity declarations "
                         "are refused (an XML bomb expands them)", origin, 1)
    if root.tag != TEI + "TEI":
        raise InputError(f"the root element is <{_name(root.tag)}>; expected a ParlaMint day "
                         '<TEI xml:id="ParlaMint-…"> in the TEI namespace', origin, root.sourceline)
    if not (root.get(XML_ID) or "").startswith("ParlaMint"):
        raise InputError(f'a TEI file, but not ParlaMint: <TEI xml:id="{root.get(XML_ID) or ""}">; '
                         'expected xml:id="ParlaMint-…"', origin, root.sourceline)


def _header_detail(elem: Any, header: dict[str, Any]) -> None:
    """Keep what the header says of the sitting while it streams past."""
    tag = elem.tag
    parent = elem.getparent()
    parent_tag = parent.tag if parent is not None else ""
    if tag == TEI + "title" and parent_tag == TEI + "titleStmt":
        header.setdefault(elem.get("type", "main") + (elem.get(XML_LANG) or ""), _plain(elem))
    elif tag == TEI + "date" and parent_tag == TEI + "setting" and elem.get("when"):
        header["when"] = (elem.get("when"), elem.sourceline)
    elif tag == TEI + "idno" and parent_tag == TEI + "bibl" and elem.get("type") == "URI":
        header.setdefault("url", (elem.text or "").strip())


def _day(header_elem: Any, header: dict[str, Any], origin: str, people: People | None,
         meta: dict[str, _Speaker] | None) -> _Day:
    """The sitting (its date, source and speakers) from the header details kept."""
    root = header_elem.getparent()
    when, line = header.get("when", (None, header_elem.sourceline))
    if when is None:
        raise InputError("the <teiHeader> gives no sitting date "
                         "(profileDesc/settingDesc/setting/date/@when)", origin, line)
    try:
        day = date.fromisoformat(when[:10])
    except ValueError as err:
        raise InputError(f'<date when="{when}">: not a date (YYYY-MM-DD)', origin, line) from err
    source = header.get("sub") or header.get("mainen") or header.get("main") or "ParlaMint"
    if people is None and meta is None:
        source += " (speakers named from their ParlaMint ids: no listPerson or -meta.tsv found)"
    return _Day(root.get(XML_ID), day, source, header.get("url") or None, people, meta)


def _utterance(u: Any, day: _Day, head: str, origin: str) -> Entry | None:
    """One utterance as an Entry; None when it holds no words."""
    entry_id = u.get(XML_ID)
    if not entry_id:
        raise InputError("<u> has no xml:id", origin, u.sourceline)
    who = u.get("who") or ""
    if not re.fullmatch(r"#[^\s#]+", who):  # one person: their id is kept as an identifier
        raise InputError(f'<u xml:id="{entry_id}" who="{who}">: expected who="#PersonId"',
                         origin, u.sourceline)
    paragraphs = [text for text in map(_seg_text, u.iter(TEI + "seg")) if text]
    body = "\n\n".join(paragraphs)
    if not body:
        return None
    if len(body) > MAX_ENTRY_CHARS:
        raise InputError(f'<u xml:id="{entry_id}"> holds more than the {MAX_ENTRY_CHARS:,} '
                         "characters an entry may hold", origin, u.sourceline)
    speaker = _speaker(who[1:], entry_id, day, origin, u.sourceline)
    chair = "#chair" in (u.get("ana") or "").split()
    return Entry(id=entry_id, published=day.day, body=body, title=head,
                 speaker=_display(speaker, chair), source=day.source, url=day.url,
                 speaker_ref=speaker.ref, origin=origin, line=u.sourceline)


def _speaker(person_id: str, entry_id: str, day: _Day, origin: str, line: int) -> _Speaker:
    """Who spoke: name, party and ids, from the listPerson, else the -meta.tsv, else the id."""
    corpus = _corpus(day.id)
    if day.people is not None:
        people = day.people
        person = people.persons.get(person_id)
        if person is None:
            raise InputError(f'<u xml:id="{entry_id}" who="#{person_id}">: no such person in '
                             f"{people.origin}", origin, line)
        party = people.party_on(person, day.day)
        ref = SpeakerRef(f"{corpus}#{person_id}", f"{corpus}#{party.id}" if party else None,
                         people.roles_of(person), person_id in people.homonyms)
        return _Speaker(person.name, _party_label(party.abbreviation, party.name, _uk(day.id))
                        if party else None, ref)
    if day.meta is not None and entry_id in day.meta:
        found = day.meta[entry_id]
        return _Speaker(found.name, found.party, SpeakerRef(
            f"{corpus}#{person_id}", distinct=found.ref is not None and found.ref.distinct))
    return _Speaker(_from_id(person_id), None, SpeakerRef(f"{corpus}#{person_id}"))


def _party_label(abbreviation: str | None, name: str | None, uk: bool) -> str | None:
    """How the party is written in the speaker string: in the UK corpus, a Hansard code when it
    is one ("LAB" is Lab); else the party's name (Latvia's "NA" is no Hansard "NA")."""
    if uk and abbreviation and party_code(abbreviation):
        return abbreviation
    return name or abbreviation


def _display(speaker: _Speaker, chair: bool) -> str:
    """The speaker as a transcript shows one: "Stephen Kinnock (party: LAB)"; the chair is
    "(in the Chair)", so the extractor reads it as procedure."""
    parts = [speaker.name]
    if chair:
        parts.append("(in the Chair)")
    if speaker.party:
        parts.append(f"(party: {speaker.party})")
    return " ".join(parts)


def _seg_text(seg: Any) -> str:
    """A paragraph's words: tokens joined (annotated TEI), else its text; never non-speech."""
    sentences = seg.findall(TEI + "s")
    if sentences or seg.find(".//" + TEI + "w") is not None:
        return clean(" ".join(filter(None, map(_tokens, sentences or [seg]))))
    return clean(" ".join(_words(seg).split()))


def _tokens(sentence: Any) -> str:
    parts: list[str] = []
    for token in sentence.iter(TEI + "w", TEI + "pc"):
        if any(a.tag in NOT_SPEECH for a in token.iterancestors()):
            continue
        parts.append((token.text or "").strip())
        parts.append("" if token.get("join") == "right" else " ")
    return "".join(parts).strip()


def _words(elem: Any) -> str:
    """The text of an element without its non-speech children (their tails are kept)."""
    parts = [elem.text or ""]
    for child in elem:
        if child.tag not in NOT_SPEECH and isinstance(child.tag, str):
            parts.append(_words(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _plain(elem: Any) -> str:
    return clean(" ".join(_words(elem).split()))


def _between_utterances(elem: Any) -> bool:
    """An element read whole at the level of utterances (a <u>, <note>, <head>, ...)."""
    parent = elem.getparent()
    return parent is not None and parent.tag in (TEI + "div", TEI + "body")


def _drop(elem: Any) -> None:
    """Free an element that has been read, and the siblings read before it."""
    elem.clear(keep_tail=True)
    parent = elem.getparent()
    if parent is not None:
        while elem.getprevious() is not None:
            del parent[0]


# -- corpus root, person lists and meta files --------------------------------------------------


def _check_size(path: Path) -> None:
    try:
        length = path.stat().st_size
    except OSError as err:
        raise InputError(f"cannot read the file: {err.strerror}", str(path)) from err
    if length > MAX_XML_BYTES:
        raise InputError(f"the file is {size(length)}, larger than the {size(MAX_XML_BYTES)} a "
                         "ParlaMint file may be; ParlaMint publishes one file per sitting day",
                         str(path))


def _root_tag(path: Path) -> str:
    """The tag of a file's root element, read without reading the rest."""
    try:
        with path.open("rb") as file:
            for _, elem in _iterparse(file, events=("start",)):
                return str(elem.tag)
    except etree.XMLSyntaxError as err:
        raise InputError(f"not well-formed XML: {_syntax(err)}", str(path), err.lineno) from err
    raise InputError("no root element", str(path))


def _corpus_includes(root: Path) -> tuple[list[Path], list[Path]]:
    """The day files a corpus root includes (those present), and its listPerson/listOrg."""
    days: list[Path] = []
    lists: list[Path] = []
    tree = _small_tree(root)
    for include in tree.iter(XI + "include"):
        href = include.get("href") or ""
        target = (root.parent / href).resolve()
        parent = include.getparent()
        if parent is not None and parent.tag == TEI + "particDesc":
            lists.append(target)
        elif parent is not None and parent.tag == TEI + "teiCorpus" and target.is_file():
            days.append(target)
    if not days:
        raise InputError("the corpus root includes no day file that is present", str(root))
    return days, lists


def _small_tree(path: Path) -> Any:
    """A whole (small) XML file as a tree, parsed safely; a root or a person list."""
    if path.stat().st_size > 64 * 1024**2:
        raise InputError(f"the file is {size(path.stat().st_size)}, larger than the 64 MB a "
                         "corpus root, listPerson or listOrg may be", str(path))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as err:
        raise InputError(f"not well-formed XML: {_syntax(err)}", str(path), err.lineno) from err
    if tree.docinfo.doctype:
        raise InputError("has a DOCTYPE, which ParlaMint files never have; entity declarations "
                         "are refused (an XML bomb expands them)", str(path), 1)
    return tree


def _people_from(lists: list[Path], root: Path) -> People | None:
    persons = [p for p in lists if p.name.endswith("-listPerson.xml") and p.is_file()]
    orgs = [p for p in lists if p.name.endswith("-listOrg.xml") and p.is_file()]
    return read_people(persons[0], orgs[0] if orgs else None) if persons else None


def _people_beside(day: Path) -> People | None:
    """The corpus's listPerson (and listOrg) beside the day or up to two folders above it."""
    corpus = day.name.split("_", 1)[0].removesuffix("-en")
    for folder in (day.parent, day.parent.parent, day.parent.parent.parent):
        persons = folder / f"{corpus}-listPerson.xml"
        if persons.is_file():
            orgs = folder / f"{corpus}-listOrg.xml"
            return read_people(persons, orgs if orgs.is_file() else None)
    return None


def _meta_beside(day: Path) -> dict[str, _Speaker] | None:
    """The day's `-meta.tsv` (utterance id -> speaker), when ParlaMint's is beside it."""
    stem = day.name.removesuffix(".xml").removesuffix(".ana")
    meta = day.with_name(stem + "-meta.tsv")
    if not meta.is_file():
        return None
    speakers: dict[str, _Speaker] = {}
    with meta.open(encoding="utf-8", newline="") as file:
        rows = csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
        if not {"ID", "Speaker_name"} <= set(rows.fieldnames or ()):
            raise InputError("a -meta.tsv needs the columns ID and Speaker_name", str(meta), 1)
        for row in rows:
            name = _surname_first(row.get("Speaker_name") or "")
            party = _party_label(_dash(row.get("Speaker_party")), _dash(row.get("Speaker_party_name")),
                                 _uk(day.name))
            who = _dash(row.get("Speaker_ID"))
            speakers[row["ID"]] = _Speaker(name, party, SpeakerRef(who) if who else None)
    same = _homonyms((s.ref.person, s.name) for s in speakers.values() if s.ref is not None)
    return {key: _Speaker(s.name, s.party, SpeakerRef(s.ref.person, distinct=s.ref.person in same)
                          if s.ref is not None else None) for key, s in speakers.items()}


def _homonyms(people: Iterable[tuple[str, str]]) -> set[str]:
    """The ids, of (id, name) pairs, whose name another id has too."""
    ids_of: dict[str, set[str]] = {}
    for person_id, name in people:
        ids_of.setdefault(name.casefold(), set()).add(person_id)
    return {i for ids in ids_of.values() if len(ids) > 1 for i in ids}


def _elements(path: Path, root_name: str, child: str) -> list[Any]:
    """The `child` elements of a listPerson or listOrg file; a wrong or empty file is an error."""
    root = _small_tree(path).getroot()
    if root.tag != TEI + root_name:
        raise InputError(f"the root element is <{_name(root.tag)}>; expected <{root_name}> in "
                         "the TEI namespace", str(path), root.sourceline)
    found = root.findall(TEI + child)
    if not found:
        raise InputError(f"<{root_name}> holds no <{child}>", str(path), root.sourceline)
    return list(found)


def _required_id(elem: Any, path: Path) -> str:
    value = elem.get(XML_ID)
    if not value:
        raise InputError(f"<{_name(elem.tag)}> has no xml:id", str(path), elem.sourceline)
    return str(value)


def _person_name(name: Any, person_id: str) -> str:
    """The person's name as it is said: the first forename, then the surname(s)."""
    forenames = [_plain(f) for f in name.findall(TEI + "forename")]
    surnames = [_plain(s) for s in name.findall(TEI + "surname")]
    words = [w for w in (forenames[:1] + surnames) if w]
    return " ".join(words) or _plain(name) or _from_id(person_id)


def _affiliation(elem: Any, person_id: str, path: Path) -> Affiliation:
    ref = (elem.get("ref") or "").removeprefix("#")
    start = _when(elem.get("from"), elem, person_id, path, end=False)
    end = _when(elem.get("to"), elem, person_id, path, end=True)
    if start and end and start > end:
        raise InputError(f'<person xml:id="{person_id}"> <affiliation ref="#{ref}" '
                         f'from="{elem.get("from")}" to="{elem.get("to")}">: it ends before it '
                         "begins", str(path), elem.sourceline)
    return Affiliation(ref, elem.get("role", ""), start, end)


def _when(value: str | None, elem: Any, person_id: str, path: Path, *, end: bool) -> date | None:
    """An affiliation's from/to: YYYY, YYYY-MM or YYYY-MM-DD (a year or month is taken whole)."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
        if len(parts) == 2:
            last = (date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1) - date.resolution)
            return last if end else date(parts[0], parts[1], 1)
        return date(parts[0], parts[1], parts[2])
    except ValueError as err:
        raise InputError(f'<person xml:id="{person_id}"> <affiliation {"to" if end else "from"}='
                         f'"{value}">: not a date (YYYY-MM-DD)', str(path), elem.sourceline) from err


def _surname_first(name: str) -> str:
    """ "Kinnock, Stephen Nathan" -> "Stephen Kinnock" (the first forename, as with listPerson)."""
    surname, _, forenames = name.partition(",")
    first = forenames.split()[:1]
    return " ".join([*first, surname.strip()]) if first else surname.strip()


def _from_id(person_id: str) -> str:
    """A name from a ParlaMint id: "StephenKinnock" -> "Stephen Kinnock"."""
    out = []
    for before, char in zip(" " + person_id, person_id):
        out.append(" " + char if before.islower() and char.isupper() else char)
    return "".join(out).replace("_", " ").strip()


def _corpus(name: str) -> str:
    """The corpus a file or id is of, its translations included: "ParlaMint-LV-en_2021-…" and
    "ParlaMint-LV-listPerson.xml" are of "ParlaMint-LV"."""
    head = name.split("_", 1)[0].removesuffix(".xml")
    head = re.sub(r"-(?:listPerson|listOrg)$", "", head)
    return head.removesuffix(".ana").removesuffix("-en")


def _uk(name: str) -> bool:
    return name.startswith("ParlaMint-GB")


def _dash(value: str | None) -> str | None:
    return None if value is None or value.strip() in ("", "-") else value.strip()


def _name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else "?"


def _syntax(err: etree.XMLSyntaxError) -> str:
    return str(err.msg or err).split(", line ")[0]
