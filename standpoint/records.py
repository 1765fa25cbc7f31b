"""Typed records that cross every boundary: loaders yield Entries, extraction yields Statements.

The graph layer writes only these; nothing else reaches the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class CorpusRole:
    """An office a corpus says a speaker held (ParlaMint's `<affiliation role= ref= from= to=>`):
    a role `id` and `label` made from the corpus's own, and the days it was held (both included)."""

    id: str
    label: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class SpeakerRef:
    """Who a corpus says spoke an entry, by the corpus's own ids ("ParlaMint-GB#StephenKinnock").

    `person` and `party` are the ids of the speaker and of their party on the entry's day, each
    written `corpus#id`. `distinct` is set when another person of the corpus has the same name:
    the id, not the name, then tells them apart. `roles` are the offices the corpus gives them.
    """

    person: str
    party: str | None = None
    roles: tuple[CorpusRole, ...] = ()
    distinct: bool = False


@dataclass(frozen=True)
class Entry:
    """One post of a live blog or one speech of a debate.

    `published` is a timezone-aware datetime, or a date for date-only sources.
    `body` is the text statements are extracted from; every span points into it.
    `captions` are media and image captions: kept for display, never treated as speech.
    `about` names what the entry debates (an issue id or label), when the source says.
    `speaker_ref` is the speaker by a corpus's own ids, when the source gives them (ParlaMint).
    """

    id: str
    published: datetime | date
    body: str
    title: str = ""
    speaker: str | None = None
    authors: tuple[str, ...] = ()
    author_roles: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    label: str | None = None
    captions: tuple[str, ...] = ()
    about: str | None = None
    speaker_ref: SpeakerRef | None = None
    origin: str = ""
    line: int | None = None

    @property
    def published_iso(self) -> str:
        return self.published.isoformat()


@dataclass(frozen=True)
class Mention:
    """A place in an entry's body where an actor is named, titled or referred to."""

    actor_id: str
    start: int
    end: int
    text: str
    via: str = "name"  # name | alias | surname | role | pronoun | speaker | title


@dataclass(frozen=True)
class Statement:
    """A quote or a reported claim, attributed to a speaker, with its stance on one issue.

    `start`/`end` are character offsets of `text` (the content) in the entry's body:
    body[start:end] == text. `issue_id` and `stance` are None when the statement concerns no
    known issue.

    The speaker is who said it; the holder is whose position it shows (None: the speaker). When
    Jane Doe says "the chancellor has accepted our call for X", the chancellor's stance on X is a
    statement spoken by Doe and held by the chancellor. `cue_start`/`cue_end` locate the speech
    or stance cue ("said", "according to") and `source_start`/`source_end` the words naming the
    speaker, when the text names them there (provenance, as attribution corpora mark them).
    """

    entry_id: str
    speaker_id: str
    text: str
    kind: str  # direct | reported
    start: int
    end: int
    published: datetime | date
    issue_id: str | None = None
    stance: str | None = None  # supports | opposes
    confidence: float = 0.0
    cue: str | None = None
    holder_id: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    source_start: int | None = None
    source_end: int | None = None
    issue_form: str | None = None  # how the text names a found issue (loaders/proposals.py)

    @property
    def holder(self) -> str:
        """Whose position the statement shows: its holder, else its speaker."""
        return self.holder_id or self.speaker_id


@dataclass
class Actor:
    """A person, organisation or place, from the registry or discovered in the text."""

    id: str
    name: str
    type: str  # person | organisation | place
    aliases: tuple[str, ...] = ()
    party: str | None = None
    gender: str | None = None
    wikidata: str | None = None
    kind: str | None = None  # for organisations: party, government, media, ...
    located_in: str | None = None
    constituency: str | None = None
    roles: list[RoleHolding] = field(default_factory=list)
    discovered: bool = False


@dataclass(frozen=True)
class Role:
    id: str
    label: str
    aliases: tuple[str, ...] = ()
    organisation: str | None = None


@dataclass(frozen=True)
class RoleHolding:
    role_id: str
    start: date | None = None
    end: date | None = None

    def held_on(self, day: date) -> bool:
        return within(day, self.start, self.end)


def within(day: date, start: date | None, end: date | None) -> bool:
    """Is the day inside the dates (either open when None)?"""
    return (start is None or start <= day) and (end is None or day <= end)


@dataclass(frozen=True)
class Issue:
    """A proposal under debate, e.g. a national inquiry into grooming gangs."""

    id: str
    label: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    source: str = "registry"  # registry | found (in the text: loaders/proposals.py)
