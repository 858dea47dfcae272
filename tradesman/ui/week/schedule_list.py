"""Beside the week: the open tasks that still need time booked, ready to drag onto it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tradesman.domain.areas import Area
from tradesman.domain.tasks import TaskCard
from tradesman.ui.tasks.task_delegate import CardDelegate
from tradesman.ui.tasks.task_list import TaskList
from tradesman.ui.tasks.task_model import TaskLaneModel


class ScheduleList(QWidget):
    """The cards to schedule, soonest due first. Drag one onto a day and time."""

    def __init__(self, today: Callable[[], date], week_end: Callable[[], date]) -> None:
        super().__init__()
        self._today = today
        self._week_end = week_end
        self.title = QLabel()  # (two short lines; not wrapped, so its height is fixed)
        self.delegate = CardDelegate(today(), week_end(), self)
        # One "lane" holding every area; its groups are Doing and To do.
        self.model = TaskLaneModel(Area.PRODUCTION)
        self.view = TaskList(self.model, self.delegate)
        self.view.setAcceptDrops(False)
        # A right-click opens the card's menu, as the Menu key does (Schedule… is there).
        self.view.customContextMenuRequested.connect(self._menu_at)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 0, 14, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    def show_cards(self, cards: list[TaskCard]) -> None:
        self.delegate.today, self.delegate.week_end = self._today(), self._week_end()
        self.model.set_cards(cards, show_done=False)
        if cards:
            self.title.setText(
                f"<b>To schedule</b> · {len(cards)}<br><span style='color:gray'>Drag one onto "
                "the week, or right-click it: Schedule…</span>"
            )
        else:
            self.title.setText(
                "<b>To schedule</b><br><span style='color:gray'>Every open task has its time "
                "booked.</span>"
            )

    def chosen_card(self) -> TaskCard | None:
        """The card picked in the list (for Tasks → Schedule… beside the week)."""
        return self.view.current_card() if self.view.selectionModel().hasSelection() else None

    def _menu_at(self, point: QPoint) -> None:
        card = self.view.card_at(point)
        if card is not None:
            self.view.menu_asked.emit(card, self.view.viewport().mapToGlobal(point))
