"""One Tradesman window per data folder.

Two windows on one data file would each show weeks the other has since changed, and
undo each other's edits. So a second start of the window on the same folder asks the
running one to come to the front, and exits.

- A lock file in the data folder (QLockFile) says "a window is open here". Qt writes
  the holder's process id into it, so the lock of a window that crashed or was killed
  is stale, and the next start takes it over; so is one whose process id has since
  gone to another program (`lock_holder.py`).
- A local socket (QLocalServer) in a place only the owner can make files
  (`instance_socket.py`) lets a second start reach the running window: it connects,
  checks that the other end is its own user, and the window comes to the front and
  answers "raised".
- Logout, `kill` and Ctrl+C close the window as its close button does (`stopping.py`),
  so the lock and the socket go with it.

Start-up cost: only the lock (QtCore, about a millisecond) comes before the first
paint. QtNetwork and the server (about 8 ms together) wait until the window is ready
for edits, or stops sooner to ask the owner something (see `app._Startup`); a second
start that arrives in between retries for a while. Hence, too, the imports inside the
functions: what this module needs only then is loaded then.
Different data folders have different locks and sockets, so they run side by side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile

if TYPE_CHECKING:
    import _thread
    import logging
    from collections.abc import Sequence
    from pathlib import Path
    from typing import Literal

    from PySide6.QtNetwork import QLocalServer
    from PySide6.QtWidgets import QWidget

    # What came of asking the open window to come to the front. (For the type checker
    # only: subscripting Literal at run time costs milliseconds once PySide is loaded.)
    Answer = Literal["raised", "no answer", "stranger"]

LOCK_FILE_NAME = "tradesman.lock"
BROUGHT_TO_FRONT = "Tradesman is already open; it has been brought to the front."
# What the running window answers once it has come to the front.
RAISED = b"raised\n"
# How long a second start waits for the running window to answer. It only waits when
# that window is still starting (it listens once it is ready for edits, a third of a
# second in) or is stuck; an answering window replies within milliseconds.
PATIENCE_S = 3.0
RETRY_EVERY_S = 0.05


def _log() -> logging.Logger:
    import logging

    return logging.getLogger(__name__)


class SingleInstance:
    """The claim of one window on one data folder, from start to exit."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self.lock_file = folder / LOCK_FILE_NAME
        self._lock = QLockFile(str(self.lock_file))
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
        return self._take_over_if_left_behind()

    def _take_over_if_left_behind(self) -> bool:
        """Take the lock of a process that is not holding it (see `lock_holder`)."""
        from tradesman.lock_holder import describe, left_behind, read_lock

        # One start at a time judges and removes (Qt's own name for this guard), so a
        # lock another start has just made is never judged from a half-written file.
        guard = QLockFile(str(self.lock_file) + ".rmlock")
        if not guard.tryLock(0):
            return False
        try:
            holder = read_lock(self.lock_file)
            # removeStaleLockFile refuses while any process holds the file's flock, as
            # every open Tradesman does on a local disk.
            if not left_behind(self.lock_file) or not self._lock.removeStaleLockFile():
                return False
            _log().warning(
                "took over the data folder's lock from %s, which is no Tradesman holding it",
                describe(holder),
            )
            self._try_lock()
            return self._locked
        finally:
            guard.unlock()

    def holder(self) -> str:
        """Who the lock names: "process 4242 on office-pc" ("" when it cannot be read)."""
        from tradesman.lock_holder import describe, read_lock

        return describe(read_lock(self.lock_file))

    def way_out(self) -> str:
        """What to do when what holds the folder is no Tradesman after all."""
        return f"If no Tradesman is open, delete {self.lock_file} and try again."

    def listen(self, window: QWidget) -> bool:
        """From now on a later start on this folder brings `window` to the front."""
        import os

        from PySide6.QtNetwork import QLocalServer

        from tradesman.instance_socket import may_use, socket_paths

        server = QLocalServer(window)
        if os.name == "nt":  # (a named pipe: only this user may open it)
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # (Elsewhere the socket's folder is the owner's alone, and Qt's access option
        # would bind in a temporary folder beside it, a longer path than may fit.)
        for place in socket_paths(self._folder):
            if not may_use(place, make=True):
                _log().warning("%s is not a private folder of ours; not listening there", place)
                continue
            # A window killed outright leaves its socket file behind, which Qt
            # documents listen() as refusing. It is no live window's: this process
            # holds the folder's lock (and the place is ours alone).
            QLocalServer.removeServer(place)
            if server.listen(place):
                server.newConnection.connect(lambda: self._answer(server, window))
                self._server = server
                return True
            _log().warning("cannot listen at %s: %s", place, server.errorString())
        _log().warning("later starts cannot reach this window")
        server.deleteLater()
        return False

    def _answer(self, server: QLocalServer, window: QWidget) -> None:
        from tradesman.instance_socket import peer_is_us

        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
            if not peer_is_us(socket.socketDescriptor(), None):
                _log().warning("another user's program asked this window to come forward")
                socket.abort()
                continue
            bring_to_front(window)
            _log().info("another start on this data folder: the window was brought to the front")
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

        from tradesman.instance_socket import socket_paths

        answer = ask_to_bring_to_front(socket_paths(self._folder), PATIENCE_S)
        if answer == "raised":
            print(BROUGHT_TO_FRONT, file=sys.stderr)
            return 0
        if answer == "stranger":
            why = (
                "but what answered at its socket is a program of another user's, so "
                "nothing was brought to the front"
            )
        else:
            why = "but it did not answer, so it could not be brought to the front"
        holder = self.holder()
        print(
            f"Tradesman is already open on this data folder{f' ({holder})' if holder else ''}, "
            f"{why}. {self.way_out()}",
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
    # A dialog the window waits on (the first start's welcome, say) comes up with it and
    # on top: where no window manager keeps a dialog above its window, the window
    # raised alone would cover it.
    from PySide6.QtWidgets import QApplication

    dialog = QApplication.activeModalWidget()
    if dialog is not None and dialog.isVisible():
        dialog.raise_()
        dialog.activateWindow()


def ask_to_bring_to_front(places: Sequence[str], patience_s: float) -> Answer:
    """Ask the window listening at one of `places` to come to the front, trying again
    until `patience_s` have passed (it may still be starting). "raised" only when our
    own user's window said so; "stranger" when another user's program answered."""
    import time

    from tradesman.instance_socket import may_use

    deadline = time.monotonic() + patience_s
    while True:
        for place in places:
            if not may_use(place, make=False):
                continue
            answer = _ask(place, deadline)
            if answer != "no answer":
                return answer
        if _ms_until(deadline) <= 0:
            return "no answer"
        # Refused at once (nobody listens yet): a pause, not a busy loop.
        time.sleep(RETRY_EVERY_S)


def _ask(place: str, deadline: float) -> Answer:
    from PySide6.QtNetwork import QLocalSocket

    from tradesman.instance_socket import peer_is_us

    socket = QLocalSocket()
    socket.connectToServer(place)
    answer = b""
    try:
        if not socket.waitForConnected(_ms_until(deadline)):
            return "no answer"
        if not peer_is_us(socket.socketDescriptor(), place):
            return "stranger"
        while RAISED not in answer and (left := _ms_until(deadline)) > 0:
            if socket.bytesAvailable() == 0 and not socket.waitForReadyRead(left):
                break
            answer += socket.readAll().data()
        return "raised" if RAISED in answer else "no answer"
    finally:
        socket.abort()


def _ms_until(deadline: float) -> int:
    import time

    return max(0, int((deadline - time.monotonic()) * 1000))
