"""Verified backup copies of the database.

A copy is made with SQLite's `VACUUM INTO`, which reads a consistent snapshot even
while the app is writing (a plain file copy of a live WAL database can be torn). The
copy is written under a temporary name, checked with `PRAGMA integrity_check` (which,
unlike quick_check, also finds an index that no longer matches its table) and for
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
from tradesman.files import shown_path
from tradesman.paths import FILE_MODE, ensure_private_folder
from tradesman.store.checks import damage_found, damage_in_words, is_damage
from tradesman.store.header import APPLICATION_ID

_REASON = re.compile(r"^[a-z0-9-]+$")
BACKUP_SUFFIX = ".sqlite3"


class BackupFailed(UserError):
    """A backup could not be made or did not verify; nothing that depends on it went ahead.

    `of_the_data`: the copy was made but is damaged — when it was just copied from the
    data file, the damage is in the data file itself (`detail` says what it is)."""

    def __init__(self, message: str, detail: str = "", of_the_data: bool = False) -> None:
        super().__init__(message)
        self.detail = detail
        self.of_the_data = of_the_data


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
        raise BackupFailed(
            f"Could not make the backup folder {shown_path(folder)}: {_in_words(exc)}."
        ) from exc
    final = _free_name(folder, backup_name(taken, reason))
    partial = final.with_name(final.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    try:
        db.execute("VACUUM INTO ?", (_sqlite_name(partial),))
        partial.chmod(FILE_MODE)
        verify_backup(partial)
        partial.replace(final)
    except (sqlite3.Error, OSError, BackupFailed) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if isinstance(exc, BackupFailed):
            if exc.of_the_data:  # (the copy is faithful: it is the data file that is damaged)
                raise BackupFailed(
                    f"No backup can be made: your data file is damaged ({exc.detail}).",
                    detail=exc.detail,
                    of_the_data=True,
                ) from None
            raise
        raise BackupFailed(
            f"Could not write a backup to {shown_path(folder)}: {_in_words(exc)}."
        ) from exc
    return Backup(final, taken, reason)


def _sqlite_name(path: Path) -> str:
    """The name VACUUM INTO is given: the path, or its file: URI where the path is not
    UTF-8 (SQLite takes text; our connections are opened with URIs allowed)."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return path.absolute().as_uri()
    return text


def _in_words(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        from tradesman.files import describe_os_error

        return describe_os_error(exc)
    text = str(exc)
    return "the disk is full" if "disk is full" in text else text


def verify_backup(path: Path) -> None:
    """Raise BackupFailed unless `path` is a sound Tradesman database: every page, every
    index against its table (integrity_check), and our application id."""
    name = shown_path(path.name)
    try:
        copy = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            app_id = copy.execute("PRAGMA application_id").fetchone()[0]
            damage = damage_found(copy)
        finally:
            copy.close()
    except sqlite3.Error as exc:
        if not is_damage(exc):  # (busy, no file handles, a read refused: not damage)
            raise BackupFailed(
                f"The backup {name} cannot be read: {exc}.", detail=f"it cannot be read: {exc}"
            ) from exc
        damage = damage_in_words(str(exc))
    else:
        if app_id != APPLICATION_ID:
            raise BackupFailed(
                f"The backup {name} is not a Tradesman file.", detail="not a Tradesman file"
            )
    if damage is not None:
        raise BackupFailed(
            f"The backup {name} is damaged ({damage}).", detail=damage, of_the_data=True
        )


def _free_name(folder: Path, name: str) -> Path:
    """Two backups in the same second (an import right after a migration) get -2, -3..."""
    candidate = folder / name
    stem = candidate.name.removesuffix(BACKUP_SUFFIX)
    counter = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{counter}{BACKUP_SUFFIX}"
        counter += 1
    return candidate
