"""Mentions of issues in text: by label and alias, plural-tolerant, and by definite anaphora.

"the review" or "the inquiries" refers to the last issue named in the entry whose name ends in
that head noun; nothing is resolved without an antecedent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from standpoint.records import Issue

QUOTE_MARKS = "\"'‘’“”"
_GAP = rf"(?:['’]s)?[\s\-{QUOTE_MARKS},]+"  # "IICSA’s recommendations" names "IICSA recommendations"
ANAPHOR = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hose)(?P<words>(?:\s+[a-z][a-z'’-]*){1,3})"
)
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
    via: str = "alias"


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
        self.words = {
            issue.id: {w.lower() for p in (issue.label, *issue.aliases) for w in re.split(r"[\s\-]+", p)}
            for issue in issues.values()
        }
        self.regex = re.compile(
            "(?<![\\w-])(?:" + "|".join(f"(?P<i{n}>{_alias_regex(p)})" for n, (p, _) in enumerate(phrases))
            + ")(?![\\w-])",
            re.IGNORECASE,
        ) if phrases else None

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
                return IssueMention(antecedent.issue_id, match.start(), end, word.lower(), "anaphora")
            offset = match.string.index(word, offset) + len(word)
        return None

    def find(self, text: str, start: int, end: int, recent: list[IssueMention]) -> list[IssueMention]:
        """Issue mentions in text[start:end]; `recent` (earlier mentions in the entry) grows."""
        found: list[IssueMention] = []
        if self.regex is not None:
            for match in self.regex.finditer(text, start, end):
                issue_id = self.ids[int((match.lastgroup or "i0")[1:])]
                head = _head(re.split(r"[\s\-]+", match.group().strip(QUOTE_MARKS))[-1])
                found.append(IssueMention(issue_id, match.start(), match.end(), head))
        for match in ANAPHOR.finditer(text, start, end):
            if any(m.start <= match.start() < m.end or match.start() <= m.start < match.end() for m in found):
                continue
            mention = self._anaphor(match, recent + found)
            if mention is not None:
                found.append(mention)
        found.sort(key=lambda m: m.start)
        recent.extend(found)
        return found
