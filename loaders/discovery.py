"""People the registry does not list, found where a source itself says who they are.

A source introduces people in a few reliable ways, and only those are taken (precision matters
more than recall: "Home Office" or "Child Sexual Abuse" must never become a person):

- a speaker header of a transcript ("Sammy Wilson (East Antrim) (DUP)") or a byline;
- an honorific or a peer's title before a full name ("Dame Louise Casey", "Dr Jane Roe",
  "Lord Foo of Bar");
- a post-nominal after a full name ("Tom Crowther KC", "Jane Roe MP");
- a title or role right before a full name ("Labour MP for Rotherham, Sarah Champion",
  "shadow home secretary Chris Philp", "political correspondent Alex Forsyth");
- an organisation's possessive ("The BBC's Helen Catt", "Labour's Jane Roe");
- Hansard's "the hon. Member for Keighley and Ilkley (Robbie Moore)".

Every candidate is two or three capitalised words, none of them a word that cannot be part of a
name (articles, months, institutions, titles) or part of a registry organisation, place, role or
issue. A candidate is merged with a registry person or an earlier discovery by name or alias,
honorifics and post-nominals ignored ("Mrs Kemi Badenoch" is Kemi Badenoch), or by surname
where only one person has it ("Crowther" after "Tom Crowther KC").

What is discovered in one source stays in that source's `Known`: building sources one by one or
together gives the same graph.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from standpoint.loaders.hansard import FEMALE, MALE, PARTY_ALIASES, party_name, strip_name
from standpoint.loaders.mentions import HON_MEMBER, NAME_WORD
from standpoint.loaders.registry import Registry
from standpoint.records import Actor, Issue, Role, RoleHolding

# Capitalised words that are never part of a person's name (more come from the registry: the words
# of its organisations, places, roles and issues).
NOT_NAMES = frozenset("""
The A An This That These Those His Her Their Our My Its Your In On At By For From With Of And Or But
If When As After Before While Since Yet So Not No Yes It He She They We You I Why What How Who Where
Which Whether Does Do Did Is Are Was Were Will Would Can Could Should Must Might Has Have Had Let Mr
Mrs Ms Miss Dr Sir Dame Lord Lady Baroness Professor Prof Rev Hon Rt Right Honourable January
February March April June July August September October November December Monday Tuesday Wednesday
Thursday Friday Saturday Sunday Today Yesterday Tomorrow Tonight Now Earlier Later Meanwhile However
Also Then Last Next First Second Third Both Former Ex Shadow Deputy Junior Senior Veteran Acting
Interim New Old Great Greater North South East West Northern Southern Eastern Western Central Upper
Lower Home Office Foreign Secretary State Minister Ministers Ministry Government Party Labour
Conservative Conservatives Tory Tories Liberal Democrat Democrats Reform Green Greens Independent
Crossbench National Nationwide Inquiry Inquiries Review Report Audit Act Bill Committee Commission
Council Councils Police Service Services Agency Department Court Crown Prosecution Prosecutions
House Commons Lords Parliament Chamber Speaker Chair Chairman Member Members Friend Gentleman
Taskforce Task Force Panel Unit Team Board Authority Trust Foundation Institute University College
School Hospital Church Royal British English Scottish Welsh Irish UK United Kingdom England Wales
Scotland Ireland Britain London European Union News Live Breaking Analysis Watch Prime Chancellor
Justice General Attorney Director Public Chief Constable Commissioner Inspector Inspectorate Majesty
Local Street Road City County Borough District Data Media Image Caption Summary Select Affairs
Health Education Social Care Legal Business Treasury Cabinet Downing Number Whitehall Westminster
Statement Question Questions Time Day Week Month Year Strategy Plan Framework Programme Scheme Fund
Funding Law Laws Order Orders Regulations Guidance Code Policy Opposition Leader Spokesperson Mayor
Bishop Archbishop President Secretary-General Ambassador Governor Officer Detective Sergeant Captain
Colonel Admiral Internet Online Facebook Twitter Telegraph Times Guardian Mail Sun Mirror Express
Observer Channel Radio Sky ITV BBC NHS MP MPs MSP MSPs MEP MEPs KC QC
""".split())  # noqa: SIM905 - a word list reads best as text

# Post-nominals that follow a person's full name.
POST_NOMINAL = r"(?:KC|QC|MP|MSP|MS|MLA|MEP|AM|JP|OBE|MBE|CBE|DBE|KBE|GBE)"
# Nouns of a title or role that stands right before a person's name.
TITLE_NOUNS = (
    r"MPs?|MSP|MEP|peer|minister|secretary|spokes(?:person|woman|man)|leader|councillor|mayor|"
    r"commissioner|correspondent|editor|reporter|presenter|journalist|barrister|lawyer|solicitor|"
    r"campaigner|activist|chair(?:man|woman)?|chief executive|chief constable|detective|"
    r"expert|professor|judge|survivor|whistleblower|author|founder|director|adviser|advisor|"
    r"economist|historian|academic|analyst|candidate|chancellor|deputy|backbencher|frontbencher"
)
MEMBER_TITLE = re.compile(r"(?i:MPs?|MSP|MEP|MLA|councillor|member)")
NAME2 = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}}"
NOT_FOLLOWED = rf"(?!\s+{NAME_WORD})(?![\w’'-])"
HONORIFIC_CUE = re.compile(
    rf"(?<![\w-])(?P<hon>Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Professor|Prof)\.?\s+(?P<name>{NAME2}){NOT_FOLLOWED}"
)
PEER_CUE = re.compile(
    rf"(?<![\w-])(?P<hon>Lord|Baroness|Viscount|Viscountess|Earl|Countess)\s+"
    rf"(?P<name>{NAME_WORD}(?:\s+of\s+{NAME_WORD}(?:\s+{NAME_WORD})?)?){NOT_FOLLOWED}"
)
POST_NOMINAL_CUE = re.compile(rf"(?<![\w-])(?P<name>{NAME2}),?\s+{POST_NOMINAL}(?![\w-])")
MEMBER_CUE = re.compile(
    HON_MEMBER + r"(?:\s+for\s+(?P<place>[A-Z][^()]{1,60}?))?\s+"
    r"\((?P<name>[^()]{3,60})\)"
)


@dataclass(frozen=True)
class Found:
    """A person a source introduces: the name as written, where, and what the cue tells."""

    name: str
    start: int
    end: int
    via: str
    honorific: str | None = None
    party: str | None = None  # an organisation id
    constituency: str | None = None  # a place name


def slug(name: str) -> str:
    """An id for a discovered actor: lower-case words joined by hyphens, in any script.

    >>> slug("Tom Crowther KC"), slug("Hélène Dubois"), slug("王伟")
    ('tom-crowther-kc', 'hélène-dubois', '王伟')
    """
    folded = unicodedata.normalize("NFC", name).lower().replace("’", "").replace("'", "")
    return re.sub(r"[\W_]+", "-", folded).strip("-") or "unnamed"


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).casefold()


class RegistryNames:
    """What discovery needs from a registry, worked out once: its people's names and surnames,
    the constituencies they sit for, the words that cannot be names, and the cue patterns."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.names: dict[str, str] = {}
        self.surnames: dict[str, set[str]] = {}
        self.constituencies: dict[str, str] = {}
        for actor in registry.actors.values():
            if actor.type != "person":
                continue
            for label in (actor.name, *actor.aliases):
                self.names.setdefault(_key(label), actor.id)
                self.names.setdefault(_key(strip_name(label)[0]), actor.id)
            self.surnames.setdefault(actor.name.split()[-1], set()).add(actor.id)
            if actor.constituency and actor.constituency in registry.actors:
                place = registry.actors[actor.constituency]
                for label in (place.name, *place.aliases):
                    self.constituencies.setdefault(_key(label), actor.id)
        self.not_names = set(NOT_NAMES)
        for actor in registry.actors.values():
            if actor.type != "person":
                self.not_names.update(re.findall(r"[A-Z][\w’'-]*", " ".join((actor.name, *actor.aliases))))
        things: list[Role | Issue] = [*registry.roles.values(), *registry.issues.values()]
        for thing in things:
            self.not_names.update(re.findall(r"[A-Z][\w’'-]*", " ".join((thing.label, *thing.aliases))))
        self.title_cue = _title_cue(registry)
        self.possessive_cue = _possessive_cue(registry)


@dataclass
class Known:
    """What one source's extraction knows: the registry, and the actors discovered in the source."""

    registry: Registry
    index: RegistryNames | None = None
    discovered: dict[str, Actor] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # folded name or alias -> id
    surnames: dict[str, set[str]] = field(default_factory=dict)
    constituencies: dict[str, str] = field(default_factory=dict)  # folded place name -> person id
    by_ref: dict[str, str] = field(default_factory=dict)  # a corpus's id -> actor id
    ref_actors: set[str] = field(default_factory=set)  # the actors a corpus id names

    def __post_init__(self) -> None:
        if self.index is None:
            self.index = RegistryNames(self.registry)
        self.constituencies = {**self.index.constituencies, **self.constituencies}
        self._registry_names = self.index.names
        self._registry_surnames = self.index.surnames
        self._not_names = self.index.not_names

    # -- looking up ------------------------------------------------------------------------

    def get(self, actor_id: str) -> Actor | None:
        return self.registry.actors.get(actor_id) or self.discovered.get(actor_id)

    def kind(self, actor_id: str) -> str | None:
        actor = self.get(actor_id)
        return actor.type if actor else None

    def by_name(self, name: str) -> str | None:
        """The discovered person of that exact name or alias (any honorific), if any."""
        return self.names.get(_key(name)) or self.names.get(_key(strip_name(name)[0]))

    def by_surname(self, word: str) -> str | None:
        """The one discovered person with that surname, unless a registry person has it too."""
        ids = self.surnames.get(word, set())
        if len(ids) == 1 and word not in self._registry_surnames:
            return next(iter(ids))
        return None

    def member_for(self, place: str) -> str | None:
        """The person who is "the hon. Member for" that constituency, if the source or registry says."""
        place = re.sub(r"[,.;:]+$", "", place.strip())
        return self.constituencies.get(_key(place))

    def roles_on(self, actor: Actor, day: date) -> list[Role]:
        """The registry roles a discovered person holds on that day."""
        if not actor.discovered:
            return []
        return [self.registry.roles[h.role_id] for h in actor.roles
                if h.held_on(day) and h.role_id in self.registry.roles]

    def holders(self, role_id: str, day: date) -> list[Actor]:
        return [a for a in self.discovered.values()
                if any(h.role_id == role_id and h.held_on(day) for h in a.roles)]

    def is_name(self, name: str) -> bool:
        """Could these words be a person's name? Two or more capitalised words, none a non-name."""
        words = name.replace(" of ", " ").split()
        return len(words) >= 2 and all(
            re.fullmatch(NAME_WORD, w) and w not in self._not_names for w in words)

    # -- adding ----------------------------------------------------------------------------

    def person(self, name: str, *, party: str | None = None, gender: str | None = None,
               constituency: str | None = None, aliases: Iterable[str] = ()) -> Actor:
        """The registry person of that name (or alias, or sole surname), an earlier discovery, or a new one."""
        written = " ".join(name.split())
        bare, honorific = strip_name(written)
        gender = gender or _gender(honorific)
        actor = self._find_person(written, bare)
        if actor is None:
            actor = self._new(Actor(self._free_id(slug(bare)), bare, "person", gender=gender,
                                    discovered=True))
        if actor.discovered:
            self._enrich(actor, party, gender, constituency, [written, *aliases])
        return actor

    def person_with_ref(self, name: str, ref: str, *, distinct: bool = False,
                        party: str | None = None, gender: str | None = None) -> Actor:
        """The person a corpus id ("ParlaMint-GB#StephenKinnock") names: whoever the source
        already knows by that id, whatever name it was written with; else the registry person of
        that name (the registry wins); else a person made from the name, as `person` does. When
        `distinct` (another person of the corpus has the same name), the id is part of the new
        person's id and the name finds no one else: two ids are two people."""
        actor_id = self.by_ref.get(ref)
        if actor_id is not None:
            actor = self.get(actor_id)
            assert actor is not None
            if actor.discovered:
                self._enrich(actor, party, gender, None, [" ".join(name.split())])
            return actor
        written = " ".join(name.split())
        bare, honorific = strip_name(written)
        found = self._find_person(written, bare)
        taken = found is not None and found.discovered and found.id in self.ref_actors
        if found is not None and not found.discovered:
            actor = found  # the registry's person
        elif distinct or taken:  # the name is, or may be, another id's: a person of its own
            actor = self._new(Actor(self._free_id(slug(f"{bare} {ref.rsplit('#', 1)[-1]}")), bare,
                                    "person", discovered=True), named=False)
        else:
            actor = self.person(written, party=party, gender=gender)
        self.by_ref[ref] = actor.id
        self.ref_actors.add(actor.id)
        if actor.discovered:
            self._enrich(actor, party, gender or _gender(honorific), None, [])
        return actor

    def _find_person(self, written: str, bare: str) -> Actor | None:
        for label in (written, bare):
            actor_id = self._registry_names.get(_key(label)) or self.names.get(_key(label))
            if actor_id:
                return self.get(actor_id)
        if " " not in bare:
            ids = self._registry_surnames.get(bare, set())
            if len(ids) == 1:
                return self.get(next(iter(ids)))
            actor_id = self.by_surname(bare)
            if actor_id:
                return self.get(actor_id)
        return None

    def _enrich(self, actor: Actor, party: str | None, gender: str | None,
                constituency: str | None, aliases: list[str]) -> None:
        if party and not actor.party:
            actor.party = party
        if gender and not actor.gender:
            actor.gender = gender
        if constituency and not actor.constituency:
            actor.constituency = self.place(constituency).id
            self.constituencies.setdefault(_key(constituency), actor.id)
        for alias in aliases:
            alias = " ".join(alias.split())
            if alias and alias != actor.name and alias not in actor.aliases:
                actor.aliases = (*actor.aliases, alias)
            self.names.setdefault(_key(alias), actor.id)

    def _new(self, actor: Actor, *, named: bool = True) -> Actor:
        """Add a discovered actor; `named`: its name (and surname) finds it."""
        self.discovered[actor.id] = actor
        if not named:
            return actor
        self.names.setdefault(_key(actor.name), actor.id)
        words = actor.name.split()
        if actor.type == "person" and len(words) >= 2 and not _is_peer(actor.name):
            self.surnames.setdefault(words[-1], set()).add(actor.id)
        return actor

    def _free_id(self, wanted: str) -> str:
        ident, n = wanted, 1
        while ident in self.registry.actors or ident in self.discovered:
            n += 1
            ident = f"{wanted}-{n}"
        return ident

    def party(self, code_or_name: str) -> str | None:
        """The organisation id of a party, from a Hansard code or a name; created if unknown."""
        name = party_name(code_or_name)
        if not name:
            return None
        found = self.known_party(code_or_name)
        if found is not None:
            return found
        aliases = tuple(dict.fromkeys(a for a in (code_or_name, *PARTY_ALIASES.get(name, ())) if a != name))
        return self._new(Actor(self._free_id(slug(name)), name, "organisation", aliases=aliases,
                               kind="party", discovered=True)).id

    def known_party(self, code_or_name: str) -> str | None:
        """The organisation id of a party the registry or this source already knows, by a
        Hansard code, its name or a short name ("Labour", "Tories"); None if none."""
        name = party_name(code_or_name)
        if not name:
            return None
        wanted = {_key(name), _key(code_or_name), *(_key(a) for a in PARTY_ALIASES.get(name, ()))}
        for actor in (*self.registry.actors.values(), *self.discovered.values()):
            if actor.type == "organisation" and actor.kind == "party" and (
                    {_key(actor.name), *(_key(a) for a in actor.aliases)} & wanted):
                return actor.id
        return None

    def place(self, name: str) -> Actor:
        """The registry place of that name, or a discovered one (a constituency, say)."""
        name = " ".join(name.split())
        for actor in (*self.registry.actors.values(), *self.discovered.values()):
            if actor.type == "place" and _key(name) in {_key(actor.name), *(_key(a) for a in actor.aliases)}:
                return actor
        return self._new(Actor(self._free_id(slug(name)), name, "place", discovered=True))

    def office(self, actor: Actor, office: str, day: date) -> str | None:
        """The registry role an office names ("Secretary of State for the Home Department"), if any;
        a discovered person is recorded as holding it on that day."""
        wanted = _key(office)
        for role in self.registry.roles.values():
            for label in (role.label, *role.aliases):
                key = _key(label)
                if wanted == key or (wanted.startswith(key + " ") and len(key.split()) >= 3):
                    if actor.discovered and not any(h.role_id == role.id and h.held_on(day)
                                                    for h in actor.roles):
                        actor.roles.append(RoleHolding(role.id, day, day))
                    return role.id
        return None

    # -- finding people in text -------------------------------------------------------------

    def discover(self, text: str) -> list[Found]:
        """People the text introduces (see the module's docstring), added to what is known."""
        found = list(find_people(text, self))
        for person in found:
            self.person(person.name, party=person.party, gender=_gender(person.honorific),
                        constituency=person.constituency)
        return found

    def discover_entities(self, doc: object) -> None:
        """People and organisations the entity recogniser finds in a parsed text: every person
        named in full (two or more capitalised words), and every organisation, becomes an actor."""
        for ent in doc.ents:  # type: ignore[attr-defined]
            name = entity_name(ent.text)
            if ent.label_ == "PERSON" and _person_like(name, self._not_names):
                self.person(name)
            elif ent.label_ == "ORG" and _organisation_like(name) and not self._a_person(name):
                self.organisation(name)

    def _a_person(self, name: str) -> bool:
        """Is this a person's name or surname (the recogniser often calls a lone surname an
        organisation)?"""
        key = _key(name)
        if key in self._registry_names or key in self.names:
            actor = self.get(self._registry_names.get(key) or self.names[key])
            return actor is not None and actor.type == "person"
        return name in self._registry_surnames or name in self.surnames

    def discover_speakers(self, doc: object) -> None:
        """People named as the subject of a speech cue whom the recogniser missed ("Carys Lloyd
        said"), and people named there by one word only ("..., Maher said"): an actor of that
        name, unless a known person has it as a surname."""
        from standpoint.loaders.speech import sources

        for found in sources(doc, []):  # type: ignore[arg-type]
            source = found.source
            if source.pos_ != "PROPN" or source.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC"):
                continue
            words = [c for c in source.children if c.dep_ in ("compound", "flat") and c.i < source.i]
            if any(w.pos_ != "PROPN" for w in words):
                continue
            while words and words[0].text in self._not_names | _TITLES:  # "MP Ann Smith"
                words = words[1:]
            name = " ".join(w.text for w in [*words, source])
            if words and _person_like(name, self._not_names):
                self.person(name)  # "Carys Lloyd said": a name the recogniser missed
            elif not words and source.ent_type_ == "PERSON" and name not in self._not_names \
                    and _person_like(f"{name} {name}", self._not_names):
                self.person(name)

    def takes_pronoun(self, sentences: Iterable[object]) -> None:
        """A name the recogniser calls an organisation but that then takes "she said" or "he
        said" is a person: the last such name before a speech cue whose subject is "she" or
        "he", with no person named in between, becomes one."""
        from standpoint.loaders.speech import sources

        candidate: Actor | None = None
        for tokens in sentences:
            for found in sources(tokens, []):  # type: ignore[arg-type]
                if found.source.lower_ in ("she", "he") and candidate is not None:
                    self._as_person(candidate, "female" if found.source.lower_ == "she" else "male")
                    candidate = None
            for ent in tokens.ents:  # type: ignore[attr-defined]
                actor = self.get(self.names.get(_key(entity_name(ent.text)), ""))
                if ent.label_ == "PERSON" or (actor is not None and actor.type == "person"):
                    candidate = None
                elif ent.label_ == "ORG" and actor is not None and actor.discovered \
                        and _person_like(actor.name, self._not_names):
                    candidate = actor

    def _as_person(self, actor: Actor, gender: str) -> None:
        actor.type, actor.kind, actor.gender = "person", None, actor.gender or gender
        words = actor.name.split()
        self.surnames.setdefault(words[-1], set()).add(actor.id)

    def organisation(self, name: str) -> Actor:
        """The registry or discovered organisation of that name or alias, or a new one."""
        for actor in (*self.registry.actors.values(), *self.discovered.values()):
            if actor.type == "organisation" and _key(name) in {_key(actor.name), *(_key(a) for a in actor.aliases)}:
                return actor
        actor_id = self._registry_names.get(_key(name)) or self.names.get(_key(name))
        if actor_id and self.get(actor_id) is not None:
            return self.get(actor_id)  # type: ignore[return-value]
        return self._new(Actor(self._free_id(slug(name)), name, "organisation", discovered=True))

    def actors_for(self, actor_ids: Iterable[str]) -> list[Actor]:
        """The discovered actors among these ids, with the discovered parties and places they
        refer to: what an entry's graph must carry so that every reference resolves."""
        wanted: dict[str, Actor] = {}
        pending = list(actor_ids)
        while pending:
            actor = self.discovered.get(pending.pop())
            if actor is None or actor.id in wanted:
                continue
            wanted[actor.id] = actor
            pending += [ref for ref in (actor.party, actor.constituency) if ref]
        return [wanted[k] for k in sorted(wanted)]


def _gender(honorific: str | None) -> str | None:
    if honorific in FEMALE:
        return "female"
    if honorific in MALE:
        return "male"
    return None


def entity_name(text: str) -> str:
    """An entity's name without a leading article or a trailing possessive."""
    name = " ".join(text.split())
    name = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", name)
    return re.sub(r"['’]s?$", "", name).strip(" ,.;:-–—\"“”‘’()")


def _person_like(name: str, not_names: set[str]) -> bool:
    """Two to four capitalised words, not all of them words that are never names, with no
    possessive inside ("Cruz's Iowa") and no verb of speech ending it (a headline's "Prager Tells")."""
    words = name.split()
    if re.search(r"['’]s\b", name) or words and words[-1].lower() in _SPEECH_FORMS:
        return False
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and not any(c.isdigit() for c in w)
                                        for w in words) and not all(w in not_names for w in words) \
        and words[0] not in not_names - {"Lord", "Lady", "Sir", "Dame"}


_TITLES = {"MP", "MPs", "MSP", "MEP", "AM", "MLA", "Cllr", "Councillor", "Senator", "Sen.", "Rep.",
           "Gov.", "President", "Minister", "Secretary", "Chancellor", "Mayor"}
_SPEECH_FORMS = {"says", "said", "tells", "told", "asks", "asked", "warns", "warned", "claims",
                 "claimed", "slams", "blasts", "hits", "urges", "calls", "admits", "reveals"}


def _organisation_like(name: str) -> bool:
    """A proper name of two to eight words: the recogniser calls too many lone capitalised words
    and acronyms ("Quinn", "CCTV", "KC") organisations to take them on its word."""
    words = name.split()
    return (2 <= len(words) <= 8 and name[:1].isupper() and any(c.isalpha() for c in name)
                       and not any(c.isdigit() for c in name))


def _is_peer(name: str) -> bool:
    return bool(re.match(r"^(?:Lord|Baroness|Baron|Lady|Viscount|Viscountess|Earl|Countess|Duke|"
                         r"Duchess|Marquess|Marchioness|Bishop|Archbishop)\b", name))


def _party_before(text: str, at: int, known: Known) -> str | None:
    """A party named right before a title ("Labour MP", "Green councillor"): its organisation id."""
    before = text[max(0, at - 40):at]
    for actor in known.registry.actors.values():
        if actor.type == "organisation" and actor.kind == "party":
            for label in _adjectives((actor.name, *actor.aliases)):
                if re.search(rf"(?<![\w-]){re.escape(label)}\s*$", before):
                    return actor.id
    return None


def _adjectives(labels: Iterable[str]) -> set[str]:
    """A party's names as they stand before a title: "Green Party", "Greens" -> also "Green"."""
    forms = set()
    for label in labels:
        forms.add(label)
        forms.add(re.sub(r"\s+Party$", "", label))
        if re.fullmatch(r".*[a-z]s", label):
            forms.add(label[:-1])
    return {f for f in forms if f}


def _title_cue(registry: Registry) -> re.Pattern[str]:
    roles = [re.escape(label) for role in registry.roles.values()
             for label in (role.label, *role.aliases)]
    nouns = "|".join([*sorted(roles, key=len, reverse=True), TITLE_NOUNS])
    return re.compile(
        rf"(?<![\w-])(?i:(?P<title>{nouns}))(?:\s+for\s+(?P<place>[A-Z][^,.;()]{{1,50}}),)?,?\s+"
        rf"(?P<name>{NAME2}){NOT_FOLLOWED}"
    )


def _possessive_cue(registry: Registry) -> re.Pattern[str] | None:
    labels = sorted({label for actor in registry.actors.values() if actor.type == "organisation"
                     for label in (actor.name, *actor.aliases) if label[:1].isupper()},
                    key=len, reverse=True)
    if not labels:
        return None
    alternation = "|".join(re.escape(label) for label in labels)
    return re.compile(rf"(?<![\w-])(?P<org>{alternation})(?:['’]s|['’])\s+(?P<name>{NAME2}){NOT_FOLLOWED}")


def _trim(name: str, start: int, text: str) -> tuple[str, int]:
    """At a sentence start, "Yesterday Tom Crowther" is "Tom Crowther": three words there lose the first."""
    words = name.split()
    sentence_start = start == 0 or re.search(r"(?:[.!?:;]\s*|\n\s*|[\"“‘]\s*)$", text[max(0, start - 3):start])
    if len(words) == 3 and sentence_start and "of" not in words:
        first = words[0]
        return " ".join(words[1:]), start + len(first) + 1
    return name, start


def find_people(text: str, known: Known) -> Iterator[Found]:
    """Candidates for people the text introduces, each checked to look like a name."""
    for match in MEMBER_CUE.finditer(text):
        bare, honorific = strip_name(match.group("name"))
        if known.is_name(bare):
            place = match.group("place")
            yield Found(bare, match.start("name"), match.end("name"), "member", honorific,
                        constituency=place.strip() if place else None)
    for match in HONORIFIC_CUE.finditer(text):
        if known.is_name(match.group("name")):
            yield Found(match.group("name"), match.start("hon"), match.end("name"), "honorific",
                        match.group("hon"))
    for match in PEER_CUE.finditer(text):
        rest = match.group("name")
        if rest.split()[0] not in known._not_names and all(
                w == "of" or re.fullmatch(NAME_WORD, w) for w in rest.split()):
            yield Found(f"{match.group('hon')} {rest}", match.start(), match.end(), "peer",
                        match.group("hon"))
    for match in POST_NOMINAL_CUE.finditer(text):
        name, start = _trim(match.group("name"), match.start("name"), text)
        if known.is_name(name):
            yield Found(name, start, match.end("name"), "post-nominal")
    assert known.index is not None
    for match in known.index.title_cue.finditer(text):
        name, start = _trim(match.group("name"), match.start("name"), text)
        if known.is_name(name) and not re.match(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\b", name):
            place = match.group("place") if MEMBER_TITLE.fullmatch(match.group("title")) else None
            yield Found(name, start, match.end("name"), "title",
                        party=_party_before(text, match.start(), known),
                        constituency=place.strip() if place else None)
    possessive = known.index.possessive_cue
    if possessive is not None:
        for match in possessive.finditer(text):
            name = match.group("name")
            if known.is_name(name):
                org = next((a for a in known.registry.actors.values() if a.type == "organisation"
                            and match.group("org") in (a.name, *a.aliases)), None)
                party = org.id if org is not None and org.kind == "party" else None
                yield Found(name, match.start("name"), match.end("name"), "possessive", party=party)
