"""The Settings dialog's row for the always-current calendar file: kept or not, and
in which folder (see calendar_keeper.py for why it is kept apart from the settings)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from tradesman.files import shown_path
from tradesman.services.calendar_export import CALENDAR_FILE_NAME, written_by_someone_else
from tradesman.ui.shared import prompts
from tradesman.ui.shared.literal import plain_label

NO_FOLDER = "No folder chosen yet."


class CalendarFileRow(QWidget):
    def __init__(self, keep: bool, folder: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.keep = QCheckBox(f"Keep {CALENDAR_FILE_NAME} up to date in a folder")
        self.keep.setToolTip(
            "After every change, Tradesman writes your blocks from four weeks back to "
            "twelve ahead to this file. Pick a folder your phone syncs, then subscribe to "
            "or import the file in its calendar."
        )
        self.keep.setChecked(keep and folder is not None)
        self.place = plain_label("")  # (a folder's name, as it is)
        self.place.setWordWrap(True)
        self.choose_button = QPushButton("Choose &folder…")
        self.choose_button.clicked.connect(self.choose)
        self.keep.toggled.connect(self._kept)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.place, 1)
        line.addWidget(self.choose_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.keep)
        column.addLayout(line)
        self._show_place()

    def chosen(self) -> tuple[bool, Path | None]:
        """Whether to keep the file, and the folder (kept even when turned off)."""
        return self.keep.isChecked() and self.folder is not None, self.folder

    def choose(self) -> None:
        start = self.folder or Path.home()
        folder = prompts.choose_folder(self, "Folder for the calendar file", start)
        if folder is not None and written_by_someone_else(folder / CALENDAR_FILE_NAME):
            prompts.warn(
                self,
                "A calendar file is there already",
                f"{shown_path(folder / CALENDAR_FILE_NAME)} is there already and Tradesman "
                "did not write it. Keeping the calendar file there would write over it, so "
                "choose another folder, or move that file out of the folder first.",
            )
            folder = None
        if folder is not None and not os.access(folder, os.W_OK | os.X_OK):
            prompts.warn(
                self,
                "That folder cannot be written to",
                f"Tradesman cannot write in {shown_path(folder)}, so the calendar file "
                "could not be kept there. Choose a folder of yours.",
            )
            folder = None
        if folder is not None:
            self.folder = folder
            self.keep.setChecked(True)  # (choosing a folder is asking for the file)
        self._show_place()

    def _kept(self, on: bool) -> None:
        if on and self.folder is None:
            self.choose()
            if self.folder is None:  # (cancelled: nothing to keep it in)
                self.keep.setChecked(False)

    def _show_place(self) -> None:
        self.place.setText(
            NO_FOLDER if self.folder is None else shown_path(self.folder / CALENDAR_FILE_NAME)
        )
