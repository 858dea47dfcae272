"""A lane of task cards: dragged out to other lanes or onto the calendar, and worked
from the keyboard. Used by the Tasks page and by the To schedule list beside the week
(which needs only this, so the week does not load the rest of the Tasks page).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView

from tradesman.domain.tasks import TaskCard
from tradesman.ui.tasks.task_delegate import CardDelegate
from tradesman.ui.tasks.task_model import CardRole, TaskLaneModel

_EDIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)


def key_asks(event: QKeyEvent) -> str | None:
    """What a key pressed on a chosen card (or repeating rule) asks for: "edit" (Enter,
    F2), "delete" (Delete), "menu" (the Menu key, Shift+F10), or None."""
    key, shift = event.key(), event.modifiers() & Qt.KeyboardModifier.ShiftModifier
    if key in _EDIT_KEYS:
        return "edit"
    if key == Qt.Key.Key_Delete:
        return "delete"
    if key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and shift):
        return "menu"
    return None


# Moves that look for a card above the row they land on (Home lands on the first
# heading, so it looks down; End on the last card).
_BACK = (
    QAbstractItemView.CursorAction.MoveUp,
    QAbstractItemView.CursorAction.MovePageUp,
    QAbstractItemView.CursorAction.MoveEnd,
    QAbstractItemView.CursorAction.MovePrevious,
)


class TaskList(QListView):
    """A list of cards that can be dragged out (to other lanes, or the calendar), and
    worked from the keyboard: arrows move between cards (headings are passed over) and,
    left and right, between lanes; Enter or F2 edits, Delete deletes, the Menu key (or
    Shift+F10) opens the card's menu."""

    edit_asked = Signal(object)  # TaskCard
    delete_asked = Signal(object)  # TaskCard
    menu_asked = Signal(object, QPoint)  # TaskCard, global position
    lane_step_asked = Signal(int)  # -1: the lane to the left, 1: to the right

    def __init__(self, model: TaskLaneModel, delegate: CardDelegate) -> None:
        super().__init__()
        self.lane_model = model
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setModel(model)
        self.setItemDelegate(delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setSpacing(0)
        self.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )  # cards fit the width
        # Thousands of cards are laid out a hundred at a time, between frames: the first
        # screenful paints at once, the scroll bar settles as the rest are measured.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(100)

    def card_at(self, point: QPoint) -> TaskCard | None:
        card: TaskCard | None = self.indexAt(point).data(CardRole)
        return card

    def current_card(self) -> TaskCard | None:
        card: TaskCard | None = self.currentIndex().data(CardRole)
        return card

    def choose_row(self, row: int) -> None:
        """Make the card nearest `row` the current (and selected) one."""
        rows = [n for n, item in enumerate(self.lane_model.rows) if item.card is not None]
        if rows:
            nearest = min(rows, key=lambda n: (abs(n - row), n))
            index = self.lane_model.index(nearest, 0)
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        card, asked, key = self.current_card(), key_asks(event), event.key()
        if card is not None and asked == "edit":
            self.edit_asked.emit(card)
        elif card is not None and asked == "delete":
            self.delete_asked.emit(card)
        elif card is not None and asked == "menu":
            rect = self.visualRect(self.currentIndex())
            self.menu_asked.emit(card, self.viewport().mapToGlobal(rect.center()))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.lane_step_asked.emit(-1 if key == Qt.Key.Key_Left else 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """As a list moves, but over the group headings: only cards can be current."""
        index = super().moveCursor(action, modifiers)
        rows = self.lane_model.rows
        row, step = index.row(), -1 if action in _BACK else 1
        while 0 <= row < len(rows) and rows[row].card is None:
            row += step
        if not 0 <= row < len(rows):
            # Past the first or last card: stay put (from a heading, take the nearest card).
            current = self.currentIndex()
            if current.isValid() and rows[current.row()].card is not None:
                return current
            row = next((n for n, item in enumerate(rows) if item.card is not None), -1)
            if row < 0:
                return QModelIndex()
        return self.lane_model.index(row, 0)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.current_card() is None:  # (Tab into a lane: its first card, seen at once)
            self.choose_row(0)
