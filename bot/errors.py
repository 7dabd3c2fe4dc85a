"""Errors the engine raises; each carries a message fit to show a user as it is."""

from __future__ import annotations


class NewsbotError(Exception):
    """Base of every error meant for the user: its message says what is wrong."""


class ConfigError(NewsbotError):
    """A missing or malformed setting. The message names the setting."""


class ImportProblem(NewsbotError):
    """One item of an import could not be read; the message says which and why."""


class MigrationError(NewsbotError):
    """A migration file failed; the database was left as it was."""


class NotFound(NewsbotError):
    """A looked-up record does not exist."""


class Duplicate(NewsbotError):
    """An article is already stored; ``existing_id`` points at it."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id
