"""Errors the user can act on, as opposed to bugs.

A `UserError` carries one plain sentence that is shown as it is: on stderr by the
command line (exit code 1), in a message box by the window. Anything else that
escapes is a bug and is reported as one.
"""

from __future__ import annotations


class UserError(Exception):
    """Something went wrong that the user can understand and fix."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(UserError):
    """A mistake in the command itself (an empty --data-dir, say): exit code 2, as for
    the mistakes the argument parser finds."""
