"""The always-current calendar file: `tradesman.ics` in a folder the owner picks (one
their phone syncs, say), rewritten after each change.

Never on the UI thread, and at most once every few seconds: a change starts a short
wait, the changes that come during it (a drag, an undo, a pasted week) are written
together when it ends, and a change made while a file is being written waits for the
next turn. Each rewrite is whole or nothing (`files.save_output`: a temporary file in
the same folder, flushed and synced, then renamed over the old one), so a phone or a
sync program reading it at any moment sees the old calendar or the new one.

Whether to keep the file, and where, is a preference of this machine, not data: a
folder path means nothing on another laptop, and an export or a backup restored
elsewhere must not start writing into a folder there. So it lives with the window's
other remembered choices (window-state.ini in the data folder, QSettings), not in the
data file's settings, and needs no schema step.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from tradesman.errors import UserError
from tradesman.files import Output, output_for, shown_path
from tradesman.services.op_changes import OpChanges
from tradesman.ui.shared.background import run_in_background
from tradesman.ui.shared.operations import Operations

if TYPE_CHECKING:
    from tradesman.services.calendar_export import CalendarFile

EVERY_MS = 3_000
KEEP_KEY = "calendar/keep"  # off unless the owner turns it on
FOLDER_KEY = "calendar/folder"  # kept when turned off, offered again when turned on
log = logging.getLogger(__name__)


class CalendarKeeper(QObject):
    """`written(Path)` after each rewrite (tests wait for it)."""

    written = Signal(object)

    def __init__(
        self,
        ops: Operations,
        state: QSettings,
        today: Callable[[], date],
        report: Callable[[str], None],
        parent: QObject,
        every_ms: int = EVERY_MS,
    ) -> None:
        super().__init__(parent)
        self.ops, self.state, self.today, self.report = ops, state, today, report
        self.failing = False  # said once, until a rewrite works again
        self._busy: object = None  # the rewrite under way
        self._pending = False  # a change not yet in the file
        self._idle = threading.Event()  # no rewrite under way (waited for when closing)
        self._idle.set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self._rewrite)
        ops.changed.connect(self._changed)

    @property
    def folder(self) -> Path | None:
        """Where the file is kept, or None while it is not."""
        folder = str(self.state.value(FOLDER_KEY, "") or "")
        keep = self.state.value(KEEP_KEY, False, type=bool)
        return Path(folder) if keep and folder else None

    @property
    def chosen_folder(self) -> Path | None:
        """The folder last chosen, kept or not (the Settings dialog offers it again)."""
        folder = str(self.state.value(FOLDER_KEY, "") or "")
        return Path(folder) if folder else None

    def choose(self, keep: bool, folder: Path | None) -> None:
        """The owner's choice in Settings; a file kept from now on is written soon."""
        self.state.setValue(KEEP_KEY, keep and folder is not None)
        if folder is not None:
            self.state.setValue(FOLDER_KEY, str(folder))
        self.state.sync()
        self.rewrite_soon()

    def start(self) -> None:
        """Write the file once after the start: the data may have changed meanwhile
        (the command line, a restore, the days moving on)."""
        self.rewrite_soon()

    def rewrite_soon(self) -> None:
        if self.folder is None:
            return
        self._pending = True
        if self._busy is None and not self.timer.isActive():
            self.timer.start()

    def _changed(self, changes: OpChanges) -> None:
        # (Settings too: the business name is the calendar's name.)
        if changes.blocks or changes.settings or changes.everything:
            self.rewrite_soon()

    def _rewrite(self) -> None:
        folder = self.folder
        if folder is None or self._busy is not None:
            return
        # (Loaded here, at the first rewrite: most owners keep no calendar file.)
        from tradesman.services.calendar_export import CALENDAR_FILE_NAME, written_by_someone_else
        from tradesman.ui.window.calendar_actions import write_calendar

        self._pending = False
        target = folder / CALENDAR_FILE_NAME
        if written_by_someone_else(target):
            self._failed(
                f"{shown_path(target)} is there already and Tradesman did not write it, so "
                "it is left as it is. Choose another folder in Settings."
            )
            return
        try:
            output = output_for(target, self.ops.own_files, streams=False)
        except UserError as exc:
            self._failed(exc.message)
            return
        ops, today, idle = self.ops, self.today(), self._idle
        idle.clear()

        def work() -> CalendarFile:  # (on the worker thread: touches no widget)
            try:
                return write_calendar(ops, today, output)
            finally:
                idle.set()

        self._busy = run_in_background(self, work, lambda _: self._done(output), self._failed)

    def _done(self, output: Output) -> None:
        self._busy = None
        if self.failing:
            self.failing = False
            self.report(f"The calendar file {output.path} is up to date again.")
        self.written.emit(output.path)
        self._again()

    def _failed(self, message: str) -> None:
        self._busy = None
        log.warning("calendar file not written: %s", message)
        if not self.failing:  # (said once: a folder gone stays gone for many edits)
            self.failing = True
            self.report(f"The calendar file is not up to date. {message}")
        self._again()

    def _again(self) -> None:
        if self._pending and not self.timer.isActive():
            self.timer.start()

    def finish(self) -> None:
        """The window is closing: a rewrite under way is waited for, and changes still
        waiting for their turn are written now (on a worker, waited for a while), so
        the file the phone keeps is not missing the evening's last edits."""
        self._idle.wait(10)
        if not (self._pending or self.timer.isActive()) or self.folder is None:
            return
        self.timer.stop()
        self._busy = None  # (the last one ended: its report is queued behind this call)
        self._rewrite()
        self._idle.wait(10)
