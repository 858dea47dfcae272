"""How far long work (an import, an export) has come, and the owner's way to stop it.

The work calls a `Progress` with the part done, from 0 to 1; whoever shows it (the
window's progress dialog, the command line's line on a terminal) may raise `Cancelled`
from inside that call, and the work stops there: an import's transaction is rolled
back, an export's temporary file removed.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float], None]


class Cancelled(Exception):
    """The owner stopped the work; nothing was changed."""


def no_progress(done: float) -> None:
    """A `Progress` that shows nothing and never stops the work."""


class Steps:
    """Counts items done out of `total` and tells `progress` the part of the whole work
    they are: from `start` to `end` of it. It speaks once per hundredth of its stretch at
    most, so a million items cost a hundred calls, not a million."""

    def __init__(self, progress: Progress, total: int, start: float = 0.0, end: float = 1.0):
        self._progress = progress
        self._total = max(total, 1)
        self._start = start
        self._span = end - start
        self._every = max(self._total // 100, 1)
        self._done = 0
        self._next = 0

    def step(self, items: int = 1) -> None:
        self._done += items
        if self._done >= self._next or self._done == self._total:
            self._next = self._done + self._every
            self._progress(self._start + self._span * min(self._done / self._total, 1.0))


def stretch(progress: Progress, start: float, end: float) -> Progress:
    """A `Progress` for one stretch of the work: its 0 to 1 is `start` to `end` of the whole."""
    return lambda done: progress(start + (end - start) * done)
