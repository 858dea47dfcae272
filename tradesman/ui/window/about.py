"""Help → About: version, where the data lives (click to open), licence, Qt and Python."""

from __future__ import annotations

import html
import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from tradesman.assets import app_icon
from tradesman.identity import APP_NAME, LICENSE_NAME, VERSION

ICON_SIZE = 64


class AboutDialog(QDialog):
    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        folder_url = QUrl.fromLocalFile(str(data_folder)).toString()
        self.text = QLabel(
            f"<h2>{APP_NAME} {html.escape(VERSION)}</h2>"
            "<p>Plan the week of a one-person trade business, and see how it splits "
            "between doing the work and running the business.</p>"
            f'<p><b>Your data:</b> <a href="{html.escape(folder_url)}">'
            f"{html.escape(str(data_folder))}</a></p>"
            f"<p>Licence: {html.escape(LICENSE_NAME)}.</p>"
            f"<p>Qt {html.escape(qVersion())} · PySide6 {html.escape(pyside_version)} · "
            f"Python {html.escape(platform.python_version())}</p>"
        )
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.text.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # (From the icon, not one PNG: on a high-density screen it takes the 128 px one.)
        self.icon = QLabel()
        self.icon.setPixmap(app_icon().pixmap(ICON_SIZE, ICON_SIZE))
        self.icon.setAccessibleName(f"{APP_NAME} icon")
        layout = QVBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
