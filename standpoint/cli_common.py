"""What every command of the `standpoint` command line shares: the one error handler, the common
options, the date type and the way rows are printed. The command modules (cli.py, correct_cli.py,
network_cli.py) depend on this module, never on each other."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from standpoint.errors import StandpointError
from standpoint.output import FORMATS, render

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def handle_errors(func: F) -> F:
    """Turn our errors into one line on stderr and exit code 1; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StandpointError as err:
            click.echo(f"standpoint: error: {one_line(str(err))}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("standpoint: interrupted; the store is unchanged", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(message: str) -> str:
    """A message as one printable line: line breaks and control characters (which a hostile
    file name or field could carry to the terminal) shown escaped, e.g. \\n, \\x1b."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], message)


def store_option(func: F) -> F:
    return click.option(
        "--store", "store", type=click.Path(path_type=Path), envvar="STANDPOINT_STORE",
        default="standpoint-store", show_default=True,
        help="Store directory (or set STANDPOINT_STORE).",
    )(func)


def format_option(func: F) -> F:
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
        help="Output format.",
    )(func)


def issue_option(func: F) -> F:
    return click.option("--issue", help="Issue id, label or alias (any case).")(func)


def actor_options(func: F) -> F:
    """--actor and --on: an actor, or a role ("the Home Secretary") held on a day."""
    func = on_option(func)
    return click.option("--actor", help="Actor id, name or alias (any case; honorifics ignored), "
                                         "or a role such as \"the Home Secretary\".")(func)


def on_option(func: F) -> F:
    return click.option("--on", "on", type=DateType(),
                        help="The day on which a role given as the actor was held (default: today).")(func)


def echo_rows(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> None:
    text = render(rows, fmt, columns)
    if text:
        click.echo(text)


def progress(items: Sequence[T], label: str) -> Iterable[T]:
    """A progress bar on stderr for long builds (shown only on a terminal)."""
    if len(items) < 200 or not sys.stderr.isatty():
        return items
    with click.progressbar(items, label=label, file=sys.stderr) as bar:
        return list(bar)


class DateType(click.ParamType):  # type: ignore[type-arg]
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: Any, ctx: Any) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date (YYYY-MM-DD)", param, ctx)
