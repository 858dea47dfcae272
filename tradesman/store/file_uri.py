"""How SQLite is told which file to open, and how: the data file's URI and its options.

Kept apart from datafile.py so that the start-up's early check (early_check.py) can
open the file before the rest of the store is loaded.
"""

from __future__ import annotations

import os
from pathlib import Path

BUSY_TIMEOUT_MS = 5000


def database_uri(path: Path, read_only: bool = False, without_log: bool = False) -> str:
    """The file: URI that opens `path` and no other file, whatever its folder is called
    (a "?", a "%", a name that is not UTF-8), with SQLite's settings for it.

    `without_log` reads the file as it is on disk, ignoring a change log beside it (only
    for a file nobody is writing). On a full disk, where SQLite cannot make the shared
    index a log needs, the file is opened for this process alone (the index then lives
    in memory), so that reading still works.
    """
    options = []
    if read_only:
        options.append("mode=ro")
    if without_log:
        options.append("immutable=1")
    elif no_room_for_log_index(path):
        options.append("vfs=unix-excl")
    uri = path.absolute().as_uri()
    return f"{uri}?{'&'.join(options)}" if options else uri


# SQLite's shared index of the log takes 32 KiB when it is made; a log needs room too.
_ROOM_FOR_THE_LOG = 1024 * 1024
_LOG_INDEX_SIZE = 32 * 1024


def no_room_for_log_index(path: Path) -> bool:
    if os.name != "posix":
        return False
    try:
        if Path(f"{path}-shm").stat().st_size >= _LOG_INDEX_SIZE:
            return False  # (made already: by a program that has the file open, maybe)
    except OSError:
        pass
    try:
        room = os.statvfs(path.parent)
    except OSError:
        return False
    return room.f_bavail * room.f_frsize < _ROOM_FOR_THE_LOG
