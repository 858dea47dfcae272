"""The backups folder: what is in it (when, why, how much data), whether the data has
changed since the newest backup, and thinning old backups by age.

Every backup is a verified Tradesman database (backup.py); here they are only read,
always read-only, and removed only by `thin_backups`.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tradesman.domain.retention import backups_to_keep
from tradesman.store.backup import BACKUP_SUFFIX

_NAME = re.compile(
    r"^tradesman-(\d{4}-\d{2}-\d{2}T\d{6})-([a-z0-9-]+?)(?:-(\d+))?"
    + re.escape(BACKUP_SUFFIX)
    + "$"
)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShelvedBackup:
    """One backup file, with what it holds."""

    path: Path
    taken: datetime  # local time, from its name
    reason: str  # "automatic", "before-import", ...
    blocks: int
    tasks: int
    schema_version: int
    changes: int | None  # the change count it was taken at (None: taken before counting)


def list_backups(folder: Path) -> list[ShelvedBackup]:
    """The backups in `folder`, newest first; files that cannot be read are left out."""
    found = []
    for path in folder.glob(f"tradesman-*{BACKUP_SUFFIX}") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match is None:
            continue
        try:
            taken = datetime.strptime(match.group(1), "%Y-%m-%dT%H%M%S")
            # (Two in one second: the time each file was written orders them, and the
            # -2, -3... of one reason if even that is the same.)
            order = (path.stat().st_mtime_ns, int(match.group(3) or 1))
            found.append((order, _read(path, taken, match.group(2))))
        except (sqlite3.Error, OSError) as exc:
            log.warning("backup %s cannot be read: %s", path.name, exc)
    found.sort(key=lambda ordered: (ordered[1].taken, ordered[0]), reverse=True)
    return [backup for _, backup in found]


def _read(path: Path, taken: datetime, reason: str) -> ShelvedBackup:
    db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        blocks = db.execute("SELECT count(*) FROM block").fetchone()[0]
        tasks = db.execute("SELECT count(*) FROM task").fetchone()[0]
        changes = None
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'change_count'").fetchone():
            changes = db.execute("SELECT changes FROM change_count").fetchone()[0]
    finally:
        db.close()
    return ShelvedBackup(path, taken, reason, blocks, tasks, version, changes)


def change_count(db: sqlite3.Connection) -> int:
    """How many changes have been saved to the open database, ever."""
    return int(db.execute("SELECT changes FROM change_count").fetchone()[0])


def changed_since_newest(db: sqlite3.Connection, folder: Path) -> bool:
    """Whether the data in `db` has changed since the newest backup was taken."""
    backups = list_backups(folder)
    return not backups or backups[0].changes != change_count(db)


AUTOMATIC_REASONS = ("automatic", "at-start")


def thin_backups(folder: Path, now: datetime) -> list[Path]:
    """Remove the backups the retention rule lets go; returns what was removed."""
    backups = list_backups(folder)
    kept = backups_to_keep(
        (backup.taken for backup in backups),
        now,
        (backup.taken for backup in backups if backup.reason not in AUTOMATIC_REASONS),
    )
    removed = []
    for backup in backups:
        if backup.taken not in kept:
            try:
                backup.path.unlink()
            except OSError:  # (gone already, or held open a moment: next time)
                continue
            removed.append(backup.path)
    return removed


def clear_leftovers(folder: Path) -> None:
    """What a backup or a restore cut short by a crash left behind: half-written copies
    (`*.partial`) and scratch folders (`restoring-*`). Never a finished backup."""
    import shutil

    if not folder.is_dir():
        return
    for leftover in folder.iterdir():
        try:
            if leftover.is_dir() and leftover.name.startswith("restoring-"):
                shutil.rmtree(leftover)
            elif ".partial" in leftover.name and leftover.is_file():
                leftover.unlink()
        except OSError as exc:
            log.warning("cannot clear %s: %s", leftover.name, exc)


def highest_change_count(folder: Path) -> int:
    """The highest change count any backup was taken at (0 when none tells)."""
    return max((b.changes for b in list_backups(folder) if b.changes is not None), default=0)
