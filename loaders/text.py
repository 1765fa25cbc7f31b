"""Turn the bytes of a source file into clean text, or say clearly why they are not text.

Every loader reads its file through `read_text` (a whole file) or `read_lines` (a JSONL file,
streamed line by line), so every format gets the same handling of encodings, byte-order marks,
line endings, binary files, empty files and sizes.

Limits (see "Limits" in the README): a file read whole (a live page, a registry) is at most
`MAX_TEXT_BYTES`; a streamed file at most `MAX_STREAM_BYTES`, each of its lines at most
`MAX_LINE_BYTES`; an entry's body (and each other field) at most `MAX_ENTRY_CHARS` characters.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from standpoint.errors import InputError

__all__ = ["MAX_ENTRY_CHARS", "MAX_LINE_BYTES", "MAX_STREAM_BYTES", "MAX_TEXT_BYTES", "clean",
           "clean_name", "decode", "read_lines", "read_text", "size"]

MAX_TEXT_BYTES = 64 * 1024**2  # a file read whole: a live page, a registry, a metadata file
MAX_STREAM_BYTES = 2 * 1024**3  # a file read line by line: JSONL
MAX_LINE_BYTES = 64 * 1024**2  # one line of a streamed file
MAX_ENTRY_CHARS = 10_000_000  # an entry's body, or any other text field of it

# Longest BOMs first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LAYOUT = "\n\t\f\v"
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_CP1252 = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_MAX_UNPRINTABLE = 0.05
_HEAD = 64 * 1024  # how much of a streamed file decides its encoding and whether it is text


def size(limit: int) -> str:
    """A byte count as people say it: "64 MB", "2 GB" (binary units, as the limits are)."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if limit >= scale:
            return f"{limit / scale:g} {unit}"
    return f"{limit} bytes"


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
    text = clean(text)
    if not text.strip():
        raise InputError("empty file: there is no text to load", path)
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Invisible characters no source means to keep: zero-width space, word joiner, a BOM inside the
# text, and the bidirectional embeddings, overrides and isolates that can make text display in
# another order than it is stored (CVE-2021-42574, "Trojan Source").
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# In a name, also: marks that only steer layout, soft hyphens, and joiners next to an ASCII
# character or a space (between two letters of a joining script they are kept).
_NAME_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200e\u200f]")
_JOINER_ASIDE = re.compile(r"(?<![^\x00-\x7f\s])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f\s])")


def clean(text: str) -> str:
    """Text without the characters no source means to show, in Unicode NFC.

    Removes control characters (layout ones are kept) and invisible formatting characters
    (zero-width spaces, bidirectional overrides); an unpaired surrogate (from a JSON escape)
    becomes U+FFFD. Done here, before any span is measured, so every offset points into what
    is stored.

    >>> clean("Mal\\u202eicious \\u200bname\\x07")
    'Malicious name'
    """
    text = _SURROGATE.sub("\ufffd", text)
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", _CONTROL.sub("", text)))


def clean_name(text: str) -> str:
    """A person's or organisation's name as it should be matched and shown.

    `clean`, and also: layout marks and soft hyphens removed, zero-width joiners kept only
    between two letters of a script that uses them, every run of whitespace one space, no space
    at either end.

    >>> clean_name(" Yvette\\u200d \\u00a0Cooper\\u200f ")
    'Yvette Cooper'
    """
    text = _JOINER_ASIDE.sub("", _NAME_INVISIBLE.sub("", clean(text)))
    return " ".join(text.split())


def read_text(path: str | os.PathLike[str], limit: int = MAX_TEXT_BYTES) -> str:
    """Read a whole text file through `decode`; a missing, unreadable, non-file or too large path
    is an InputError."""
    where = str(path)
    try:
        with _open(path) as file:
            data = file.read(limit + 1)
    except OSError as err:
        raise InputError(f"cannot read the file: {err.strerror or err}", where) from err
    if len(data) > limit:
        raise InputError(f"the file is larger than {size(limit)}, the most standpoint reads "
                         "at once; split it into smaller files", where)
    return decode(data, where)


def read_lines(path: str | os.PathLike[str], *, limit: int = MAX_LINE_BYTES,
               max_size: int = MAX_STREAM_BYTES) -> Iterator[str]:
    """Yield the lines of a text file one by one (LF, CRLF or CR endings), decoded and cleaned.

    Streamed: only one line is in memory at a time. The encoding is chosen as `decode` does,
    from the BOM or the first 64 KB (UTF-8 lines that are not UTF-8 are read as cp1252, line by
    line). A binary start, a NUL byte, a line longer than `limit` bytes, a file larger than
    `max_size` or one without any text is an InputError naming the file (and line).
    """
    where = str(path)
    try:
        with _open(path) as file:
            stat = os.fstat(file.fileno())
            if stat.st_size > max_size:
                raise InputError(f"the file is larger than {size(max_size)}, the most standpoint "
                                 "reads; split it into smaller files", where)
            found = False
            for line in _lines(file, where, limit, max_size):
                found = found or bool(line.strip())
                yield line
    except OSError as err:
        raise InputError(f"cannot read the file: {err.strerror or err}", where) from err
    if not found:
        raise InputError("empty file: there is no text to load", where)


def _open(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a file for reading bytes; a missing path or a folder is an InputError."""
    file = Path(path)
    if not file.exists():
        raise InputError("no such file", str(path))
    if file.is_dir():
        raise InputError("is a directory, not a file", str(path))
    return open(file, "rb", buffering=_HEAD)


def _lines(file: BinaryIO, where: str, limit: int, max_size: int) -> Iterator[str]:
    """The decoded lines of an open file (see `read_lines`)."""
    head = file.peek(_HEAD)[:_HEAD]  # type: ignore[attr-defined]
    bom, encoding = next(((b, e) for b, e in _BOMS if head.startswith(b)), (b"", None))
    file.read(len(bom))
    head = head[len(bom):]
    encoding = encoding or _bomless_utf16(head[: len(head) - len(head) % 2])
    if encoding and encoding != "utf-8":
        _check_head(_head_text(head, encoding), where)
        yield from _wide_lines(file, encoding, where, limit, max_size)
        return
    if b"\x00" in head:
        raise InputError("binary file, not text", where)
    _check_head(head.decode("utf-8", errors="replace"), where)
    yield from _byte_lines(file, where, limit, max_size)


def _head_text(head: bytes, encoding: str) -> str:
    """The first bytes of a UTF-16/32 file as text (a character cut at the end is dropped)."""
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode(head, final=False)


def _check_head(text: str, where: str) -> None:
    """A file whose start is more than 5% control characters is binary, not text."""
    if _unprinted_share(_normalise_newlines(text)) > _MAX_UNPRINTABLE:
        raise InputError("binary file, not text", where)


def _byte_lines(file: BinaryIO, where: str, limit: int, max_size: int) -> Iterator[str]:
    """Lines of a UTF-8 (or cp1252) file, split on LF, CRLF and CR."""
    number, total = 0, 0
    while True:
        raw = file.readline(limit + 1)
        if not raw:
            return
        total += len(raw)
        if total > max_size:
            raise InputError(f"the file is larger than {size(max_size)}, the most standpoint "
                             "reads; split it into smaller files", where, number + 1)
        if len(raw) > limit and not raw.endswith(b"\n"):
            raise InputError(f"the line is longer than {size(limit)}, the most standpoint reads "
                             "in one line", where, number + 1)
        body = raw[:-1] if raw.endswith(b"\n") else raw
        body = body[:-1] if body.endswith(b"\r") else body
        for part in body.split(b"\r"):
            number += 1
            if b"\x00" in part:
                raise InputError("binary data (a NUL byte), not text", where, number)
            yield clean(_utf8_or_cp1252(part))


def _wide_lines(file: BinaryIO, encoding: str, where: str, limit: int,
                max_size: int) -> Iterator[str]:
    """Lines of a UTF-16 or UTF-32 file, split on LF, CRLF and CR."""
    text = io.TextIOWrapper(file, encoding=encoding, errors=_MARK_INVALID, newline="")
    number, total, chars = 0, 0, limit // 2
    while True:
        line = text.readline(chars + 1)
        if not line:
            return
        number += 1
        total += 2 * len(line)
        if total > max_size:
            raise InputError(f"the file is larger than {size(max_size)}, the most standpoint "
                             "reads; split it into smaller files", where, number)
        if len(line) > chars and not line.endswith(("\n", "\r")):
            raise InputError(f"the line is longer than {size(limit)}, the most standpoint reads "
                             "in one line", where, number)
        if "\x00" in line:
            raise InputError("binary data (a NUL character), not text", where, number)
        if _INVALID in line:
            raise InputError(f"binary data, not text (invalid {encoding})", where, number)
        yield clean(line.rstrip("\r\n"))


# Bytes a UTF-16/32 file cannot hold are decoded as a lone surrogate (which valid text never
# gives), so that the line they are on can be named.
_MARK_INVALID = "standpoint-mark-invalid"
_INVALID = "\udcff"


def _mark_invalid(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeDecodeError):
        raise err
    return _INVALID, err.end


codecs.register_error(_MARK_INVALID, _mark_invalid)


def _utf8_or_cp1252(data: bytes) -> str:
    """UTF-8 if the bytes are UTF-8, else cp1252 (a file of another era, or a mix)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _cp1252(data)


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
    return _utf8_or_cp1252(data)


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
    """Share of characters that are control, surrogate or unassigned code points (not layout).
    ASCII's few controls are counted by one pattern; each other character is judged once."""
    if not text:
        return 0.0
    unprinted = len(_ASCII_CONTROL.findall(text))
    if not text.isascii():
        unprinted += sum(n for char, n in Counter(_NOT_ASCII.findall(text)).items() if _is_control(char))
    return unprinted / len(text)


def _is_control(char: str) -> bool:
    """True for a control, surrogate, private or unassigned character other than newline/tab."""
    return char not in _LAYOUT and unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn")


_ASCII_CONTROL = re.compile("[" + "".join(re.escape(c) for c in map(chr, range(128)) if _is_control(c)) + "]")
