"""The Work page: enquiries in lanes (New, Quoted, Won, and Lost and not quoted when
asked), with marketing spend and the month's takings beside them.

A card is moved by dragging it to another lane or from its menu (right-click, the Menu
key or Shift+F10); Enter opens it. The page only shows and asks: `LeadActions` asks for
the amount or reason and makes the edit, and the page reads again after every change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from tradesman.domain.leads import Lead, LostReason
from tradesman.domain.money import format_money
from tradesman.domain.weeks import format_day
from tradesman.domain.work_lanes import (
    LANE_TITLES,
    LOST_WORDS,
    NOT_QUOTED_WORDS,
    Lane,
    LeadCard,
    age_words,
)
from tradesman.ui.shared.literal import for_menu
from tradesman.ui.shared.palette import readable_on

LEAD_MIME = "application/x-tradesman-lead"
CardRole = Qt.ItemDataRole.UserRole + 1
STALE_COLOUR = "#c0392b"


@dataclass(frozen=True)
class WorkScreen:
    """What the page shows, read at once."""

    lanes: dict[Lane, list[LeadCard]]
    today: date
    spend_lines: list[str]  # "3 Dec · GBP 120 · Flyers or postcards · 200 postcards"
    takings_lines: list[str]  # "November 2026 · GBP 14,200"
    currency: str
    decimal_mark: str


EMPTY_HINTS = {
    Lane.NEW: "No new enquiries. When the phone rings, press Ctrl+L.",
    Lane.QUOTED: "No quotes waiting for an answer.",
    Lane.WON: "No jobs won in the last 13 weeks yet.",
    Lane.CLOSED: "Nothing lost or passed on lately.",
}


def _day(day: date, today: date) -> str:
    return format_day(day, with_year=day.year != today.year)


def card_text(card: LeadCard, currency: str, mark: str, today: date) -> str:
    lead = card.lead
    first = lead.who + (f" – {lead.what}" if lead.what else "")
    facts = [card.source_name, age_words(card.age_days)]
    if card.amount is not None:
        facts.append(format_money(card.amount, currency, mark))
    lines = [first, " · ".join(facts)]
    if card.stale:
        lines.append(f"No answer for {card.age_days} days: chase it, or mark it lost")
    follow_up = card.next_follow_up
    if follow_up is not None and follow_up < today:
        lines.append(f"Follow-up overdue since {_day(follow_up, today)}")
    elif follow_up is not None:
        lines.append(f"Next: follow up {_day(follow_up, today)}")
    if card.outcome:
        lines.append(card.outcome)
    return "\n".join(lines)


class _CardSizes(QStyledItemDelegate):
    """Each card as tall as its words wrapped to the lane's width.

    Qt keeps a card on as few lines as its words take unwrapped when they are a few
    pixels narrower than the lane, then draws them a little narrower still (inside the
    text's margins), where they no longer fit: the last line was cut to "…" (a won
    job's amount). Measured here at the width they are drawn at, they always fit."""

    def __init__(self, lane: QListWidget) -> None:
        super().__init__(lane)
        self.lane = lane

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        lane = self.lane
        width = lane.viewport().width() - 2 * lane.spacing()
        margin = lane.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, lane) + 1
        wrapped = option.fontMetrics.boundingRect(
            QRect(0, 0, max(1, width - 2 * margin), 1_000_000),
            int(Qt.TextFlag.TextWordWrap),
            str(index.data() or ""),
        )
        natural = super().sizeHint(option, index)
        return QSize(width, max(natural.height(), wrapped.height()))


class LeadLane(QListWidget):
    """One lane of cards: dragged out to another lane, dropped on from one."""

    dropped = Signal(int, str)  # lead id, this lane
    menu_asked = Signal(object, QPoint)  # the card, where (global)
    open_asked = Signal(object)  # the card

    def __init__(self, lane: Lane) -> None:
        super().__init__()
        self.lane = lane
        self.setObjectName(f"lane_{lane.value}")
        self.setWordWrap(True)
        self.setItemDelegate(_CardSizes(self))
        self.setResizeMode(QListView.ResizeMode.Adjust)  # (measured again when it narrows)
        self.setSpacing(3)
        self.setAlternatingRowColors(True)  # one card from the next, in any theme
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu_at)
        self.itemActivated.connect(lambda item: self.open_asked.emit(item.data(CardRole)))

    def show_cards(self, cards: list[LeadCard], currency: str, mark: str, today: date) -> None:
        chosen = self.current_card()
        self.clear()
        if not cards:
            hint = QListWidgetItem(EMPTY_HINTS[self.lane])
            hint.setFlags(Qt.ItemFlag.NoItemFlags)  # words, not a card: nothing to choose
            self.addItem(hint)
        stale = self._stale_colour()
        for card in cards:
            item = QListWidgetItem(card_text(card, currency, mark, today))
            item.setData(CardRole, card)
            if card.stale:
                item.setForeground(QBrush(stale))
            self.addItem(item)
            if chosen is not None and card.lead.id == chosen.lead.id:
                self.setCurrentItem(item)

    def _stale_colour(self) -> QColor:
        """The red of an old quote, lightened on a dark theme until it reads on the
        cards (both their shades)."""
        palette = self.palette()
        grounds = (palette.color(QPalette.ColorRole.Base),
                   palette.color(QPalette.ColorRole.AlternateBase))  # fmt: skip
        return readable_on(QColor(STALE_COLOUR), grounds, palette.color(QPalette.ColorRole.Text))

    def current_card(self) -> LeadCard | None:
        item = self.currentItem()
        card: LeadCard | None = None if item is None else item.data(CardRole)
        return card

    def cards(self) -> list[LeadCard]:
        found = (self.item(row).data(CardRole) for row in range(self.count()))
        return [card for card in found if card is not None]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        mime = QMimeData()
        if items:
            card: LeadCard = items[0].data(CardRole)
            mime.setData(LEAD_MIME, str(card.lead.id).encode())
        return mime

    def mimeTypes(self) -> list[str]:
        return [LEAD_MIME]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(LEAD_MIME) and event.source() is not self:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(LEAD_MIME) and event.source() is not self:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        data = bytes(event.mimeData().data(LEAD_MIME).data()).decode()
        event.setDropAction(Qt.DropAction.IgnoreAction)  # the edit moves it, on reading
        event.accept()
        if data.isdigit():
            self.dropped.emit(int(data), self.lane.value)

    def _menu_at(self, point: QPoint) -> None:
        item = self.itemAt(point)
        if item is not None:
            self.setCurrentItem(item)
            self.menu_asked.emit(item.data(CardRole), self.viewport().mapToGlobal(point))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        menu_key = event.key() == Qt.Key.Key_Menu or (
            event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        )
        card = self.current_card()
        if menu_key and card is not None:
            rect = self.visualItemRect(self.currentItem())
            self.menu_asked.emit(card, self.viewport().mapToGlobal(rect.center()))
            return
        super().keyPressEvent(event)


class WorkPage(QWidget):
    new_requested = Signal()
    move_requested = Signal(object, str)  # the lead, the lane it goes to ("quoted", "won")
    lost_requested = Signal(object, str)  # the lead, a LostReason
    not_quoted_requested = Signal(object, str)  # the lead, a NotQuotedReason
    open_requested = Signal(object)  # the lead
    spend_requested = Signal()
    takings_requested = Signal()

    def __init__(self, read: Callable[[], WorkScreen], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._read = read
        self._leads: dict[int, Lead] = {}
        self.lanes = {lane: LeadLane(lane) for lane in Lane}
        self.titles: dict[Lane, QLabel] = {}
        bar = QHBoxLayout()
        self.new_button = QPushButton("New enquiry…")
        self.new_button.setToolTip("Log a new enquiry (Ctrl+L)")
        self.new_button.clicked.connect(self.new_requested)
        self.show_closed = QCheckBox("Show &lost and not quoted")
        self.show_closed.toggled.connect(self._show_closed)
        bar.addWidget(self.new_button)
        bar.addStretch(1)
        bar.addWidget(self.show_closed)
        row = QHBoxLayout()
        for lane, view in self.lanes.items():
            column = QVBoxLayout()
            title = QLabel()
            title.setTextFormat(Qt.TextFormat.PlainText)
            self.titles[lane] = title
            column.addWidget(title)
            column.addWidget(view, 1)
            holder = QWidget()
            holder.setLayout(column)
            holder.setObjectName(f"holder_{lane.value}")
            row.addWidget(holder, 1)
            view.dropped.connect(self._dropped)
            view.menu_asked.connect(self._card_menu)
            view.open_asked.connect(lambda card: self.open_requested.emit(card.lead))
        self.money = _MoneyColumn()
        self.money.spend_button.clicked.connect(self.spend_requested)
        self.money.takings_button.clicked.connect(self.takings_requested)
        row.addWidget(self.money)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(row, 1)
        self._show_closed(False)

    def reload(self) -> None:
        screen = self._read()
        self._leads = {
            card.lead.id: card.lead
            for cards in screen.lanes.values()
            for card in cards
            if card.lead.id is not None
        }
        for lane, cards in screen.lanes.items():
            self.lanes[lane].show_cards(cards, screen.currency, screen.decimal_mark, screen.today)
            self.titles[lane].setText(f"{LANE_TITLES[lane]} · {len(cards)}")
        self.money.show_lines(screen.spend_lines, screen.takings_lines)

    def _show_closed(self, on: bool) -> None:
        holder = self.findChild(QWidget, f"holder_{Lane.CLOSED.value}")
        if holder is not None:
            holder.setVisible(on)

    def _dropped(self, lead_id: int, lane: str) -> None:
        lead = self._leads.get(lead_id)
        if lead is not None:
            self.move_requested.emit(lead, lane)

    def _card_menu(self, card: LeadCard, where: QPoint) -> None:
        menu = self.card_menu(card)
        menu.aboutToHide.connect(menu.deleteLater)  # (a chosen entry still runs first)
        menu.popup(where)  # (not exec: nothing waits on it, and the keys reach it)

    def card_menu(self, card: LeadCard) -> QMenu:
        """What can be done with a card, by where it is (the tests read this menu)."""
        lead = card.lead
        menu = QMenu(self)
        menu.addAction(f"Open {for_menu(lead.who)}…", lambda: self.open_requested.emit(lead))
        menu.addSeparator()
        if card.lane is Lane.NEW:
            menu.addAction("&Quoted…", lambda: self.move_requested.emit(lead, Lane.QUOTED.value))
            not_quoting = menu.addMenu("&Not quoting")
            for not_quoted, words in NOT_QUOTED_WORDS.items():
                not_quoting.addAction(
                    words, partial(self.not_quoted_requested.emit, lead, not_quoted.value)
                )
        if card.lane in (Lane.NEW, Lane.QUOTED):
            menu.addAction("&Won…", lambda: self.move_requested.emit(lead, Lane.WON.value))
        if card.lane is Lane.QUOTED:
            if card.stale:
                menu.addAction(
                    "Mark lost (no reply)",
                    lambda: self.lost_requested.emit(lead, LostReason.NO_REPLY.value),
                )
            lost = menu.addMenu("&Lost")
            for reason, words in LOST_WORDS.items():
                lost.addAction(words, partial(self.lost_requested.emit, lead, reason.value))
        return menu


class _MoneyColumn(QWidget):
    """Marketing spend and the month's takings: a short list of each, and a button."""

    def __init__(self) -> None:
        super().__init__()
        self.spend_list = QListWidget()
        self.takings_list = QListWidget()
        for view in (self.spend_list, self.takings_list):
            view.setWordWrap(True)  # a long source or note wraps, never scrolls sideways
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.spend_button = QPushButton("Add spend…")
        self.takings_button = QPushButton("Add takings…")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for title, view, button in (
            ("Marketing spend", self.spend_list, self.spend_button),
            ("Takings by month", self.takings_list, self.takings_button),
        ):
            label = QLabel(title)
            layout.addWidget(label)
            layout.addWidget(view, 1)
            layout.addWidget(button)
        self.setMaximumWidth(260)

    def show_lines(self, spend: list[str], takings: list[str]) -> None:
        for view, lines, empty in (
            (self.spend_list, spend, "No spend yet"),
            (self.takings_list, takings, "No takings yet"),
        ):
            view.clear()
            view.addItems(lines or [empty])
