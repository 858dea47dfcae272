"""File → Import calendar…: a phone's appointments as blocks, as one undo step.

The file is read and previewed off the UI thread; the owner confirms in the preview
dialog; a backup is made (off the UI thread too, like every import's); then the blocks
are added by one edit on the undo stack, so one Ctrl+Z takes the whole import back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from tradesman.domain.areas import Area
from tradesman.identity import APP_NAME
from tradesman.services.calendar_import import (
    CalendarPreview,
    default_range,
    import_calendar,
    preview_calendar_file,
)
from tradesman.ui.shared import prompts
from tradesman.ui.shared.background import run_with_progress
from tradesman.ui.shared.commands import push_edit
from tradesman.ui.shared.folders import LastFolder
from tradesman.ui.shared.operations import Operations
from tradesman.ui.window import calendar_import_dialog
from tradesman.words import count_of

ICS_FILTER = "Calendar files (*.ics);;All files (*)"


class CalendarImport:
    def __init__(
        self,
        ops: Operations,
        window: QMainWindow,
        stack: QUndoStack,
        folders: LastFolder,
        today: Callable[[], date],
        report: Callable[[str], None],
    ) -> None:
        self.ops, self.window, self.stack = ops, window, stack
        self.folders, self.today, self.report = folders, today, report
        self._busy: object = None  # the running job, kept alive until it reports

    def import_calendar(self) -> None:
        path = prompts.choose_file_to_open(
            self.window, "Import calendar", self.folders.get(), ICS_FILTER
        )
        if path is None:
            return
        self.folders.remember(path)
        first, last = default_range(self.today())
        self._busy = run_with_progress(
            self.window,
            f"Reading {path.name}…",
            lambda: self.ops.read(preview_calendar_file, path, first, last),
            lambda preview: self._previewed(path, preview),
            self._failed,
        )

    def _previewed(self, path: Path, preview: CalendarPreview) -> None:
        if not preview.new and not preview.with_split_days(True).new:  # (nothing to ask)
            prompts.tell(self.window, "Import calendar", "\n".join(preview.lines()))
            return
        chosen = calendar_import_dialog.ask_calendar_import(self.window, preview)
        if chosen is None:
            return
        confirmed, area = chosen
        self._busy = run_with_progress(
            self.window,
            "Making a backup first…",
            self.ops.back_up_before_import,
            lambda backup: self._import(confirmed, area, backup),
            self._failed,
        )

    def _import(self, preview: CalendarPreview, area: Area, backup: Path) -> None:
        new = count_of(len(preview.new), f"{area.value} block")
        change = push_edit(
            self.stack, self.ops, self.report, f"Import {new} from {preview.name}",
            import_calendar, preview, area,
        )  # fmt: skip
        if change is None:
            return
        made = count_of(len(change.after_blocks), "block")
        self.window.statusBar().showMessage(
            f"Imported {made} from {preview.name}; the data you had before is kept in "
            f"the backup {backup.name}.",
            10_000,
        )

    def _failed(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10_000)
        prompts.warn(self.window, APP_NAME, message)
