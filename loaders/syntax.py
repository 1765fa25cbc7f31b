"""One parsed sentence, read against the actors and issues found in it.

The glue between the parse (loaders/speech.py for who speaks, loaders/polarity.py for the
stance) and the mentions the matcher found: a token is an actor when a mention covers it.
Offsets: the parse counts characters from its piece's start; mentions count from the body's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from standpoint.loaders.attribution import Attribution
from standpoint.loaders.discovery import Known, entity_name
from standpoint.loaders.issues import IssueMention
from standpoint.loaders.polarity import compose
from standpoint.loaders.proposals import Named, Proposal, proposals
from standpoint.loaders.reading import Sentence
from standpoint.loaders.speech import name_tokens, sources
from standpoint.loaders.stance import PRESSING, PROCEDURAL, RHETORICAL, Stance
from standpoint.loaders.text_spans import Span, quotes
from standpoint.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["SentenceParse"]

ENTITIES = {"PERSON", "ORG"}
REFERRING_IT = {"nsubj", "nsubjpass", "dobj", "pobj"}


class SentenceParse:
    """Attribution, stances and references of one sentence, from its parse."""

    def __init__(self, sentence: Sentence, known: Known):
        assert sentence.tokens is not None
        self.sentence = sentence
        self.tokens = sentence.tokens
        self.offset = sentence.offset
        self.known = known

    def _at(self, tokens: list[Token], mentions: list[Mention]) -> Mention | None:
        """The actor mention covering any of these tokens: a person if any ("Labour MP for
        Rotherham, Sarah Champion" is Champion), else an organisation."""
        covering = [m for token in tokens for m in mentions
                    if m.start <= token.idx + self.offset < m.end]
        covering.sort(key=lambda m: m.via == "pronoun")  # a name before a pronoun
        for kind in ("person", "organisation"):
            for mention in covering:
                if self.known.kind(mention.actor_id) == kind:
                    return mention
        return None

    def _id_at(self, token: Token, mentions: list[Mention]) -> str | None:
        mention = self._at(name_tokens(token), mentions)
        return mention.actor_id if mention else None

    def add_entities(self, mentions: list[Mention]) -> list[Mention]:
        """Mentions of people and organisations the entity recogniser finds and the matcher missed."""
        added = list(mentions)
        for ent in self.tokens.ents:
            if ent.label_ not in ENTITIES:
                continue
            start, end = ent.start_char + self.offset, ent.end_char + self.offset
            if any(m.start < end and start < m.end for m in added):
                continue
            name = entity_name(ent.text)
            start += ent.text.find(name) if name in ent.text else 0
            actor_id = self.known.by_name(name) or (
                self.known.by_surname(name) if " " not in name else None)
            if actor_id:
                added.append(Mention(actor_id, start, start + len(name), name, "name"))
        return sorted(added, key=lambda m: m.start)

    def attribution(self, quoted: list[Span], mentions: list[Mention],
                    kinds: dict[str, str]) -> Attribution | None:
        """The speaker of the sentence: the named subject of its main speech cue."""
        inside = [(q.start - self.offset, q.end - self.offset) for q in quoted]
        for found in sources(self.tokens, inside):
            mention = self._at(name_tokens(found.source), mentions)
            if mention is not None and kinds.get(mention.actor_id, "person") != "place":
                return Attribution((mention,), Span(found.cue_start + self.offset,
                                                    found.cue_end + self.offset))
        return None

    def inner_quotes(self, text: str, outer: Span, mentions: list[Mention]) -> list[tuple[Span, Mention]]:
        """A quote inside a quote and who said it: in "When Frost told me 'it will never
        happen', I believed him", the inner words are Frost's, the subject of the cue before them."""
        found = []
        for inner in quotes(text, outer.start, outer.end):
            if inner.start <= outer.start:
                continue
            before = [t for t in self.tokens if outer.start <= t.idx + self.offset < inner.start]
            cues = sources(before, [(inner.start - self.offset, inner.end - self.offset)])
            speaker = next((m for m in (self._at(name_tokens(c.source), mentions) for c in cues) if m), None)
            if speaker is not None:
                found.append((inner, speaker))
        return found

    def proposals(self, issues: list[IssueMention], mentions: list[Mention],
                  named: Named) -> list[IssueMention]:
        """Proposals the sentence takes sides on that no issue of the registry names: found
        issues (loaders/proposals.py), as mentions of them; with the proposals the source
        found before, wherever the sentence names them again. `named` learns the new ones."""
        named_here: list[IssueMention | Mention] = [*issues, *mentions]
        taken = frozenset(t.i for t in self.tokens for m in named_here
                          if m.start <= t.idx + self.offset < m.end)
        kept: list[Proposal] = []
        for one in [*proposals(self.tokens, taken), *named.find(self.tokens, taken)]:
            one = replace(one, start=one.start + self.offset, end=one.end + self.offset)
            if not any(one.start < m.end and m.start < one.end for m in [*named_here, *kept]):
                kept.append(one)
        named.ids.update(one.issue_id for one in kept)
        return [IssueMention(p.issue_id, p.start, p.end, p.form.rsplit(" ", 1)[-1].lower(), via="found",
                             form=p.form) for p in kept]

    def stances(self, mention: IssueMention, mentions: list[Mention],
                issues: list[IssueMention]) -> list[Stance] | None:
        """The stances composed along the parse on this issue mention: [] when the parse rules
        one out ("whether ..."), None when it shows none held by anyone named (other rules may
        still decide)."""
        things = frozenset(t.i for t in self.tokens for m in issues
                           if m.start <= t.idx + self.offset < m.end)
        composed = compose(self.tokens, mention.start - self.offset, mention.end - self.offset, things)
        if not composed:
            return None
        found = []
        asking = self.question()
        outer = composed[-1].holder
        for one in composed:
            if one.stance is None:
                return []
            if asking == "pressing" and one.stance != "supports":
                continue  # a question that presses for something rejects nothing
            holder_id = None
            if one.holder is not None and asking is None:
                holder = self._at(name_tokens(one.holder), mentions)
                if holder is None:
                    continue  # held by someone unnamed ("critics", "the committee")
                holder_id = holder.actor_id
                if one.holder.pos_ == "PRON" and outer is not None and one.holder.i != outer.i and \
                        holder_id == self._id_at(outer, mentions):
                    holder_id = None  # "Shaw accepted her call": "her" is not Shaw, so the speaker
            found.append(Stance(mention.issue_id, one.stance, one.confidence, one.cue, mention,
                                holder_id, one.cue_start + self.offset, one.cue_end + self.offset))
        return found or None

    def refers_back(self, found: list[IssueMention]) -> list[IssueMention]:
        """"Dorsey opposes rent controls, but she supports them": "it" or "them" after an issue
        named earlier in the same sentence refers to it."""
        refs = []
        for token in self.tokens:
            if token.lower_ not in ("it", "them") or token.dep_ not in REFERRING_IT or _extraposed(token):
                continue
            start = token.idx + self.offset
            before = [m for m in found if m.end <= start]
            if before:
                refs.append(IssueMention(before[-1].issue_id, start, start + len(token.text),
                                         token.lower_, "pronoun"))
        return sorted([*found, *refs], key=lambda m: m.start) if refs else found

    def refers_to_debate(self, found: list[IssueMention], about: str) -> list[IssueMention]:
        """In a debate, "it" that names a thing (not "it is clear that ...") is what is debated,
        when the sentence names no issue itself."""
        if found:
            return found
        refs = []
        for token in self.tokens:
            if token.lower_ == "it" and token.dep_ in REFERRING_IT and not _extraposed(token):
                start = token.idx + self.offset
                refs.append(IssueMention(about, start, start + 2, "it", "about"))
        return refs

    def question(self) -> str | None:
        """None for a statement; else "rhetorical" ("Does she agree that ...?"), "pressing"
        ("Will the Minister say when ...?") or "plain". In the first two the view asked about
        is the speaker's own; a plain question takes no stance."""
        text = self.tokens.text.rstrip(" \"'”’)")
        if PROCEDURAL.match(text.lstrip(" \"'“‘")):
            return "plain"  # "With permission, I will make a statement on ...": procedure
        if not text.endswith("?"):
            return None
        if RHETORICAL.search(text):
            return "rhetorical"
        return "pressing" if PRESSING.search(text) else "plain"

    def unanswered_question(self) -> bool:
        """A question that neither presses for something nor is rhetorical takes no stance."""
        return self.question() == "plain"


def _extraposed(token: Token) -> bool:
    """"It is clear that ...", "it would be wrong to ...", "it would help if ...", "it is
    important for people to ...": "it" stands for the clause that follows."""
    head = token.head
    if head.pos_ == "ADJ" and any(c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > head.i for c in head.children):
        return True  # "makes it clear that ...": a small clause
    if head.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in head.children) and any(
            c.dep_ == "advcl" and c.i > head.i and any(
                m.lower_ in ("if", "when", "for") and m.dep_ == "mark" or m.lower_ == "to" and m.dep_ == "aux"
                for m in c.children)
            for c in head.children):
        return True
    return any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > head.i for c in head.children) or any(
        c.dep_ in ("ccomp", "xcomp", "acl", "relcl") for a in head.children if a.dep_ in ("acomp", "attr")
        for c in a.children)
