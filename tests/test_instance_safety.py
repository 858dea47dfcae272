"""One window per data folder, safely: the window's socket lives where only its owner can
make files and each end checks who is at the other; a lock left by a process that is no
Tradesman (its process id given to another program) is taken over; logout, `kill` and
Ctrl+C close the window like its close button, letting go of the lock and the socket."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from helpers import run_cli
from other_user import OtherUser, other_user, python_for

from tradesman.instance_socket import private_folder, socket_paths
from tradesman.single_instance import (
    BROUGHT_TO_FRONT,
    LOCK_FILE_NAME,
    RAISED,
    SingleInstance,
    ask_to_bring_to_front,
)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

LONGEST_SOCKET_PATH = 107 if sys.platform.startswith("linux") else 103


def deep_folder(base: Path) -> Path:
    """A data folder whose socket path would not fit in a socket address."""
    folder = base / ("a-long-folder-name-" * 3) / ("and-another-one-" * 3) / "data"
    folder.mkdir(parents=True)
    assert len(os.fsencode(folder / "tradesman.socket")) > LONGEST_SOCKET_PATH
    return folder


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder of the test's own, standing for /tmp, and no runtime folder."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    return scratch


# -- where the socket lives ------------------------------------------------------------


def test_the_socket_lives_in_the_data_folder_however_the_folder_is_spelled(
    tmp_path: Path, temp_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (tmp_path / "link").symlink_to(folder)
    monkeypatch.chdir(tmp_path)
    first = socket_paths(folder)[0]
    assert Path(first).parent == folder.resolve()
    assert socket_paths(Path("data")) == socket_paths(folder)
    assert socket_paths(tmp_path / "link") == socket_paths(folder)
    assert list(temp_folder.iterdir()) == []  # (nothing made just to look)


def test_a_folder_too_deep_for_a_socket_uses_the_runtime_folder_if_it_is_private(
    tmp_path: Path, temp_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = deep_folder(tmp_path)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    runtime.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    [place] = socket_paths(folder)
    assert Path(place).parent == runtime
    assert len(os.fsencode(place)) <= LONGEST_SOCKET_PATH
    assert socket_paths(deep_folder(tmp_path / "other")) != [place]  # (one per folder)

    runtime.chmod(0o755)  # open to others: not used
    [place] = socket_paths(folder)
    private = private_folder()
    assert private is not None and Path(place).parent == private and private.parent == temp_folder


def test_a_private_temp_folder_that_is_not_ours_is_never_used(
    tmp_path: Path, temp_folder: Path, qtbot: object
) -> None:
    from PySide6.QtWidgets import QWidget

    folder = deep_folder(tmp_path)
    ours = private_folder()
    assert ours is not None
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    ours.symlink_to(elsewhere)  # planted by someone else, pointing anywhere
    instance = SingleInstance(folder)
    assert instance.claim()
    try:
        assert not instance.listen(QWidget())
        assert list(elsewhere.iterdir()) == []
        assert ask_to_bring_to_front(socket_paths(folder), 0.2) == "no answer"
    finally:
        instance.release()


def test_the_window_makes_its_private_temp_folder_closed_to_others(
    tmp_path: Path, temp_folder: Path, qtbot: object
) -> None:
    from PySide6.QtWidgets import QWidget

    folder = deep_folder(tmp_path)
    instance = SingleInstance(folder)
    assert instance.claim()
    try:
        assert instance.listen(QWidget())
        made = private_folder()
        assert made is not None
        assert stat.S_IMODE(made.lstat().st_mode) == 0o700 and made.lstat().st_uid == os.getuid()
    finally:
        instance.release()
    assert [p for p in made.iterdir()] == []


# -- a stranger at the socket ----------------------------------------------------------


class Stranger:
    """A program of another user's that answers every connection with "raised"."""

    PROGRAM = (
        "import os, socket, sys\n"
        "server = socket.socket(socket.AF_UNIX)\n"
        "server.bind(sys.argv[1])\n"
        "os.chmod(sys.argv[1], 0o777)\n"
        "server.listen()\n"
        "print('listening', flush=True)\n"
        "while True:\n"
        "    connection, _ = server.accept()\n"
        f"    connection.sendall({RAISED!r})\n"
        "    connection.close()\n"
    )

    def __init__(self, user: OtherUser, python: str, path: str) -> None:
        self.process = subprocess.Popen(
            [python, "-c", self.PROGRAM, path],
            user=user.uid, group=user.gid, extra_groups=[],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        said = self.process.stdout.readline()
        assert said == "listening\n", self.process.stderr.read() if self.process.stderr else ""
        self.path = path

    def stop(self) -> None:
        self.process.kill()
        self.process.communicate(timeout=10)  # (waits, and closes our ends of its pipes)
        with contextlib.suppress(FileNotFoundError):
            Path(self.path).unlink()


@contextlib.contextmanager
def held_by_a_live_process(folder: Path) -> Iterator[None]:
    """The folder's lock held, as by an open window that does not answer (this process)."""
    from PySide6.QtCore import QLockFile

    held = QLockFile(str(folder / LOCK_FILE_NAME))
    assert held.tryLock(0)
    try:
        yield
    finally:
        held.unlock()


def old_socket_name(folder: Path) -> str:
    """Where earlier versions put the socket: the shared temporary folder, under a name
    anyone could work out from the user's number and the folder's path."""
    import hashlib

    from PySide6.QtCore import QDir

    spelled = os.path.normcase(str(folder.resolve())).encode("utf-8", "surrogateescape")
    name = f"tradesman-{os.getuid()}-{hashlib.sha256(spelled).hexdigest()[:16]}"
    return str(Path(QDir.tempPath()) / name)


def test_a_stranger_on_the_old_socket_name_cannot_say_the_window_came_forward(
    tmp_path: Path,
) -> None:
    stranger = other_user()
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    impostor = Stranger(stranger, python_for(stranger), old_socket_name(folder))
    try:
        with held_by_a_live_process(folder):
            second = run_cli(data_dir=folder, timeout=30)
    finally:
        impostor.stop()
    assert BROUGHT_TO_FRONT not in second.stderr
    assert second.returncode == 1


def test_a_stranger_answering_at_the_socket_is_not_believed(tmp_path: Path) -> None:
    """Even where another user could make the socket (a folder open to others), the
    second start asks who answered before it says anything came to the front."""
    stranger = other_user()
    base = Path(tempfile.mkdtemp(prefix="tradesman-peer-"))  # (pytest's folder is root's)
    try:
        base.chmod(0o711)
        folder = base / "data"
        folder.mkdir()
        folder.chmod(0o777)  # (only so the stranger can make its socket here)
        impostor = Stranger(stranger, python_for(stranger), socket_paths(folder)[0])
        try:
            folder.chmod(0o700)
            with held_by_a_live_process(folder):
                started = time.monotonic()
                second = run_cli(data_dir=folder, timeout=30)
                waited = time.monotonic() - started
        finally:
            impostor.stop()
    finally:
        import shutil

        shutil.rmtree(base)
    assert second.returncode == 1
    assert BROUGHT_TO_FRONT not in second.stderr
    said = second.stderr.splitlines()[-1]
    assert "another user's" in said and "nothing was brought to the front" in said
    assert waited < 10  # (no waiting out the patience for a known stranger)


# -- a lock naming a live process that is no Tradesman --------------------------------


def lock_naming(
    folder: Path, pid: int, program: str | None = None, host: str | None = None
) -> Path:
    """A lock file as Qt writes it, but naming `pid` (and `program`, `host` if given)."""
    from PySide6.QtCore import QLockFile

    lock_file = folder / LOCK_FILE_NAME
    real = QLockFile(str(lock_file))
    assert real.tryLock(0)
    lines = lock_file.read_text(encoding="utf-8").split("\n")
    real.unlock()
    lines[0] = str(pid)
    if program is not None:
        lines[1] = program
    if host is not None:
        lines[2], lines[3] = host, "0" * 32  # (another computer: its name and machine id)
    lock_file.write_text("\n".join(lines), encoding="utf-8")
    return lock_file


@pytest.fixture
def another_python_program() -> Iterator[subprocess.Popen[bytes]]:
    """A live Python program that is not Tradesman: the pid a reused lock may name."""
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        yield process
    finally:
        process.kill()
        process.communicate(timeout=10)  # (waits, and closes our end of its pipe)


def test_a_lock_naming_another_live_python_program_is_taken_over(
    tmp_path: Path, another_python_program: subprocess.Popen[bytes]
) -> None:
    """Qt itself takes over a lock whose process runs another program file, but not one
    whose process is another Python program, as a reused pid often is."""
    folder = tmp_path / "data"
    folder.mkdir()
    lock_naming(folder, another_python_program.pid)
    instance = SingleInstance(folder)
    assert instance.claim()
    instance.release()

    lock_naming(folder, another_python_program.pid)
    started = time.monotonic()
    smoke = run_cli("--smoke-test", data_dir=folder, timeout=60)
    assert smoke.returncode == 0, smoke.stderr
    assert smoke.stdout.startswith("first paint: ")
    assert time.monotonic() - started < 30
    assert not (folder / LOCK_FILE_NAME).exists()


def test_a_lock_naming_the_first_process_of_the_system_is_taken_over(tmp_path: Path) -> None:
    try:  # (the program name Qt would find for it, so that Qt alone would not take over)
        init = Path("/proc/1/exe").readlink().name
    except OSError:
        init = Path(Path("/proc/1/cmdline").read_bytes().split(b"\0")[0].decode()).name
    folder = tmp_path / "data"
    folder.mkdir()
    lock_naming(folder, 1, program=init)
    instance = SingleInstance(folder)
    assert instance.claim()
    instance.release()


def test_a_lock_from_another_computer_is_kept_and_the_way_out_is_named(
    tmp_path: Path, another_python_program: subprocess.Popen[bytes]
) -> None:
    """A folder on a network drive, held by another computer: that cannot be judged from
    here, so the lock stays and the owner is told what to do if no Tradesman is open."""
    folder = tmp_path / "data"
    folder.mkdir()
    lock_file = lock_naming(folder, another_python_program.pid, host="the-office-pc")
    started = time.monotonic()
    second = run_cli(data_dir=folder, timeout=30)
    assert time.monotonic() - started < 15
    assert second.returncode == 1
    said = second.stderr.splitlines()[-1]
    assert "the-office-pc" in said
    assert f"If no Tradesman is open, delete {lock_file}" in said
    assert lock_file.exists()

    imported = run_cli("import", tmp_path / "nothing.json", data_dir=folder, timeout=60)
    assert imported.returncode == 1
    said = imported.stderr.splitlines()[-1]
    assert "close it, then import" in said and f"delete {lock_file}" in said
    assert lock_file.exists()


# -- logout, kill and Ctrl+C -----------------------------------------------------------


def start_window(folder: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "tradesman", "--data-dir", str(folder)],
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="en_GB.UTF-8"),
            stdout=subprocess.DEVNULL, stderr=stderr,
        )  # fmt: skip


@pytest.mark.parametrize(
    "stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name
)
def test_a_stop_signal_closes_the_window_as_its_close_button_does(
    tmp_path: Path, stop: signal.Signals
) -> None:
    folder = tmp_path / "data"
    window = start_window(folder, tmp_path / "stderr.txt")
    try:
        # (Answering means it has painted, listens, and has its signal handling.)
        assert ask_to_bring_to_front(socket_paths(folder), patience_s=30) == "raised"
        window.send_signal(stop)
        code = window.wait(timeout=10)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait(timeout=10)
    assert code == 0, (tmp_path / "stderr.txt").read_text(encoding="utf-8")
    assert not (folder / LOCK_FILE_NAME).exists()
    assert not any(Path(place).exists() for place in socket_paths(folder))
    # The process ends without Python's clean-up (entry.py), yet the data file was
    # closed (its write-ahead log folded in and gone) and the window's place remembered.
    assert (folder / "tradesman.sqlite3").exists()
    assert not (folder / "tradesman.sqlite3-wal").exists()
    assert "geometry=" in (folder / "window-state.ini").read_text(encoding="utf-8")
    smoke = run_cli("--smoke-test", data_dir=folder, timeout=60)
    assert smoke.returncode == 0, smoke.stderr
    assert BROUGHT_TO_FRONT not in smoke.stderr


IMPORT_THAT_WAITS = """
import sys
from tradesman import cli

def waiting_import(store, locale_name, source):
    print("importing", flush=True)
    sys.stdin.readline()  # (until the test's signal)
    return 0

cli._import = waiting_import
sys.exit(cli.main(["--data-dir", sys.argv[1], "import", "anything.json"]))
"""


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
def test_a_stop_signal_during_an_import_lets_go_of_the_folder(
    tmp_path: Path, stop: signal.Signals
) -> None:
    folder = tmp_path / "data"
    command = subprocess.Popen(
        [sys.executable, "-c", IMPORT_THAT_WAITS, str(folder)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert command.stdout is not None
        assert command.stdout.readline() == b"importing\n"
        assert (folder / LOCK_FILE_NAME).exists()
        command.send_signal(stop)
        code = command.wait(timeout=10)
    finally:
        if command.poll() is None:
            command.kill()
        command.communicate(timeout=10)  # (waits, and closes our ends of its pipes)
    assert code == 1
    assert not (folder / LOCK_FILE_NAME).exists()
    window = SingleInstance(folder)
    assert window.claim()
    window.release()


def test_a_window_does_not_come_forward_for_another_user(tmp_path: Path, qtbot: QtBot) -> None:
    """The open window also asks who is asking: another user's program gets no answer."""
    from PySide6.QtWidgets import QWidget

    stranger = other_user()
    python = python_for(stranger)
    asking = (
        "import socket, sys\n"
        "s = socket.socket(socket.AF_UNIX)\n"
        "s.connect(sys.argv[1])\n"
        "print('connected', flush=True)\n"
        "s.settimeout(5)\n"
        "print(s.recv(100))\n"
    )
    base = Path(tempfile.mkdtemp(prefix="tradesman-asker-"))
    window = QWidget()
    try:
        base.chmod(0o711)
        folder = base / "data"
        folder.mkdir()
        folder.chmod(0o711)  # (so that the stranger can reach the socket at all)
        instance = SingleInstance(folder)
        assert instance.claim()
        try:
            assert instance.listen(window)
            place = socket_paths(folder)[0]
            Path(place).chmod(0o777)
            asker = subprocess.Popen(
                [python, "-c", asking, place],
                user=stranger.uid, group=stranger.gid, extra_groups=[],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            qtbot.waitUntil(lambda: asker.poll() is not None, timeout=10_000)
            assert not window.isVisible()
        finally:
            instance.release()
    finally:
        window.close()
        import shutil

        shutil.rmtree(base)
    said, errors = asker.communicate(timeout=10)
    assert said.startswith("connected\n"), errors
    assert "raised" not in said


def test_the_socket_check_sees_through_to_the_user_at_the_other_end(tmp_path: Path) -> None:
    from tradesman.instance_socket import peer_is_us

    left, right = socket.socketpair(socket.AF_UNIX)
    with left, right:
        assert peer_is_us(left.fileno(), None) is True
