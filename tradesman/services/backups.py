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
from tradesman.exchange.document import DataSet
from tradesman.files import describe_os_error, shown_path
from tradesman.paths import DATABASE_NAME, DataPaths, ensure_private_folder
from tradesman.services.backup_list import KeptBackup, kept_backups
from tradesman.services.counts import Counts
from tradesman.store.backup import Backup, BackupFailed, make_backup
from tradesman.store.backup_shelf import (
    changed_since_newest,
    clear_leftovers,
    highest_change_count,
    thin_backups,
)
from tradesman.store.database import Store, write_refused
from tradesman.store.datafile import Refusal, connect
from tradesman.store.restore import SIDE_FILES, copy_backup, keep_aside

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
    backup_of_current: Backup | None  # the data as it was just before, kept
    # Where the data file went instead, when it was damaged (no backup of it can be made).
    damaged_kept_as: Path | None = None

    def what_was_kept(self) -> str:
        """A sentence: where what the owner had before the restore is kept."""
        if self.backup_of_current is not None:
            name = self.backup_of_current.path.name
            return f"What you had just before is kept in the backup {name}."
        assert self.damaged_kept_as is not None
        return (
            "Your data file was damaged; it is kept beside the restored one as "
            f"{shown_path(self.damaged_kept_as.name)}."
        )


def back_up_if_changed(
    store: Store, reason: str = AUTOMATIC, now: datetime | None = None
) -> Backup | None:
    """A verified backup if the data changed since the newest one (None if not), then
    the old backups thinned."""
    with store.sharing():  # (the file is not swapped while it is copied)
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


def backups(store_or_paths: Store | DataPaths) -> list[KeptBackup]:
    """The backups, newest first, with how many blocks and tasks each holds."""
    return kept_backups(store_or_paths.backups)


NOT_RESTORED = "The backup was not restored"


def restore_backup(store: Store, backup: Path, locale_name: str | None) -> Restored:
    """Put the backup's data in place of the current data (after backing that up).

    When the data file itself turns out damaged (its own backup fails the check), it
    cannot be backed up nor changed safely: it is kept under another name and the backup
    put in its place, as at start-up (`restore_refused_file`)."""
    # (Here, not with the module: the import's bulk inserts load SQLAlchemy, which
    # the backups made as the window works do without.)
    from tradesman.services.data_set import replace_data_set

    data = _read_backup(store, backup, locale_name)
    moment = datetime.now().astimezone()
    try:
        counts, before = store.replace_after_backup(
            "before-restore",
            lambda session: replace_data_set(session, data, moment),
            NOT_RESTORED,
        )
    except BackupFailed as failed:
        if not failed.of_the_data or store.path.name != DATABASE_NAME:
            raise
        # No connection of ours (a transaction on another thread, a backup) may hold
        # the damaged file while it is set aside: its log would go with it, its next
        # commit into the kept file. Transactions begun after this open the restored file.
        with store.alone():
            store.close()
            aside = restore_refused_file(DataPaths(store.path.parent), backup, "damaged")
        return Restored(Counts.of(data), None, aside)
    return Restored(counts, before)


def _read_backup(store: Store, backup: Path, locale_name: str | None) -> DataSet:
    """The backup's whole data set, read from a checked, up-to-date scratch copy."""
    from tradesman.services.data_set import read_data_set

    scratch = _scratch(store.backups)
    try:
        with tempfile.TemporaryDirectory(prefix="restoring-", dir=scratch) as folder:
            copy = Path(folder) / "backup.sqlite3"
            copy_backup(backup, copy)
            source = Store(copy, Path(folder))
            try:
                with source.reading() as session:
                    return read_data_set(session, locale_name)
            finally:
                source.close()
    except (OSError, sqlite3.Error) as exc:  # (a full disk, most likely: the copy is big)
        refused = write_refused(exc, NOT_RESTORED)
        if refused is not None:
            raise refused from exc
        if isinstance(exc, OSError):
            raise UserError(f"{NOT_RESTORED}: {describe_os_error(exc)}.") from exc
        raise


def restore_refused_file(paths: DataPaths, backup: Path, why: str) -> Path:
    """At start-up, when the data file was refused: keep it under another name
    ('.<why>-<date>') and put the backup in its place. Returns where the old file went.

    The copy is finished beside the data file first; the refused file then gets its new
    name as a second name (a hard link, so it is never without one), and the copy takes
    the data file's place in one rename. A crash at any point leaves either the refused
    file or the restored copy as the data file, and the refused file kept.
    """
    building = paths.database.with_name(paths.database.name + ".restoring")
    for half_built in (building, *(Path(f"{building}{suffix}") for suffix in SIDE_FILES)):
        half_built.unlink(missing_ok=True)  # (a copy of a backup a crash cut short)
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


def newest_good_backup(paths: DataPaths) -> KeptBackup | None:
    """The newest backup that this version can restore, that passes its check and that
    holds some data — an empty one only when no other will do (a copy of empty data,
    taken after the file was lost, must not hide the last copy of the real data)."""
    from tradesman.store.backup import verify_backup

    empty: KeptBackup | None = None
    for backup in kept_backups(paths.backups):
        if backup.damage is not None or backup.newer:
            continue
        try:
            verify_backup(backup.path)
        except BackupFailed:
            continue
        if backup.blocks or backup.tasks:
            return backup
        empty = empty or backup
    return empty


def _scratch(folder: Path) -> Path:
    try:
        ensure_private_folder(folder)
    except OSError as exc:
        raise UserError(
            f"Could not use the backups folder {shown_path(folder)}: {describe_os_error(exc)}."
        ) from exc
    return folder
