"""The answers of the read commands, as plain rows (lists of dicts) from the embedded store."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from standpoint.errors import InputError
from standpoint.graph import iris, queries
from standpoint.graph.positions import sort_key
from standpoint.graph.store import Store

Row = dict[str, Any]


def iso(value: str) -> str:
    """ISO-8601 with an explicit offset: the store's "Z" is written "+00:00"."""
    return value[:-1] + "+00:00" if value.endswith("Z") else value


def _value(row: dict[str, Any], key: str) -> str | None:
    term = row.get(key)
    return term.value if term is not None else None


def _local(row: dict[str, Any], key: str) -> str | None:
    value = _value(row, key)
    return value.rsplit("#", 1)[-1] if value and "#" in value else value


def _match(text: str, names: dict[str, set[str]], what: str) -> str:
    """The one id whose id, name or alias equals text (any case); else a unique surname/substring."""
    wanted = text.strip().casefold()
    exact = [key for key, labels in names.items() if wanted in {n.casefold() for n in labels}]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [
        key for key, labels in names.items()
        if any(wanted in n.casefold().split() or (len(wanted) > 3 and wanted in n.casefold()) for n in labels)
    ]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise InputError(f"{what} {text!r} is ambiguous: it matches {', '.join(sorted(partial))}")
    known = ", ".join(sorted(names)[:30])
    raise InputError(f"no {what} matches {text!r}; known {what}s: {known}")


def find_issue(store: Store, text: str) -> str:
    """The issue id matching an id, label or alias."""
    names: dict[str, set[str]] = {}
    for row in store.select(queries.ISSUES):
        labels = names.setdefault(row["id"].value, {row["id"].value, row["label"].value})
        if "alias" in row:
            labels.add(row["alias"].value)
    return _match(text, names, "issue")


def find_actor(store: Store, text: str) -> str:
    """The actor id matching an id, name or alias."""
    names: dict[str, set[str]] = {}
    for row in store.select(queries.ACTOR_NAMES):
        labels = names.setdefault(row["id"].value, {row["id"].value, row["name"].value})
        if "alias" in row:
            labels.add(row["alias"].value)
    return _match(text, names, "actor")


def entries(store: Store) -> list[Row]:
    rows: dict[str, Row] = {}
    order: dict[str, int] = {}
    for row in store.select(queries.ENTRIES):
        entry_id = row["id"].value
        item = rows.setdefault(entry_id, {
            "id": entry_id, "title": _value(row, "title"), "published": iso(row["published"].value),
            "authors": [], "speaker": _value(row, "speaker"), "source": _value(row, "source"),
            "url": _value(row, "url"),
        })
        order[entry_id] = int(_value(row, "order") or 0)
        author = _value(row, "author")
        if author and author not in item["authors"]:
            item["authors"].append(author)
    return sorted(rows.values(), key=lambda r: (sort_key(r["published"]), r["source"] or "", order[r["id"]]))


def _role_text(row: dict[str, Any]) -> str | None:
    label = _value(row, "roleLabel")
    if not label:
        return None
    start, end = _value(row, "start"), _value(row, "end")
    if start or end:
        return f"{label} ({start or '…'} to {end or 'now'})"
    return label


TYPES = {"Person": "person", "Organization": "organisation", "Place": "place"}


def actors(store: Store) -> list[Row]:
    rows: dict[str, Row] = {}
    for row in store.select(queries.ACTORS):
        actor_id = row["id"].value
        item = rows.setdefault(actor_id, {
            "id": actor_id, "name": row["name"].value,
            "type": TYPES[row["type"].value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]],
            "roles": [], "party": _value(row, "partyName"), "aliases": [],
        })
        role = _role_text(row)
        if role and role not in item["roles"]:
            item["roles"].append(role)
        alias = _value(row, "alias")
        if alias and alias not in item["aliases"]:
            item["aliases"].append(alias)
    for item in rows.values():
        item["roles"].sort()
        item["aliases"].sort()
    return sorted(rows.values(), key=lambda r: (["person", "organisation", "place"].index(r["type"]), r["id"]))


def _bindings(store: Store, issue: str | None, actor: str | None) -> dict[str, ox.NamedNode]:
    bound: dict[str, ox.NamedNode] = {}
    if issue:
        bound["issue"] = ox.NamedNode(str(iris.issue(find_issue(store, issue))))
    if actor:
        bound["actor"] = ox.NamedNode(str(iris.actor(find_actor(store, actor))))
    return bound


def positions(store: Store, issue: str | None = None, actor: str | None = None,
              min_confidence: float = 0.0) -> list[Row]:
    """Who stands where: one row per actor and issue, with the evidence behind it."""
    rows: dict[str, Row] = {}
    for row in store.select(queries.POSITIONS, **_bindings(store, issue, actor)):
        key = row["position"].value
        item = rows.setdefault(key, {
            "actor": row["actorName"].value, "actor_id": iris.local_id(row["actor"].value),
            "issue": row["issueLabel"].value, "issue_id": row["issueId"].value,
            "stance": _local(row, "stance"), "statements": int(row["count"].value),
            "first": iso(row["first"].value), "last": iso(row["last"].value), "evidence": [],
        })
        if float(row["confidence"].value) < min_confidence:
            continue
        item["evidence"].append({
            "entry_id": row["entryId"].value, "published": iso(row["published"].value),
            "text": row["text"].value, "_stance": _local(row, "statementStance"),
        })
    kept = [_restate(item) for item in rows.values() if item["evidence"]]
    return sorted(kept, key=lambda r: (r["issue_id"], r["stance"], r["actor_id"]))


def _restate(item: Row) -> Row:
    """Order the evidence; with statements left out by confidence, recount stance and times."""
    evidence = sorted(item["evidence"], key=lambda e: (sort_key(e["published"]), e["entry_id"], e["text"]))
    stances = {e.pop("_stance") for e in evidence}
    item.update(
        evidence=evidence, statements=len(evidence), first=evidence[0]["published"],
        last=evidence[-1]["published"], stance=stances.pop() if len(stances) == 1 else "mixed",
    )
    return item


def statements(store: Store, actor: str | None = None, issue: str | None = None) -> list[Row]:
    """What each actor said, in time order: quotes (direct) and reported speech."""
    found = []
    bindings = _bindings(store, issue, actor)
    wanted = iris.local_id(bindings["issue"].value) if "issue" in bindings else None
    for row in store.select(queries.STATEMENTS, **bindings):
        if wanted and _value(row, "issueId") != wanted:
            continue  # the issue is OPTIONAL in the query: binding it does not filter
        found.append({
            "actor": row["actorName"].value, "actor_id": iris.local_id(row["actor"].value),
            "text": row["text"].value, "kind": _local(row, "kind"),
            "entry_id": row["entryId"].value, "published": iso(row["published"].value),
            "issue": _value(row, "issueLabel"), "issue_id": _value(row, "issueId"),
            "stance": _local(row, "stance"), "confidence": float(row["confidence"].value),
            "_start": int(row["start"].value),
        })
    found.sort(key=lambda r: (sort_key(r["published"]), r["entry_id"], r["_start"], r["issue_id"] or "", r["actor_id"]))
    for row in found:
        del row["_start"]
    return found


def said(store: Store, actor: str | None = None, issue: str | None = None) -> list[Row]:
    keys = ("actor", "actor_id", "text", "kind", "entry_id", "published", "issue", "stance")
    return [{k: row[k] for k in keys} for row in statements(store, actor, issue)]


def timeline(store: Store, actor: str | None = None, issue: str | None = None) -> list[Row]:
    """Statements with a stance in time order, marking where an actor's stance on an issue changed."""
    last: dict[tuple[str, str], str] = {}
    rows = []
    for row in statements(store, actor, issue):
        if not row["stance"]:
            continue
        key = (row["actor_id"], row["issue_id"])
        changed = key in last and last[key] != row["stance"]
        rows.append({
            "published": row["published"], "actor": row["actor"], "actor_id": row["actor_id"],
            "issue": row["issue"], "issue_id": row["issue_id"], "stance": row["stance"],
            "changed": changed, "previous": last.get(key), "kind": row["kind"],
            "text": row["text"], "entry_id": row["entry_id"],
        })
        last[key] = row["stance"]
    return rows
