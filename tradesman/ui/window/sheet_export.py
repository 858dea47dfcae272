"""File → Export for a spreadsheet…: which rows, a BOM for Excel or not, the decimal mark;
then where to save; then the file written off the UI thread and a sentence in the
status bar. The choices are remembered for next time.

Made the first time the menu item is used (see Desk.sheets): the export's services load
then, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from tradesman.domain.money import decimal_mark_for_locale
from tradesman.errors import UserError
from tradesman.files import output_for
from tradesman.identity import APP_NAME
from tradesman.reports.csv_file import CsvStyle
from tradesman.services.spreadsheets import KINDS, rows_written
from tradesman.ui.shared import prompts
from tradesman.ui.shared.background import run_with_progress
from tradesman.ui.shared.folders import LastFolder
from tradesman.ui.shared.operations import Operations

CSV_FILTER = "Spreadsheet file (*.csv);;All files (*)"


@dataclass(frozen=True)
class SheetChoices:
    kind: str = "weeks"
    bom: bool = True  # most owners open the file in Excel, which needs it for "Müller"
    locale_decimals: bool = True

    def style(self, locale_mark: str) -> CsvStyle:
        return CsvStyle(self.bom, locale_mark if self.locale_decimals else ".")


def remembered(state: QSettings) -> SheetChoices:
    kind = str(state.value("sheets/kind", "weeks"))
    return SheetChoices(
        kind if kind in KINDS else "weeks",
        str(state.value("sheets/bom", "true")) == "true",
        str(state.value("sheets/locale_decimals", "true")) == "true",
    )


def remember(state: QSettings, choices: SheetChoices) -> None:
    state.setValue("sheets/kind", choices.kind)
    state.setValue("sheets/bom", "true" if choices.bom else "false")
    state.setValue("sheets/locale_decimals", "true" if choices.locale_decimals else "false")


class SheetDialog(QDialog):
    def __init__(self, choices: SheetChoices, locale_mark: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export for a spreadsheet")
        self.kind = QComboBox()
        for name, words in KINDS.items():
            self.kind.addItem(words, name)
        self.kind.setCurrentIndex(list(KINDS).index(choices.kind))
        self.bom = QCheckBox("Mark the file as UTF-8 for Excel, so accents show right")
        self.bom.setChecked(choices.bom)
        example = f"8{locale_mark}50"
        self.decimals = QCheckBox(f"Numbers as your computer writes them ({example})")
        self.decimals.setChecked(choices.locale_decimals)
        if locale_mark == ",":
            self.decimals.setToolTip("The cells are then separated by semicolons.")
        form = QFormLayout()
        form.addRow("&Rows:", self.kind)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("&Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bom)
        layout.addWidget(self.decimals)
        layout.addWidget(buttons)
        # (Once in the dialog: a button made default before it has its dialog is not.)
        self.export_button.setDefault(True)
        self.kind.setFocus()

    def choices(self) -> SheetChoices:
        return SheetChoices(
            str(self.kind.currentData()), self.bom.isChecked(), self.decimals.isChecked()
        )


class SheetExport:
    def __init__(
        self,
        ops: Operations,
        window: QWidget,
        folders: LastFolder,
        state: QSettings,
        report: Callable[[str], None],
        today: Callable[[], date],
    ) -> None:
        self.ops, self.window, self.folders, self.state = ops, window, folders, state
        self.report, self.today = report, today
        self.locale_mark = decimal_mark_for_locale(ops.data.locale_name)
        self.dialog: SheetDialog | None = None  # the one last opened (tests use it)
        self._busy: object = None  # the running job, kept alive until it reports

    def export_for_spreadsheet(self) -> None:
        dialog = SheetDialog(remembered(self.state), self.locale_mark, self.window)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._save(dialog.choices()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # (not exec: the window keeps painting, and no test can hang on it)

    def _save(self, choices: SheetChoices) -> None:
        remember(self.state, choices)
        kind = choices.kind
        suggested = self.folders.get() / f"tradesman-{kind}-{self.today().isoformat()}.csv"
        path = prompts.choose_file_to_save(
            self.window, "Export for a spreadsheet", suggested, CSV_FILTER, "csv"
        )
        if path is None:
            return
        try:  # (said at once: the data file, a backup, a folder…)
            output = output_for(path, self.ops.own_files, streams=False)
        except UserError as exc:
            self._failed(exc.message)
            return
        self.folders.remember(path)
        style = choices.style(self.locale_mark)

        def done(count: int) -> None:
            self.report(f"Wrote {rows_written(kind, count)} to {path}.")

        self._busy = run_with_progress(
            self.window,
            f"Writing {path.name}…",
            lambda: self.ops.export_sheet(kind, output, style),
            done,
            self._failed,
        )

    def _failed(self, message: str) -> None:
        self.report(message)
        prompts.warn(self.window, APP_NAME, message)
