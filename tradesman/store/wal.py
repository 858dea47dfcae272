"""The write-ahead log beside the data file: is it in use, and is it this file's?

SQLite keeps the newest changes in `tradesman.sqlite3-wal` (with an index of it in
`-shm`) and folds them into the file later. Whatever log lies beside the file when
SQLite opens it is taken for the file's own and folded in for good when the last
connection closes, even when it is another program's log, or a log left by a crash of
an older copy that has since been put in the file's place. Nothing in a log ties it
to the file it was written for, so before the data file is opened for writing, a log
that no running program holds is checked through SQLite (datafile.py): if the file
reads as sound without it and not with it, the log is not this file's, and it is
moved aside here under a name that says so, kept, never folded in.

A log in use is never moved: a running window or command holds SQLite's locks on the
file and its index, and moving its log from under it would split its changes in two.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

LOG_SUFFIX = "-wal"
INDEX_SUFFIX = "-shm"
NOT_THIS_FILES = "not-this-file"


def log_of(path: Path) -> Path:
    return Path(f"{path}{LOG_SUFFIX}")


def has_changes_waiting(path: Path) -> bool:
    """Whether a log beside the file holds anything (an empty log is what SQLite leaves
    between writes, and nothing is folded in from it)."""
    try:
        return log_of(path).stat().st_size > 0
    except OSError:
        return False


def in_use(path: Path) -> bool | None:
    """Whether some program (this one included) has the data file open through SQLite:
    it then holds a lock on the file or on its log's index. None: cannot tell here.

    Read from /proc/locks (Linux) rather than by trying a lock: to try one, the file
    must be opened and closed, and closing any handle on a file drops every lock this
    process holds on it — SQLite's own among them.
    """
    try:
        listing = Path("/proc/locks").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    watched = set()
    for file in (path, Path(f"{path}{INDEX_SUFFIX}")):
        try:
            info = file.stat()
        except OSError:
            continue
        device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}"
        watched.add(f"{device}:{info.st_ino}")
    for line in listing.splitlines():
        fields = line.split()
        # "1: POSIX  ADVISORY  READ 6491 fe:00:2146463 128 128" (a "->" marks a waiter)
        if "->" in fields:
            fields.remove("->")
        if len(fields) >= 6 and _same_file(fields[5], watched):
            return True
    return False


def _same_file(where: str, watched: set[str]) -> bool:
    # The kernel writes the device numbers as two hex digits or more: compare them as numbers.
    parts = where.split(":")
    if len(parts) != 3:
        return False
    try:
        major, minor, inode = int(parts[0], 16), int(parts[1], 16), int(parts[2])
    except ValueError:
        return False
    return f"{major:02x}:{minor:02x}:{inode}" in watched


def set_log_aside(path: Path, now: datetime | None = None) -> Path | None:
    """Move the log (and its index) beside `path` to '<name>-wal.not-this-file-<date>';
    returns the log's new name (None: it had gone meanwhile, moved by another start).
    Nothing is deleted."""
    from tradesman.store.restore import free_aside_name

    log = log_of(path)
    aside = free_aside_name(log, NOT_THIS_FILES, now)
    try:
        log.rename(aside)
    except FileNotFoundError:
        return None
    index = Path(f"{path}{INDEX_SUFFIX}")
    if index.exists():
        index.rename(Path(f"{aside}{INDEX_SUFFIX}"))
    return aside
