"""IRIs of the things standpoint stores: one function per kind, so every module mints them alike."""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import URIRef

from standpoint.ontology.namespace import ID


def _safe(key: str) -> str:
    return quote(key, safe="-_.~")


def entry(entry_id: str) -> URIRef:
    return ID[f"entry/{_safe(entry_id)}"]


def entry_graph(entry_id: str) -> URIRef:
    """The named graph holding everything extracted from one entry."""
    return ID[f"graph/entry/{_safe(entry_id)}"]


def source(name: str) -> URIRef:
    return ID[f"source/{_safe(name)}"]


def actor(actor_id: str) -> URIRef:
    return ID[f"actor/{_safe(actor_id)}"]


def issue(issue_id: str) -> URIRef:
    return ID[f"issue/{_safe(issue_id)}"]


def role(role_id: str) -> URIRef:
    return ID[f"role/{_safe(role_id)}"]


def holding(actor_id: str, role_id: str, start: str) -> URIRef:
    return ID[f"holding/{_safe(actor_id)}--{_safe(role_id)}--{_safe(start)}"]


def statement(entry_id: str, start: int, end: int, kind: str, issue_id: str | None,
              speaker_id: str, holder_id: str | None = None) -> URIRef:
    """A statement's IRI is a hash of where it is, who says it, whose position it shows and what
    about: rebuilds mint the same. The holder counts only when it is not the speaker, so a
    speaker's own statements keep the IRIs they had before holders were recorded."""
    key = f"{entry_id}\x1f{start}\x1f{end}\x1f{kind}\x1f{issue_id or ''}\x1f{speaker_id}"
    if holder_id and holder_id != speaker_id:
        key += f"\x1f{holder_id}"
    return ID[f"statement/{hashlib.sha1(key.encode()).hexdigest()[:20]}"]


def position(actor_id: str, issue_id: str) -> URIRef:
    return ID[f"position/{_safe(actor_id)}--{_safe(issue_id)}"]


REGISTRY_GRAPH = ID["graph/registry"]
DERIVED_GRAPH = ID["graph/derived"]


def local_id(iri: str) -> str:
    """The id part of one of our IRIs: `.../actor/yvette-cooper` -> `yvette-cooper`."""
    from urllib.parse import unquote

    return unquote(iri.rsplit("/", 1)[-1])
