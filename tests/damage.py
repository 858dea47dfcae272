"""Damaged and stray files made on purpose, for the tests of what the app does with them.

Each helper changes a real data file the way a crash, a bad copy or another program
would: a change log (`-wal`) that is not the file's own, one byte changed in an index,
a data version of 0, a missing table.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path


def log_with_changes(database: Path, changes: Iterable[str]) -> bytes:
    """The change log SQLite writes for `changes` on `database`, taken as a crash would
    leave it (before it is folded into the file); the file itself is left as it was."""
    scratch = database.with_name(database.name + ".scratch")
    shutil.copyfile(database, scratch)
    db = sqlite3.connect(scratch, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA wal_autocheckpoint = 0")
        for statement in changes:
            db.execute(statement)
        log = Path(f"{scratch}-wal").read_bytes()
    finally:
        db.close()
    for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
        leftover.unlink(missing_ok=True)
    assert log, "SQLite folded the changes in before the log could be taken"
    return log


def another_programs_log(folder: Path) -> bytes:
    """A change log of some other program's database (a table of its own, one row)."""
    other = folder / "other-program.db"
    other.write_bytes(b"")
    db = sqlite3.connect(other, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA wal_autocheckpoint = 0")
        db.execute("CREATE TABLE their_stuff (x)")
        db.execute("INSERT INTO their_stuff VALUES ('not yours')")
        log = Path(f"{other}-wal").read_bytes()
    finally:
        db.close()
    return log


def put_log_beside(database: Path, log: bytes) -> Path:
    path = Path(f"{database}-wal")
    path.write_bytes(log)
    Path(f"{database}-shm").unlink(missing_ok=True)
    return path


def flip_a_day_in_an_index(database: Path, index: str = "block_by_day") -> None:
    """Change one digit of a day kept in `index`: the table is untouched, the index no
    longer matches it. quick_check passes; integrity_check does not."""
    db = sqlite3.connect(database)
    try:
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,))
        page = root.fetchone()[0]
        size = db.execute("PRAGMA page_size").fetchone()[0]
    finally:
        db.close()
    data = bytearray(database.read_bytes())
    start = (page - 1) * size
    while data[start] == 0x02:  # an interior page of an index: down its first child
        header = start + (100 if page == 1 else 0)
        cell = int.from_bytes(data[header + 12 : header + 14], "big")
        page = int.from_bytes(data[start + cell : start + cell + 4], "big")
        start = (page - 1) * size
    assert data[start] == 0x0A, "not an index leaf page"
    cell = start + int.from_bytes(data[start + 8 : start + 10], "big")
    year = data.find(b"20", cell, cell + 40)
    assert year >= 0, "no day found in the index entry"
    digit = year + 3
    data[digit] = ord("0") + (data[digit] - ord("0") + 1) % 10
    database.write_bytes(bytes(data))


def set_version(database: Path, version: int) -> None:
    db = sqlite3.connect(database, isolation_level=None)
    try:
        db.execute(f"PRAGMA user_version = {int(version)}")
    finally:
        db.close()


def drop_table(database: Path, table: str) -> None:
    db = sqlite3.connect(database, isolation_level=None)
    try:
        db.execute("PRAGMA foreign_keys = OFF")
        db.execute(f"DROP TABLE {table}")
    finally:
        db.close()


def checks(database: Path) -> tuple[str, str]:
    """(quick_check, integrity_check) of the file, first lines."""
    db = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        quick = db.execute("PRAGMA quick_check").fetchone()[0]
        thorough = db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()
    return str(quick), str(thorough)
