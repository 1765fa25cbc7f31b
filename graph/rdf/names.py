"""Names typed by a user (`--actor`, `--issue`, ACTOR) resolved to one actor or issue id.

A name matches an id, a name or an alias in any case. Failing that, honorifics and titles are
dropped ("Mrs Kemi Badenoch", "the Rt Hon. Sir Keir Starmer KC MP" are the bare name; the lists
are loaders/hansard.py's), a role stands for whoever held it on a date ("the Home Secretary" on
2025-01-06; today's holder without a date), and a surname or a part of a name is tried. A name
that still matches nothing is an error suggesting the closest names, or saying how to list them.

The rows come from graph/rdf/read.py (embedded store) or graph/property/dbread.py (graph database), so both
resolve a name the same way.

>>> people = known([{"id": "kemi-badenoch", "name": "Kemi Badenoch"}], "name")
>>> resolve("Mrs Kemi Badenoch", people, "actor")
'kemi-badenoch'
>>> resolve("Kemi Badenok", people, "actor")
Traceback (most recent call last):
...
standpoint.errors.InputError: no actor matches 'Kemi Badenok'; did you mean Kemi Badenoch?
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process, utils

from standpoint.errors import InputError
from standpoint.loaders.hansard import HONORIFIC, strip_name
from standpoint.records import RoleHolding

__all__ = ["Holder", "Known", "Roles", "bare", "held_roles", "known", "period", "resolve", "suggest"]

# Each id with its labels: the one shown to people first, then the id and the aliases.
Known = dict[str, list[str]]

# Suggestions: at most this many, each scoring at least CUTOFF (0-100) against the name typed.
SUGGESTIONS = 3
CUTOFF = 80.0
# A name that matches nothing lists at most this many of the known ids.
LISTED = 30

# The same honorifics as a Hansard speaker's, in any case: people type "the rt hon", "mrs".
_HONORIFIC = re.compile(HONORIFIC.pattern, re.IGNORECASE)
_THE = re.compile(r"^the\s+", re.IGNORECASE)


def known(rows: Iterable[Mapping[str, Any]], label: str) -> Known:
    """Each id with its label (column `label`), id and aliases, from rows {id, label, alias?}."""
    found: Known = {}
    for row in rows:
        labels = found.setdefault(row["id"], [row[label], row["id"]])
        alias = row.get("alias")
        if alias is not None and alias not in labels:
            labels.append(alias)
    return found


def period(start: object, end: object) -> str:
    """When a role was held, as people read it: "2024-07-05 to now"."""
    return f"{start or '…'} to {end or 'now'}"


@dataclass(frozen=True)
class Holder:
    """Someone who held a role, and when (a role held twice is two holders)."""

    actor_id: str
    name: str
    held: RoleHolding

    def __str__(self) -> str:
        return f"{self.name} ({period(self.held.start, self.held.end)})"


@dataclass
class Roles:
    """The roles people held: each role's labels, and its holders in order of start."""

    names: Known
    holders: dict[str, list[Holder]]


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def held_roles(rows: Iterable[Mapping[str, Any]]) -> Roles:
    """Roles from rows {id, label, alias?, actor, name, start?, end?}: one per holding (and alias)."""
    rows = list(rows)
    holders: dict[str, set[Holder]] = {}
    for row in rows:
        held = RoleHolding(row["id"], _day(row.get("start")), _day(row.get("end")))
        holders.setdefault(row["id"], set()).add(Holder(row["actor"], row["name"], held))
    ordered = {role: sorted(found, key=lambda h: (h.held.start or date.min, h.name, h.actor_id))
               for role, found in holders.items()}
    return Roles(known(rows, "label"), ordered)


def bare(text: str) -> str:
    """A name without honorifics, titles and post-nominals, in any case.

    >>> bare("the Rt Hon. Sir Keir Starmer KC MP")
    'Keir Starmer'
    >>> bare("ms Phillips")
    'Phillips'
    """
    name = " ".join(text.split())
    while (found := _HONORIFIC.match(name)) and found.end() < len(name):
        name = name[found.end():]
    return strip_name(name)[0] or name


def _core(text: str) -> str:
    """The bare name without a leading "the": "the Home Secretary" is "Home Secretary"."""
    name = bare(text)
    return _THE.sub("", name) or name


def resolve(text: str, found: Known, what: str, roles: Roles | None = None, on: date | None = None) -> str:
    """The one id that `text` names; an InputError saying why not (ambiguous, or the closest names).

    In order: an id, label or alias equal to the text in any case, then to its bare name; a role
    (from `roles`) held on the day `on` (else today); a unique surname or part of a label."""
    forms = list(dict.fromkeys((text.strip(), bare(text), _core(text))))
    exact = _first(forms, found, _exact, text, what)
    if exact:
        return exact
    role = _role(forms[-1], roles) if roles else None
    if roles and role:
        return _holder(role, roles, on)
    partial = _first(forms, found, _partial, text, what)
    if partial:
        return partial
    raise InputError(f"no {what} matches {text!r}; {_help(text, found, what, roles)}")


def _first(forms: list[str], found: Known, how: Callable[[str, Known], list[str]], text: str,
           what: str) -> str | None:
    """The id `how` finds for the first form it finds any for; an InputError if it finds several."""
    for form in forms:
        ids = how(form, found)
        if len(ids) == 1:
            return ids[0]
        if ids:
            raise InputError(f"{what} {text!r} is ambiguous: it matches {', '.join(sorted(ids))}")
    return None


def _exact(text: str, found: Known) -> list[str]:
    wanted = text.casefold()
    return [key for key, labels in found.items() if wanted in {n.casefold() for n in labels}]


def _partial(text: str, found: Known) -> list[str]:
    """Ids with a label holding the text as a word, or (past three letters) as a part."""
    wanted = text.casefold()
    return [key for key, labels in found.items()
            if any(wanted in n.casefold().split() or (len(wanted) > 3 and wanted in n.casefold())
                   for n in labels)]


def _role(text: str, roles: Roles) -> str | None:
    """The role whose label, id or alias the text is, in any case, if anyone held it."""
    matched = _exact(text, roles.names)
    return matched[0] if len(matched) == 1 and roles.holders.get(matched[0]) else None


def _holder(role: str, roles: Roles, on: date | None) -> str:
    """Who held the role on the day (today without one), or an InputError listing its holders."""
    label, holders = roles.names[role][0], roles.holders[role]
    day = on or date.today()
    then = [h for h in holders if h.held.held_on(day)]
    if len(then) == 1:
        return then[0].actor_id
    listed = ", ".join(map(str, holders))
    if on is None:
        now = f"{len(then)} people are {label} today" if then else f"no one is {label} today"
        raise InputError(f"{now}: {listed}; add --on YYYY-MM-DD to mean who held it then, or give a name")
    if then:
        raise InputError(f"{len(then)} people were {label} on {day}: {', '.join(map(str, then))}; give a name")
    raise InputError(f"no one was {label} on {day}; it was held by {listed}")


def suggest(text: str, found: Known, limit: int = SUGGESTIONS, cutoff: float = CUTOFF) -> list[str]:
    """The ids whose labels are closest to the text, best first: at most `limit`, each scoring at
    least `cutoff`.

    A label scores the best of its whole, words in any order ("Badenoch Kemi"), and of each run of
    as many of its words as the text has, in order ("nationl inquiry" in "National inquiry into
    grooming gangs", "Starmr" in "Keir Starmer"): a part of a long label is found, but a word is
    never compared with a piece of another ("Alice" is not "Police").
    """
    query = utils.default_process(text)
    size = len(query.split())
    wholes: list[tuple[str, str]] = []  # (choice, key)
    runs: list[tuple[str, str]] = []
    for key, labels in found.items():
        for label in labels:
            words = utils.default_process(label).split()
            wholes.append((" ".join(words), key))
            if len(words) > size:
                runs += [(" ".join(words[i:i + size]), key) for i in range(len(words) - size + 1)]
    best: dict[str, float] = {}
    for choices, scorer in ((wholes, fuzz.token_sort_ratio), (runs, fuzz.ratio)):
        for _, score, index in process.extract(query, [c for c, _ in choices], scorer=scorer, processor=None,
                                               limit=None, score_cutoff=cutoff):
            key = choices[index][1]
            best[key] = max(score, best.get(key, 0.0))
    return sorted(best, key=lambda key: (-best[key], found[key][0], key))[:limit]


def _help(text: str, found: Known, what: str, roles: Roles | None) -> str:
    """What to do about a name that matches nothing: the closest names, else how to list them."""
    choices = {**found, **{f"role:{key}": labels for key, labels in (roles.names if roles else {}).items()}}
    close = suggest(_core(text), choices)
    if close:
        names = [choices[key][0] for key in close]
        shown = [f"{name} ({key})" if names.count(name) > 1 else name for name, key in zip(names, close, strict=True)]
        return f"did you mean {' or '.join([', '.join(shown[:-1]), shown[-1]] if len(shown) > 1 else shown)}?"
    if what == "actor":
        return "`standpoint actors` lists them all"
    ids = sorted(found)
    more = f" and {len(ids) - LISTED} more" if len(ids) > LISTED else ""
    return f"known {what}s: {', '.join(ids[:LISTED])}{more}"
