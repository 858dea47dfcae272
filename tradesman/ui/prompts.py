"""Every modal question the app asks, in one place.

Widgets ask through these functions instead of calling QMessageBox or QFileDialog
directly, so tests can replace them (monkeypatch) and no test can hang on a dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# The dialog classes are imported when first needed: none is on the path to the
# window's first paint.


def choose_file_to_open(parent: QWidget, title: str, folder: Path, filter_text: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filter_text)
    return Path(name) if name else None


def choose_file_to_save(
    parent: QWidget, title: str, suggested: Path, filter_text: str
) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filter_text)
    return Path(name) if name else None


def confirm(parent: QWidget, title: str, question: str, action: str) -> bool:
    """Ask a yes/no question whose yes button says what will happen (`action`)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def tell(parent: QWidget | None, title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, message)


def warn(parent: QWidget | None, title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, message)
