"""The parts that make the language pipeline cheaper must not change what it finds: the fast
attribute ruler gives what spaCy's own gives, and the entity recogniser still runs wherever a
name it could find is written."""

from __future__ import annotations

import pytest

from standpoint.loaders import nlp
from standpoint.loaders.extract import Extractor
from standpoint.loaders.registry import read_registry
from standpoint.loaders.ruler import FastRuler, faster

# Written for this test: the ruler's word-level exceptions (contractions, "gonna", "let's",
# "y'all", "there is", "but" as an adverb, "that" as a relative, subordinators) among plain prose.
SENTENCES = [
    "I ain't gonna pretend the levy works, and y'all know it.",
    "Let's be clear: there is no money for it, and there were never any plans.",
    "Whether or not the council agrees, she said she'd vote against it because it's unfair.",
    "It was but a small step that the minister took, though he called it historic.",
    "Do you have the figures? I did, and I have them here, said Ms Okoro.",
    "Gotta say, c'mon, the report that they published is thin.",
    "  The committee—which met twice—  backed the tax on second homes.\n",
    "WE WILL NOT ACCEPT THIS LEVY, the union's general secretary told reporters.",
]


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def test_the_fast_ruler_sets_what_spacys_ruler_sets():
    assert isinstance(faster(nlp.pipeline().get_pipe("attribute_ruler")), FastRuler)
    ours = nlp.parse(SENTENCES, lambda doc: True)
    stock = list(nlp.pipeline().pipe(SENTENCES))
    for mine, theirs in zip(ours, stock, strict=True):
        assert annotations(mine) == annotations(theirs)


def test_a_component_that_is_not_a_ruler_is_used_as_it_is():
    parser = nlp.pipeline().get_pipe("parser")
    assert faster(parser) is parser


@pytest.mark.parametrize(("text", "wanted"), [
    ("Dana Whitcombe, a councillor, said the levy was unfair.", True),  # a name no one knows
    ("The levy, said Dana Whitcombe, was unfair.", True),
    ("Even the minister said the levy was unfair.", False),  # a capital that starts the sentence
    ("Ministers said the levy was unfair, the MP added.", False),
    ("The Prime Minister said the levy was unfair.", False),  # titles are not names
])
def test_the_recogniser_runs_where_a_new_name_is_written(text, wanted):
    extractor = Extractor(read_registry())
    (doc,) = nlp.parse([text], lambda doc: False)
    assert extractor.unknown_names(doc) is wanted


def test_only_the_sentences_asked_for_get_entities():
    texts = ["Dana Whitcombe said the levy was unfair.", "Dana Whitcombe said it again."]
    first, second = nlp.parse(texts, lambda doc: doc.text.endswith("unfair."))
    assert [e.label_ for e in first.ents] == ["PERSON"]
    assert list(second.ents) == []
