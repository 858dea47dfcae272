"""Long work (import, export, PDFs) off the UI thread, with a progress window.

The window stays responsive and repaints; the work's result or its UserError comes
back on the UI thread. A bug in the work is logged and reported as one. Work that
says how far it has come (`run_with_progress`'s `on_cancelled`) gets a bar that fills
and a Cancel button, which stops it at its next word of progress (`Cancelled`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from tradesman.errors import UserError
from tradesman.logs import bug_sentence
from tradesman.progress import Cancelled, Progress

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    progressed = Signal(int)  # per mille done


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Cancelled:
            self._relay.cancelled.emit()
        except UserError as exc:
            self._relay.failed.emit(exc.message)
        except Exception as exc:
            log.exception("background work failed")
            self._relay.failed.emit(bug_sentence(exc))
        else:
            self._relay.finished.emit(result)


_running: set[_Relay] = set()  # relays of work still running: kept alive until it ends


def run_in_background(
    parent: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
) -> QObject:
    """Run `work()` on a worker thread; `on_done(result)` or `on_error(sentence)` follows
    on the UI thread, unless `parent` is gone by then (a preview closed while its PDF
    was being made): then the late result is dropped.

    Returns the relay object; keep it if you need to wait for its signals (tests do).
    """
    # The relay has no Qt parent: it must outlive a parent closed mid-work, or the
    # worker would report through a deleted object. It is kept here until it reports.
    relay = _Relay()
    _start(relay, parent, work, on_done, on_error)
    return relay


def _start(
    relay: _Relay,
    parent: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
    on_cancelled: Callable[[], None] | None = None,
) -> None:
    from shiboken6 import isValid

    _running.add(relay)

    def ended() -> bool:
        _running.discard(relay)
        relay.deleteLater()
        return isValid(parent)

    def finish(result: object) -> None:
        if ended():
            on_done(result)

    def fail(message: str) -> None:
        if ended():
            on_error(message)

    def stopped() -> None:
        if ended() and on_cancelled is not None:
            on_cancelled()

    relay.finished.connect(finish)
    relay.failed.connect(fail)
    relay.cancelled.connect(stopped)
    QThreadPool.globalInstance().start(_Job(work, relay))


def run_with_progress(
    parent: QWidget,
    label: str,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
) -> QObject:
    """Run `work()` on a worker thread behind a modal, busy progress window.

    Returns the relay object; keep it if you need to wait for its signals (tests do).
    """
    progress = _progress_window(parent, label, 0)
    progress.setCancelButton(None)  # (work that cannot say how far it is cannot stop half-way)

    def finish(result: object) -> None:
        progress.close()
        on_done(result)

    def fail(message: str) -> None:
        progress.close()
        on_error(message)

    return run_in_background(parent, work, finish, fail)


def run_cancellable(
    parent: QWidget,
    label: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
    on_cancelled: Callable[[], None],
) -> QObject:
    """As `run_with_progress`, for work that tells a `Progress` how far it has come: the
    window's bar fills as it does, and its Cancel button stops the work at its next word
    (the `Progress` raises `Cancelled` in it; the work leaves everything as it was), and
    then `on_cancelled()` follows. Until the work has stopped the window stays, saying so,
    so nothing else can be started meanwhile.

    Returns the relay object; keep it if you need to wait for its signals (tests do).
    """
    window = _progress_window(parent, label, _STEPS)
    window.setAutoReset(False)
    window.setAutoClose(False)
    stop = threading.Event()
    _stops.add(stop)
    relay = _Relay()

    def cancel() -> None:
        stop.set()
        # (Cancel hides the window; it comes back, busy, until the work has stopped.)
        window.setLabelText("Stopping…")
        window.setCancelButton(None)
        window.setRange(0, 0)
        window.show()

    def report(done: float) -> None:
        """On the worker thread: the bar moves; after Cancel, the work stops here."""
        if stop.is_set():
            raise Cancelled
        relay.progressed.emit(round(min(max(done, 0.0), 1.0) * _STEPS))

    def shown(steps: int) -> None:
        if not stop.is_set():
            window.setValue(steps)

    def finish(result: object) -> None:
        _stops.discard(stop)
        window.close()
        on_done(result)

    def fail(message: str) -> None:
        _stops.discard(stop)
        window.close()
        on_error(message)

    def stopped() -> None:
        _stops.discard(stop)
        window.close()
        on_cancelled()

    window.canceled.connect(cancel)
    relay.progressed.connect(shown)
    _start(relay, parent, lambda: work(report), finish, fail, stopped)
    return relay


_STEPS = 1000  # the bar's steps: fine enough to move on a long import
_stops: set[threading.Event] = set()  # the stop of each cancellable work under way


def stop_cancellable_work() -> None:
    """The app is closing: work that can stop (an import, an export) stops at its next
    word and leaves everything as it was, as if Cancel had been pressed; closing the
    window means leaving it, not finishing it unseen."""
    for stop in list(_stops):
        stop.set()


def _progress_window(parent: QWidget, label: str, steps: int) -> QProgressDialog:
    progress = QProgressDialog(label, "Cancel", 0, steps, parent)
    progress.setWindowTitle("Tradesman")
    progress.setModal(True)
    progress.setMinimumDuration(300)  # quick work never flashes a window
    return progress
