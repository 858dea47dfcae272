"""Long work (import, export, PDFs) off the UI thread, with a progress window.

The window stays responsive and repaints; the work's result or its UserError comes
back on the UI thread. A bug in the work is logged and reported as one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from tradesman.errors import UserError
from tradesman.logs import bug_sentence

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
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
    from shiboken6 import isValid

    # The relay has no Qt parent: it must outlive a parent closed mid-work, or the
    # worker would report through a deleted object. It is kept here until it reports.
    relay = _Relay()
    _running.add(relay)

    def finish(result: object) -> None:
        _running.discard(relay)
        relay.deleteLater()
        if isValid(parent):
            on_done(result)

    def fail(message: str) -> None:
        _running.discard(relay)
        relay.deleteLater()
        if isValid(parent):
            on_error(message)

    relay.finished.connect(finish)
    relay.failed.connect(fail)
    QThreadPool.globalInstance().start(_Job(work, relay))
    return relay


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
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setWindowTitle("Tradesman")
    progress.setCancelButton(None)  # import and export are all-or-nothing: no half-way stop
    progress.setModal(True)
    progress.setMinimumDuration(300)  # quick work never flashes a window

    def finish(result: object) -> None:
        progress.close()
        on_done(result)

    def fail(message: str) -> None:
        progress.close()
        on_error(message)

    return run_in_background(parent, work, finish, fail)
