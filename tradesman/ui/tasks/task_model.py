"""The tasks of one area as a list model: cards grouped under Doing, To do and Done.

Qt's model/view classes draw only the rows on screen, so thousands of tasks scroll
smoothly. The model never changes data itself: a card dropped on another group (or
another area's lane) is reported through `move_requested`, the edit is made like any
other, and the page reloads.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from tradesman.domain.areas import Area
from tradesman.domain.tasks import TaskCard, TaskStatus

TASK_MIME = "application/x-tradesman-task"
# The groups of a lane, in order, with their headings.
GROUPS: tuple[tuple[TaskStatus, str], ...] = (
    (TaskStatus.DOING, "Doing"),
    (TaskStatus.OPEN, "To do"),
    (TaskStatus.DONE, "Done"),
)
CardRole = Qt.ItemDataRole.UserRole + 1
HeaderRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Row:
    """A heading (card is None) or a card, and the group it belongs to."""

    status: TaskStatus
    card: TaskCard | None = None
    count: int = 0  # for headings: how many cards the group holds


def task_mime(card: TaskCard) -> QMimeData:
    """What a dragged task carries: its id (for the calendar and the other lanes)."""
    mime = QMimeData()
    payload = {"task": card.task.id, "title": card.task.title}
    mime.setData(TASK_MIME, QByteArray(json.dumps(payload).encode()))
    return mime


def task_id_in(mime: QMimeData) -> int | None:
    if not mime.hasFormat(TASK_MIME):
        return None
    try:
        value = json.loads(bytes(mime.data(TASK_MIME).data()).decode())["task"]
    except (ValueError, KeyError, TypeError):
        return None
    return value if isinstance(value, int) else None


class TaskLaneModel(QAbstractListModel):
    move_requested = Signal(int, object, object)  # task id, TaskStatus, Area

    def __init__(self, area: Area) -> None:
        super().__init__()
        self.area = area
        self.rows: list[Row] = []

    def set_cards(self, cards: list[TaskCard], show_done: bool) -> None:
        """Show `cards` (this area's), grouped; the Done group only when asked for."""
        self.beginResetModel()
        self.rows = []
        for status, _ in GROUPS:
            if status is TaskStatus.DONE and not show_done:
                continue
            group = [card for card in cards if card.task.status is status]
            self.rows.append(Row(status, None, len(group)))
            self.rows += [Row(status, card) for card in group]
        self.endResetModel()

    def cards(self) -> list[TaskCard]:
        return [row.card for row in self.rows if row.card is not None]

    # -- reading ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == CardRole:
            return row.card
        if role == HeaderRole:
            return row if row.card is None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if row.card is None:
                return dict(GROUPS)[row.status]
            return row.card.task.title
        if role == Qt.ItemDataRole.AccessibleTextRole and row.card is not None:
            return f"{row.card.task.title}, {row.status.value}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        if self.rows[index.row()].card is None:
            return base | Qt.ItemFlag.ItemIsEnabled
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    # -- dragging ---------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [TASK_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        cards = [card for i in indexes if (card := self.rows[i.row()].card) is not None]
        return task_mime(cards[0]) if cards else QMimeData()

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return task_id_in(data) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        task_id = task_id_in(data)
        if task_id is None:
            return False
        self.move_requested.emit(task_id, self.status_at(row, parent), self.area)
        return False  # the model does not change itself; the page reloads after the edit

    def status_at(self, row: int, parent: Index) -> TaskStatus:
        """The group a drop lands in: the row dropped on, or the row just above the gap."""
        if parent.isValid():
            return self.rows[parent.row()].status
        if row < 0 or not self.rows:
            return self.rows[-1].status if self.rows else TaskStatus.OPEN
        if row >= len(self.rows):
            return self.rows[-1].status
        target = self.rows[row]
        if target.card is None and row > 0:  # in the gap just above a heading
            return self.rows[row - 1].status
        return target.status
