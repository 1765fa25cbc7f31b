"""Entries become statements: who said what (quotes and reported speech) and their stance on issues."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from standpoint.errors import InputError
from standpoint.loaders import nlp
from standpoint.loaders.attribution import Attribution, attribute, quoted_speaker, relative_reports
from standpoint.loaders.debate import aggregate, by_side
from standpoint.loaders.discovery import Known, RegistryNames, slug
from standpoint.loaders.hansard import parse_speaker
from standpoint.loaders.issues import IssueMatcher, IssueMention
from standpoint.loaders.mentions import Matcher, is_compatible, pronoun_gender
from standpoint.loaders.proposals import Named, is_found, under_debate
from standpoint.loaders.reading import Sentence, cue_words, parsed, sentences
from standpoint.loaders.registry import Registry
from standpoint.loaders.sides import DebateSides, Mover, Side, motion_mover, past_governments
from standpoint.loaders.stance import Stance, stances
from standpoint.loaders.syntax import SentenceParse
from standpoint.loaders.text_spans import Span, quotes
from standpoint.records import Actor, Entry, Mention, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Extraction", "Extractor", "slug"]

Paragraphs = list[tuple[nlp.Piece, list[Sentence]]]  # an entry's paragraphs and their sentences
QUOTE_MARKS = '"“”‘'
# A word that may name who holds a view: a capitalised word, or a pronoun for a person.
HOLDER_WORD = re.compile(r"(?<![\w-])(?:[A-Z][\w’'-]*|[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Hh]is|[Hh]er|[Tt]heir)(?![\w-])")
# A title naming a thing a House decides on, which a debate takes sides on as a whole.
DEBATED_THING = re.compile(r"\b(?:Bill|Order|Regulations|Motion)\b")
CAPITALISED = re.compile(r"(?<![\w-])[A-Z][\w’'-]*")
PROPER = frozenset({"NNP", "NNPS"})  # the tags of proper nouns
SHORT_QUOTE_WORDS = 3
SPEAKER_MEMORY = 5  # sentences a speaker stays the first candidate for "she" / "he"
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

BUSINESS = ("motion", "Bill", "Order", "Regulations")  # what a debate on "X" may be: the X motion, ...


@dataclass
class Extraction:
    """What one entry yields: its statements, the actors it mentions, its authors and speaker.

    `chair` marks a transcript entry spoken by the chair (or by many voices): no positions.
    `known` holds the actors discovered in the entry's source.
    """

    entry: Entry
    statements: list[Statement] = field(default_factory=list)
    about: str | None = None  # the issue the entry debates, when it says
    mentioned: set[str] = field(default_factory=set)
    authors: list[Actor] = field(default_factory=list)
    speaker: Actor | None = None
    office: str | None = None  # the registry role the speaker speaks in, if the header says
    speaker_party: str | None = None  # the party the header gives the speaker (an actor id)
    chair: bool = False
    known: Known | None = None

    def discovered_actors(self) -> list[Actor]:
        """The discovered actors this entry involves (speakers, authors, mentions) and the
        discovered parties and places they refer to: the entry's graph carries them."""
        if self.known is None:
            return []
        ids = {s.speaker_id for s in self.statements} | {s.holder for s in self.statements} | \
            {a.id for a in self.authors} | self.mentioned
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

    KEEP_PARSED = 2_000_000  # characters of parsed text kept between `prepare` and `extract`

    def __init__(self, registry: Registry):
        self.registry = registry
        self.matcher = Matcher(registry)
        self.issues = IssueMatcher(registry.issues)
        self.sources: dict[str, Known] = {}
        self.proposals: dict[str, Named] = {}  # per source
        self.debated_forms: dict[str, str] = {}  # a found issue under debate -> its words
        self.debate_sides = DebateSides()  # the side each party sits on, per debate
        self.names = RegistryNames(registry)
        self.registry_kinds = {a.id: a.type for a in registry.actors.values()}
        self.parsed: dict[tuple[str, str], Paragraphs] = {}
        self.cues = cue_words()
        self.known_words = self.names.not_names | {
            word for actor in registry.actors.values() for name in (actor.name, *actor.aliases)
            for word in CAPITALISED.findall(name)}

    def about(self, entry: Entry) -> str | None:
        """The issue an entry debates: its `about` field, else a title that names one issue (or
        is the name of one with "motion", "Bill", "Order" or "Regulations" after it).

        What the registry does not know is found in the text: an `about` written as words ("the
        Tourist Levy Bill") or a title naming a Bill, Order, Regulations or motion is a found
        issue (`under_debate`). An `about` written as an id that the registry lacks is a mistake.
        """
        if entry.about:
            issue = self.issues.resolve(entry.about)
            if issue is None and " " in entry.about.strip():
                issue = self._found_about(entry.about)
            if issue is None:
                raise InputError(f'"about" is "{entry.about[:80]}", which names no issue of the '
                                 "registry; give an issue id, label or alias, or the words that "
                                 "name what is debated", entry.origin or None, entry.line)
            return issue
        if entry.title:
            named = {m.issue_id for m in self.issues.find(entry.title, 0, len(entry.title), [])}
            if len(named) == 1:
                return named.pop()
            business = {i for i in (self.issues.resolve(f"{entry.title} {kind}") for kind in BUSINESS) if i}
            if not named and len(business) == 1:  # a debate titled "Rail Fares" on the Rail Fares motion
                return business.pop()
            if not named and DEBATED_THING.search(entry.title):
                return self._found_about(entry.title)
        return None

    def party_side(self, result: Extraction) -> tuple[Side, str] | None:
        """The side the speaker's party sits on in the debate, as the debate shows it (see
        `prepare`), and who showed it."""
        speaker = result.speaker
        if speaker is None or not speaker.party or result.about is None:
            return None
        return self.debate_sides.of(debate_of(result.entry, result.about), speaker.party)

    def mover(self, issue_id: str, entry: Entry) -> Mover | None:
        """Who moved the motion an entry debates: from the issue's text (a motion's words), else
        its label, its found words or the entry's title (loaders/sides.py)."""
        issue = self.registry.issues.get(issue_id)
        if issue is not None:
            return motion_mover(issue.description, issue.label, entry.title)
        return motion_mover("", self.debated_forms.get(issue_id, ""), entry.title)

    def _found_about(self, words: str) -> str | None:
        found = under_debate(words)
        if found is None:
            return None
        self.debated_forms[found.issue_id] = found.form
        return found.issue_id

    def wanted(self, entry: Entry) -> Callable[[str], bool]:
        """Which sentences of an entry are worth a full parse: those that can hold a statement,
        with a quote, or with someone to hold it (a name, a pronoun; in a speech, the speaker)
        and a speech or stance cue or an issue. In a debate on a known issue, every sentence."""
        if self._debated(entry):
            return lambda text: True
        regex = self.issues.regex
        speech = bool(entry.speaker)

        def worth(text: str) -> bool:
            if any(mark in text for mark in QUOTE_MARKS):
                return True
            holder = speech or bool(HOLDER_WORD.search(text))
            return holder and bool(self.cues.search(text) or (regex and regex.search(text)))
        return worth

    def _debated(self, entry: Entry) -> bool:
        """A speech in a debate on a known issue: every sentence of it may take a stance."""
        return bool(entry.speaker and self.about(entry))

    def parse(self, entries: list[Entry]) -> None:
        """Split the entries into sentences and parse, in one batch, those worth it; keep them
        for `extract` (within a budget of characters)."""
        todo = [e for e in entries if (e.origin, e.id) not in self.parsed]
        kept = sum(len(e.body) for e in entries if (e.origin, e.id) in self.parsed)
        read: list[Paragraphs] = []
        jobs: list[tuple[int, int, int]] = []  # (entry, paragraph, sentence) to parse in full
        for n, (entry, pieces) in enumerate(zip(todo, nlp.split(e.body for e in todo))):
            wanted = self.wanted(entry)
            paragraphs = []
            for k, piece in enumerate(pieces):
                found = sentences(entry.body, piece, quotes(entry.body, piece.start, piece.end))
                jobs += [(n, k, j) for j, one in enumerate(found) if wanted(entry.body[one.start:one.end])]
                paragraphs.append((piece, found))
            read.append(paragraphs)
        texts = [todo[n].body[read[n][k][1][j].start:read[n][k][1][j].end] for n, k, j in jobs]
        for (n, k, j), doc in zip(jobs, nlp.parse(texts, self.unknown_names)):
            read[n][k][1][j] = parsed(read[n][k][1][j], doc)
        for entry, paragraphs in zip(todo, read):
            if kept + len(entry.body) <= self.KEEP_PARSED or len(todo) == 1:
                self.parsed[(entry.origin, entry.id)] = paragraphs
                kept += len(entry.body)

    def unknown_names(self, doc: Doc) -> bool:
        """Does the sentence hold a name the registry does not explain: a capitalised word that
        no known name or title holds, tagged a proper noun or not the sentence's first word? Only
        then can the entity recogniser find someone new in it."""
        first = next((word.i for word in doc if word.is_alpha), 0)
        return any(word.is_alpha and word.text[0].isupper() and (word.tag_ in PROPER or word.i > first)
                   and word.text not in self.known_words for word in doc)

    def paragraphs(self, entry: Entry) -> Paragraphs:
        key = (entry.origin, entry.id)
        if key not in self.parsed:
            self.parse([entry])
        return self.parsed.pop(key)

    def _parsed(self, entry: Entry) -> Iterator[Sentence]:
        """The sentences of the entry that have a parse."""
        for _, found in self.parsed.get((entry.origin, entry.id), []):
            yield from (one for one in found if one.tokens is not None)

    def named(self, entry: Entry) -> Named:
        """The proposals the entry's source has taken sides on so far."""
        return self.proposals.setdefault(entry.origin, Named())

    def known(self, entry: Entry) -> Known:
        """What the entry's source knows (the registry and its discoveries)."""
        if entry.origin not in self.sources:
            self.sources[entry.origin] = Known(self.registry, self.names)
        return self.sources[entry.origin]

    def prepare(self, entries: Iterable[Entry]) -> None:
        """Parse the entries and discover the speakers, authors and people each source
        introduces, before extraction: an entry's statements depend on its whole source."""
        entries = list(entries)
        self.parse(entries)
        for entry in entries:
            result = self.introduce(entry, Extraction(entry))
            if result.about and result.speaker is not None and result.speaker.party and not result.chair:
                known = self.known(entry)
                past = {p for p in map(known.known_party, past_governments(entry.body)) if p}
                self.debate_sides.add(debate_of(entry, result.about), result.speaker.party,
                                      result.speaker.name, entry.body, past)
        for entry in entries:  # then those named only by a surname, once every full name is known
            for one in self._parsed(entry):
                self.known(entry).discover_speakers(one.tokens)
            self.known(entry).takes_pronoun(one.tokens for one in self._parsed(entry))

    def introduce(self, entry: Entry, result: Extraction) -> Extraction:
        """Authors, speaker (with party, constituency, office) and the people the body introduces."""
        known = result.known = self.known(entry)
        result.authors = [known.person(name) for name in entry.authors]
        if entry.speaker:
            speaker = parse_speaker(entry.speaker)
            result.chair = speaker.chair or not speaker.name
            if speaker.name:
                party = result.speaker_party = known.party(speaker.party) if speaker.party else None
                if entry.speaker_ref is not None:  # the corpus's id tells who it is, not the name
                    result.speaker = known.person_with_ref(
                        speaker.name, entry.speaker_ref.person, distinct=entry.speaker_ref.distinct,
                        party=party, gender=speaker.gender)
                else:
                    result.speaker = known.person(speaker.name, party=party, gender=speaker.gender,
                                                  constituency=speaker.constituency)
                if speaker.office:
                    result.office = known.office(result.speaker, speaker.office, day_of(entry.published))
        known.discover(entry.body)
        for one in self._parsed(entry):
            known.discover_entities(one.tokens)
        result.about = self.about(entry)
        return result

    def extract(self, entry: Entry) -> Extraction:
        paragraphs = self.paragraphs(entry)
        self.parsed[(entry.origin, entry.id)] = paragraphs
        try:
            result = self.introduce(entry, Extraction(entry))
        finally:
            self.parsed.pop((entry.origin, entry.id), None)
        if result.chair:
            return result  # the chair (or many voices): procedure, never positions
        _Reader(self, entry, result, paragraphs).read()
        return result


class _Reader:
    """Reads one entry sentence by sentence, remembering speakers and issues for what follows."""

    def __init__(self, extractor: Extractor, entry: Entry, result: Extraction,
                 paragraphs: Paragraphs):
        self.x = extractor
        self.entry = entry
        self.result = result
        self.paragraphs = paragraphs
        self.text = entry.body
        self.day = day_of(entry.published)
        assert result.known is not None
        self.known = result.known
        self.kinds = {**extractor.registry_kinds,
                      **{a.id: a.type for a in self.known.discovered.values()}}
        self.keys: set[tuple[str, int, int, str, str | None, str | None]] = set()
        self.recent_issues: list[IssueMention] = []
        self.seen: list[Mention] = []
        self.last_speakers: list[tuple[int, str]] = []  # (sentence number, actor id)
        self.sentence_no = 0
        self.about_named = 0  # the last sentence that named what the entry debates (0: the start)

    def read(self) -> None:
        carried: str | None = None  # the speaker of a quote the last paragraph left open
        for piece, found in self.paragraphs:
            quoted = quotes(self.text, piece.start, piece.end)
            previous = carried if _opens_with_quote(self.text, piece) else None
            for sentence in found:
                self.sentence_no += 1
                inner = [q for q in quoted if sentence.start <= q.start < sentence.end]
                previous = self.sentence(sentence, inner, previous)
            carried = previous if _left_open(self.text, piece) else None
        if self.result.speaker is not None and self.result.about is not None:
            self.result.statements = by_side(
                aggregate(self.result.statements, self.result.speaker.id, self.result.about),
                self.result.speaker.id, self.result.about, self.text, self.x.mover(self.result.about, self.entry),
                self.x.party_side(self.result))

    def sentence(self, sentence: Sentence, quoted: list[Span], previous: str | None) -> str | None:
        """Extract one sentence; returns the speaker of its quotes, for a quote that follows."""
        span = sentence.span
        mentions: list[Mention] = []
        for found_mention in self.x.matcher.find(self.text, self.day, span.start, span.end,
                                                 known=self.known):
            resolved = self.resolve(found_mention, mentions)
            if resolved.actor_id:
                mentions.append(resolved)
        parse = SentenceParse(sentence, self.known) if sentence.tokens is not None else None
        if parse is not None:
            mentions = parse.add_entities(mentions)
        self.result.mentioned.update(m.actor_id for m in mentions if m.via != "pronoun")
        found = self.x.issues.find(self.text, span.start, span.end, self.recent_issues,
                                   self.result.about)
        if parse is not None and found:
            found = parse.refers_back(found)
        if parse is not None and self.result.about and self.about_named == self.sentence_no - 1:
            found = parse.refers_to_debate(found, self.result.about)
        if any(m.issue_id == self.result.about for m in found):
            self.about_named = self.sentence_no
        if parse is not None:
            found = found + parse.proposals(found, mentions, self.x.named(self.entry))
        # a sentence left unparsed has no quote, issue or speech cue: it attributes nothing
        attribution = parse.attribution(quoted, mentions, self.kinds) if parse is not None else None
        own = self.result.speaker is not None and attribution is None
        issue_stances = self.stances(span, found, parse, mentions, own)
        if attribution is None and parse is not None and issue_stances:
            # a stance verb the parse does not take for speech ("Smith prefers X to Y"): the
            # clause rules' subject holds it
            attribution = attribute(self.text, span, mentions, quoted, self.kinds)
        if parse is not None:
            for outer in quoted:
                for inner, inner_source in parse.inner_quotes(self.text, outer, mentions):
                    self.quoted(inner_source.actor_id, [inner], issue_stances, 0.7, inner_source)
        for report in relative_reports(self.text, span, mentions, found, self.kinds):
            self.add(report.actor_id, span, "reported", [report.stance], 0.6, always=False)
        if self.result.speaker is not None:
            self.transcript(span, quoted, mentions, issue_stances, attribution)
            self.seen.extend(mentions)
            return None
        self.seen.extend(mentions)
        if attribution is None:
            self.held(span, issue_stances)
            if previous is None:
                quoted = [q for q in quoted if self.words(q) > SHORT_QUOTE_WORDS]
            speaker = previous or self.recent_speaker()
            if speaker and quoted:
                confidence = 0.75 if previous else 0.6
                self.quoted(speaker, quoted, issue_stances, confidence)
                return speaker
            return None
        quoted = self.report(attribution, span, quoted, mentions, issue_stances)
        return attribution.speakers[-1].actor_id if quoted else None

    def stances(self, span: Span, found: list[IssueMention], parse: SentenceParse | None,
                mentions: list[Mention], own: bool) -> list[Stance]:
        """Each issue's stance: composed along the parse where it decides, else the clause rules.

        `own`: a speech's sentence that reports nobody's words. When the parse gives the stance
        only to someone else ("it is disgusting that the last Government failed to implement
        X"), the clause rules still read the speaker's own.
        """
        if parse is None:
            return stances(self.text, span.start, span.end, found)
        rules: dict[int, Stance] | None = None
        result = []
        asked = parse.unanswered_question()
        for mention in found:
            composed = parse.stances(mention, mentions, found)
            if asked or (composed is None and mention.via == "found"):
                continue  # a found proposal has a stance only where the parse shows one
            if composed is None or (own and composed and all(c.holder_id for c in composed)):
                if rules is None:  # the clause rules run only where the parse left it open
                    rules = {id(s.mention): s for s in stances(self.text, span.start, span.end, found)}
                rule = rules.get(id(mention))
                result += [rule] if rule is not None else []
            result += composed or []
        return [_turned(s) if s.mention.rival else s for s in result]

    def held(self, span: Span, found: list[Stance]) -> None:
        """A sentence that reports someone's stance without a speech cue: "X backed a ban"."""
        for stance in found:
            if stance.holder_id:
                self.add(stance.holder_id, span, "reported", [stance], 0.7, always=False)

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
            self.quoted(mention.actor_id, quoted, issue_stances, confidence, mention, attribution.verb)
            self.reported(mention.actor_id, sentence, quoted, issue_stances, confidence - 0.1,
                          mention, attribution.verb)
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
            if self.sentence_no - number <= SPEAKER_MEMORY and is_compatible(actors.get(actor_id), gender):
                return Mention(actor_id, mention.start, mention.end, mention.text, "pronoun")
        for before in reversed(self.seen + earlier):
            if is_compatible(actors.get(before.actor_id), gender):
                return Mention(before.actor_id, mention.start, mention.end, mention.text, "pronoun")
        return mention

    def words(self, span: Span) -> int:
        return len(self.text[span.start:span.end].split())

    def recent_speaker(self) -> str | None:
        if self.last_speakers and self.sentence_no - self.last_speakers[-1][0] <= 1:
            return self.last_speakers[-1][1]
        return None

    def quoted(self, speaker: str, quoted: list[Span], found: list[Stance], confidence: float,
               source: Mention | None = None, cue: Span | None = None) -> None:
        for quote in quoted:
            inside = [s for s in found if _within(s.mention, quote)]
            level = confidence - (0.15 if self.words(quote) <= SHORT_QUOTE_WORDS else 0.0)
            self.add(speaker, quote, "direct", inside, level, always=True, source=source, cue=cue)

    def reported(self, speaker: str, sentence: Span, quoted: list[Span], found: list[Stance],
                 confidence: float, source: Mention | None = None, cue: Span | None = None) -> None:
        outside = [s for s in found if not any(_within(s.mention, q) for q in quoted)]
        self.add(speaker, sentence, "reported", outside, confidence, always=not quoted,
                 source=source, cue=cue)

    def first_person(self, sentence: Span, found: list[Stance]) -> None:
        """A transcript's sentences are its speaker's own words, unless they report someone else's."""
        assert self.result.speaker is not None
        self.add(self.result.speaker.id, sentence, "direct", found, 0.85, always=True)

    def add(self, speaker: str, span: Span, kind: str, found: list[Stance], confidence: float,
            always: bool, source: Mention | None = None, cue: Span | None = None) -> None:
        best: dict[tuple[str, str | None], Stance] = {}
        found = found + [replace(s, holder_id=None) for s in found
                         if s.holder_id and self.speaks_for(speaker, s.holder_id)]
        for stance in found:
            holder = stance.holder_id if stance.holder_id != speaker else None
            key = (stance.issue_id, holder)
            if key not in best or stance.confidence > best[key].confidence:
                best[key] = stance
        text = self.text[span.start:span.end]
        base: dict[str, Any] = {"entry_id": self.entry.id, "speaker_id": speaker, "text": text, "kind": kind,
                "start": span.start, "end": span.end, "published": self.entry.published,
                "cue_start": cue.start if cue else None, "cue_end": cue.end if cue else None,
                "source_start": source.start if source else None,
                "source_end": source.end if source else None}
        for (issue_id, holder), stance in best.items():
            if self._new((speaker, span.start, span.end, kind, issue_id, holder)):
                if cue is None:  # no speech cue: the word that shows the stance is the cue
                    base.update(cue_start=stance.cue_start, cue_end=stance.cue_end)
                self.result.statements.append(Statement(
                    **base, issue_id=issue_id, stance=stance.stance, holder_id=holder,
                    confidence=round(min(confidence, stance.confidence + 0.1), 2), cue=stance.cue,
                    issue_form=stance.mention.form or self._form(issue_id),
                ))
        if not best and always and self._new((speaker, span.start, span.end, kind, None, None)):
            self.result.statements.append(Statement(**base, confidence=round(confidence, 2)))

    def _form(self, issue_id: str | None) -> str | None:
        """The words naming a found issue under debate (what "the Bill" and "it" refer to)."""
        return self.x.debated_forms.get(issue_id or "") if is_found(issue_id) else None

    def speaks_for(self, speaker: str, holder: str) -> bool:
        """Does the speaker share an organisation's stance they report: their own party's, or the
        government's when they hold a government office that day ("the Home Secretary confirms
        the government will ...")?"""
        actor, org = self.known.get(speaker), self.known.get(holder)
        if actor is None or org is None or org.type != "organisation":
            return False
        if actor.party == holder:
            return True
        offices = self.known.roles_on(actor, self.day) if actor.discovered else \
            self.x.registry.roles_on(speaker, self.day)
        return org.kind == "government" and any(
            (o := self.known.get(role.organisation or "")) is not None and o.kind == "government"
            for role in offices)

    def _new(self, key: tuple[str, int, int, str, str | None, str | None]) -> bool:
        """Each speaker, span, kind, issue and holder gives one statement (its id is made of them)."""
        if key in self.keys:
            return False
        self.keys.add(key)
        return True


def debate_of(entry: Entry, about: str) -> tuple[str, str, str]:
    """One debate: its source, what it debates and its day."""
    return entry.origin, about, day_of(entry.published).isoformat()


def _within(mention: IssueMention, quote: Span) -> bool:
    """Is the issue named wholly inside the quote (so the quote, not the report, carries it)?"""
    return quote.start <= mention.start and mention.end <= quote.end


def _opens_with_quote(text: str, piece: nlp.Piece) -> bool:
    """Does this paragraph start with a quote mark (a quote that may go on from the last one)?"""
    return text[piece.start:piece.end].lstrip()[:1] in ('"', "“", "‘")


def _left_open(text: str, piece: nlp.Piece) -> bool:
    """Does this paragraph leave a double quote open (it goes on in the next paragraph)?"""
    chunk = text[piece.start:piece.end]
    straight = chunk.count('"') % 2 == 1
    return straight or chunk.count("“") > chunk.count("”")


def _turned(stance: Stance) -> Stance:
    """A stance on what stands against an issue (an amendment to a motion, or what a motion
    would annul) is the opposite one on the issue."""
    other = "opposes" if stance.stance == "supports" else "supports"
    against = "the amendment" if stance.mention.via == "amendment" else "what the motion would undo"
    return replace(stance, stance=other, cue=f"{stance.cue} ({against})")
