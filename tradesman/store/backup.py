"""Verified backup copies of the database.

A copy is made with SQLite's `VACUUM INTO`, which reads a consistent snapshot even
while the app is writing (a plain file copy of a live WAL database can be torn). The
copy is written under a temporary name, checked with `PRAGMA quick_check` and for
being a Tradesman file, and only then renamed into place: a backup that exists is a
backup that was verified.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tradesman.errors import UserError
from tradesman.paths import FILE_MODE, ensure_private_folder
from tradesman.store.header import APPLICATION_ID

_REASON = re.compile(r"^[a-z0-9-]+$")
BACKUP_SUFFIX = ".sqlite3"


class BackupFailed(UserError):
    """A backup could not be made or did not verify; nothing that depends on it went ahead."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str


def backup_name(taken: datetime, reason: str) -> str:
    """'tradesman-2026-11-23T101500-before-import.sqlite3' (local time, sorts by age)."""
    if not _REASON.match(reason):
        raise ValueError(f"backup reason must be a short slug, not {reason!r}")
    return f"tradesman-{taken:%Y-%m-%dT%H%M%S}-{reason}{BACKUP_SUFFIX}"


def make_backup(db: sqlite3.Connection, folder: Path, reason: str) -> Backup:
    """Copy the open database `db` into `folder` and verify the copy.

    Raises BackupFailed (a plain sentence) if the copy cannot be written or does not
    verify; the half-written file is removed and the database itself is not touched.
    """
    taken = datetime.now().astimezone()
    try:
        ensure_private_folder(folder)
    except OSError as exc:
        raise BackupFailed(f"Could not make the backup folder {folder}: {exc.strerror}.") from exc
    final = _free_name(folder, backup_name(taken, reason))
    partial = final.with_name(final.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    try:
        db.execute("VACUUM INTO ?", (str(partial),))
        partial.chmod(FILE_MODE)
        verify_backup(partial)
        partial.replace(final)
    except (sqlite3.Error, OSError, BackupFailed) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if isinstance(exc, BackupFailed):
            raise
        raise BackupFailed(f"Could not write a backup to {folder}: {exc}.") from exc
    return Backup(final, taken, reason)


def verify_backup(path: Path) -> None:
    """Raise BackupFailed unless `path` is a sound Tradesman database."""
    try:
        copy = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupFailed(f"The backup {path.name} cannot be opened: {exc}.") from exc
    try:
        result = copy.execute("PRAGMA quick_check").fetchone()
        app_id = copy.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.Error as exc:
        raise BackupFailed(f"The backup {path.name} cannot be read: {exc}.") from exc
    finally:
        copy.close()
    if result is None or result[0] != "ok":
        raise BackupFailed(f"The backup {path.name} failed its check ({result}).")
    if app_id != APPLICATION_ID:
        raise BackupFailed(f"The backup {path.name} is not a Tradesman file.")


def _free_name(folder: Path, name: str) -> Path:
    """Two backups in the same second (an import right after a migration) get -2, -3..."""
    candidate = folder / name
    stem = candidate.name.removesuffix(BACKUP_SUFFIX)
    counter = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{counter}{BACKUP_SUFFIX}"
        counter += 1
    return candidate
