"""The review queue: the statements most worth a person's look first, each with why it is listed
and a ready `standpoint correct` command.

A statement is listed when (weights in REASONS):

- extraction is unsure of it: its confidence is below `low` (0.7);
- its holder takes both sides of its issue: in the same entry, or across entries;
- it is about an issue found in the text (`sp:issueSource "found"`) that many statements (FOUND_MANY)
  take sides on: a found issue that gathers much evidence is worth checking before it shapes positions;
- its speaker, a person discovered in the text (not in the registry), is named in its entry only
  by a surname, which discovery resolves to the one person of the source with that surname: two
  people with one surname would be merged into one.

Statements an analyst has confirmed or corrected already are left out. The most reasons (by
weight) come first, then the least confident, then time order.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Sequence
from typing import Any

from standpoint.graph.rdf import queries, read
from standpoint.graph.rdf.positions import sort_key
from standpoint.graph.rdf.store import Store

__all__ = ["review", "review_rows"]

Row = dict[str, Any]

LOW_CONFIDENCE = 0.7
FOUND_MANY = 3
REASONS = {"surname": 3.0, "conflict in entry": 3.0, "conflict": 2.0, "found issue": 2.0, "low confidence": 1.0}


def review(store: Store, limit: int | None = 20, *, low: float = LOW_CONFIDENCE,
           options: Sequence[str] = ()) -> list[Row]:
    """The review queue of a store (see the module's docstring); `options` are added to every
    command (e.g. --store DIR), so that it runs as it is."""
    rows = read._select(store, queries.REVIEW)
    bodies = {e: _body(store, e) for e in {r["entryId"] for r in rows if r.get("discovered") == "true"}}
    return review_rows(rows, bodies, limit, low=low, options=options)


def _body(store: Store, entry_id: str) -> str:
    import pyoxigraph as ox

    found = store.select(queries.ENTRY_BODY, id=ox.Literal(entry_id))
    return str(found[0]["body"].value) if found else ""


def review_rows(found: Iterable[Row], bodies: dict[str, str], limit: int | None = 20, *,
                low: float = LOW_CONFIDENCE, options: Sequence[str] = ()) -> list[Row]:
    """The queue from plain REVIEW rows and the bodies of their entries."""
    statements = list({r["statement"]: r for r in found}.values())
    reasons: dict[str, list[tuple[str, str]]] = {s["statement"]: [] for s in statements}
    for name, why in [*_low(statements, low), *_conflicts(statements), *_found(statements),
                      *_surnames(statements, bodies)]:
        reasons[name[0]].append((name[1], why))
    items = [_item(s, reasons[s["statement"]], options) for s in statements
             if reasons[s["statement"]] and s.get("checked") != "true"]
    items.sort(key=lambda i: (-i["weight"], i["confidence"], sort_key(i["published"]), i["entry_id"], i["span"]))
    for rank, item in enumerate(items, start=1):
        item["rank"] = rank
    return items[:limit] if limit else items


Reason = tuple[tuple[str, str], str]  # ((statement, kind), why)


def _low(statements: list[Row], low: float) -> Iterable[Reason]:
    for s in statements:
        if float(s["confidence"]) < low:
            yield (s["statement"], "low confidence"), f"extraction is unsure of it (confidence {float(s['confidence']):.2f})"


def _conflicts(statements: list[Row]) -> Iterable[Reason]:
    sides: dict[tuple[str, str], dict[str, list[Row]]] = {}
    for s in statements:
        if s.get("stance") and s.get("issueId"):
            sides.setdefault((s["holder"], s["issueId"]), {}).setdefault(s["stance"], []).append(s)
    for group in sides.values():
        if len(group) < 2:
            continue
        for stance, members in group.items():
            other = next(o for o in group if o != stance)
            for s in members:
                same_entry = any(o["entryId"] == s["entryId"] for o in group[other])
                where = "in the same entry" if same_entry else "elsewhere"
                yield ((s["statement"], "conflict in entry" if same_entry else "conflict"),
                       f"{s['holderName']} {other} {s['issueLabel']} {where} ({len(group[other])} statement(s))")


def _found(statements: list[Row]) -> Iterable[Reason]:
    counts: dict[str, int] = {}
    for s in statements:
        if s.get("issueSource") == "found" and s.get("stance"):
            counts[s["issueId"]] = counts.get(s["issueId"], 0) + 1
    for s in statements:
        if counts.get(s.get("issueId", ""), 0) >= FOUND_MANY and s.get("stance"):
            why = (f"“{s['issueLabel']}” was found in the text, not the registry, and "
                   f"{counts[s['issueId']]} statements take sides on it")
            yield (s["statement"], "found issue"), why


def _surnames(statements: list[Row], bodies: dict[str, str]) -> Iterable[Reason]:
    for s in statements:
        if "sourceStart" not in s or s.get("discovered") != "true":
            continue  # a registry person's surname is theirs: the registry says no one else has it
        body = bodies.get(s["entryId"], "")
        named = body[int(s["sourceStart"]):int(s["sourceEnd"])].strip()
        full = s["speakerName"]
        words = full.split()
        if len(words) > 1 and named == words[-1] and full not in body:
            why = (f"the entry names its speaker only as “{named}”, taken to be {full}: "
                   "is it another person with that surname?")
            yield (s["statement"], "surname"), why


def _item(s: Row, reasons: list[tuple[str, str]], options: Sequence[str]) -> Row:
    span = f"{s['start']}:{s['end']}"
    select = ["--entry", s["entryId"], "--span", span, "--holder", s["holder"]]
    if s.get("issueId"):
        select += ["--issue", s["issueId"]]
    kinds = {kind for kind, _ in reasons}
    also = [_command("reject", select, options)]
    if kinds & {"conflict", "conflict in entry"} and s.get("stance"):
        other = "opposes" if s["stance"] == "supports" else "supports"
        also.insert(0, _command("stance", [*select, "--to", other], options))
    if "found issue" in kinds:
        also.append(_command("merge", ["--issue", s["issueId"], "--into", "ISSUE"], options))
    if "surname" in kinds:
        also.append(_command("split", [s["speaker"], "--entry", s["entryId"], "--span", span,
                                       "--new", "FULL NAME"], options))
    return {
        "rank": 0, "weight": round(sum(REASONS[k] for k in kinds) + _below(s), 3),
        "entry_id": s["entryId"], "published": read.iso(s["published"]), "span": span,
        "speaker": s["speakerName"], "speaker_id": s["speaker"], "holder": s["holderName"],
        "holder_id": s["holder"], "issue": s.get("issueLabel"), "issue_id": s.get("issueId"),
        "stance": s.get("stance"), "kind": s["kind"], "confidence": round(float(s["confidence"]), 2),
        "text": s["text"], "reasons": [why for _, why in reasons],
        "command": _command("confirm", select, options), "also": also,
    }


def _below(s: Row) -> float:
    """Less confident first among equals: up to one point for confidence under the bar."""
    return max(0.0, LOW_CONFIDENCE - float(s["confidence"]))


def _command(action: str, args: Sequence[str], options: Sequence[str]) -> str:
    return shlex.join(["standpoint", "correct", action, *args, *options])
