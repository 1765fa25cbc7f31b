"""Evaluation: a store's stances and quote attributions against a gold file written by people.

The gold file is JSONL, one judgement a line (blank lines and lines starting with `#` are skipped):

    {"type": "scope", "entry": "hansard-04-*"}                      # optional, any number
    {"type": "stance", "actor": "Katie Lam", "issue": "national inquiry", "stance": "supports",
     "evidence": "without a national inquiry"}                    # evidence optional
    {"type": "quote", "text": "We have lost a decade as a result", "speaker": "yvette-cooper"}
    {"type": "quote", "text": "I call the Liberal Democrat spokesperson.", "speaker": null}

- `scope` lines say which part of the store the gold file judges: entries whose id matches the
  `entry` glob, or whose source is `source`. Without one, the whole store is judged. A scope is a
  promise that the gold is complete there: it records every stance and every direct quote in
  those entries, so anything the store says there that the gold does not record is wrong. A
  scope with `"partial": true` makes no such promise (the gold of analysts' corrections, where
  people judged some statements of an entry): there, only what a gold line judges is counted.
- A stance line with `"stance": "none"` says the actor takes no stance on the issue there (with
  `evidence`: in the statements holding it): a statement giving it one is wrong. It is not
  something to find, so recall does not count it.
- `actor` / `speaker` is an actor id, name or alias; `issue` an issue id, label or alias (any case).
  A speaker of `null` says the words are nobody's in the graph (the chair, a quotation of an
  unnamed person): any attribution of them is a false positive.
- Any line may narrow itself with `source` or `entry` (a glob) and carry a `note` for readers.

Stances: the store's predictions are the (actor, issue, stance) triples of the statements in
scope, on the registry's issues and on the issues found in the text that the gold names (a gold
file is written against a registry: a proposal it never names is outside what it judges). A triple is correct when a gold line records it and covers an entry where the store says
it; precision = correct / predicted triples. Recall is the share of gold lines found, a line with
`evidence` only when a statement with that stance contains that text.

Quotes: a gold quote is looked up among the direct statements in scope whose text contains it
(ignoring case, quote marks, dashes and spacing); the shortest such statements are its
attribution. It is found when its speaker is among theirs. Every direct statement in scope is a
prediction: correct when it is the attribution of at least one gold quote and all such quotes are
its speaker's. Precision = correct / direct statements in scope; recall = found / gold quotes
with a speaker.

Precision with nothing predicted is 0 when something was expected, and 1 only when nothing was.
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from standpoint.errors import InputError
from standpoint.loaders.proposals import is_found

Row = dict[str, Any]
STANCES = ("supports", "opposes")
NO_STANCE = "none"
TYPES = ("scope", "stance", "quote")
FIELDS: dict[str, tuple[set[str], set[str]]] = {  # type -> (required, optional)
    "scope": (set(), {"source", "entry", "note", "partial"}),
    "stance": ({"actor", "issue", "stance"}, {"evidence", "source", "entry", "note"}),
    "quote": ({"text", "speaker"}, {"source", "entry", "note"}),
}


@dataclass(frozen=True)
class Scope:
    """Entries a judgement covers: an entry id glob and/or a source name (None: any)."""

    entry: str | None = None
    source: str | None = None
    partial: bool = False  # the gold judges only some statements here

    def covers(self, entry: Row) -> bool:
        if self.entry is not None and not fnmatch.fnmatchcase(entry["id"], self.entry):
            return False
        return self.source is None or (entry.get("source") or "").casefold() == self.source.casefold()


@dataclass(frozen=True)
class GoldStance:
    line: int
    actor: str
    issue: str
    stance: str
    evidence: str | None = None
    scope: Scope = Scope()


@dataclass(frozen=True)
class GoldQuote:
    line: int
    text: str
    speaker: str | None
    scope: Scope = Scope()


@dataclass
class Gold:
    origin: str
    scopes: list[Scope] = field(default_factory=list)
    stances: list[GoldStance] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)


def read_gold(path: str | Path) -> Gold:
    """Read and check a gold file; every mistake is reported with its line."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise InputError("gold file not found", str(path)) from err
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read gold file: {err}", str(path)) from err
    return parse_gold(text.splitlines(), origin=str(path))


def parse_gold(lines: Iterable[str], origin: str = "gold") -> Gold:
    """Parse gold JSONL lines (see the module's docstring)."""
    gold = Gold(origin)
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _object(line, origin, number)
        kind = item.get("type")
        if kind not in TYPES:
            raise InputError(f'"type" is {kind!r}; it must be one of: {", ".join(TYPES)}', origin, number)
        _check_fields(item, kind, origin, number)
        scope = Scope(_text(item, "entry", origin, number, optional=True),
                      _text(item, "source", origin, number, optional=True))
        if kind == "scope":
            partial = item.get("partial", False)
            if not isinstance(partial, bool):
                raise InputError(f'"partial" is {partial!r}, not true or false', origin, number)
            gold.scopes.append(Scope(scope.entry, scope.source, partial))
        elif kind == "stance":
            stance = item["stance"]
            if stance not in (*STANCES, NO_STANCE):
                raise InputError(f'"stance" is {stance!r}, not one of: {", ".join((*STANCES, NO_STANCE))}',
                                 origin, number)
            gold.stances.append(GoldStance(
                number, _text(item, "actor", origin, number), _text(item, "issue", origin, number),
                stance, _text(item, "evidence", origin, number, optional=True), scope))
        else:
            speaker = item["speaker"]
            if speaker is not None:
                speaker = _text(item, "speaker", origin, number)
            gold.quotes.append(GoldQuote(number, _text(item, "text", origin, number), speaker, scope))
    return gold


def _object(line: str, origin: str, number: int) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON: {err.msg} at column {err.colno}", origin, number) from err
    if not isinstance(value, dict):
        raise InputError(f"expected a JSON object {{...}}, got {type(value).__name__}", origin, number)
    return value


def _check_fields(item: dict[str, Any], kind: str, origin: str, number: int) -> None:
    required, optional = FIELDS[kind]
    missing = sorted(required - set(item))
    if missing:
        raise InputError(f"a {kind} line needs {', '.join(repr(m) for m in missing)}", origin, number)
    unknown = sorted(set(item) - required - optional - {"type"})
    if unknown:
        known = ", ".join(sorted(required | optional))
        raise InputError(f"unknown field {unknown[0]!r} in a {kind} line; fields are: {known}", origin, number)


def _text(item: dict[str, Any], key: str, origin: str, number: int, optional: bool = False) -> Any:
    value = item.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InputError(f'"{key}" must be a non-empty text', origin, number)
    return value.strip()


# -- scoring (pure functions over rows) ---------------------------------------------------------

def scores(correct: int, predicted: int, found: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 rounded to 3 places; 1.0 only where nothing was predicted or expected.

    >>> scores(3, 4, 3, 6)
    {'precision': 0.75, 'recall': 0.5, 'f1': 0.6}
    >>> scores(0, 0, 0, 2)  # nothing said, something expected
    {'precision': 0.0, 'recall': 0.0, 'f1': 0.0}
    >>> scores(0, 0, 0, 0)  # nothing said, nothing expected
    {'precision': 1.0, 'recall': 1.0, 'f1': 1.0}
    """
    precision = correct / predicted if predicted else float(not gold)
    recall = found / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def in_scope(gold: Gold, entries: Iterable[Row]) -> dict[str, Row]:
    """The entries the gold file judges, by id; an entry only partial scopes cover is marked
    `_partial` (only what a gold line judges there is counted)."""
    found = {}
    for e in entries:
        covering = [s for s in gold.scopes if s.covers(e)]
        if not gold.scopes or covering:
            found[e["id"]] = {**e, "_partial": bool(covering) and all(s.partial for s in covering)}
    return found


_QUOTE_MARKS = str.maketrans({c: "" for c in "\"'‘’“”«»"} | {"—": " ", "–": " ", "-": " "})


def normalise(text: str) -> str:
    """Text compared without case, quote marks, dashes or spacing differences.

    >>> normalise("  “We have lost a decade,” ")
    'we have lost a decade'
    """
    return " ".join(text.casefold().translate(_QUOTE_MARKS).split()).strip(" ,.;:")


Triple = tuple[str, str, str]


def _triple(s: Row) -> Triple:
    """A statement's (actor, issue, stance)."""
    return (s.get("holder_id") or s["actor_id"], s["issue_id"], s["stance"])  # whose position it is


def evaluate_stances(gold: Gold, statements: Iterable[Row], entries: dict[str, Row],
                     actor_of: Callable[[str], str], issue_of: Callable[[str, int], str]) -> Row:
    """Stance precision, recall and F1 with the misses and false positives (see the module doc)."""
    keyed = [(item, (actor_of(item.actor), issue_of(item.issue, item.line), item.stance))
             for item in gold.stances]
    judged = {key[1] for _, key in keyed}
    rows = [s for s in statements if s.get("stance") and s.get("issue_id") and s["entry_id"] in entries
            and (not is_found(s["issue_id"]) or s["issue_id"] in judged)]
    rows = [s for s in rows if not entries[s["entry_id"]].get("_partial") or _judged(s, keyed, entries)]
    keyed_found = [(item, key) for item, key in keyed if item.stance != NO_STANCE]
    misses = [m for item, key in keyed_found if (m := _stance_miss(item, key, rows, entries)) is not None]
    predicted: dict[Triple, list[Row]] = {}
    for s in rows:
        predicted.setdefault(_triple(s), []).append(s)
    wrong = sorted(t for t, said in predicted.items() if not _stance_in_gold(t, said, keyed, entries))
    false_positives = [{
        "actor_id": a, "issue_id": i, "stance": st,
        "evidence": [{"entry_id": s["entry_id"], "text": s["text"]} for s in predicted[(a, i, st)]][:3],
    } for a, i, st in wrong]
    found, correct = len(keyed_found) - len(misses), len(predicted) - len(wrong)
    return {**scores(correct, len(predicted), found, len(keyed_found)),
            "gold": len(keyed_found), "predicted": len(predicted), "correct": correct,
            "found": found, "misses": misses, "false_positives": false_positives}


def _judged(s: Row, keyed: list[tuple[GoldStance, Triple]], entries: dict[str, Row]) -> bool:
    """Whether a gold line judges the statement: one on its actor and issue, for its entry, whose
    evidence (if any) it holds."""
    return any(key[:2] == _triple(s)[:2] and item.scope.covers(entries[s["entry_id"]])
               and (not item.evidence or normalise(item.evidence) in normalise(s["text"]))
               for item, key in keyed)


def _stance_miss(item: GoldStance, key: Triple, rows: list[Row], entries: dict[str, Row]) -> Row | None:
    """None when a statement in the line's scope (holding its evidence, if any) finds it; else the miss."""
    support = [s for s in rows if _triple(s) == key and item.scope.covers(entries[s["entry_id"]])]
    if item.evidence:
        support = [s for s in support if normalise(item.evidence) in normalise(s["text"])]
    if support:
        return None
    others = sorted({s["stance"] for s in rows if _triple(s)[:2] == key[:2]})
    return {"line": item.line, "actor": item.actor, "issue": item.issue, "stance": item.stance,
            "evidence": item.evidence, "found_instead": others or None}


def _stance_in_gold(triple: Triple, said: list[Row], keyed: list[tuple[GoldStance, Triple]],
                    entries: dict[str, Row]) -> bool:
    """Whether a gold line records the triple for an entry where the store says it."""
    return any(key == triple and item.scope.covers(entries[s["entry_id"]])
               for item, key in keyed for s in said)


def attributions(text: str, statements: list[Row]) -> list[Row]:
    """The shortest direct statements containing the text: whom the store says said it."""
    wanted = normalise(text)
    covering = [s for s in statements if wanted in normalise(s["text"])]
    if not covering:
        return []
    shortest = min(len(normalise(s["text"])) for s in covering)
    return [s for s in covering if len(normalise(s["text"])) == shortest]


def evaluate_quotes(gold: Gold, statements: Iterable[Row], entries: dict[str, Row],
                    actor_of: Callable[[str], str]) -> Row:
    """Quote attribution precision, recall and F1 with the misses and false positives."""
    direct = _unique([s for s in statements if s["kind"] == "direct" and s["entry_id"] in entries])
    judges, misses = _attribute(gold, direct, entries, actor_of)
    direct = [s for s in direct if judges[_key(s)] or not entries[s["entry_id"]].get("_partial")]
    false_positives = [f for s in direct if (f := _quote_verdict(s, judges[_key(s)])) is not None]
    with_speaker = sum(item.speaker is not None for item in gold.quotes)
    found, correct = with_speaker - len(misses), len(direct) - len(false_positives)
    return {**scores(correct, len(direct), found, with_speaker),
            "gold": with_speaker, "nobody": len(gold.quotes) - with_speaker, "found": found,
            "predicted": len(direct), "correct": correct, "wrong": len(false_positives),
            "misses": misses, "false_positives": false_positives}


Judges = dict[tuple[str, str, str, str], list[tuple[GoldQuote, str | None]]]


def _attribute(gold: Gold, direct: list[Row], entries: dict[str, Row],
               actor_of: Callable[[str], str]) -> tuple[Judges, list[Row]]:
    """The gold quotes (with their speaker's id) each statement is the attribution of, and the misses."""
    judges: Judges = {_key(s): [] for s in direct}
    misses = []
    for item in gold.quotes:
        expected = actor_of(item.speaker) if item.speaker is not None else None
        said_by = attributions(item.text, [s for s in direct if item.scope.covers(entries[s["entry_id"]])])
        for s in said_by:
            judges[_key(s)].append((item, expected))
        speakers = sorted({s["actor_id"] for s in said_by})
        if expected is not None and expected not in speakers:
            misses.append({"line": item.line, "text": item.text, "speaker": item.speaker,
                           "found_instead": speakers or None})
    return judges, misses


def _quote_verdict(s: Row, judges: list[tuple[GoldQuote, str | None]]) -> Row | None:
    """None when the gold quotes a statement is the attribution of are all its speaker's; else why not."""
    wrong = [item for item, expected in judges if expected != s["actor_id"]]
    if judges and not wrong:
        return None
    item = wrong[0] if wrong else None  # None: the gold does not record these words
    return {"line": item.line if item else None, "entry_id": s["entry_id"], "text": s["text"],
            "attributed_to": s["actor_id"], "gold_text": item.text if item else None,
            "speaker": item.speaker if item else None}


def _key(s: Row) -> tuple[str, str, str, str]:
    """What makes a statement one statement: its entry, speaker, kind and words."""
    return (s["entry_id"], s["actor_id"], s["kind"], s["text"])


def _unique(statements: list[Row]) -> list[Row]:
    """One row per statement: the store lists a statement once per issue it is about."""
    seen: dict[tuple[str, str, str, str], Row] = {}
    for s in statements:
        seen.setdefault(_key(s), s)
    return list(seen.values())


def evaluate_rows(gold: Gold, statements: list[Row], entries: Iterable[Row],
                  actor_of: Callable[[str], str], issue_of: Callable[[str, int], str]) -> Row:
    """Both evaluations over plain rows (what `standpoint evaluate` prints as JSON)."""
    scoped = in_scope(gold, entries)
    return {
        "gold": gold.origin, "entries": len(scoped),
        "stances": evaluate_stances(gold, statements, scoped, actor_of, issue_of),
        "quotes": evaluate_quotes(gold, statements, scoped, actor_of),
    }


def summary_rows(result: Row) -> list[Row]:
    """One row per measure, for the table and CSV."""
    rows = []
    for measure in ("stances", "quotes"):
        part = result[measure]
        rows.append({"measure": measure, "precision": part["precision"], "recall": part["recall"],
                     "f1": part["f1"], "gold": part["gold"], "found": part["found"],
                     "predicted": part["predicted"], "misses": len(part["misses"]),
                     "false_positives": len(part["false_positives"])})
    return rows


def evaluate(store: Any, gold: Gold) -> Row:
    """Compare an open store with a gold file."""
    from standpoint.graph.rdf import read

    def actor_of(text: str) -> str:
        try:
            return read.find_actor(store, text)
        except InputError:
            return text  # nobody in the store is called that: the judgement is a miss

    def issue_of(text: str, line: int) -> str:
        try:
            return read.find_issue(store, text)
        except InputError as err:
            raise InputError(str(err), gold.origin, line) from err

    said = [s.analysis_row() for s in read.statements(store)]
    return evaluate_rows(gold, said, [e.row() for e in read.entries(store)], actor_of, issue_of)
