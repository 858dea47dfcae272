"""Opening the data file safely, with nothing but the standard sqlite3 module.

The order matters for never losing data:
1. Anything that is not our file — not a regular file, not SQLite, another program's,
   from a newer Tradesman, or empty where backups show there was data — is refused
   from what it is and its header bytes alone, so it stays byte-for-byte untouched.
2. A change log (`-wal`) that a crash left beside the file is checked before SQLite
   may fold it in: one that is not this file's is moved aside and kept (wal.py).
3. Our file is checked through SQLite, read-only: application id, data version, its
   tables, and `PRAGMA quick_check` — or the slower, thorough `integrity_check` after
   an unclean shutdown (a log left behind), which also finds a damaged index. A
   damaged file is refused, not repaired.
4. An older file gets a verified backup, then each migration step in its own transaction.
A new file is built under a temporary name and renamed into place when complete.

No SQLAlchemy here: the window opens the file and shows the week before SQLAlchemy
(a slow import) is loaded. See docs/ARCHITECTURE.md, "Start-up".
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from tradesman.errors import UserError
from tradesman.files import describe_os_error, kind_of_file, shown_path
from tradesman.paths import FILE_MODE, DataPaths
from tradesman.store.backup import make_backup
from tradesman.store.checks import damage_in_words, is_damage
from tradesman.store.file_uri import BUSY_TIMEOUT_MS, database_uri, no_room_for_log_index
from tradesman.store.header import APPLICATION_ID, FileKind, read_header
from tradesman.store.migrations import MIGRATIONS, TABLES, Migration, run_migrations
from tradesman.store.restore import free_aside_name
from tradesman.store.wal import has_changes_waiting, in_use, set_log_aside

if TYPE_CHECKING:
    from tradesman.store.early_check import EarlyCheck


class Refusal(Enum):
    NOT_TRADESMAN = "not a Tradesman file"
    NEWER = "made by a newer version"
    DAMAGED = "damaged"
    UNREADABLE = "cannot be read"


class DataFileRefused(UserError):
    """The data file cannot be used as it is; it has been left exactly as it was."""

    def __init__(self, message: str, reason: Refusal, path: Path, detail: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path
        self.detail = detail or reason.value  # (a few words: what is wrong with it)


def open_data_file(
    paths: DataPaths,
    migrations: Sequence[Migration] = MIGRATIONS,
    tell: Callable[[str], None] | None = None,
    early: EarlyCheck | None = None,
) -> Path:
    """Make sure the data file in `paths` exists, is ours, is sound and is up to date.

    `tell` hears, in a sentence for the owner, anything done on the way that they should
    know of (a change log that was not this file's, moved aside); it is logged too.
    `early` is the file's quick check begun beforehand (early_check.py), if any.
    """
    path = paths.database
    try:
        _refuse_what_is_not_a_file(path)
        kind = read_header(path).kind if path.exists() else None
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if kind is FileKind.EMPTY and _has_backups(paths.backups):
        # (A file emptied by a full disk or a bad copy, not a new start: starting afresh
        # here would back up the empty data as the newest backup.)
        raise DataFileRefused(
            f"{shown_path(path)} is empty: it holds no data at all, though your backups "
            "show there was some. It has been left as it is.",
            Refusal.DAMAGED,
            path,
        )
    if kind is None or kind is FileKind.EMPTY:
        _set_aside_leftovers(path)
        _create(path, migrations)
    else:
        _check_and_update(path, paths.backups, migrations, tell or _not_told, early)
    from tradesman.store.backup_shelf import LEFTOVERS_AFTER, clear_leftovers

    clear_leftovers(paths.backups, LEFTOVERS_AFTER)  # (whatever program a crash cut short)
    return path


def _refuse_what_is_not_a_file(path: Path) -> None:
    if path.is_symlink() and not path.exists():
        raise DataFileRefused(
            f"{shown_path(path)} is a link to {shown_path(path.readlink())}, which is not "
            "there (is a drive or a shared folder missing?). Nothing was changed.",
            Refusal.UNREADABLE,
            path,
        )
    if path.exists() and not path.is_file():
        what = kind_of_file(path)
        raise DataFileRefused(
            f"{shown_path(path)} is {what}, not a Tradesman data file. "
            "Move it away and start again.",
            Refusal.NOT_TRADESMAN,
            path,
        )


def _has_backups(folder: Path) -> bool:
    from tradesman.store.backup import BACKUP_SUFFIX

    try:
        return any(folder.glob(f"tradesman-*{BACKUP_SUFFIX}"))
    except OSError:
        return False


def _not_told(sentence: str) -> None:
    """No one to tell (the log has it already)."""


def _set_aside_leftovers(path: Path) -> None:
    """A write-ahead log without its database belongs to some earlier file: SQLite
    would replay it into the new one. Keep it, under another name, out of the way."""
    for suffix in ("-wal", "-shm", "-journal"):
        leftover = Path(f"{path}{suffix}")
        if leftover.exists():
            leftover.rename(free_aside_name(leftover, "left-over"))


def connect(path: Path) -> sqlite3.Connection:
    """A connection with Tradesman's settings, in autocommit mode (we issue BEGIN ourselves)."""
    db = sqlite3.connect(
        database_uri(path), uri=True, isolation_level=None, check_same_thread=False
    )
    configure(db)
    return db


def configure(db: sqlite3.Connection) -> None:
    # The sqlite3 module's own transaction handling starts transactions late and ends
    # them early around DDL; turn it off so that BEGIN and COMMIT are ours.
    db.isolation_level = None
    for pragma in (
        f"busy_timeout = {BUSY_TIMEOUT_MS}",
        "journal_mode = WAL",
        "synchronous = FULL",  # a committed edit survives a power cut, not just a crash
        "foreign_keys = ON",
    ):
        db.execute(f"PRAGMA {pragma}")


def _create(path: Path, migrations: Sequence[Migration]) -> None:
    building = path.with_name(path.name + ".new")
    for leftover in (building, Path(f"{building}-journal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    try:
        os.close(os.open(building, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
        db = sqlite3.connect(building, isolation_level=None)
        try:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            run_migrations(db, 0, migrations)
            # WAL from the start. (Closing the only connection folds the log back in,
            # so nothing but the file itself is left to move into place below.)
            db.execute("PRAGMA journal_mode = WAL")
        finally:
            db.close()
        building.replace(path)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            building.unlink()
        reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        raise UserError(
            f"Tradesman could not create its data file {shown_path(path)}: {reason}."
        ) from exc


def _check_and_update(
    path: Path,
    backups: Path,
    migrations: Sequence[Migration],
    tell: Callable[[str], None],
    early: EarlyCheck | None = None,
) -> None:
    newest = len(migrations)
    try:
        header = read_header(path)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if header.kind is FileKind.NOT_SQLITE:
        raise DataFileRefused(
            f"{shown_path(path)} is not a Tradesman data file: it is not a database at all. "
            "It has been left as it is.",
            Refusal.NOT_TRADESMAN,
            path,
        )
    if header.kind is FileKind.FOREIGN:
        raise DataFileRefused(
            f"{shown_path(path)} is another program's database, not a Tradesman data file. "
            "It has been left as it is.",
            Refusal.NOT_TRADESMAN,
            path,
        )
    if header.user_version > newest:
        raise _newer(path, header.user_version, newest)
    version = _checked_with_its_log(path, newest, tell, early)
    if version < newest:
        db = sqlite3.connect(database_uri(path), uri=True, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            make_backup(db, backups, f"before-update-to-v{newest}")
            run_migrations(db, version, migrations)
        except sqlite3.OperationalError as exc:
            if is_damage(exc):  # (a table the step needs is missing, or one is doubled)
                raise _damaged(path, str(exc)) from exc
            raise _unreadable(path, exc) from exc
        finally:
            db.close()


def _checked_with_its_log(
    path: Path, newest: int, tell: Callable[[str], None], early: EarlyCheck | None = None
) -> int:
    """The file's data version, as SQLite reads it with the change log beside it, after
    refusing a newer or damaged file. A log left by an unclean shutdown (one nobody has
    open) is checked thoroughly; if the file is sound without it but not with it, the
    log is not this file's: it is moved aside, kept, and the owner told."""
    waiting = has_changes_waiting(path)
    if early is not None and waiting:
        early.wait()  # (its read, while it lasts, would make the log look held)
    holder = in_use(path) if waiting else True  # (True: nothing to move)
    left_behind = holder is not True
    try:
        return _checked_version(path, newest, thorough=left_behind, early=early)
    except DataFileRefused as with_log:
        # Only damage says the log may not be the file's (a full disk, a busy file say
        # nothing of it); and only a log nobody holds may move: a running program's log
        # is its own. (None: whether anyone holds it cannot be told here.)
        if holder is not False or with_log.reason is not Refusal.DAMAGED:
            raise
        try:
            version = _checked_version(path, newest, thorough=True, without_log=True)
        except DataFileRefused:
            raise with_log from None
        aside = set_log_aside(path)
        if aside is None:
            return version  # (another start, at the same moment, moved it and said so)
        logging.getLogger(__name__).warning("log %s set aside: %s", aside, with_log.detail)
        tell(
            "A change log left beside your data file was not this file's (with it, the file "
            f"would read as damaged), so it was moved aside as {shown_path(aside.name)} and "
            "kept. Your data is as Tradesman last wrote it into the file itself."
        )
        return version


def _checked_version(
    path: Path,
    newest: int,
    thorough: bool = False,
    without_log: bool = False,
    early: EarlyCheck | None = None,
) -> int:
    """The file's schema version, after refusing a newer or damaged file.

    Read-only: a refused file keeps even its write-ahead log as it was (a read-write
    connection would fold the log into the file when it closes). `thorough` runs
    integrity_check, which also compares every index with its table (quick_check does
    not, and a damaged index gives wrong sums and exports). Otherwise the answer of an
    `early` quick check is taken when it still holds for the file.
    """
    uri = database_uri(path, read_only=True, without_log=without_log)
    if not without_log and no_room_for_log_index(path):
        # On a full disk SQLite reads only through a connection of its own, and only a
        # read-write one. With nothing waiting in a log, it has nothing to fold in
        # and changes nothing; with a log waiting, it would fold it in unchecked.
        if has_changes_waiting(path):
            raise _unreadable(path, OSError(errno.ENOSPC, "the disk is full"))
        uri = database_uri(path)
    try:
        db = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc

    def answer(pragma: str) -> list[object]:
        # (Every row, so the statement is finished: one left open keeps SQLite's locks on
        # the file after close() while an exception's traceback holds its cursor.)
        return [row[0] for row in db.execute(f"PRAGMA {pragma}").fetchall()]

    try:
        answer(f"busy_timeout = {BUSY_TIMEOUT_MS}")
        # The header can lag behind the write-ahead log; ask SQLite for the real values.
        if answer("application_id") != [APPLICATION_ID]:
            raise _damaged(path, "it reads as another program's database")
        version = int(str(answer("user_version")[0]))
        if version > newest:
            raise _newer(path, version, newest)
        if version < 1:
            raise _damaged(path, f"its data version is {version}")
        if version == newest:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master").fetchall()}
            missing = sorted(TABLES - tables)
            if missing:
                raise _damaged(path, f"the table {missing[0]} is missing")
        checked_early = None if thorough or early is None else early.answer(path)
        found = checked_early or answer("integrity_check" if thorough else "quick_check")
        if found != ["ok"]:
            raise _damaged(path, "\n".join(map(str, found)) or "no answer")
        return version
    except sqlite3.OperationalError as exc:  # locked, busy, out of disk: not damage
        if is_damage(exc):
            raise _damaged(path, str(exc)) from exc
        raise _unreadable(path, exc) from exc
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
        if is_damage(exc):
            raise _damaged(path, str(exc)) from exc
        raise _unreadable(path, exc) from exc
    finally:
        db.close()


def _newer(path: Path, version: int, newest: int) -> DataFileRefused:
    return DataFileRefused(
        f"{shown_path(path)} was saved by a newer version of Tradesman (data version "
        f"{version}; this version reads up to {newest}). Install the newer Tradesman to open "
        "it. The file has been left as it is.",
        Refusal.NEWER,
        path,
    )


def _damaged(path: Path, detail: str) -> DataFileRefused:
    logging.getLogger(__name__).warning("%s failed its check: %s", path, detail)
    first = damage_in_words(detail)
    # (Backups are named only where there are some: a new owner's file has none yet.)
    if _has_backups(DataPaths(path.parent).backups):
        backups = "your backups are in the backups folder beside it"
    else:
        backups = "there is no backup of it to go back to yet"
    return DataFileRefused(
        f"{shown_path(path)} is damaged and cannot be opened safely ({first}). "
        f"It has been left as it is; {backups}.",
        Refusal.DAMAGED,
        path,
        first,
    )


def _unreadable(path: Path, exc: Exception) -> DataFileRefused:
    reason = describe_os_error(exc, reading=True) if isinstance(exc, OSError) else str(exc)
    return DataFileRefused(
        f"Tradesman cannot read its data file {shown_path(path)}: {reason}.",
        Refusal.UNREADABLE,
        path,
        reason,
    )
