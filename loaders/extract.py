"""Entries become statements: who said what (quotes and reported speech) and their stance on issues."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from standpoint.loaders.attribution import Attribution, attribute, quoted_speaker, relative_reports
from standpoint.loaders.discovery import Known, RegistryNames, slug
from standpoint.loaders.hansard import parse_speaker
from standpoint.loaders.issues import IssueMatcher, IssueMention
from standpoint.loaders.mentions import Matcher, is_compatible, pronoun_gender
from standpoint.loaders.registry import Registry
from standpoint.loaders.stance import Stance, stances
from standpoint.loaders.text_spans import Span, paragraphs, quotes, sentences
from standpoint.records import Actor, Entry, Mention, Statement

__all__ = ["Extraction", "Extractor", "slug"]

SHORT_QUOTE_WORDS = 3
# Words that make the speaker of a transcript the subject ("I welcome what the Minister said");
# "my hon. Friend" names another member.
FIRST_PERSON = re.compile(r"(?<![\w’'-])(?:I|[Ww]e|[Mm]y|[Oo]ur|us|me)(?![\w’'-])"
                          r"(?!\s+(?:right\s+)?hon\.?\s+(?:and\s+\w+\s+)?(?:Friend|Member|Lady|Gentleman))")
# An actor right after these words is an object or in a subordinate clause, not the subject.
SUBORDINATE = re.compile(
    r"(?<![\w-])(?:that|which|who|whom|whether|if|than|to|for|thank|ask|asks|urge|tell|with|by|"
    r"about|against|on|whatever)\s+(?:(?:the|a|an|my|our|this|her|his|their)\s+)?$",
    re.IGNORECASE,
)


@dataclass
class Extraction:
    """What one entry yields: its statements, the actors it mentions, its authors and speaker.

    `chair` marks a transcript entry spoken by the chair (or by many voices): no positions.
    `known` holds the actors discovered in the entry's source.
    """

    entry: Entry
    statements: list[Statement] = field(default_factory=list)
    mentioned: set[str] = field(default_factory=set)
    authors: list[Actor] = field(default_factory=list)
    speaker: Actor | None = None
    office: str | None = None  # the registry role the speaker speaks in, if the header says
    chair: bool = False
    known: Known | None = None

    def discovered_actors(self) -> list[Actor]:
        """The discovered actors this entry involves (speakers, authors, mentions) and the
        discovered parties and places they refer to: the entry's graph carries them."""
        if self.known is None:
            return []
        ids = {s.speaker_id for s in self.statements} | {a.id for a in self.authors} | self.mentioned
        if self.speaker is not None:
            ids.add(self.speaker.id)
        return self.known.actors_for(ids)


def day_of(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


class Extractor:
    """Extracts statements from entries against one registry.

    The registry is never changed: the people, parties and places a source introduces are kept
    per source (`Known`), so each source gives the same statements whatever else is built with it.
    Call `prepare(entries)` first to let every entry of a source see everyone that source
    introduces, wherever in the source they are introduced.
    """

    def __init__(self, registry: Registry):
        self.registry = registry
        self.matcher = Matcher(registry)
        self.issues = IssueMatcher(registry.issues)
        self.sources: dict[str, Known] = {}
        self.names = RegistryNames(registry)
        self.registry_kinds = {a.id: a.type for a in registry.actors.values()}

    @property
    def kinds(self) -> dict[str, str]:
        return dict(self.registry_kinds)

    def known(self, entry: Entry) -> Known:
        """What the entry's source knows (the registry and its discoveries)."""
        if entry.origin not in self.sources:
            self.sources[entry.origin] = Known(self.registry, self.names)
        return self.sources[entry.origin]

    def prepare(self, entries: Iterable[Entry]) -> str:
        """Discover the speakers, authors and people each source introduces, before extraction.

        Returns a fingerprint of what the entries' sources introduced: an entry's statements
        depend on it as well as on the entry itself.
        """
        origins: dict[str, None] = {}
        for entry in entries:
            self.introduce(entry, Extraction(entry))
            origins[entry.origin] = None
        return "".join(self.sources[origin].digest() for origin in origins)

    def introduce(self, entry: Entry, result: Extraction) -> Extraction:
        """Authors, speaker (with party, constituency, office) and the people the body introduces."""
        known = result.known = self.known(entry)
        result.authors = [known.person(name) for name in entry.authors]
        if entry.speaker:
            speaker = parse_speaker(entry.speaker)
            result.chair = speaker.chair or not speaker.name
            if speaker.name:
                party = known.party(speaker.party) if speaker.party else None
                result.speaker = known.person(speaker.name, party=party, gender=speaker.gender,
                                              constituency=speaker.constituency)
                if speaker.office:
                    result.office = known.office(result.speaker, speaker.office, day_of(entry.published))
        known.discover(entry.body)
        return result

    def extract(self, entry: Entry) -> Extraction:
        result = self.introduce(entry, Extraction(entry))
        if result.chair:
            return result  # the chair (or many voices): procedure, never positions
        _Reader(self, entry, result).read()
        return result


class _Reader:
    """Reads one entry sentence by sentence, remembering speakers and issues for what follows."""

    def __init__(self, extractor: Extractor, entry: Entry, result: Extraction):
        self.x = extractor
        self.entry = entry
        self.result = result
        self.text = entry.body
        self.day = day_of(entry.published)
        assert result.known is not None
        self.known = result.known
        self.kinds = {**extractor.registry_kinds,
                      **{a.id: a.type for a in self.known.discovered.values()}}
        self.keys: set[tuple[str, int, int, str, str | None]] = set()
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
        for found_mention in self.x.matcher.find(self.text, self.day, sentence.start, sentence.end,
                                                 known=self.known):
            resolved = self.resolve(found_mention, mentions)
            if resolved.actor_id:
                mentions.append(resolved)
        self.result.mentioned.update(m.actor_id for m in mentions if m.via != "pronoun")
        found = self.x.issues.find(self.text, sentence.start, sentence.end, self.recent_issues)
        issue_stances = stances(self.text, sentence.start, sentence.end, found)
        attribution = attribute(self.text, sentence, mentions, quoted, self.kinds)
        for report in relative_reports(self.text, sentence, mentions, found, self.kinds):
            self.add(report.actor_id, sentence, "reported", [report.stance], 0.6, always=False)
        if self.result.speaker is not None:
            self.transcript(sentence, quoted, mentions, issue_stances, attribution)
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
        quoted = self.report(attribution, sentence, quoted, mentions, issue_stances)
        return attribution.speakers[-1].actor_id if quoted else None

    def report(self, attribution: Attribution, sentence: Span, quoted: list[Span],
               mentions: list[Mention], issue_stances: list[Stance]) -> list[Span]:
        """A sentence reporting what someone said: their quotes and the report itself."""
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
        return quoted

    def transcript(self, sentence: Span, quoted: list[Span], mentions: list[Mention],
                   issue_stances: list[Stance], attribution: Attribution | None) -> None:
        """A sentence of a speech: the speaker's own words, unless it reports someone else's.

        A report needs a declarative sentence whose subject is another actor ("In January, the
        Home Secretary said that ..."); questions, first-person sentences ("I welcome what the
        Minister announced") and actors in subordinate clauses stay the speaker's. A report is
        still the speaker's words (a direct statement with no stance), and the stance goes to whom
        it reports. A sentence that is wholly a quotation is someone else's words, not the speaker's.
        """
        assert self.result.speaker is not None
        speaker = self.result.speaker.id
        if attribution is not None and speaker not in {m.actor_id for m in attribution.speakers} \
                and self.reports_other(sentence, attribution):
            self.report(attribution, sentence, quoted, mentions, issue_stances)
            self.add(speaker, sentence, "direct", [], 0.85, always=True)
            return
        inside = sum(q.end - q.start for q in quoted)
        if quoted and inside >= 0.8 * (sentence.end - sentence.start - 2):
            return  # a quotation read out: someone else's words
        self.first_person(sentence, issue_stances)

    def reports_other(self, sentence: Span, attribution: Attribution) -> bool:
        """Is this sentence of a speech a report of another actor's words (see `transcript`)?"""
        said = self.text[sentence.start:sentence.end].rstrip(" \"'”’)")
        if said.endswith("?"):
            return False
        subject = attribution.speakers[0]
        before = self.text[sentence.start:subject.start]
        upto = self.text[sentence.start:max(attribution.verb.start, subject.end)]
        inside = range(subject.start - sentence.start, subject.end - sentence.start)
        if any(m.start() not in inside for m in FIRST_PERSON.finditer(upto)):
            return False
        return not SUBORDINATE.search(before)

    def resolve(self, mention: Mention, earlier: list[Mention]) -> Mention:
        """Resolve a pronoun or description: the last compatible speaker, else person named."""
        if mention.actor_id:
            return mention
        if earlier:
            return self._resolve(mention, earlier)
        return self._resolve(mention, [])

    def _resolve(self, mention: Mention, earlier: list[Mention]) -> Mention:
        gender = pronoun_gender(mention)
        actors = self.known
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
        base = {"entry_id": self.entry.id, "speaker_id": speaker, "text": text, "kind": kind,
                "start": span.start, "end": span.end, "published": self.entry.published}
        for stance in best.values():
            if self._new((speaker, span.start, span.end, kind, stance.issue_id)):
                self.result.statements.append(Statement(
                    **base, issue_id=stance.issue_id, stance=stance.stance,
                    confidence=round(min(confidence, stance.confidence + 0.1), 2), cue=stance.cue,
                ))
        if not best and always and self._new((speaker, span.start, span.end, kind, None)):
            self.result.statements.append(Statement(**base, confidence=round(confidence, 2)))

    def _new(self, key: tuple[str, int, int, str, str | None]) -> bool:
        """Each speaker, span, kind and issue gives one statement (its id is made of them)."""
        if key in self.keys:
            return False
        self.keys.add(key)
        return True


def _within(mention: IssueMention, quote: Span) -> bool:
    """Is the issue named wholly inside the quote (so the quote, not the report, carries it)?"""
    return quote.start <= mention.start and mention.end <= quote.end
