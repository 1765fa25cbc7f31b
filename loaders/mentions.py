"""Mentions of actors in text: by name, alias, surname, title, role on the day, and pronoun.

A `Matcher` is built once per registry; `find(text, day, known=...)` returns the mentions in
order, including people the registry does not list but the source itself has introduced
(`Known`, in loaders/discovery.py): their full names, their surnames where no one else has them,
and Hansard's "the hon. Member for <constituency>".
Person names and surnames match with their capitals as written ("Champion", not "champion");
organisations, places and roles in any case of their first letter ("the government").
Pronouns ("she", "he") and bare descriptions ("the MP") come back unresolved (actor_id "")
with the gender they need; the attribution step resolves them against what came before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from standpoint.loaders.registry import Registry
from standpoint.records import Actor, Mention

if TYPE_CHECKING:
    from standpoint.loaders.discovery import Known

PRONOUNS = {"she": "female", "her": "female", "he": "male", "him": "male", "his": "male"}
DESCRIPTIONS = ("the MP", "the minister", "the MSP", "the peer", "the councillor", "the former detective")
HONORIFICS = {
    "Mrs": "female", "Ms": "female", "Miss": "female", "Dame": "female", "Baroness": "female",
    "Lady": "female", "Mr": "male", "Sir": "male", "Lord": "male",
    "Dr": None, "Prof": None, "Professor": None,
}
# A run of capitalised words, as names are written ("Tom Crowther", "Lord Hanson of Flint").
NAME_WORD = r"(?:[A-Z](?:[a-z]+|['’][A-Z][a-z]+|c[A-Z][a-z]+|ac[A-Z][a-z]+)(?:-[A-Z][a-z]+)?)"
NAME_RUN = re.compile(rf"(?<![\w-]){NAME_WORD}(?:\s+(?:of\s+)?{NAME_WORD})*(?![\w-])")
# Hansard's way to name a member: "the right hon. and learned Member", "my hon. Friend the Member".
HON_MEMBER = (r"(?<![\w-])(?:right\s+)?hon\.?\s+(?:and\s+(?:learned|gallant|reverend)\s+)?"
              r"(?:Member|Friend|Lady|Gentleman)(?:\s+the\s+Member)?")
MEMBER_FOR = re.compile(
    r"(?<![\w-])(?:(?:right\s+)?hon\.?\s+(?:and\s+(?:learned|gallant|reverend)\s+)?)?"
    r"(?:Member|Friend|Lady|Gentleman)(?:\s+the\s+Member)?\s+for\s+(?P<place>[A-Z][\w’'-]*(?:,?\s+(?:and\s+|upon\s+|on\s+|"
    r"under\s+|the\s+)?[A-Z][\w’'-]*)*)"
)


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern[str]
    actor_id: str | None  # None: a role, resolved by date
    role_id: str | None
    via: str


def _phrase(words: str, fold_case: bool) -> str:
    """A regex for a phrase: flexible spaces and hyphens; first letter case-free unless fold_case."""
    parts = [re.escape(w) for w in re.split(r"[\s-]+", words.strip()) if w]
    body = r"[\s\-]+".join(parts)
    if not fold_case and body and body[0].isalpha():
        body = f"[{body[0].upper()}{body[0].lower()}]" + body[1:]
    return body


class Matcher:
    """Finds registry actors in text; surnames only where they name one person."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.patterns: list[tuple[str, Pattern]] = []
        surnames: dict[str, list[str]] = {}
        for actor in registry.actors.values():
            exact = actor.type == "person"
            self._add(actor.name, actor.id, None, "name", exact=exact)
            for alias in actor.aliases:
                self._add(alias, actor.id, None, "alias", exact=exact)
            if actor.type == "person" and " " in actor.name:
                surnames.setdefault(actor.name.split()[-1], []).append(actor.id)
        self.surnames = {surname for surname, ids in surnames.items() if len(ids) == 1}
        for surname, ids in surnames.items():
            if len(ids) == 1:
                self._add(surname, ids[0], None, "surname", exact=True)
        for role in registry.roles.values():
            for label in (role.label, *role.aliases):
                self._add(label, None, role.id, "role", fold_case=True)
        self.patterns.sort(key=lambda p: -len(p[0]))
        self.index = _FirstWordIndex(self.patterns)
        self.pronoun = re.compile(
            r"(?<![\w-])(?:" + "|".join(
                [rf"[{p[0].upper()}{p[0]}]{p[1:]}" for p in PRONOUNS]
                + [_phrase(d, fold_case=False) for d in DESCRIPTIONS]
            ) + r")(?![\w-])"
        )

    def _add(self, phrase: str, actor_id: str | None, role_id: str | None, via: str,
             fold_case: bool = False, exact: bool = False) -> None:
        flags = "(?i:" if fold_case else "(?:"
        body = re.escape(phrase.strip()) if exact and not re.search(r"[\s-]", phrase.strip()) \
            else _phrase(phrase, fold_case or exact)
        pattern = Pattern(re.compile(flags + body + ")"), actor_id, role_id, via)
        self.patterns.append((phrase, pattern))

    def find(self, text: str, day: date, start: int = 0, end: int | None = None,
             known: Known | None = None) -> list[Mention]:
        """Mentions in text[start:end], in order; adjacent mentions of one actor merged.

        With `known`, people the source has introduced are found too; where a discovered full
        name and a registry surname overlap ("Tom Cooper"), the longer mention wins.
        """
        end = len(text) if end is None else end
        found: list[Mention] = []
        for match, pattern in self.index.finditer(text, start, end):
            actor_id = pattern.actor_id or self._holder(pattern.role_id or "", day, known)
            if actor_id:
                found.append(Mention(actor_id, match.start(), match.end(), match.group(), pattern.via))
        if known is not None:
            found = _longest(found + self._known(text, start, end, known, found))
        taken = [(m.start, m.end) for m in found]
        for match in self.pronoun.finditer(text, start, end):
            if not any(a <= match.start() < b for a, b in taken):
                found.append(Mention("", match.start(), match.end(), match.group(), "pronoun"))
        found.sort(key=lambda m: m.start)
        return _merge(text, found)

    def _holder(self, role_id: str, day: date, known: Known | None = None) -> str | None:
        holders = self.registry.holders(role_id, day)
        if not holders and known is not None:
            holders = known.holders(role_id, day)
        return holders[0].id if len(holders) == 1 else None

    def _known(self, text: str, start: int, end: int, known: Known,
               registry_found: list[Mention]) -> list[Mention]:
        """Mentions of discovered people: full names and aliases, lone surnames, "Member for X"."""
        found: list[Mention] = []
        for match in MEMBER_FOR.finditer(text, start, end):
            place = match.group("place")
            for token in reversed(list(re.finditer(r"[^\s,]+", place))):
                person = known.member_for(place[:token.end()])
                if person:
                    stop = match.start("place") + token.end()
                    found.append(Mention(person, match.start(), stop, text[match.start():stop], "title"))
                    break
        for run in NAME_RUN.finditer(text, start, end):
            words = list(re.finditer(r"\S+", run.group()))
            i = 0
            while i < len(words):
                for j in range(len(words), i, -1):
                    a, b = run.start() + words[i].start(), run.start() + words[j - 1].end()
                    phrase = text[a:b]
                    actor_id = known.by_name(phrase) or (
                        known.by_surname(phrase) if j == i + 1 and phrase not in self.surnames else None)
                    if actor_id:
                        via = "surname" if j == i + 1 and " " not in phrase else "name"
                        found.append(Mention(actor_id, a, b, phrase, via))
                        i = j - 1
                        break
                i += 1
        return found


_WORD = re.compile(r"(?<![\w-])\w+")


class _FirstWordIndex:
    """Patterns keyed by their first word: at each word of a text only the few patterns that can
    start there are tried, longest first, as one big alternation would but without its cost."""

    def __init__(self, patterns: list[tuple[str, Pattern]]):
        self.by_word: dict[str, list[tuple[re.Pattern[str], Pattern]]] = {}
        for phrase, pattern in patterns:  # already longest first
            first = re.match(r"\W*(\w+)", phrase)
            if first is None:
                continue
            anchored = re.compile(rf"{pattern.regex.pattern}(?![\w-])")
            self.by_word.setdefault(first.group(1).lower(), []).append((anchored, pattern))

    def finditer(self, text: str, start: int, end: int) -> list[tuple[re.Match[str], Pattern]]:
        found: list[tuple[re.Match[str], Pattern]] = []
        taken = start
        for word in _WORD.finditer(text, start, end):
            if word.start() < taken:
                continue
            for regex, pattern in self.by_word.get(word.group().lower(), ()):
                match = regex.match(text, word.start(), end)
                if match:
                    found.append((match, pattern))
                    taken = match.end()
                    break
        return found


def _longest(mentions: list[Mention]) -> list[Mention]:
    """Of overlapping mentions keep the longest (then the first)."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(k.start < mention.end and mention.start < k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def _merge(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join "shadow home secretary Chris Philp" (role then name of one actor) into one mention."""
    merged: list[Mention] = []
    for mention in mentions:
        last = merged[-1] if merged else None
        gap = text[last.end:mention.start] if last else ""
        if last and last.actor_id and last.actor_id == mention.actor_id and re.fullmatch(r"[\s,]*", gap):
            merged[-1] = Mention(last.actor_id, last.start, mention.end,
                                 text[last.start:mention.end], last.via)
        else:
            merged.append(mention)
    return merged


def pronoun_gender(mention: Mention) -> str | None:
    """The gender a pronoun needs; None for a description such as "the MP"."""
    return PRONOUNS.get(mention.text.lower())


def is_compatible(actor: Actor | None, gender: str | None) -> bool:
    """Can this actor be the referent of a pronoun needing that gender?"""
    if actor is None or actor.type != "person":
        return False
    return gender is None or actor.gender in (None, gender)
