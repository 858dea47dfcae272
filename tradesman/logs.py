"""Logging to a small file in the data folder, for reports of what went wrong.

The log must never take the app down. A log file that cannot be written (a folder in
its place, a file left behind by `sudo tradesman` that now belongs to root, a full or
read-only disk) is said once, in one line on stderr, and what would have gone into it
goes to stderr instead. Python's own FileHandler raises from the logging call when it
cannot open its file (so a warning became a crash, and an error handler that logged
became a second one) and prints "--- Logging error ---" with a traceback when it
cannot write.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path
from typing import TextIO

MAX_LOG_BYTES = 1_000_000
# Owner-only, like everything in the data folder: the log names clients and files.
LOG_FILE_MODE = 0o600
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def start_logging(log_file: Path) -> None:
    """Warnings and errors (with tracebacks) go to `log_file`.

    The file is rolled over to `<name>.1` at start-up once it passes 1 MB. (Not
    logging.handlers: it pulls in sockets and pickle, which cost start-up time.)
    """
    with contextlib.suppress(OSError):
        if log_file.stat().st_size > MAX_LOG_BYTES:
            rolled = log_file.with_name(log_file.name + ".1")
            log_file.replace(rolled)
            rolled.chmod(LOG_FILE_MODE)  # (one an older version made open to others)
    handler = LogFile(log_file)
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def where_the_details_are() -> str:
    """Where a bug's traceback was written, for the sentence that tells the owner."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, LogFile) and handler.unwritable:
            return "printed above (the log file cannot be written)"
    return "in tradesman.log in the data folder"


def bug_sentence(exc: BaseException) -> str:
    """One line about an error that is Tradesman's fault, pointing at the log."""
    first_line = (str(exc).splitlines() or [""])[0][:200]
    return (
        f"Something went wrong inside Tradesman ({type(exc).__name__}: {first_line}). "
        f"This is a bug; the details are {where_the_details_are()}."
    )


class LogFile(logging.Handler):
    """Appends each message to the log file; falls back to stderr, once and for all,
    when the file cannot be opened or written."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.unwritable = False
        # Opened at the first message, not before: most runs log nothing at all.
        self._stream: TextIO | None = None

    def emit(self, record: logging.LogRecord) -> None:
        text = self._formatted(record) + "\n"
        if not self.unwritable:
            try:
                if self._stream is None:
                    self._stream = _open_private(self.path)
                self._stream.write(text)
                self._stream.flush()  # (a crash right after must not lose the message)
                return
            except OSError as exc:
                self._give_up_on_the_file(exc)
        _to_stderr(text)

    def _formatted(self, record: logging.LogRecord) -> str:
        try:
            return self.format(record)
        except Exception:  # a message that does not fit its arguments: a bug of ours
            return (
                f"{record.levelname} {record.name}: (a message that could not be put "
                f"together) {record.msg!r} {record.args!r}"
            )

    def _give_up_on_the_file(self, exc: OSError) -> None:
        self.unwritable = True
        stream, self._stream = self._stream, None
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
        _to_stderr(
            f"tradesman: the log file {self.path} cannot be written ({_why(self.path, exc)}); "
            "its messages are shown here instead.\n"
        )

    def close(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
        super().close()


def _open_private(path: Path) -> TextIO:
    """The log file opened for appending, created owner-only whatever the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, LOG_FILE_MODE)
    try:
        # A log made by an older version (or with an odd umask) is closed to others too.
        if hasattr(os, "fchmod") and os.fstat(fd).st_mode & 0o777 != LOG_FILE_MODE:
            with contextlib.suppress(OSError):
                os.fchmod(fd, LOG_FILE_MODE)
        return os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace")
    except BaseException:
        os.close(fd)
        raise


def _why(path: Path, exc: OSError) -> str:
    import errno

    from tradesman.files import describe_os_error

    if exc.errno == errno.EISDIR:
        return "it is a folder"
    if exc.errno in (errno.EACCES, errno.EPERM):
        owner = _owner_if_not_us(path)
        if owner is not None:
            return f"permission denied: it belongs to {owner}"
    return describe_os_error(exc)


def _owner_if_not_us(path: Path) -> str | None:
    try:
        uid = path.stat().st_uid
    except OSError:
        return None
    if not hasattr(os, "geteuid") or uid == os.geteuid():
        return None
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"the user with number {uid}"


def _to_stderr(text: str) -> None:
    stream = sys.stderr
    if stream is None:  # (a Windows GUI start has no console at all)
        return
    with contextlib.suppress(Exception):
        stream.write(text)
        stream.flush()
