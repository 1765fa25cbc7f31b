"""`standpoint evaluate`: the store against gold files people wrote, and the scores it must keep."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import HANSARD, SEED, SEED_META, TESTS, error_line, invoke

from standpoint.graph.quality.evaluate import Gold, evaluate_rows, parse_gold, scores

GOLD = TESTS / "gold"

# The scores measured when the gold files were written, rounded down: they may only go up. Seed
# quotes: with every direct statement counted, and the gold completed for the scope (see README).
FLOORS = {
    "seed.jsonl": {"stances": (1.0, 0.95, 0.97), "quotes": (0.96, 0.88, 0.92)},
    "hansard-2025-01-06.jsonl": {"stances": (1.0, 1.0, 1.0), "quotes": (1.0, 1.0, 1.0)},
    "hansard-2025-04-08.jsonl": {"stances": (1.0, 1.0, 1.0), "quotes": (1.0, 1.0, 1.0)},
}


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed page and both development debates, built together once."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in (SEED, SEED_META, *HANSARD):
        shutil.copy(path, folder)
    store = folder / "store"
    result = invoke("build", folder / SEED.name, *(folder / p.name for p in HANSARD), "--store", store)
    assert result.exit_code == 0, result.output
    return store


def evaluated(gold: Path, store: Path) -> dict:
    result = invoke("evaluate", gold, "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_scores_stay_at_or_above_what_was_reached(corpus_store: Path, name: str) -> None:
    result = evaluated(GOLD / name, corpus_store)
    for measure, floor in FLOORS[name].items():
        got = tuple(result[measure][k] for k in ("precision", "recall", "f1"))
        assert all(g >= f for g, f in zip(got, floor)), (measure, got, floor, result[measure]["misses"],
                                                          result[measure]["false_positives"])


def test_each_gold_file_judges_its_own_source(corpus_store: Path) -> None:
    counts = {name: evaluated(GOLD / name, corpus_store)["entries"] for name in FLOORS}
    assert counts == {"seed.jsonl": 21, "hansard-2025-01-06.jsonl": 11, "hansard-2025-04-08.jsonl": 8}


def test_the_json_lists_misses_with_their_gold_line(corpus_store: Path) -> None:
    result = evaluated(GOLD / "seed.jsonl", corpus_store)
    missed = {(m["actor"], m["issue"]) for m in result["stances"]["misses"]}
    assert ("Alexis Jay", "iicsa-recommendations") in missed  # "the recommendations she made"
    assert all(isinstance(m["line"], int) for m in result["stances"]["misses"] + result["quotes"]["misses"])
    assert set(result) == {"gold", "entries", "stances", "quotes"}


def test_table_and_csv_give_one_row_per_measure(corpus_store: Path) -> None:
    table = invoke("evaluate", GOLD / "hansard-2025-04-08.jsonl", "--store", corpus_store).stdout.splitlines()
    assert table[0].split() == ["MEASURE", "PRECISION", "RECALL", "F1", "GOLD", "FOUND", "PREDICTED",
                                "MISSES", "FALSE_POSITIVES"]
    assert [line.split()[0] for line in table[2:]] == ["stances", "quotes"]
    csv = invoke("evaluate", GOLD / "hansard-2025-04-08.jsonl", "--store", corpus_store, "--format", "csv")
    assert csv.stdout.splitlines()[0] == \
        "measure,precision,recall,f1,gold,found,predicted,misses,false_positives"


def test_what_the_gold_leaves_out_counts_against_precision(corpus_store: Path, tmp_path: Path) -> None:
    lines = (GOLD / "hansard-2025-04-08.jsonl").read_text(encoding="utf-8").splitlines()
    dropped = [line for line in lines if '"Scott Arthur"' not in line]  # his stance and his quotes
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(dropped) + "\n", encoding="utf-8")
    full, cut = evaluated(GOLD / "hansard-2025-04-08.jsonl", corpus_store), evaluated(gold, corpus_store)
    for measure in ("stances", "quotes"):
        assert cut[measure]["predicted"] == full[measure]["predicted"]
        assert cut[measure]["precision"] < full[measure]["precision"], measure
        extra = [f for f in cut[measure]["false_positives"] if f not in full[measure]["false_positives"]]
        assert {f.get("actor_id") or f.get("attributed_to") for f in extra} == {"scott-arthur"}, measure
        assert all(f.get("line") is None for f in extra)  # the gold says nothing of these


def test_nothing_said_where_something_was_expected_scores_zero(corpus_store: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"  # made up on purpose: it expects what the store (rightly) does not say
    gold.write_text("".join(json.dumps(item) + "\n" for item in [
        {"type": "scope", "entry": "hansard-03-001"},  # the chair's entry: no statement in the store
        {"type": "stance", "actor": "Lisa Smart", "issue": "iicsa-recommendations", "stance": "supports"},
        {"type": "quote", "text": "I call the Liberal Democrat spokesperson.", "speaker": "Lisa Smart"},
    ]), encoding="utf-8")
    table = invoke("evaluate", gold, "--store", corpus_store).stdout.splitlines()
    assert [line.split()[:7] for line in table[2:]] == [["stances", "0.0", "0.0", "0.0", "1", "0", "0"],
                                                        ["quotes", "0.0", "0.0", "0.0", "1", "0", "0"]]


def test_the_chair_and_read_out_words_are_nobodys(corpus_store: Path) -> None:
    for name in ("hansard-2025-01-06.jsonl", "hansard-2025-04-08.jsonl"):
        result = evaluated(GOLD / name, corpus_store)
        assert result["quotes"]["nobody"] >= 1
        assert result["quotes"]["false_positives"] == []


# -- the gold format ---------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "gold.jsonl line 2: not valid JSON: Expecting property name enclosed in double quotes at column 2"),
    ('["a"]', "gold.jsonl line 2: expected a JSON object {...}, got list"),
    ('{"type": "opinion"}', "gold.jsonl line 2: \"type\" is 'opinion'; it must be one of: scope, stance, quote"),
    ('{"type": "stance", "actor": "A", "issue": "i"}', "gold.jsonl line 2: a stance line needs 'stance'"),
    ('{"type": "stance", "actor": "A", "issue": "i", "stance": "maybe"}',
     "gold.jsonl line 2: \"stance\" is 'maybe', not one of: supports, opposes, none"),
    ('{"type": "quote", "text": "", "speaker": "A"}', 'gold.jsonl line 2: "text" must be a non-empty text'),
    ('{"type": "quote", "text": "x", "speaker": "A", "who": 1}',
     "gold.jsonl line 2: unknown field 'who' in a quote line; fields are: entry, note, source, speaker, text"),
])
def test_gold_mistakes_are_reported_with_their_line(line: str, message: str) -> None:
    with pytest.raises(Exception) as caught:
        parse_gold(["# a comment", line], origin="gold.jsonl")
    assert str(caught.value) == message


def test_an_unknown_issue_is_an_error_with_its_line(corpus_store: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('\n{"type": "stance", "actor": "Cooper", "issue": "fracking", "stance": "opposes"}\n',
                    encoding="utf-8")
    line = error_line(invoke("evaluate", gold, "--store", corpus_store))
    assert line.startswith(f"standpoint: error: {gold} line 2: no issue matches 'fracking'; known issues: ")


def test_a_missing_gold_file_is_an_error(corpus_store: Path, tmp_path: Path) -> None:
    line = error_line(invoke("evaluate", tmp_path / "nope.jsonl", "--store", corpus_store))
    assert line == f"standpoint: error: {tmp_path / 'nope.jsonl'}: gold file not found"


# -- scoring on rows with known answers --------------------------------------------------------

ENTRIES = [{"id": "d-1", "source": "Debate"}, {"id": "d-2", "source": "Debate"}, {"id": "p-1", "source": "Page"}]


def row(actor: str, text: str, issue: str | None = None, stance: str | None = None, entry: str = "d-1",
        kind: str = "direct") -> dict:
    return {"actor_id": actor, "text": text, "issue_id": issue, "stance": stance, "entry_id": entry, "kind": kind}


def score(gold_lines: list[str], rows: list[dict]) -> dict:
    gold = parse_gold(gold_lines, "gold.jsonl")
    return evaluate_rows(gold, rows, ENTRIES, lambda name: name.lower(), lambda issue, line: issue)


def test_stance_precision_recall_and_f1() -> None:
    result = score([
        '{"type": "scope", "source": "Debate"}',
        '{"type": "stance", "actor": "ann", "issue": "runway", "stance": "opposes"}',
        '{"type": "stance", "actor": "bob", "issue": "runway", "stance": "supports", "evidence": "we need it"}',
        '{"type": "stance", "actor": "cat", "issue": "rail", "stance": "supports"}',
    ], [
        row("ann", "No runway.", "runway", "opposes"),
        row("ann", "Well, a runway.", "runway", "supports", entry="d-2"),  # a false positive
        row("bob", "A runway, yes.", "runway", "supports"),  # right stance, not the evidence asked for
        row("dan", "A rail link!", "rail", "supports", entry="p-1"),  # out of scope
    ])["stances"]
    assert (result["predicted"], result["correct"], result["found"], result["gold"]) == (3, 2, 1, 3)
    assert (result["precision"], result["recall"], result["f1"]) == (0.667, 0.333, 0.444)
    assert [m["line"] for m in result["misses"]] == [3, 4]
    assert [(f["actor_id"], f["stance"]) for f in result["false_positives"]] == [("ann", "supports")]


def test_quote_attribution_takes_the_shortest_statement_that_holds_the_words() -> None:
    result = score([
        '{"type": "quote", "text": "frustrated", "speaker": "jay"}',
        '{"type": "quote", "text": "She said she was frustrated.", "speaker": "ann"}',
        '{"type": "quote", "text": "I call the next speaker.", "speaker": null}',
        '{"type": "quote", "text": "Never said", "speaker": "bob"}',
    ], [
        row("jay", "frustrated"),
        row("ann", "She said she was “frustrated”."),
        row("chair", "I call the next speaker.", entry="d-2"),
        row("jay", "She said she was frustrated.", kind="reported"),  # reports are not quotes
    ])["quotes"]
    assert (result["found"], result["wrong"], result["gold"], result["nobody"]) == (2, 1, 3, 1)
    assert (result["precision"], result["recall"]) == (0.667, 0.667)
    assert result["misses"] == [{"line": 4, "text": "Never said", "speaker": "bob", "found_instead": None}]
    assert result["false_positives"][0]["attributed_to"] == "chair"


def test_a_stance_the_gold_does_not_record_is_wrong() -> None:
    result = score([
        '{"type": "scope", "source": "Debate"}',
        '{"type": "stance", "actor": "ann", "issue": "runway", "stance": "opposes", "entry": "d-1"}',
    ], [
        row("ann", "No runway.", "runway", "opposes"),
        row("ann", "No runway here either.", "runway", "opposes", entry="d-2"),  # same triple: one prediction
        row("bob", "No rail.", "rail", "opposes", entry="d-2"),  # not in the gold
        row("cat", "A runway!", "runway", "supports", entry="d-2"),  # the gold records ann's only, for d-1
    ])["stances"]
    assert (result["predicted"], result["correct"], result["found"], result["gold"]) == (3, 1, 1, 1)
    assert (result["precision"], result["recall"], result["f1"]) == (0.333, 1.0, 0.5)
    assert [f["actor_id"] for f in result["false_positives"]] == ["bob", "cat"]


def test_a_stance_is_right_only_where_its_gold_line_looks() -> None:
    result = score([
        '{"type": "stance", "actor": "ann", "issue": "runway", "stance": "opposes", "entry": "d-1"}',
    ], [row("ann", "No runway.", "runway", "opposes", entry="d-2")])["stances"]
    assert (result["predicted"], result["correct"], result["precision"]) == (1, 0, 0.0)


def test_every_direct_statement_in_scope_is_a_prediction() -> None:
    result = score([
        '{"type": "scope", "entry": "d-*"}',
        '{"type": "quote", "text": "frustrated", "speaker": "jay"}',
        '{"type": "quote", "text": "She said she was frustrated.", "speaker": "ann"}',
    ], [
        row("jay", "frustrated"),
        row("ann", "She said she was “frustrated”."),  # holds jay's word, but jay's statement is shorter
        row("ann", "A runway, never.", entry="d-2"),  # the gold does not record these words
        row("bob", "Out of scope.", entry="p-1"),
    ])["quotes"]
    assert (result["predicted"], result["correct"], result["found"], result["gold"]) == (3, 2, 2, 2)
    assert (result["precision"], result["recall"], result["f1"]) == (0.667, 1.0, 0.8)
    assert result["false_positives"] == [{"line": None, "entry_id": "d-2", "text": "A runway, never.",
                                          "attributed_to": "ann", "gold_text": None, "speaker": None}]


def test_a_statement_holding_someone_elses_words_is_wrong() -> None:
    result = score([
        '{"type": "quote", "text": "We must act.", "speaker": "ann"}',
        '{"type": "quote", "text": "Order, order.", "speaker": null}',
    ], [row("ann", "Order, order. We must act.")])["quotes"]
    assert (result["predicted"], result["correct"], result["found"]) == (1, 0, 1)
    assert result["false_positives"][0]["line"] == 2 and result["precision"] == 0.0


def test_nothing_predicted_is_precision_zero_when_something_was_expected() -> None:
    result = score([
        '{"type": "stance", "actor": "ann", "issue": "runway", "stance": "opposes"}',
        '{"type": "quote", "text": "No runway.", "speaker": "ann"}',
    ], [])
    for part in (result["stances"], result["quotes"]):
        assert (part["precision"], part["recall"], part["f1"]) == (0.0, 0.0, 0.0)
    nobody = score(['{"type": "quote", "text": "Order, order.", "speaker": null}'], [])
    assert nobody["quotes"]["precision"] == nobody["stances"]["precision"] == 1.0  # nothing expected


def test_scores_with_nothing_to_find() -> None:
    assert scores(0, 0, 0, 0) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert scores(0, 0, 0, 3) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert scores(0, 2, 0, 0) == {"precision": 0.0, "recall": 1.0, "f1": 0.0}
    assert scores(0, 2, 0, 2) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert isinstance(parse_gold([], "empty"), Gold)


# -- the corpus's speakers ---------------------------------------------------------------------

SPEAKER_PARTIES = {
    "lisa-smart": "Liberal Democrats", "sammy-wilson": "Democratic Unionist Party",
    "paul-waugh": "Labour Party", "anna-dixon": "Labour Party", "emma-foody": "Labour Party",
    "yvette-cooper": "Labour Party", "katie-lam": "Conservative Party", "jess-phillips": "Labour Party",
    "scott-arthur": "Labour Party", "harpreet-uppal": "Labour Party", "nusrat-ghani": None,
}


def test_every_speaker_is_one_clean_actor_with_the_right_party(corpus_store: Path) -> None:
    entries = json.loads(invoke("entries", "--store", corpus_store, "--format", "json").stdout)
    actors = {a["id"]: a for a in json.loads(invoke("actors", "--store", corpus_store, "--format", "json").stdout)}
    said = json.loads(invoke("said", "--store", corpus_store, "--format", "json").stdout)
    speaking = {s["actor_id"] for s in said if s["entry_id"].startswith("hansard-")}
    assert speaking - {"alexis-jay", "uk-government"} == set(SPEAKER_PARTIES) - {"nusrat-ghani"}
    for actor_id, party in SPEAKER_PARTIES.items():
        assert actors[actor_id]["party"] == party, actor_id
    names = [a["name"] for a in actors.values() if a["type"] == "person"]
    assert len(names) == len(set(names)), "one actor per person"
    assert not [n for n in names if n.split()[0] in ("Mr", "Mrs", "Ms", "Dr", "Sir", "Dame")]
    chair = [e["id"] for e in entries if (e["speaker"] or "").startswith("Madam Deputy Speaker")]
    assert chair and not [s for s in said if s["entry_id"] in chair]
    assert invoke("validate", "--store", corpus_store).exit_code == 0
