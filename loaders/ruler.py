"""spaCy's attribute ruler, with the same patterns and the same result, several times faster.

The English pipelines' `attribute_ruler` maps each token's fine tag (and a few words and
dependency labels) to its part of speech, morphology and some lemmas, through ~180 Matcher
patterns run over every token: a fifth of the pipeline's time. Nearly all its patterns are one
token long, and whether one matches depends only on the token's tag, lower-case form,
dependency label and whether it is a space. `FastRuler` answers those once per distinct
combination (there are few: text repeats its words) and runs only the longer patterns through
a Matcher. The matches are then applied exactly as the stock ruler applies them: in the order
the patterns were added, later ones overriding earlier ones.

A ruler with a pattern this does not understand (another attribute or operator) is used as
it is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["faster"]

# The token attributes a one-token pattern may test, and how to read them.
_READ: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda token: token.tag_,
    "LOWER": lambda token: token.lower_,
    "DEP": lambda token: token.dep_,
    "IS_SPACE": lambda token: token.is_space,
}
_OPERATORS = {"IN", "NOT_IN", "REGEX"}


class _Unsupported(Exception):
    pass


def _test(spec: Any, value: Any) -> bool:
    """Does a value meet a Matcher token spec (a value, or {"IN"|"NOT_IN"|"REGEX": ...})?"""
    if not isinstance(spec, dict):
        return bool(value == spec)
    return all(value in arg if op == "IN" else value not in arg if op == "NOT_IN"
               else isinstance(value, str) and re.search(arg, value) is not None
               for op, arg in spec.items())


def _check(pattern: list[dict[str, Any]]) -> None:
    for token in pattern:
        for name, spec in token.items():
            if name not in _READ or isinstance(spec, dict) and not set(spec) <= _OPERATORS:
                raise _Unsupported(name)


class FastRuler:
    """Drop-in for a loaded `AttributeRuler` (`ruler(doc)`, `ruler.pipe(docs)`)."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        strings = ruler.vocab.strings
        self.single: list[tuple[int, dict[str, Any]]] = []  # (rule, its one-token pattern)
        self.matcher = Matcher(ruler.vocab)  # the patterns of several tokens
        self.firsts: list[dict[str, Any]] = []  # their first tokens
        for rule in range(len(ruler.attrs)):
            _, patterns = ruler.matcher.get(strings[str(rule)])
            for pattern in patterns:
                _check(pattern)
                if len(pattern) == 1:
                    self.single.append((rule, pattern[0]))
                else:
                    self.matcher.add(str(rule), [pattern])
                    self.firsts.append(pattern[0])
        self._memo: dict[tuple[Any, ...], tuple[tuple[int, ...], bool]] = {}

    def _matching(self, token: Token) -> tuple[tuple[int, ...], bool]:
        """The rules whose one-token pattern the token meets, and whether it may start a longer
        pattern: memoised by what the patterns test."""
        key = (token.tag_, token.lower_, token.dep_, token.is_space)
        known = self._memo.get(key)
        if known is None:
            values = dict(zip(("TAG", "LOWER", "DEP", "IS_SPACE"), key))

            def meets(spec: dict[str, Any]) -> bool:
                return all(_test(want, values[name]) for name, want in spec.items())
            known = self._memo[key] = (tuple(rule for rule, spec in self.single if meets(spec)),
                                       any(meets(spec) for spec in self.firsts))
        return known

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        found: list[tuple[int, int, int, int]] = []  # (rule, start, end, the token it sets)
        longer = False
        for token in doc:
            rules, starts = self._matching(token)
            found += [(rule, token.i, token.i + 1, token.i) for rule in rules]
            longer = longer or starts
        attrs, indices = self.ruler.attrs, self.ruler.indices
        if longer:
            strings = doc.vocab.strings
            for key, start, end in self.matcher(doc):
                rule = int(strings[key])
                found.append((rule, start, end, doc[start:end][indices[rule]].i))
        found.sort()
        for rule, _, _, target in found:
            set_token_attrs(doc[target], attrs[rule])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@functools.cache
def faster(component: Any) -> Any:
    """The fast ruler for a spaCy attribute ruler, else the component itself."""
    from spacy.pipeline import AttributeRuler

    if not isinstance(component, AttributeRuler):
        return component
    try:
        return FastRuler(component)
    except _Unsupported:
        return component
