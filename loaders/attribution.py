"""Who says a sentence: the subject of its speech verb, with pronouns resolved to earlier speakers.

Rules, in order, for each speech verb outside quotes:
- a participle ("saying", "warning") belongs to the sentence's first actor ("X has written to Y
  saying ..."); any other verb to the nearest actor before it ("Responding to A, B says ...");
- actors inside relative clauses (", who ... ,"), brackets and quotes are never the subject, nor is
  a party or organisation used as a modifier ("Labour MP ...", "the BBC's ...");
- "says Cooper": with no actor before the verb, the actor right after it;
- "calls from A, B and C for ...": each of A, B, C.

`relative_reports` finds the other way a sentence reports a stance: "the full implementation of
the recommendations, which Professor Jay has urged" says that Jay supports them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from standpoint.loaders.issues import IssueMention
from standpoint.loaders.stance import Stance
from standpoint.loaders.text_spans import Span
from standpoint.records import Mention

VERBS = (
    r"says?", r"said", r"saying", r"adds?", r"added", r"adding", r"tells?", r"told", r"asks?",
    r"asked", r"asking", r"explains?", r"explained", r"claims?", r"claimed", r"claiming",
    r"insists?", r"insisted", r"insisting", r"['’]s insisting", r"argues?", r"argued", r"arguing",
    r"warns?", r"warned", r"warning", r"urges?", r"urged", r"urging", r"calls? for",
    r"called for", r"calling for", r"to call for", r"calls? from", r"repeats?", r"repeated",
    r"reiterates?", r"reiterated", r"confirms?", r"confirmed", r"announces?", r"announced",
    r"believes?", r"believed", r"thinks?", r"welcomes?", r"welcomed", r"welcoming",
    r"respond(?:s|ed)?", r"responding", r"repl(?:y|ies|ied)", r"challenges?", r"challenged",
    r"press(?:es|ed)", r"demands?", r"demanded", r"accepts?", r"accepted", r"rejects?",
    r"rejected", r"agree(?:s|d)?", r"suggests?", r"suggested", r"states?", r"stated",
    r"continues", r"goes on to say", r"went on to say", r"goes on to explain",
    r"(?:has|have|had) been clear", r"made clear", r"makes clear", r"backs?", r"backed",
    r"supports?", r"wants?", r"criticis(?:es|ed)", r"attacks?", r"attacked", r"praises?",
    r"praised", r"accus(?:es|ed)", r"condemns?", r"condemned", r"admits?", r"admitted",
    r"acknowledges?", r"acknowledged", r"describes?", r"described", r"recalls?", r"recalled",
    r"points? out", r"pointed out", r"notes?", r"noted", r"promises?", r"promised",
    r"[Uu]-turn(?:s|ed)?(?= on)", r"(?:has |have |had )?(?:performed|made|done) a [Uu]-turn",
    r"chang(?:es|ed) (?:his|her|their|its) minds?", r"back(?:s|ed) down", r"rul(?:es|ed) out",
    r"dismiss(?:es|ed)", r"prefers?", r"preferred", r"cho(?:se|oses)", r"opt(?:s|ed) for",
    r"favou?rs", r"favou?red", r"opposes", r"opposed", r"refuses",
    r"refused", r"endors(?:es|ed)", r"concedes?", r"conceded",
)
SPEECH_VERB = re.compile(r"(?<![\w-])(?:" + "|".join(VERBS) + r")(?![\w-])")
PARTICIPLE = re.compile(r"ing\b")
MODIFIED = re.compile(
    r"^(?:['’]s\s(?!\w+ing\b|been\b|got\b|said\b|going\b)|\s+(?:MPs?|ministers?|members?|leader|peers?|councillors?|government|"
    r"spokesperson|politicians?|party|correspondent|editor|council|backbenchers?|frontbench)\b)"
)
# A person named before these nouns modifies them ("the Jay inquiry", "the Casey review").
PERSON_MODIFIER = re.compile(
    r"^(?:['’]s)?\s+(?:inquiry|inquiries|review|report|audit|recommendations?|case|era|government|"
    r"administration|plan|proposals?|commission|model|principles?)\b"
)
MASK = re.compile(r",\s*(?:who|which|whose)\b[^,]*,|\([^)]*\)|\s[-–—]\s(?:who|which)\b[^-–—]*\s[-–—]\s")


NESTED_VERB = re.compile(
    r"(?<![\w-])(?:says?|said|told|tells|characteri[sz](?:es|ed)|describ(?:es|ed)|call(?:s|ed)|"
    r"claim(?:s|ed)|insist(?:s|ed)|warn(?:s|ed)|wr(?:ote|ites))(?![\w-])"
)


RELATIVE = re.compile(r"(?:^|[\s,])(?:who|which|that)\s+$")
NOT_A_VERB_AFTER = {
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "made", "make", "makes",
    "making", "these", "those", "this",
}


def _noun_use(text: str, at: int) -> bool:
    """"made repeated reports", "the call for": the word is not a verb of speaking here."""
    before = re.findall(r"[\w'’]+", text[max(0, at - 20):at])
    return bool(before) and before[-1].lower() in NOT_A_VERB_AFTER


@dataclass(frozen=True)
class Attribution:
    speakers: tuple[Mention, ...]
    verb: Span


def masked(text: str, sentence: Span, quoted: list[Span]) -> list[Span]:
    """Regions of the sentence whose actors cannot be its subject."""
    regions = [Span(q.start - 1, q.end + 1) for q in quoted]
    for match in MASK.finditer(text, sentence.start, sentence.end):
        regions.append(Span(match.start(), match.end()))
    return regions


def _inside(pos: int, regions: list[Span]) -> bool:
    return any(r.start <= pos < r.end for r in regions)


def eligible(text: str, mention: Mention, kinds: dict[str, str], regions: list[Span]) -> bool:
    """Can this mention be a subject? Not inside masked regions, not an organisation as modifier."""
    if _inside(mention.start, regions):
        return False
    if kinds.get(mention.actor_id) in ("organisation", "place") and MODIFIED.match(text[mention.end:mention.end + 30]):
        return False
    if kinds.get(mention.actor_id) == "person" and PERSON_MODIFIER.match(text[mention.end:mention.end + 30]):
        return False
    return kinds.get(mention.actor_id) != "place"


def attribute(text: str, sentence: Span, mentions: list[Mention], quoted: list[Span],
              kinds: dict[str, str]) -> Attribution | None:
    """The speaker(s) of a sentence, or None when it reports nobody's words."""
    regions = masked(text, sentence, quoted)
    candidates = [m for m in mentions if eligible(text, m, kinds, regions)]
    for verb in SPEECH_VERB.finditer(text, sentence.start, sentence.end):
        if _inside(verb.start(), [Span(q.start, q.end) for q in quoted]) or _noun_use(text, verb.start()):
            continue
        if RELATIVE.search(text, max(sentence.start, verb.start() - 8), verb.start()):
            head = [m for m in candidates if 0 <= verb.start() - m.end <= 8]
            if head:
                return Attribution((head[-1],), Span(verb.start(), verb.end()))
            continue
        span = Span(verb.start(), verb.end())
        if verb.group().startswith("calls from") or verb.group() == "call from":
            listed = _listed(text, verb.end(), sentence.end, candidates)
            if listed:
                return Attribution(tuple(listed), span)
        before = [m for m in candidates if m.end <= verb.start()]
        if before:
            chosen = before[0] if PARTICIPLE.search(verb.group()) else before[-1]
            return Attribution((chosen,), span)
        after = [m for m in candidates if verb.end() <= m.start <= verb.end() + 3]
        if after:
            return Attribution((after[0],), span)
    return None


def _listed(text: str, start: int, end: int, candidates: list[Mention]) -> list[Mention]:
    """The actors listed after "calls from", up to "for"/"to"."""
    stop = re.compile(r"\b(?:for|to)\b").search(text, start, end)
    limit = stop.start() if stop else end
    return [m for m in candidates if start <= m.start < limit]


def quoted_speaker(text: str, attribution: Attribution, quote: Span, mentions: list[Mention],
                   kinds: dict[str, str]) -> str | None:
    """Someone else's words inside a report: "He says the PM characterised it as "a bandwagon"".

    The quote belongs to another actor when, between the report's verb and the quote, that actor
    is the subject of a speech verb of their own.
    """
    start = attribution.verb.end
    if quote.start <= start:
        return None
    verbs = list(NESTED_VERB.finditer(text, start, quote.start))
    if not verbs:
        return None
    verb = verbs[-1]
    between = [m for m in mentions if start <= m.start and m.end <= verb.start()
               and kinds.get(m.actor_id) in ("person", "organisation")]
    speakers = {m.actor_id for m in attribution.speakers}
    if between and between[-1].actor_id not in speakers:
        return between[-1].actor_id
    return None


# "..., which X has urged": X's stance on the issue named right before.
RELATIVE_PRONOUN = re.compile(r"(?<![\w-])(?:which|that|whom)\s+$")
RELATIVE_VERB = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:(?:long|repeatedly|previously|also|already|rightly|"
    r"consistently)\s+)?(?P<verb>(?P<support>urged|called\s+for|demanded|recommended|proposed|wanted|"
    r"backed|supported|championed|pressed\s+for|campaigned\s+for|requested|asked\s+for|welcomed)|"
    r"opposed|rejected|criticised|criticized|dismissed|ruled\s+out|resisted|refused)(?![\w-])"
)


@dataclass(frozen=True)
class RelativeReport:
    actor_id: str
    stance: Stance


def relative_reports(text: str, sentence: Span, mentions: list[Mention], issues: list[IssueMention],
                     kinds: dict[str, str]) -> list[RelativeReport]:
    """Stances reported in a relative clause: "<issue>, which <actor> has urged/rejected"."""
    found = []
    for mention in mentions:
        if kinds.get(mention.actor_id) not in ("person", "organisation"):
            continue
        pronoun = RELATIVE_PRONOUN.search(text, max(sentence.start, mention.start - 10), mention.start)
        verb = RELATIVE_VERB.match(text, mention.end, sentence.end)
        if not pronoun or not verb:
            continue
        antecedent = [i for i in issues if sentence.start <= i.start and i.end <= pronoun.start()
                      and pronoun.start() - i.end <= 60]
        if antecedent:
            issue = antecedent[-1]
            stance = "supports" if verb.group("support") else "opposes"
            found.append(RelativeReport(mention.actor_id, Stance(issue.issue_id, stance, 0.6,
                                                                 verb.group("verb"), issue)))
    return found
