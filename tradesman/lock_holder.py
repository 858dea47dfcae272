"""Whether the process a data folder's lock names still holds it.

Qt already takes over a lock whose process is gone, or runs another program file. It
cannot tell when the process id has since gone to another Python program (Tradesman
runs as "python3.11", and so do many others): that lock would block every start for
ever. On Linux /proc says more: an open Tradesman keeps its lock file open for as long
as it holds the folder, so a process on this computer that does not have it open is
not the holder. (A process of another user's does not show us its open files; then
its command line must do: one that is no Tradesman is not the holder.)

Where that cannot be told (a lock from another computer on a shared folder, a system
without /proc), the lock stays and the owner is told how to remove it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LockInfo:
    """What QLockFile writes into a lock file, line by line."""

    pid: int
    program: str
    host: str
    machine_id: str


def read_lock(lock_file: Path) -> LockInfo | None:
    """The lock's holder as written in it; None for a lock being written or unreadable."""
    try:
        lines = lock_file.read_bytes().decode("utf-8", "replace").split("\n")
    except OSError:
        return None
    lines += [""] * 4
    try:
        pid = int(lines[0])
    except ValueError:
        return None
    if pid <= 0:
        return None
    return LockInfo(pid, lines[1], lines[2], lines[3])


def left_behind(lock_file: Path) -> bool:
    """True only when sure that the process the lock names, on this computer, does not
    hold it: it has not got the lock file open, or (another user's) it is no Tradesman."""
    info = read_lock(lock_file)
    if info is None or not _on_this_computer(info) or not Path("/proc/self/fd").is_dir():
        return False
    process = Path("/proc") / str(info.pid)
    if not process.exists():
        return True
    has_it_open = _has_open(process, lock_file)
    if has_it_open is None:
        return not _looks_like_tradesman(process)
    return not has_it_open


def describe(info: LockInfo | None) -> str:
    """ "process 4242 on office-pc", or "" when the lock cannot be read."""
    if info is None:
        return ""
    return f"process {info.pid} on {info.host}" if info.host else f"process {info.pid}"


def _on_this_computer(info: LockInfo) -> bool:
    from PySide6.QtCore import QSysInfo

    # As Qt judges it: by the machine id where both are known, else by the host name.
    ours = QSysInfo.machineUniqueId().toStdString()
    if info.machine_id and ours:
        return info.machine_id == ours
    return not info.host or info.host == str(QSysInfo.machineHostName())


def _has_open(process: Path, lock_file: Path) -> bool | None:
    """Whether `process` has `lock_file` open; None when its open files are closed to us."""
    try:
        wanted = lock_file.stat()
        descriptors = list((process / "fd").iterdir())
    except PermissionError:
        return None
    except OSError:
        return False  # (the process has just ended, or the lock is gone)
    for descriptor in descriptors:
        try:
            seen = descriptor.stat()
        except PermissionError:
            return None  # (listed but not shown to us: it cannot be told)
        except OSError:
            continue  # (closed meanwhile)
        if (seen.st_dev, seen.st_ino) == (wanted.st_dev, wanted.st_ino):
            return True
    return False


def _looks_like_tradesman(process: Path) -> bool:
    """Whether the command line of `process` starts a Tradesman (`tradesman`,
    `python -m tradesman`, the bundle); True when it cannot be read."""
    try:
        words = (process / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return True
    return any(word.rsplit(b"/", 1)[-1].lower().startswith(b"tradesman") for word in words)
