"""The side of the House a speech is on, and so its stance on a motion it states none on.

A Westminster-style chamber debates from two sides, the government's and the opposition's, and
a motion is moved from one of them: the government moves its Bills, the Orders and Regulations
it lays and its money resolutions; a motion "That this House ..." states the House's own view
and is moved from outside the government. A speech shows its side by the House's forms of
address: members call their own side's minister "my right hon. Friend the Minister" and speak of
"Opposition Members" across the floor, or of "Government Members" and "the Minister" from the
other side. The patterns, each with why it is there, are in `data/sides.yaml`.

Most speeches in a debate argue the substance and never say "I support the motion"; the side
they speak from is then the best evidence of where they stand: with the motion when it was moved
from their side, against it when from the other. That is weaker evidence than words on the
motion, so it gives a low confidence (`CONFIDENCE`), is named in its cue ("side of the House:
..."), and is used only when the speech states no stance of its own (loaders/extract.py).

A party sits on one side: a speech that shows no side of its own takes the side its party's
other speeches in the same debate show (`PartySides`), weaker still (`PARTY_CONFIDENCE`), with a
cue that names the colleague and the words that showed it.

>>> motion_mover("That the draft Police Grant Report be approved.")
'government'
>>> motion_mover("That this House regrets the Government's cuts to police funding.")
'not government'
>>> motion_mover("", "Railways Bill")
'government'
>>> motion_mover("", "Prisons") is None
True
>>> side_shown("Opposition Members had 13 years. My right hon. Friend the Minister has acted.")
('government', 0, 18)
>>> side_shown("Will the Minister tell Government Members why?")
('opposition', 5, 17)
>>> side_shown("Does the Minister agree with Opposition Members?") is None
True
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

import yaml

__all__ = ["CONFIDENCE", "PARTY_CONFIDENCE", "PartySides", "Sides", "motion_mover", "side_shown",
           "stance_of_side"]

Side = Literal["government", "opposition"]
Mover = Literal["government", "not government"]
CONFIDENCE = 0.3  # below any stance stated in words (those start at about 0.4)
PARTY_CONFIDENCE = 0.2  # a colleague's words, not the speaker's own


@dataclass(frozen=True)
class Sides:
    government_business: tuple[re.Pattern[str], ...]
    not_government_business: tuple[re.Pattern[str], ...]
    government_side: tuple[re.Pattern[str], ...]
    opposition_side: tuple[re.Pattern[str], ...]


@functools.cache
def sides() -> Sides:
    """The patterns of `data/sides.yaml`, compiled once per process."""
    text = (resources.files("standpoint.loaders") / "data" / "sides.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return Sides(**{name: tuple(re.compile(p["pattern"]) for p in data[name])
                    for name in Sides.__dataclass_fields__})


def motion_mover(motion: str, *titles: str) -> Mover | None:
    """Who moved a motion, from its text, else from its label or the debate's title; None when
    they do not say."""
    s = sides()
    if motion.strip():
        if any(p.search(motion) for p in s.not_government_business):
            return "not government"
        if any(p.search(motion) for p in s.government_business):
            return "government"
    if any(p.search(title) for title in titles for p in s.government_business):
        return "government"
    return None


def side_shown(text: str) -> tuple[Side, int, int] | None:
    """The side a speech's words show, with the span of the first form of address that shows
    it; None when they show none or as much of each. The government side's forms are matched
    first, and the opposition's only outside them ("my hon. Friend the Minister" is not "the
    Minister")."""
    s = sides()
    ours = [m.span() for p in s.government_side for m in p.finditer(text)]
    theirs = [m.span() for p in s.opposition_side for m in p.finditer(text)
              if not any(a <= m.start() < b for a, b in ours)]
    if len(ours) == len(theirs):
        return None
    side: Side = "government" if len(ours) > len(theirs) else "opposition"
    start, end = min(ours if side == "government" else theirs)
    return side, start, end


def stance_of_side(side: Side, mover: Mover) -> str:
    """With the motion when it was moved from the speaker's side, else against it."""
    with_mover = (side == "government") == (mover == "government")
    return "supports" if with_mover else "opposes"


@dataclass
class PartySides:
    """The sides a party's speeches show in each debate (a debate: the source, the thing under
    debate and the day), and the first speech that showed each.

    >>> sides = PartySides()
    >>> sides.add(("s", "m", "2026-05-12"), "Blues", "Ada Quill", "Opposition Members had years to act.")
    >>> sides.add(("s", "m", "2026-05-12"), "Blues", "Otto Hart", "The depot closed.")
    >>> sides.of(("s", "m", "2026-05-12"), "Blues")
    ('government', 'Ada Quill: "Opposition Members"')
    >>> sides.of(("s", "m", "2026-05-12"), "Reds") is None
    True
    """

    shown: dict[tuple[tuple[str, ...], str], Counter[Side]] = field(default_factory=dict)
    first: dict[tuple[tuple[str, ...], str, Side], tuple[str, str]] = field(default_factory=dict)

    def add(self, debate: tuple[str, ...], party: str, speaker: str, body: str) -> None:
        found = side_shown(body)
        if found is None:
            return
        side, start, end = found
        self.shown.setdefault((debate, party), Counter())[side] += 1
        self.first.setdefault((debate, party, side), (speaker, body[start:end]))

    def of(self, debate: tuple[str, ...], party: str) -> tuple[Side, str] | None:
        """The side the party's speeches in the debate show most (None on a tie), and who
        first showed it in which words."""
        counts = self.shown.get((debate, party))
        if not counts:
            return None
        ranked = counts.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        side = ranked[0][0]
        who, words = self.first[(debate, party, side)]
        return side, f'{who}: "{words}"'
