"""The stance a sentence takes on each issue it names: supports or opposes, with a confidence.

General cues, not sentences of any one source. A clause is the unit: contrast ("but", "while",
";") starts a new one. Inside a clause:

- support cues ("call for", "need", "welcome", "urge", "announce", "implement", "only X would")
  and opposition cues ("mistake", "inadequate", "reject", "instead of") give a polarity;
- a negation before a cue flips it ("doesn't think ... are enough");
- a negation right before the issue ("not a new national inquiry", "no national inquiry")
  opposes it;
- a comparison prefers one side: "more answers than a lengthy nationwide inquiry" opposes what
  follows "than" and supports what comes before;
- a lack ("without", "will not have") supports what is lacking and opposes what lacks it;
- what is said not to work opposes it ("a statutory inquiry would not lead to arrests");
- preferring one thing to another supports the one and opposes the other ("prefers local
  inquiries to a national inquiry", "chose X over Y");
- changing one's mind towards something supports it ("U-turn on", "changed her mind on");
- questions take a stance only when rhetorical ("Does she agree that there is a need for ...?",
  "How, without a national inquiry, can we ...?") or when they press for something ("Will the
  Minister say when we can expect the full implementation of ...?");
- procedure ("With permission, I will make a statement", "I call ...", "I thank the Minister for
  advance sight of her statement") takes no stance;
- hedges ("may", "might", "perhaps", "consider", "open to") lower the confidence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from standpoint.loaders.cues import lexicon
from standpoint.loaders.issues import IssueMention

NEGATION = r"(?:not|n['’]t|never|no|nor|neither|cannot)"
LACK = r"(?:without|lack(?:s|ed|ing)?(?: of)?|(?:will|would|do|does|did|can|could)(?: not|n['’]t) have|no)"
CONTRAST = re.compile(
    r";|,?\s+\bbut\b|,?\s+\bwhile\b|,?\s+\bwhereas\b|,?\s+\bhowever\b|\s[-–—]\s|"
    r",?\s+\b(?:adding|saying|warning|and (?:claimed|said|added|claims|says|adds))\b|,\s+and\s+(?=\w+s\b)"
)
RHETORICAL = re.compile(
    r"\b(?:does|do|would|will|is|isn['’]t|doesn['’]t|won['’]t) (?:she|he|the \w+(?: \w+)?|my [\w.]+ \w+|"
    r"they|you) (?:not )?(?:agree|accept|recognise|recognize|acknowledge)\b|\bwithout\b|"
    r"\bis (?:there|it) not\b|\bisn['’]t (?:there|it)\b",
    re.IGNORECASE,
)
# A question that presses for something: "Will the Minister say when we can expect ...?"
PRESSING = re.compile(
    r"^(?:And\s+)?(?:will|can|could|would|when will)\s+(?:the|my|she|he|they|ministers)\b.{0,60}?"
    r"\b(?:say|tell|confirm|set out|explain|update|commit)\b.{0,30}?\b(?:when|how soon|how quickly|"
    r"a timetable|a timeline|a date|to)\b",
    re.IGNORECASE,
)
PROCEDURAL = re.compile(
    r"^(?:With (?:your )?permission|I beg to move|I call\b|Order[.!,]|I give way|I will give way|"
    r"(?:May I|Let me|I) (?:first )?thank .{0,80}? for (?:advance sight|(?:her|his|their) statement|"
    r"giving way|securing)|On a point of order)",
    re.IGNORECASE,
)
HEDGE = re.compile(
    r"(?<![\w-])(?:may|might|perhaps|possibly|potentially|consider(?:ing|ed)?|open to|in principle|"
    r"not (?:yet )?ruled? out|if (?:necessary|needed|required))(?![\w-])",
    re.IGNORECASE,
)
HEDGED = 0.3  # what a hedge or a question takes off a stance's confidence
# "X would not lead to / will not deliver ...": what is said not to work.
INEFFECTIVE = re.compile(
    r"(?<![\w-])(?:would|will|does|do|did|can|could)(?:n['’]t|\s+not)\s+(?!only\b|just\b|simply\b|merely\b)(?:\w+\s+)?"
    r"(?:lead|deliver|help|work|solve|fix|bring|give|change|stop|prevent|achieve|make|get|provide|"
    r"protect|address)(?![\w-])",
    re.IGNORECASE,
)
# "prefers X to Y", "chose X over Y": X is supported, Y opposed.
PREFER = re.compile(
    r"(?<![\w-])(?:prefer(?:s|red|ring)?|favour(?:s|ed|ing)?|cho(?:ose|oses|se|osing)|opt(?:s|ed|ing)? for)(?![\w-])",
    re.IGNORECASE,
)
_OVER = re.compile(r"(?<![\w-])(?:to|over|rather than|instead of)(?![\w-])", re.IGNORECASE)


def _words(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])", re.IGNORECASE)


@functools.cache
def _families() -> tuple[tuple[tuple[re.Pattern[str], float], ...], ...]:
    """The clause rules' cue families, from the data file: words that judge what they describe
    wherever it stands in the clause, then words that act on what follows them."""
    lex = lexicon()
    evaluative = ((_words(sorted(lex.clause_good)), 1.0), (_words(sorted(lex.clause_bad)), -1.0))
    acting = ((_words(sorted(lex.clause_support)), 1.0), (_words(sorted(lex.clause_oppose)), -1.0))
    return evaluative, acting


_INDIRECT_QUESTION = re.compile(r"\bwhether\b|(?<!is )(?<!['’]s )\bwhy\b", re.IGNORECASE)
_NEG_RAISING = re.compile(
    r"(?:n['’]t|\bnot)\s+(?:think|believe|consider|feel|accept|see|agree)\b", re.IGNORECASE
)
# A negation between an acting cue and what it acts on (not "not only", "not just").
_NEGATED_OBJECT = re.compile(r"(?<![\w-])(?:not|no|never)(?![\w-])(?!\s+(?:only|just|simply|merely)\b)",
                             re.IGNORECASE)
_NEGATION = re.compile(rf"(?<![\w-]){NEGATION}(?![\w-])|n['’]t\b", re.IGNORECASE)
_LACK = re.compile(rf"(?<![\w-]){LACK}(?![\w-])", re.IGNORECASE)
_THAN = re.compile(r"(?<![\w-])(?:than|rather than|instead of)(?![\w-])", re.IGNORECASE)
_MORE = re.compile(r"(?<![\w-])(?:more|better|far more|faster|quicker)(?![\w-])", re.IGNORECASE)
_DIRECT_NEGATION = re.compile(
    r"(?:\bnot|\bno|n['’]t)\s+(?:(?:a|an|the|any|another)\s+)?(?:(?:new|further|full|separate)\s+)?"
    rf"[{re.escape(chr(34) + chr(39))}‘’“”]?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Stance:
    """A stance on one issue; `holder_id` is whose it is when not the statement's speaker, and
    `cue_start`/`cue_end` locate the word that decided it, when known."""

    issue_id: str
    stance: str  # supports | opposes
    confidence: float
    cue: str
    mention: IssueMention
    holder_id: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of text[start:end], split at contrast markers."""
    cuts = [start]
    for match in CONTRAST.finditer(text, start, end):
        cuts.append(match.start())
    cuts.append(end)
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def stances(text: str, start: int, end: int, mentions: list[IssueMention]) -> list[Stance]:
    """The stance of the sentence text[start:end] on each issue mentioned in it."""
    sentence = text[start:end].rstrip(" \"'”’")
    if PROCEDURAL.match(sentence.lstrip(" \"'“‘")):
        return []
    pressing = False
    if sentence.endswith("?") and not RHETORICAL.search(sentence):
        if not PRESSING.search(sentence):
            return []
        pressing = True
    found: list[Stance] = []
    for a, b in clauses(text, start, end):
        inside = [m for m in mentions if a <= m.start < b]
        hedged = bool(HEDGE.search(text, a, b))
        for mention in inside:
            stance = _clause_stance(text, a, b, mention, inside)
            if stance and pressing and stance.stance != "supports":
                continue  # a pressing question asks for something; it rejects nothing
            if stance and (hedged or pressing):
                stance = Stance(stance.issue_id, stance.stance, round(stance.confidence - HEDGED, 2),
                                stance.cue, stance.mention)
            if stance:
                found.append(stance)
    return found


def _clause_stance(text: str, a: int, b: int, mention: IssueMention,
                   others: list[IssueMention]) -> Stance | None:
    before = text[a:mention.start]
    if _DIRECT_NEGATION.search(before) and not _LACK.search(before[-30:]):
        return Stance(mention.issue_id, "opposes", 0.7, "negated", mention)
    than = _compare(text, a, b, mention, others) or _prefer(text, a, b, mention, others)
    if than:
        return than
    lack = _lack(text, a, b, mention)
    if lack:
        return lack
    ineffective = INEFFECTIVE.search(text, mention.end, min(b, mention.end + 90))
    if ineffective and not _negated_twice(text, mention.end, ineffective.start()):
        return Stance(mention.issue_id, "opposes", 0.6, ineffective.group(), mention)
    if _INDIRECT_QUESTION.search(before):
        return None
    score, cue = 0.0, ""
    evaluative, acting = _families()
    for family in (evaluative, acting):
        for regex, sign in family:
            for match in regex.finditer(text, a, b):
                if _overlaps(match, others):
                    continue
                if family is acting and match.end() > mention.start:
                    continue
                if match.group().lower() == "only" and re.search(r"\bnot\s+$", text[a:match.start()]):
                    continue  # "not only ... but": no judgement
                polarity = sign * _negated(text, a, match.start())
                if family is acting and _NEGATED_OBJECT.search(text, match.end(), mention.start):
                    polarity = -polarity  # "prefers not to have a new runway", "calls for no ..."
                weight = 1.0 / (1 + _distance(match, mention) / 40)
                if abs(polarity * weight) > abs(score):
                    score, cue = polarity * weight, match.group()
    if score == 0:
        return None
    confidence = round(min(0.9, 0.5 + abs(score) * 0.4), 2)
    return Stance(mention.issue_id, "supports" if score > 0 else "opposes", confidence, cue, mention)


def _compare(text: str, a: int, b: int, mention: IssueMention,
             others: list[IssueMention]) -> Stance | None:
    """"X can deliver more than Y": opposes Y, supports X. X is supported only when what it is
    put above is another issue ("the Bill could cost more than £100 million" compares no two)."""
    for match in _THAN.finditer(text, a, b):
        preceding = text[a:match.start()]
        if not (_MORE.search(preceding) or match.group().lower() in ("rather than", "instead of")):
            continue
        if match.end() <= mention.start and mention.start - match.end() < 40:
            return Stance(mention.issue_id, "opposes", 0.8, match.group(), mention)
        if mention.end <= match.start() and any(
                m is not mention and 0 <= m.start - match.end() < 40 for m in others):
            return Stance(mention.issue_id, "supports", 0.75, "more than", mention)
    return None


def _prefer(text: str, a: int, b: int, mention: IssueMention,
            others: list[IssueMention]) -> Stance | None:
    """"prefers X to Y" / "chose X over Y": supports X, opposes Y (both named in the clause)."""
    for match in PREFER.finditer(text, a, mention.start):
        first = next((m for m in others if m.start >= match.end()), None)
        if first is None:
            continue
        over = _OVER.search(text, first.end, b)
        second = next((m for m in others if over and m.start >= over.end()), None)
        if over is None or second is None or over.start() - first.end > 60:
            continue
        if mention is first:
            return Stance(mention.issue_id, "supports", 0.75, match.group(), mention)
        if mention is second:
            return Stance(mention.issue_id, "opposes", 0.75, f"{match.group()} ... {over.group()}", mention)
    return None


def _negated_twice(text: str, start: int, end: int) -> bool:
    """"X would not lead to Y" is not said of X when a negation already stands between them."""
    return bool(_NEGATION.search(text, start, end))


def _lack(text: str, a: int, b: int, mention: IssueMention) -> Stance | None:
    """"without X" or "will not have X" supports X; the thing lacking it is criticised."""
    for match in _LACK.finditer(text, a, b):
        if match.group().lower() == "no":
            continue
        if match.end() <= mention.start and mention.start - match.end() < 30:
            return Stance(mention.issue_id, "supports", 0.7, match.group(), mention)
        if mention.end <= match.start() and match.start() - mention.end < 40:
            return Stance(mention.issue_id, "opposes", 0.6, match.group(), mention)
    return None


def _negated(text: str, a: int, at: int) -> float:
    """-1 when a negation stands within a few words before position `at` in the clause."""
    before = text[a:at]
    words = re.findall(r"[\w'’]+", before)[-3:]
    near = " ".join(words)
    if _NEGATION.search(near) or _NEG_RAISING.search(before):
        return -1.0
    return 1.0


def _distance(match: re.Match[str], mention: IssueMention) -> int:
    if match.end() <= mention.start:
        return mention.start - match.end()
    return max(0, match.start() - mention.end)


def _overlaps(match: re.Match[str], mentions: list[IssueMention]) -> bool:
    return any(m.start < match.end() and match.start() < m.end for m in mentions)
