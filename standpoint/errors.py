"""One family of errors: the CLI turns any of them into one line on stderr and exit code 1."""

from __future__ import annotations


class StandpointError(Exception):
    """Base of every error standpoint reports to a user."""


class InputError(StandpointError):
    """A source, registry or query given by the user cannot be read.

    The message names the file (and line, when known) and what is wrong.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path} line {line}: " if line is not None else f"{path}: "
        super().__init__(where + message)


class RegistryError(InputError):
    """The registry (seeds/registry.yaml or a user's own) is not valid."""


class StoreError(StandpointError):
    """The embedded store cannot be opened, read or written."""


class GraphDatabaseError(StandpointError):
    """The graph database (Neo4j, FalkorDB) cannot be reached or refused an operation."""
