"""File → Export for a spreadsheet… in the window (issue 16): the small dialog driven by
mouse and keys, the save dialog answered by the test, the file written off the UI
thread, the sentence in the status bar, and the choices remembered for next time."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from planner_kit import Planner
from PySide6.QtCore import QPoint, Qt

from tradesman.reports.csv_file import BOM
from tradesman.ui.shared import prompts
from tradesman.ui.window.sheet_export import SheetChoices, SheetDialog, SheetExport

LEFT = Qt.MouseButton.LeftButton


def opened_dialog(planner: Planner) -> SheetDialog:
    planner.window.acts["export_sheet"].trigger()
    sheets: SheetExport = planner.window.desk.sheets
    dialog = sheets.dialog
    assert dialog is not None
    planner.qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_menu_writes_the_chosen_rows_and_says_so(
    planner: Planner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot, window = planner.qtbot, planner.window
    written = tmp_path / "blocks.csv"
    asked: list[tuple[str, Path]] = []

    def choose(parent: object, title: str, suggested: Path, *rest: object) -> Path:
        asked.append((title, suggested))
        return written

    monkeypatch.setattr(prompts, "choose_file_to_save", choose)
    dialog = opened_dialog(planner)
    # As first offered: the weeks, marked for Excel, numbers as the computer writes them.
    assert dialog.choices() == SheetChoices("weeks", bom=True, locale_decimals=True)
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # weeks -> time blocks
    qtbot.mouseClick(dialog.bom, LEFT, pos=dialog.bom.rect().bottomLeft() + _inside())
    assert dialog.choices() == SheetChoices("blocks", bom=False, locale_decimals=True)
    qtbot.mouseClick(dialog.export_button, LEFT)

    qtbot.waitUntil(
        lambda: f"Wrote 2 time blocks to {written}." == window.statusBar().currentMessage(),
        timeout=10_000,
    )
    assert asked[0][0] == "Export for a spreadsheet"
    assert asked[0][1].name == "tradesman-blocks-2026-11-25.csv"
    data = written.read_bytes()
    assert not data.startswith(BOM.encode())
    header, *rows = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    assert header[:5] == ["Day", "Starts", "Ends", "Area", "Title"]
    assert [row[4] for row in rows] == ["Kitchen – Patel", "Site visit"]

    # Next time the dialog offers what was chosen.
    again = opened_dialog(planner)
    assert again.choices() == SheetChoices("blocks", bom=False, locale_decimals=True)
    qtbot.mouseClick(again.bom, LEFT, pos=again.bom.rect().bottomLeft() + _inside())
    qtbot.keyClick(again, Qt.Key.Key_Return)  # Export… is the default button
    qtbot.waitUntil(lambda: written.read_bytes().startswith(BOM.encode()), timeout=10_000)


def test_cancel_writes_nothing_and_asks_nothing(planner: Planner) -> None:
    dialog = opened_dialog(planner)
    planner.qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    # (The save dialog was not replaced: had it been asked, the test would fail.)
    assert "Wrote" not in planner.window.statusBar().currentMessage()


def test_a_name_it_must_not_write_over_is_refused_in_words(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    before = planner.paths.database.read_bytes()
    monkeypatch.setattr(prompts, "choose_file_to_save", lambda *a: planner.paths.database)
    monkeypatch.setattr(prompts, "warn", lambda parent, title, message: warned.append(message))
    dialog = opened_dialog(planner)
    planner.qtbot.mouseClick(dialog.export_button, LEFT)
    planner.qtbot.waitUntil(lambda: bool(warned))
    assert "will not write over its own data file" in warned[0]
    assert planner.paths.database.read_bytes() == before


def test_the_decimal_comma_is_offered_where_the_locale_writes_one(planner: Planner) -> None:
    dialog = SheetDialog(SheetChoices(), ",", planner.window)
    planner.qtbot.addWidget(dialog)
    assert "8,50" in dialog.decimals.text()
    assert SheetChoices().style(",").delimiter == ";"
    assert SheetChoices(locale_decimals=False).style(",").decimal_mark == "."


def _inside() -> QPoint:
    return QPoint(4, -4)  # (a point on the tick box itself, not past its edge)
