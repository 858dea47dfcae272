"""Starting on a damaged data file: the window says what happened and offers the newest
good backup; yes puts it in place (the damaged file kept beside it), no changes nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from planner_kit import TUE
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tradesman import app as app_module
from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.settings import WeekStart
from tradesman.paths import DataPaths
from tradesman.services.edits import add_blocks
from tradesman.store.database import open_store
from tradesman.ui.main_window import MainWindow
from tradesman.ui.shared import prompts


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal box would hang the test: any one not expected fails it instead."""

    def unexpected(parent: object, title: str, message: str) -> None:
        raise AssertionError(f"unexpected message box: {message}")

    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical", unexpected)


class _App:
    """Stands in for the QApplication's exit (the test's event loop must go on)."""

    def __init__(self) -> None:
        self.exited: list[int] = []

    def exit(self, code: int) -> None:
        self.exited.append(code)

    def __getattr__(self, name: str) -> object:  # the rest is the real application's
        from PySide6.QtWidgets import QApplication

        return getattr(QApplication.instance(), name)


def damaged_with_a_backup(paths: DataPaths) -> bytes:
    store = open_store(paths)
    with store.writing() as session:
        add_blocks(session, [TimeBlock(TUE, 480, 720, Area.PRODUCTION, "Kitchen – Patel")])
    store.backup("automatic")
    store.close()
    damaged = bytearray(paths.database.read_bytes())
    damaged[4096:8192] = b"\xab" * 4096
    paths.database.write_bytes(bytes(damaged))
    return bytes(damaged)


def start(qtbot: QtBot, paths: DataPaths) -> tuple[app_module._Startup, MainWindow, _App]:
    state = QSettings(str(paths.window_state), QSettings.Format.IniFormat)
    window = MainWindow(paths.folder, state, WeekStart.MONDAY)
    qtbot.addWidget(window)
    fake = _App()
    startup = app_module._Startup(fake, window, paths, smoke_test=False)  # type: ignore[arg-type]
    window.show()
    qtbot.waitExposed(window)
    startup.show_week()
    return startup, window, fake


def test_yes_puts_the_newest_backup_in_place_and_keeps_the_damaged_file(
    qtbot: QtBot, paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = damaged_with_a_backup(paths)
    offered: list[str] = []

    def offer_restore(parent: object, problem: str, newest: object, suggest: object) -> bool:
        offered.append(problem)
        return True

    monkeypatch.setattr(prompts, "offer_restore", offer_restore)
    startup, window, fake = start(qtbot, paths)
    assert offered and "damaged" in offered[0]
    qtbot.waitUntil(lambda: window.desk.planner is not None, timeout=10_000)
    assert fake.exited == [] and startup.exit_code == 0
    assert window.desk.task_actions is not None
    from tradesman.domain.weeks import Week

    blocks = window.desk.task_actions.ops.week_blocks(Week(TUE - timedelta(days=1)))
    assert [b.title for b in blocks] == ["Kitchen – Patel"]
    kept = [p for p in paths.folder.iterdir() if p.name.startswith("tradesman.sqlite3.damaged-")]
    assert [p.read_bytes() for p in kept if not p.name.endswith(("-wal", "-shm"))] == [damaged]
    assert "kept as tradesman.sqlite3.damaged-" in window.statusBar().currentMessage()


def test_no_leaves_everything_as_it_was_and_says_why(
    qtbot: QtBot, paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = damaged_with_a_backup(paths)
    monkeypatch.setattr(prompts, "offer_restore", lambda parent, problem, newest, suggest: False)
    startup, _window, fake = start(qtbot, paths)  # (no second box: the problem was told)
    assert fake.exited == [1] and startup.exit_code == 1
    assert paths.database.read_bytes() == damaged
    assert not [p for p in paths.folder.iterdir() if ".damaged-" in p.name]


def test_without_a_backup_nothing_is_offered(
    qtbot: QtBot, paths: DataPaths, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    paths.database.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    said: list[str] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.critical",
        lambda parent, title, message: said.append(message),
    )
    _startup, _, fake = start(qtbot, paths)  # offer_restore would fail the test if asked
    assert fake.exited == [1] and said
