"""Who says a sentence, from its dependency parse: the subject of its speech or cognition cue.

One construction per function, as textacy's quote extraction does:

- `X said ...`, `..., said X, the party's chairwoman`, `..., X told reporters`: the cue's
  subject, wherever it stands (the parser finds inverted subjects too);
- `X stood up and said ...`: a cue that is the second of two joined verbs shares the first's
  subject;
- `X wrote to Y saying ...`: a participle cue belongs to the subject of the verb it hangs from;
- `X, who said ..., `: a cue in a relative clause belongs to the noun the clause describes;
- `according to X`, `in a statement, X ...`: the object of "according to";
- `the party's chairwoman, Jane Doe, said`: an apposition names the subject.

A cue inside quote marks is part of the quoted words, never the sentence's attribution; of the
cues outside quotes, the one highest in the tree (the main clause's) wins.

Limits: a cue with no subject in its sentence ("Speaking to reporters, ...") gives nothing; a
passive ("it was said by X") is not read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from standpoint.loaders.cues import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Source", "sources", "subject"]

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
SUBORDINATORS = {"as", "if", "unless", "whether"}  # "As she knows", "if he says so": no report


@dataclass(frozen=True)
class Source:
    """A cue and the token heading the words that name its source (character offsets in the Doc)."""

    cue: Token
    source: Token
    cue_start: int
    cue_end: int


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _is_cue(token: Token) -> bool:
    lex = lexicon()
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lex.speech


def subject(verb: Token) -> Token | None:
    """The subject of a verb: its own, a relative clause's noun, or the one it shares or hangs from."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ in ("conj", "advcl", "xcomp", "acl") and verb.head.i != verb.i:
        if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
            return verb.head  # "X, saying ..."
        return subject(verb.head)
    return None


def _according(token: Token) -> Token | None:
    """`according to X`: X."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        objects = [c for c in nxt.children if c.dep_ == "pobj"]
        return objects[0] if objects else None
    return None


def sources(tokens: Iterable[Token], quoted: list[tuple[int, int]]) -> list[Source]:
    """The cues of a sentence outside quote marks, with their sources, main clause first.

    `quoted` holds the (start, end) character offsets of the quotes, in the Doc's coordinates.
    A whole Doc's cues regardless of quotes are kept with it: discovery asks for them twice.
    """
    doc = cast("Doc", tokens) if not quoted and hasattr(tokens, "user_data") else None  # a Span has none
    if doc is not None and "cue sources" in doc.user_data:
        return list(doc.user_data["cue sources"])
    found = []
    for token in tokens:
        at = token.idx
        if any(a <= at < b for a, b in quoted):
            continue
        source = _according(token)
        if source is None and _is_cue(token) and not _subordinate(token):
            source = subject(token)
        if source is None or any(a <= source.idx < b for a, b in quoted):
            continue
        end = at + len(token.text)
        particle = [c for c in token.children if c.dep_ in ("prt", "prep") and c.i == token.i + 1]
        if token.lower_ == "according" or particle:
            nxt = token.nbor(1)
            end = nxt.idx + len(nxt.text)
        found.append(Source(token, source, at, end))
    found.sort(key=lambda s: (_depth(s.cue), s.cue.i))
    if doc is not None:
        doc.user_data["cue sources"] = tuple(found)
    return found


def _subordinate(cue: Token) -> bool:
    """"As my hon. Friend knows, ...", "if she says so": a cue in a clause of comparison or
    condition reports no words ("after Trump said ..." still does)."""
    if any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in cue.children):
        return True
    left = cue.left_edge  # the parser may hang "As" elsewhere: look at the clause's first word
    before = cue.doc[left.i - 1] if left.i > 0 else None
    return left.lower_ in SUBORDINATORS or (before is not None and before.lower_ in SUBORDINATORS)


def name_tokens(source: Token) -> list[Token]:
    """The tokens that may name the source: its head, its compounds and flat names, its apposition."""
    tokens = [source]
    for child in source.children:
        if child.dep_ in ("compound", "flat", "appos"):  # not "poss": "Trump's campaign" is not Trump
            tokens.append(child)
            if child.dep_ == "appos":
                tokens += [c for c in child.children if c.dep_ in ("compound", "flat")]
    if source.dep_ == "appos":
        tokens.append(source.head)
    return tokens
