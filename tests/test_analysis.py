"""Discourse networks and their measures (graph/analysis/discourse.py) and `standpoint network`.

Like networkx's tests: small hand-built statement rows whose networks, coalitions, bridges and
polarisation are worked out by hand in the comments; then the real store built from the seed
(and the development debates), and the real CLI writing GraphML, GEXF and CSV that networkx
reads back with every attribute.
"""

from __future__ import annotations

import csv
import json
import shutil
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import networkx as nx
import pytest
from click.testing import CliRunner, Result
from conftest import ENV, HANSARD, invoke

from standpoint.cli import main
from standpoint.errors import InputError
from standpoint.graph.analysis import discourse
from standpoint.graph.rdf import read
from standpoint.graph.rdf.store import open_store
from standpoint.network_cli import network, report

T1, T2, T3 = "2025-01-16T10:00:00+00:00", "2025-01-16T12:00:00+00:00", "2025-01-17"


def said(actor: str, issue: str, stance: str, when: str, n: int = 0, confidence: float = 0.9) -> dict[str, Any]:
    """One statement row, as `read.statements` gives it."""
    return {"actor_id": actor, "actor": actor.upper(), "issue_id": issue, "issue": f"Issue {issue}",
            "stance": stance, "published": when, "entry_id": f"entry-{when}",
            "text": f"{actor} {stance} {issue} ({n})", "kind": "direct", "confidence": confidence}


# a, b and f support X; c and d oppose it; e says both (mixed). On Y a and b oppose, c, e, f
# support. On Z a and f support.
ROWS = [
    said("a", "X", "supports", T1), said("a", "X", "supports", T2, 1), said("a", "Y", "opposes", T1),
    said("a", "Z", "supports", T3),
    said("b", "X", "supports", T1), said("b", "Y", "opposes", T2),
    said("c", "X", "opposes", T1), said("c", "Y", "supports", T1),
    said("d", "X", "opposes", T1), said("d", "X", "opposes", T2, 1), said("d", "X", "opposes", T3, 2),
    said("e", "X", "supports", T1), said("e", "X", "opposes", T2), said("e", "Y", "supports", T3),
    said("f", "X", "supports", T2), said("f", "Y", "supports", T2), said("f", "Z", "supports", T3),
]
ACTORS = [
    {"id": "a", "name": "A", "type": "person", "party": "Red Party", "aliases": []},
    {"id": "b", "name": "B", "type": "person", "party": "Red Party", "aliases": []},
    {"id": "c", "name": "C", "type": "person", "party": "Blue Party", "aliases": []},
    {"id": "d", "name": "D", "type": "person", "party": "Blues", "aliases": []},
    {"id": "e", "name": "E", "type": "person", "party": None, "aliases": []},
    {"id": "f", "name": "Think Tank", "type": "organisation", "party": None, "aliases": []},
    {"id": "red", "name": "Red Party", "type": "organisation", "party": None, "aliases": []},
    {"id": "blue", "name": "Blue Party", "type": "organisation", "party": None, "aliases": ["Blues"]},
    {"id": "green", "name": "Green Party", "type": "organisation", "party": None, "aliases": []},
]


def edges(G: nx.Graph, attribute: str = "weight") -> dict[tuple[str, str], Any]:
    """Each edge as (sorted plain ids) -> one attribute."""
    return {tuple(sorted(n.split(":", 1)[1] for n in (u, v))): d[attribute] for u, v, d in G.edges(data=True)}


# -- the networks -------------------------------------------------------------------------------

def test_an_actor_in_the_network_stands_where_its_position_stands() -> None:
    # the rule of `standpoint positions` (graph/rdf/positions.py): all one way is that stance,
    # both ways is mixed, however many statements take each side
    rows = [said("a", "X", "supports", T1), said("a", "X", "supports", T2, 1), said("a", "X", "opposes", T3),
            said("b", "X", "opposes", T1), said("c", "X", "supports", T2)]
    held = discourse.stances(rows)
    assert {k: (v["stance"], v["latest"], v["changed"]) for k, v in held.items()} == {
        ("actor:a", "issue:X"): ("mixed", "opposes", True),
        ("actor:b", "issue:X"): ("opposes", "opposes", False),
        ("actor:c", "issue:X"): ("supports", "supports", False),
    }
    assert edges(discourse.conflict(rows)) == {("b", "c"): 1}  # a, mixed, in no tie


def test_congruence_links_actors_on_the_same_side_of_an_issue() -> None:
    C = discourse.congruence(ROWS)
    # X: a-b, a-f, b-f (support), c-d (oppose); Y: a-b (oppose), c-e, c-f, e-f (support); Z: a-f
    assert edges(C, "count") == {("a", "b"): 2, ("a", "f"): 2, ("b", "f"): 1, ("c", "d"): 1,
                                 ("c", "e"): 1, ("c", "f"): 1, ("e", "f"): 1}
    assert edges(C) == edges(C, "count")
    # a-b: on X a's 2 and b's 1 statements, on Y a's 1 and b's 1
    assert edges(C, "statements") == {("a", "b"): 5, ("a", "f"): 5, ("b", "f"): 2, ("c", "d"): 4,
                                      ("c", "e"): 2, ("c", "f"): 2, ("e", "f"): 2}
    assert C.edges["actor:a", "actor:b"]["issues"] == ["X", "Y"]
    evidence = C.edges["actor:c", "actor:e"]["evidence"]
    assert [(e["actor_id"], e["stance"], e["published"]) for e in evidence] == [
        ("c", "supports", T1), ("e", "supports", T3)]
    assert sorted(C) == [f"actor:{x}" for x in "abcdef"]  # every actor with a stance is a node
    assert C.nodes["actor:a"] == {"label": "A", "type": "person", "party": "", "members": ["a"],
                                  "statements": 4}


def test_conflict_links_actors_on_opposite_sides() -> None:
    K = discourse.conflict(ROWS)
    # X: {a, b, f} x {c, d}; Y: {a, b} x {c, e, f}; e is mixed on X, so in no tie about X
    assert edges(K, "count") == {("a", "c"): 2, ("b", "c"): 2, ("a", "d"): 1, ("b", "d"): 1,
                                 ("c", "f"): 1, ("d", "f"): 1, ("a", "e"): 1, ("a", "f"): 1,
                                 ("b", "e"): 1, ("b", "f"): 1}
    assert K.edges["actor:a", "actor:c"]["statements"] == 2 + 1 + 1 + 1
    assert K.edges["actor:d", "actor:f"]["issues"] == ["X"]


@pytest.mark.parametrize(("normalise", "ab", "ce"), [
    ("none", 2, 1),
    ("jaccard", round(2 / 3, 6), 0.5),                  # |A ∩ B| / |A ∪ B|: a holds X, Y, Z; b X, Y
    ("cosine", round(2 / 6 ** 0.5, 6), round(1 / 2 ** 0.5, 6)),
    ("average", 0.8, round(1 / 1.5, 6)),                # 2 / ((3 + 2) / 2); e holds only Y
])
def test_normalised_weights(normalise: str, ab: float, ce: float) -> None:
    C = discourse.congruence(ROWS, normalise=normalise)
    assert C.edges["actor:a", "actor:b"]["weight"] == ab
    assert C.edges["actor:c", "actor:e"]["weight"] == ce
    assert C.edges["actor:a", "actor:b"]["count"] == 2


def test_unknown_normalisation_and_network_name_the_choices() -> None:
    with pytest.raises(InputError, match="unknown normalisation 'log'; choose one of none, jaccard"):
        discourse.congruence(ROWS, normalise="log")
    with pytest.raises(InputError, match="unknown network 'agreement'; networks: congruence"):
        discourse.build("agreement", ROWS)


def test_affiliation_is_weighted_by_statements_and_signed_by_stance() -> None:
    A = discourse.affiliation(ROWS)
    assert nx.is_bipartite(A)
    assert A.nodes["issue:X"] == {"label": "Issue X", "type": "issue", "bipartite": 1}
    a_x = A.edges["actor:a", "issue:X"]
    assert {k: a_x[k] for k in ("weight", "sign", "stance", "supports", "opposes", "first", "last")} == {
        "weight": 2, "sign": 1, "stance": "supports", "supports": 2, "opposes": 0, "first": T1, "last": T2}
    assert A.edges["actor:d", "issue:X"]["sign"] == -1 and A.edges["actor:d", "issue:X"]["weight"] == 3
    e_x = A.edges["actor:e", "issue:X"]
    assert (e_x["sign"], e_x["stance"], e_x["supports"], e_x["opposes"]) == (0, "mixed", 1, 1)
    assert A.number_of_edges() == 3 + 2 + 2 + 1 + 2 + 3


# -- restricting and aggregating ----------------------------------------------------------------

def test_parse_time_reads_dates_and_date_times() -> None:
    assert discourse.parse_time("2025-01-16").isoformat() == "2025-01-16T00:00:00+00:00"
    assert discourse.parse_time("2025-01-16", end=True).isoformat() == "2025-01-16T23:59:59.999999+00:00"
    assert discourse.parse_time("2025-01-16T15:30").isoformat() == "2025-01-16T15:30:00+00:00"
    assert discourse.parse_time("2025-01-16T15:30:00+01:00").isoformat() == "2025-01-16T15:30:00+01:00"
    with pytest.raises(InputError, match="'16/01/2025' is not an ISO-8601 date"):
        discourse.parse_time("16/01/2025")


def test_select_keeps_a_window_an_issue_set_and_a_confidence() -> None:
    rows = [*ROWS, {**said("g", "X", "supports", T1), "stance": None}, said("g", "Y", "opposes", T1, 0, 0.2)]
    assert len(discourse.select(rows)) == len(ROWS) + 1  # the statement without a stance is not one
    assert len(discourse.select(rows, min_confidence=0.5)) == len(ROWS)
    window = discourse.select(ROWS, start=discourse.parse_time(T2),
                              end=discourse.parse_time("2025-01-16", end=True))
    assert {r["published"] for r in window} == {T2}
    assert {r["issue_id"] for r in discourse.select(ROWS, issues=["Y", "Z"])} == {"Y", "Z"}
    # a date-only statement is its midnight: in a window starting on its day, not in one after
    assert len(discourse.select(ROWS, start=discourse.parse_time("2025-01-17"))) == 4
    assert discourse.select(ROWS, start=discourse.parse_time("2025-01-17T00:01")) == []
    with pytest.raises(InputError, match="the window starts .* after it ends"):
        discourse.select(ROWS, start=discourse.parse_time(T2), end=discourse.parse_time(T1))


def test_a_window_changes_the_net_stance() -> None:
    # up to T1, e has only supported X: then e sides with a and b
    early = discourse.congruence(discourse.select(ROWS, end=discourse.parse_time(T1)))
    assert edges(early, "count") == {("a", "b"): 1, ("a", "e"): 1, ("b", "e"): 1, ("c", "d"): 1}


def test_members_map_people_to_their_organisation_or_party() -> None:
    person = discourse.members(ACTORS, "person")
    assert person["a"] == {"id": "a", "label": "A", "type": "person", "party": "Red Party"}
    party = discourse.members(ACTORS, "party", parties=["green"])
    assert {k: v["id"] for k, v in party.items()} == {
        "a": "red", "b": "red", "c": "blue", "d": "blue", "red": "red", "blue": "blue", "green": "green"}
    organisation = discourse.members(ACTORS, "organisation")
    assert {k: v["id"] for k, v in organisation.items()} == {
        "a": "red", "b": "red", "c": "blue", "d": "blue", "f": "f", "red": "red", "blue": "blue",
        "green": "green"}
    loose = discourse.members([{"id": "x", "name": "X", "type": "person", "party": "New Party"}], "party")
    assert loose["x"] == {"id": "new-party", "label": "New Party", "type": "organisation", "party": ""}
    with pytest.raises(InputError, match="unknown level 'region'; levels: person, organisation, party"):
        discourse.members(ACTORS, "region")


def test_networks_aggregate_to_parties() -> None:
    groups = discourse.members(ACTORS, "party")
    # red: X supports (a 2 + b 1), Y opposes (1 + 1); blue: X opposes (c 1 + d 3), Y supports (c 1)
    assert discourse.congruence(ROWS, groups).number_of_edges() == 0
    K = discourse.conflict(ROWS, groups)
    assert edges(K, "count") == {("blue", "red"): 2}
    assert edges(K, "statements") == {("blue", "red"): 3 + 4 + 2 + 1}
    assert K.nodes["actor:red"]["members"] == ["a", "b"]
    assert K.nodes["actor:red"]["label"] == "Red Party"
    A = discourse.affiliation(ROWS, groups)
    assert A.edges["actor:blue", "issue:X"]["weight"] == 4


def test_networks_aggregate_to_organisations() -> None:
    groups = discourse.members(ACTORS, "organisation")
    assert edges(discourse.congruence(ROWS, groups), "count") == {("f", "red"): 2, ("blue", "f"): 1}
    assert edges(discourse.conflict(ROWS, groups), "count") == {("blue", "red"): 2, ("f", "red"): 1,
                                                               ("blue", "f"): 1}


# -- measures -----------------------------------------------------------------------------------

def test_coalitions_are_the_communities_of_congruence() -> None:
    C = discourse.congruence(ROWS)
    coalition = discourse.coalitions(C, seed=1)
    # {a, b, f} and {c, d, e}: modularity 5/9 - (12/18)^2 + 2/9 - (6/18)^2 = 2/9, the best split
    assert coalition == {"actor:a": 1, "actor:b": 1, "actor:f": 1, "actor:c": 2, "actor:d": 2, "actor:e": 2}
    assert discourse.modularity(C, coalition) == pytest.approx(2 / 9)
    assert all(discourse.coalitions(C, seed=seed) == coalition for seed in range(5))
    assert discourse.coalitions(nx.Graph()) == {}


def test_bridges_have_ties_into_more_than_one_coalition() -> None:
    C = discourse.congruence(ROWS)
    coalition = discourse.coalitions(C, seed=1)
    # e: c (1) in its own, f (1) in the other: 1 - (1/2)^2 - (1/2)^2; f: 3 in, 2 out: 1 - 9/25 - 4/25
    assert discourse.bridges(C, coalition) == {"actor:e": 0.5, "actor:f": 0.48, "actor:c": round(4 / 9, 6)}


def test_centrality_on_a_path() -> None:
    G = nx.Graph()
    G.add_edge("x", "y", weight=2)
    G.add_edge("y", "z", weight=1)
    assert discourse.centrality(G) == {
        "x": {"degree": 0.5, "strength": 2.0, "betweenness": 0.0},
        "y": {"degree": 1.0, "strength": 3.0, "betweenness": 1.0},
        "z": {"degree": 0.5, "strength": 1.0, "betweenness": 0.0},
    }


def test_polarisation_counts_actors_by_their_net_stance() -> None:
    found = discourse.polarisation(discourse.affiliation(ROWS))
    # X: 3 for, 2 against, e mixed -> 1 - 1/5; Y: 3 for, 2 against; Z: all for
    assert found["issue:X"] == {"issue_id": "X", "issue": "Issue X", "supports": 3, "opposes": 2,
                                "mixed": 1, "polarisation": 0.8}
    assert found["issue:Y"]["polarisation"] == 0.8
    assert found["issue:Z"]["polarisation"] == 0.0
    assert discourse.polarisation_index(0, 0) is None
    assert discourse.polarisation_index(2, 2) == 1.0


def test_polarisation_over_time_follows_each_issue() -> None:
    t4 = "2025-01-16T14:00:00+00:00"
    rows = [said("a", "X", "supports", T1), said("b", "X", "opposes", T2), said("d", "Y", "opposes", T2),
            said("b", "X", "supports", T3), said("b", "X", "supports", t4), said("c", "X", "supports", t4)]
    found = [(r["published"], r["issue_id"], r["supports"], r["opposes"], r["mixed"], r["polarisation"])
             for r in discourse.polarisation_over_time(rows)]
    assert found == [
        (T1, "X", 1, 0, 0, 0.0),
        (T2, "X", 1, 1, 0, 1.0),
        (T2, "Y", 0, 1, 0, 0.0),
        (t4, "X", 2, 0, 1, 0.0),   # b 1 against (T2), 1 for: mixed; c for; t4's two statements, one row
        (T3, "X", 2, 0, 1, 0.0),   # the date-only T3 (17 January) comes last: b, 2 for and 1 against, still mixed
    ]


def test_changes_carry_the_statements_on_both_sides() -> None:
    timeline = [
        {"actor": "A", "actor_id": "a", "issue": "Issue X", "issue_id": "X", "stance": "supports",
         "changed": False, "previous": None, "text": "yes", "published": T1, "entry_id": "e1", "kind": "direct"},
        {"actor": "A", "actor_id": "a", "issue": "Issue X", "issue_id": "X", "stance": "opposes",
         "changed": True, "previous": "supports", "text": "no", "published": T2, "entry_id": "e2",
         "kind": "reported"},
        {"actor": "A", "actor_id": "a", "issue": "Issue X", "issue_id": "X", "stance": "opposes",
         "changed": False, "previous": "opposes", "text": "still no", "published": T3, "entry_id": "e3",
         "kind": "direct"},
    ]
    assert discourse.changes(timeline) == [{
        "actor": "A", "actor_id": "a", "issue": "Issue X", "issue_id": "X", "from": "supports",
        "to": "opposes", "published": T2,
        "before": {"text": "yes", "published": T1, "entry_id": "e1", "kind": "direct"},
        "after": {"text": "no", "published": T2, "entry_id": "e2", "kind": "reported"},
    }]


def test_edge_rows_put_the_actor_first_and_the_heaviest_first() -> None:
    rows = discourse.edge_rows(discourse.affiliation(ROWS))
    assert (rows[0]["source_id"], rows[0]["target_id"], rows[0]["weight"]) == ("d", "X", 3)
    assert all(r["target_id"] in {"X", "Y", "Z"} for r in rows)
    assert list(discourse.edge_rows(discourse.congruence(ROWS))[0])[:5] == [
        "source", "source_id", "target", "target_id", "weight"]


# -- files --------------------------------------------------------------------------------------

READERS: dict[str, Callable[[Path], nx.Graph]] = {".graphml": nx.read_graphml, ".gexf": nx.read_gexf}


def assert_same_network(read_back: nx.Graph, G: nx.Graph) -> None:
    """Every node and edge of G, with every attribute (lists as JSON text), in the file read back."""
    expected = discourse.flat(G)
    assert dict(read_back.nodes(data=True)) == dict(expected.nodes(data=True))
    found = {frozenset((u, v)): {k: x for k, x in d.items() if k != "id"} for u, v, d in read_back.edges(data=True)}
    assert found == {frozenset((u, v)): d for u, v, d in expected.edges(data=True)}
    assert read_back.number_of_edges() == expected.number_of_edges()


@pytest.mark.parametrize("suffix", list(READERS))
@pytest.mark.parametrize("kind", discourse.KINDS)
def test_networks_round_trip_through_files(tmp_path: Path, suffix: str, kind: str) -> None:
    G = discourse.build(kind, ROWS, discourse.members(ACTORS), normalise="jaccard")
    out = discourse.write_network(G, tmp_path / f"net{suffix}")
    read_back = READERS[suffix](out)
    assert_same_network(read_back, G)
    evidence = json.loads(next(iter(read_back.edges(data=True)))[2]["evidence"])
    assert {"actor_id", "issue_id", "stance", "published", "entry_id", "text"} <= set(evidence[0])


def test_csv_is_the_edge_list(tmp_path: Path) -> None:
    out = discourse.write_network(discourse.congruence(ROWS), tmp_path / "congruence.csv")
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 7
    assert (rows[0]["source_id"], rows[0]["target_id"], rows[0]["weight"], rows[0]["issues"]) == (
        "a", "b", "2", '["X", "Y"]')


def test_write_network_names_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"cannot tell the format of 'net.txt'; end the name in \.graphml"):
        discourse.write_network(discourse.congruence(ROWS), tmp_path / "net.txt")
    with pytest.raises(InputError, match="the folder to write into does not exist"):
        discourse.write_network(discourse.congruence(ROWS), tmp_path / "missing" / "net.gexf")


# -- the seed, and the seed with the development debates ----------------------------------------

@pytest.fixture(scope="module")
def seed_and_debates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed plus the two Hansard debates of tests/data, built once for this module."""
    store = tmp_path_factory.mktemp("debates") / "store"
    assert invoke("build", "--store", store).exit_code == 0
    result = invoke("build", *HANSARD, "--store", store)
    assert result.exit_code == 0, result.output
    return store


def national_inquiry_sides(store: Path) -> tuple[set[str], set[str]]:
    """The actors whose statements on the national inquiry mostly support it, and mostly oppose it."""
    with open_store(store) as opened:
        rows = discourse.store_rows(opened, issues=["national inquiry"])
    held = discourse.stances(rows)
    return ({a.split(":")[1] for (a, _), item in held.items() if item["stance"] == "supports"},
            {a.split(":")[1] for (a, _), item in held.items() if item["stance"] == "opposes"})


@pytest.mark.parametrize("which", ["seed", "seed and debates"])
def test_congruence_groups_the_two_sides_of_the_national_inquiry(
        which: str, seed_store: Path, seed_and_debates: Path) -> None:
    store = seed_store if which == "seed" else seed_and_debates
    supporters, opponents = national_inquiry_sides(store)
    assert {"kemi-badenoch", "chris-philp"} <= supporters and {"yvette-cooper", "alexis-jay"} <= opponents
    with open_store(store) as opened:
        C = discourse.network(opened, "congruence")
    coalition = {node.split(":")[1]: number for node, number in discourse.coalitions(C, seed=0).items()}
    assert len({coalition[a] for a in supporters}) == 1
    assert len({coalition[a] for a in opponents}) == 1
    assert coalition["kemi-badenoch"] != coalition["yvette-cooper"]
    assert C.has_edge("actor:kemi-badenoch", "actor:chris-philp")
    assert C.has_edge("actor:yvette-cooper", "actor:alexis-jay")


@pytest.mark.parametrize("which", ["seed", "seed and debates"])
def test_conflict_links_the_two_sides(which: str, seed_store: Path, seed_and_debates: Path) -> None:
    store = seed_store if which == "seed" else seed_and_debates
    supporters, opponents = national_inquiry_sides(store)
    with open_store(store) as opened:
        K = discourse.network(opened, "conflict", issues=["national inquiry"])
    assert {frozenset(e) for e in K.edges()} == {
        frozenset((f"actor:{a}", f"actor:{b}")) for a in supporters for b in opponents}
    edge = K.edges["actor:kemi-badenoch", "actor:yvette-cooper"]
    assert edge["issues"] == ["national-inquiry"]
    texts = {e["text"] for e in edge["evidence"]}
    assert "But we still need a national inquiry." in texts and "lengthy nationwide inquiry" in texts


# Not in the corpus, made up for this test: a later Commons statement in which the Home Secretary
# announces the national inquiry she had argued against in January (as happened in June 2025).
LATER = {
    "id": "test-2025-06-16-001", "published": "2025-06-16T15:30:00+01:00",
    "title": "Grooming gangs (statement; made up for a test)", "source": "test",
    "speaker": "The Secretary of State for the Home Department (Yvette Cooper)",
    "body": "Having read Baroness Casey's audit, I have changed my mind. We will now set up a national "
            "inquiry into grooming gangs, with full statutory powers.",
}


@pytest.fixture(scope="module")
def with_a_change(seed_and_debates: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed and the debates, plus a later source in which Cooper's stance changes."""
    folder = tmp_path_factory.mktemp("change")
    store = folder / "store"
    shutil.copytree(seed_and_debates, store)
    later = folder / "later.jsonl"
    later.write_text(json.dumps(LATER) + "\n", encoding="utf-8")
    assert invoke("build", later, "--store", store).exit_code == 0
    return store


def test_a_change_between_sources_is_listed_with_its_evidence(with_a_change: Path) -> None:
    with open_store(with_a_change) as opened:
        found = discourse.changes(read.timeline(opened))
    assert [(c["actor_id"], c["issue_id"], c["from"], c["to"]) for c in found] == [
        ("yvette-cooper", "national-inquiry", "opposes", "supports")]
    before, after = found[0]["before"], found[0]["after"]
    assert (before["entry_id"], before["published"], before["text"]) == (
        "bbc-live-2025-01-16-summary", "2025-01-16T16:25:00+00:00", "lengthy nationwide inquiry")
    assert after["entry_id"] == "test-2025-06-16-001" and after["published"] == "2025-06-16T15:30:00+01:00"
    assert after["text"] in LATER["body"] and "national inquiry" in after["text"]


def test_the_seed_at_party_level(seed_store: Path) -> None:
    with open_store(seed_store) as opened:
        A = discourse.network(opened, "affiliation", level="party")
    parties = {n for n, d in A.nodes(data=True) if d["type"] != "issue"}
    assert parties == {"actor:conservatives", "actor:labour", "actor:reform-uk"}
    assert A.edges["actor:reform-uk", "issue:national-inquiry"]["stance"] == "supports"
    assert set(A.nodes["actor:conservatives"]["members"]) >= {"kemi-badenoch", "chris-philp", "conservatives"}


# -- the command line ---------------------------------------------------------------------------

CLI = click.Group("standpoint", commands={**main.commands, "network": network, "report": report})


def run(*args: str | Path) -> Result:
    """`standpoint ARGS...` with the network and report commands registered; no traceback allowed."""
    result = CliRunner().invoke(CLI, [str(a) for a in args], env=ENV, prog_name="standpoint")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        pytest.fail("".join(traceback.format_exception(*result.exc_info)))  # type: ignore[misc]
    assert "Traceback" not in result.output + result.stderr
    return result


def test_network_prints_edge_rows(seed_store: Path) -> None:
    result = run("network", "congruence", "--store", seed_store, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    first = rows[0]
    assert (first["source_id"], first["target_id"], first["weight"], first["issues"]) == (
        "chris-philp", "kemi-badenoch", 3, ["local-inquiries", "national-inquiry", "statutory-powers"])
    assert all(e["text"] for e in first["evidence"])
    table = run("network", "conflict", "--store", seed_store, "--issue", "national inquiry").stdout
    assert table.splitlines()[0].split() == ["SOURCE", "TARGET", "WEIGHT", "COUNT", "STATEMENTS", "ISSUES"]


@pytest.mark.parametrize("suffix", list(READERS))
@pytest.mark.parametrize("kind", discourse.KINDS)
def test_network_to_file_opens_in_networkx_with_every_attribute(
        seed_store: Path, tmp_path: Path, kind: str, suffix: str) -> None:
    out = tmp_path / f"{kind}{suffix}"
    result = run("network", kind, "--store", seed_store, "--level", "organisation", "--to-file", out)
    assert result.exit_code == 0 and result.stdout.strip() == str(out)
    with open_store(seed_store) as opened:
        G = discourse.network(opened, kind, level="organisation")
    assert G.number_of_edges() > 0
    assert_same_network(READERS[suffix](out), G)


def test_network_to_csv(seed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "conflict.csv"
    assert run("network", "conflict", "--store", seed_store, "--to-file", out).exit_code == 0
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {"source_id", "target_id", "weight", "count", "statements", "issues", "evidence"} <= set(rows[0])
    assert ("kemi-badenoch", "yvette-cooper") in {tuple(sorted((r["source_id"], r["target_id"]))) for r in rows}


def test_network_time_window(seed_store: Path) -> None:
    # Badenoch spoke at 14:18 and 14:29: a window from 15:00 leaves her out
    result = run("network", "congruence", "--store", seed_store, "--from", "2025-01-16T15:00",
                 "--to", "2025-01-16", "--format", "json")
    ids = {r["source_id"] for r in json.loads(result.stdout)} | {r["target_id"] for r in json.loads(result.stdout)}
    assert "kemi-badenoch" not in ids and {"chris-philp", "yvette-cooper"} <= ids
    empty = run("network", "congruence", "--store", seed_store, "--to", "2025-01-15", "--format", "json")
    assert empty.exit_code == 0 and json.loads(empty.stdout) == []


@pytest.mark.parametrize(("args", "message"), [
    (("--to-file", "net.txt"), "'net.txt' does not end in .graphml, .gexf, .csv"),
    (("--from", "yesterday"), "'yesterday' is not an ISO-8601 date"),
    (("--level", "region"), "'region' is not one of 'person', 'organisation', 'party'"),
])
def test_network_bad_usage(seed_store: Path, args: tuple[str, ...], message: str) -> None:
    result = run("network", "congruence", "--store", seed_store, *args)
    assert result.exit_code == 2 and message in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (("--issue", "nothing like it"), "no issue matches 'nothing like it'; known issues: "),
    (("--from", "2025-02-01", "--to", "2025-01-01"), "the window starts (2025-02-01T00:00:00+00:00) after it ends"),
])
def test_network_bad_input_is_one_line(seed_store: Path, args: tuple[str, ...], message: str) -> None:
    result = run("network", "congruence", "--store", seed_store, *args)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"standpoint: error: {message}")


@pytest.mark.parametrize("command", ["network", "report"])
def test_help_has_examples(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0 and "Examples:" in result.stdout and "--store" in result.stdout
