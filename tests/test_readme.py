"""The README's command table cannot drift from the command line: every command and option it
lists is in `--help`, and every command of `--help` is in the table, once."""

from __future__ import annotations

import re
from pathlib import Path

import click
from conftest import invoke

from standpoint.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


def _table() -> list[str]:
    """The first cell (its code) of each row of the command table."""
    rows = [line for line in README.read_text(encoding="utf-8").splitlines()
            if line.startswith("| `standpoint ")]
    return [re.match(r"\| `([^`]*)`", row).group(1).replace("\\|", "|") for row in rows]


def _commands(cell: str) -> list[list[str]]:
    """The command paths a cell names: `correct confirm|reject …` names correct confirm, …"""
    paths, command = [[]], main
    for word in cell.split()[1:]:
        names = word.split("|")
        if not isinstance(command, click.Group) or names[0] not in command.commands:
            break
        paths = [path + [name] for path in paths for name in names]
        command = command.commands[names[0]]
    return paths


def test_every_command_and_option_of_the_table_is_in_help() -> None:
    for cell in _table():
        paths = _commands(cell)
        assert paths != [[]], f"{cell!r} names no command"
        helps = []
        for path in paths:
            result = invoke(*path, "--help")
            assert result.exit_code == 0, f"standpoint {' '.join(path)}: {result.output}"
            helps.append(result.stdout)
        for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", cell):
            assert any(re.search(rf"(?<![\w-]){option}(?![\w-])", h) for h in helps), \
                f"README lists {option} for `{cell}`, which `--help` does not know"


def test_every_command_of_help_is_in_the_table_once() -> None:
    listed = [path[0] for cell in _table() for path in _commands(cell)[:1]]
    assert sorted(set(listed)) == sorted(main.commands)
    groups = {cell.split()[1] for cell in _table() if len(_commands(cell)) == 1 and len(_commands(cell)[0]) == 1}
    assert [c for c in listed if c in groups and listed.count(c) > 1] == [], "a command is listed twice"


def test_the_example_builds_work_from_a_checkout(tmp_path: Path) -> None:
    """Each `standpoint build FILES` example names files of the repository (no ../shared)."""
    root = README.parent
    lines = [line.split("#")[0].split()[2:] for line in README.read_text(encoding="utf-8").splitlines()
             if line.startswith("standpoint build ") and len(line.split("#")[0].split()) > 2
             and not line.split()[2].isupper()]  # SOURCES: a placeholder
    assert lines, "the README shows no build of given files"
    for words in lines:
        files = [f for word in words if not word.startswith("-") for f in sorted(root.glob(word))]
        assert files, f"`standpoint build {' '.join(words)}` names no file of the repository"
        result = invoke("build", *files, "--store", tmp_path / "store")
        assert result.exit_code == 0, result.output
