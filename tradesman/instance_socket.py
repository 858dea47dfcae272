"""Where an open window's socket lives, and who is at the other end of it.

A second start reaches the open window through a local socket (`single_instance.py`).
Earlier versions put it in the shared temporary folder under a name anyone could work
out, so another user of the computer could listen there first and answer "it came to
the front" when nothing had. Now it lives where only its owner can make files:

1. in the data folder itself (owner-only), when the path fits in a socket address
   (108 bytes on Linux, 104 on macOS, counting the closing zero);
2. else in $XDG_RUNTIME_DIR, if that is ours and closed to others;
3. else in a folder of ours in the temporary folder, `tradesman-<uid>`, made owner-only
   and checked (ours, a real folder and not a link, closed to others) before each use.

And each end asks the system who is at the other end (SO_PEERCRED on Linux; elsewhere
the socket file's owner) and believes only its own user. On Windows the socket is a
named pipe that only its user may open, named as before.

Used after the first paint (the window) or when the folder is already held (a second
start), never before the paint: hence the imports inside the functions.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SOCKET_NAME = "tradesman.socket"
# The longest path a socket address holds, without its closing zero byte.
LONGEST_PATH = 107 if sys.platform.startswith("linux") else 103


def socket_paths(folder: Path) -> list[str]:
    """Where the window on `folder` listens, best first: the same for every spelling of
    the folder (relative, through a symlink). A start listens at the first place that
    works and a second start tries each. Nothing is made here."""
    if os.name == "nt":
        return [_pipe_name(folder)]
    resolved = folder.resolve()
    places = []
    inside = resolved / SOCKET_NAME
    if len(os.fsencode(inside)) <= LONGEST_PATH:
        places.append(str(inside))
    private = private_folder()
    if private is not None:
        named = private / f"{_digest(resolved)}.socket"  # (the folder says whose)
        if len(os.fsencode(named)) <= LONGEST_PATH:
            places.append(str(named))
    return places


def private_folder() -> Path | None:
    """$XDG_RUNTIME_DIR when it is ours alone, else `tradesman-<uid>` in the temporary
    folder (which may not exist yet, or may be someone else's: see `is_private`)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_absolute() and is_private(Path(runtime)):
        return Path(runtime)
    import tempfile

    return Path(tempfile.gettempdir()) / f"tradesman-{os.getuid()}"


def is_private(folder: Path) -> bool:
    """Whether `folder` is a real folder (not a link) of ours that no one else may enter."""
    import stat

    try:
        seen = folder.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(seen.st_mode)
        and seen.st_uid == os.geteuid()
        and stat.S_IMODE(seen.st_mode) & 0o077 == 0
    )


def may_use(place: str, make: bool) -> bool:
    """Whether the socket at `place` may be listened at or asked: in the data folder
    always; elsewhere only in a private folder of ours (made first when `make`)."""
    if os.name == "nt" or Path(place).name == SOCKET_NAME:
        return True
    parent = Path(place).parent
    if make and not parent.exists():
        try:
            parent.mkdir(mode=0o700)
        except OSError:
            return False
    return is_private(parent)


def peer_is_us(descriptor: int, place: str | None) -> bool:
    """Whether the process at the other end of the connected local socket `descriptor`
    runs as this user: asked of the system where it can say (Linux), else judged by
    the owner of the socket file at `place`."""
    uid = _peer_uid(descriptor)
    if uid is None and place is not None and os.name != "nt":
        try:
            uid = Path(place).lstat().st_uid
        except OSError:
            return False
    return uid is None or uid == os.geteuid()


def _peer_uid(descriptor: int) -> int | None:
    import socket

    if descriptor < 0 or not hasattr(socket, "SO_PEERCRED"):
        return None
    import struct

    try:
        # (A copy of the descriptor: closing it leaves Qt's socket open.)
        with socket.socket(fileno=os.dup(descriptor)) as peer:
            credentials = peer.getsockopt(
                socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i")
            )
    except OSError:
        return None
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return int(uid)


def _digest(folder: Path) -> str:
    from PySide6.QtCore import QCryptographicHash  # (rather than hashlib: OpenSSL, 2 ms)

    spelled = os.path.normcase(str(folder)).encode("utf-8", "surrogateescape")
    digest = QCryptographicHash.hash(spelled, QCryptographicHash.Algorithm.Sha256)
    return digest.toHex().toStdString()[:16]


def _pipe_name(folder: Path) -> str:
    """A Windows named pipe is machine-wide: hence the user in its name (and only that
    user may open it: QLocalServer.UserAccessOption)."""
    import getpass

    try:
        user = "".join(c for c in getpass.getuser() if c.isalnum())[:32] or "user"
    except Exception:  # no name to be had: the folder's hash still tells folders apart
        user = "user"
    return f"tradesman-{user}-{_digest(folder.resolve())}"
