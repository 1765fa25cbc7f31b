"""What `standpoint correct` does: find what the analyst names in the store, record the
correction in the corrections file and apply it to the store at once; list the corrections;
export them as a gold file for `standpoint evaluate`.

A statement is named by its entry and its span ("120:168") or text, narrowed by its holder or
issue when statements share a span; an actor or issue by its id, name or alias. Whatever does
not name exactly one thing is refused with one line, and nothing is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from standpoint.errors import InputError, StoreError
from standpoint.graph.corrections import correcting
from standpoint.graph.corrections.file import (
    Correction,
    CorrectionsError,
    Key,
    Target,
    append,
    current_user,
    now,
    numbered,
    read_corrections,
    restore,
)
from standpoint.graph.rdf import iris, queries, read
from standpoint.graph.rdf.store import Store, exists, open_store
from standpoint.records import Statement

__all__ = ["Named", "Recorded", "export_gold", "listing", "record", "request"]

Row = dict[str, Any]


@dataclass(frozen=True)
class Named:
    """A statement as the analyst names it: its entry, and its span ("START:END") or text; its
    holder and issue (an id, name or alias) when statements share a span."""

    entry: str
    span: str | None = None
    text: str | None = None
    holder: str | None = None
    issue: str | None = None


@dataclass(frozen=True)
class Recorded:
    """A correction recorded and applied: where it is, and the store's counts after it."""

    correction: Correction
    path: Path
    line: int
    statements: int
    positions: int
    warnings: tuple[str, ...] = ()  # entries to extract again, by building their source


SPAN = re.compile(r"^\s*(\d+)\s*[:-]\s*(\d+)\s*$")


def parse_span(text: str) -> tuple[int, int]:
    """ "120:168" (or "120-168") as offsets.

    >>> parse_span("120:168")
    (120, 168)
    """
    match = SPAN.match(text)
    if not match or int(match[1]) >= int(match[2]):
        raise InputError(f"span {text!r} is not START:END with START < END, e.g. 120:168")
    return int(match[1]), int(match[2])


# -- naming things in the store -------------------------------------------------------------------

def entry_statements(store: Store, entry_id: str) -> list[correcting.Held]:
    """The statements of one entry as records, as the store holds them (corrections applied)."""
    graph = str(iris.entry_graph(entry_id))
    if graph not in store.graphs():
        raise InputError(f"no entry {entry_id!r} in the store at {store.path}; `standpoint entries` lists them")
    return correcting.take_apart(entry_id, correcting.graph_triples(store, graph)).held()


def statement(store: Store, named: Named) -> tuple[Key, Statement]:
    """The one statement the analyst names, and the key that names it in the corrections file."""
    start, end = parse_span(named.span) if named.span else (None, None)
    if start is None and not named.text:
        raise InputError("name the statement by --span START:END or --text TEXT")
    holder = read.find_actor(store, named.holder) if named.holder else None
    issue = read.find_issue(store, named.issue) if named.issue else None
    held = entry_statements(store, named.entry)
    found = correcting.matching(Key(named.entry, start, end, named.text, holder, issue), held)
    where = f"entry {named.entry}" + (f" at {start}:{end}" if start is not None else f" with text {named.text!r}")
    if not found:
        raise InputError(f"no statement in {where}{_narrowed(holder, issue)}; its statements: "
                         + ("; ".join(_brief(h.statement) for h in held) or "none"))
    if len(found) > 1:
        raise InputError(f"{len(found)} statements in {where}{_narrowed(holder, issue)}; name one with "
                         "--holder or --issue: " + "; ".join(_brief(h.statement) for h in found))
    s = found[0].statement
    return Key(s.entry_id, s.start, s.end, s.text, s.holder, s.issue_id), s


def _narrowed(holder: str | None, issue: str | None) -> str:
    return (f" held by {holder}" if holder else "") + (f" on {issue}" if issue else "")


def _brief(s: Statement) -> str:
    text = " ".join(s.text.split())
    text = text if len(text) <= 40 else text[:39] + "…"
    about = f", {s.stance} {s.issue_id}" if s.issue_id else ""
    return f"{s.start}:{s.end} “{text}” (held by {s.holder}{about})"


def actor(store: Store, text: str) -> Target:
    """An actor the store knows, with its name and type (so the graph can describe it anywhere)."""
    actor_id = read.find_actor(store, text)
    found = read.actor(store, actor_id)
    assert found is not None, actor_id  # find_actor found it
    return Target(actor_id, found.name, found.type if found.type != "place" else "organisation")


def issue(store: Store, text: str) -> Target:
    """An issue the store knows, with its label."""
    issue_id = read.find_issue(store, text)
    label = next(r["label"] for r in read._select(store, queries.ISSUES) if r["id"] == issue_id)
    return Target(issue_id, label)


def new_actor(store: Store, name: str, kind: str) -> Target:
    """An actor a split makes: its id made from its name, as discovery makes them."""
    from standpoint.loaders.discovery import slug
    from standpoint.loaders.text import clean_name

    name = clean_name(name)
    if not name:
        raise InputError("--new needs a name")
    actor_id = slug(name)
    if read.actor(store, actor_id) is not None:
        raise InputError(f"an actor {actor_id!r} exists already: move the statements to it with --into {actor_id}")
    return Target(actor_id, name, kind)


# -- making a correction from what the analyst typed ----------------------------------------------

def request(store: Store, action: str, *, named: Named | None = None, to: str | None = None,
            on: str | None = None, stance: str | None = None, source: str | None = None,
            into: str | None = None, new: str | None = None, kind: str = "person",
            merges: str = "actor", entries: tuple[str, ...] = (), spans: tuple[str, ...] = (),
            by: str | None = None, why: str | None = None) -> Correction:
    """The correction the analyst asks for, checked against the store (see the command's help)."""
    common: dict[str, Any] = {"action": action, "by": (by or current_user()).strip() or current_user(),
                              "at": now(), "why": " ".join((why or "").split())}
    if action in ("merge", "split"):
        return _move(store, common, merges, source, into, new, kind, entries, spans)
    if named is None:
        raise InputError(f"{action}: name the statement with --entry and --span or --text")
    key, s = statement(store, named)
    if action in ("confirm", "reject"):
        return Correction(**common, statement=key)
    if action in ("holder", "speaker"):
        target = actor(store, to or "")
        if target.id == (s.holder if action == "holder" else s.speaker_id):
            raise InputError(f"the statement's {action} is {target.id} already")
        return Correction(**common, statement=key, actor=target)
    if action == "stance":
        return _stance(store, common, key, s, to or "", on)
    return _issue(store, common, key, s, to or "", stance)


def _stance(store: Store, common: dict[str, Any], key: Key, s: Statement, to: str, on: str | None) -> Correction:
    target = issue(store, on) if on else None
    if to == "none":
        if s.stance is None:
            raise InputError("the statement takes no stance already")
        return Correction(**common, statement=key, stance="none")
    if target is None and s.issue_id is None:
        raise InputError("the statement is about no issue: say which with --on ISSUE")
    if to == s.stance and (target is None or target.id == s.issue_id):
        raise InputError(f"the statement {to} {s.issue_id} already; `standpoint correct confirm` says it is right")
    return Correction(**common, statement=key, stance=to, issue=target)


def _issue(store: Store, common: dict[str, Any], key: Key, s: Statement, to: str, stance: str | None) -> Correction:
    if to.strip().casefold() == "none":
        if s.issue_id is None:
            raise InputError("the statement is about no issue already")
        return Correction(**common, statement=key, clear_issue=True)
    target = issue(store, to)
    if target.id == s.issue_id and (stance is None or stance == s.stance):
        raise InputError(f"the statement is about {target.id} already")
    if stance is None and s.stance is None:
        raise InputError("the statement takes no stance: say which with --stance supports|opposes")
    return Correction(**common, statement=key, issue=target, stance=stance)


def _move(store: Store, common: dict[str, Any], merges: str, source: str | None, into: str | None,
          new: str | None, kind: str, entries: tuple[str, ...], spans: tuple[str, ...]) -> Correction:
    if common["action"] == "merge":
        find = actor if merges == "actor" else issue
        old, target = find(store, source or ""), find(store, into or "")
        if old.id == target.id:
            raise InputError(f"{old.id!r} and {target.id!r} are one {merges} already")
        return Correction(**common, merges=merges, source=old.id, into=target)
    old = actor(store, source or "")
    if (into is None) == (new is None):
        raise InputError("split: give the actor the statements go to with --into ACTOR, or --new NAME")
    target = actor(store, into) if into else new_actor(store, new or "", kind)
    if target.id == old.id:
        raise InputError(f"split: {old.id!r} cannot be split into itself")
    if not entries:
        raise InputError("split: give the entries with --entry (and --span for single statements)")
    if spans and len(entries) != 1:
        raise InputError("split: --span names statements of one --entry; give one entry with it")
    keys = []
    for span in spans:
        key, s = statement(store, Named(entries[0], span=span))
        if old.id not in (s.speaker_id, s.holder):
            raise InputError(f"split: the statement at {span} is not {old.id}'s")
        keys.append(Key(key.entry, key.start, key.end, key.text))
    for entry_id in entries:
        held = entry_statements(store, entry_id)
        if not any(old.id in (h.statement.speaker_id, h.statement.holder) for h in held):
            raise InputError(f"split: {old.id} says nothing in entry {entry_id}")
    return Correction(**common, source=old.id, into=target, entries=() if spans else tuple(entries),
                      statements=tuple(keys))


# -- recording and applying ----------------------------------------------------------------------

def record(store_path: Path, ask: Any, corrections_path: Path | None = None) -> Recorded:
    """Record the correction `ask(store)` makes in the corrections file and apply it to the
    store, both or neither: a correction that names nothing, or a file that cannot be read,
    changes nothing."""
    if not exists(store_path):
        raise StoreError(f"no store at {store_path}: run `standpoint build` first, or pass --store DIR")
    with open_store(store_path, write=True) as store:
        path = corrections_path or correcting.corrections_path(store)
        existing = read_corrections(path)
        try:
            correction = ask(store)
        except InputError as err:
            raise CorrectionsError(f"not recorded: {err}", str(path)) from err
        corrections = numbered([*existing, correction])
        plan = correcting.Plan.against(store, corrections, path, remember=True,
                                       known=correcting.registry_known(store))
        before, line = append(path, corrections[-1])
        try:
            correcting.apply_to_store(store, plan)
        except BaseException:
            restore(path, before)
            raise
        from standpoint.graph.rdf.build import store_counts

        statements, positions = store_counts(store)
        return Recorded(replace(corrections[-1], line=line), path, line, statements, positions,
                        tuple(plan.warnings))


def listing(store: Store, path: Path | None = None) -> list[Row]:
    """The corrections of the file, each with whether the store has it: `applied`, `stale` (its
    statement is not in the store) or `not built` (made by hand since the last build)."""
    path = path or correcting.corrections_path(store)
    applied = {r["id"].value for r in store.select(queries.APPLIED_CORRECTIONS)}
    touched = {r["id"].value for r in store.select(queries.CORRECTED_ENTRIES)}
    rows = []
    for c in read_corrections(path):
        status = ("not built" if c.id not in applied else
                  "applied" if c.id in touched or c.action == "merge" else "stale")
        rows.append({"line": c.line, "action": c.action, "correction": c.describe(), "by": c.by,
                     "at": c.at, "why": c.why, "status": status, "id": c.id, "file": str(path)})
    return rows


# -- the corrections as a gold file ---------------------------------------------------------------

def export_gold(store: Store, out: Path, path: Path | None = None) -> int:
    """Write the corrections of the file as a gold file (graph/quality/evaluate.py) and return how many
    judgements it holds: every statement an analyst confirmed or corrected, as it now stands,
    is a stance (if it takes one) and a quote (if direct); a rejected statement, and the old
    holder or issue of a corrected one, take no stance there; rejected words are nobody's. Each
    judged entry is a partial scope: only what the analysts judged is counted."""
    path = path or correcting.corrections_path(store)
    corrections = read_corrections(path)
    checked: dict[str, list[Row]] = {}
    for row in store.select(queries.CHECKED):
        checked.setdefault(row["id"].value, []).append(row)
    lines: dict[str, Row] = {}
    entries: set[str] = set()
    for c in corrections:
        for line in _gold_lines(store, c, checked.get(c.id, [])):
            entries.add(line["entry"])
            lines.setdefault(json.dumps(line, sort_keys=True), line)
    scopes = [{"type": "scope", "entry": _glob(e), "partial": True} for e in sorted(entries)]
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in [*scopes, *lines.values()])
    header = f"# Gold judgements from the analysts' corrections in {path} (standpoint correct export)\n"
    try:
        Path(out).write_text(header + text, encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot write the gold file: {err.strerror or err}", str(out)) from err
    return len(lines)


def _gold_lines(store: Store, c: Correction, checked: list[Row]) -> Iterator[Row]:
    note = f"{c.action} by {c.by}" + (f": {c.why}" if c.why else "")
    for entry_id in sorted({row["entryId"].value for row in checked}):
        for held in entry_statements(store, entry_id):
            if c.id in held.by:
                yield from _judged(held.statement, note)
    key = c.statement
    if key is None or key.text is None:
        return
    if key.issue and c.action in ("reject", "holder", "issue"):  # no stance (of that holder) there
        yield {"type": "stance", "actor": key.holder, "issue": key.issue, "stance": "none",
               "evidence": key.text, "entry": key.entry, "note": note}
    if c.action == "reject":
        yield {"type": "quote", "text": key.text, "speaker": None, "entry": key.entry, "note": note}


def _judged(s: Statement, note: str) -> Iterator[Row]:
    if s.stance and s.issue_id:
        yield {"type": "stance", "actor": s.holder, "issue": s.issue_id, "stance": s.stance,
               "evidence": s.text, "entry": s.entry_id, "note": note}
    if s.kind == "direct":
        yield {"type": "quote", "text": s.text, "speaker": s.speaker_id, "entry": s.entry_id, "note": note}


def _glob(entry_id: str) -> str:
    """An entry id as a glob that matches only itself."""
    return re.sub(r"([*?\[])", r"[\1]", entry_id)
