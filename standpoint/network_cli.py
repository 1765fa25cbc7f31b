"""The `standpoint network` and `standpoint report` commands: thin over graph.analysis and graph.report.

Registered on the main group in standpoint/cli.py with `main.add_command(network)` and
`main.add_command(report)`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import click

from standpoint.cli_common import echo_rows, format_option, handle_errors, store_option
from standpoint.graph.analysis.discourse import FILE_FORMATS, KINDS, LEVELS, NORMALISATIONS

__all__ = ["network", "report"]


class TimeType(click.ParamType):  # type: ignore[type-arg]
    """An ISO-8601 date or date-time; a date is its first instant, or its last with end=True."""

    name = "DATE[THH:MM]"

    def __init__(self, end: bool = False) -> None:
        self.end = end

    def convert(self, value: Any, param: Any, ctx: Any) -> datetime:
        from standpoint.errors import InputError
        from standpoint.graph.analysis.discourse import parse_time

        if isinstance(value, datetime):
            return value
        try:
            return parse_time(value, end=self.end)
        except InputError as err:
            self.fail(str(err), param, ctx)


def _network_file(ctx: Any, param: Any, value: Path | None) -> Path | None:
    if value is not None and value.suffix.lower() not in FILE_FORMATS:
        raise click.BadParameter(f"{value.name!r} does not end in {', '.join(FILE_FORMATS)}")
    return value


def _window_options(func: Any) -> Any:
    """--issue (repeatable), --from, --to, --level, --normalise and --min-confidence."""
    options = [
        click.option("--issue", "issues", multiple=True,
                     help="Issue id, label or alias (any case); repeat for a set of issues."),
        click.option("--from", "start", type=TimeType(), help="Only statements from this date or time on."),
        click.option("--to", "end", type=TimeType(end=True), help="Only statements up to this date or time."),
        click.option("--level", type=click.Choice(LEVELS), default="person", show_default=True,
                     help="Count people as themselves, or as their organisation or party."),
        click.option("--normalise", type=click.Choice(NORMALISATIONS), default="none", show_default=True,
                     help="Weight of actor-actor ties: the number of issues, or it divided by the "
                          "actors' issues (jaccard, cosine, average)."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0,
                     help="Only statements at least this confident."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.command()
@click.argument("kind", type=click.Choice(KINDS))
@_window_options
@click.option("--to-file", "to_file", type=click.Path(path_type=Path), callback=_network_file,
              help="Write the network to PATH.graphml, PATH.gexf or PATH.csv (edge list) instead.")
@store_option
@format_option
@handle_errors
def network(kind: str, issues: tuple[str, ...], start: datetime | None, end: datetime | None, level: str,
            normalise: str, min_confidence: float, to_file: Path | None, store: Path, fmt: str) -> None:
    """Discourse networks: who agrees (congruence), who clashes (conflict), who stands on what
    (affiliation).

    congruence links two actors for each issue on which they take the same stance, conflict for
    each issue on which one supports and the other opposes; an actor's stance is the side most of
    its statements take. Prints the edges, heaviest first, or writes the network to a file.

    \b
    Examples:
      standpoint network congruence
      standpoint network conflict --issue "national inquiry" --from 2025-01-16 --format json
      standpoint network congruence --level party --to-file parties.graphml
    """
    from standpoint.graph.analysis.discourse import edge_rows, write_network
    from standpoint.graph.analysis.discourse import network as build_network
    from standpoint.graph.rdf.store import open_store

    with open_store(store) as opened:
        G = build_network(opened, kind, issues=issues, start=start, end=end, level=level,
                          normalise=normalise, min_confidence=min_confidence)
    if to_file is not None:
        click.echo(str(write_network(G, to_file)))
        return
    rows = edge_rows(G)
    if fmt == "table":
        rows = [{**r, "issues": r.get("issues"), "evidence": len(r["evidence"])} for r in rows]
    columns = (("source", "target", "stance", "weight", "supports", "opposes", "first", "last")
               if kind == "affiliation" else ("source", "target", "weight", "count", "statements", "issues"))
    echo_rows(rows, fmt, columns)


@click.command()
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default="standpoint-report",
              show_default=True, help="Folder to write the report (index.html) into.")
@_window_options
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the coalition search and layout.")
@click.option("--title", default="standpoint report", show_default=True, help="The report's title.")
@store_option
@handle_errors
def report(out: Path, issues: tuple[str, ...], start: datetime | None, end: datetime | None, level: str,
           normalise: str, min_confidence: float, seed: int, title: str, store: Path) -> None:
    """Write a report that works offline: positions, coalitions, bridges, polarisation over time
    and changes of position, with pictures; print the path of its index.html.

    \b
    Examples:
      standpoint report --out report
      standpoint report --out parties --level party --from 2025-01-01
    """
    from standpoint.graph.analysis.report import report_data
    from standpoint.graph.rdf.store import open_store
    from standpoint.visualisations.report import write_report

    with open_store(store) as opened:
        data = report_data(opened, issues=issues, start=start, end=end, level=level, normalise=normalise,
                           min_confidence=min_confidence, seed=seed)
    click.echo(str(write_report(data, out, title=title)))
