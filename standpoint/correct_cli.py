"""The `standpoint correct` commands and `standpoint review`: thin over graph.correct and graph.review.

Registered on the main group in standpoint/cli.py with `main.add_command(correct)` and
`main.add_command(review)`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from standpoint.cli_common import echo_rows, format_option, handle_errors, one_line, store_option

__all__ = ["correct", "review"]


def corrections_option(func: Any) -> Any:
    return click.option(
        "--corrections", type=click.Path(path_type=Path), envvar="STANDPOINT_CORRECTIONS",
        help="Corrections file (default: the one the store used last, else corrections.yaml "
             "beside the store; or set STANDPOINT_CORRECTIONS).")(func)


def _who(func: Any) -> Any:
    func = click.option("--why", metavar="TEXT", help="Why: kept with the correction.")(func)
    return click.option("--by", metavar="NAME", help="Who makes it (default: your user name).")(func)


def _statement(func: Any) -> Any:
    """--entry, --span, --text, --holder and --issue: the statement a correction is about."""
    for option in reversed([
        click.option("--entry", required=True, help="The statement's entry id."),
        click.option("--span", metavar="START:END", help="Its character span in the entry's body."),
        click.option("--text", help="Its text (instead of --span)."),
        click.option("--holder", help="Its holder (id, name or alias), when statements share a span."),
        click.option("--issue", help="Its issue (id, label or alias), when statements share a span."),
    ]):
        func = option(func)
    return func


def _common(func: Any) -> Any:
    return corrections_option(store_option(_who(func)))


def _record(store: Path, corrections: Path | None, action: str, **kwargs: Any) -> None:
    from standpoint.graph.corrections.command import record, request

    done = record(store, lambda opened: request(opened, action, **kwargs), corrections)
    click.echo(f"recorded in {done.path} line {done.line}: {done.correction.describe()}; store {store} "
               f"holds {done.statements} statements and {done.positions} positions")
    for warning in done.warnings:
        click.echo(f"standpoint: warning: {one_line(warning)}", err=True)


def _named(entry: str, span: str | None, text: str | None, holder: str | None, issue: str | None) -> Any:
    from standpoint.graph.corrections.command import Named

    return Named(entry, span, text, holder, issue)


@click.group()
def correct() -> None:
    """Record an analyst's correction, and apply it to the store at once.

    Corrections are kept in a YAML file (corrections.yaml beside the store, or beside the
    registry given to `build --registry`, or --corrections FILE) and applied again on every
    build, after extraction. A statement is named by its entry and its span or text, as
    `standpoint review` and `said --format json` show them.

    \b
    Examples:
      standpoint correct stance --entry bbc-live-2025-01-16-1544 --span 564:727 --issue national-inquiry --to supports
      standpoint correct reject --entry bbc-live-2025-01-16-1418 --text "rapid review"
      standpoint correct merge --actor "T. Crowther" --into "Tom Crowther"
      standpoint correct list
    """


def _statement_command(action: str, doc: str, extra: Callable[[Any], Any] | None = None) -> None:
    """A correct subcommand about one statement (confirm, reject, holder, speaker, stance, issue)."""

    def command(entry: str, span: str | None, text: str | None, holder: str | None, issue: str | None,
                store: Path, corrections: Path | None, by: str | None, why: str | None,
                **values: Any) -> None:
        _record(store, corrections, action, named=_named(entry, span, text, holder, issue), by=by, why=why,
                **values)

    command.__doc__ = doc
    decorated = handle_errors(command)
    if extra is not None:
        decorated = extra(decorated)
    correct.command(name=action)(_statement(_common(decorated)))


_statement_command("confirm", """Confirm a statement: an analyst checked it and it is right.

    \b
    Example:
      standpoint correct confirm --entry bbc-live-2025-01-16-1522 --span 413:439 --holder yvette-cooper
    """)
_statement_command("reject", """Reject a statement: it is not a statement, or not of whom it says.

    It disappears from positions, said, the page and the report, on every build.

    \b
    Example:
      standpoint correct reject --entry bbc-live-2025-01-16-1418 --text "rapid review" --why "scare quotes"
    """)
_statement_command("holder", """Change whose position a statement shows (its holder).

    \b
    Example:
      standpoint correct holder --entry debate-001 --span 0:52 --to "Keir Starmer"
    """, click.option("--to", required=True, help="The new holder: an actor id, name or alias."))
_statement_command("speaker", """Change who said a statement (its speaker); one's own statement stays one's own.

    \b
    Example:
      standpoint correct speaker --entry debate-001 --span 0:52 --to "Kemi Badenoch"
    """, click.option("--to", required=True, help="The new speaker: an actor id, name or alias."))


def _stance_options(func: Any) -> Any:
    func = click.option("--on", metavar="ISSUE", help="The issue, for a statement about none.")(func)
    return click.option("--to", required=True, type=click.Choice(["supports", "opposes", "none"]),
                        help="The stance (none: it takes none).")(func)


def _issue_options(func: Any) -> Any:
    func = click.option("--stance", type=click.Choice(["supports", "opposes"]),
                        help="The stance, for a statement that takes none.")(func)
    return click.option("--to", required=True, metavar="ISSUE",
                        help="The issue: an id, label or alias, or none.")(func)


_statement_command("stance", """Change the stance a statement takes on its issue.

    \b
    Example:
      standpoint correct stance --entry bbc-live-2025-01-16-1522 --span 413:439 --to supports
    """, _stance_options)
_statement_command("issue", """Change the issue a statement takes a stance on (none: no issue).

    \b
    Example:
      standpoint correct issue --entry bbc-live-2025-01-16-1522 --span 413:439 --to "local inquiries"
    """, _issue_options)


@correct.command()
@click.option("--actor", "source_actor", metavar="ACTOR", help="The actor merged away (id, name or alias).")
@click.option("--issue", "source_issue", metavar="ISSUE", help="The issue merged away (id, label or alias).")
@click.option("--into", required=True, help="The actor or issue it becomes.")
@_common
@handle_errors
def merge(source_actor: str | None, source_issue: str | None, into: str, store: Path,
          corrections: Path | None, by: str | None, why: str | None) -> None:
    """Merge two actors (or two issues): everything of the first becomes the second's.

    The first's names become the second's aliases.

    \b
    Examples:
      standpoint correct merge --actor "T. Crowther" --into "Tom Crowther"
      standpoint correct merge --issue "public inquiry" --into "national inquiry"
    """
    if (source_actor is None) == (source_issue is None):
        raise click.UsageError("give --actor or --issue (what is merged), and --into")
    merges = "actor" if source_actor else "issue"
    _record(store, corrections, "merge", merges=merges, source=source_actor or source_issue, into=into,
            by=by, why=why)


@correct.command()
@click.argument("actor")
@click.option("--entry", "entries", multiple=True, required=True,
              help="An entry whose statements by ACTOR move (repeatable).")
@click.option("--span", "spans", multiple=True, metavar="START:END",
              help="Only the statement at this span of the one --entry (repeatable).")
@click.option("--into", metavar="ACTOR", help="The actor they move to (id, name or alias).")
@click.option("--new", metavar="NAME", help="Or a new actor of this name.")
@click.option("--type", "kind", type=click.Choice(["person", "organisation"]), default="person",
              show_default=True, help="The new actor's type.")
@_common
@handle_errors
def split(actor: str, entries: tuple[str, ...], spans: tuple[str, ...], into: str | None, new: str | None,
          kind: str, store: Path, corrections: Path | None, by: str | None, why: str | None) -> None:
    """Split an actor merged wrongly (two people with one surname): ACTOR's statements in the
    given entries (or at the given spans) move to another actor, or to a new one.

    \b
    Examples:
      standpoint correct split Crowther --entry debate-014 --new "Anna Crowther"
      standpoint correct split "Tom Crowther" --entry debate-014 --span 10:80 --into anna-crowther
    """
    _record(store, corrections, "split", source=actor, entries=entries, spans=spans, into=into, new=new,
            kind=kind, by=by, why=why)


@correct.command(name="list")
@corrections_option
@store_option
@format_option
@handle_errors
def list_corrections(corrections: Path | None, store: Path, fmt: str) -> None:
    """List the corrections of the file, and whether the store has them applied.

    STATUS is applied, stale (its statement is no longer in the store: edit or remove it) or
    not built (written by hand since the last build).

    \b
    Example:
      standpoint correct list --format json
    """
    from standpoint.graph.corrections.command import listing
    from standpoint.graph.rdf.store import open_store

    with open_store(store) as opened:
        rows = listing(opened, corrections)
    echo_rows(rows, fmt, ("line", "status", "correction", "by", "at", "why"))


@correct.command(name="export")
@click.option("--gold", type=click.Path(path_type=Path), required=True, help="Gold file (JSONL) to write.")
@corrections_option
@store_option
@handle_errors
def export_corrections(gold: Path, corrections: Path | None, store: Path) -> None:
    """Write the corrections as a gold file for `standpoint evaluate`: every fix also measures
    the extraction (evaluate it against a store built with `build --no-corrections`).

    \b
    Example:
      standpoint correct export --gold corrections-gold.jsonl
    """
    from standpoint.graph.corrections.command import export_gold
    from standpoint.graph.rdf.store import open_store

    with open_store(store) as opened:
        count = export_gold(opened, gold, corrections)
    click.echo(f"{gold}: {count} judgements")


@click.command()
@click.option("--limit", type=click.IntRange(0), default=20, show_default=True, help="At most this many (0: all).")
@click.option("--below", type=click.FloatRange(0, 1), default=0.7, show_default=True,
              help="Confidence under which a statement is worth a look.")
@corrections_option
@store_option
@format_option
@handle_errors
def review(limit: int, below: float, corrections: Path | None, store: Path, fmt: str) -> None:
    """The statements most worth a human look first, each with why and a ready `correct` command.

    Listed: low confidence; a holder taking both sides of an issue; issues found in the text
    that many statements take sides on; speakers named only by a surname. Statements an analyst
    confirmed or corrected are left out.

    \b
    Examples:
      standpoint review --limit 10
      standpoint review --format json
    """
    from standpoint.graph.quality.review import review as run_review
    from standpoint.graph.rdf.store import default_store_path, open_store

    options: list[str] = []
    if Path(store).absolute() != default_store_path().absolute():
        options += ["--store", str(store)]
    if corrections is not None:
        options += ["--corrections", str(corrections)]
    with open_store(store) as opened:
        rows = run_review(opened, limit or None, low=below, options=options)
    if fmt == "table":
        click.echo(_blocks(rows) if rows else "(nothing to review)")
    elif fmt == "csv":
        echo_rows([{**r, "reasons": "; ".join(r["reasons"]), "also": " | ".join(r["also"])} for r in rows], fmt)
    else:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))


def _blocks(rows: list[dict[str, Any]]) -> str:
    """The queue for people: what, why, and the command to run."""
    blocks = []
    for r in rows:
        about = f" {r['stance']} {r['issue']}" if r["issue"] else ""
        text = " ".join(r["text"].split())
        text = text if len(text) <= 160 else text[:159] + "…"
        lines = [f"{r['rank']}. {r['holder']}{about} ({r['entry_id']} {r['span']}, confidence {r['confidence']:.2f})",
                 f"   “{text}”", *(f"   why: {why}" for why in r["reasons"]), f"   {r['command']}"]
        blocks.append("\n".join(one_line(line) for line in lines))
    return "\n\n".join(blocks)
