"""The cue lexicon (`data/cues.yaml`) and evaluative polarity (`data/vader_lexicon.tsv`), read once.

>>> lexicon().polarity("disgrace"), lexicon().polarity("table"), lexicon().polarity("unaffordable")
(-1, 0, -1)
>>> "say" in lexicon().speech, "reject" in lexicon().oppose
(True, True)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

__all__ = ["Lexicon", "lexicon"]

CLEAR = 1.0  # a VADER mean valence at least this far from 0 is a clear judgement
SECTIONS = ("speech", "speech_nouns", "support", "oppose", "transparent", "evaluative", "hedge",
            "negation", "clause_support", "clause_oppose", "clause_good", "clause_bad", "not_proposals",
            "vague", "proposal_names", "durations")


@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]
    speech_nouns: frozenset[str]
    support: frozenset[str]
    oppose: frozenset[str]
    transparent: frozenset[str]
    hedge: frozenset[str]
    negation: frozenset[str]
    clause_support: frozenset[str]
    clause_oppose: frozenset[str]
    clause_good: frozenset[str]
    clause_bad: frozenset[str]
    not_proposals: frozenset[str]
    vague: frozenset[str]
    proposal_names: frozenset[str]
    durations: frozenset[str]
    valence: dict[str, float]

    def polarity(self, word: str) -> int:
        """+1 or -1 for a clear evaluative word (cue list first, then VADER), else 0. A word the
        lexicon lacks that is "un-" and a clearly good word is a bad one ("unwise", "unworkable").

        >>> lexicon().polarity("disgrace"), lexicon().polarity("unwise"), lexicon().polarity("table")
        (-1, -1, 0)
        """
        word = word.lower()
        value = self.valence.get(word)
        if value is None and word.startswith("un") and self.valence.get(word[2:], 0.0) >= CLEAR:
            return -1
        value = value or 0.0
        return 1 if value >= CLEAR else -1 if value <= -CLEAR else 0


def _read(name: str) -> str:
    return (resources.files("standpoint.loaders") / "data" / name).read_text(encoding="utf-8")


@functools.cache
def lexicon() -> Lexicon:
    """The cue lists and the evaluative lexicon, loaded once per process."""
    cues = yaml.safe_load(_read("cues.yaml"))
    missing = [s for s in SECTIONS if s not in cues]
    if missing:  # pragma: no cover - the file ships with the package
        raise ValueError(f"loaders/data/cues.yaml lacks the sections {missing}")
    valence: dict[str, float] = {}
    for line in _read("vader_lexicon.tsv").splitlines():
        word, _, value = line.partition("\t")
        if word and value:
            valence[word] = float(value)
    for word, why in cues["evaluative"].items():
        valence[word] = 2.0 if str(why).startswith("+") else -2.0
    return Lexicon(
        **{s: frozenset(cues[s]) for s in SECTIONS if s != "evaluative"}, valence=valence)
