"""The data file for the commands that only read (`summary`, `print-week`, `print-plan`,
`export`): one consistent snapshot at a time over a bare sqlite3 connection, with no
SQLAlchemy loaded (it alone takes longer than such a command's whole answer).

The window's `Store` hands out snapshots the same way (`Readable`), so the code that
reads them (services/export_file.py, services/pdfs.py) is shared.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from tradesman.files import OwnFiles
from tradesman.store.datafile import connect

if TYPE_CHECKING:
    from tradesman.store.reads import Db


class Readable(Protocol):
    """A data file that hands out read snapshots (a `Store`, or a `PlainFile`)."""

    def own_files(self) -> OwnFiles: ...

    def reading(self) -> AbstractContextManager[Db]: ...


class PlainFile:
    """A data file already checked and brought up to date (datafile.open_data_file)."""

    def __init__(self, path: Path, backups: Path) -> None:
        self.path = path
        self.backups = backups

    def own_files(self) -> OwnFiles:
        """The files of this data folder that no save may write over."""
        return OwnFiles(database=self.path, backups=self.backups)

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one read transaction: everything it sees is one snapshot."""
        with contextlib.closing(connect(self.path)) as db, read_transaction(db):
            yield db


@contextlib.contextmanager
def read_transaction(db: sqlite3.Connection) -> Iterator[None]:
    """Around reads that must see one snapshot of the file: ended (never committed)
    however the reads end."""
    db.execute("BEGIN")
    try:
        yield
    finally:
        if db.in_transaction:
            db.execute("ROLLBACK")
