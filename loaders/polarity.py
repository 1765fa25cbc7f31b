"""Stance composed along the dependency parse: the path from the holder's predicate to the issue.

Each word on the path from the issue up to the predicate whose subject holds the view adds its
sign: words for what they govern (`call for`, `back`, `welcome`) keep it, words against or
undoing it (`reject`, `abandon`, `axe`, `stall`) turn it, clear evaluative words (VADER) give
theirs, transparent nouns (`the plan to`, `the move to`) and speech verbs pass it on, and a
negation on any of them turns it again. So:

- refuse(demands for X) opposes X;  applaud(the move to abandon X) opposes X;
- condemn(the plan to axe X) supports X;  blame(Y, for stalling X) supports X.

When the issue is itself a subject, what is predicated of it judges it: "X would be
unaffordable", "X is a disgrace", "X will hurt families". A judging modifier does too: "a
reckless X". The holder is the subject of the first predicate above the issue that has one and
is not the issue: a named actor, a pronoun, or "I"/"we" (the speaker); a subject that is neither
("critics", "the committee") holds a view no named actor does, and gives no stance.

Nothing is said in a question (unless rhetorical, see loaders/stance.py), inside "whether" or
"if", or without at least one word of evidence on the path. Hedges ("may", "could",
"consider") lower the confidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from standpoint.loaders.cues import Lexicon, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["BLOCKED", "Composed", "compose", "head_of"]

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
SIBLINGS = {"conj", "appos", "cc"}
JUDGING = ("acomp", "oprd", "attr", "ccomp", "dobj")  # what a predicate says of its subject, best first
ASKING = {"ask", "wonder", "question", "know", "doubt", "check"}  # "asked if": an indirect question
QUESTIONED = {"whether"}  # an indirect question asserts nothing
CONDITIONAL = {"if", "unless"}  # a condition: the parse alone cannot tell who wants what
FIRST_PERSON = {"i", "we", "me", "us"}
BASE = 0.8
HEDGED = 0.3


@dataclass(frozen=True)
class Composed:
    """A stance found along the parse. `holder` is the subject token holding it, None when the
    path reaches the top of the sentence (the statement's speaker holds it)."""

    stance: str | None  # None: the parse shows that no stance is taken (see BLOCKED)
    confidence: float
    cue: str
    cue_start: int  # offsets in the Doc
    cue_end: int
    holder: Token | None


BLOCKED = Composed(None, 0.0, "", 0, 0, None)  # inside "whether": nothing is asserted
NOT_HOLDERS = {"it", "this", "that", "there", "which", "what", "who"}


def head_of(sent: SpacySpan, start: int, end: int) -> Token | None:
    """The token heading the words at Doc offsets [start, end), if they are whole tokens."""
    inside = [t for t in sent if start <= t.idx < end]
    if not inside:
        return None
    ids = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads else inside[0]


NOBODY = {"none", "nobody", "no-one", "neither", "nothing"}  # a subject that denies the predicate


def _nobody(subject: Token) -> bool:
    """"none of us", "nobody", "no Member": a subject that denies its predicate, and so holds
    no view itself (the speaker's is that nobody should)."""
    return subject.lower_ in NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in subject.children)


def _negated(token: Token, lex: Lexicon) -> bool:
    """"not X", "never X", and "none of us will X", "no Member would X"."""
    return any(c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in lex.negation)
               or c.dep_ in ("nsubj", "nsubjpass") and _nobody(c)
               for c in token.children)


def _hedged(token: Token, lex: Lexicon) -> bool:
    return token.lemma_.lower() in lex.hedge or any(
        c.dep_ in ("aux", "advmod") and c.lower_ in lex.hedge for c in token.children)


def _lemma(token: Token) -> str:
    """The word as the cue lists hold it: its lemma, with its particle for a phrasal verb
    ("throw out", "water down")."""
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    lemma = token.lemma_.lower()
    return f"{lemma} {particle}" if particle else lemma


def _sign(token: Token, lex: Lexicon, below: Token) -> int:
    """What a word on the path does to the stance of the word below it: +1, -1, or 0 (nothing)."""
    lemma = _lemma(token)
    if lemma not in lex.oppose | lex.support | lex.transparent and token.lower_ in lex.oppose | lex.support:
        lemma = token.lower_  # "opposed to", "committed to": the form itself is the cue
    if token.pos_ == "ADP":
        return -1 if lemma in lex.oppose else 0
    if token.lemma_ == "be" and below.dep_ in ("xcomp", "ccomp", "csubj"):
        # "it would be unwise to oppose X", "it is vital that X goes ahead": the judgement of the
        # clause it stands for
        judge = _judging(token, lex)
        return 0 if judge is None else lex.polarity(judge.lower_) or lex.polarity(judge.lemma_)
    if lemma in lex.transparent or lemma in lex.speech and lemma not in lex.support | lex.oppose:
        return 0
    if lemma in lex.oppose:
        return -1
    if lemma in lex.support:
        return 1
    return lex.polarity(token.lower_) or lex.polarity(lemma)


def _judging(copula: Token, lex: Lexicon) -> Token | None:
    """The evaluative complement of "be": "unwise" in "it would be unwise to ..."."""
    return next((c for c in copula.children if c.dep_ in ("acomp", "attr")
                 and (lex.polarity(c.lower_) or lex.polarity(c.lemma_))), None)


def _judged(token: Token, lex: Lexicon) -> tuple[int, Token | None]:
    """What a predicate says of its subject: "is a disgrace", "would be unaffordable", "will hurt".
    What it does to its object counts with the object's worth: "will cut jobs" judges it badly,
    "will cut waste" and "will end an injustice" well, "would create a rigged market" badly
    (but "risks further damage" is bad whatever the object)."""
    sign = 0 if token.lemma_ == "be" else _acting(token, lex) or lex.polarity(token.lower_) or \
        lex.polarity(token.lemma_)
    if sign > 0 or _acting(token, lex):  # "risks damage" stays bad: a bad verb's object is bad too
        sign *= _worth(token, lex)
    if not sign:  # "X needs to be implemented", "X has cost jobs and should be scrapped"
        sign = next((_acting(c, lex) for c in token.children
                     if c.dep_ in ("xcomp", "conj") and _acting(c, lex)
                     and not any(g.dep_ in SUBJECTS for g in c.children)), 0)
    cue: Token | None = token if sign else None
    if not sign:
        for child in sorted(token.children, key=lambda c: JUDGING.index(c.dep_) if c.dep_ in JUDGING else 9):
            if child.dep_ in JUDGING:
                sign = lex.polarity(child.lower_) or lex.polarity(child.lemma_)
                cue = child
                for mod in child.children:
                    if not sign and mod.dep_ in ("amod", "compound"):
                        sign, cue = lex.polarity(mod.lower_) or lex.polarity(mod.lemma_), mod
                if sign:
                    break
    if sign and _negated(token, lex):
        sign = -sign
    return sign, cue if sign else None


def _worth(verb: Token, lex: Lexicon) -> int:
    """-1 when the verb's object is judged bad ("a rigged market", "waste"), else +1: what a
    proposal acts on is taken to be worth something unless its words say otherwise."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for word in (obj, *(m for m in obj.children if m.dep_ in ("amod", "compound"))):
            if lex.polarity(word.lower_) < 0 or lex.polarity(word.lemma_) < 0:
                return -1
    return 1


def _acting(token: Token, lex: Lexicon) -> int:
    """+1 for a word for what it governs, -1 for one against it, else 0."""
    lemma = _lemma(token)
    return -1 if lemma in lex.oppose else 1 if lemma in lex.support else 0


def _modifier(head: Token, lex: Lexicon, inside: set[int]) -> tuple[int, Token | None]:
    """A judging word on the issue itself: "a reckless tax"."""
    for child in head.children:
        if child.i in inside:
            continue
        if child.dep_ == "amod":
            sign = lex.polarity(child.lower_)
            if sign:
                return sign, child
    return 0, None


def compose(sent: SpacySpan, start: int, end: int, things: frozenset[int] = frozenset()) -> list[Composed]:
    """The stances taken on the issue named at Doc offsets [start, end) of this sentence.

    Usually one; two when a possessor on the path holds a view of their own: in "the minister
    accepted our call for X" the minister supports X, and so do "we" (the speaker).
    Empty when the parse shows nothing; [BLOCKED] when it shows that nothing is asserted.
    `things` are the Doc indices of tokens that name issues: never holders of a view.
    """
    lex = lexicon()
    head = head_of(sent, start, end)
    if head is None:
        return []
    inside = {t.i for t in sent if start <= t.idx < end}
    denied = next((c for c in head.children if c.dep_ == "det" and c.lower_ == "no"), None)
    sign, evidence = (-1, []) if denied is not None else (1, [])
    mod_sign, mod = _modifier(head, lex, inside)
    if denied is not None:
        mod_sign, mod = -1, denied  # "no new runway": the issue itself is denied
    hedged = False
    below, token = head, head.head
    holder: Token | None = None
    found: list[Composed] = []
    while True:
        marks = {c.lower_ for c in below.children if c.dep_ == "mark"}
        if marks & QUESTIONED or marks & CONDITIONAL and token.lemma_.lower() in ASKING:
            return [BLOCKED]
        if marks & CONDITIONAL:
            return []
        if _on_condition(token):
            return [BLOCKED]  # "if Members disagree, they can vote against X": nothing is asserted
        if below.i == token.i:  # the root
            break
        if below.dep_ in SUBJECTS:
            judged, cue = _judged(token, lex)
            if not judged:
                return []  # the issue is a subject of something that does not judge it
            sign *= judged
            evidence.append(cue)
        elif below.dep_ in SIBLINGS:
            # "sentencing for X and support for Y": a conjunct is a sibling, not a governor;
            # but "a rail link, not a new runway" denies the second
            if any(c.dep_ == "neg" and token.i < c.i < below.i for c in token.children):
                sign = -sign
                evidence.append(next(c for c in token.children if c.dep_ == "neg"))
        else:
            step = _sign(token, lex, below)
            if step < 0 and _negated(token, lex):
                hedged = True  # "has not ruled out X": a door left open, not a stand
            if step:
                sign *= step
                evidence.append(_judging(token, lex) if token.lemma_ == "be" else token)
                owner = _possessor(token)
                if owner is not None:
                    found.append(_composed(sign, evidence, hedged, owner))
            if _negated(token, lex):
                sign = -sign
        hedged = hedged or _hedged(token, lex)
        subject = next((c for c in token.children if c.dep_ in SUBJECTS and c.i not in inside
                        and c.i != below.i and c.lower_ not in NOT_HOLDERS and c.i not in things
                        and not _nobody(c)), None)
        if subject is not None and token.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and below.dep_ not in SUBJECTS:
            holder = subject
            marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
            if marks & QUESTIONED or marks & CONDITIONAL and token.head.lemma_.lower() in ASKING:
                return [BLOCKED]
            if marks & CONDITIONAL:
                return []
            break
        below, token = token, token.head
    by_modifier = [_composed(mod_sign, [mod], hedged, None)] if mod_sign else []
    if not [e for e in evidence if e is not None]:
        return found + by_modifier  # only the issue's own modifier judges it: the speaker's word
    path = _composed(sign, evidence, hedged, holder)
    if by_modifier and holder is not None:  # "said ministers pressed ahead with a reckless X"
        return [*found, path, *by_modifier]
    return [*found, path]


def _on_condition(token: Token) -> bool:
    """A predicate with an "if" or "unless" clause of its own holds only on that condition."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL for m in c.children)
               for c in token.children)


def _possessor(token: Token) -> Token | None:
    """The owner of a noun of stance: "our call for", "Jane Doe's demand for"."""
    if token.pos_ != "NOUN":
        return None
    return next((c for c in token.children if c.dep_ == "poss"), None)


def _composed(sign: int, evidence: list[Token | None], hedged: bool, holder: Token | None) -> Composed:
    cue = [e for e in evidence if e is not None][-1]
    if holder is not None and holder.lower_ in FIRST_PERSON | {"our", "my"}:
        holder = None
    confidence = BASE - (HEDGED if hedged else 0.0)
    return Composed("supports" if sign > 0 else "opposes", round(confidence, 2), cue.text,
                    cue.idx, cue.idx + len(cue.text), holder)
