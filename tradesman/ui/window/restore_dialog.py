"""File → Restore from backup…: the backups, newest first, each with when and why it was
taken and how many time blocks and tasks it holds; Restore asks once, then says
`chosen(path)` (the window does the restoring, off the UI thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tradesman.services.backup_list import KeptBackup, restorable_here
from tradesman.ui.shared import prompts
from tradesman.ui.shared.literal import tooltip
from tradesman.words import count_of

REASONS = {
    "automatic": "While you worked",
    "at-start": "When Tradesman started",
    "before-import": "Before an import",
    "before-restore": "Before a restore",
}


def reason_words(reason: str) -> str:
    if reason.startswith("before-update"):
        return "Before Tradesman updated the file"
    return REASONS.get(reason, reason.replace("-", " ").capitalize())


def when_words(backup: KeptBackup) -> str:
    """'Mon 23 Nov 2026, 10:15'."""
    return f"{backup.taken:%a} {backup.taken.day} {backup.taken:%b %Y, %H:%M}"


class RestoreDialog(QDialog):
    chosen = Signal(object)  # Path of the backup to restore

    def __init__(self, backups: list[KeptBackup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.backups = restorable_here(backups)
        if self.backups:
            words = (
                "Pick the backup to go back to. What you have now is backed up first, so "
                "you can come back to it the same way."
            )
        elif backups:
            words = "The backups here were made by a newer Tradesman; install it to use them."
        else:
            words = (
                "There are no backups yet. Tradesman takes one when it starts and every "
                "half hour while you work, whenever your data has changed."
            )
        intro = QLabel(words)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 4)
        self.table.setHorizontalHeaderLabels(("Taken", "Why", "Time blocks", "Tasks"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, backup in enumerate(self.backups):
            usable = backup.damage is None
            cells = (
                when_words(backup),
                reason_words(backup.reason),
                f"{backup.blocks:,}" if usable else "damaged",
                f"{backup.tasks:,}" if usable else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if not usable:  # (listed, so it is not a mystery; it cannot be picked)
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                    item.setToolTip(tooltip(f"This backup cannot be read: {backup.damage}"))
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(self.backups))
        self.table.itemSelectionChanged.connect(self._fit_button)
        self.table.itemActivated.connect(lambda _: self.restore())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton("&Restore…")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.clicked.connect(self.restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 420)
        usable_rows = [row for row, b in enumerate(self.backups) if b.damage is None]
        if usable_rows:
            self.table.selectRow(usable_rows[0])
        self._fit_button()

    def chosen_backup(self) -> KeptBackup | None:
        rows = self.table.selectionModel().selectedRows()
        chosen = self.backups[rows[0].row()] if rows else None
        return chosen if chosen is not None and chosen.damage is None else None

    def _fit_button(self) -> None:
        self.restore_button.setEnabled(self.chosen_backup() is not None)

    def restore(self) -> None:
        backup = self.chosen_backup()
        if backup is None:
            return
        if not prompts.confirm(
            self,
            "Go back to this backup?",
            f"All your data will be as it was on {when_words(backup)}: "
            f"{count_of(backup.blocks, 'time block')} and {count_of(backup.tasks, 'task')}. "
            "What you have now is backed up first.",
            "Restore",
        ):
            return
        self.chosen.emit(Path(backup.path))
        self.accept()
