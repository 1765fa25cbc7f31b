"""A speech's stance on the thing under debate, aggregated from its sentences.

In a debate on a motion or a Bill (an entry with `about`, or a title naming an issue), each
sentence that takes a stance on it votes with its confidence; the speech's stance is the sign of
the sum, and sentences on the losing side keep their words but lose their stance, so that the
speech has one stance with its evidence ("I have doubts about clause 3, but I will vote for the
Bill" supports the Bill). An even split stays mixed.

A speech that never takes a stance on what it debates in words may still show the side of the
House it speaks from, and so where it stands on a motion moved from one side (loaders/sides.py):
`by_side` gives that stance, weakly, on the sentence that shows the side. Its evaluative tone
was measured as a fallback too and predicts its stance no better than chance (README, "Measured
on text nobody here wrote"), so it is not used.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from standpoint.loaders.sides import CONFIDENCE, PARTY_CONFIDENCE, Mover, Side, side_shown, stance_of_side
from standpoint.records import Statement

__all__ = ["aggregate", "by_side"]


def aggregate(statements: list[Statement], speaker: str, issue: str) -> list[Statement]:
    """The statements of a speech, with one stance of the speaker's on the debated issue.

    >>> from datetime import date
    >>> said = [Statement("e", "jo", "I doubt clause 3.", "direct", 0, 17, date(2025, 1, 1),
    ...                   "bill", "opposes", 0.5),
    ...         Statement("e", "jo", "I will vote for the Bill.", "direct", 18, 43, date(2025, 1, 1),
    ...                   "bill", "supports", 0.85)]
    >>> [(s.stance, s.issue_id) for s in aggregate(said, "jo", "bill")]
    [(None, None), ('supports', 'bill')]
    """
    own = [s for s in statements if s.issue_id == issue and s.stance and s.holder == speaker]
    score = sum((1 if s.stance == "supports" else -1) * s.confidence for s in own)
    if not own or not score:
        return statements
    side = "supports" if score > 0 else "opposes"
    return [replace(s, issue_id=None, stance=None, cue=None, issue_form=None) if s in own and s.stance != side else s
            for s in statements]


def by_side(statements: list[Statement], speaker: str, issue: str, body: str,
            mover: Mover | None, party_side: tuple[Side, str] | None = None) -> list[Statement]:
    """The statements of a speech that states no stance on the issue it debates, with the stance
    of its side of the House. The side is its party's, as the whole debate shows it
    (`party_side`: the side and who showed it); a speaker with no party has the side their own
    words show. When the speech's own words show that side, the stance goes on the sentence
    that shows it; else, weaker, on the speech's first sentence.

    >>> from datetime import date
    >>> body = "Opposition Members never funded it."
    >>> said = [Statement("e", "jo", body, "direct", 0, len(body), date(2025, 1, 1))]
    >>> [(s.stance, s.cue) for s in by_side(said, "jo", "m", body, "not government")]
    [('opposes', 'side of the House: government (Opposition Members)')]
    >>> by_side(said, "jo", "m", body, None) == said
    True
    >>> body = "The depot closed."
    >>> said = [Statement("e", "al", body, "direct", 0, len(body), date(2025, 1, 1))]
    >>> [(s.stance, s.confidence, s.cue) for s in by_side(said, "al", "m", body, "government",
    ...                                                   ("government", 'Jo: "Opposition Members"'))]
    [('supports', 0.2, 'side of the House: government, as the debate shows (Jo: "Opposition Members")')]
    """
    if mover is None or any(s.issue_id == issue and s.stance and s.holder == speaker for s in statements):
        return statements
    own = [s for s in statements if s.speaker_id == speaker and s.holder_id is None and s.issue_id is None]
    shown = side_shown(body)
    on: Statement | None = None
    if shown is not None and (party_side is None or party_side[0] == shown[0]):
        side, start, end = shown
        on = next((s for s in own if s.start <= start < s.end), None)
        change: dict[str, Any] = {"confidence": CONFIDENCE, "cue": f"side of the House: {side} ({body[start:end]})",
                                  "cue_start": start, "cue_end": end}
    if on is None and party_side is not None and own:
        side, shown_by = party_side
        on = own[0]
        change = {"confidence": PARTY_CONFIDENCE,
                  "cue": f"side of the House: {side}, as the debate shows ({shown_by})"}
    if on is None:
        return statements
    stance = stance_of_side(side, mover)
    return [replace(s, issue_id=issue, stance=stance, **change) if s is on else s for s in statements]
