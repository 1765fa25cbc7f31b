"""Entries become statements: who said what (quotes and reported speech) and their stance on issues."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from standpoint.loaders.attribution import attribute, quoted_speaker
from standpoint.loaders.hansard import PARTIES, parse_speaker
from standpoint.loaders.issues import IssueMatcher, IssueMention
from standpoint.loaders.mentions import Matcher, is_compatible, pronoun_gender
from standpoint.loaders.registry import Registry
from standpoint.loaders.stance import Stance, stances
from standpoint.loaders.text_spans import Span, paragraphs, quotes, sentences
from standpoint.records import Actor, Entry, Mention, Statement

SHORT_QUOTE_WORDS = 3


@dataclass
class Extraction:
    """What one entry yields: its statements, the actors it mentions, its authors and speaker."""

    entry: Entry
    statements: list[Statement] = field(default_factory=list)
    mentioned: set[str] = field(default_factory=set)
    authors: list[Actor] = field(default_factory=list)
    speaker: Actor | None = None


def slug(name: str) -> str:
    """An id for a discovered actor: lower-case words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "unnamed"


def day_of(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


class Extractor:
    """Extracts statements from entries against one registry (which grows with discovered actors)."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.matcher = Matcher(registry)
        self.issues = IssueMatcher(registry.issues)

    @property
    def kinds(self) -> dict[str, str]:
        return {a.id: a.type for a in self.registry.actors.values()}

    def extract(self, entry: Entry) -> Extraction:
        result = Extraction(entry)
        result.authors = [self.person(name) for name in entry.authors]
        if entry.speaker:
            result.speaker = self.transcript_speaker(entry.speaker, day_of(entry.published))
            if result.speaker is None:
                return result  # the chair: procedure, never positions
        _Reader(self, entry, result).read()
        return result

    def person(self, name: str, party: str | None = None) -> Actor:
        """The registry person of that name or alias, or a discovered one."""
        name = " ".join(name.split())
        for actor in self.registry.actors.values():
            if actor.type == "person" and (actor.name == name or name in actor.aliases):
                return actor
        return self.registry.add(Actor(slug(name), name, "person", party=party, discovered=True))

    def transcript_speaker(self, text: str, day: date) -> Actor | None:
        """The actor speaking a transcript entry; None for the chair, who takes no positions."""
        speaker = parse_speaker(text)
        if speaker.chair or not speaker.name:
            return None
        party = self.party(speaker.party) if speaker.party else None
        return self.person(speaker.name, party)

    def party(self, code: str) -> str | None:
        name = PARTIES.get(code, code)
        for actor in self.registry.actors.values():
            if actor.kind == "party" and (actor.name == name or name in actor.aliases):
                return actor.id
        return None


class _Reader:
    """Reads one entry sentence by sentence, remembering speakers and issues for what follows."""

    def __init__(self, extractor: Extractor, entry: Entry, result: Extraction):
        self.x = extractor
        self.entry = entry
        self.result = result
        self.text = entry.body
        self.day = day_of(entry.published)
        self.kinds = extractor.kinds
        self.recent_issues: list[IssueMention] = []
        self.seen: list[Mention] = []
        self.last_speakers: list[tuple[int, str]] = []  # (sentence number, actor id)
        self.sentence_no = 0

    def read(self) -> None:
        for para in paragraphs(self.text):
            quoted = quotes(self.text, para.start, para.end)
            previous: str | None = None
            for sentence in sentences(self.text, para, quoted):
                self.sentence_no += 1
                inner = [q for q in quoted if sentence.start <= q.start < sentence.end]
                previous = self.sentence(sentence, inner, previous)

    def sentence(self, sentence: Span, quoted: list[Span], previous: str | None) -> str | None:
        """Extract one sentence; returns the speaker of its quotes, for a quote that follows."""
        mentions: list[Mention] = []
        for found_mention in self.x.matcher.find(self.text, self.day, sentence.start, sentence.end):
            resolved = self.resolve(found_mention, mentions)
            if resolved.actor_id:
                mentions.append(resolved)
        self.result.mentioned.update(m.actor_id for m in mentions)
        found = self.x.issues.find(self.text, sentence.start, sentence.end, self.recent_issues)
        issue_stances = stances(self.text, sentence.start, sentence.end, found)
        attribution = attribute(self.text, sentence, mentions, quoted, self.kinds)
        speaker = self.result.speaker
        if speaker is not None and (attribution is None or speaker.id in
                                    {m.actor_id for m in attribution.speakers}):
            self.first_person(sentence, issue_stances)
            self.seen.extend(mentions)
            return None
        self.seen.extend(mentions)
        if attribution is None:
            if previous is None:
                quoted = [q for q in quoted if self.words(q) > SHORT_QUOTE_WORDS]
            speaker = previous or self.recent_speaker()
            if speaker and quoted:
                confidence = 0.75 if previous else 0.6
                self.quoted(speaker, quoted, issue_stances, confidence)
                return speaker
            return None
        nested = {q: quoted_speaker(self.text, attribution, q, mentions, self.kinds) for q in quoted}
        for quote, speaker in nested.items():
            if speaker:
                self.quoted(speaker, [quote], issue_stances, 0.7)
        quoted = [q for q in quoted if not nested[q]]
        for mention in attribution.speakers:
            self.last_speakers.append((self.sentence_no, mention.actor_id))
            confidence = 0.9 if mention.via != "pronoun" else 0.8
            self.quoted(mention.actor_id, quoted, issue_stances, confidence)
            self.reported(mention.actor_id, sentence, quoted, issue_stances, confidence - 0.1)
        return attribution.speakers[-1].actor_id if quoted else None

    def resolve(self, mention: Mention, earlier: list[Mention]) -> Mention:
        """Resolve a pronoun or description: the last compatible speaker, else person named."""
        if mention.actor_id:
            return mention
        if earlier:
            return self._resolve(mention, earlier)
        return self._resolve(mention, [])

    def _resolve(self, mention: Mention, earlier: list[Mention]) -> Mention:
        gender = pronoun_gender(mention)
        actors = self.x.registry.actors
        for before in reversed(earlier):
            if is_compatible(actors.get(before.actor_id), gender):
                return Mention(before.actor_id, mention.start, mention.end, mention.text, "pronoun")
        for number, actor_id in reversed(self.last_speakers):
            if self.sentence_no - number <= 3 and is_compatible(actors.get(actor_id), gender):
                return Mention(actor_id, mention.start, mention.end, mention.text, "pronoun")
        for before in reversed(self.seen + earlier):
            if is_compatible(actors.get(before.actor_id), gender):
                return Mention(before.actor_id, mention.start, mention.end, mention.text, "pronoun")
        return mention

    def words(self, span: Span) -> int:
        return len(self.text[span.start:span.end].split())

    def recent_speaker(self) -> str | None:
        if self.last_speakers and self.sentence_no - self.last_speakers[-1][0] <= 2:
            return self.last_speakers[-1][1]
        return None

    def quoted(self, speaker: str, quoted: list[Span], found: list[Stance], confidence: float) -> None:
        for quote in quoted:
            inside = [s for s in found if _within(s.mention, quote)]
            level = confidence - (0.15 if self.words(quote) <= SHORT_QUOTE_WORDS else 0.0)
            self.add(speaker, quote, "direct", inside, level, always=True)

    def reported(self, speaker: str, sentence: Span, quoted: list[Span], found: list[Stance],
                 confidence: float) -> None:
        outside = [s for s in found if not any(_within(s.mention, q) for q in quoted)]
        self.add(speaker, sentence, "reported", outside, confidence, always=not quoted)

    def first_person(self, sentence: Span, found: list[Stance]) -> None:
        """A transcript's sentences are its speaker's own words, unless they report someone else's."""
        assert self.result.speaker is not None
        self.add(self.result.speaker.id, sentence, "direct", found, 0.85, always=True)

    def add(self, speaker: str, span: Span, kind: str, found: list[Stance], confidence: float,
            always: bool) -> None:
        best: dict[str, Stance] = {}
        for stance in found:
            if stance.issue_id not in best or stance.confidence > best[stance.issue_id].confidence:
                best[stance.issue_id] = stance
        text = self.text[span.start:span.end]
        base = dict(entry_id=self.entry.id, speaker_id=speaker, text=text, kind=kind,
                    start=span.start, end=span.end, published=self.entry.published)
        for stance in best.values():
            self.result.statements.append(Statement(
                **base, issue_id=stance.issue_id, stance=stance.stance,
                confidence=round(min(confidence, stance.confidence + 0.1), 2), cue=stance.cue,
            ))
        if not best and always:
            self.result.statements.append(Statement(**base, confidence=round(confidence, 2)))


def _within(mention: IssueMention, quote: Span) -> bool:
    """Is the issue named wholly inside the quote (so the quote, not the report, carries it)?"""
    return quote.start <= mention.start and mention.end <= quote.end
