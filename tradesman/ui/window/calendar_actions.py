"""File → Export calendar…: the blocks from four weeks back to twelve ahead as an .ics
file for the phone, made off the UI thread and reported in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from tradesman.errors import UserError
from tradesman.files import Output, output_for, save_output
from tradesman.identity import APP_NAME
from tradesman.services.calendar_export import CalendarFile, default_range
from tradesman.ui.shared import prompts
from tradesman.ui.shared.background import run_with_progress
from tradesman.ui.shared.folders import LastFolder
from tradesman.words import count_of

if TYPE_CHECKING:
    from tradesman.ui.shared.operations import Operations

ICS_FILTER = "Calendar file (*.ics);;All files (*)"


def write_calendar(ops: Operations, today: date, output: Output) -> CalendarFile:
    """Make the calendar of the default range and save it whole (on a worker thread)."""
    made = ops.calendar(*default_range(today))
    save_output(output, made.data)
    return made


def written_words(made: CalendarFile, where: str) -> str:
    """The status bar's sentence after a calendar file is written."""
    return (
        f"Exported {count_of(made.blocks, 'time block')} "
        f"({made.first:%d %b %Y} to {made.last:%d %b %Y}) to {where}."
    )


class CalendarActions:
    def __init__(
        self,
        ops: Operations,
        window: QMainWindow,
        folders: LastFolder,
        today: Callable[[], date],
    ) -> None:
        self.ops = ops
        self.window = window
        self.folders = folders
        self.today = today
        self._busy: object = None  # the running job, kept alive until it reports

    def export_calendar(self) -> None:
        ops, window, today = self.ops, self.window, self.today()
        suggested = self.folders.get() / f"tradesman-{today.isoformat()}.ics"
        path = prompts.choose_file_to_save(
            window, "Export calendar", suggested, ICS_FILTER, suffix="ics"
        )
        if path is None:
            return
        try:  # (said at once, not after a progress window: the data file, a backup…)
            output = output_for(path, ops.own_files, streams=False)
        except UserError as exc:
            self._failed(exc.message)
            return
        self.folders.remember(path)

        def done(made: CalendarFile) -> None:
            window.statusBar().showMessage(written_words(made, str(path)), 10_000)

        self._busy = run_with_progress(
            window,
            f"Exporting the calendar to {path.name}…",
            lambda: write_calendar(ops, today, output),
            done,
            self._failed,
        )

    def _failed(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10_000)
        prompts.warn(self.window, APP_NAME, message)
