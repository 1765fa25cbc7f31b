"""The `standpoint` command line: thin commands over the library (the shared options and the one
error handler are in cli_common.py)."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from standpoint.cli_common import (
    DateType,
    F,
    actor_options,
    echo_rows,
    format_option,
    handle_errors,
    issue_option,
    on_option,
    one_line,
    progress,
    store_option,
)
from standpoint.correct_cli import correct, review
from standpoint.graph.analysis import drawing
from standpoint.network_cli import network, report

if TYPE_CHECKING:
    from standpoint.graph.rdf.read import ActorAnswer


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="standpoint")
def main() -> None:
    """standpoint: who said what, and who stands where, in political text.

    Build a store from live blogs and debate transcripts, then ask it questions.

    \b
    Example:
      standpoint build
      standpoint positions --issue "national inquiry"
    """


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--date", "page_date", type=DateType(), help="Date of a live page (else its .meta.yaml).")
@click.option("--format", "fmt", type=click.Choice(["auto", "liveblog", "jsonl", "parlamint"]),
              default="auto", show_default=True,
              help="Source format (auto: detected from the content).")
@click.option("--registry", type=click.Path(path_type=Path), envvar="STANDPOINT_REGISTRY",
              help="Registry YAML (default: the bundled seeds/registry.yaml).")
@click.option("--replace-registry", is_flag=True,
              help="Build with a registry that lacks issues, people or other items of the store's "
                   "registry, dropping them and every statement about them (refused without it).")
@click.option("--report", "report_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Print the build's report as text or as JSON.")
@click.option("--spacy-model", envvar="STANDPOINT_SPACY_MODEL", metavar="NAME",
              help="An installed spaCy pipeline to parse with, e.g. en_core_web_trf "
                   "(default: the pinned en_core_web_sm).")
@click.option("--corrections", type=click.Path(path_type=Path), envvar="STANDPOINT_CORRECTIONS",
              help="Analysts' corrections to apply (default: corrections.yaml beside --registry, "
                   "else the file the store used last, else beside the store).")
@click.option("--no-corrections", "no_corrections", is_flag=True,
              help="Apply no corrections: the machine's extraction alone (to evaluate it).")
@click.option("--cluster", envvar="STANDPOINT_CLUSTER", metavar="URI",
              help="Extract on a Dask cluster, e.g. tcp://scheduler:8786 (or set STANDPOINT_CLUSTER); "
                   "the store is written here, with the same result as a local build.")
@click.option("--rehash", is_flag=True,
              help="Read every source, even one whose size and modification time are those the "
                   "store recorded when it last read it (an edit that kept both).")
@store_option
@handle_errors
def build(sources: tuple[Path, ...], page_date: date | None, fmt: str, registry: Path | None,
          replace_registry: bool, report_format: str, spacy_model: str | None, corrections: Path | None,
          no_corrections: bool, cluster: str | None, rehash: bool, store: Path) -> None:
    """Add sources to the store (default: the bundled seed).

    Building the same source twice changes nothing; a changed entry replaces its old statements.
    A source file whose size and modification time have not changed since the store read it is
    not read again (as git does); --rehash reads it all the same.
    Bad input stops the build before anything is written. The store records its registry: a build
    with another one extracts every entry again, and one that lacks the store's registry's issues
    or people is refused unless --replace-registry is given.

    \b
    Examples:
      standpoint build
      standpoint build page.txt --date 2025-01-16
      standpoint build debates/*.jsonl --store research-store
      standpoint build topic.jsonl --registry my-registry.yaml --report json
      standpoint build debates/ --cluster tcp://scheduler:8786
    """
    from standpoint.graph.rdf.build import build as run_build
    from standpoint.loaders import nlp

    if spacy_model:
        nlp.use_model(spacy_model)
    report = run_build(list(sources), store, fmt=fmt, page_date=page_date, registry_path=registry,
                       replace_registry=replace_registry, progress=progress, corrections_path=corrections,
                       corrections=not no_corrections, cluster=cluster, rehash=rehash)
    for warning in report.warnings:
        click.echo(f"standpoint: warning: {one_line(warning)}", err=True)
    if report_format == "json":
        click.echo(json.dumps(dataclasses.asdict(report), indent=2, ensure_ascii=False))
        return
    if report.registry_change is not None:
        click.echo(report.registry_change.summary())
    click.echo(
        f"{report.entries} entries from {len(report.sources)} source(s): {report.added} added, "
        f"{report.updated} updated, {report.unchanged} unchanged; store {report.store} holds "
        f"{report.statements} statements and {report.positions} positions"
    )


def graph_option(required: bool = False) -> Callable[[F], F]:
    """The --graph URI option (or STANDPOINT_GRAPH): the graph database to read or write."""
    return click.option(
        "--graph", "graph", envvar="STANDPOINT_GRAPH", metavar="URI", required=required,
        help="Graph database: bolt://, neo4j://, neo4j+s:// (Neo4j; NEO4J_USERNAME, NEO4J_PASSWORD, "
             "NEO4J_DATABASE) or falkordb://host:port[/graph] (or set STANDPOINT_GRAPH).",
    )


@main.command()
@store_option
@format_option
@handle_errors
def issues(store: Path, fmt: str) -> None:
    """List the issues: the registry's and those found in the text (issue_source), with their
    statements, the actors on each side and the first and last time they were spoken of.

    \b
    Example:
      standpoint issues --format json
    """
    from standpoint.graph.rdf.issue_list import issues as issue_list
    from standpoint.graph.rdf.store import open_store

    with open_store(store) as opened_store:
        rows = issue_list(opened_store)
    echo_rows(rows, fmt, ("id", "label", "issue_source", "statements", "supports", "opposes", "first", "last"))


@main.group()
def registry() -> None:
    """Help with the registry: what the text found that the registry lacks.

    \b
    Example:
      standpoint registry suggest --out found.yaml
    """


@registry.command()
@store_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="write the YAML to this file (default: print it)")
@handle_errors
def suggest(store: Path, out: Path | None) -> None:
    """YAML for the issues and people found in the text, ready to review and paste into the registry.

    \b
    Example:
      standpoint registry suggest > found.yaml
    """
    from standpoint.graph.quality.suggest import suggestion_yaml
    from standpoint.graph.rdf.store import open_store

    with open_store(store) as opened_store:
        text = suggestion_yaml(opened_store)
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)


def _read(name: str, store: Path, graph: str | None, **kwargs: Any) -> list[Any]:
    """A read command's rows (or typed answers): from the graph database with --graph, else from
    the store."""
    if graph:
        from standpoint.graph.property import dbread
        from standpoint.graph.property.database import opened

        with opened(graph) as db:
            return getattr(dbread, name)(db, **kwargs)  # type: ignore[no-any-return]
    from standpoint.graph.rdf import read
    from standpoint.graph.rdf.store import open_store

    with open_store(store) as opened_store:
        return getattr(read, name)(opened_store, **kwargs)  # type: ignore[no-any-return]


@main.command()
@graph_option()
@store_option
@format_option
@handle_errors
def entries(store: Path, fmt: str, graph: str | None) -> None:
    """List the entries (posts, speeches) in the store, in time order.

    \b
    Example:
      standpoint entries --format json
    """
    echo_rows([entry.row() for entry in _read("entries", store, graph)], fmt, ("id", "published", "title", "authors", "speaker"))


@main.command()
@graph_option()
@store_option
@format_option
@handle_errors
def actors(store: Path, fmt: str, graph: str | None) -> None:
    """List the people, organisations and places in the store.

    The table has an IDS column when some actor has ids a corpus gave it (ParlaMint's).

    \b
    Example:
      standpoint actors --format csv
    """
    found: list[ActorAnswer] = _read("actors", store, graph)
    rows = [actor.row() for actor in found]
    ids = ("ids",) if any(actor.ids for actor in found) else ()
    echo_rows(rows, fmt, ("id", "name", "type", "roles", "party", "aliases", *ids))


@main.command()
@issue_option
@actor_options
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0,
              help="Only statements at least this confident.")
@click.option("--changed", "only_changed", is_flag=True,
              help="Only positions whose stance changed over time (see LATEST in the JSON).")
@graph_option()
@store_option
@format_option
@handle_errors
def positions(issue: str | None, actor: str | None, on: date | None, min_confidence: float,
              only_changed: bool, store: Path, fmt: str, graph: str | None) -> None:
    """Who stands where: each actor's stance on each issue, with the evidence.

    The JSON and CSV also give `latest` (the stance at the latest time) and `changed`.

    \b
    Examples:
      standpoint positions --issue "national inquiry"
      standpoint positions --actor Badenoch --format json
      standpoint positions --actor "the Home Secretary" --on 2025-01-06
      standpoint positions --changed --min-confidence 0.7
    """
    rows = _read("positions", store, graph, issue=issue, actor=actor, min_confidence=min_confidence, on=on)
    if only_changed:
        rows = [r for r in rows if r["changed"]]
    if fmt == "table":
        rows = [{**r, "evidence": r["evidence"][0]["text"] if r["evidence"] else ""} for r in rows]
    echo_rows(rows, fmt, ("actor", "issue", "stance", "statements", "first", "last", "evidence"))


def _differ(rows: Sequence[dict[str, Any]], key: str) -> bool:
    """Whether any row's `key` (holder_id, speaker_id) is not its actor_id: then the table shows it."""
    return any(row[key] != row["actor_id"] for row in rows)


@main.command()
@click.argument("actor", required=False)
@issue_option
@on_option
@graph_option()
@store_option
@format_option
@handle_errors
def said(actor: str | None, issue: str | None, on: date | None, store: Path, fmt: str,
         graph: str | None) -> None:
    """What was said, by whom, when and where: quotes (direct) and reported speech.

    ACTOR keeps what that actor said. Each row's holder is whose position the statement shows:
    the speaker, or the actor the speaker reports ("the chancellor has accepted our call"); the
    table has a HOLDER column when some holder is not the speaker. ACTOR may be a role: who held
    it on the day --on (else today).

    \b
    Examples:
      standpoint said Cooper
      standpoint said "the Home Secretary" --on 2025-01-16
      standpoint said --issue "rapid audit" --format json
    """
    rows = _read("said", store, graph, actor=actor, issue=issue, on=on)
    holder = ("holder",) if _differ(rows, "holder_id") else ()
    echo_rows(rows, fmt, ("published", "actor", *holder, "kind", "stance", "issue", "text", "entry_id"))


@main.command()
@click.argument("actor", required=False)
@issue_option
@on_option
@graph_option()
@store_option
@format_option
@handle_errors
def timeline(actor: str | None, issue: str | None, on: date | None, store: Path, fmt: str,
             graph: str | None) -> None:
    """Statements with a stance in time order; CHANGED marks where an actor's stance changed.

    A stance is its holder's (whose position the statement shows): ACTOR keeps the stances that
    actor holds, including those others report; the table has a SPEAKER column when someone
    reports another's stance. ACTOR may be a role: who held it on the day --on (else today).

    \b
    Example:
      standpoint timeline Cooper --issue "national inquiry"
    """
    rows = _read("timeline", store, graph, actor=actor, issue=issue, on=on)
    speaker = ("speaker",) if _differ(rows, "speaker_id") else ()
    echo_rows(rows, fmt, ("published", "actor", *speaker, "issue", "stance", "changed", "text"))


@main.command()
@click.option("--out", type=click.Path(path_type=Path), default="standpoint.html", show_default=True,
              help="HTML file to write.")
@issue_option
@actor_options
@click.option("--max-actors", type=click.IntRange(0), default=drawing.MAX_ACTORS, show_default=True,
              help="Draw only the actors with the most evidence (0: all).")
@click.option("--max-evidence", type=click.IntRange(0), default=drawing.MAX_EVIDENCE, show_default=True,
              help="Statements listed per position, the latest first (0: all).")
@store_option
@handle_errors
def show(out: Path, issue: str | None, actor: str | None, on: date | None, max_actors: int,
         max_evidence: int, store: Path) -> None:
    """Write the interactive network as one HTML page that works offline; print its path.

    On a big store the page stays small and quick to open: it draws the actors with the most
    evidence and each position's latest statements, and says what it left out.

    \b
    Example:
      standpoint show --out grooming-gangs.html --issue "national inquiry"
    """
    from standpoint.graph.rdf.store import open_store
    from standpoint.visualisations.page import write_page

    with open_store(store) as opened:
        G = drawing.project(opened, issue=issue, actor=actor, max_actors=max_actors or None,
                    max_evidence=max_evidence or None, on=on)
    click.echo(str(write_page(G, out, title="standpoint")))


@main.command()
@click.option("--to", "fmt", required=True, help="Export format.",
              type=click.Choice(["turtle", "jsonld", "ntriples", "graphml", "gexf", "neo4j-csv"]))
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="File to write (a new folder for neo4j-csv).")
@store_option
@handle_errors
def export(fmt: str, out: Path, store: Path) -> None:
    """Export the store: RDF (turtle, jsonld, ntriples), the network (graphml, gexf), or the CSV
    files and command of `neo4j-admin database import` for a first bulk load (neo4j-csv).

    \b
    Examples:
      standpoint export --to turtle --out standpoint.ttl
      standpoint export --to neo4j-csv --out neo4j-import/
    """
    from standpoint.graph.rdf.export import export as run_export
    from standpoint.graph.rdf.store import open_store

    with open_store(store) as opened:
        click.echo(str(run_export(opened, fmt, out)))


@main.command()
@store_option
@format_option
@handle_errors
def validate(store: Path, fmt: str) -> None:
    """Check the store against the ontology's SHACL shapes; exit 1 if it does not conform.

    \b
    Example:
      standpoint validate
    """
    from standpoint.graph.quality.check import check_store
    from standpoint.graph.rdf.store import open_store

    with open_store(store) as opened:
        report = check_store(opened)
    if report.conforms:
        click.echo("the store conforms to the standpoint shapes")
        return
    rows = [{"severity": p.severity, "focus": p.focus, "path": p.path, "message": p.message}
            for p in report.problems]
    echo_rows(rows, fmt)
    click.echo(f"standpoint: error: {len(rows)} problem(s) found", err=True)
    sys.exit(1)


@main.command()
@click.argument("query")
@store_option
@format_option
@handle_errors
def sparql(query: str, store: Path, fmt: str) -> None:
    """Run a SPARQL query on the embedded store (prefixes sp:, foaf:, skos:, ... are predefined).

    \b
    Example:
      standpoint sparql 'SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name }'
    """
    from standpoint.graph.rdf.sparql import run_query
    from standpoint.graph.rdf.store import open_store

    with open_store(store) as opened:
        echo_rows(run_query(opened, query), fmt)


@contextmanager
def sync_progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress callback (done, total) that draws a bar on stderr, only on a terminal."""
    bar: list[Any] = []

    def advance(done: int, total: int) -> None:
        if sys.stderr.isatty() and total >= 200:
            if not bar:
                bar.append(click.progressbar(length=total, label=label, file=sys.stderr))
                bar[0].__enter__()
            bar[0].update(done - bar[0].pos)

    try:
        yield advance
    finally:
        if bar:
            bar[0].__exit__(None, None, None)


@main.command()
@graph_option(required=True)
@click.option("--batch-size", type=click.IntRange(1), default=1000, show_default=True,
              help="Rows per transaction.")
@store_option
@format_option
@handle_errors
def sync(graph: str, batch_size: int, store: Path, fmt: str) -> None:
    """Write the store's graph to the graph database (Neo4j or FalkorDB): only what changed.

    Creates the uniqueness constraints first, then MERGEs nodes and relationships on their id in
    batches; what is no longer in the store is deleted. Running it again changes nothing.

    \b
    Examples:
      NEO4J_PASSWORD=... standpoint sync --graph neo4j+s://xxxx.databases.neo4j.io
      standpoint sync --graph falkordb://localhost:6379
    """
    from standpoint.graph.property.database import opened
    from standpoint.graph.property.sync import sync as run_sync
    from standpoint.graph.rdf.store import open_store

    with open_store(store) as source, opened(graph) as db, sync_progress("Syncing") as advance:
        report = run_sync(source, db, batch_size, advance)
    echo_rows(report.rows(), fmt)
    if fmt == "table":
        click.echo(f"synced {store} to {report.target}: " + ", ".join(
            f"{report.total(what)} {what}" for what in ("created", "updated", "deleted", "unchanged")))


@main.command()
@click.argument("query")
@graph_option(required=True)
@format_option
@handle_errors
def cypher(query: str, graph: str, fmt: str) -> None:
    """Run a read-only Cypher query on the graph database and print its rows.

    \b
    Example:
      standpoint cypher 'MATCH (a:Person) RETURN a.name AS name ORDER BY name' --graph bolt://localhost
    """
    from standpoint.graph.property.database import opened
    from standpoint.graph.property.dbread import run_query

    with opened(graph) as db:
        echo_rows(run_query(db, query), fmt)


@main.command()
@click.argument("gold", type=click.Path(path_type=Path))
@store_option
@format_option
@handle_errors
def evaluate(gold: Path, store: Path, fmt: str) -> None:
    """Compare the store with a gold file: precision, recall and F1 for stances and quotes.

    GOLD is JSONL written by people (see "Evaluation" in the README). The JSON output also lists
    every miss and false positive, with the gold file's line.

    \b
    Example:
      standpoint evaluate tests/gold/seed.jsonl --format json
    """
    import json

    from standpoint.graph.quality.evaluate import evaluate as run_evaluate
    from standpoint.graph.quality.evaluate import read_gold, summary_rows
    from standpoint.graph.rdf.store import open_store

    judged = read_gold(gold)
    with open_store(store) as opened:
        result = run_evaluate(opened, judged)
    if fmt == "json":
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        echo_rows(summary_rows(result), fmt)


main.add_command(network)
main.add_command(report)
main.add_command(correct)
main.add_command(review)
