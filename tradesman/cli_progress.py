"""The command line's progress for long work: "Importing… 45 %" on one line of the
terminal, rewritten in place and wiped when the work ends.

Only on a terminal: when stderr goes to a file or a pipe (a script, cron, a test) the
line would be noise in what is kept, so nothing is written at all.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TextIO

_WIPE = "\r\x1b[K"  # back to the line's start, and clear it


class ProgressLine:
    """A `progress.Progress` that shows itself on stderr's terminal; use it in `with`."""

    def __init__(self, doing: str, stream: TextIO | None = None) -> None:
        self._doing = doing
        self._stream = sys.stderr if stream is None else stream
        self._shown = False
        self._percent = -1
        try:
            self._terminal = self._stream is not None and self._stream.isatty()
        except (AttributeError, ValueError):  # (no stream, or a closed one)
            self._terminal = False

    def __call__(self, done: float) -> None:
        if not self._terminal:
            return
        percent = int(min(max(done, 0.0), 1.0) * 100)
        if percent == self._percent:
            return
        self._percent = percent
        self._stream.write(f"{_WIPE}{self._doing}… {percent} %")
        self._stream.flush()
        self._shown = True

    def __enter__(self) -> ProgressLine:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._shown:  # (what is said next starts on a clean line)
            self._stream.write(_WIPE)
            self._stream.flush()
