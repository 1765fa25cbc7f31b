"""Colours and shapes of the network page: party colours, stance colours, node styles.

Party colours are looked up by words of the party's display name, so "Labour Party",
"Scottish Labour" and "Labour" share one colour; an unknown party gets a neutral grey.

>>> party_colour("Conservative and Unionist Party")
'#0087DC'
>>> party_colour("Monster Raving Loony Party")
'#9AA0A6'

An actor with no party is drawn with no fill at all (NO_PARTY) and a dashed border, so it is not
mistaken for a party whose colour is unknown (NEUTRAL).
"""

from __future__ import annotations

import re

__all__ = [
    "CONTEXT_EDGE",
    "KNOWN_PARTIES",
    "NEUTRAL",
    "NODE_STYLES",
    "NO_PARTY",
    "PARTY_COLOURS",
    "STANCE_COLOURS",
    "party_colour",
    "party_key",
]

NEUTRAL = "#9AA0A6"
NO_PARTY = "#FFFFFF"

# (words that must all appear in the name, colour); the first match wins, so put the
# more specific names ("democratic unionist") before the words they contain ("unionist").
PARTY_COLOURS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("social", "democratic", "labour"), "#2AA82C"),
    (("labour",), "#E4003B"),
    (("conservative",), "#0087DC"),
    (("tory",), "#0087DC"),
    (("tories",), "#0087DC"),
    (("reform",), "#12B6CF"),
    (("liberal", "democrat"), "#FAA61A"),
    (("lib", "dem"), "#FAA61A"),
    (("green",), "#02A95B"),
    (("scottish", "national"), "#FDF38E"),
    (("snp",), "#FDF38E"),
    (("plaid",), "#005B54"),
    (("democratic", "unionist"), "#D46A4C"),
    (("dup",), "#D46A4C"),
    (("ulster", "unionist"), "#48A5EE"),
    (("sinn",), "#326760"),
    (("alliance",), "#F6CB2F"),
    (("independent",), "#DDDDDD"),
)

# Names an organisation node may carry when it is itself a party (compared lower-cased).
KNOWN_PARTIES = frozenset(
    {
        "labour",
        "labour party",
        "the labour party",
        "scottish labour",
        "welsh labour",
        "conservative",
        "conservatives",
        "conservative party",
        "the conservative party",
        "conservative and unionist party",
        "reform",
        "reform uk",
        "reform party",
        "liberal democrats",
        "liberal democrat",
        "lib dems",
        "the liberal democrats",
        "green party",
        "green party of england and wales",
        "scottish green party",
        "greens",
        "scottish national party",
        "snp",
        "plaid cymru",
        "democratic unionist party",
        "dup",
        "ulster unionist party",
        "sinn féin",
        "sinn fein",
        "alliance party",
        "sdlp",
        "social democratic and labour party",
    }
)

STANCE_COLOURS: dict[str, str] = {
    "supports": "#2E7D32",
    "opposes": "#C62828",
    "mixed": "#F29F05",
}

CONTEXT_EDGE = "#A0A4AA"

# vis-network shape and default colours per node type.
NODE_STYLES: dict[str, dict[str, str]] = {
    "person": {"shape": "dot", "background": NO_PARTY, "border": "#4A4F55"},
    "organisation": {"shape": "square", "background": NO_PARTY, "border": "#4A4F55"},
    "issue": {"shape": "box", "background": "#263238", "border": "#11181C"},
    "place": {"shape": "triangle", "background": "#B9DDD6", "border": "#3E7C72"},
}


def _words(name: str) -> set[str]:
    """The lower-case words of a name, each also without a plural "s" ("Democrats": "democrat").

    >>> sorted(_words("Liberal Democrats"))
    ['democrat', 'democrats', 'liberal']
    """
    words = set(re.findall(r"[a-z]+", name.lower()))
    return words | {word[:-1] for word in words if word.endswith("s") and len(word) > 3}


def party_key(name: str) -> tuple[str, ...] | None:
    """The words of the colour-table row a party name matches, or None."""
    words = _words(name)
    for keys, _colour in PARTY_COLOURS:
        if set(keys) <= words:
            return keys
    return None


def party_colour(name: str | None) -> str:
    """The display colour of a party, by the words of its name; NEUTRAL when unknown."""
    key = party_key(name or "")
    if key is None:
        return NEUTRAL
    return dict(PARTY_COLOURS)[key]
