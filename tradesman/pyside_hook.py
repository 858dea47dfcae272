"""PySide's import hook, taken off once PySide is loaded: Tradesman has no use for it.

Loading PySide6 replaces Python's `__import__` with PySide's own, so that a module may
write `from __feature__ import snake_case` and call Qt's methods by other names. The
price is paid by every import after that: a call into PySide's Python code, and, for
each module not seen before, a read of that module's whole source file to look for the
word "PySide6" (PYSIDE-2029). For the window that is about 20 ms of the way from the
first paint to "ready for edits" (`python benchmarks/startup.py`), for nothing: no
module of ours uses `__feature__` (a test keeps it so), and PySide runs without the
hook where it cannot install it (on PyPy).
"""

from __future__ import annotations

import builtins


def take_off() -> None:
    """Put back the `__import__` PySide found when it installed its hook (Python's own,
    or in newer PySides their lazy loader of Qt modules), once PySide is loaded: the
    same imports, without the step for `__feature__`."""
    original = getattr(builtins, "__orig_import__", None)
    if callable(original) and builtins.__import__ is not original:
        builtins.__import__ = original
