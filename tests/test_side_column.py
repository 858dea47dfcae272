"""The column beside the week on a short window: the split panel always gets the
height its words need, whichever week is shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import benchmark_generator, write_json
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tradesman.paths import DataPaths
from tradesman.services.data import Data
from tradesman.services.first_look import first_look
from tradesman.services.transfer import import_from_file
from tradesman.store.database import Store
from tradesman.ui.main_window import MainWindow
from tradesman.ui.shared.operations import Operations

END = date(2026, 11, 23)  # the generated year's last week is the one after
TODAY = date(2026, 12, 2)  # in that week: planned, nothing done yet (a shorter panel)


def test_a_week_whose_panel_needs_more_lines_gets_them_at_once(
    qtbot: QtBot, store: Store, paths: DataPaths, tmp_path: Path
) -> None:
    """Found by hand at 1000x700: back one week, the table's last row (Business share)
    hid under the note of work coming in until the window was next resized."""
    document = benchmark_generator().build_document(1, END, 1)
    import_from_file(store, write_json(tmp_path / "year.json", document), "en_GB")
    state = QSettings(str(paths.window_state), QSettings.Format.IniFormat)
    window = MainWindow(paths.folder, state, first_look(paths.database, "en_GB", TODAY)
                        .settings.week_start, today=lambda: TODAY)  # fmt: skip
    qtbot.addWidget(window)
    window.show_first_look(first_look(paths.database, "en_GB", TODAY))
    window.attach(Operations(Data(store, "en_GB"), today=lambda: TODAY))
    window.resize(1000, 660)
    window.show()
    qtbot.waitExposed(window)
    panel = window.split_panel

    def whole() -> bool:
        return panel.height() >= panel.heightForWidth(panel.width())

    qtbot.waitUntil(whole)
    for _ in range(3):
        window.acts["previous_week"].trigger()
        qtbot.waitUntil(whole, timeout=2_000)
