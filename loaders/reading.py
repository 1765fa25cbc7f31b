"""Sentences of a parsed paragraph, in the entry body's offsets, never cut inside a quote.

spaCy decides the sentence boundaries. A quote that runs over several sentences ("We tried.
We failed," she said.) is one unit of attribution, so sentences are joined where a boundary
falls inside quote marks, and a short attribution tail after a quote ("Philp asks.") joins the
quote's sentence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from standpoint.loaders.cues import lexicon
from standpoint.loaders.nlp import Piece
from standpoint.loaders.text_spans import ABBREVIATIONS, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = ["Sentence", "cue_words", "parsed", "sentences"]

_TAIL = re.compile(r"^(?:[A-Z][\w'’-]*\s+){1,3}(?:says|said|asks|asked|adds|added|tells [\w ]+|told [\w ]+)\.?$|"
                   r"^(?:says|said|asks|asked|adds|added)\s+(?:[A-Z][\w'’-]*\s*){1,3}\.?$|"
                   r"^(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:says|said|asks|asked|adds|added|continued|wrote)\.?$")
_STRIP = " \t•"
# Irregular forms of cue verbs that no prefix of the lemma matches.
_IRREGULAR = ("said", "told", "wrote", "written", "thought", "felt", "knew", "known", "sought",
              "fought", "spoke", "spoken", "argued", "according")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its span in the body and, when it was worth a full parse, its tokens.

    `offset` turns the Doc's character offsets into the body's: body offset = Doc offset + offset.
    """

    start: int
    end: int
    offset: int
    tokens: SpacySpan | None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def sentences(text: str, piece: Piece, quoted: list[Span]) -> list[Sentence]:
    """The sentences of one piece, joined across quote marks and attribution tails; not yet
    parsed (see `parsed`)."""
    doc = piece.doc
    groups: list[list[SpacySpan]] = []
    for sent in doc.sents:
        start = piece.start + sent.start_char
        inside_quote = any(q.start < start < q.end for q in quoted)
        if groups and (inside_quote or _TAIL.match(sent.text.strip()) or _abbreviated(groups[-1][-1])):
            groups[-1].append(sent)
        else:
            groups.append([sent])
    found = []
    for group in groups:
        a, b = piece.start + group[0].start_char, piece.start + group[-1].end_char
        while b > a and text[b - 1].isspace():
            b -= 1
        while a < b and text[a] in _STRIP:
            a += 1
        if a < b:
            found.append(Sentence(a, b, a, None))
    return found


def parsed(sentence: Sentence, doc: Doc) -> Sentence:
    """The sentence with its parse (`doc` is the whole pipeline over exactly its text)."""
    return Sentence(sentence.start, sentence.end, sentence.start, doc[:])


def _abbreviated(sent: SpacySpan) -> bool:
    """Does the sentence end in an abbreviation ("my hon.", "Prof.") rather than a full stop?"""
    words = sent.text.rstrip().rsplit(None, 1)
    last = words[-1] if words else ""
    return last.endswith(".") and last[:-1] in ABBREVIATIONS


@functools.cache
def cue_words() -> re.Pattern[str]:
    """The words that may be a speech cue or open a frame of support or opposition, in their
    inflections ("say", "says", "said", "saying"; "backed", "rejects"): what makes a sentence
    without an issue or a quote worth a full parse (a frame's object may be a proposal no
    registry names, loaders/proposals.py). A cheap filter; the parse decides."""
    lex = lexicon()
    forms = {form for phrase in lex.speech | lex.speech_nouns | lex.support | lex.oppose
             for form in _forms(phrase.split()[0]) if form.isalpha()}
    forms.update(_IRREGULAR)
    alternation = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


def _forms(lemma: str) -> set[str]:
    """A verb's or noun's regular inflections: call -> calls, called, calling; urge -> urged."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # stop -> stopped
    return forms
