"""Turn the bytes of a source file into clean text, or say clearly why they are not text.

Every loader reads its file through `read_text`, so every format gets the same handling of
encodings, byte-order marks, line endings, binary files and empty files.
"""

from __future__ import annotations


import codecs
import re
import os
import unicodedata
from pathlib import Path

from standpoint.errors import InputError

__all__ = ["decode", "read_text"]

# Longest BOMs first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LAYOUT = "\n\t\f\v"
_CP1252 = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_MAX_UNPRINTABLE = 0.05


def decode(data: bytes, path: str) -> str:
    """Decode a source file's bytes to text with LF line endings; raise InputError if not text.

    UTF-8 (with or without a BOM) and UTF-16/32 with a BOM are decoded as such; UTF-16 without
    a BOM is recognised by its NUL pattern; other non-UTF-8 text is read as cp1252 (Latin-1 for
    the five bytes cp1252 leaves undefined). NUL bytes in any other data, or more than 5%
    control characters, mean a binary file. Empty or whitespace-only text is an error too.

    >>> decode(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9\\r\\n", "a.txt")
    'café\\n'
    """
    text = _normalise_newlines(_decode_bytes(data, path))
    if _unprinted_share(text) > _MAX_UNPRINTABLE:
        raise InputError("binary file, not text", path)
    if not text.strip():
        raise InputError("empty file: there is no text to load", path)
    return clean(text)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """Text without the control characters no source means to show (layout ones are kept).

    Removed here, before any span is measured, so every offset points into what is stored.
    """
    return _CONTROL.sub("", text)


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a text file through `decode`; a missing, unreadable or non-file path is InputError."""
    where = str(path)
    file = Path(path)
    if not file.exists():
        raise InputError("no such file", where)
    if file.is_dir():
        raise InputError("is a directory, not a file", where)
    try:
        data = file.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read the file: {err.strerror or err}", where) from err
    return decode(data, where)


def _decode_bytes(data: bytes, path: str) -> str:
    """Pick the encoding of `data` (BOM, UTF-16 NUL pattern, UTF-8, cp1252) and decode it."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding, path)
    utf16 = _bomless_utf16(data)
    if utf16:
        return _strict(data, utf16, path)
    if b"\x00" in data:
        raise InputError("binary file, not text", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _cp1252(data)


def _strict(data: bytes, encoding: str, path: str) -> str:
    """Decode with `encoding`; bytes that do not fit it mean the file is not text."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        problem = f"binary file, not text (invalid {encoding} at byte {err.start})"
        raise InputError(problem, path) from err


def _bomless_utf16(data: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" if `data` looks like BOM-less UTF-16 of mostly ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    if data[1::2].count(0) > 0.9 * (len(data) // 2):
        return "utf-16-le"
    if data[0::2].count(0) > 0.9 * (len(data) // 2):
        return "utf-16-be"
    return None


def _cp1252(data: bytes) -> str:
    """Decode Windows-1252, keeping Latin-1 for the five bytes cp1252 leaves undefined."""
    return data.decode("latin-1").translate(_CP1252)


def _normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR line endings into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _unprinted_share(text: str) -> float:
    """Share of characters that are control, surrogate or unassigned code points (not layout)."""
    if not text:
        return 0.0
    unprinted = sum(1 for char in text if _is_control(char))
    return unprinted / len(text)


def _is_control(char: str) -> bool:
    """True for a control, surrogate, private or unassigned character other than newline/tab."""
    return char not in _LAYOUT and unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn")
