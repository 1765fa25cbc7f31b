"""The registry: people, organisations, places, roles and issues, read from YAML and validated.

Every mistake is reported with the file and line it is on, e.g.
`seeds/registry.yaml line 12: person "yvette-cooper": role "home-secretery" is not a known role; known roles: ...`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from standpoint.errors import InputError, RegistryError
from standpoint.loaders.text import clean_name, read_text
from standpoint.records import Actor, Issue, Role, RoleHolding

SECTIONS = ("people", "organisations", "places", "roles", "issues")
MAX_REGISTRY_BYTES = 16 * 1024**2
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
GENDERS = ("female", "male")
ORG_KINDS = (
    "party", "government", "parliament", "media", "police", "council", "inquiry", "charity",
    "court", "other",
)
FIELDS: dict[str, tuple[str, ...]] = {
    "people": ("id", "name", "aliases", "gender", "party", "constituency", "wikidata", "roles"),
    "organisations": ("id", "name", "aliases", "kind", "located_in", "wikidata"),
    "places": ("id", "name", "aliases", "wikidata"),
    "roles": ("id", "label", "aliases", "organisation"),
    "issues": ("id", "label", "aliases", "description"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "people": ("id", "name"),
    "organisations": ("id", "name"),
    "places": ("id", "name"),
    "roles": ("id", "label"),
    "issues": ("id", "label"),
}


@dataclass
class Registry:
    """What the extraction knows by name: actors (people, organisations, places), roles, issues."""

    actors: dict[str, Actor] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    issues: dict[str, Issue] = field(default_factory=dict)
    origin: str = ""

    def holders(self, role_id: str, day: date) -> list[Actor]:
        """The people who held a role on a day."""
        return [
            actor for actor in self.actors.values()
            if any(h.role_id == role_id and h.held_on(day) for h in actor.roles)
        ]

    def roles_on(self, actor_id: str, day: date | None = None) -> list[Role]:
        actor = self.actors[actor_id]
        return [
            self.roles[h.role_id] for h in actor.roles if day is None or h.held_on(day)
        ]

    def add(self, actor: Actor) -> Actor:
        """Add a discovered actor, or return the one already known under that id."""
        return self.actors.setdefault(actor.id, actor)


class _Loader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping, refuses a key given twice and
    leaves dates as text (checked by `_Builder.day`, which names the line of a bad one)."""


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Map(dict):  # type: ignore[type-arg]
    line: int = 0
    lines: dict[Any, int]  # the line of each key


class _Seq(list):  # type: ignore[type-arg]
    lines: list[int]  # the line of each item


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> _Map:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            first = seen.setdefault(key, line)
        except TypeError:
            continue  # an unhashable key: construct_mapping reports it
        if first != line:
            raise yaml.constructor.ConstructorError(
                None, None, f"{key!r} is given twice (first on line {first})", key_node.start_mark)
    mapping = _Map(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.lines = {key: line for key, line in seen.items()}
    return mapping


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> _Seq:
    sequence = _Seq(loader.construct_sequence(node, deep=True))
    sequence.lines = [item.start_mark.line + 1 for item in node.value]
    return sequence


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


def default_registry_path() -> Path:
    """The registry bundled with standpoint (seeds/registry.yaml)."""
    return Path(str(resources.files("standpoint.seeds").joinpath("registry.yaml"))).resolve()


def read_registry(path: str | Path | None = None) -> Registry:
    """Read and validate a registry file; the bundled one when no path is given."""
    path = Path(path) if path is not None else default_registry_path()
    if not path.exists():
        raise RegistryError("registry file not found", str(path))
    return parse_registry(read_text(path, limit=MAX_REGISTRY_BYTES), origin=str(path))


def load_yaml(text: str, origin: str, what: str = "a registry", error: type[InputError] = RegistryError) -> Any:
    """YAML text whose mappings and lists know their lines (`.line`, `.lines`), with no key given
    twice and dates left as text; a mistake is `error`, naming the file and line."""
    try:
        return yaml.load(text, Loader=_Loader)
    except RecursionError as err:
        raise error(f"not {what}: nested too deeply", origin) from err
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else None
        raise error(f"not valid YAML: {_words(err.problem)}", origin, line) from err
    except yaml.YAMLError as err:
        raise error(f"not valid YAML: {_words(err)}", origin) from err


def parse_registry(text: str, origin: str = "registry") -> Registry:
    """Parse registry YAML text into a validated Registry."""
    data = load_yaml(text, origin)
    if not isinstance(data, dict):
        raise RegistryError("expected a mapping with sections " + ", ".join(SECTIONS), origin, 1)
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        raise RegistryError(
            f"unknown section {unknown[0]!r}; sections are: {', '.join(SECTIONS)}",
            origin, getattr(data, "line", 1),
        )
    return _Builder(origin).build(data)


def _words(text: object) -> str:
    """A message from the YAML parser on one line."""
    return " ".join(str(text).split())


def _short(value: Any, limit: int = 60) -> str:
    """repr(value), cut to `limit` characters for a message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _names(item: _Map) -> tuple[str, ...]:
    """An item's aliases, cleaned like names (invisible characters out); empty ones dropped."""
    return tuple(alias for alias in map(clean_name, item.get("aliases", [])) if alias)


class _Builder:
    def __init__(self, origin: str):
        self.origin = origin
        self.registry = Registry(origin=origin)
        self.lines: dict[str, int] = {}

    def fail(self, item: Any, message: str) -> RegistryError:
        return RegistryError(message, self.origin, getattr(item, "line", None))

    def build(self, data: dict[str, Any]) -> Registry:
        sections = {name: self.items(data, name) for name in SECTIONS}
        for item in sections["organisations"]:
            self.add_actor(item, "organisation")
        for item in sections["places"]:
            self.add_actor(item, "place")
        for item in sections["roles"]:
            self.add_role(item)
        for item in sections["people"]:
            self.add_actor(item, "person")
        for item in sections["issues"]:
            self.add_issue(item)
        self.check_references(sections)
        return self.registry

    def items(self, data: dict[str, Any], section: str) -> list[_Map]:
        items = data.get(section) or []
        section_line = getattr(data, "lines", {}).get(section)
        if not isinstance(items, list):
            raise RegistryError(f"section {section!r} must be a list", self.origin, section_line)
        for number, item in enumerate(items):
            if not isinstance(item, _Map):
                lines = getattr(items, "lines", [])
                raise RegistryError(f"each entry of {section!r} must be a mapping, not "
                                    f"{_short(item)}", self.origin,
                                    lines[number] if number < len(lines) else section_line)
            self.check_fields(item, section)
        return items

    def check_fields(self, item: _Map, section: str) -> None:
        what = f"{section[:-1] if section != 'people' else 'person'}"
        for key in item:
            if key not in FIELDS[section]:
                raise self.fail(
                    item, f"{what} {item.get('id')!r}: unknown field {key!r}; "
                    f"fields are: {', '.join(FIELDS[section])}",
                )
        for key in REQUIRED[section]:
            value = item.get(key)
            if value is not None and not isinstance(value, str):
                raise self.fail(item, f"{what} {item.get('id')!r}: {key!r} is {_short(value)}, "
                                      "expected a text (put it in quotes)")
            if not isinstance(value, str) or not value.strip():
                raise self.fail(item, f"{what} is missing {key!r} (a non-empty text)")
        ident = item["id"]
        if not ID_PATTERN.fullmatch(ident):
            raise self.fail(
                item, f"id {ident!r} must be lower-case letters, digits and hyphens",
            )
        if ident in self.lines:
            raise self.fail(
                item, f"duplicate id {ident!r} (first defined on line {self.lines[ident]})",
            )
        self.lines[ident] = item.line
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise self.fail(item, f"{what} {ident!r}: aliases must be a list of texts")
        for key in ("name", "label"):
            if key in item and not clean_name(item[key]):
                raise self.fail(item, f"{what} {ident!r}: {key} {item[key]!r} has no visible text")

    def add_actor(self, item: _Map, kind: str) -> None:
        gender = item.get("gender")
        if gender is not None and gender not in GENDERS:
            raise self.fail(
                item, f"person {item['id']!r}: gender {gender!r} is not one of {', '.join(GENDERS)}"
            )
        org_kind = item.get("kind")
        if org_kind is not None and org_kind not in ORG_KINDS:
            raise self.fail(
                item, f"organisation {item['id']!r}: kind {org_kind!r} is not one of "
                f"{', '.join(ORG_KINDS)}",
            )
        wikidata = item.get("wikidata")
        if wikidata is not None and not re.fullmatch(r"Q[0-9]+", str(wikidata)):
            raise self.fail(item, f"{item['id']!r}: wikidata {wikidata!r} is not a Q-id like Q42")
        self.registry.actors[item["id"]] = Actor(
            id=item["id"], name=clean_name(item["name"]), type=kind,
            aliases=_names(item), party=item.get("party"), gender=gender,
            wikidata=wikidata, kind=org_kind, located_in=item.get("located_in"),
            constituency=item.get("constituency"), roles=self.holdings(item),
        )

    def holdings(self, item: _Map) -> list[RoleHolding]:
        roles = item.get("roles", [])
        if not isinstance(roles, list):
            raise self.fail(item, f"person {item['id']!r}: roles must be a list")
        held = []
        for entry in roles:
            if not isinstance(entry, _Map) or not isinstance(entry.get("role"), str):
                raise self.fail(item, f"person {item['id']!r}: each role needs 'role: ROLE-ID'")
            extra = set(entry) - {"role", "from", "to"}
            if extra:
                raise self.fail(
                    entry, f"person {item['id']!r}: unknown role field {min(extra)!r}; "
                    "fields are: role, from, to",
                )
            start, end = self.day(entry, item, "from"), self.day(entry, item, "to")
            if start and end and end < start:
                raise self.fail(
                    entry, f"person {item['id']!r}: role {entry['role']!r} ends ({end}) "
                    f"before it starts ({start})",
                )
            held.append(RoleHolding(entry["role"], start, end))
        return held

    def day(self, entry: _Map, item: _Map, key: str) -> date | None:
        value = entry.get(key)
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError as err:
            raise self.fail(
                entry, f"person {item['id']!r}: {key} {value!r} is not a date (YYYY-MM-DD)"
            ) from err

    def add_role(self, item: _Map) -> None:
        self.registry.roles[item["id"]] = Role(
            id=item["id"], label=clean_name(item["label"]), aliases=_names(item),
            organisation=item.get("organisation"),
        )

    def add_issue(self, item: _Map) -> None:
        description = item.get("description", "")
        if not isinstance(description, str):
            raise self.fail(item, f"issue {item['id']!r}: description must be a text")
        self.registry.issues[item["id"]] = Issue(
            id=item["id"], label=clean_name(item["label"]), aliases=_names(item),
            description=description.strip(),
        )

    def check_references(self, sections: dict[str, list[_Map]]) -> None:
        actors, roles = self.registry.actors, self.registry.roles
        orgs = sorted(a.id for a in actors.values() if a.type == "organisation")
        places = sorted(a.id for a in actors.values() if a.type == "place")
        for item in sections["people"]:
            self.ref(item, "party", orgs, "organisation")
            self.ref(item, "constituency", places, "place")
            for entry in item.get("roles", []):
                if entry["role"] not in roles:
                    raise self.fail(
                        entry, f"person {item['id']!r}: role {entry['role']!r} is not a known "
                        f"role; known roles: {', '.join(sorted(roles))}",
                    )
        for item in sections["organisations"]:
            self.ref(item, "located_in", places, "place")
        for item in sections["roles"]:
            self.ref(item, "organisation", orgs, "organisation")

    def ref(self, item: _Map, key: str, known: list[str], what: str) -> None:
        value = item.get(key)
        if value is not None and value not in known:
            raise self.fail(
                item, f"{item['id']!r}: {key} {value!r} is not a known {what}; "
                f"known: {', '.join(known)}",
            )
