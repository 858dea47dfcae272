"""Opening the data file safely, with nothing but the standard sqlite3 module.

The order matters for never losing data:
1. A file that is not ours (not SQLite, another program's, or from a newer Tradesman)
   is refused from its header bytes alone, so it stays byte-for-byte untouched.
2. Our file is checked (`PRAGMA quick_check`); a damaged one is refused, not repaired.
3. An older file gets a verified backup, then each migration step in its own transaction.
A new file is built under a temporary name and renamed into place when complete.

No SQLAlchemy here: the window opens the file and shows the week before SQLAlchemy
(a slow import) is loaded. See docs/ARCHITECTURE.md, "Start-up".
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from tradesman.errors import UserError
from tradesman.paths import FILE_MODE, DataPaths
from tradesman.store.backup import make_backup
from tradesman.store.header import APPLICATION_ID, FileKind, read_header
from tradesman.store.migrations import MIGRATIONS, Migration, run_migrations

BUSY_TIMEOUT_MS = 5000


class Refusal(Enum):
    NOT_TRADESMAN = "not a Tradesman file"
    NEWER = "made by a newer version"
    DAMAGED = "damaged"
    UNREADABLE = "cannot be read"


class DataFileRefused(UserError):
    """The data file cannot be used as it is; it has been left exactly as it was."""

    def __init__(self, message: str, reason: Refusal, path: Path) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path


def open_data_file(paths: DataPaths, migrations: Sequence[Migration] = MIGRATIONS) -> Path:
    """Make sure the data file in `paths` exists, is ours, is sound and is up to date."""
    path = paths.database
    if not path.exists() or read_header(path).kind is FileKind.EMPTY:
        _create(path, migrations)
    else:
        _check_and_update(path, paths.backups, migrations)
    return path


def connect(path: Path) -> sqlite3.Connection:
    """A connection with Tradesman's settings, in autocommit mode (we issue BEGIN ourselves)."""
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
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
        finally:
            db.close()
        building.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            building.unlink()
        raise UserError(
            f"Tradesman could not create its data file {path}: {exc.strerror}."
        ) from exc


def _check_and_update(path: Path, backups: Path, migrations: Sequence[Migration]) -> None:
    newest = len(migrations)
    try:
        header = read_header(path)
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if header.kind is FileKind.NOT_SQLITE:
        raise DataFileRefused(
            f"{path} is not a Tradesman data file: it is not a database at all. "
            "It has been left as it is.",
            Refusal.NOT_TRADESMAN,
            path,
        )
    if header.kind is FileKind.FOREIGN:
        raise DataFileRefused(
            f"{path} is another program's database, not a Tradesman data file. "
            "It has been left as it is.",
            Refusal.NOT_TRADESMAN,
            path,
        )
    if header.user_version > newest:
        raise _newer(path, header.user_version, newest)
    try:
        db = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    try:
        # The header can lag behind the write-ahead log; ask SQLite for the real values.
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > newest:
            raise _newer(path, version, newest)
        check = db.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise _damaged(path, str(check[0]) if check else "no answer")
        if version < newest:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            make_backup(db, backups, f"before-update-to-v{newest}")
            run_migrations(db, version, migrations)
    except sqlite3.OperationalError as exc:  # locked, busy, out of disk: not damage
        raise _unreadable(path, exc) from exc
    except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
        raise _damaged(path, str(exc)) from exc
    finally:
        db.close()


def _newer(path: Path, version: int, newest: int) -> DataFileRefused:
    return DataFileRefused(
        f"{path} was saved by a newer version of Tradesman (data version {version}; this "
        f"version reads up to {newest}). Install the newer Tradesman to open it. "
        "The file has been left as it is.",
        Refusal.NEWER,
        path,
    )


def _damaged(path: Path, detail: str) -> DataFileRefused:
    return DataFileRefused(
        f"{path} is damaged and cannot be opened safely ({detail}). "
        "It has been left as it is; your backups are in the backups folder beside it.",
        Refusal.DAMAGED,
        path,
    )


def _unreadable(path: Path, exc: Exception) -> DataFileRefused:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return DataFileRefused(
        f"Tradesman cannot read its data file {path}: {reason}.", Refusal.UNREADABLE, path
    )
