"""One window per data folder: a second start brings the first window to the front."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from helpers import run_cli

from tradesman.instance_socket import socket_paths
from tradesman.single_instance import (
    BROUGHT_TO_FRONT,
    LOCK_FILE_NAME,
    SingleInstance,
    ask_to_bring_to_front,
    bring_to_front,
)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

RAISED_IN_LOG = "the window was brought to the front"


def test_a_folder_is_claimed_once_until_released(tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    first.start_claim()  # (on a thread, as the app does)
    assert first.claim()
    second = SingleInstance(tmp_path)
    assert not second.claim()
    first.release()
    assert second.claim()
    second.release()
    assert not (tmp_path / LOCK_FILE_NAME).exists()


def test_a_window_maximised_before_it_was_minimised_comes_back_maximised(qtbot: object) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    window.showMaximized()
    window.showMinimized()
    assert window.isMinimized()
    bring_to_front(window)
    assert not window.isMinimized()
    assert window.isMaximized()
    window.close()


def test_a_dialog_the_window_waits_on_comes_to_the_front_with_it(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialog, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    dialog = QDialog(window)
    dialog.open()  # (as the welcome is opened: modal to the window)
    qtbot.waitExposed(dialog)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    bring_to_front(window)
    qtbot.waitUntil(dialog.isActiveWindow)


# -- the real app, in child processes ---------------------------------------------


class Windows:
    """Tradesman windows started for one test; whatever is left is killed at the end."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.started: list[subprocess.Popen[bytes]] = []
        self.folders: set[Path] = set()

    def start(self, folder: Path) -> subprocess.Popen[bytes]:
        stderr = (self.tmp_path / f"stderr-{len(self.started)}.txt").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "tradesman", "--data-dir", str(folder)],
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="en_GB.UTF-8"),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        stderr.close()
        self.started.append(process)
        self.folders.add(folder)
        return process

    def wait_until_answering(self, folder: Path, process: subprocess.Popen[bytes]) -> None:
        """Until the window on `folder` answers a request to come to the front (one
        request, which the window answers once it listens: asking again and again
        would queue a raise for each time)."""
        answer = ask_to_bring_to_front(socket_paths(folder), patience_s=20)
        assert answer == "raised", "it never answered"
        assert process.poll() is None

    def kill_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)
        for folder in self.folders:  # (a killed window leaves its socket file behind)
            for place in socket_paths(folder):
                Path(place).unlink(missing_ok=True)


@pytest.fixture
def windows(tmp_path: Path) -> Iterator[Windows]:
    started = Windows(tmp_path)
    try:
        yield started
    finally:
        started.kill_all()


def raises_logged(folder: Path) -> int:
    return (folder / "tradesman.log").read_text(encoding="utf-8").count(RAISED_IN_LOG)


def test_a_second_start_brings_the_first_window_forward_and_a_killed_one_is_replaced(
    tmp_path: Path, windows: Windows
) -> None:
    folder, other_folder = tmp_path / "data", tmp_path / "other"
    first = windows.start(folder)
    windows.wait_until_answering(folder, first)  # (that answer was a raise too)
    assert raises_logged(folder) == 1

    # However old the lock looks (Qt's default calls a lock stale after 30 s; on a
    # local disk flock() protects it all the same, on some network folders nothing would).
    an_hour_ago = time.time() - 3600
    os.utime(folder / LOCK_FILE_NAME, (an_hour_ago, an_hour_ago))
    started = time.monotonic()
    second = run_cli(data_dir=folder, timeout=10)
    assert second.returncode == 0
    assert second.stderr.splitlines()[-1:] == [BROUGHT_TO_FRONT]  # (after any Qt warnings)
    assert time.monotonic() - started < 5
    assert first.poll() is None
    assert raises_logged(folder) == 2

    # The commands still work beside the open window.
    summary = run_cli("summary", data_dir=folder, timeout=30)
    assert summary.returncode == 0, summary.stderr

    # Another folder is another window.
    beside = windows.start(other_folder)
    windows.wait_until_answering(other_folder, beside)
    assert first.poll() is None
    assert raises_logged(folder) == 2

    # Killed outright, the first window leaves its lock behind; the next start takes
    # the folder over all the same.
    first.kill()
    first.wait(timeout=10)
    assert (folder / LOCK_FILE_NAME).exists()
    smoke = run_cli("--smoke-test", data_dir=folder, timeout=60)
    assert smoke.returncode == 0, smoke.stderr
    assert smoke.stdout.startswith("first paint: ")
    assert BROUGHT_TO_FRONT not in smoke.stderr
    assert not (folder / LOCK_FILE_NAME).exists()  # (and it let go of it on closing)
    assert "cannot reach this window" not in (folder / "tradesman.log").read_text(encoding="utf-8")


def test_a_window_that_does_not_answer_is_not_waited_for_long(tmp_path: Path) -> None:
    """The folder is held by a live process that never answers (one still starting,
    or stuck): the second start gives up after a few seconds and says so."""
    from PySide6.QtCore import QLockFile

    folder = tmp_path / "data"
    folder.mkdir()
    held = QLockFile(str(folder / LOCK_FILE_NAME))
    assert held.tryLock(0)
    try:
        started = time.monotonic()
        done = run_cli(data_dir=folder, timeout=30)
        waited = time.monotonic() - started
    finally:
        held.unlock()
    assert done.returncode == 1
    said = done.stderr.splitlines()[-1]
    assert said.startswith(
        f"Tradesman is already open on this data folder (process {os.getpid()} on "
    )
    assert said.endswith(
        "but it did not answer, so it could not be brought to the front. "
        f"If no Tradesman is open, delete {folder / LOCK_FILE_NAME} and try again."
    )
    assert waited < 10
