"""A store whose statements show positions other than their speakers', built by the real build.

Badenoch says the Prime Minister has accepted her party's call for a national inquiry: one
statement spoken by her and held by Starmer (his support, as she reports it), and one at the same
span that is her own (her support). An hour later Starmer himself opposes it. So:

- `said Badenoch` has both of her statements, one held by Starmer; `said Starmer` his own only;
- positions: Starmer mixed (supports as reported, then opposes), Badenoch supports (hers only);
- `timeline Starmer` has both of his stances, the first spoken by Badenoch, and a change.

Only extraction is scripted (`ScriptedExtractor` returns these statements whatever the text
rules say), so that the test does not depend on what the extraction rules find; reading the
JSONL, the triples, the positions and the atomic publish are the build's own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from standpoint.graph.rdf.build import build
from standpoint.loaders.extract import Extraction
from standpoint.loaders.registry import Registry
from standpoint.records import Entry, Statement

REPORTED = "the Prime Minister has accepted our call for a national inquiry"
OWN = "We will not hold a national inquiry."
ENTRIES = [
    {"id": "held-1", "published": "2025-01-16T10:00:00Z", "source": "Holder test",
     "body": f"Kemi Badenoch said {REPORTED}."},
    {"id": "held-2", "published": "2025-01-16T11:00:00Z", "source": "Holder test",
     "body": f'Keir Starmer said: "{OWN}"'},
]


@dataclass(frozen=True)
class Said:
    """A statement to extract from an entry: words located in its body by their text."""

    speaker: str
    text: str
    kind: str
    stance: str | None  # None: no stance, and no issue
    holder: str | None = None
    cue: str = "said"
    source: str = ""
    issue: str = "national-inquiry"
    confidence: float = 0.8


SCRIPT: dict[str, list[Said]] = {
    "held-1": [Said("kemi-badenoch", REPORTED, "reported", "supports", holder="keir-starmer",
                    source="Kemi Badenoch"),
               Said("kemi-badenoch", REPORTED, "reported", "supports", source="Kemi Badenoch")],
    "held-2": [Said("keir-starmer", OWN, "direct", "opposes", source="Keir Starmer")],
}


def _span(body: str, words: str) -> tuple[int, int]:
    start = body.index(words)
    return start, start + len(words)


def statement(entry: Entry, said: Said) -> Statement:
    """The statement record `said` stands for in the entry, with its spans measured in the body."""
    start, end = _span(entry.body, said.text)
    cue_start, cue_end = _span(entry.body, said.cue)
    source_start, source_end = _span(entry.body, said.source) if said.source else (None, None)
    return Statement(entry.id, said.speaker, said.text, said.kind, start, end, entry.published,
                     said.issue if said.stance else None, said.stance, said.confidence, said.cue,
                     holder_id=said.holder,
                     cue_start=cue_start, cue_end=cue_end, source_start=source_start,
                     source_end=source_end)


def scripted(script: dict[str, list[Said]]) -> type:
    """An extractor for `build(extractor=...)` that finds the statements a script lists per entry
    (registry actors only), whatever the text rules say."""

    class Scripted:
        def __init__(self, registry: Registry):
            self.registry = registry

        def prepare(self, entries: list[Entry]) -> str:
            return ""

        def extract(self, entry: Entry) -> Extraction:
            statements = [statement(entry, said) for said in script.get(entry.id, [])]
            mentioned = {s.speaker_id for s in statements} | {s.holder for s in statements}
            return Extraction(entry, statements=statements, mentioned=mentioned)

    return Scripted


ScriptedExtractor = scripted(SCRIPT)


def source(folder: Path, entries: list[dict[str, str]] = ENTRIES) -> Path:
    """The JSONL source of ENTRIES (or of other entries)."""
    path = folder / "holders.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return path


def build_store(folder: Path) -> Path:
    """Build ENTRIES with SCRIPT's statements into folder/store; its path."""
    store = folder / "store"
    build([source(folder)], store, extractor=ScriptedExtractor)  # type: ignore[arg-type]
    return store
