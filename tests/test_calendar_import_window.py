"""File → Import calendar… in the window: the file dialog and the preview answered by
the test, the import done for real, and one Ctrl+Z taking all of it back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from calendar_kit import GOOGLE_EXPORT, clock, owner_zone, write_ics
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import Area
from tradesman.domain.settings import WeekStart
from tradesman.paths import DataPaths
from tradesman.services.blocks import blocks_between
from tradesman.services.calendar_import import CalendarPreview, preview_calendar_file
from tradesman.services.data import Data
from tradesman.services.first_look import first_look
from tradesman.store import tables
from tradesman.store.database import Store
from tradesman.ui.main_window import MainWindow
from tradesman.ui.shared import prompts
from tradesman.ui.shared.operations import Operations
from tradesman.ui.window import calendar_import_dialog
from tradesman.ui.window.calendar_import_dialog import CalendarImportDialog

TODAY = date(2026, 10, 26)  # the import looks from 28 Sep 2026 to a year ahead
CTRL = Qt.KeyboardModifier.ControlModifier
EVERY_DAY = (date(2020, 1, 1), date(2030, 1, 1))


@pytest.fixture
def in_london(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with owner_zone(monkeypatch, "Europe/London"):
        yield


@pytest.fixture
def window(qtbot: QtBot, store: Store, paths: DataPaths, in_london: None) -> MainWindow:
    state = QSettings(str(paths.window_state), QSettings.Format.IniFormat)
    shown = MainWindow(paths.folder, state, WeekStart.MONDAY, today=lambda: TODAY)
    qtbot.addWidget(shown)
    shown.show_first_look(first_look(paths.database, "en_GB", TODAY))
    shown.attach(Operations(Data(store, "en_GB"), today=lambda: TODAY))
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def _blocks(store: Store) -> list[tuple[date, str, str, Area]]:
    with store.reading() as session:
        return [
            (b.day, clock(b.start), clock(b.end), b.area)
            for b in blocks_between(session, *EVERY_DAY)
        ]


def _remembered(store: Store) -> int:
    with store.reading() as session:
        return len(tables.CALENDAR_EVENTS.all(session))


def test_the_import_is_previewed_confirmed_backed_up_and_undone_in_one_step(
    window: MainWindow, store: Store, paths: DataPaths, qtbot: QtBot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    source = write_ics(tmp_path, GOOGLE_EXPORT, "work.ics")
    monkeypatch.setattr(prompts, "choose_file_to_open", lambda *a: source)
    shown: list[list[str]] = []

    def confirm(parent: object, preview: CalendarPreview) -> tuple[CalendarPreview, Area]:
        shown.append(preview.lines())
        return preview.with_split_days(True), Area.PRODUCTION

    monkeypatch.setattr(calendar_import_dialog, "ask_calendar_import", confirm)
    window.acts["import_calendar"].trigger()
    qtbot.waitUntil(lambda: "Imported" in window.statusBar().currentMessage(), timeout=10_000)

    assert shown[0][0] == "8 blocks from work.ics (28 Sep 2026 to 26 Oct 2027), in 5 weeks:"
    assert window.statusBar().currentMessage().startswith("Imported 11 blocks from work.ics; ")
    made = _blocks(store)
    assert len(made) == 11 and {area for *_, area in made} == {Area.PRODUCTION}
    assert (date(2026, 10, 28), "13:00", "14:00", Area.PRODUCTION) in made
    assert _remembered(store) == 11
    backups = list(paths.backups.glob("*before-import*"))
    assert len(backups) == 1 and backups[0].name in window.statusBar().currentMessage()

    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert _blocks(store) == []
    assert _remembered(store) == 0
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert len(_blocks(store)) == 11


def test_a_bad_file_is_said_in_one_sentence_and_changes_nothing(
    window: MainWindow, store: Store, paths: DataPaths, qtbot: QtBot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    source = write_ics(
        tmp_path, GOOGLE_EXPORT.replace("Europe/London:2026111", "Mars/Base:2026111")
    )
    monkeypatch.setattr(prompts, "choose_file_to_open", lambda *a: source)
    warned: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda parent, title, message: warned.append(message))
    window.acts["import_calendar"].trigger()
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert warned == [
        "Nothing was imported from calendar.ics: it names a time zone Tradesman does not "
        "know (“Mars/Base”), so its times cannot be put into your hours."
    ]
    assert _blocks(store) == []
    assert not paths.backups.exists() or not list(paths.backups.glob("*before-import*"))
    assert not window.undo_stack.canUndo()


def test_cancelling_the_preview_changes_nothing(
    window: MainWindow, store: Store, paths: DataPaths, qtbot: QtBot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    source = write_ics(tmp_path, GOOGLE_EXPORT)
    monkeypatch.setattr(prompts, "choose_file_to_open", lambda *a: source)
    asked: list[CalendarPreview] = []
    monkeypatch.setattr(
        calendar_import_dialog, "ask_calendar_import", lambda parent, p: asked.append(p)
    )
    window.acts["import_calendar"].trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert _blocks(store) == [] and not window.undo_stack.canUndo()


def _shown_preview(qtbot: QtBot, store: Store, tmp_path: Path) -> CalendarImportDialog:
    """The preview dialog of the Google-style file, on screen."""
    source = write_ics(tmp_path, GOOGLE_EXPORT, "work.ics")
    with store.reading() as session:
        preview = preview_calendar_file(session, source, date(2026, 10, 19), date(2026, 11, 15))
    dialog = CalendarImportDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_preview_dialog_follows_the_tick_box_and_starts_on_the_guess(
    qtbot: QtBot, store: Store, tmp_path: Path, in_london: None
) -> None:
    dialog = _shown_preview(qtbot, store, tmp_path)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.area.currentText() == "Sales"  # quote visits and call-backs
    assert dialog.lines.toPlainText().startswith("7 blocks from work.ics")
    assert "Loft conversion, 11 Nov 2026: it runs over several days" in dialog.lines.toPlainText()
    assert ok.text() == "Import 7 blocks"

    qtbot.mouseClick(dialog.split, Qt.MouseButton.LeftButton)
    assert dialog.lines.toPlainText().startswith("10 blocks from work.ics")
    assert "Loft conversion" not in dialog.lines.toPlainText()
    assert ok.text() == "Import 10 blocks"

    dialog.area.setFocus()
    qtbot.keyClick(dialog.area, Qt.Key.Key_Down)  # Sales → Admin
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_area is Area.ADMIN and dialog.preview.split_days


def test_the_preview_dialog_answers_its_access_keys(
    qtbot: QtBot, store: Store, tmp_path: Path, in_london: None
) -> None:
    dialog = _shown_preview(qtbot, store, tmp_path)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.split.isChecked)  # (a button's access key clicks it shortly after)
    assert dialog.lines.toPlainText().startswith("10 blocks from work.ics")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert dialog.area.hasFocus()


def test_a_file_imported_before_is_said_to_have_nothing_new(
    window: MainWindow, store: Store, qtbot: QtBot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    source = write_ics(tmp_path, GOOGLE_EXPORT, "work.ics")
    monkeypatch.setattr(prompts, "choose_file_to_open", lambda *a: source)
    monkeypatch.setattr(
        calendar_import_dialog, "ask_calendar_import",
        lambda parent, p: (p.with_split_days(True), Area.SALES),
    )  # fmt: skip
    window.acts["import_calendar"].trigger()
    qtbot.waitUntil(lambda: len(_blocks(store)) == 11, timeout=10_000)
    told: list[str] = []
    monkeypatch.setattr(prompts, "tell", lambda parent, title, message: told.append(message))
    window.acts["import_calendar"].trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told[0].startswith("No new appointments in work.ics from 28 Sep 2026 to 26 Oct 2027.")
    assert "Already imported, left out: 7 appointments." in told[0]
    assert len(_blocks(store)) == 11
