"""Analysts' corrections: what they say, and the file that keeps them (corrections.yaml).

The file is a YAML list, one correction an item, applied in its order on every build after
extraction. A correction names the statement it is about by what re-extraction does not change:
the entry id, the character span of the statement's text in the entry's body (and the text
itself, found again if the body moved it), its holder and its issue; never an IRI. For example:

    - action: stance
      statement: {entry: bbc-live-2025-01-16-1522, span: [120, 168], holder: yvette-cooper,
                  issue: national-inquiry, text: lengthy nationwide inquiry}
      stance: supports
      by: alice
      at: '2025-06-01T10:00:00+00:00'
      why: she backs it in the next paragraph

`action` is one of ACTIONS; FIELDS says what else each takes. Actors and issues are given by id,
or as `{id, name, type}` / `{id, label}`: a name (label) is needed for one the registry does not
list, so that the graph can describe it. Every mistake is reported with the file and line.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from standpoint.errors import InputError
from standpoint.loaders.registry import load_yaml
from standpoint.loaders.text import clean_name, read_text

__all__ = [
    "ACTIONS", "Correction", "CorrectionsError", "Key", "Target", "append", "default_path",
    "parse_corrections", "read_corrections", "render",
]

ACTIONS = ("confirm", "reject", "holder", "speaker", "stance", "issue", "merge", "split")
STATEMENT_ACTIONS = ("confirm", "reject", "holder", "speaker", "stance", "issue")
STANCES = ("supports", "opposes")
ACTOR_TYPES = ("person", "organisation")
COMMON = ("action", "by", "at", "why")
FIELDS: dict[str, tuple[str, ...]] = {  # action -> its own fields (COMMON besides)
    "confirm": ("statement",),
    "reject": ("statement",),
    "holder": ("statement", "holder"),
    "speaker": ("statement", "speaker"),
    "stance": ("statement", "stance", "issue"),
    "issue": ("statement", "issue", "stance"),
    "merge": ("actor", "issue", "into"),
    "split": ("actor", "entries", "statements", "into"),
}
KEY_FIELDS = ("entry", "span", "text", "holder", "issue")
FILE_NAME = "corrections.yaml"
HEADER = """\
# Analysts' corrections to what standpoint extracts, applied in this order on every build.
# Written by `standpoint correct`; may be edited by hand (README: "Corrections").
"""


class CorrectionsError(InputError):
    """A corrections file, or a correction, that cannot be read or applied."""


@dataclass(frozen=True)
class Key:
    """Which statement: its entry, and its span (start, end) and/or text there; holder and issue
    (ids) narrow it when statements share a span."""

    entry: str
    start: int | None = None
    end: int | None = None
    text: str | None = None
    holder: str | None = None
    issue: str | None = None

    def describe(self) -> str:
        words = f"“{_cut(self.text)}”" if self.text else f"span {self.start}:{self.end}"
        held = f", held by {self.holder}" if self.holder else ""
        about = f", on {self.issue}" if self.issue else ""
        return f"{words} in {self.entry}{held}{about}"


@dataclass(frozen=True)
class Target:
    """An actor or an issue a correction points to; `name` (an issue's label) and `type` describe
    one the registry does not list."""

    id: str
    name: str | None = None
    type: str | None = None


@dataclass(frozen=True)
class Correction:
    """One correction of the file, with the line it starts on.

    Statement actions carry `statement`; `holder`/`speaker` a Target; `stance` supports,
    opposes or "none" (no stance, so no issue either); `issue` a Target, or None with
    `clear_issue` ("none"). `merge` moves `source` (an actor, or an issue when `merges` is
    "issue") `into` another; `split` moves `source`'s statements in `entries` (whole entries) and
    at `statements` (single statements) to `into`.
    """

    action: str
    line: int = 0
    by: str = ""
    at: str = ""
    why: str = ""
    statement: Key | None = None
    actor: Target | None = None  # the new holder or speaker
    stance: str | None = None
    issue: Target | None = None
    clear_issue: bool = False
    merges: str = "actor"  # merge: what `source` and `into` are
    source: str | None = None
    into: Target | None = None
    entries: tuple[str, ...] = ()
    statements: tuple[Key, ...] = ()
    number: int = 1  # the n-th correction of the file with the same effect

    @property
    def id(self) -> str:
        """What it does, hashed: the same correction keeps its id wherever it moves in the file,
        and who made it, when and why are not part of it."""
        effect = {k: v for k, v in asdict(self).items() if k not in ("line", "by", "at", "why")}
        digest = hashlib.sha256(json.dumps(effect, sort_keys=True).encode()).hexdigest()[:20]
        return digest if self.number == 1 else f"{digest}-{self.number}"

    def describe(self) -> str:
        """One line for people: what it corrects and how."""
        if self.action == "merge":
            return f"merge {self.merges} {self.source} into {self.into.id if self.into else '?'}"
        if self.action == "split":
            where = ", ".join([*self.entries, *(k.describe() for k in self.statements)])
            return f"split {self.source} into {self.into.id if self.into else '?'} in {where}"
        assert self.statement is not None
        change = {
            "confirm": "confirm", "reject": "reject",
            "holder": f"holder → {self.actor.id if self.actor else '?'}",
            "speaker": f"speaker → {self.actor.id if self.actor else '?'}",
            "stance": f"stance → {self.stance}",
            "issue": f"issue → {'none' if self.clear_issue else self.issue.id if self.issue else '?'}",
        }[self.action]
        return f"{change}: {self.statement.describe()}"


def _cut(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- where the file is --------------------------------------------------------------------------

def default_path(store: Path, registry: Path | None = None, remembered: str | None = None) -> Path:
    """The corrections file when none is given: beside the registry given with --registry, else
    the one the store last used, else corrections.yaml beside the store directory."""
    if registry is not None:
        return Path(registry).parent / FILE_NAME
    if remembered:
        return Path(remembered)
    return Path(store).absolute().parent / FILE_NAME


def current_user() -> str:
    """Who makes a correction when --by is not given: the operating system's user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER") or "unknown"


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


# -- reading ------------------------------------------------------------------------------------

MAX_BYTES = 16 * 1024**2


def read_corrections(path: Path) -> list[Correction]:
    """The corrections of a file, checked; a missing file holds none."""
    if not Path(path).exists():
        return []
    return parse_corrections(read_text(path, limit=MAX_BYTES), origin=str(path))


def parse_corrections(text: str, origin: str = FILE_NAME) -> list[Correction]:
    """Parse corrections YAML (see the module's docstring); every mistake names its line."""
    data = load_yaml(text, origin, "a corrections file", CorrectionsError)
    if data is None:
        return []
    if not isinstance(data, list):
        raise CorrectionsError("expected a list of corrections (items starting with '- action:')", origin, 1)
    lines = getattr(data, "lines", [])
    found: list[Correction] = []
    for number, item in enumerate(data):
        line = lines[number] if number < len(lines) else 1
        found.append(_Reader(origin, line).correction(item))
    return numbered(found)


def numbered(corrections: Iterable[Correction]) -> list[Correction]:
    """Corrections with `number` set: the n-th with the same effect gets n (distinct ids)."""
    seen: dict[str, int] = {}
    result = []
    for correction in corrections:
        base = replace(correction, number=1).id
        seen[base] = seen.get(base, 0) + 1
        result.append(replace(correction, number=seen[base]))
    return result


ID = re.compile(r"^\S+$")


@dataclass
class _Reader:
    origin: str
    line: int
    fields: dict[str, int] = field(default_factory=dict)

    def fail(self, message: str, item: Any = None) -> CorrectionsError:
        return CorrectionsError(message, self.origin, getattr(item, "line", None) or self.line)

    def correction(self, item: Any) -> Correction:
        if not isinstance(item, dict):
            raise self.fail(f"each correction must be a mapping with 'action:', not {_short(item)}")
        self.line = getattr(item, "line", self.line)
        action = item.get("action")
        if action not in ACTIONS:
            raise self.fail(f"action {_short(action)} is not one of: {', '.join(ACTIONS)}")
        allowed = COMMON + FIELDS[action]
        unknown = sorted(set(item) - set(allowed), key=str)
        if unknown:
            raise self.fail(f"{action}: unknown field {unknown[0]!r}; fields are: {', '.join(allowed)}")
        common = {"action": action, "line": self.line, "by": self.text(item, "by"),
                  "at": self.time(item), "why": self.text(item, "why", optional=True) or ""}
        return getattr(self, f"read_{action}", self.read_statement)(item, common)

    def read_statement(self, item: dict[str, Any], common: dict[str, Any]) -> Correction:
        key = self.key(item.get("statement"), "statement", full=True)
        return Correction(**common, statement=key)

    def read_holder(self, item: dict[str, Any], common: dict[str, Any]) -> Correction:
        return Correction(**common, statement=self.key(item.get("statement"), "statement", full=True),
                          actor=self.target(item, common["action"], actor=True))

    read_speaker = read_holder

    def read_stance(self, item: dict[str, Any], common: dict[str, Any]) -> Correction:
        stance = self.stance(item, required=True)
        issue = self.target(item, "issue", actor=False, optional=True)
        if stance == "none" and issue is not None:
            raise self.fail("stance: 'none' takes no issue (a statement without a stance has none)")
        return Correction(**common, statement=self.key(item.get("statement"), "statement", full=True),
                          stance=stance, issue=issue)

    def read_issue(self, item: dict[str, Any], common: dict[str, Any]) -> Correction:
        if item.get("issue") == "none":
            if "stance" in item:
                raise self.fail("issue: 'none' takes no stance (a statement without an issue has none)")
            return Correction(**common, statement=self.key(item.get("statement"), "statement", full=True),
                              clear_issue=True)
        stance = self.stance(item, required=False)
        if stance == "none":
            raise self.fail("issue: stance must be supports or opposes")
        return Correction(**common, statement=self.key(item.get("statement"), "statement", full=True),
                          issue=self.target(item, "issue", actor=False), stance=stance)

    def read_merge(self, item: dict[str, Any], common: dict[str, Any]) -> Correction:
        kinds = [k for k in ("actor", "issue") if k in item]
        if len(kinds) != 1:
            raise self.fail("merge: give either 'actor:' or 'issue:' (what is merged), and 'into:'")
        kind = kinds[0]
        source = self.ident(item, kind)
        into = self.target(item, "into", actor=kind == "actor")
        if into.id == source:
            raise self.fail(f"merge: {source!r} cannot be merged into itself")
        return Correction(**common, merges=kind, source=source, into=into)

    def read_split(self, item: dict[str, Any], common: dict[str, Any]) -> Correction:
        source = self.ident(item, "actor")
        entries = item.get("entries") or []
        if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
            raise self.fail("split: 'entries' must be a list of entry ids")
        raw = item.get("statements") or []
        if not isinstance(raw, list):
            raise self.fail("split: 'statements' must be a list of {entry, span} mappings")
        statements = tuple(self.key(k, "statements", full=False) for k in raw)
        if not entries and not statements:
            raise self.fail("split: give the 'entries' (or 'statements') whose statements move")
        into = self.target(item, "into", actor=True)
        if into.id == source:
            raise self.fail(f"split: {source!r} cannot be split into itself")
        return Correction(**common, source=source, into=into,
                          entries=tuple(e.strip() for e in entries), statements=statements)

    # -- values --

    def text(self, item: dict[str, Any], key: str, optional: bool = False) -> str | None:
        value = item.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{item.get('action')}: {key!r} must be a non-empty text")
        return " ".join(value.split())

    def time(self, item: dict[str, Any]) -> str:
        value = item.get("at")
        try:
            when = datetime.fromisoformat(str(value))
        except ValueError as err:
            raise self.fail(f"{item.get('action')}: 'at' is {_short(value)}, not an ISO-8601 date-time "
                            "such as 2025-06-01T10:00:00+00:00") from err
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when.isoformat()

    def ident(self, item: dict[str, Any], key: str) -> str:
        value = item.get(key)
        if not isinstance(value, str) or not ID.match(value):
            raise self.fail(f"{item.get('action')}: {key!r} must be an id (no spaces), not {_short(value)}")
        return value

    def stance(self, item: dict[str, Any], required: bool) -> str | None:
        value = item.get("stance")
        if value is None and not required:
            return None
        allowed = (*STANCES, "none") if required else STANCES
        if value not in allowed:
            raise self.fail(f"{item.get('action')}: stance {_short(value)} is not one of: {', '.join(allowed)}")
        return str(value)

    def target(self, item: dict[str, Any], key: str, *, actor: bool, optional: bool = False) -> Any:
        value = item.get(key)
        if value is None and optional:
            return None
        label = "name" if actor else "label"
        if isinstance(value, str):
            value = {"id": value}
        if not isinstance(value, dict) or not isinstance(value.get("id"), str) or not ID.match(value["id"]):
            raise self.fail(f"{item.get('action')}: {key!r} must be an id, or {{id: ..., {label}: ...}}", value)
        extra = sorted(set(value) - ({"id", "name", "type"} if actor else {"id", "label"}))
        if extra:
            raise self.fail(f"{item.get('action')}: {key}: unknown field {extra[0]!r}", value)
        name = value.get(label)
        if name is not None and (not isinstance(name, str) or not clean_name(name)):
            raise self.fail(f"{item.get('action')}: {key}: {label} must be a non-empty text", value)
        kind = value.get("type")
        if kind is not None and (not actor or kind not in ACTOR_TYPES):
            raise self.fail(f"{item.get('action')}: {key}: type {_short(kind)} is not one of: "
                            f"{', '.join(ACTOR_TYPES)}", value)
        return Target(value["id"], clean_name(name) if name else None, kind)

    def key(self, value: Any, where: str, full: bool) -> Key:
        if not isinstance(value, dict):
            raise self.fail(f"'{where}' must be a mapping such as {{entry: ID, span: [START, END]}}", value)
        allowed = KEY_FIELDS if full else ("entry", "span", "text")
        extra = sorted(set(value) - set(allowed), key=str)
        if extra:
            raise self.fail(f"{where}: unknown field {extra[0]!r}; fields are: {', '.join(allowed)}", value)
        entry = value.get("entry")
        if not isinstance(entry, str) or not entry.strip():
            raise self.fail(f"{where}: 'entry' must be an entry id", value)
        start, end = self.span(value, where)
        text = value.get("text")
        if text is not None and (not isinstance(text, str) or not text.strip()):
            raise self.fail(f"{where}: 'text' must be the statement's text", value)
        if start is None and text is None:
            raise self.fail(f"{where}: give the statement's 'span' [START, END] or its 'text'", value)
        ids = {k: value.get(k) for k in ("holder", "issue")}
        for k, v in ids.items():
            if v is not None and (not isinstance(v, str) or not ID.match(v)):
                raise self.fail(f"{where}: {k!r} must be an id, not {_short(v)}", value)
        return Key(entry.strip(), start, end, text, ids["holder"], ids["issue"])

    def span(self, value: dict[str, Any], where: str) -> tuple[int | None, int | None]:
        span = value.get("span")
        if span is None:
            return None, None
        ok = (isinstance(span, list) and len(span) == 2 and all(type(n) is int for n in span)
              and 0 <= span[0] < span[1])
        if not ok:
            raise self.fail(f"{where}: span {_short(span)} must be [START, END], two offsets with "
                            "START < END", value)
        return span[0], span[1]


def _short(value: Any, limit: int = 50) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- writing ------------------------------------------------------------------------------------

def as_item(correction: Correction) -> dict[str, Any]:
    """A correction as the mapping the file holds (the inverse of the reader)."""
    item: dict[str, Any] = {"action": correction.action}
    if correction.statement is not None:
        item["statement"] = _key_item(correction.statement)
    if correction.action in ("holder", "speaker") and correction.actor is not None:
        item[correction.action] = _target_item(correction.actor, "name")
    if correction.action == "stance":
        item["stance"] = correction.stance
        if correction.issue is not None:
            item["issue"] = _target_item(correction.issue, "label")
    if correction.action == "issue":
        item["issue"] = "none" if correction.clear_issue else _target_item(correction.issue, "label")
        if correction.stance:
            item["stance"] = correction.stance
    if correction.action in ("merge", "split"):
        item[correction.merges if correction.action == "merge" else "actor"] = correction.source
        if correction.entries:
            item["entries"] = list(correction.entries)
        if correction.statements:
            item["statements"] = [_key_item(k) for k in correction.statements]
        item["into"] = _target_item(correction.into, "name" if correction.merges == "actor" else "label")
    item.update(by=correction.by, at=correction.at)
    if correction.why:
        item["why"] = correction.why
    return item


def _key_item(key: Key) -> dict[str, Any]:
    item: dict[str, Any] = {"entry": key.entry}
    if key.start is not None:
        item["span"] = [key.start, key.end]
    for name in ("holder", "issue", "text"):
        if getattr(key, name) is not None:
            item[name] = getattr(key, name)
    return item


def _target_item(target: Target | None, label: str) -> Any:
    if target is None:
        return None
    if target.name is None and target.type is None:
        return target.id
    item: dict[str, Any] = {"id": target.id}
    if target.name is not None:
        item[label] = target.name
    if target.type is not None:
        item["type"] = target.type
    return item


def render(corrections: Sequence[Correction]) -> str:
    """YAML text of corrections, one block a correction, as `append` writes them."""
    return "".join(_block(c) for c in corrections)


def _block(correction: Correction) -> str:
    return yaml.safe_dump([as_item(correction)], sort_keys=False, allow_unicode=True, width=100,
                          default_flow_style=None)


def append(path: Path, correction: Correction) -> tuple[str | None, int]:
    """Add a correction at the end of the file (made with a header if new). Returns the file's
    text before (None: it did not exist), to put back if what follows fails, and the new line."""
    path = Path(path)
    before = path.read_text(encoding="utf-8") if path.exists() else None
    text = before if before is not None else HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    line = text.count("\n") + 1
    write_text(path, text + _block(correction))
    return before, line


def restore(path: Path, before: str | None) -> None:
    """Put a file back as `append` found it."""
    if before is None:
        Path(path).unlink(missing_ok=True)
    else:
        write_text(path, before)


def write_text(path: Path, text: str) -> None:
    """Write a file whole or not at all (a temporary file renamed over it)."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    except OSError as err:
        temp.unlink(missing_ok=True)
        raise CorrectionsError(f"cannot write the corrections file: {err.strerror or err}", str(path)) from err
