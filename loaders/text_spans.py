"""Quotes and sentences in a paragraph, as character spans: the ground every extraction rule stands on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

OPEN_DOUBLE = "“"
CLOSE_DOUBLE = "”"
SINGLES = "'‘’"
ABBREVIATIONS = ("Prof", "Dr", "Mr", "Mrs", "Ms", "St", "No", "Rt", "Hon", "hon", "Gen", "Col", "Sgt",
                 "Insp", "Revd", "Rev", "Lt", "Capt", "Cllr", "Supt", "Det")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def paragraphs(text: str) -> Iterator[Span]:
    """Non-empty lines (paragraphs) of a body, as spans."""
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield Span(match.start(), match.end())


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def quotes(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Spans of quoted text (inside the quote marks) in text[start:end].

    Straight and curly, double and single quotes. An apostrophe inside a word ("Philp's") or a
    possessive after a word ("survivors' voices") outside an open quote is not a quote. A quote
    left open runs to the end of the range.
    """
    end = len(text) if end is None else end
    found: list[Span] = []
    open_at: int | None = None
    open_char = ""
    i = start
    while i < end:
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if open_at is None:
            if ch in '"' + OPEN_DOUBLE or ch in "'‘" and not _is_word(before) and (_is_word(after) or after in "\"“"):
                open_at, open_char = i, ch
        elif _closes(open_char, ch, before, after):
            if i > open_at + 1:
                found.append(Span(open_at + 1, i))
            open_at = None
        i += 1
    if open_at is not None and end > open_at + 1:
        found.append(Span(open_at + 1, end))
    return [_trim(text, s) for s in found if text[s.start:s.end].strip(" '\"‘’“”")]


def _closes(open_char: str, ch: str, before: str, after: str) -> bool:
    if open_char in '"' + OPEN_DOUBLE:
        return ch in '"' + CLOSE_DOUBLE
    return ch in "'’" and not _is_word(after) and before != " "


def _trim(text: str, span: Span) -> Span:
    """Drop spaces and stray quote marks at either end of a quote."""
    start, end = span.start, span.end
    while start < end and text[start] in " '\"‘’“”":
        start += 1
    while end > start and text[end - 1] in " '\"‘’“”":
        end -= 1
    return Span(start, end)


_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘(•]?[A-Z0-9£])")


def sentences(text: str, para: Span, quoted: list[Span]) -> list[Span]:
    """Sentences of one paragraph, never split inside a quote."""
    cuts = [para.start]
    chunk = text[para.start:para.end]
    for match in _BOUNDARY.finditer(chunk):
        at = para.start + match.end()
        stop = para.start + match.start()
        if any(q.start <= stop < q.end - 1 for q in quoted):
            continue
        word = re.search(r"(?<![\w.])(\w+)\.$", text[max(para.start, stop - 8):stop])
        if word and word.group(1) in ABBREVIATIONS:
            continue
        cuts.append(at)
    cuts.append(para.end)
    spans: list[Span] = []
    for a, b in zip(cuts, cuts[1:]):
        while b > a and text[b - 1].isspace():
            b -= 1
        while a < b and text[a] in " •\t":
            a += 1
        if a < b and spans and _attribution_tail(text[a:b]):
            spans[-1] = Span(spans[-1].start, b)
        elif a < b:
            spans.append(Span(a, b))
    return spans


_TAIL = re.compile(r"^(?:[A-Z][\w'’-]*\s+){1,3}(?:says|said|asks|asked|adds|added|tells [\w ]+|told [\w ]+)\.?$|"
                   r"^(?:says|said|asks|asked|adds|added)\s+(?:[A-Z][\w'’-]*\s*){1,3}\.?$")


def _attribution_tail(sentence: str) -> bool:
    """"Philp asks." after a quote ending in "?" belongs to the quote's sentence."""
    return bool(_TAIL.match(sentence.strip()))
