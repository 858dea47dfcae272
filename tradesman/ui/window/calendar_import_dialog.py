"""The preview of a calendar import: what will be added and skipped, the area, split or not.

The owner sees the preview in words (the same lines the command line prints), picks
the one area of the import (starting on the guess from the titles' words) and whether
events over several days become a block a day; the lines follow the tick box.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tradesman.domain.areas import AREAS, Area
from tradesman.services.calendar_import import CalendarPreview
from tradesman.words import count_of

SPLIT_WORDS = "&Split events that run over several days into a block a day"


class CalendarImportDialog(QDialog):
    def __init__(self, preview: CalendarPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import calendar — {preview.name}")
        self.preview = preview
        self.lines = QPlainTextEdit()
        self.lines.setReadOnly(True)
        self.lines.setMinimumSize(520, 260)
        self.area = QComboBox()
        for area in AREAS:
            self.area.addItem(area.label)
        guess = preview.guessed_area
        self.area.setCurrentIndex(AREAS.index(guess))
        self.area.setToolTip(f"{guess.label} is a guess from the titles' words.")
        self.split = QCheckBox(SPLIT_WORDS)
        self.split.setChecked(preview.split_days)
        self.split.toggled.connect(self._split_toggled)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Area of these blocks:", self.area)  # (the label is its buddy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lines)
        layout.addLayout(form)
        layout.addWidget(self.split)
        layout.addWidget(
            QLabel("A backup of your data is made first; Undo takes the whole import back.")
        )
        layout.addWidget(self.buttons)
        self._show_preview()

    @property
    def chosen_area(self) -> Area:
        return AREAS[self.area.currentIndex()]  # (the items are in AREAS' order)

    def _split_toggled(self, checked: bool) -> None:
        self.preview = self.preview.with_split_days(checked)
        self._show_preview()

    def _show_preview(self) -> None:
        self.lines.setPlainText("\n".join(self.preview.lines()))
        new = len(self.preview.new)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(f"Import {count_of(new, 'block')}" if new else "Import")
        ok.setEnabled(bool(new))


def ask_calendar_import(
    parent: QWidget, preview: CalendarPreview
) -> tuple[CalendarPreview, Area] | None:
    """The preview as the owner left it (split or not) and the area; None: cancelled.
    (Modal: tests replace this function.)"""
    dialog = CalendarImportDialog(preview, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.preview, dialog.chosen_area
