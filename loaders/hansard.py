"""Speaker strings of transcripts, as Hansard displays them, parsed into name, office and party.

The name keeps no honorific ("Mrs", "Sir", "Dr", "Rt Hon") and no office; a peer's title is the
name a peer is known by, so it stays ("Lord Hanson of Flint", "Baroness Casey of Blackstock",
"Bishop of St Albans"). The chair (Speaker, Deputy Speaker, Chairman of Ways and Means, the
Lord Speaker, ...) is marked, and takes no positions.

>>> parse_speaker("Mrs Kemi Badenoch (North West Essex) (Con)")
Speaker(name='Kemi Badenoch', honorific='Mrs', constituency='North West Essex', party='Con', office=None, chair=False)
>>> parse_speaker("The Secretary of State for the Home Department (Yvette Cooper)").office
'Secretary of State for the Home Department'
>>> parse_speaker("Madam Deputy Speaker (Ms Nusrat Ghani)").chair
True
>>> parse_speaker("Lord Hanson of Flint (Lab)").name
'Lord Hanson of Flint'
>>> party_name("Lab/Co-op")
'Labour Party'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Honorifics that are not part of a name; stripped (repeatedly: "The Rt Hon Sir").
HONORIFIC = re.compile(
    r"^(?:(?:The\s+)?(?:Rt\.?|Right)\s+Hon(?:ourable|\.)?\s+|Hon\.?\s+(?=\S+\s)|"
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Professor|Prof|Rev|Revd|Reverend)\.?\s+)",
)
# Titles of peers (and a few Commons courtesy titles): the title is part of the name.
PEERAGE = ("Lord", "Baroness", "Baron", "Lady", "Viscount", "Viscountess", "Earl", "Countess",
           "Duke", "Duchess", "Marquess", "Marchioness")
PEER = re.compile(r"^(?:The\s+)?(?P<title>" + "|".join(PEERAGE) + r")\s+(?P<rest>\S.*)$")
BISHOP = re.compile(r"^(?:The\s+)?(?:Lord\s+|Right\s+Reverend\s+|Most\s+Reverend\s+)?"
                    r"(?P<title>(?:Arch)?[Bb]ishop)\s+of\s+(?P<see>.+)$")
SUFFIX = re.compile(r"(?:,?\s+(?:KC|QC|MP|MSP|MS|MLA|MEP|AM|JP|MBE|OBE|CBE|DBE|KBE|GBE|PC|FRS))+$")
CHAIR = re.compile(
    r"^(?:Mr|Madam|Madame|Mister|The)\s+(?:(?:First|Second|Third|Lord|Deputy|Temporary|Senior)\s+)*"
    r"(?:Speaker|Chair|Chairman|Chairwoman|Chairperson|Presiding\s+Officer)"
    r"(?:\s+of\s+(?:Ways\s+and\s+Means|Committees|the\s+House))?$",
    re.IGNORECASE,
)
IN_THE_CHAIR = re.compile(r"^in\s+the\s+chair$", re.IGNORECASE)
# "Hon. Members", "Several hon. Members rose—", "An hon. Member": many voices, no one speaker.
MEMBERS = re.compile(
    r"^(?:several|some|many|an?|other|opposition|government)?\s*(?:right\s+)?(?:hon\.?\s+)?"
    r"(?:and\s+\w+\s+)?(?:members|member|friends|noble\s+lords|lords|peers)\b",
    re.IGNORECASE,
)
OFFICE_START = re.compile(
    r"^(?:The\s+)?(?:Secretary|Minister|Parliamentary|Prime|Chancellor|Attorney|Solicitor|Advocate|"
    r"Leader|Chief|Paymaster|Financial|Economic|Exchequer|Deputy|Lord\s+(?:Chancellor|President|"
    r"Privy|Chamberlain|Advocate)|Second\s+Church|Comptroller|Treasurer|Vice-Chamberlain|Captain|"
    r"Senior|Under-Secretary|Shadow|Chair|Chairman)\b"
)

PARTY_MARK = re.compile(r"^party:\s*(\S.*)$", re.IGNORECASE)
# Hansard's party codes, Commons and Lords: code -> the party's name; None means no party
# (independents, non-affiliated peers, bishops, the Speaker).
PARTIES: dict[str, str | None] = {
    "Con": "Conservative Party", "Lab": "Labour Party", "Lab/Co-op": "Labour Party",
    "Lab Co-op": "Labour Party", "Lab (Co-op)": "Labour Party", "Co-op": "Co-operative Party",
    "LD": "Liberal Democrats", "Lib Dem": "Liberal Democrats", "SNP": "Scottish National Party",
    "DUP": "Democratic Unionist Party", "Reform": "Reform UK", "Reform UK": "Reform UK",
    "RUK": "Reform UK", "Green": "Green Party", "Green Party": "Green Party", "GP": "Green Party",
    "PC": "Plaid Cymru", "SDLP": "Social Democratic and Labour Party",
    "Alliance": "Alliance Party of Northern Ireland", "APNI": "Alliance Party of Northern Ireland",
    "UUP": "Ulster Unionist Party", "TUV": "Traditional Unionist Voice", "SF": "Sinn Féin",
    "Alba": "Alba Party", "WPB": "Workers Party of Britain", "UKIP": "UK Independence Party",
    "Respect": "Respect Party", "CB": "Crossbench", "XB": "Crossbench",
    "Ind": None, "Independent": None, "Ind Con": None, "Ind Lab": None, "Ind LD": None,
    "Ind UU": None, "Ind SD": None, "Ind Green": None, "Ind Soc": None, "Lab Ind": None,
    "Con Ind": None, "Non-afl": None, "Non-Afl": None, "NA": None, "Bp": None, "Bishops": None,
    "Spk": None, "Speaker": None, "LS": None,
}
# Short names a party goes by, for finding it in a registry that names it otherwise.
PARTY_ALIASES: dict[str, tuple[str, ...]] = {
    "Conservative Party": ("Conservatives", "Conservative", "Tories", "Tory"),
    "Labour Party": ("Labour",), "Liberal Democrats": ("Lib Dems", "Liberal Democrat"),
    "Scottish National Party": ("SNP",), "Democratic Unionist Party": ("DUP",),
    "Green Party": ("Greens",), "Social Democratic and Labour Party": ("SDLP",),
    "Alliance Party of Northern Ireland": ("Alliance",), "Ulster Unionist Party": ("UUP",),
    "Traditional Unionist Voice": ("TUV",), "UK Independence Party": ("UKIP",),
    "Crossbench": ("crossbench peers", "Crossbenchers"), "Reform UK": ("Reform",),
}
FEMALE = {"Mrs", "Ms", "Miss", "Dame", "Baroness", "Lady", "Viscountess", "Countess", "Duchess",
          "Marchioness", "Madam", "Madame"}
MALE = {"Mr", "Sir", "Lord", "Baron", "Viscount", "Earl", "Duke", "Marquess", "Mister"}


@dataclass(frozen=True)
class Speaker:
    name: str
    honorific: str | None = None
    constituency: str | None = None
    party: str | None = None
    office: str | None = None
    chair: bool = False

    @property
    def gender(self) -> str | None:
        """female / male when the honorific or title says so."""
        if self.honorific in FEMALE:
            return "female"
        if self.honorific in MALE:
            return "male"
        return None

    @property
    def peer(self) -> bool:
        return self.name.split(" ", 1)[0] in PEERAGE or bool(BISHOP.match(self.name))


def party_code(text: str) -> str | None:
    """The party code a bracket holds ("Lab/Co-op", "Con"), or None if it is no party code.

    A bracket marked "party: X" (as ParlaMint speakers are written) holds a party whatever X is:

    >>> party_code("party: LAB"), party_code("party: Jaunā konservatīvā")
    ('Lab', 'Jaunā konservatīvā')
    """
    cleaned = " ".join(text.split())
    marked = PARTY_MARK.match(cleaned)
    if marked:
        return party_code(marked.group(1)) or marked.group(1)
    if cleaned in PARTIES:
        return cleaned
    folded = {code.casefold(): code for code in PARTIES}
    return folded.get(cleaned.casefold())


def party_name(code: str) -> str | None:
    """The party a Hansard code stands for; None for independents, non-affiliated and bishops."""
    return PARTIES.get(code, code)


def strip_name(name: str) -> tuple[str, str | None]:
    """A person's name without honorifics and post-nominals; the first honorific found.

    >>> strip_name("The Rt Hon Sir Keir Starmer KC MP")
    ('Keir Starmer', 'Sir')
    >>> strip_name("Baroness Casey of Blackstock")
    ('Baroness Casey of Blackstock', 'Baroness')
    """
    name = " ".join(name.split()).strip(" ,")
    honorific = None
    while True:
        match = HONORIFIC.match(name)
        if not match:
            break
        word = match.group().strip().rstrip(".")
        if not word.lower().startswith(("the", "rt", "right", "hon")):
            honorific = honorific or word
        name = name[match.end():]
    name = SUFFIX.sub("", name).strip(" ,")
    bishop = BISHOP.match(name)
    if bishop:
        return f"{bishop.group('title').capitalize()} of {bishop.group('see')}", None
    peer = PEER.match(name)
    if peer:
        name = f"{peer.group('title')} {peer.group('rest')}"
        honorific = honorific or peer.group("title")
    return name, honorific


def parse_speaker(text: str) -> Speaker:
    """Parse a Hansard speaker string: name, honorific, constituency, party, office, chair.

    Forms: "Name", "Name (Constituency) (Party)", "Office (Name)", "Office (Name) (Party)",
    "Lord Name (Party)", "The Lord Bishop of See", "Madam Deputy Speaker (Name)",
    "Mr Speaker", "Name (in the Chair)". "Hon. Members" gives no name.
    """
    text = " ".join(text.split()).rstrip(":—-– ")
    text = re.sub(r"\((Lab|Con|LD)\s*\((Co-op)\)\)", r"(\1/\2)", text)
    groups = [g.strip() for g in re.findall(r"\(([^()]*)\)", text)]
    head = re.sub(r"\s*\([^()]*\)", "", text).strip(" ,")
    chair = bool(CHAIR.match(head)) or any(IN_THE_CHAIR.match(g) for g in groups)
    groups = [g for g in groups if not IN_THE_CHAIR.match(g)]
    party = party_code(groups[-1]) if groups else None
    rest = groups[:-1] if party else groups
    if MEMBERS.match(head) and not rest:
        return Speaker("", None, None, party, None, True)
    if chair and CHAIR.match(head):
        name, honorific = strip_name(rest[0]) if rest else ("", None)
        return Speaker(name, honorific, None, party, _office(head), True)
    if rest and (OFFICE_START.match(head) or head.startswith("The ")) and not BISHOP.match(head):
        name, honorific = strip_name(rest[0])
        return Speaker(name, honorific, None, party, _office(head), chair)
    name, honorific = strip_name(head)
    constituency = rest[0] if rest else None
    return Speaker(name, honorific, constituency, party, None, chair)


def _office(head: str) -> str:
    """"The Secretary of State for the Home Department" -> "Secretary of State for the Home Department"."""
    return re.sub(r"^(?:The|Madam|Madame|Mr|Mister)\s+", "", head).strip()
