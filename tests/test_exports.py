"""`standpoint export`: every format round-trips, the same store gives the same file, no partial files.

RDF (turtle, jsonld, ntriples) is parsed back with rdflib and with pyoxigraph and compared with
the store's triples; the network (graphml, gexf) is read back with networkx and compared, node by
node and edge by edge, with the projection `flat(project(store))` that it was written from.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import holders
import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from conftest import error_line, invoke
from rdflib.compare import isomorphic

from standpoint.graph.analysis.drawing import flat, project
from standpoint.graph.rdf import export as export_module
from standpoint.graph.rdf.store import open_store
from standpoint.ontology.namespace import SP

RDF = {"turtle": ("turtle", ox.RdfFormat.TURTLE), "jsonld": ("json-ld", ox.RdfFormat.JSON_LD),
       "ntriples": ("nt", ox.RdfFormat.N_TRIPLES)}
NETWORK = ("graphml", "gexf")
ALL = (*RDF, *NETWORK)


def export(store: Path, fmt: str, out: Path) -> Path:
    result = invoke("export", "--to", fmt, "--out", out, "--store", store)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}\n"
    assert result.stderr == ""
    return out


@pytest.fixture(scope="module")
def store_triples(seed_store: Path) -> set[ox.Triple]:
    """Every triple of every named graph of the seed store, read straight from Oxigraph."""
    with open_store(seed_store) as store:
        return {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}


@pytest.fixture(scope="module")
def store_graph(store_triples: set[ox.Triple]) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data="\n".join(f"{t} ." for t in store_triples), format="nt")
    return graph


@pytest.fixture(scope="module")
def projection(seed_store: Path) -> nx.MultiDiGraph:
    with open_store(seed_store) as store:
        return flat(project(store))


# -- RDF ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", list(RDF))
def test_rdf_export_parses_back_with_rdflib_to_the_same_graph(seed_store: Path, tmp_path: Path,
                                                              store_graph: rdflib.Graph,
                                                              fmt: str) -> None:
    out = export(seed_store, fmt, tmp_path / f"standpoint.{fmt}")
    parsed = rdflib.Graph().parse(out, format=RDF[fmt][0])
    assert len(parsed) == len(store_graph) > 1000
    assert isomorphic(parsed, store_graph)


@pytest.mark.parametrize("fmt", list(RDF))
def test_rdf_export_parses_back_with_pyoxigraph_to_the_same_triples(
        seed_store: Path, tmp_path: Path, store_triples: set[ox.Triple], fmt: str) -> None:
    out = export(seed_store, fmt, tmp_path / f"standpoint.{fmt}")
    parsed = [ox.Triple(q.subject, q.predicate, q.object)
              for q in ox.parse(path=str(out), format=RDF[fmt][1])]
    assert len(parsed) == len(store_triples), "every triple once"
    assert set(parsed) == store_triples


def test_the_store_has_no_blank_nodes(store_triples: set[ox.Triple]) -> None:
    """So the triple sets above compare exactly (isomorphism is then plain equality)."""
    assert not any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
                   for t in store_triples)


def test_turtle_uses_the_standpoint_prefixes(seed_store: Path, tmp_path: Path) -> None:
    text = export(seed_store, "turtle", tmp_path / "s.ttl").read_text(encoding="utf-8")
    assert "@prefix sp: <https://w3id.org/standpoint/ontology#> ." in text
    assert "@prefix actor: <https://w3id.org/standpoint/id/actor/> ." in text
    assert "actor:kemi-badenoch " in text


def test_ntriples_is_one_triple_a_line(seed_store: Path, tmp_path: Path,
                                       store_triples: set[ox.Triple]) -> None:
    lines = export(seed_store, "ntriples", tmp_path / "s.nt").read_text(
        encoding="utf-8").splitlines()
    assert len(lines) == len(store_triples)
    assert all(line.endswith(" .") for line in lines)


def test_jsonld_is_json(seed_store: Path, tmp_path: Path) -> None:
    data = json.loads(export(seed_store, "jsonld", tmp_path / "s.jsonld").read_text(
        encoding="utf-8"))
    assert data


# -- the network -------------------------------------------------------------------------------

def test_graphml_reads_back_with_every_node_edge_and_attribute(seed_store: Path, tmp_path: Path,
                                                               projection: nx.MultiDiGraph) -> None:
    out = export(seed_store, "graphml", tmp_path / "standpoint.graphml")
    read = nx.read_graphml(out, force_multigraph=True)
    assert read.is_directed() and read.is_multigraph()
    assert dict(read.nodes(data=True)) == dict(projection.nodes(data=True))
    assert sorted(read.edges(keys=True, data=True), key=_edge_key) == sorted(
        projection.edges(keys=True, data=True), key=_edge_key)


def test_gexf_reads_back_with_every_node_edge_and_attribute(seed_store: Path, tmp_path: Path,
                                                            projection: nx.MultiDiGraph) -> None:
    out = export(seed_store, "gexf", tmp_path / "standpoint.gexf")
    read = nx.read_gexf(out)
    assert read.is_directed()
    assert dict(read.nodes(data=True)) == dict(projection.nodes(data=True))
    # GEXF gives every edge an "id" and reads a graph without parallel edges back as a DiGraph,
    # with no keys; the key of every projected edge is its relation, which GEXF keeps.
    assert all(key == data["relation"] for _, _, key, data in projection.edges(keys=True, data=True))
    edges = [(u, v, {k: x for k, x in data.items() if k != "id"})
             for u, v, data in read.edges(data=True)]
    expected = [(u, v, data) for u, v, data in projection.edges(data=True)]
    assert sorted(edges, key=_edge_key) == sorted(expected, key=_edge_key)
    assert read.number_of_edges() == projection.number_of_edges()


def _edge_key(edge: tuple) -> tuple:
    return (edge[0], edge[1], edge[-1]["relation"])


def test_the_projection_is_the_seed_network(projection: nx.MultiDiGraph) -> None:
    edge = projection.edges["actor:kemi-badenoch", "issue:national-inquiry", "supports"]
    assert edge["relation"] == "supports"
    evidence = json.loads(edge["evidence"])
    assert edge["weight"] == len(evidence)
    assert "But we still need a national inquiry." in [e["text"] for e in evidence]
    assert projection.nodes["actor:kemi-badenoch"] == {
        "label": "Kemi Badenoch", "type": "person", "party": "Conservative Party",
        "roles": json.dumps(["Conservative leader (2024-11-02 to now)",
                             "Leader of the Opposition (2024-11-02 to now)"]),
    }
    assert projection.nodes["issue:national-inquiry"] == {
        "label": "National inquiry into grooming gangs", "type": "issue"}
    assert projection.has_edge("actor:kemi-badenoch", "actor:conservatives", key="member_of")


@pytest.mark.parametrize("fmt", list(NETWORK))
def test_network_evidence_parses_back_as_json(seed_store: Path, tmp_path: Path, fmt: str) -> None:
    out = export(seed_store, fmt, tmp_path / f"standpoint.{fmt}")
    read = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    stance = [d for _, _, d in read.edges(data=True) if d["relation"] in
              {"supports", "opposes", "mixed"}]
    assert stance
    for data in stance:
        evidence = json.loads(data["evidence"])
        assert len(evidence) == data["weight"]
        assert all(set(e) == {"text", "published", "entry_id", "entry_title", "kind",
                              "confidence"} for e in evidence)


# -- holders: a statement showing another actor's position -------------------------------------

@pytest.mark.parametrize("fmt", list(RDF))
def test_holders_and_spans_round_trip_through_rdf_exports(tmp_path: Path, fmt: str) -> None:
    """tests/holders.py: every holder, cue and source span is in the export, as in the store."""
    store = holders.build_store(tmp_path)
    with open_store(store) as opened:
        expected = {ox.Triple(q.subject, q.predicate, q.object) for q in opened.quads()}
    out = export(store, fmt, tmp_path / f"holders.{fmt}")
    parsed = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(out), format=RDF[fmt][1])}
    assert parsed == expected
    terms = {name: ox.NamedNode(str(getattr(SP, name))) for name in ("holder", "speaker", "cueStart", "sourceEnd")}
    held = {t.subject for t in parsed if t.predicate == terms["holder"]}
    assert len(held) == 3
    assert {t.object.value.rsplit("/", 1)[-1] for t in parsed if t.predicate == terms["holder"]} == {
        "keir-starmer", "kemi-badenoch"}
    assert {t.subject for t in parsed if t.predicate in (terms["cueStart"], terms["sourceEnd"])} == held


def test_the_network_export_draws_the_holders_position(tmp_path: Path) -> None:
    store = holders.build_store(tmp_path)
    read = nx.read_graphml(export(store, "graphml", tmp_path / "holders.graphml"), force_multigraph=True)
    stances = {(u, v, k): d["weight"] for u, v, k, d in read.edges(keys=True, data=True)
               if k in ("supports", "opposes", "mixed")}
    assert stances == {("actor:keir-starmer", "issue:national-inquiry", "mixed"): 2,
                       ("actor:kemi-badenoch", "issue:national-inquiry", "supports"): 1}


# -- the same store, the same file -------------------------------------------------------------

@pytest.mark.parametrize("fmt", ALL)
def test_exporting_twice_gives_identical_files(seed_store: Path, tmp_path: Path, fmt: str) -> None:
    first = export(seed_store, fmt, tmp_path / f"one.{fmt}").read_bytes()
    second = export(seed_store, fmt, tmp_path / f"two.{fmt}").read_bytes()
    assert first == second


@pytest.mark.parametrize("fmt", list(RDF))
def test_two_builds_of_the_seed_export_identical_rdf(seed_store: Path, tmp_path: Path,
                                                     fmt: str) -> None:
    other = tmp_path / "other-store"
    assert invoke("build", "--store", other).exit_code == 0
    assert (export(seed_store, fmt, tmp_path / f"one.{fmt}").read_bytes()
            == export(other, fmt, tmp_path / f"two.{fmt}").read_bytes())


@pytest.mark.parametrize("fmt", ALL)
def test_export_replaces_an_existing_file(seed_store: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"standpoint.{fmt}"
    out.write_text("old", encoding="utf-8")
    export(seed_store, fmt, out)
    assert out.read_bytes() != b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


@pytest.mark.parametrize("fmt", ALL)
def test_exported_file_has_the_usual_permissions(seed_store: Path, tmp_path: Path,
                                                 fmt: str) -> None:
    mask = os.umask(0o022)
    try:
        out = export(seed_store, fmt, tmp_path / f"standpoint.{fmt}")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_export_to_a_relative_path(seed_store: Path, in_tmp: Path) -> None:
    result = invoke("export", "--to", "turtle", "--out", "standpoint.ttl", "--store", seed_store)
    assert result.stdout == "standpoint.ttl\n"
    assert (in_tmp / "standpoint.ttl").stat().st_size > 0


# -- failures ----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ALL)
def test_export_to_a_missing_folder_is_one_line(seed_store: Path, tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "no-such-folder"
    result = invoke("export", "--to", fmt, "--out", folder / "x.out", "--store", seed_store)
    assert error_line(result) == (
        f"standpoint: error: {folder}: the folder to write into does not exist")
    assert result.stdout == ""
    assert not folder.exists()


def test_export_onto_a_folder_fails_and_leaves_no_file(seed_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    result = invoke("export", "--to", "turtle", "--out", target, "--store", seed_store)
    assert error_line(result).startswith(f"standpoint: error: {target}: cannot write the export: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
    assert list(target.iterdir()) == []


@pytest.mark.parametrize("fmt", ["turtle", "graphml"])
def test_a_failed_export_leaves_no_partial_file(seed_store: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    """A disk filling up mid-write, simulated (no real full disk can be made for a test): the
    writer puts half a file down and fails; the previous export stays and no temp file is left."""
    out = tmp_path / f"standpoint.{fmt}"
    out.write_text("the previous export", encoding="utf-8")

    def half_then_full(*args: object, **kwargs: object) -> None:
        path = next(a for a in args if isinstance(a, str) and a.endswith(".part"))
        Path(path).write_text("<half a file", encoding="utf-8")
        raise OSError(28, "No space left on device")

    if fmt == "graphml":
        monkeypatch.setitem(export_module.NETWORK_FORMATS, "graphml", half_then_full)
    else:
        monkeypatch.setattr(export_module.ox, "serialize", half_then_full)
    result = invoke("export", "--to", fmt, "--out", out, "--store", seed_store)
    assert error_line(result) == (
        f"standpoint: error: {out}: cannot write the export: No space left on device")
    assert out.read_text(encoding="utf-8") == "the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
