"""Starting the window: paint first, then show the week, then get ready for edits.

Order: Qt application -> window (shown, no data yet) -> first paint -> open and check
the data file and read this week's split with plain sqlite3 (a few milliseconds) ->
data shown -> load the services and the rest of the window -> ready for edits. Nothing
on the way loads SQLAlchemy: the window's reads and edits are plain SQL.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tradesman.display import missing_display
from tradesman.domain.territory import week_start_for_locale
from tradesman.errors import UserError
from tradesman.identity import APP_ID, APP_NAME, ORGANIZATION, VERSION
from tradesman.paths import DataPaths
from tradesman.pyside_hook import take_off

if TYPE_CHECKING:
    from tradesman.store.database import Store
    from tradesman.store.early_check import EarlyCheck

take_off()  # (PySide is loaded, above: every import from here on is cheaper without it)

# Set by benchmarks/startup.py to the moment it started the process (exact). Without
# it the smoke test counts from the process start the kernel recorded (to 10 ms), or,
# where there is no /proc, from the moment this module was imported.
T0_ENV = "TRADESMAN_T0"
# The week is shown, then the window gets ready once it has painted; a window that
# does not paint (hidden or minimised meanwhile) gets ready after this long anyway.
READY_AT_THE_LATEST_MS = 1000
_IMPORTED_AT = time.time()


def _process_started_at() -> float:
    """When this process started, as a time.time() value."""
    try:
        # Field 22 is the start time in clock ticks after boot; the command name
        # (field 2) may contain spaces, so count from its closing bracket.
        fields = Path("/proc/self/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
        started_after_boot = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - started_after_boot
        return time.time() - age
    except (OSError, ValueError, IndexError, AttributeError):
        return _IMPORTED_AT


class _AfterNextPaint(QObject):
    """Calls back once `widget` has painted (after the paint, not before it)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            # The paint itself runs right after this filter; a zero timer fires after it.
            QTimer.singleShot(0, self._callback)
        return False


class _Startup:
    """The steps after the first paint, each one triggered by the one before."""

    def __init__(
        self,
        app: QApplication,
        window: QWidget,
        paths: DataPaths,
        smoke_test: bool,
        answer_later_starts: Callable[[], object] | None = None,
        early_check: EarlyCheck | None = None,
    ):
        from tradesman.ui.main_window import MainWindow

        assert isinstance(window, MainWindow)
        self.app = app
        self.window = window
        self.paths = paths
        self.smoke_test = smoke_test
        self.first_start = False  # a new data folder: welcome the owner once ready
        self.locale_name = QLocale.system().name()
        self.started = float(os.environ.get(T0_ENV) or _process_started_at())
        self.timings: dict[str, float] = {}
        self.exit_code = 0
        self.store: Store | None = None  # (once ready; closed by run_window at the end)
        # A second start on the folder is answered (the window brought to the front)
        # once this one is ready, or sooner if it stops to ask the owner something: the
        # socket costs ~8 ms that "ready" need not wait for, and a second start that
        # comes before retries for a while (single_instance.PATIENCE_S).
        self._answer_later_starts = answer_later_starts
        self.early_check = early_check  # (the file's quick check, begun before the paint)
        self._getting_ready = False

    def answer_later_starts(self) -> None:
        listen, self._answer_later_starts = self._answer_later_starts, None
        if listen is not None:  # (once only)
            listen()

    def _mark(self, step: str) -> None:
        self.timings[step] = (time.time() - self.started) * 1000

    def fail(self, message: str) -> None:
        self.exit_code = 1
        if self.smoke_test:
            print(f"tradesman: {message}", file=sys.stderr)
        else:
            from PySide6.QtWidgets import QMessageBox

            self.answer_later_starts()

            QMessageBox.critical(self.window, APP_NAME, message)
        self.app.exit(1)

    def show_week(self) -> None:
        self._mark("paint")
        try:
            from tradesman.services.first_look import first_look
            from tradesman.store.datafile import open_data_file

            told: list[str] = []
            database = open_data_file(self.paths, tell=told.append, early=self.early_check)
            look = first_look(database, self.locale_name, date.today())
            self.first_start = look.first_start
            _AfterNextPaint(self.window.split_panel, self.get_ready)
            # (A window hidden or minimised before the week paints gets ready all the
            # same, a little later: it must still answer a later start.)
            QTimer.singleShot(READY_AT_THE_LATEST_MS, self.get_ready)
            self.window.show_first_look(look)
            for sentence in told:  # (after the week is on screen, not instead of it)
                self.tell(sentence)
        except UserError as exc:
            answer = self._restored_after(exc)
            if answer == "not offered":
                self.fail(exc.message)
            elif answer == "declined":  # (the owner has read the problem once: just close)
                self.exit_code = 1
                self.app.exit(1)
        except Exception as exc:
            self.fail_with_bug(exc)

    def tell(self, sentence: str) -> None:
        """Something the owner should know of the opening, that does not stop it."""
        if self.smoke_test:
            print(f"tradesman: {sentence}", file=sys.stderr)
            return
        from tradesman.ui.shared import prompts

        self.answer_later_starts()
        prompts.tell(self.window, APP_NAME, sentence)

    def _restored_after(self, exc: UserError) -> str:
        """A refused data file: offer the newest good backup in its place (the file is
        kept under another name). Says "restored" (the start carries on), "declined"
        or "not offered"."""
        from tradesman.store.datafile import DataFileRefused, Refusal

        if self.smoke_test or not isinstance(exc, DataFileRefused):
            return "not offered"
        from tradesman.services.backups import (
            SET_ASIDE_AS,
            newest_good_backup,
            restore_refused_file,
        )
        from tradesman.ui.shared import prompts

        why = SET_ASIDE_AS.get(exc.reason)
        newest = newest_good_backup(self.paths) if why is not None else None
        if why is None or newest is None:
            return "not offered"
        # (For a file from a newer Tradesman, installing that version is the better way:
        # going back is offered, but not as the default.)
        suggest = exc.reason is not Refusal.NEWER
        self.answer_later_starts()
        if not prompts.offer_restore(self.window, exc.message, newest, suggest):
            return "declined"
        try:
            aside = restore_refused_file(self.paths, newest.path, why)
        except UserError as failed:
            self.fail(failed.message)
            return "restored"
        self.window.statusBar().showMessage(
            f"Restored the backup of {newest.taken:%d %b %Y %H:%M}; the file that could not "
            f"be used is kept as {aside.name}.",
            30_000,
        )
        self.show_week()
        return "restored"

    def fail_with_bug(self, exc: Exception) -> None:
        """A start-up step failed through a fault of ours: say so, log it, and close
        (a window stuck at "Opening your data…" would help nobody)."""
        from tradesman.logs import bug_sentence

        logging.getLogger(__name__).error("start-up failed", exc_info=exc)
        self.fail(bug_sentence(exc))

    def get_ready(self) -> None:
        if self._getting_ready:
            return  # (once: after the week's paint, or at the latest by the timer)
        self._getting_ready = True
        try:
            self._get_ready()
        except Exception as exc:
            self.fail_with_bug(exc)

    def _get_ready(self) -> None:
        self._mark("data")
        from tradesman.assets import app_icon
        from tradesman.services.data import Data
        from tradesman.store.database import Store
        from tradesman.ui.shared.operations import Operations

        # (After the data is shown, though PNGs of known sizes are read only when drawn.)
        self.app.setWindowIcon(app_icon())
        store = self.store = Store(self.paths.database, self.paths.backups)
        self.window.attach(Operations(Data(store, self.locale_name), self.window))
        self._mark("ready")
        if not gc.isenabled():  # (turned off for the start by entry.py)
            # What the start made lives as long as the window: set aside, never
            # scanned again; the cycle collector works from now on.
            gc.freeze()
            gc.enable()
        self.answer_later_starts()
        if self.first_start and not self.smoke_test:
            self.window.desk.welcome()
        if self.smoke_test:
            print(
                f"first paint: {self.timings['paint']:.0f} ms, "
                f"data shown: {self.timings['data']:.0f} ms, "
                f"ready for edits: {self.timings['ready']:.0f} ms"
            )
            self.app.exit(0)


def _report_bugs(window: QWidget, smoke_test: bool) -> Callable[..., None]:
    """Errors in event handlers (a fault of ours) are logged and explained, and the
    app carries on: every edit before them is already saved."""

    def report(kind: type[BaseException], exc: BaseException, trace: TracebackType | None) -> None:
        from tradesman.logs import bug_sentence

        if isinstance(exc, UserError):  # not a bug: something to tell (a full disk, say)
            logging.getLogger(__name__).warning("refused: %s", exc.message)
            sentence = exc.message
        else:
            logging.getLogger(__name__).error("unexpected error", exc_info=(kind, exc, trace))
            sentence = bug_sentence(exc)
        if threading.current_thread() is not threading.main_thread():
            return  # (widgets belong to the UI thread: a worker's bug is logged only)
        if smoke_test:
            print(f"tradesman: {sentence}", file=sys.stderr)
            QApplication.exit(1)
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(window, APP_NAME, sentence)

    return report


def _after_the_paint(window: QWidget) -> None:
    """What the system needs of an open window, once it has painted (the signal module
    costs time the first paint need not wait for)."""
    from tradesman.stopping import close_on_stop_signals

    close_on_stop_signals(window)  # (logout or `kill`: closed like the close button)


def run_window(
    paths: DataPaths, smoke_test: bool = False, early_check: EarlyCheck | None = None
) -> int:
    """The window on the data folder `paths`; the exit code. `early_check` is the data
    file's quick check, begun before PySide was loaded (see cli.main)."""
    if (no_window := missing_display()) is not None:
        print(f"tradesman: {no_window}", file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(VERSION)
    app.setDesktopFileName(APP_ID)
    from tradesman.single_instance import SingleInstance

    instance = SingleInstance(paths.folder)  # (one window per data folder)
    instance.start_claim()  # (its wait for the disk overlaps the import below)

    from tradesman.ui.main_window import MainWindow

    if not instance.claim():
        return instance.defer_to_running_window()
    startup: _Startup | None = None
    try:
        state = QSettings(str(paths.window_state), QSettings.Format.IniFormat)
        window = MainWindow(paths.folder, state, week_start_for_locale(QLocale.system().name()))
        _AfterNextPaint(window, lambda: _after_the_paint(window))
        startup = _Startup(
            app, window, paths, smoke_test, lambda: instance.listen(window), early_check
        )
        sys.excepthook = _report_bugs(window, smoke_test)
        _AfterNextPaint(window, startup.show_week)
        window.show()
        code = app.exec()
        state.sync()
        return startup.exit_code or code
    finally:
        # The process may end without Python's clean-up (see entry.py): so the
        # remembered window state is written (above), the work on other threads ended,
        # the data file closed (no -wal left beside it) and the folder's claim given up
        # here, as Qt's and Python's own clean-up would, even after a fault of ours.
        _end_background_work()
        if startup is not None and startup.store is not None:
            startup.store.close()  # (after the work: a worker's connection is closed too)
        instance.release()


def _end_background_work() -> None:
    from tradesman.ui.shared.background import stop_cancellable_work

    stop_cancellable_work()  # (an import or export under way is cancelled, not finished)
    QThreadPool.globalInstance().waitForDone()
