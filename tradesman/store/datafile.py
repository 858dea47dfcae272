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
from datetime import datetime
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
    try:
        if path.exists() and not path.is_file():
            raise DataFileRefused(
                f"{path} is a folder, not a Tradesman data file. Move it away and start again.",
                Refusal.NOT_TRADESMAN,
                path,
            )
        new = not path.exists() or read_header(path).kind is FileKind.EMPTY
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if new:
        _set_aside_leftovers(path)
        _create(path, migrations)
    else:
        _check_and_update(path, paths.backups, migrations)
    return path


def _set_aside_leftovers(path: Path) -> None:
    """A write-ahead log without its database belongs to some earlier file: SQLite
    would replay it into the new one. Keep it, under another name, out of the way."""
    stamp = datetime.now().strftime("%Y-%m-%dT%H%M%S")
    for suffix in ("-wal", "-shm", "-journal"):
        leftover = Path(f"{path}{suffix}")
        if leftover.exists():
            leftover.replace(leftover.with_name(f"{leftover.name}.left-over-{stamp}"))


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
            # WAL from the start. (Closing the only connection folds the log back in,
            # so nothing but the file itself is left to move into place below.)
            db.execute("PRAGMA journal_mode = WAL")
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
    # Checked read-only: a refused file keeps even its write-ahead log as it was (a
    # read-write connection would fold the log into the file when it closes).
    version = _checked_version(path, newest)
    if version < newest:
        db = sqlite3.connect(path, isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            make_backup(db, backups, f"before-update-to-v{newest}")
            run_migrations(db, version, migrations)
        except sqlite3.OperationalError as exc:
            raise _unreadable(path, exc) from exc
        finally:
            db.close()


def _checked_version(path: Path, newest: int) -> int:
    """The file's schema version, after refusing a newer or damaged file."""
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # The header can lag behind the write-ahead log; ask SQLite for the real values.
        version: int = db.execute("PRAGMA user_version").fetchone()[0]
        if version > newest:
            raise _newer(path, version, newest)
        check = db.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise _damaged(path, str(check[0]) if check else "no answer")
        return version
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
    # SQLite's own words can run to pages ("Page 208 is never used", ...): the log keeps
    # them; the owner gets the first line.
    import logging

    logging.getLogger(__name__).warning("%s failed its check: %s", path, detail)
    first = detail.splitlines()[0][:120] if detail.strip() else "no detail"
    return DataFileRefused(
        f"{path} is damaged and cannot be opened safely ({first}). "
        "It has been left as it is; your backups are in the backups folder beside it.",
        Refusal.DAMAGED,
        path,
    )


def _unreadable(path: Path, exc: Exception) -> DataFileRefused:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return DataFileRefused(
        f"Tradesman cannot read its data file {path}: {reason}.", Refusal.UNREADABLE, path
    )
