"""The main window, driven with real key presses and menu actions through qtbot."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.settings import Settings, WeekStart
from tradesman.paths import DataPaths
from tradesman.services.data import Data
from tradesman.services.edits import add_blocks
from tradesman.services.first_look import first_look
from tradesman.services.settings import save_settings
from tradesman.store.database import Store
from tradesman.ui.main_window import MainWindow
from tradesman.ui.shared import prompts
from tradesman.ui.shared.operations import Operations

TODAY = date(2026, 11, 25)  # a Wednesday in week 48


def seed(store: Store) -> None:
    with store.writing() as session:
        save_settings(session, Settings(business_name="Oak & Sons", target_business_share=0.3))
        for day, start, end, area, status in [
            (date(2026, 11, 23), 7, 12, Area.PRODUCTION, BlockStatus.DONE),
            (date(2026, 11, 24), 13, 15, Area.MARKETING, BlockStatus.PLANNED),
            (date(2026, 12, 1), 8, 9, Area.SALES, BlockStatus.DONE),  # next week
        ]:
            add_blocks(session, [TimeBlock(day, start * 60, end * 60, area, "Work", status=status)])


@pytest.fixture
def window(qtbot: QtBot, store: Store, paths: DataPaths) -> Iterator[MainWindow]:
    seed(store)
    state = QSettings(str(paths.window_state), QSettings.Format.IniFormat)
    shown = MainWindow(paths.folder, state, WeekStart.MONDAY, today=lambda: TODAY)
    qtbot.addWidget(shown)
    shown.show_first_look(first_look(paths.database, "en_GB", TODAY))
    shown.attach(Operations(Data(store, "en_GB")))
    shown.resize(1400, 700)  # wide enough for every word on the toolbar
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    yield shown


def row(window: MainWindow, name: str) -> tuple[str, str]:
    for label, planned, actual in window.split_panel.rows:
        if label == name:
            return planned, actual
    raise AssertionError(name)


def test_the_window_shows_this_weeks_split(window: MainWindow) -> None:
    assert window.windowTitle() == "Oak & Sons — Tradesman"
    assert window.toolbar.week_label.text() == "<b>Week 48 · 23–29 Nov 2026  (this week)</b>"
    assert row(window, "Production") == ("5 h", "5 h")
    assert row(window, "Marketing") == ("2 h", "0 min")
    assert row(window, "Business share") == ("29%", "0%")
    # 30% of 7 h is 2 h 6 min; 2 h are booked.
    assert (
        window.split_panel.planned.gap.text()
        == "Business share 29%: 6 min short of the 30% target."
    )


def test_keys_move_between_weeks(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.week.start == date(2026, 11, 30)
    assert window.toolbar.week_label.text() == "<b>Week 49 · 30 Nov – 6 Dec 2026</b>"
    assert row(window, "Sales") == ("1 h", "1 h")
    assert row(window, "Production") == ("0 min", "0 min")
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.week.start == date(2026, 11, 16)
    assert "Nothing is planned for this week yet" in window.split_panel.empty_note.text()
    assert window.split_panel.empty_note.isVisibleTo(window)
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.week.start == date(2026, 11, 23)
    assert not window.split_panel.empty_note.isVisibleTo(window)


def test_import_replaces_the_data_after_asking(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "other.json"
    source.write_text(json.dumps({
        "format": "tradesman", "version": 1, "settings": {"business_name": "Birch Ltd"},
        "blocks": [{"date": "2026-11-26", "start": "09:00", "end": "11:00", "area": "admin",
                    "title": "Books", "status": "done"}],
    }))  # fmt: skip
    told: list[str] = []
    monkeypatch.setattr(prompts, "choose_file_to_open", lambda *a: source)
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    monkeypatch.setattr(prompts, "tell", lambda parent, title, message: told.append(message))

    window.acts["import"].trigger()

    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told[0].startswith("Imported 0 tasks and 1 time block from other.json.")
    assert "backup" in told[0]
    assert window.windowTitle() == "Birch Ltd — Tradesman"
    assert row(window, "Admin") == ("2 h", "2 h")
    assert row(window, "Production") == ("0 min", "0 min")


def test_saying_no_to_the_import_changes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "x.json"
    source.write_text(
        '{"format": "tradesman", "version": 1}'
    )  # a good file: it would empty everything
    asked: list[str] = []
    monkeypatch.setattr(prompts, "choose_file_to_open", lambda *a: source)

    def confirm(parent: object, title: str, question: str, action: str) -> bool:
        asked.append(question)
        return False

    monkeypatch.setattr(prompts, "confirm", confirm)
    started: list[object] = []
    monkeypatch.setattr(
        "tradesman.ui.shared.background.run_with_progress", lambda *a: started.append(a)
    )
    window.acts["import"].trigger()
    assert asked and "replaces all your tasks, time blocks, settings and plan" in asked[0]
    assert started == []
    assert row(window, "Production") == ("5 h", "5 h")


def test_a_bad_import_file_is_explained_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "tradesman", "version": 1, "blocks": [{"date": "2026-11-23", '
                   '"start": "09:00", "end": "08:00", "area": "sales", "title": "Oops"}]}')  # fmt: skip
    warned: list[str] = []
    monkeypatch.setattr(prompts, "choose_file_to_open", lambda *a: bad)
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    monkeypatch.setattr(prompts, "warn", lambda parent, title, message: warned.append(message))
    window.acts["import"].trigger()
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert warned == [
        'Nothing was imported from bad.json. Block 1, field "end": '
        "The end time (08:00) is before the start time (09:00)."
    ]
    assert window.windowTitle() == "Oak & Sons — Tradesman"
    assert row(window, "Production") == ("5 h", "5 h")


def test_export_writes_the_file_and_says_so(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = tmp_path / "out.json"  # (the real dialog adds .json to a bare name)
    monkeypatch.setattr(prompts, "choose_file_to_save", lambda *a: written)
    window.acts["export"].trigger()
    qtbot.waitUntil(written.exists, timeout=10_000)
    document = json.loads(written.read_text())
    assert len(document["blocks"]) == 3 and document["settings"]["business_name"] == "Oak & Sons"
    qtbot.waitUntil(
        lambda: "Exported 0 tasks and 3 time blocks" in window.statusBar().currentMessage()
    )


def test_the_window_remembers_its_size(window: MainWindow, qtbot: QtBot, paths: DataPaths) -> None:
    window.resize(700, 500)  # (the offscreen screen is 800 x 600)
    qtbot.waitUntil(lambda: window.width() == 700)
    window.close()
    state = QSettings(str(paths.window_state), QSettings.Format.IniFormat)
    again = MainWindow(paths.folder, state, WeekStart.MONDAY, today=lambda: TODAY)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == window.size()
    assert again.width() == 700


def test_about_names_the_version_and_the_data_folder(
    window: MainWindow, qtbot: QtBot, paths: DataPaths
) -> None:
    from tradesman.ui.window.about import AboutDialog

    window.acts["about"].trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.text.text()
    assert "Tradesman 0." in text and str(paths.folder) in text and "Qt 6." in text
    assert dialog.icon.pixmap().deviceIndependentSize().toSize() == QSize(64, 64)
    dialog.reject()
