"""Bringing a backup back: copied with SQLite's backup API into a new file (never a
plain file copy), checked, and brought up to this version's schema; and setting a
refused data file aside under another name, so it is kept, never overwritten."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from tradesman.errors import UserError
from tradesman.paths import FILE_MODE
from tradesman.store.backup import verify_backup
from tradesman.store.migrations import MIGRATIONS, Migration, run_migrations

SIDE_FILES = ("-wal", "-shm", "-journal")


def copy_backup(backup: Path, target: Path, migrations: Sequence[Migration] = MIGRATIONS) -> None:
    """Write the backup's data into the new file `target`, up to date; UserError if the
    backup is unusable or from a newer Tradesman. `target` must not exist yet."""
    verify_backup(backup)
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    try:
        source = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
        copy = sqlite3.connect(target, isolation_level=None)
        try:
            source.backup(copy)
            version = copy.execute("PRAGMA user_version").fetchone()[0]
            if version > len(migrations):
                raise UserError(
                    f"The backup {backup.name} was made by a newer Tradesman; "
                    "update Tradesman to use it."
                )
            run_migrations(copy, version, migrations)
            copy.execute("PRAGMA journal_mode = WAL")
        finally:
            source.close()
            copy.close()
    except BaseException:
        for leftover in (target, *(Path(f"{target}{suffix}") for suffix in SIDE_FILES)):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise


def keep_aside(path: Path, why: str, now: datetime | None = None) -> Path:
    """Give the data file a second name, '<name>.<why>-<date>' (a hard link: the file is
    never without a name), and move SQLite's files beside it to go with that name, so
    the data file's own name is free to be replaced. Falls back to renaming where the
    disk has no hard links. Nothing is deleted or overwritten."""
    aside = free_aside_name(path, why, now)
    try:
        os.link(path, aside)
    except OSError:
        return _set_aside(path, why, now)
    # Its log goes with it: a new file must never meet the old file's log.
    for suffix in SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(Path(f"{aside}{suffix}"))
    return aside


def free_aside_name(path: Path, why: str, now: datetime | None = None) -> Path:
    """'<name>.<why>-<date>' beside `path`, with -2, -3... where that is taken."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%dT%H%M%S")
    aside = path.with_name(f"{path.name}.{why}-{stamp}")
    counter = 2
    while aside.exists():
        aside = path.with_name(f"{path.name}.{why}-{stamp}-{counter}")
        counter += 1
    return aside


def _set_aside(path: Path, why: str, now: datetime | None = None) -> Path:
    """Rename the data file (and SQLite's files beside it) to '<name>.<why>-<date>';
    returns the new name. Nothing is deleted or overwritten."""
    aside = free_aside_name(path, why, now)
    path.rename(aside)
    for suffix in SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(Path(f"{aside}{suffix}"))
    return aside
