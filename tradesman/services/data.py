"""The one door from the window to the data: reads and edits by function and
arguments, each in one transaction, and the whole-file work (backups, import, export,
restore, PDFs).

An edit is a function from services (`edits.add_blocks`, say) whose first argument is
a connection in a write transaction and which returns the Change it made; a read is
any function whose first argument is a connection in a read transaction. The window
names the function and its arguments and this door supplies the connection, so no
connection (nor the Store) ever reaches the window, and mypy checks the arguments
against the function's own.

The connections are bare sqlite3 ones and the services' SQL is plain, so nothing the
window does day to day loads SQLAlchemy: only an import or a restore, whose bulk
inserts are SQLAlchemy's (loaded then, by those modules, imported here when used).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeAlias, TypeVar

from tradesman.domain.weeks import Week
from tradesman.files import Output, OwnFiles
from tradesman.services.changes import Change, apply_change
from tradesman.services.series import catch_up_series
from tradesman.services.task_rules import catch_up_tasks
from tradesman.store.database import Store

if TYPE_CHECKING:
    from tradesman.progress import Progress
    from tradesman.reports.csv_file import CsvStyle
    from tradesman.reports.paper import Paper
    from tradesman.services.backup_list import KeptBackup
    from tradesman.services.backups import Restored
    from tradesman.services.calendar_export import CalendarFile
    from tradesman.services.counts import Counts
    from tradesman.services.transfer import ImportResult

P = ParamSpec("P")
R = TypeVar("R")

# An edit: a services function over a connection in a write transaction that returns
# the Change it made (`Edit[P]`, P its other arguments).
Edit: TypeAlias = Callable[Concatenate[sqlite3.Connection, P], Change]
# A read: a services function over a connection in a read transaction that returns
# what it read.
Read: TypeAlias = Callable[Concatenate[sqlite3.Connection, P], R]


class Data:
    """An open data file, seen from the window: every call one transaction at most
    (the whole-file work excepted), and no connection held beyond the call."""

    def __init__(self, store: Store, locale_name: str | None) -> None:
        self._store = store
        self.locale_name = locale_name  # (for the settings' defaults)

    @property
    def path(self) -> Path:
        return self._store.path

    def own_files(self) -> OwnFiles:
        """The files no Save dialog may write over (the data file, its backups…)."""
        return self._store.own_files()

    def read(self, read: Read[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """`read(db, *args, **kwargs)` in one read transaction; writes nothing."""
        with self._store.reading() as db:
            return read(db, *args, **kwargs)

    def write(self, write: Read[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """`write(db, *args, **kwargs)` in one write transaction, committed when it
        returns (for work that is not undone: settings, recurring tasks made)."""
        with self._store.writing() as db:
            return write(db, *args, **kwargs)

    def edit(self, edit: Edit[P], *args: P.args, **kwargs: P.kwargs) -> Change:
        """Run one edit in one write transaction and commit it; returns its Change."""
        with self._store.writing() as db:
            return edit(db, *args, **kwargs)

    def apply(self, change: Change) -> None:
        """Make the data look like `change`'s after side (redo; undo applies it reversed)."""
        with self._store.writing() as db:
            apply_change(db, change)

    # Steps that write in transactions of their own, before the reads that need them.
    def make_series_for(self, week: Week, today: date) -> int:
        """Make the repeating blocks `week` needs, if any are still to be made (a read
        when none are); returns how many were made."""
        return catch_up_series(self._store, week.end, today)

    def catch_up_tasks(self, today: date, keep_going: Callable[[], bool]) -> int:
        """Make all the recurring tasks that have come due, in steps each saved on its
        own; returns how many."""
        return catch_up_tasks(self._store, today, keep_going)

    # The PDFs: a read, then the layout outside the transaction.
    def week_pdf(self, week: Week, paper: Paper, today: date) -> bytes:
        from tradesman.services.pdfs import week_pdf

        return week_pdf(self._store, self.locale_name, week, paper, today)

    def plan_pdf(self, paper: Paper, today: date) -> bytes:
        from tradesman.services.pdfs import plan_pdf

        return plan_pdf(self._store, self.locale_name, paper, today)

    # The calendar file: the range's repeating blocks made (a write of its own, when any
    # are due), then a read, then the iCalendar text outside the transaction.
    def calendar(self, first: date, last: date, today: date) -> CalendarFile:
        """The blocks from `first` to `last` as an .ics file's bytes, in the owner's zone."""
        from datetime import datetime

        from tradesman.services.calendar_export import calendar_file
        from tradesman.services.owner_zone import owner_zone

        now = datetime.now().astimezone()
        return calendar_file(self._store, self.locale_name, first, last, today, owner_zone(), now)

    # The whole data set and its backups.
    def export_to(self, output: Output, progress: Progress | None = None) -> Counts:
        """Everything, to a place already judged by `files.output_for`."""
        from tradesman.services.export_file import export_to_file

        return export_to_file(self._store, output, self.locale_name, progress)

    def export_sheet(self, kind: str, output: Output, style: CsvStyle, today: date) -> int:
        """One kind of rows for a spreadsheet; how many rows (services/spreadsheets.py)."""
        from tradesman.services.spreadsheets import export_sheet

        return export_sheet(self._store, kind, output, style, self.locale_name, today)

    def import_from(
        self, path: Path, today: date, progress: Progress | None = None
    ) -> ImportResult:
        from tradesman.services.transfer import import_from_file

        return import_from_file(self._store, path, self.locale_name, today=today, progress=progress)

    def back_up_before_import(self) -> Path:
        """A verified backup before an import that adds to the data (a calendar's)."""
        from tradesman.services.calendar_import import back_up_before_import

        return back_up_before_import(self._store).path

    def backups(self) -> list[KeptBackup]:
        """The backups, newest first."""
        from tradesman.services.backup_list import kept_backups

        return kept_backups(self._store.backups)

    def back_up_if_changed(self, reason: str) -> Path | None:
        """A verified backup if the data changed since the newest one (then old ones
        thinned); where it went, or None when nothing had changed."""
        from tradesman.services.backups import back_up_if_changed

        made = back_up_if_changed(self._store, reason)
        return None if made is None else made.path

    def restore(self, backup: Path) -> Restored:
        from tradesman.services.backups import restore_backup

        return restore_backup(self._store, backup, self.locale_name)
