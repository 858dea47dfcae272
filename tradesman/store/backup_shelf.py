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
from datetime import datetime, timedelta
from pathlib import Path

from tradesman.domain.retention import backups_to_keep
from tradesman.paths import DATABASE_NAME
from tradesman.store.backup import BACKUP_SUFFIX, BackupFailed, verify_backup

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
    # Why it cannot be restored, in a few words (None: it could be read, and, if it was
    # checked, it passed).
    damage: str | None = None


def list_backups(folder: Path, checked: bool = False) -> list[ShelvedBackup]:
    """The backups in `folder`, newest first. One that cannot be read is listed with its
    `damage`; with `checked`, so is one that fails SQLite's thorough check (slower: every
    page of every backup is read)."""
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
        except (ValueError, OSError) as exc:
            log.warning("backup %s cannot be read: %s", path.name, exc)
            continue
        try:
            backup = _read(path, taken, match.group(2))
            if checked:
                verify_backup(path)
        except (sqlite3.Error, OSError, BackupFailed) as exc:
            log.warning("backup %s cannot be used: %s", path.name, exc)
            damage = exc.detail if isinstance(exc, BackupFailed) and exc.detail else str(exc)
            backup = ShelvedBackup(path, taken, match.group(2), 0, 0, 0, None, damage)
        found.append((order, backup))
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
    backups = [backup for backup in list_backups(folder) if backup.damage is None]
    return not backups or backups[0].changes != change_count(db)


AUTOMATIC_REASONS = ("automatic", "at-start")


def thin_backups(folder: Path, now: datetime) -> list[Path]:
    """Remove the backups the retention rule lets go; returns what was removed. One that
    cannot be read takes no good copy's place, and is left for the owner to see."""
    backups = [backup for backup in list_backups(folder) if backup.damage is None]
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


# Work cut short by a crash is this old at least before its leftovers are cleared by a
# start: a backup or a restore under way in another process is never pulled from under it.
LEFTOVERS_AFTER = timedelta(hours=1)


def clear_leftovers(folder: Path, older_than: timedelta = timedelta(0)) -> None:
    """What a backup or a restore cut short by a crash left behind: half-written copies
    (`*.partial`) and scratch folders (`restoring-*`) in the backups folder `folder`, and
    half-built copies beside the data file (`*.restoring`, `*.restoring.left-over-*`).
    Never a finished backup, never a file kept aside on purpose (`.damaged-*`,
    `-wal.not-this-file-*`). Only what was last touched `older_than` ago."""
    import shutil

    cut_off = datetime.now().timestamp() - older_than.total_seconds()
    beside = list(folder.parent.glob(f"{DATABASE_NAME}.restoring*"))
    inside = [*folder.glob("*.partial*"), *folder.glob("restoring-*")] if folder.is_dir() else []
    for leftover in beside + inside:  # (by name first: finished backups are not even looked at)
        half_built = leftover.parent != folder or ".partial" in leftover.name
        try:
            if leftover.lstat().st_mtime > cut_off:
                continue
            if leftover.is_dir() and leftover.name.startswith("restoring-") and not half_built:
                shutil.rmtree(leftover)
            elif half_built and leftover.is_file() and not leftover.is_symlink():
                leftover.unlink()
        except OSError as exc:
            log.warning("cannot clear %s: %s", leftover.name, exc)


def highest_change_count(folder: Path) -> int:
    """The highest change count any backup was taken at (0 when none tells)."""
    return max((b.changes for b in list_backups(folder) if b.changes is not None), default=0)
