"""Mentions of issues in text: by label and alias, plural-tolerant, and by definite anaphora.

"the review" or "the inquiries" refers to the last issue named in the entry whose name ends in
that head noun; nothing is resolved without an antecedent. In an entry that says what it debates
(`about`), "the Bill", "this motion", "the proposal", "these plans" refer to that issue ("the
Bill" and "the Order" only when it is one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from standpoint.loaders.sides import motion_mover
from standpoint.records import Issue

QUOTE_MARKS = "\"'‘’“”"
_GAP = rf"(?:['’]s)?[\s\-{QUOTE_MARKS},]+"  # "IICSA’s recommendations" names "IICSA recommendations"
ANAPHOR = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hose)(?P<words>(?:\s+[a-z][a-z'’-]*){1,3})"
)
# What a debate calls the thing under debate: "the Bill", "this motion", "these proposals".
UNDER_DEBATE = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Tt]his|[Tt]hese|[Oo]ur|[Tt]heir|[Hh]er|[Hh]is|[Mm]y)\s+"
    r"(?:(?:[Gg]overnment['’]s|[Mm]inister['’]s|new|draft|proposed|present|whole)\s+)?"
    r"(?P<head>Bill|bill|[Mm]otion|[Pp]roposals?|[Pp]lans?|[Mm]easures?|[Ll]egislation|Order|"
    r"[Rr]egulations|[Ss]cheme|[Pp]olicy|[Rr]eforms?)(?![\w-])"
)
# In a debate on a motion, an amendment stands against it: it would replace the motion's words,
# so backing "the Government's amendment" opposes the motion (Commons practice on opposition days).
AMENDMENT = re.compile(r"(?<![\w-])(?:[Tt]he|[Tt]his|[Tt]hat|[Oo]ur|[Tt]heir)\s+"
                       r"(?:(?:[Gg]overnment['’]s|[Mm]inister['’]s|[Oo]pposition['’]s)\s+)?[Aa]mendment(?![\w-])")
# A motion that would undo a thing ("That the Fares Order 2026 be annulled", a prayer against a
# statutory instrument; "declines to give the Bill a Second Reading"): a stance on the thing is
# the opposite stance on the motion.
UNDOING = re.compile(r"\bbe\s+(?:revoked|annulled|rescinded|repealed|withdrawn|not\s+approved)\b|"
                     r"\bpraying\s+that\b[^.]*\bannulled\b|\bdeclines?\s+to\s+(?:approve|give)\b",
                     re.IGNORECASE)
# Heads that name one kind of business: "the Bill" is the thing under debate when it is a Bill
# (or of no kind its words tell); in a debate on a motion or an Order it is some other Bill.
KINDS = {"bill", "order", "regulations", "motion"}
# Heads for what a government does: on a motion moved from outside the government ("That this
# House regrets ..."), "the policy" and "these reforms" are the government's, which the motion
# attacks, not the motion itself.
GOVERNMENT_WORKS = {"policy", "plan", "plans", "measure", "measures", "scheme", "reform", "reforms",
                    "legislation"}
GENERIC_MODIFIERS = {
    "new", "proposed", "planned", "latest", "promised", "announced", "whole", "three-month",
    "government's", "government’s", "first", "five", "four", "these", "such",
}


@dataclass(frozen=True)
class IssueMention:
    issue_id: str
    start: int
    end: int
    head: str
    via: str = "alias"  # alias | anaphora | about | amendment | pronoun | found
    rival: bool = False  # names what stands against the issue: a stance on it is the opposite one
    form: str = ""  # a found proposal's words as written (loaders/proposals.py)


def _alias_regex(alias: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", alias.strip()) if w]
    last = words[-1]
    if last.endswith("y") and not last.endswith(("ay", "ey", "oy")):
        stem = re.escape(last[:-1]) + "(?:y|ies)"
    elif last.endswith("ies"):
        stem = re.escape(last[:-3]) + "(?:y|ies)"
    elif last.endswith("s"):
        stem = re.escape(last) + "?"
    else:
        stem = re.escape(last) + "s?"
    return _GAP.join([*(re.escape(w) for w in words[:-1]), stem])


def _head(word: str) -> str:
    """The head noun as written, lower-case: "inquiries" and "inquiry" refer back differently."""
    return word.lower()


class IssueMatcher:
    """Finds issues in text by label and aliases, longest phrase first."""

    def __init__(self, issues: dict[str, Issue]):
        phrases = sorted(
            ((phrase, issue.id) for issue in issues.values() for phrase in (issue.label, *issue.aliases)),
            key=lambda p: -len(p[0]),
        )
        self.ids = [issue_id for _, issue_id in phrases]
        self.by_name = {" ".join(p.split()).casefold(): i for p, i in phrases}
        self.by_name.update({issue.id.casefold(): issue.id for issue in issues.values()})
        self.words = {
            issue.id: {w.lower() for p in (issue.label, *issue.aliases) for w in re.split(r"[\s\-]+", p)}
            for issue in issues.values()
        }
        self.undoing = {issue.id for issue in issues.values() if UNDOING.search(issue.description)}
        self.outside = {issue.id for issue in issues.values()
                        if motion_mover(issue.description) == "not government"}
        self.kinds = {issue.id: KINDS & {w.lower() for w in re.findall(r"[\w-]+", " ".join(
            (issue.label, *issue.aliases, issue.description)))} | (
            {"motion"} if re.match(r"\s*That\b", issue.description) else set()) for issue in issues.values()}
        self.regex = re.compile(
            "(?<![\\w-])(?:" + "|".join(f"(?P<i{n}>{_alias_regex(p)})" for n, (p, _) in enumerate(phrases))
            + ")(?![\\w-])",
            re.IGNORECASE,
        ) if phrases else None

    def _undone(self, issue_id: str, head: str) -> bool:
        """Does this mention name what a motion to undo would undo ("the Order"), rather than
        the motion itself?"""
        return issue_id in self.undoing and head != "motion"

    def motion(self, issue_id: str) -> bool:
        """Is the issue a motion (which an amendment would replace) rather than a Bill?"""
        return any("motion" in w for w in self.words.get(issue_id, set()))

    def resolve(self, name: str) -> str | None:
        """The issue an id, label or alias names, in any case."""
        wanted = " ".join(name.split()).casefold()
        return self.by_name.get(wanted)

    def _modifiers_fit(self, mods: str, antecedent: IssueMention) -> bool:
        """"the national audit" may refer back to the rapid audit; "the Telford inquiry" may not."""
        words = self.words.get(antecedent.issue_id, set()) | GENERIC_MODIFIERS
        return all(w in words for w in mods.lower().split())

    def _anaphor(self, match: re.Match[str], before: list[IssueMention]) -> IssueMention | None:
        """"the review" -> the last issue named "... review" in the entry, if the words fit."""
        words = match.group("words").split()
        offset = match.start("words")
        for k, word in enumerate(words):
            antecedent = next((m for m in reversed(before) if m.head == word.lower()), None)
            if antecedent is not None and self._modifiers_fit(" ".join(words[:k]), antecedent):
                end = match.string.index(word, offset) + len(word)
                return IssueMention(antecedent.issue_id, match.start(), end, word.lower(), "anaphora",
                                    rival=antecedent.rival)
            offset = match.string.index(word, offset) + len(word)
        return None

    def find(self, text: str, start: int, end: int, recent: list[IssueMention],
             about: str | None = None) -> list[IssueMention]:
        """Issue mentions in text[start:end]; `recent` (earlier mentions in the entry) grows.

        `about` is the issue the entry debates: "the Bill", "this motion" refer to it.
        """
        found: list[IssueMention] = []
        if self.regex is not None:
            for match in self.regex.finditer(text, start, end):
                issue_id = self.ids[int((match.lastgroup or "i0")[1:])]
                head = _head(re.split(r"[\s\-]+", match.group().strip(QUOTE_MARKS))[-1])
                found.append(IssueMention(issue_id, match.start(), match.end(), head,
                                          rival=self._undone(issue_id, head)))
        for match in ANAPHOR.finditer(text, start, end):
            if any(m.start <= match.start() < m.end or match.start() <= m.start < match.end() for m in found):
                continue
            mention = self._anaphor(match, recent + found)
            if mention is not None:
                found.append(mention)
        if about is not None:
            for match in UNDER_DEBATE.finditer(text, start, end):
                head = match.group("head").lower()
                kinds = self.kinds.get(about)
                if head in KINDS - {"motion"} and kinds and head not in kinds:
                    continue  # "the Bill" in a debate on a motion: another Bill
                if head in GOVERNMENT_WORKS and about in self.outside:
                    continue  # "this policy" in a debate on an opposition's motion: the government's
                if not any(m.start < match.end() and match.start() < m.end for m in found):
                    found.append(IssueMention(about, match.start(), match.end(), head, "about",
                                              rival=self._undone(about, head)))
            if self.motion(about):
                for match in AMENDMENT.finditer(text, start, end):
                    if not any(m.start < match.end() and match.start() < m.end for m in found):
                        found.append(IssueMention(about, match.start(), match.end(), "amendment",
                                                  "amendment", rival=True))
        found.sort(key=lambda m: m.start)
        recent.extend(found)
        return found
