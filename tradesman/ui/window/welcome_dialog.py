"""The first start: a short welcome that asks what the week needs to be right (the
business name, the work days and hours, and the share of the week for the business).
Everything else keeps its usual value and can be changed later in File → Settings."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from tradesman.domain.settings import Settings
from tradesman.ui.window.settings_dialog import SettingsDialog

WELCOME = (
    "Tradesman plans your week in blocks of time and shows how much of it goes on "
    "running the business. Four answers fit it to your week; File → Settings changes "
    "them later."
)


class WelcomeDialog(SettingsDialog):
    """Says `chosen(Settings)` on "Start planning"; Skip keeps the usual settings."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self.setWindowTitle("Welcome to Tradesman")
        for row in (self.owner_name_row, self.week_start, self.after_job_row):  # (as usual)
            self.form.setRowVisible(row, False)
        words = QLabel(WELCOME)
        words.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, words)
        self.save_button.setText("&Start planning")
        buttons = self.findChild(QDialogButtonBox)
        assert buttons is not None
        skip = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        skip.setText("S&kip for now")
        self.skip_button = skip
