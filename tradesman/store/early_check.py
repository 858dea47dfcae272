"""The data file's quick check, begun on a thread of its own as the window starts.

Before the week is shown, `PRAGMA quick_check` reads the whole data file: about 7 ms
with five years of data, about 60 ms with fifty. The window cannot show the file's
data before the check has passed, but it need not sit and wait for it either: SQLite
reads with Python's lock let go, so a check begun on its own thread before PySide is
loaded (cli.main) runs while PySide loads and the window is built and painted, and
costs the start almost nothing. `open_data_file` (datafile.py) then takes its answer instead of
checking again, but only when the answer is surely about the file as it is now:

- it is begun only when no change log is waiting beside the file (after an unclean
  shutdown the opening runs the thorough check itself, and may move the log aside);
- the file is the same one, unchanged (device, inode, size and time to the
  nanosecond), and still has no log waiting, when the check ends and again when its
  answer is taken. So it may begin before the folder is claimed: a program writing
  the file meanwhile leaves a change log waiting, or changes the file when it folds
  the log in, and either way the answer is not taken.

Anything unusual (no file yet, a full disk, SQLite unable to read it) gives no answer,
and the opening checks for itself as before and says what is wrong in its own words.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path

from tradesman.store.file_uri import BUSY_TIMEOUT_MS, database_uri, no_room_for_log_index
from tradesman.store.wal import has_changes_waiting

# What identifies the file's contents without reading them: device, inode, size, time.
Signature = tuple[int, int, int, int]


def _signature(path: Path) -> Signature | None:
    """The file as it stands, or None when an early check could not speak for it."""
    try:
        stat = path.stat()
    except OSError:
        return None
    if has_changes_waiting(path) or no_room_for_log_index(path):
        return None
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


class EarlyCheck:
    """`PRAGMA quick_check` of the file at `path`, run at once on a thread of its own."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._before = _signature(path)
        self._rows: list[object] | None = None
        self._thread: threading.Thread | None = None
        if self._before is not None:
            self._thread = threading.Thread(target=self._run, name="quick check", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            db = sqlite3.connect(database_uri(self.path, read_only=True), uri=True)
        except sqlite3.Error:
            return
        try:
            with contextlib.closing(db):
                db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                rows = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.Error:
            return
        if _signature(self.path) == self._before:
            self._rows = rows

    def answer(self, path: Path) -> list[object] | None:
        """What quick_check said of the file at `path` (["ok"] when sound), once it has
        finished; None when its answer cannot be taken for the file as it is now."""
        if self._thread is None or os.fspath(path) != os.fspath(self.path):
            return None
        self._thread.join()
        if self._rows is None or _signature(path) != self._before:
            return None
        return self._rows
