"""Sessions over the data file: the SQLAlchemy side of the store.

`open_store` first makes sure the file is safe to use (datafile.py), then builds an
engine whose connections all get Tradesman's pragmas (WAL, synchronous=FULL, foreign
keys, busy timeout) and whose transactions begin the way we say.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from tradesman.errors import UserError
from tradesman.files import OwnFiles
from tradesman.paths import DataPaths
from tradesman.store.backup import Backup, make_backup
from tradesman.store.datafile import connect, open_data_file
from tradesman.store.migrations import MIGRATIONS, Migration

_WRITE_OPTION = "tradesman_write"
_T = TypeVar("_T")


class Store:
    """An open, up-to-date data file. Hands out short-lived Sessions for reads and writes."""

    def __init__(self, path: Path, backups: Path) -> None:
        self.path = path
        self.backups = backups
        # Our own connections (datafile.connect): opened by a file: URI, so a folder named
        # "jobs?2026", "100%" or in bytes that are not UTF-8 opens this file and no other,
        # with our pragmas, and readable on a full disk. (A file's pool, as SQLAlchemy
        # would choose for a file it opened itself.)
        self._engine = create_engine(
            "sqlite+pysqlite://", creator=lambda: connect(path), poolclass=QueuePool
        )
        event.listen(self._engine, "begin", _on_begin)
        self._write_engine = self._engine.execution_options(**{_WRITE_OPTION: True})
        self._gate = _Gate()

    def own_files(self) -> OwnFiles:
        """The files of this data folder that no save may write over."""
        return OwnFiles(database=self.path, backups=self.backups)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A Session for reads; everything it sees is one consistent snapshot."""
        with self._gate.shared(), Session(self._engine, expire_on_commit=False) as session:
            yield session

    @contextlib.contextmanager
    def writing(self) -> Iterator[Session]:
        """A Session whose changes are committed together when the block ends, or not at all.

        A disk that is full or read-only refuses the whole change, in words (UserError).
        """
        with (
            self._gate.shared(),
            _refused_in_words("Your change was not saved"),
            Session(self._write_engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    def sharing(self) -> contextlib.AbstractContextManager[None]:
        """Around work on the file through a connection of its own (a backup): the file
        is not swapped under it (see `alone`)."""
        return self._gate.shared()

    def alone(self) -> contextlib.AbstractContextManager[None]:
        """Around swapping the file itself (a damaged file set aside, a backup put in its
        place): waits until no session or backup of this store is under way, and keeps
        new ones waiting until it ends; they then open the new file."""
        return self._gate.alone()

    def replace_after_backup(
        self,
        reason: str,
        work: Callable[[Session], _T],
        nothing_done: str = "Nothing was changed",
        attempts: int = 3,
    ) -> tuple[_T, Backup]:
        """Back up, then run `work` in one write transaction, with nothing saved between.

        VACUUM INTO cannot run inside the write transaction, so the backup comes first
        and SQLite's data_version then tells whether anyone saved in between; if so,
        the work is rolled back and the backup taken again. A file or disk that cannot
        be written is found before any backup is made, and said in words that start
        with `nothing_done` ("Nothing was imported").
        """
        with self._gate.shared(), _refused_in_words(nothing_done):
            return self._replace_after_backup(reason, work, nothing_done, attempts)

    def _replace_after_backup(
        self, reason: str, work: Callable[[Session], _T], nothing_done: str, attempts: int
    ) -> tuple[_T, Backup]:
        raw = self._engine.raw_connection()
        try:
            watcher = raw.driver_connection
            assert isinstance(watcher, sqlite3.Connection)
            _try_a_write(watcher)
            for _ in range(attempts):
                seen = watcher.execute("PRAGMA data_version").fetchone()[0]
                backup = make_backup(watcher, self.backups, reason)
                with Session(self._write_engine, expire_on_commit=False) as session:
                    with session.begin():
                        session.connection()  # BEGIN IMMEDIATE: no one else can save now
                        if watcher.execute("PRAGMA data_version").fetchone()[0] != seen:
                            session.rollback()
                            continue
                        result = work(session)
                    return result, backup
        finally:
            raw.close()
        raise UserError(f"{nothing_done}: your data kept changing meanwhile. Try again.")

    def backup(self, reason: str) -> Backup:
        """A verified copy of the file as it is now, in the backups folder."""
        with self._gate.shared():
            return self._backup(reason)

    def _backup(self, reason: str) -> Backup:
        raw = self._engine.raw_connection()
        try:
            db = raw.driver_connection
            assert isinstance(db, sqlite3.Connection)
            return make_backup(db, self.backups, reason)
        finally:
            raw.close()

    def close(self) -> None:
        self._engine.dispose()


# What SQLite says when the disk will not take a change, and what the owner is told.
_WRITE_PROBLEMS = (
    ("disk is full", "the disk is full. Free some space and try again"),
    ("readonly database", "the data file cannot be written (it is read-only)"),
    ("disk i/o error", "the disk could not be written to"),
    ("database is locked", "another program is using the data file; try again in a moment"),
)


def write_refused(
    exc: BaseException, nothing_done: str = "Your change was not saved"
) -> UserError | None:
    """A plain sentence for a change the disk refused (None for any other error)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    for words, reason in _WRITE_PROBLEMS:
        if words in text:
            return UserError(f"{nothing_done}: {reason}.")
    return None


@contextlib.contextmanager
def _refused_in_words(nothing_done: str) -> Iterator[None]:
    """A change the disk refuses becomes one sentence starting with `nothing_done`."""
    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:
        refused = write_refused(exc, nothing_done)
        if refused is None:
            raise
        raise refused from exc


def _try_a_write(db: sqlite3.Connection) -> None:
    """Write and roll back, so that a file that cannot be written says so now, before a
    backup is made for a change that could never be saved. (BEGIN IMMEDIATE alone
    succeeds on a read-only file; the first write is refused.)"""
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("UPDATE change_count SET changes = changes")
    finally:
        if db.in_transaction:  # (SQLite may have rolled back itself; keep its error)
            db.execute("ROLLBACK")


class _Gate:
    """Many at a time for ordinary work; one alone for swapping the file. Ordinary work
    waits only while the file is being swapped, never for other ordinary work, so a
    thread that nests a read inside a write cannot block itself; the one swapping may
    open sessions of its own meanwhile."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._sharing = 0
        self._alone: int | None = None  # the thread swapping the file

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        me = threading.get_ident()
        with self._changed:
            while self._alone not in (None, me):
                self._changed.wait()
            self._sharing += 1
        try:
            yield
        finally:
            with self._changed:
                self._sharing -= 1
                self._changed.notify_all()

    @contextlib.contextmanager
    def alone(self) -> Iterator[None]:
        with self._changed:
            while self._alone is not None or self._sharing:
                self._changed.wait()
            self._alone = threading.get_ident()
        try:
            yield
        finally:
            with self._changed:
                self._alone = None
                self._changed.notify_all()


def open_store(
    paths: DataPaths,
    migrations: Sequence[Migration] = MIGRATIONS,
    tell: Callable[[str], None] | None = None,
) -> Store:
    """Open (or create) the data file in `paths`, refusing any file that is not safe to use.
    `tell` hears what the owner should know of the opening (see `open_data_file`)."""
    return Store(open_data_file(paths, migrations, tell), paths.backups)


def _on_begin(connection: Connection) -> None:
    # Writers take the write lock up front, so two writers wait their turn (busy
    # timeout) instead of failing half-way when a read transaction tries to upgrade.
    if connection.get_execution_options().get(_WRITE_OPTION):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")
