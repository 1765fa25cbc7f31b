"""`standpoint registry suggest`: the issues and people the text introduced, as registry YAML.

What the store found without the registry (proposals taken sides on, people and organisations
named in the text) is written in the registry's own format, so that the analyst can review it,
keep what is right and paste it into the registry: found issues with their other forms as
aliases, and discovered actors with the party and roles the text gave them.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from standpoint.graph.rdf import queries
from standpoint.graph.rdf.read import plain
from standpoint.graph.rdf.store import Store

HEADER = """\
# Found in the text by standpoint, not in your registry. Review it: keep what is right, fix
# names and ids, and paste the entries under the registry's sections of the same name.
# A found issue's aliases are the other ways the text names it.
"""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "issue"


def suggestion(store: Store) -> dict[str, list[dict[str, Any]]]:
    """{"issues": [...], "people": [...], "organisations": [...]} in the registry's format."""
    issues: dict[str, dict[str, Any]] = {}
    for row in store.select(queries.FOUND_ISSUES):
        values = {k: plain(v) for k, v in row.items()}
        item = issues.setdefault(values["id"], {"id": _slug(values["label"]), "label": values["label"],
                                                "aliases": []})
        if values.get("alias") and values["alias"] not in item["aliases"]:
            item["aliases"].append(values["alias"])
    actors: dict[str, dict[str, Any]] = {}
    kinds: dict[str, str] = {}
    for row in store.select(queries.DISCOVERED):
        values = {k: plain(v) for k, v in row.items()}
        item = actors.setdefault(values["id"], {"id": values["id"], "name": values["name"]})
        kinds[values["id"]] = "people" if values["type"].endswith("Person") else "organisations"
        if values.get("party"):
            item["party"] = values["party"]
        if values.get("alias"):
            item.setdefault("aliases", [])
            if values["alias"] not in item["aliases"]:
                item["aliases"].append(values["alias"])
        if values.get("role"):
            role = {"role": values["role"], **({"from": values["start"]} if values.get("start") else {}),
                    **({"to": values["end"]} if values.get("end") else {})}
            if role not in item.setdefault("roles", []):
                item["roles"].append(role)
    for item in issues.values():
        if not item["aliases"]:
            del item["aliases"]
    ordered = sorted(actors)
    return {
        "people": [actors[a] for a in ordered if kinds[a] == "people"],
        "organisations": [actors[a] for a in ordered if kinds[a] == "organisations"],
        "issues": sorted(issues.values(), key=lambda i: i["id"]),
    }


def suggestion_yaml(store: Store) -> str:
    found = {k: v for k, v in suggestion(store).items() if v}
    if not found:
        return HEADER + "# Nothing: every issue and actor of the store is in the registry.\n"
    return HEADER + yaml.safe_dump(found, sort_keys=False, allow_unicode=True, width=100)
