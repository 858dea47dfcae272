"""What an edit, undo, redo and week switch cost in the window, and SQLite's work for each.

    python benchmarks/edit_cost.py --data-dir /tmp/fifty-years [--rounds 11] [--page tasks]

Opens the real window (offscreen) on the data folder, on the page asked for, then moves
a block of the week on show by five minutes and undoes and redoes it (once a block
booked for no task, once one booked for a task, which also reads the list to schedule
and any page of tasks on show), switches a week back and forth, and reads the note of
work coming in (which the window reads a moment after each change). Each is timed from
the action to the events it queued handled, with the window's own refresh; beside the
time, the SQL statements run and SQLite's work in thousands of instructions (a
progress handler), which the machine's load does not move. Issue 17's aim: the same
work after fifty years of data as after one. The data is left as it was found.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from tradesman.domain.blocks import TimeBlock
    from tradesman.ui.main_window import MainWindow

STEP = 1000  # SQLite instructions per count


@dataclass
class Meter:
    """Statements run and SQLite's work on every connection the store hands out."""

    statements: int = 0
    work: int = 0  # thousands of instructions

    def __post_init__(self) -> None:
        self._hooked: list[sqlite3.Connection] = []

    def hook(self, db: sqlite3.Connection) -> None:
        if db in self._hooked:
            return
        self._hooked.append(db)
        db.set_trace_callback(self._ran)
        db.set_progress_handler(self._worked, STEP)

    def _ran(self, _: str) -> None:
        self.statements += 1

    def _worked(self) -> int:
        self.work += 1
        return 0  # (go on)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--page", default="week", help="week, tasks, charts, plan or work")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tradesman.paths import prepare_data_folder
    from tradesman.services.data import Data
    from tradesman.services.first_look import first_look
    from tradesman.store import database
    from tradesman.store.database import open_store
    from tradesman.ui.main_window import MainWindow
    from tradesman.ui.shared.operations import Operations
    from tradesman.ui.window.action_table import PAGES

    app = QApplication(sys.argv[:1])
    paths = prepare_data_folder(args.data_dir)
    meter = Meter()
    opened = database.connect  # type: ignore[attr-defined]

    def hooked_connect(path: Path) -> sqlite3.Connection:
        db = opened(path)
        meter.hook(db)
        return db

    database.connect = hooked_connect  # type: ignore[attr-defined]  # (every one metered)
    store = open_store(paths)
    today = date.today()
    state = QSettings(str(paths.folder / "benchmark-window.ini"), QSettings.Format.IniFormat)
    look = first_look(paths.database, "en_GB", today)
    window = MainWindow(paths.folder, state, look.settings.week_start)
    window.show_first_look(look)
    results: dict[str, list[tuple[float, int, int]]] = {}

    def timed(name: str, action: Callable[[], object]) -> None:
        statements, work = meter.statements, meter.work
        started = time.perf_counter()
        action()
        app.processEvents()
        ms = (time.perf_counter() - started) * 1000
        results.setdefault(name, []).append((ms, meter.statements - statements, meter.work - work))

    timed("start (attach)", lambda: window.attach(Operations(Data(store, "en_GB"))))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    app.processEvents()  # (the note of work coming in starts on a zero timer)
    window.show_page(PAGES.index(args.page))
    app.processEvents()
    undo, redo = window.acts["undo"], window.acts["redo"]
    for kind, booked in (("", False), (" (task)", True)):
        block = _a_block(window, booked)
        if block is None:
            print(f"no block{kind} to move in the week on show")
            continue
        for _ in range(args.rounds):
            now = next(b for b in window.canvas.blocks if b.id == block.id)
            moved = replace(now, start=now.start + 5, end=now.end + 5)
            timed("edit" + kind, lambda: window.desk.planner.change_block(now, moved))  # noqa: B023
            timed("undo" + kind, undo.trigger)
            timed("redo" + kind, redo.trigger)
            undo.trigger()  # (the data as it was found)
            app.processEvents()
    for _ in range(args.rounds):
        timed("week back", window.acts["previous_week"].trigger)
        timed("week on", window.acts["next_week"].trigger)
    note = window.desk.work_note
    if note is not None:
        for _ in range(args.rounds):
            timed("work note", note.show_now)
    store.close()

    print(f"data: {args.data_dir}, the {args.page} page on show")
    for name, runs in results.items():
        print(
            f"{name:<15} median {statistics.median(r[0] for r in runs):7.1f} ms"
            f"   {statistics.median(r[1] for r in runs):4.0f} statements"
            f"   SQLite work {statistics.median(r[2] for r in runs):6.0f}k   ({len(runs)} times)"
        )
    return 0


def _a_block(window: MainWindow, booked: bool) -> TimeBlock | None:
    """A block of the week on show, not repeating, booked for a task or not, that can
    move five minutes later."""
    return next(
        (
            block
            for block in window.canvas.blocks
            if block.series_id is None
            and (block.task_id is not None) == booked
            and block.end <= 23 * 60
        ),
        None,
    )


if __name__ == "__main__":
    sys.exit(main())
