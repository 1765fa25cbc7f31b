"""The registry a store was built with, and what a build with another one changes.

The registry's named graph holds the registry's issues, actors and roles, and one node, an
sp:Registry (`id:graph/registry`), recording the file they were read from (sp:registryFile), the
digest of their triples (sp:contentHash) and each item (sp:defines). Every entry of a store is
extracted with that registry. A build with a registry of another digest extracts every entry
again, those of sources it was not given too (graph/rdf/entry_input.py), so that no statement is left
about an issue or actor the new registry lacks; and a registry that lacks items of the store's
registry is refused unless the build is asked to replace it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from standpoint.errors import RegistryError
from standpoint.graph.rdf import iris, queries
from standpoint.graph.rdf.store import Store
from standpoint.graph.rdf.triples import Triple, nt, text
from standpoint.ontology.namespace import DCTERMS, FOAF, RDF, SP

__all__ = ["KINDS", "RegistryChange", "RegistryRecord", "compare", "recorded", "registry_record"]

# What a registry defines, by class, in the order a report lists them: (kind, plural).
KINDS: dict[str, tuple[str, str]] = {
    str(SP.Issue): ("issue", "issues"),
    str(FOAF.Person): ("person", "people"),
    str(FOAF.Organization): ("organisation", "organisations"),
    str(SP.Place): ("place", "places"),
    str(SP.Role): ("role", "roles"),
}
PLURAL = dict(KINDS.values())
SHOWN = 6  # items a refusal names before "and N more"


@dataclass(frozen=True)
class RegistryRecord:
    """A registry as a store records it: its file, its digest, and each item's kind, id and digest."""

    path: str
    digest: str
    items: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # IRI -> (kind, id, digest)

    def triples(self) -> list[Triple]:
        """The sp:Registry node's triples (its digest is written with the registry's graph)."""
        node = iris.REGISTRY_GRAPH
        triples: list[Triple] = [(node, RDF.type, SP.Registry), (node, SP.registryFile, text(self.path))]
        return triples + [(node, SP.defines, URIRef(item)) for item in sorted(self.items)]

    def same(self, other: RegistryRecord | None) -> bool:
        """Is `other` this registry, read from the same file?"""
        return other is not None and (other.path, other.digest) == (self.path, self.digest)


def registry_record(triples: list[Triple], path: str, digest: str) -> RegistryRecord:
    """The record of a registry from its triples, read as the store will hold them."""
    data = "".join(f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in triples)
    parsed = ox.parse(data.encode(), format=ox.RdfFormat.N_TRIPLES)
    return RegistryRecord(path, digest, _items((t.subject, t.predicate, t.object) for t in parsed))


def recorded(store: Store) -> RegistryRecord | None:
    """The registry the store was built with; None for a store never built. A store built before
    registries were recorded gives its items all the same, and an empty path."""
    rows = store.select(queries.GRAPH_QUADS,
                        g=ox.NamedNode(iris.REGISTRY_GRAPH))
    if not rows:
        return None
    node = str(iris.REGISTRY_GRAPH)
    about = {row["p"].value: row["o"].value for row in rows if row["s"].value == node}
    return RegistryRecord(about.get(str(SP.registryFile), ""), about.get(str(SP.contentHash), ""),
                          _items((row["s"], row["p"], row["o"]) for row in rows))


def _items(triples: Iterable[tuple[ox.NamedNode, ox.NamedNode, Any]]) -> dict[str, tuple[str, str, str]]:
    """Each item a registry's triples define: IRI -> (kind, id, digest of its triples, its role
    holdings' included). Items are what sp:defines names, else (an older store) what is typed."""
    by_subject: dict[str, list[str]] = defaultdict(list)
    kinds: dict[str, str] = {}
    ids: dict[str, str] = {}
    defined: set[str] = set()
    owner: dict[str, str] = {}
    registry = str(iris.REGISTRY_GRAPH)
    for s, p, o in triples:
        subject, predicate, value = s.value, p.value, o.value
        if subject == registry:
            if predicate == str(SP.defines):
                defined.add(value)
            continue
        by_subject[subject].append(f"{p} {o}")
        if predicate == str(RDF.type) and value in KINDS:
            kinds.setdefault(subject, KINDS[value][0])
        elif predicate == str(DCTERMS.identifier):
            ids[subject] = value
        elif predicate == str(SP.holds):
            owner[value] = subject
    for holding, actor in owner.items():
        by_subject[actor] += [f"{holding} {line}" for line in by_subject.get(holding, [])]
    return {
        item: (kinds[item], ids.get(item, iris.local_id(item)),
               hashlib.sha256("\n".join(sorted(by_subject[item])).encode()).hexdigest())
        for item in sorted(defined or kinds) if item in kinds
    }


@dataclass
class RegistryChange:
    """What a build's registry changes in the store's: item ids by plural kind, and the entries
    extracted again because of it."""

    before: str
    after: str
    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    edited: dict[str, list[str]] = field(default_factory=dict)
    extracted_again: int = 0

    def summary(self) -> str:
        """One line, e.g. `registry changed (a.yaml -> b.yaml): 2 issues removed, 1 added; ...`."""
        files = self.after if self.before == self.after else f"{self.before or 'not recorded'} -> {self.after}"
        parts = []
        for plural in PLURAL.values():
            counts = [(len(ids.get(plural, [])), how) for ids, how in
                      ((self.added, "added"), (self.removed, "removed"), (self.edited, "edited"))]
            counts = [(n, how) for n, how in counts if n]
            if counts:
                first, *rest = counts
                noun = plural if first[0] != 1 else _singular(plural)
                parts.append(", ".join([f"{first[0]} {noun} {first[1]}", *(f"{n} {how}" for n, how in rest)]))
        parts.append(f"{self.extracted_again} {'entry' if self.extracted_again == 1 else 'entries'} "
                     "extracted again")
        return f"registry changed ({files}): " + "; ".join(parts)


def _listed(parts: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _singular(plural: str) -> str:
    return next(kind for kind, name in PLURAL.items() if name == plural)


def compare(old: RegistryRecord | None, new: RegistryRecord, *, replace: bool) -> RegistryChange | None:
    """What building with `new` changes in a store built with `old`; None when nothing does.

    A registry that lacks items of the store's is refused (a RegistryError naming them and
    --replace-registry) unless `replace` is set: a custom registry's issues and people would be
    dropped, and every statement about them.
    """
    if old is None or old.digest == new.digest:
        return None
    change = RegistryChange(old.path, new.path)
    for item, (kind, ident, digest) in new.items.items():
        if item not in old.items:
            change.added.setdefault(PLURAL[kind], []).append(ident)
        elif old.items[item] != (kind, ident, digest):
            change.edited.setdefault(PLURAL[kind], []).append(ident)
    dropped = [(kind, ident) for item, (kind, ident, _) in old.items.items() if item not in new.items]
    for kind, ident in dropped:
        change.removed.setdefault(PLURAL[kind], []).append(ident)
    if dropped and not replace:
        raise RegistryError(_refusal(dropped, old.path), new.path)
    for ids in (change.added, change.removed, change.edited):
        ordered = {plural: sorted(ids[plural]) for plural in PLURAL.values() if plural in ids}
        ids.clear()
        ids.update(ordered)
    return change


def _refusal(dropped: list[tuple[str, str]], before: str) -> str:
    """The refusal of a registry that lacks items of the store's."""
    order = list(PLURAL)
    dropped = sorted(dropped, key=lambda pair: (order.index(pair[0]), pair[1]))
    counts: dict[str, int] = defaultdict(int)
    for kind, _ in dropped:
        counts[kind] += 1
    what = _listed([f"{n} {PLURAL[kind] if n != 1 else kind}" for kind, n in
                    sorted(counts.items(), key=lambda pair: order.index(pair[0]))])
    named = ", ".join(f"{kind} {ident!r}" for kind, ident in dropped[:SHOWN])
    if len(dropped) > SHOWN:
        named += f" and {len(dropped) - SHOWN} more"
    them = "it" if len(dropped) == 1 else "them"
    return (f"this registry lacks {what} of the store's registry ({before or 'not recorded'}): "
            f"{named}; the build would drop {them} and every statement about {them}; add {them} to "
            f"this registry, or pass --replace-registry to drop {them}")
