"""The installed commands' entry: run, then end the process at once, everything closed.

Once the window has closed (or a command has answered), Python's own clean-up destroys
every Qt object and every module one at a time: about a fifth of a whole start-to-quit
run, for nothing the owner keeps. By the time `main()` returns, every edit is committed,
the data file closed (`run_window` closes the window's once the work on other threads is
done; a command closes its own in its `finally`) and the window's remembered state
written. What is left is done here by hand: the threads Python would wait for are
waited for, the log is flushed and closed, the printed lines are flushed; then the
process ends without the rest of the clean-up.

Tests call `cli.main()` in process and never this, so a test run is never cut short.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
import threading
from typing import NoReturn


def run() -> NoReturn:
    # The start makes some 37,000 objects that live as long as the app. Python's cycle
    # collector, run again and again while they are made, finds almost nothing to free
    # among them (about 400 objects) and costs the window's start about 10 ms. So it
    # waits: a command turns it back on as it starts its work (cli.main), the window
    # once it is ready for edits, setting what the start made aside for good (app.py).
    gc.disable()
    from tradesman.cli import main

    try:
        code: object = main()
    except SystemExit as exc:  # argparse's --help and its usage errors
        code = exc.code
    end_process(code)


def end_process(code: object) -> NoReturn:
    """End now with `code` (as `sys.exit` takes it), losing no thread, log line or output."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # (a message, as sys.exit prints one)
        print(code, file=sys.stderr)
        status = 1
    _end_threads()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        # (a reader that went away early, `tradesman summary | head`, is not an error)
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(status)


def _end_threads() -> None:
    """As Python does before its clean-up: the exit hooks of threading run (an idle
    ThreadPoolExecutor is told to stop, or its workers would wait for ever), then every
    thread that is not a daemon is waited for."""
    shutdown = getattr(threading, "_shutdown", None)  # (CPython's own step, 3.11 to 3.13)
    if shutdown is not None and threading.current_thread() is threading.main_thread():
        shutdown()
        return
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
