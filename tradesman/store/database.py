"""Transactions over the data file: bare sqlite3 for the window's reads and edits, and
SQLAlchemy Sessions only for the whole-file work that wants them (an import, a restore).

`open_store` first makes sure the file is safe to use (datafile.py). Every connection is
our own (`datafile.connect`: opened by a file: URI, with Tradesman's pragmas: WAL,
synchronous=FULL, foreign keys, busy timeout), and every transaction begins the way we
say. SQLAlchemy's import alone takes longer than painting the whole window, so it is
loaded the first time a Session is asked for, never for an edit.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from tradesman.errors import UserError
from tradesman.files import OwnFiles
from tradesman.paths import DataPaths
from tradesman.store.backup import Backup, make_backup
from tradesman.store.datafile import connect, open_data_file
from tradesman.store.migrations import MIGRATIONS, Migration
from tradesman.store.plain_file import read_transaction

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

_WRITE_OPTION = "tradesman_write"
_T = TypeVar("_T")


class Store:
    """An open, up-to-date data file. Hands out short-lived transactions for reads and
    writes, each on a connection of its own (kept for the next one)."""

    def __init__(self, path: Path, backups: Path) -> None:
        self.path = path
        self.backups = backups
        self._gate = _Gate()
        self._pool = _Connections(path)
        self._engine: Engine | None = None  # (made when a Session is first asked for)
        self._making_engine = threading.Lock()

    def own_files(self) -> OwnFiles:
        """The files of this data folder that no save may write over."""
        return OwnFiles(database=self.path, backups=self.backups)

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection for reads; everything it sees is one consistent snapshot."""
        with self._gate.shared(), self._pool.taken() as db, read_transaction(db):
            yield db

    @contextlib.contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """A connection whose changes are committed together when the block ends, or
        not at all.

        It takes the write lock at once (BEGIN IMMEDIATE), so two writers wait their turn
        (busy timeout) instead of failing half-way when a read tries to become a write.
        A disk that is full or read-only refuses the whole change, in words (UserError).
        """
        with (
            self._gate.shared(),
            _refused_in_words("Your change was not saved"),
            self._pool.taken() as db,
        ):
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            finally:
                if db.in_transaction:  # (the work or the commit failed: nothing is kept)
                    db.execute("ROLLBACK")

    def sharing(self) -> contextlib.AbstractContextManager[None]:
        """Around work on the file through a connection of its own (a backup): the file
        is not swapped under it (see `alone`)."""
        return self._gate.shared()

    def alone(self) -> contextlib.AbstractContextManager[None]:
        """Around swapping the file itself (a damaged file set aside, a backup put in its
        place): waits until no transaction or backup of this store is under way, and
        keeps new ones waiting until it ends; they then open the new file."""
        return self._gate.alone()

    def replace_after_backup(
        self,
        reason: str,
        work: Callable[[Session], _T],
        nothing_done: str = "Nothing was changed",
        attempts: int = 3,
    ) -> tuple[_T, Backup]:
        """Back up, then run `work` in one write transaction (a Session: the import's
        bulk inserts are SQLAlchemy's), with nothing saved between.

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
        from sqlalchemy.orm import Session

        engine = self._write_engine()
        with self._pool.taken() as watcher:
            _try_a_write(watcher)
            for _ in range(attempts):
                seen = watcher.execute("PRAGMA data_version").fetchone()[0]
                backup = make_backup(watcher, self.backups, reason)
                with Session(engine, expire_on_commit=False) as session:
                    with session.begin():
                        session.connection()  # BEGIN IMMEDIATE: no one else can save now
                        if watcher.execute("PRAGMA data_version").fetchone()[0] != seen:
                            session.rollback()
                            continue
                        result = work(session)
                    return result, backup
        raise UserError(f"{nothing_done}: your data kept changing meanwhile. Try again.")

    def _write_engine(self) -> Engine:
        """SQLAlchemy's engine over our own connections, made (and SQLAlchemy loaded) the
        first time it is needed; its transactions begin as `writing`'s do."""
        with self._making_engine:  # (one engine, whichever thread asks first)
            if self._engine is None:
                from sqlalchemy import create_engine, event
                from sqlalchemy.pool import QueuePool

                path = self.path
                engine = create_engine(
                    "sqlite+pysqlite://", creator=lambda: connect(path), poolclass=QueuePool
                )
                event.listen(engine, "begin", _on_begin)
                self._engine = engine
            return self._engine.execution_options(**{_WRITE_OPTION: True})

    def backup(self, reason: str) -> Backup:
        """A verified copy of the file as it is now, in the backups folder."""
        with self._gate.shared(), self._pool.taken() as db:
            return make_backup(db, self.backups, reason)

    def close(self) -> None:
        """Close every connection not in use now; those in use are closed when handed
        back (after a swap of the file, the next transaction opens the new file)."""
        self._pool.close()
        if self._engine is not None:
            self._engine.dispose()


class _Connections:
    """The store's idle connections, kept for the next transaction (opening one, with
    its pragmas, costs more than a small edit). A connection whose work failed is not
    kept: it may be in any state. No cursor may outlive the transaction it was read in:
    one left half-read keeps its snapshot (sqlite3 does not count it as a transaction),
    and the connection's next reader would see that old snapshot. (The export's and the
    spreadsheets' generators close theirs; an error closes the connection.)"""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._idle: list[sqlite3.Connection] = []
        self._era = 0  # moved on by `close`: connections of an earlier era are not kept

    @contextlib.contextmanager
    def taken(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            era = self._era
            db = self._idle.pop() if self._idle else None
        if db is None:
            db = connect(self._path)
        try:
            yield db
        except BaseException:
            db.close()
            raise
        with self._lock:
            if era == self._era and not db.in_transaction:
                self._idle.append(db)
                return
        db.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
            self._era += 1
        for db in idle:
            db.close()


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
    except Exception as exc:
        refused = write_refused(exc, nothing_done) if _from_the_database(exc) else None
        if refused is None:
            raise
        raise refused from exc


def _from_the_database(exc: Exception) -> bool:
    """An error SQLite raised: the sqlite3 module's own, or SQLAlchemy's wrapping of one
    (only looked for once SQLAlchemy is loaded: nothing else can have raised it)."""
    if isinstance(exc, sqlite3.Error):
        return True
    sqlalchemy_errors = sys.modules.get("sqlalchemy.exc")
    return sqlalchemy_errors is not None and isinstance(exc, sqlalchemy_errors.DBAPIError)


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
