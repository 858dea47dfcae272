"""Where work comes from (Work → Sources…): the list of sources by kind, with how much
names each, and the ways to keep it tidy — add, rename, archive (a source in use is
never deleted) and merge two into one. Each is one undo step; a refusal (a name another
source has, in any case) is said in the dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tradesman.domain.leads import KIND_NAMES, SourceCount, SourceKind
from tradesman.ui.shared.palette import warning_style

SourceRole = Qt.ItemDataRole.UserRole


def count_words(count: SourceCount) -> str:
    """'3 enquiries, 12 blocks' — what names a source, in words."""
    parts = [
        f"{number} {one if number == 1 else many}"
        for number, one, many in (
            (count.leads, "enquiry", "enquiries"),
            (count.blocks + count.series, "block", "blocks"),
            (count.tasks, "task", "tasks"),
            (count.spend, "spend", "spends"),
        )
        if number
    ]
    return ", ".join(parts) or "not used yet"


class SourcesDialog(QDialog):
    def __init__(
        self,
        read: Callable[[], list[SourceCount]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Where work comes from")
        self._read = read
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Source", "Used by"])
        self.tree.setColumnWidth(0, 260)
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.name.setPlaceholderText("A new source, like “Local magazine”")
        self.kind = QComboBox()
        for kind in (SourceKind.MARKETING, SourceKind.WORD_OF_MOUTH, SourceKind.REPEAT):
            self.kind.addItem(KIND_NAMES[kind], kind.value)
        self.add_button = QPushButton("&Add")
        self.rename_button = QPushButton("&Rename…")
        self.archive_button = QPushButton("Ar&chive")
        self.merge_button = QPushButton("&Merge into…")
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet(warning_style(self.problem.palette()))
        self.problem.setWordWrap(True)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        adding = QHBoxLayout()
        adding.addWidget(self.name, 1)
        adding.addWidget(self.kind)
        adding.addWidget(self.add_button)
        changing = QHBoxLayout()
        for button in (self.rename_button, self.archive_button, self.merge_button):
            changing.addWidget(button)
        changing.addStretch(1)
        changing.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(adding)
        layout.addWidget(self.problem)
        layout.addLayout(changing)
        note = QLabel(
            "A source in use is archived, never deleted: it is no longer offered, and what "
            "came from it keeps its name. Merging moves everything to the other source."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.tree.currentItemChanged.connect(self._follow_choice)
        self.name.returnPressed.connect(self.add_button.click)
        # Enter in the name adds it, once: no button also takes Enter as the dialog's
        # default (Add did, a second time, and said the now empty name was missing).
        buttons = (self.add_button, self.rename_button, self.archive_button, self.merge_button)
        for button in (*buttons, close):
            button.setAutoDefault(False)
        self.resize(560, 480)
        self.reload()

    def reload(self) -> None:
        chosen = self.chosen()
        self.tree.clear()
        groups: dict[SourceKind, QTreeWidgetItem] = {}
        for kind in SourceKind:
            group = QTreeWidgetItem([KIND_NAMES[kind]])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            groups[kind] = group
            self.tree.addTopLevelItem(group)
        for count in self._read():
            source = count.source
            name = source.name + (" (archived)" if source.archived else "")
            item = QTreeWidgetItem([name, count_words(count)])
            item.setData(0, SourceRole, count)
            if source.archived:
                grey = QBrush(QColor("#888888"))
                item.setForeground(0, grey)
                item.setForeground(1, grey)
            groups[source.kind].addChild(item)
            if chosen is not None and chosen.source.id == source.id:
                self.tree.setCurrentItem(item)
        self.tree.expandAll()
        self._follow_choice()

    def chosen(self) -> SourceCount | None:
        item = self.tree.currentItem()
        count: SourceCount | None = None if item is None else item.data(0, SourceRole)
        return count

    def choose(self, name: str) -> None:
        """Choose the source called `name` (as the owner would by clicking it)."""
        for item in self.tree.findItems(
            name, Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive
        ):
            if item.data(0, SourceRole) is not None:
                self.tree.setCurrentItem(item)
                return

    def say(self, problem: str) -> None:
        self.problem.setText(problem)

    def _follow_choice(self) -> None:
        count = self.chosen()
        for button in (self.rename_button, self.archive_button, self.merge_button):
            button.setEnabled(count is not None)
        if count is not None:
            self.archive_button.setText("Bring ba&ck" if count.source.archived else "Ar&chive")
