"""The tasks page: one lane per area, cards grouped by status, a filter bar above.

Cards can be dragged to another group (status) or lane (area), or onto the week
calendar to book time for them. The page only shows and reports; `TaskActions` makes
the edits, and the page reloads on the data's `changed` signal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tradesman.area_colours import AREA_HEX
from tradesman.domain.areas import AREAS, Area
from tradesman.domain.task_rules import TaskRule
from tradesman.domain.tasks import Task, TaskCard
from tradesman.domain.weeks import SHORT_DAY_NAMES, format_day
from tradesman.services.task_cards import Show, TaskFilter, filter_cards
from tradesman.ui.shared.literal import for_menu, tooltip
from tradesman.ui.tasks.task_delegate import CardDelegate
from tradesman.ui.tasks.task_list import TaskList, key_asks
from tradesman.ui.tasks.task_model import CardRole, TaskLaneModel

if TYPE_CHECKING:
    from tradesman.services.templates import Template

SHOW_CHOICES = ((Show.OPEN, "To do and doing"), (Show.DONE, "Done"), (Show.ALL, "All tasks"))


RuleRole = Qt.ItemDataRole.UserRole + 1


def rule_line(rule: TaskRule, today: date) -> str:
    """'Chase unpaid invoices · Every 2 weeks · next due Fri 18 Dec, in the list from 11 Dec'."""
    due = rule.pending
    parts = [rule.title, rule.describe()]
    if due is not None:
        with_year = due.year != today.year
        parts.append(f"next due {SHORT_DAY_NAMES[due.weekday()]} {format_day(due, with_year)}")
        appears = due - timedelta(days=rule.lead_days)
        if appears > today:
            parts[-1] += f", in the list from {format_day(appears, with_year)}"
    return " · ".join(parts)


class RuleList(QListWidget):
    """The repeating tasks, one a line: seen, changed and stopped before (and between)
    the tasks they make. Enter or F2 changes one, Delete stops it, the Menu key (or the
    right button) offers both."""

    edit_asked = Signal(object)  # TaskRule
    stop_asked = Signal(object)  # TaskRule
    menu_asked = Signal(object, QPoint)  # TaskRule, global position

    def __init__(self) -> None:
        super().__init__()
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu_at)
        self.itemActivated.connect(self._edit_item)

    def rule_at(self, row: int) -> TaskRule | None:
        item = self.item(row)
        rule: TaskRule | None = None if item is None else item.data(RuleRole)
        return rule

    def _edit_item(self, item: QListWidgetItem) -> None:
        self.edit_asked.emit(item.data(RuleRole))

    def _menu_at(self, point: QPoint) -> None:
        item = self.itemAt(point)
        if item is not None:
            self.menu_asked.emit(item.data(RuleRole), self.viewport().mapToGlobal(point))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        rule, asked = self.rule_at(self.currentRow()), key_asks(event)
        if rule is not None and asked == "edit":
            self.edit_asked.emit(rule)
        elif rule is not None and asked == "delete":
            self.stop_asked.emit(rule)
        elif rule is not None and asked == "menu":
            rect = self.visualItemRect(self.currentItem())
            self.menu_asked.emit(rule, self.viewport().mapToGlobal(rect.center()))
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class TasksPage(QWidget):
    new_requested = Signal(object)  # Area
    edit_requested = Signal(object)  # Task
    delete_requested = Signal(object)  # Task (the Delete key on a card)
    menu_requested = Signal(object, QPoint)  # TaskCard, global position
    template_chosen = Signal(object)  # Template
    rule_edit_requested = Signal(object)  # TaskRule
    rule_stop_requested = Signal(object)  # TaskRule
    rule_menu_requested = Signal(object, QPoint)  # TaskRule, global position
    move_requested = Signal(int, object, object)  # task id, TaskStatus, Area

    def __init__(
        self,
        load: Callable[[bool], list[TaskCard]],
        templates: tuple[Template, ...],
        today: Callable[[], date],
        week_end: Callable[[], date],
    ) -> None:
        super().__init__()
        # The open tasks, or (True) every task: the page filters them itself, as the
        # owner types. Done tasks are read only while the page shows them: they are
        # most of the tasks after a few years, and the page reads again after edits.
        self._load = load
        self._cards: list[TaskCard] = []
        self._with_done = False  # whether `_cards` holds the done tasks too
        self._chosen_view: TaskList | None = None
        self._today = today
        self._week_end = week_end
        self.show_choice = QComboBox()
        for show, text in SHOW_CHOICES:
            self.show_choice.addItem(text, show.value)
        self.due_this_week = QCheckBox("Due this &week")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search titles and notes")
        self.search.setClearButtonEnabled(True)
        self.library = QToolButton()
        self.library.setText("From the &library")
        self.library.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.library.setMenu(self._library_menu(templates))
        self.new_button = QPushButton("&New task")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Show"))
        bar.addWidget(self.show_choice)
        bar.addWidget(self.due_this_week)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.library)
        bar.addWidget(self.new_button)

        self.delegate = CardDelegate(today(), week_end(), self)
        self.models: dict[Area, TaskLaneModel] = {}
        self.lists: dict[Area, TaskList] = {}
        self.lane_titles: dict[Area, QLabel] = {}
        lanes = QHBoxLayout()
        lanes.setSpacing(8)
        for area in AREAS:
            model = TaskLaneModel(area)
            model.move_requested.connect(self.move_requested)
            view = TaskList(model, self.delegate)
            view.doubleClicked.connect(self._edit_index)
            view.customContextMenuRequested.connect(
                lambda point, view=view: self._menu_at(view, point)
            )
            view.edit_asked.connect(lambda card: self.edit_requested.emit(card.task))
            view.delete_asked.connect(lambda card: self.delete_requested.emit(card.task))
            view.menu_asked.connect(self.menu_requested)
            view.lane_step_asked.connect(lambda step, area=area: self._step_lane(area, step))
            view.selectionModel().currentChanged.connect(lambda *_, view=view: self._remember(view))
            title = QLabel()
            self.models[area], self.lists[area], self.lane_titles[area] = model, view, title
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(view, 1)
            lanes.addLayout(column, 1)
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        # Repeating tasks: a rule whose next task is weeks away would otherwise be nowhere.
        self.read_rules: Callable[[], list[TaskRule]] = list
        self._rules: list[TaskRule] = []
        self.repeating_title = QLabel()
        self.repeating = RuleList()
        self.repeating.edit_asked.connect(self.rule_edit_requested)
        self.repeating.stop_asked.connect(self.rule_stop_requested)
        self.repeating.menu_asked.connect(self.rule_menu_requested)
        self.repeating_box = QWidget()
        repeating = QVBoxLayout(self.repeating_box)
        repeating.setContentsMargins(0, 4, 0, 0)
        repeating.addWidget(self.repeating_title)
        repeating.addWidget(self.repeating)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty_note)
        layout.addLayout(lanes, 1)
        layout.addWidget(self.repeating_box)

        self.new_button.clicked.connect(lambda: self.new_requested.emit(Area.MARKETING))
        self.show_choice.currentIndexChanged.connect(self.show_filtered)
        self.due_this_week.toggled.connect(self.show_filtered)
        # Typing waits a moment before filtering, so a fast typist is not kept waiting.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(120)
        self._typing.timeout.connect(self.show_filtered)
        self.search.textChanged.connect(self._typing.start)

    def _library_menu(self, templates: tuple[Template, ...]) -> QMenu:
        menu = QMenu(self)
        for area in AREAS:
            sub = menu.addMenu(area.label)
            sub.setToolTipsVisible(True)
            for template in (t for t in templates if t.area is area):
                action = sub.addAction(for_menu(template.title))
                action.setToolTip(tooltip(template.notes))
                action.triggered.connect(lambda _=False, t=template: self.template_chosen.emit(t))
        return menu

    def current_filter(self) -> TaskFilter:
        return TaskFilter(
            show=Show(self.show_choice.currentData()),
            text=self.search.text(),
            due_by=self._week_end() if self.due_this_week.isChecked() else None,
        )

    def reload(self) -> None:
        """Read the tasks again (the data changed), then show those the filter picks."""
        self._with_done = self.current_filter().show is not Show.OPEN
        self._cards = self._load(self._with_done)
        self._rules = self.read_rules()
        self.show_filtered()

    def _show_rules(self, chosen: TaskFilter) -> None:
        words = chosen.text.casefold().split()
        rules = [
            rule
            for rule in self._rules
            if chosen.show is not Show.DONE
            and all(word in f"{rule.title}\n{rule.notes}".casefold() for word in words)
        ]
        row = self.repeating.currentRow()
        self.repeating.clear()
        today = self._today()
        for rule in rules:
            item = QListWidgetItem(rule_line(rule, today))  # (plain text: titles as typed)
            item.setData(RuleRole, rule)
            if rule.notes:
                item.setToolTip(tooltip(rule.notes))
            self.repeating.addItem(item)
        if rules and row >= 0:  # (kept where it was; none chosen until the owner does)
            self.repeating.setCurrentRow(min(row, len(rules) - 1))
        self.repeating_title.setText(f"<b>Repeating</b> · {len(rules)}")
        lines = max(1, min(len(rules), 4))
        self.repeating.setFixedHeight(
            self.repeating.sizeHintForRow(0) * lines + 2 * self.repeating.frameWidth() + 2
        )
        self.repeating_box.setVisible(bool(rules))

    def show_filtered(self) -> None:
        self._typing.stop()
        chosen = self.current_filter()
        if chosen.show is not Show.OPEN and not self._with_done:  # (done ones asked for)
            self._with_done = True
            self._cards = self._load(True)
        cards = filter_cards(self._cards, chosen)
        self.delegate.today, self.delegate.week_end = self._today(), self._week_end()
        show_done = chosen.show is not Show.OPEN
        for area in AREAS:
            mine = [card for card in cards if card.task.area is area]
            if chosen.show is Show.DONE:
                mine = [card for card in mine if not card.task.is_open]
            self.models[area].set_cards(mine, show_done)
            kind = "technician time" if not area.is_business else "business time"
            self.lane_titles[area].setText(
                f'<span style="color:{AREA_HEX[area]}">■</span> <b>{area.label}</b> · '
                f"{len(mine)} <span style='color:gray'>({kind})</span>"
            )
        self._show_rules(chosen)
        filtered = (
            bool(chosen.text.strip()) or chosen.due_by is not None or chosen.show is not Show.OPEN
        )
        if cards:
            self.empty_note.hide()
        elif filtered:
            self.empty_note.setText("No tasks match. Clear the search or show all tasks.")
            self.empty_note.show()
        else:
            self.empty_note.setText(
                "Nothing to do yet. Add a task with New task, or take a ready-made one from the "
                "library: a review request, a quote follow-up, the quarterly tax."
            )
            self.empty_note.show()

    def _edit_index(self, index: QModelIndex) -> None:
        card: TaskCard | None = index.data(CardRole)
        if card is not None:
            self.edit_requested.emit(card.task)

    def _menu_at(self, view: TaskList, point: QPoint) -> None:
        card = view.card_at(point)
        if card is not None:
            self.menu_requested.emit(card, view.viewport().mapToGlobal(point))

    def selected_task(self) -> Task | None:
        for view in self.lists.values():
            if view.hasFocus() and (card := view.current_card()) is not None:
                return card.task
        return None

    def _remember(self, view: TaskList) -> None:
        if view.current_card() is not None:
            self._chosen_view = view

    def chosen_card(self) -> TaskCard | None:
        """The card last chosen (clicked or moved to) on the page, while it is shown:
        what the Tasks menu's Schedule… books."""
        view = self._chosen_view
        card = view.current_card() if view is not None else None
        if view is None or card is None:
            return None
        return next((c for c in view.lane_model.cards() if c.task.id == card.task.id), None)

    def _step_lane(self, area: Area, step: int) -> None:
        """Left and right: to the nearest lane that has cards, near the same height."""
        here = self.lists[area]
        row = here.currentIndex().row()
        y = here.visualRect(here.currentIndex()).center().y() if row >= 0 else 0
        position = AREAS.index(area) + step
        while 0 <= position < len(AREAS):
            there = self.lists[AREAS[position]]
            if there.lane_model.cards():
                there.setFocus(Qt.FocusReason.OtherFocusReason)
                index = there.indexAt(QPoint(there.viewport().width() // 2, y))
                there.choose_row(index.row() if index.isValid() else len(there.lane_model.rows))
                return
            position += step
