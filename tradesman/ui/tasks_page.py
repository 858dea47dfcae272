"""The tasks page: one lane per area, cards grouped by status, a filter bar above.

Cards can be dragged to another group (status) or lane (area), or onto the week
calendar to book time for them. The page only shows and reports; `TaskActions` makes
the edits, and the page reloads on the data's `changed` signal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tradesman.area_colours import AREA_HEX
from tradesman.domain.areas import AREAS, Area
from tradesman.domain.tasks import Task, TaskCard
from tradesman.services.task_cards import Show, TaskFilter, filter_cards
from tradesman.services.templates import Template
from tradesman.ui.task_delegate import CardDelegate
from tradesman.ui.task_model import CardRole, TaskLaneModel

SHOW_CHOICES = ((Show.OPEN, "To do and doing"), (Show.DONE, "Done"), (Show.ALL, "All tasks"))


class TaskList(QListView):
    """A list of cards that can be dragged out (to other lanes, or the calendar)."""

    def __init__(self, model: TaskLaneModel, delegate: CardDelegate) -> None:
        super().__init__()
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


class TasksPage(QWidget):
    new_requested = Signal(object)  # Area
    edit_requested = Signal(object)  # Task
    menu_requested = Signal(object, QPoint)  # TaskCard, global position
    template_chosen = Signal(object)  # Template
    move_requested = Signal(int, object, object)  # task id, TaskStatus, Area

    def __init__(
        self,
        load: Callable[[], list[TaskCard]],
        templates: tuple[Template, ...],
        today: Callable[[], date],
        week_end: Callable[[], date],
    ) -> None:
        super().__init__()
        self._load = load  # every task; the page filters them itself, as the owner types
        self._cards: list[TaskCard] = []
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
            title = QLabel()
            self.models[area], self.lists[area], self.lane_titles[area] = model, view, title
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(view, 1)
            lanes.addLayout(column, 1)
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty_note)
        layout.addLayout(lanes, 1)

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
            for template in (t for t in templates if t.area is area):
                action = sub.addAction(template.title)
                action.setToolTip(template.notes)
                action.triggered.connect(lambda _=False, t=template: self.template_chosen.emit(t))
        return menu

    def current_filter(self) -> TaskFilter:
        return TaskFilter(
            show=Show(self.show_choice.currentData()),
            text=self.search.text(),
            due_by=self._week_end() if self.due_this_week.isChecked() else None,
        )

    def reload(self) -> None:
        """Read every task again (the data changed), then show those the filter picks."""
        self._cards = self._load()
        self.show_filtered()

    def show_filtered(self) -> None:
        self._typing.stop()
        chosen = self.current_filter()
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
