"""Automatic backups while the window is open: one when it starts, then one every half
hour of work — each only if the data changed since the newest backup. Taken on a worker
thread (a copy of five years takes a moment); a failure is said in the status bar and
logged, and never stops the owner working."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from tradesman.ui.shared.background import run_in_background
from tradesman.ui.shared.operations import Operations

EVERY_MS = 30 * 60 * 1000
# The start-up backup waits a little: the first seconds belong to showing the week.
AFTER_START_MS = 5_000
log = logging.getLogger(__name__)


class BackupKeeper(QObject):
    """`warning` says a failure until a backup works again ("" then): a failed backup
    must not pass unseen for weeks, as a status-bar flash could."""

    warning = Signal(str)

    def __init__(self, ops: Operations, report: Callable[[str], None], parent: QObject) -> None:
        super().__init__(parent)
        self.ops = ops
        self.report = report
        self.failing = False
        self.worked = False  # a change was saved since the last look
        self.taken = 0  # backups taken while open (tests and the log look at it)
        self._busy: object = None
        ops.changed.connect(self._note_work)
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.back_up_after_work)

    def start(self) -> None:
        """The start-up backup (in a few seconds), and the half-hourly look from then on."""
        QTimer.singleShot(AFTER_START_MS, self, self.back_up_at_start)
        self.timer.start()

    def back_up_at_start(self) -> None:
        from tradesman.services.backups import AT_START  # (loaded after the start)

        self._back_up(AT_START)

    def back_up_after_work(self) -> None:
        from tradesman.services.backups import AUTOMATIC

        if self.worked:
            self._back_up(AUTOMATIC)

    def _note_work(self) -> None:
        self.worked = True

    def _back_up(self, reason: str) -> None:
        if self._busy is not None:
            return  # (one at a time; the next look catches up)
        self.worked = False
        ops = self.ops

        def done(backup: object) -> None:
            self._busy = None
            if self.failing:
                self.failing = False
                self.warning.emit("")
            if backup is not None:
                self.taken += 1
                log.info("backup taken: %s", backup)

        def failed(message: str) -> None:
            self._busy = None
            self.worked = True  # try again at the next look
            log.warning("automatic backup failed: %s", message)
            self.failing = True
            self.warning.emit(f"The last automatic backup failed: {message}")

        self._busy = run_in_background(self, lambda: ops.back_up_if_changed(reason), done, failed)
