"""Quotes in a paragraph, as character spans: the ground every extraction rule stands on.

Sentences come from the language pipeline (loaders/nlp.py, loaders/reading.py).
"""

from __future__ import annotations

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
