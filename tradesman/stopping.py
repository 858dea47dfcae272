"""Logout, `kill` and Ctrl+C end Tradesman the way closing it does.

Left to themselves, SIGTERM (logout, `kill`) and SIGHUP (a closed terminal) end the
process on the spot, leaving the folder's lock and the window's socket behind. Every
edit is already committed when it is made, so nothing is lost either way; but the
next start should find a folder that was let go of properly.

- The window: Python runs a signal handler only when the interpreter has control,
  and while Qt waits for events it has none. So the signal also writes a byte into a
  pipe (signal.set_wakeup_fd) that a QSocketNotifier watches, and the window closes
  from Qt's event loop, as if its close button had been pressed.
- A command holding the folder (import, restore): the signal interrupts it like
  Ctrl+C (KeyboardInterrupt), so its transaction rolls back and its `finally` lets go
  of the folder.

A signal the process was started with ignored (`nohup`) stays ignored.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


def close_on_stop_signals(window: QWidget) -> None:
    """From now on a stop signal closes `window` and ends the app's event loop."""
    if os.name != "posix":  # (no such signals to speak of; set_wakeup_fd wants a socket)
        return
    from PySide6.QtCore import QSocketNotifier

    handled = _install(STOP_SIGNALS, _noted)
    if not handled:
        return
    read_end, write_end = os.pipe()
    for end in (read_end, write_end):
        os.set_blocking(end, False)
        os.set_inheritable(end, False)
    signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    notifier = QSocketNotifier(read_end, QSocketNotifier.Type.Read, window)
    wanted = {int(number) for number in handled}

    def stop() -> None:
        numbers = _drain(read_end)
        if wanted & numbers:
            _close(window)

    notifier.activated.connect(stop)


@contextlib.contextmanager
def interrupted_by_stop_signals() -> Iterator[None]:
    """Within: a stop signal raises KeyboardInterrupt, as Ctrl+C does."""
    previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    installed = _install(STOP_SIGNALS, _interrupt)
    try:
        yield
    finally:
        for number in installed:
            handler = previous[number]
            signal.signal(number, signal.SIG_DFL if handler is None else handler)


@contextlib.contextmanager
def stop_signals_held() -> Iterator[None]:
    """Within: stop signals wait (letting go of the folder must not be cut short); one
    that came meanwhile is acted on when this ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _install(
    numbers: tuple[signal.Signals, ...], handler: Callable[[int, FrameType | None], None]
) -> list[signal.Signals]:
    installed = []
    for number in numbers:
        if signal.getsignal(number) == signal.SIG_IGN:
            continue
        try:
            signal.signal(number, handler)
        except (OSError, ValueError):  # (not the main thread, or not on this system)
            continue
        installed.append(number)
    return installed


def _noted(number: int, frame: FrameType | None) -> None:
    """The window's handler does nothing itself: it may run in the middle of any Python
    code, and the pipe already tells the event loop (see `close_on_stop_signals`)."""


def _interrupt(number: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _drain(read_end: int) -> set[int]:
    numbers: set[int] = set()
    while True:
        try:
            data = os.read(read_end, 64)
        except (BlockingIOError, InterruptedError):
            return numbers
        if not data:
            return numbers
        numbers.update(data)


def _close(window: QWidget) -> None:
    from PySide6.QtWidgets import QApplication

    window.close()  # (saves the window's place and size, as a click on close does)
    QApplication.exit(0)  # (ends every event loop: an open dialog's too)
