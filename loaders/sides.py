"""The side of the House a speech is on, and so its stance on a motion it states none on.

A Westminster-style chamber debates from two sides, the government's and the opposition's, and
a motion is moved from one of them: the government moves its Bills, the Orders and Regulations
it lays and its money resolutions; a motion "That this House ..." states the House's own view
and is moved from outside the government. A speech shows its side by the House's forms of
address: members call their own side's minister "my right hon. Friend the Minister" and speak of
"Opposition Members" across the floor, or of "Government Members" and "the Minister" from the
other side. The patterns, each with why it is there and how much it tells, are in
`data/sides.yaml`.

Most speeches in a debate argue the substance and never say "I support the motion"; the side
they speak from is then the best evidence of where they stand: with the motion when it was moved
from their side, against it when from the other. That is weaker evidence than words on the
motion, so it gives a low confidence, is named in its cue ("side of the House: ..."), and is
used only when the speech states no stance of its own (loaders/debate.py).

One speech's forms of address are few and some are used from both sides, so the side is read
from the whole debate (`DebateSides`): a party sits on one side, and one party (or a coalition)
forms the government. The party whose speeches show the government side most is the
government's; a party its own speeches put on the government side too sits with it; every
other party sits in opposition. A party named as a past government ("the last Labour
Government") is not the government now. When the words leave two parties level, the one with
more speeches in the debate is taken for the government's, which holds the majority of the
House. When only one party speaks and its words show the opposition side, the government did
not speak: the party is in opposition.

>>> motion_mover("That the draft Police Grant Report be approved.")
'government'
>>> motion_mover("That this House regrets the Government's cuts to police funding.")
'not government'
>>> motion_mover("That this House disagrees with the Lords in their amendment 4.")
'government'
>>> motion_mover("That leave be given to bring in a Bill to cap ferry fares.") is None
True
>>> motion_mover("", "Railways Bill")
'government'
>>> motion_mover("", "Prisons") is None
True
>>> side_shown("Opposition Members had 13 years. My right hon. Friend the Minister has acted.")
('government', 0, 18)
>>> side_shown("Will the Minister tell Government Members why?")
('opposition', 5, 17)
>>> side_shown("Does my hon. Friend the Minister agree with Government Members?") is None
True
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal

import yaml

__all__ = ["CONFIDENCE", "PARTY_CONFIDENCE", "DebateSides", "Sides", "motion_mover", "side_shown",
           "stance_of_side"]

Side = Literal["government", "opposition"]
Mover = Literal["government", "not government"]
CONFIDENCE = 0.3  # below any stance stated in words (those start at about 0.4)
PARTY_CONFIDENCE = 0.2  # a colleague's words, not the speaker's own


@dataclass(frozen=True)
class Form:
    """One pattern of `data/sides.yaml`: what it matches and what one match tells."""

    pattern: re.Pattern[str]
    weight: float = 1.0
    mover: Mover | None = None


@dataclass(frozen=True)
class Sides:
    motions: tuple[Form, ...]
    government_side: tuple[Form, ...]
    opposition_side: tuple[Form, ...]
    past_government: re.Pattern[str]


def _form(entry: dict[str, Any]) -> Form:
    mover = entry.get("mover")
    return Form(re.compile(entry["pattern"]), float(entry.get("weight", 1.0)),
                None if mover in (None, "none") else mover)


@functools.cache
def sides() -> Sides:
    """The patterns of `data/sides.yaml`, compiled once per process."""
    text = (resources.files("standpoint.loaders") / "data" / "sides.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    motions, ours, theirs = (tuple(_form(p) for p in data[name])
                             for name in ("motions", "government_side", "opposition_side"))
    return Sides(motions, ours, theirs, re.compile(data["past_government"]))


def motion_mover(motion: str, *titles: str) -> Mover | None:
    """Who moved a motion, from its text, else from its label or the debate's title; None when
    they do not say. The first form that matches decides."""
    rules = sides().motions
    if motion.strip():
        rule = next((r for r in rules if r.pattern.search(motion)), None)
        if rule is not None:
            return rule.mover
    for title in titles:
        rule = next((r for r in rules if r.pattern.search(title)), None)
        if rule is not None and rule.mover == "government":
            return "government"
    return None


@dataclass(frozen=True)
class Shown:
    """What a speech's forms of address show: a score (above 0 the government side, below it
    the opposition) and each form's side and span, in the order they stand."""

    score: float
    forms: tuple[tuple[Side, int, int], ...]

    @property
    def side(self) -> Side | None:
        return "government" if self.score > 0 else "opposition" if self.score < 0 else None

    def first(self, side: Side) -> tuple[int, int] | None:
        return next(((a, b) for s, a, b in self.forms if s == side), None)


def forms_shown(text: str) -> Shown:
    """The forms of address in a speech, weighed. The government side's forms are matched
    first, and the opposition's only outside them ("my hon. Friend the Minister" is not "the
    Minister")."""
    s = sides()
    ours = [(m.span(), f.weight) for f in s.government_side for m in f.pattern.finditer(text)]
    theirs = [(m.span(), f.weight) for f in s.opposition_side for m in f.pattern.finditer(text)
              if not any(a <= m.start() < b for (a, b), _ in ours)]
    score = sum(w for _, w in ours) - sum(w for _, w in theirs)
    shown: list[tuple[Side, int, int]] = [("government", a, b) for (a, b), _ in ours]
    shown += [("opposition", a, b) for (a, b), _ in theirs]
    return Shown(round(score, 3), tuple(sorted(shown, key=lambda f: f[1])))


def side_shown(text: str) -> tuple[Side, int, int] | None:
    """The side a speech's own words show, with the span of its first form of address that
    shows it; None when they show none, or as much of each."""
    shown = forms_shown(text)
    side = shown.side
    if side is None:
        return None
    start, end = shown.first(side) or (0, 0)
    return side, start, end


def past_governments(text: str) -> list[str]:
    """The parties a speech names as a past government, as written ("Labour")."""
    return [m.group("party") for m in sides().past_government.finditer(text)]


def stance_of_side(side: Side, mover: Mover) -> str:
    """With the motion when it was moved from the speaker's side, else against it."""
    with_mover = (side == "government") == (mover == "government")
    return "supports" if with_mover else "opposes"


Debate = tuple[str, ...]


@dataclass
class DebateSides:
    """The sides of the House in each debate (a debate: the source, the thing under debate and
    the day), read from all its speeches: which party forms the government, and who showed it.

    >>> sides = DebateSides()
    >>> day = ("s", "m", "2026-05-12")
    >>> sides.add(day, "blues", "Ada Quill", "Opposition Members had years to act.")
    >>> sides.add(day, "blues", "Otto Hart", "The depot closed.")
    >>> sides.add(day, "reds", "Ned Rowe", "The buses stopped.")
    >>> sides.of(day, "blues")
    ('government', 'Ada Quill: "Opposition Members"')
    >>> sides.of(day, "reds")
    ('opposition', 'the government side is the party of Ada Quill: "Opposition Members"')
    >>> sides.of(("s", "other", "2026-05-12"), "reds") is None
    True
    """

    score: dict[Debate, dict[str, float]] = field(default_factory=dict)
    speeches: dict[Debate, Counter[str]] = field(default_factory=dict)
    past: dict[Debate, set[str]] = field(default_factory=dict)
    first: dict[tuple[Debate, str, Side], tuple[str, str]] = field(default_factory=dict)

    def add(self, debate: Debate, party: str, speaker: str, body: str, past: Iterable[str] = ()) -> None:
        """One speech of `party` in the debate; `past`: the parties it names as a past
        government, as party ids."""
        shown = forms_shown(body)
        past = set(past)
        # "the last Labour Government" from Labour's own benches defends its record from
        # opposition; from anyone else it is the government side's answer to its predecessor
        named = sum(-1.0 if p == party else 1.0 for p in past)
        scores = self.score.setdefault(debate, {})
        scores[party] = scores.get(party, 0.0) + shown.score + named
        self.speeches.setdefault(debate, Counter())[party] += 1
        self.past.setdefault(debate, set()).update(past)
        if shown.side is not None:
            start, end = shown.first(shown.side) or (0, 0)
            self.first.setdefault((debate, party, shown.side), (speaker, body[start:end]))

    def government(self, debate: Debate) -> set[str] | None:
        """The parties on the government side: the one whose speeches show it most (of those
        not named as a past government; the larger on a tie), with any other its own speeches
        put there. None when no speech shows a side; empty when the only party that spoke shows
        the opposition side (the government did not speak: there is no other to compare)."""
        scores = self.score.get(debate, {})
        if not any(scores.values()):
            return None
        if len(scores) == 1 and sum(scores.values()) < 0:
            return set()
        past = self.past.get(debate, set())
        count = self.speeches[debate]
        ranked = sorted([p for p in scores if p not in past] or scores,
                        key=lambda p: (scores[p], count[p], p), reverse=True)
        return {ranked[0], *(p for p in scores if scores[p] > 0 and p not in past)}

    def of(self, debate: Debate, party: str) -> tuple[Side, str] | None:
        """The side the party sits on in the debate, and who showed it in which words; None when
        the debate shows no side, or the party has no speech in it."""
        governing = self.government(debate)
        if governing is None or party not in self.score[debate]:
            return None
        side: Side = "government" if party in governing else "opposition"
        shown = self.first.get((debate, party, side))
        if shown is not None:
            return side, f'{shown[0]}: "{shown[1]}"'
        lead = max(governing, key=lambda p: (self.score[debate][p], p), default="")
        if side == "opposition" and (debate, lead, "government") in self.first:
            who, words = self.first[(debate, lead, "government")]
            return side, f'the government side is the party of {who}: "{words}"'
        return side, ("the other parties show the opposition side more" if side == "government" else
                      "another party shows the government side more")
