"""Every modal question the app asks, in one place.

Widgets ask through these functions instead of calling QMessageBox or QFileDialog
directly, so tests can replace them (monkeypatch) and no test can hang on a dialog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

    from tradesman.reports.paper import Paper
    from tradesman.services.backup_list import KeptBackup

# The dialog classes are imported when first needed: none is on the path to the
# window's first paint.


def choose_file_to_open(parent: QWidget, title: str, folder: Path, filter_text: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filter_text)
    return Path(name) if name else None


def choose_file_to_save(
    parent: QWidget, title: str, suggested: Path, filter_text: str, suffix: str = "json"
) -> Path | None:
    """A file name to write; the dialog adds `suffix` when none is typed, and asks before
    replacing a file under the name it will really use."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, str(suggested.parent), filter_text)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(suggested.name)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def choose_folder(parent: QWidget, title: str, folder: Path) -> Path | None:
    """An existing folder, or None when the owner cancels."""
    from PySide6.QtWidgets import QFileDialog

    name = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(name) if name else None


def confirm(parent: QWidget, title: str, question: str, action: str) -> bool:
    """Ask a yes/no question whose yes button says what will happen (`action`)."""
    from PySide6.QtWidgets import QMessageBox

    box = _message_box(QMessageBox.Icon.Question, title, question, parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def tell(parent: QWidget | None, title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    _message_box(QMessageBox.Icon.Information, title, message, parent).exec()


def warn(parent: QWidget | None, title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    _message_box(QMessageBox.Icon.Warning, title, message, parent).exec()


def _message_box(
    icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None
) -> QMessageBox:
    """A message box that shows its text as written. Messages carry the owner's words
    (titles, file and folder names), and Qt would take "AT&T <b>x</b>" for markup and
    drop the tags."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def choose_scope(parent: QWidget, title: str, question: str) -> str | None:
    """For a block of a series: "this" (only this block), "series" (the whole series
    from today on), or None (cancel)."""
    return _one_of(parent, title, question, (("this", "Only this block"),
                                             ("series", "The whole series")))  # fmt: skip


def choose_reason(
    parent: QWidget, title: str, question: str, choices: tuple[tuple[str, str], ...]
) -> str | None:
    """Why an enquiry was lost or not quoted, in one click: one of `choices` ((answer,
    button words)), or None for Cancel."""
    return _one_of(parent, title, question, choices)


def _one_of(
    parent: QWidget, title: str, question: str, choices: tuple[tuple[str, str], ...]
) -> str | None:
    """A question answered by one of `choices` ((answer, button words); the first is
    the default), or None for Cancel."""
    from PySide6.QtWidgets import QMessageBox

    box = _message_box(QMessageBox.Icon.Question, title, question, parent)
    buttons = [
        (box.addButton(words, QMessageBox.ButtonRole.AcceptRole), answer)
        for answer, words in choices
    ]
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(buttons[0][0])
    box.exec()
    clicked = box.clickedButton()
    return next((answer for button, answer in buttons if button is clicked), None)


def ask_how_to_copy_week(
    parent: QWidget, question: str, week_has_plans: bool, gone_days: str | None
) -> tuple[str, bool] | None:
    """Copy last week onto a week: "on top" of its plans or "empty" days only (asked
    only when `week_has_plans`; else "on top"), and whether to copy onto `gone_days`
    too (a check box, off by default, shown when some days are already gone).
    None for Cancel."""
    from PySide6.QtWidgets import QCheckBox, QMessageBox

    box = _message_box(QMessageBox.Icon.Question, "Copy last week", question, parent)
    choices = (("on top", "Add on top"), ("empty", "Only the empty days"))
    buttons = [
        (box.addButton(words, QMessageBox.ButtonRole.AcceptRole), answer)
        for answer, words in (choices if week_has_plans else (("on top", "Copy"),))
    ]
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(buttons[-1][0])  # the careful choice: nothing piled up
    also_gone = QCheckBox(f"Also copy onto {gone_days}, already gone") if gone_days else None
    if also_gone is not None:
        box.setCheckBox(also_gone)
    box.exec()
    clicked = box.clickedButton()
    answer = next((answer for button, answer in buttons if button is clicked), None)
    if answer is None:
        return None
    return answer, also_gone is not None and also_gone.isChecked()


def ask_duration(parent: QWidget, title: str, label: str, current: str) -> str | None:
    """A length of time as typed ("2:30", "45 min"); the caller checks it."""
    from PySide6.QtWidgets import QInputDialog

    dialog = duration_dialog(parent, title, label, current)
    return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None


def ask_name(parent: QWidget, title: str, label: str, current: str) -> str | None:
    """A new name, as typed (the caller checks it)."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from tradesman.ui.shared.literal import for_menu

    text, ok = QInputDialog.getText(
        parent, title, for_menu(label), QLineEdit.EchoMode.Normal, current
    )
    return text if ok else None


def choose_one(parent: QWidget, title: str, label: str, choices: list[str]) -> str | None:
    """One of `choices` (shown as written), or None for Cancel."""
    from PySide6.QtWidgets import QInputDialog

    from tradesman.ui.shared.literal import for_menu

    text, ok = QInputDialog.getItem(parent, title, for_menu(label), choices, 0, False)
    return text if ok else None


def duration_dialog(parent: QWidget, title: str, label: str, current: str) -> QInputDialog:
    """The dialog `ask_duration` shows. Its question names a block, so it is shown as
    written: the dialog's label is a keyboard-shortcut label, where "&" would vanish."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QInputDialog, QLabel

    from tradesman.ui.shared.literal import for_menu

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(for_menu(label))
    dialog.setTextValue(current)
    for shown in dialog.findChildren(QLabel):
        shown.setTextFormat(Qt.TextFormat.PlainText)
    return dialog


def ask_date(parent: QWidget, title: str, current: date) -> date | None:
    """A day picked on a calendar (Go to date)."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QCalendarWidget, QDialog, QDialogButtonBox, QVBoxLayout

    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    calendar = QCalendarWidget()
    calendar.setDateRange(QDate(1900, 1, 8), QDate(9998, 12, 24))  # the years we plan in
    calendar.setSelectedDate(QDate(current.year, current.month, current.day))
    calendar.activated.connect(dialog.accept)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(calendar)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    picked = calendar.selectedDate()
    return date(picked.year(), picked.month(), picked.day())


def choose_blocks_fate(parent: QWidget, question: str) -> str | None:
    """For a task with blocks: "keep" them on the calendar (unlinked), "delete" them too,
    or None (cancel)."""
    return _one_of(parent, "Delete task", question, (("keep", "Keep the blocks"),
                                                     ("delete", "Delete them too")))  # fmt: skip


def choose_printer(parent: QWidget, paper: Paper) -> QPrinter | None:
    """The system's print dialog, set to `paper`; the printer chosen, or None (cancel)."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    size = QPageSize.PageSizeId.Letter if paper.value == "letter" else QPageSize.PageSizeId.A4
    printer.setPageSize(QPageSize(size))
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def offer_restore(parent: QWidget, problem: str, newest: KeptBackup, suggest: bool = True) -> bool:
    """At start-up, the data file cannot be used: offer the newest good backup (as the
    default answer when `suggest`, else Quit is)."""
    from PySide6.QtWidgets import QMessageBox

    from tradesman.words import count_of

    holds = f"{count_of(newest.blocks, 'time block')} and {count_of(newest.tasks, 'task')}"
    box = _message_box(
        QMessageBox.Icon.Warning,
        "Your data file cannot be used",
        f"{problem}\n\nThe newest good backup is from {newest.taken:%a %d %b %Y, %H:%M} "
        f"({holds}). Tradesman can put it in place; the file that cannot be used is kept "
        "beside it under another name, never deleted.",
        parent,
    )
    restore = box.addButton("Restore the backup", QMessageBox.ButtonRole.AcceptRole)
    leave = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore if suggest else leave)
    box.exec()
    return box.clickedButton() is restore
