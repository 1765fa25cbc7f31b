"""Proposals found in the text: what people call for, back, reject or vote against.

With no registry entry for a topic, the things actors take sides on are still in the parse:
the objects of support and opposition frames ("called for a ban on smartphones", "rejected
plans for a wealth tax", "voted against the Online Safety Bill"). A noun that only carries
what it governs ("plans for", "calls for", "the decision to introduce") is looked through to
the proposal itself.

A proposal is named by its content words, lemmatised and in any order, without determiners,
possessors or modifiers that say only how or when ("a new smartphone ban"): so "a smartphone
ban" and "a ban on smartphones" are one proposal, with the id `found-ban-smartphone`. It needs
two content words at least: "a ban" alone says not what is banned.

>>> from standpoint.loaders import nlp
>>> doc = nlp.pipeline()("Ms Reed rejected calls for a new ban on smartphones in schools.")
>>> [(p.form, p.issue_id) for p in proposals(doc[:])]
[('ban on smartphones in schools', 'found-ban-school-smartphone')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from standpoint.loaders.cues import Lexicon, lexicon
from standpoint.loaders.polarity import NOT_HOLDERS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["FOUND", "Named", "Proposal", "is_found", "proposals", "under_debate"]

FOUND = "found-"  # the prefix of a found issue's id
# What a frame governs: a verb's object, else the object of "for" or "against" ("call for X");
# an adjective's or noun's "to", "for", "against" or "of" ("opposed to X", "support for X").
VERB_LINKS = {"for", "against"}
OTHER_LINKS = {"for", "against", "to", "of"}
ONLY_LINKED = {"call", "press", "push", "campaign", "lobby", "vote"}  # "call for X", never "call X"
QUOTE_MARKS = set('"“”‘’«»')
KEPT_PREPOSITIONS = {"on", "of", "for", "into", "in", "to", "against", "over", "at", "from"}
CUT = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis", "det", "poss", "predet",
       "case"}
CONTENT = {"NOUN", "PROPN", "ADJ", "VERB", "NUM"}
DEGREE = {"JJR", "JJS", "RBR", "RBS"}  # "stronger action", "tougher sentences": how much, not what
PLACES_AND_PEOPLE = {"PERSON", "GPE", "NORP", "LOC", "FAC"}  # never a proposal's head
MAX_WORDS = 10
MIN_CONTENT = 2


@dataclass(frozen=True)
class Proposal:
    """A proposal named at Doc offsets [start, end): `form` as written (no determiner)."""

    start: int
    end: int
    form: str
    issue_id: str


class Named:
    """The proposals a source has taken sides on so far (their ids), found again wherever a
    sentence names one, in any of its forms ("A ban on smartphones would be unenforceable",
    after "rejected calls for a smartphone ban"), as the registry's aliases are."""

    def __init__(self) -> None:
        self.ids: set[str] = set()

    def find(self, sent: SpacySpan, taken: frozenset[int] = frozenset()) -> list[Proposal]:
        if not self.ids:
            return []
        lex = lexicon()
        found = (_proposal(token, lex, taken) for token in sent if token.pos_ in ("NOUN", "PROPN"))
        return [one for one in found if one is not None and one.issue_id in self.ids]


@functools.cache
def under_debate(words: str) -> Proposal | None:
    """The found issue that words naming the thing under debate stand for ("the Tourist Levy
    (Wales) Bill"): named by their content words, as a proposal in a sentence is.

    >>> under_debate("the Tourist Levy Bill").issue_id
    'found-bill-levy-tourist'
    """
    from standpoint.loaders import nlp

    lex = lexicon()
    doc = nlp.pipeline()(" ".join(words.split())[:200])
    kept = [t for t in doc if not (t.is_punct or t.pos_ in ("DET", "PRON", "ADP", "CCONJ", "PART"))]
    key = sorted({_lemma(t) for t in kept if t.pos_ in CONTENT and t.lower_ not in lex.vague
                  and t.tag_ not in DEGREE})
    if not key:
        return None
    start = next((t.idx for t in doc if t.pos_ != "DET"), 0)
    form = doc.text[start:].strip()
    return Proposal(start, len(doc.text), form, FOUND + "-".join(key)[:80].strip("-"))


def is_found(issue_id: str | None) -> bool:
    """Is this the id of an issue found in the text (not one of the registry's)?"""
    return bool(issue_id) and issue_id.startswith(FOUND)  # type: ignore[union-attr]


def proposals(sent: SpacySpan, taken: frozenset[int] = frozenset()) -> list[Proposal]:
    """The proposals that the sentence's support and opposition frames govern. `taken` are the
    Doc indices of tokens that already name an issue or an actor: no proposal holds them."""
    lex = lexicon()
    frames = lex.support | lex.oppose
    found: dict[tuple[int, int], Proposal] = {}
    for token in sent:
        if _frame(token) not in frames or token.pos_ not in ("VERB", "ADJ", "NOUN"):
            continue
        for thing in _objects(token):
            for head in _conjuncts(_through(thing, lex, frames)):
                proposal = _proposal(head, lex, taken)
                if proposal is not None:
                    found.setdefault((proposal.start, proposal.end), proposal)
    return sorted(found.values(), key=lambda p: p.start)


def _frame(token: Token) -> str:
    """The frame a word opens: its lemma, with its particle for a phrasal verb ("rule out")."""
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{token.lemma_.lower()} {particle}" if particle else token.lemma_.lower()


def _objects(token: Token) -> Iterator[Token]:
    """What a frame governs (see VERB_LINKS). A passive frame ("was rejected by") and one whose
    subject is a thing ("it", "this") are left alone."""
    children = list(token.children)
    if any(c.dep_ in ("auxpass", "nsubjpass") or c.dep_ == "nsubj" and c.lower_ in NOT_HOLDERS
           for c in children):
        return  # "it would delay action": a thing, not someone, takes no side
    objects = [c for c in children if c.dep_ == "dobj"] if token.lemma_.lower() not in ONLY_LINKED else []
    if token.pos_ == "VERB" and objects:
        yield from objects
        return
    links = VERB_LINKS if token.pos_ == "VERB" else OTHER_LINKS
    for child in children:
        if child.dep_ == "prep" and child.lower_ in links and child.i > token.i:
            linked = _linked(child)
            if linked is not None:
                yield linked


def _through(token: Token | None, lex: Lexicon, frames: frozenset[str], depth: int = 0) -> Token | None:
    """Look through nouns that carry what they govern: "plans for X", "the move to scrap X".
    A named one is a proposal itself: "a deposit return scheme"."""
    if token is None or depth > 3:
        return token
    lemma = token.lemma_.lower()
    named = any(c.dep_ in ("compound", "amod") and c.lower_ not in lex.vague for c in token.children)
    if token.pos_ == "NOUN" and (lemma in lex.transparent or lemma in frames) and not named:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in OTHER_LINKS:
                return _through(_linked(child), lex, frames, depth + 1)
            if child.dep_ in ("acl", "xcomp", "relcl") and child.pos_ == "VERB":
                inner = next((c for c in child.children if c.dep_ == "dobj"), None)
                return _through(inner, lex, frames, depth + 1)
        return None  # "backed the plan": which plan, the sentence does not say
    return token


def _linked(preposition: Token) -> Token | None:
    """The object of a preposition: "for X", or through a gerund, "to introducing X"."""
    for child in preposition.children:
        if child.dep_ == "pobj":
            return child
        if child.dep_ == "pcomp":
            return next((c for c in child.children if c.dep_ == "dobj"), None)
    return None


def _conjuncts(head: Token | None) -> Iterator[Token]:
    """A head and the nouns coordinated with it: "a wealth tax and a mansion tax" are two."""
    while head is not None:
        yield head
        head = next((c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)


def _proposal(head: Token, lex: Lexicon, taken: frozenset[int]) -> Proposal | None:
    lemma = _lemma(head)
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in PLACES_AND_PEOPLE or head.like_num \
            or lemma in lex.not_proposals or lemma in ("%", "cent", "percent") or head.i in taken \
            or lemma in lex.durations and any(c.dep_ == "nummod" for c in head.children):
        return None  # a person, a body, a number or a length of time
    words = sorted(_phrase(head), key=lambda t: t.i)
    while words and (words[0].pos_ in ("ADP", "CCONJ", "PUNCT", "PART") or words[0].lower_ in lex.vague
                     or words[0].tag_ in DEGREE):
        words = words[1:]
    if not words or len(words) > MAX_WORDS or any(t.i in taken for t in words) \
            or any(t.ent_type_ == "PERSON" for t in words):
        return None
    content = [t for t in words if t.pos_ in CONTENT and t.lower_ not in lex.vague and t.tag_ not in DEGREE]
    if all(t.pos_ in ("PROPN", "NUM") for t in content) and lemma not in lex.proposal_names:
        return None  # "Northern Ireland", "the Home Secretary": a name, not a proposal
    key = sorted({_lemma(t) for t in content})
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    form = " ".join(head.doc.text[start:end].split())
    if len(key) < MIN_CONTENT or QUOTE_MARKS & set(form):
        return None
    return Proposal(start, end, form, FOUND + "-".join(key)[:80].strip("-"))


def _phrase(head: Token) -> Iterator[Token]:
    """The words naming the proposal: the head with its compounds, modifiers and complements,
    without its determiner, possessor, relative clauses or appositions."""
    yield head
    for child in head.children:
        if child.dep_ in CUT:
            continue
        if child.dep_ == "prep" and (child.lower_ not in KEPT_PREPOSITIONS or child.i < head.i
                                     or not any(c.dep_ == "pobj" for c in child.children)):
            continue  # not "clarity on whether ...": a clause is no part of a proposal's name
        yield from _phrase(child)


def _lemma(token: Token) -> str:
    return re.sub(r"[^\w-]+", "", token.lemma_.lower()) or token.lower_
