"""Speaker strings of transcripts, as Hansard displays them, parsed into name, office and party.

>>> parse_speaker("Mrs Kemi Badenoch (North West Essex) (Con)")
Speaker(name='Kemi Badenoch', honorific='Mrs', constituency='North West Essex', party='Con', office=None, chair=False)
>>> parse_speaker("The Secretary of State for the Home Department (Yvette Cooper)").office
'Secretary of State for the Home Department'
>>> parse_speaker("Madam Deputy Speaker (Ms Nusrat Ghani)").chair
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HONORIFIC = re.compile(
    r"^(?:(?:The\s+)?Rt\.?\s+Hon\.?\s+|Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|"
    r"Professor|Prof|Rev|Reverend|Viscount|Earl|Countess|Duke|Bishop)\.?\s+",
)
SUFFIX = re.compile(r"\s+(?:KC|QC|MP|MBE|OBE|CBE|DBE|KBE)$")
CHAIR = re.compile(r"\b(?:Speaker|Chairman of Ways and Means|Chair|Lord Speaker|Deputy Chairman)\b")
PARTIES = {
    "Con": "Conservative Party", "Lab": "Labour Party", "Lab/Co-op": "Labour Party",
    "LD": "Liberal Democrats", "SNP": "Scottish National Party", "DUP": "Democratic Unionist Party",
    "Reform": "Reform UK", "RUK": "Reform UK", "Green": "Green Party", "PC": "Plaid Cymru",
    "SDLP": "Social Democratic and Labour Party", "Alliance": "Alliance Party", "Ind": "Independent",
    "UUP": "Ulster Unionist Party", "TUV": "Traditional Unionist Voice", "SF": "Sinn Féin",
    "CB": "Crossbench", "Bp": "Bishops", "Non-afl": "Non-affiliated", "Spk": "Speaker",
}


@dataclass(frozen=True)
class Speaker:
    name: str
    honorific: str | None = None
    constituency: str | None = None
    party: str | None = None
    office: str | None = None
    chair: bool = False


def _strip_honorific(name: str) -> tuple[str, str | None]:
    honorific = None
    while True:
        match = HONORIFIC.match(name)
        if not match:
            break
        honorific = honorific or match.group().strip().rstrip(".")
        name = name[match.end():]
    return SUFFIX.sub("", name).strip(), honorific


def parse_speaker(text: str) -> Speaker:
    """Parse a Hansard speaker string: name, honorific, constituency, party, office, chair."""
    text = " ".join(text.split())
    groups = re.findall(r"\(([^()]*)\)", text)
    head = re.sub(r"\s*\([^()]*\)", "", text).strip()
    party = groups[-1] if groups and groups[-1] in PARTIES else None
    rest = [g for g in groups if g != party]
    if re.match(r"^(?:The|Madam|Mr|Madame)\s+(?:Deputy\s+)?(?:Speaker|Chair|Lord Speaker)|"
                r"^The\s+(?:Secretary|Minister|Parliamentary|Prime|Chancellor|Attorney|Solicitor|"
                r"Leader|Lord|Chief|Paymaster|Financial|Economic|Exchequer)", head) and rest:
        name, honorific = _strip_honorific(rest[0])
        office = re.sub(r"^(?:The|Madam|Mr)\s+", "", head)
        return Speaker(name, honorific, None, party, office, bool(CHAIR.search(head)))
    name, honorific = _strip_honorific(head)
    constituency = rest[0] if rest else None
    return Speaker(name, honorific, constituency, party, None, bool(CHAIR.fullmatch(name)))
