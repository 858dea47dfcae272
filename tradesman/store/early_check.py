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
- the file is the same one, unchanged (device, inode, size, time to the nanosecond
  where the disk keeps it so, and SQLite's header with its change counter), and still
  has no log waiting, when the check ends and again when its answer is taken. So it
  may begin before the folder is claimed: a program writing the file meanwhile leaves
  a change log waiting, or changes the file when it folds the log in, and either way
  the answer is not taken.

Anything unusual (no file yet, a full disk, SQLite unable to read it) gives no answer,
and the opening checks for itself as before and says what is wrong in its own words.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import threading
from pathlib import Path

from tradesman.store.file_uri import BUSY_TIMEOUT_MS, database_uri, no_room_for_log_index
from tradesman.store.wal import has_changes_waiting

# What identifies the file's contents without reading them all: device, inode, size,
# time and SQLite's 100-byte header (a disk that keeps times coarsely, to the clock
# tick or two seconds, may show a same-size rewrite at the same time; the header's
# change counter and page count tell most such rewrites apart).
Signature = tuple[int, int, int, int, bytes]
HEADER_BYTES = 100


def _signature(path: Path) -> Signature | None:
    """The file as it stands, or None when an early check could not speak for it (no
    regular file: a pipe, say, would hold the check's thread for ever)."""
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode):
            return None
        with path.open("rb") as file:
            header = file.read(HEADER_BYTES)
    except OSError:
        return None
    if has_changes_waiting(path) or no_room_for_log_index(path):
        return None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, header)


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

    def wait(self) -> None:
        """Until the check has ended (its read holds SQLite's locks on the file)."""
        if self._thread is not None:
            self._thread.join()

    def answer(self, path: Path) -> list[object] | None:
        """What quick_check said of the file at `path` (["ok"] when sound), once it has
        finished; None when its answer cannot be taken for the file as it is now."""
        if self._thread is None or os.fspath(path) != os.fspath(self.path):
            return None
        self.wait()
        if self._rows is None or _signature(path) != self._before:
            return None
        return self._rows
