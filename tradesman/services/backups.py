"""Automatic backups and restoring one: what the window's timer, its start-up and File →
Restore from backup… ask for, and what the command line's `backups` and `restore` do.

- A backup is taken at start-up and every half hour of work, only when the data has
  changed since the newest backup (the change count it holds tells), then old ones
  are thinned by age (domain/retention.py).
- Restoring reads the backup's data set and puts it in place of the current data in
  one transaction, after a verified backup of the current data: as an import does,
  so it is all or nothing and can itself be undone by restoring that backup.
"""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tradesman.errors import UserError
from tradesman.paths import DataPaths, ensure_private_folder
from tradesman.services.data_set import Counts, read_data_set, replace_data_set
from tradesman.store.backup import Backup, make_backup
from tradesman.store.backup_shelf import (
    ShelvedBackup,
    changed_since_newest,
    clear_leftovers,
    highest_change_count,
    list_backups,
    thin_backups,
)
from tradesman.store.database import Store
from tradesman.store.datafile import Refusal, connect
from tradesman.store.restore import copy_backup, keep_aside, set_aside

AUTOMATIC = "automatic"
AT_START = "at-start"
# What a refused data file is kept as, when a backup takes its place. (A file that
# cannot be read at all — no permission, say — is a different problem: no restore.)
SET_ASIDE_AS = {
    Refusal.DAMAGED: "damaged",
    Refusal.NOT_TRADESMAN: "damaged",
    Refusal.NEWER: "newer",
}


@dataclass(frozen=True)
class Restored:
    counts: Counts
    backup_of_current: Backup  # the data as it was just before, kept


def back_up_if_changed(
    store: Store, reason: str = AUTOMATIC, now: datetime | None = None
) -> Backup | None:
    """A verified backup if the data changed since the newest one (None if not), then
    the old backups thinned."""
    clear_leftovers(store.backups)
    db = connect(store.path)
    try:
        if not changed_since_newest(db, store.backups):
            return None
        backup = make_backup(db, store.backups, reason)
    finally:
        db.close()
    thin_backups(store.backups, now or datetime.now())
    return backup


def backups(store_or_paths: Store | DataPaths) -> list[ShelvedBackup]:
    """The backups, newest first, with how many blocks and tasks each holds."""
    return list_backups(store_or_paths.backups)


def restore_backup(store: Store, backup: Path, locale_name: str | None) -> Restored:
    """Put the backup's data in place of the current data (after backing that up)."""
    with tempfile.TemporaryDirectory(prefix="restoring-", dir=_scratch(store.backups)) as folder:
        copy = Path(folder) / "backup.sqlite3"
        copy_backup(backup, copy)
        source = Store(copy, Path(folder))
        try:
            with source.reading() as session:
                data = read_data_set(session, locale_name)
        finally:
            source.close()
    moment = datetime.now().astimezone()
    counts, before = store.replace_after_backup(
        "before-restore", lambda session: replace_data_set(session, data, moment)
    )
    return Restored(counts, before)


def restore_refused_file(paths: DataPaths, backup: Path, why: str) -> Path:
    """At start-up, when the data file was refused: keep it under another name
    ('.<why>-<date>') and put the backup in its place. Returns where the old file went.

    The copy is finished beside the data file first; the refused file then gets its new
    name as a second name (a hard link, so it is never without one), and the copy takes
    the data file's place in one rename. A crash at any point leaves either the refused
    file or the restored copy as the data file, and the refused file kept.
    """
    building = paths.database.with_name(paths.database.name + ".restoring")
    if building.exists():
        set_aside(building, "left-over")
    copy_backup(backup, building)
    # The restored copy counts on from every backup's count: its own, older count must
    # not come to equal a newer backup's and hide the next change from the backups.
    db = sqlite3.connect(building, isolation_level=None)
    try:
        db.execute(
            "UPDATE change_count SET changes = ?", (highest_change_count(paths.backups) + 1,)
        )
    finally:
        db.close()
    aside = keep_aside(paths.database, why) if paths.database.exists() else paths.database
    building.replace(paths.database)
    return aside


def newest_good_backup(paths: DataPaths) -> ShelvedBackup | None:
    """The newest backup that this version can restore and that passes its check."""
    from tradesman.store.backup import BackupFailed, verify_backup
    from tradesman.store.migrations import SCHEMA_VERSION

    for backup in list_backups(paths.backups):
        if backup.schema_version > SCHEMA_VERSION:
            continue
        try:
            verify_backup(backup.path)
        except BackupFailed:
            continue
        return backup
    return None


def _scratch(folder: Path) -> Path:
    try:
        ensure_private_folder(folder)
    except OSError as exc:
        raise UserError(f"Could not use the backups folder {folder}: {exc.strerror}.") from exc
    return folder
