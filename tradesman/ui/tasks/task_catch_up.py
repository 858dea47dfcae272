"""Making the recurring tasks that came due (at start-up, after an import, at a new day):
the usual few at once, a long catch-up on a worker thread.

One catch-up at a time: one asked for while another runs follows it. Each step of a
catch-up is saved whole (services/task_rules.catch_up_tasks), so stopping between
steps when the app closes loses nothing; the rest are made at the next start.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject

from tradesman.services.op_changes import TASKS
from tradesman.ui.shared.background import run_in_background
from tradesman.ui.shared.operations import Operations
from tradesman.words import count_of

# Recurring tasks made at once on the UI thread: the usual handful. When more have come
# due (a rule first due long ago, the app closed for weeks), the rest are made on a
# worker thread, so the window is ready meanwhile.
FEW_DUE_TASKS = 50


class TaskCatchUp(QObject):
    def __init__(self, ops: Operations, report: Callable[[str], None], parent: QObject) -> None:
        super().__init__(parent)
        self.ops = ops
        self.report = report
        self._job: object = None  # the worker's job while one runs
        self._again = False  # asked for while a job ran: once more after it
        self._stopping = threading.Event()  # the app is closing: stop between steps
        self._idle = threading.Event()  # no worker is catching up
        self._idle.set()

    def make_due(self) -> int:
        """Make what has come due; returns how many were made at once (a catch-up on
        the worker reports its own when it ends). Announces what it made."""
        if self._job is not None:
            self._again = True  # (one writer of tasks at a time: after this one)
            return 0
        made = self.ops.make_due_tasks(FEW_DUE_TASKS)
        if made:
            self.ops.announce(TASKS)
        if made == FEW_DUE_TASKS:
            self._start(made)
        return made

    def stop(self) -> None:
        """The app is closing: a catch-up under way stops after its current step, and is
        waited for a while (every step is saved whole, so even a wait cut short leaves
        nothing half-made)."""
        self._stopping.set()
        self._idle.wait(10)

    def _start(self, made_already: int) -> None:
        ops, stopping, idle = self.ops, self._stopping, self._idle
        self.report("Making the recurring tasks that came due while Tradesman was closed…")

        def work() -> int:  # (on the worker thread: touches no widget)
            try:
                return ops.catch_up_tasks(lambda: not stopping.is_set())
            finally:
                idle.set()

        def done(made: int) -> None:
            ops.announce(TASKS)
            self.report(f"Made {count_of(made_already + made, 'recurring task')} that came due.")
            self._ended()

        def failed(message: str) -> None:
            self.report(message)
            self._ended()

        idle.clear()
        self._job = run_in_background(self, work, done, failed)

    def _ended(self) -> None:
        self._job = None
        if self._again and not self._stopping.is_set():
            self._again = False
            self.make_due()
