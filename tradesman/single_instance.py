"""One Tradesman window per data folder.

Two windows on one data file would each show weeks the other has since changed, and
undo each other's edits. So a second start of the window on the same folder asks the
running one to come to the front, and exits.

- A lock file in the data folder (QLockFile) says "a window is open here". Qt writes
  the holder's process id into it, so the lock of a window that crashed or was killed
  is stale, and the next start takes it over.
- A local socket (QLocalServer), named after the data folder and the user, lets a
  second start reach the running window: it connects, and the window comes to the
  front and answers "raised".

Start-up cost: only the lock (QtCore, about a millisecond) comes before the first
paint. QtNetwork (about 5 ms to load) and the server wait until the window has painted
(see `app.run_window`); a second start that arrives in between retries for a while.
Hence, too, the imports inside the functions: once PySide is loaded, it reads the
source of every module the first time any module imports it (looking for its
`__feature__` switches), so each import at the top here would be paid before the paint.
Different data folders have different locks and sockets, so they run side by side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile

if TYPE_CHECKING:
    import _thread
    import logging
    from pathlib import Path

    from PySide6.QtNetwork import QLocalServer
    from PySide6.QtWidgets import QWidget

LOCK_FILE_NAME = "tradesman.lock"
BROUGHT_TO_FRONT = "Tradesman is already open; it has been brought to the front."
# What the running window answers once it has come to the front.
RAISED = b"raised\n"
# How long a second start waits for the running window to answer. It only waits when
# that window is still starting (it listens once it has painted, a fraction of a
# second in) or is stuck; an answering window replies within milliseconds.
PATIENCE_S = 3.0
RETRY_EVERY_S = 0.05


def _log() -> logging.Logger:
    import logging

    return logging.getLogger(__name__)


def server_name(folder: Path) -> str:
    """The local socket's name for `folder`: the same for every spelling of the folder
    (relative, through a symlink), different for other folders and other users.

    On Unix the name becomes a file in the temporary folder, shared by all users; on
    Windows a named pipe, also machine-wide: hence the user in it, and a hash rather
    than the path (which could be too long for a socket's address).
    """
    import os

    from PySide6.QtCore import QCryptographicHash  # (rather than hashlib: OpenSSL, 2 ms)

    spelled = os.path.normcase(str(folder.resolve())).encode("utf-8", "surrogateescape")
    digest = QCryptographicHash.hash(spelled, QCryptographicHash.Algorithm.Sha256)
    return f"tradesman-{_user()}-{digest.toHex().toStdString()[:16]}"


def _user() -> str:
    import os

    if hasattr(os, "getuid"):
        return str(os.getuid())  # (unlike a login name, always there, even in a container)
    import getpass

    try:
        name = getpass.getuser()
    except Exception:  # no name to be had: the folder's hash still tells folders apart
        return "user"
    return "".join(c for c in name if c.isalnum())[:32] or "user"


class SingleInstance:
    """The claim of one window on one data folder, from start to exit."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._lock = QLockFile(str(folder / LOCK_FILE_NAME))
        # Stale only when the process named in it is gone (or the machine rebooted),
        # which tryLock checks; never by age. Qt's default calls a lock stale after
        # 30 s, and where the file system has no flock() to stop it (some network
        # folders) a second start would then take the folder from an open window.
        self._lock.setStaleLockTime(0)
        self._locked = False
        self._claiming: _thread.LockType | None = None
        self._server: QLocalServer | None = None

    def start_claim(self) -> None:
        """Start claiming the folder on a thread, for `claim` to wait for: Qt syncs the
        new lock file to disk (a millisecond here, far more on a slow disk), and that
        wait, which releases the GIL, can overlap the window's imports. (_thread, not
        threading: Thread.start waits for the thread to run, half a millisecond.)"""
        import _thread

        claiming = _thread.allocate_lock()
        claiming.acquire()
        try:
            _thread.start_new_thread(self._try_lock, (claiming,))
        except RuntimeError:  # (no thread to be had: `claim` locks in this one)
            return
        self._claiming = claiming

    def _try_lock(self, done: _thread.LockType | None = None) -> None:
        try:
            self._locked = self._lock.tryLock(0)
        finally:
            if done is not None:
                done.release()

    def claim(self) -> bool:
        """True when this start may open the window: no live window holds the folder.

        A lock Qt cannot take for another reason than a holder (a read-only folder,
        say) does not stop the window: the data file's own checks speak to that.
        """
        if self._claiming is None:
            self._try_lock()
        else:
            self._claiming.acquire()
            self._claiming = None
        if self._locked:
            return True
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            _log().warning("cannot lock the data folder (%s); opening anyway", self._lock.error())
            return True
        return False

    def listen(self, window: QWidget) -> None:
        """From now on a later start on this folder brings `window` to the front."""
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self._folder)
        server = QLocalServer(window)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A window killed outright leaves its socket file behind (on Unix), which Qt
        # documents listen() as refusing (recent versions clear it themselves). It is
        # no live window's: this process holds the folder's lock.
        QLocalServer.removeServer(name)
        if not server.listen(name):
            _log().warning("later starts cannot reach this window: %s", server.errorString())
            return
        server.newConnection.connect(lambda: self._answer(server, window))
        self._server = server

    def _answer(self, server: QLocalServer, window: QWidget) -> None:
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            bring_to_front(window)
            _log().info("another start on this data folder: the window was brought to the front")
            socket.disconnected.connect(socket.deleteLater)
            socket.write(RAISED)
            socket.disconnectFromServer()  # (after the answer is written)

    def release(self) -> None:
        """The window has closed: the folder is free for the next start."""
        if self._server is not None:
            self._server.close()  # (also removes the socket file)
            self._server = None
        self._lock.unlock()

    def defer_to_running_window(self) -> int:
        """Ask the window that holds the folder to come to the front; the exit code."""
        import sys

        if ask_to_bring_to_front(server_name(self._folder), PATIENCE_S):
            print(BROUGHT_TO_FRONT, file=sys.stderr)
            return 0
        pid, host, _app = self._lock.getLockInfo()  # (0 and "" when unreadable)
        where = f" (process {pid} on {host})" if pid else ""
        print(
            f"Tradesman is already open on this data folder{where}, but it did not "
            "answer, so it could not be brought to the front.",
            file=sys.stderr,
        )
        return 1


def bring_to_front(window: QWidget) -> None:
    """Un-minimise, raise and activate `window`."""
    if window.isMinimized():
        # Drop only the minimised state: showNormal() would also un-maximise a window
        # that was maximised before it was minimised. (The Qt namespace is loaded by
        # now; this never runs during start-up.)
        from PySide6.QtCore import Qt

        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def ask_to_bring_to_front(name: str, patience_s: float) -> bool:
    """Whether the window listening on `name` answered that it came to the front,
    trying again until `patience_s` have passed (it may still be starting)."""
    import time

    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + patience_s
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        answer = b""
        while RAISED not in answer and (left := _ms_until(deadline)) > 0:
            if socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
                if not socket.waitForConnected(left):
                    break
            elif socket.bytesAvailable() == 0 and not socket.waitForReadyRead(left):
                break
            answer += socket.readAll().data()
        socket.abort()
        if RAISED in answer:
            return True
        if _ms_until(deadline) <= 0:
            return False
        # Refused at once (nobody listens yet): a pause, not a busy loop.
        time.sleep(RETRY_EVERY_S)


def _ms_until(deadline: float) -> int:
    import time

    return max(0, int((deadline - time.monotonic()) * 1000))
