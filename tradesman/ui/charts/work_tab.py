"""The Charts page's "Work coming in" tab (issue 15): which engine holds the business back
now, with its reason and next step; the strip of the last 26 weeks' verdicts; the chart
of enquiries and jobs won week by week; and the table of sources.

The tab only shows: it asks `read` for plain data (services/engines.py) each time it is
shown or the data changes, for the weeks chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSettings, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from tradesman.domain import engine_words as words
from tradesman.domain.areas import Area
from tradesman.domain.engine_numbers import PERIODS
from tradesman.domain.engine_verdict import (
    ENGINE_WORDS,
    Engine,
    EngineReport,
    Verdict,
    verdict_notes,
)
from tradesman.domain.engine_weeks import EngineWeek
from tradesman.domain.money import decimal_mark_for_locale, format_money
from tradesman.domain.weeks import Week, format_day
from tradesman.services.engines import work_charts
from tradesman.ui.charts.chart_work import WorkChart
from tradesman.ui.shared.literal import for_rich_text, tooltip
from tradesman.ui.shared.palette import area_colour, text_on
from tradesman.ui.week.split_panel import links_by_mouse_and_keys

if TYPE_CHECKING:
    from tradesman.ui.shared.operations import Operations

PERIOD_KEY = "charts/work_weeks"


@dataclass(frozen=True)
class WorkScreen:
    report: EngineReport
    weeks: Sequence[EngineWeek]
    money: Callable[[int], str]  # an amount with its currency, as the locale writes it
    currency: str


# Each engine's colour in the strip, and the letter printed on it (colour is not all).
ENGINE_LOOK: dict[Engine, tuple[QColor, str]] = {
    Engine.MARKETING: (area_colour(Area.MARKETING), "M"),
    Engine.SALES: (area_colour(Area.SALES), "S"),
    Engine.PRODUCTION: (area_colour(Area.PRODUCTION), "P"),
    Engine.NOTHING_STUCK: (QColor("#9e9e9e"), "–"),
    Engine.NOT_ENOUGH_DATA: (QColor("#d0d0d0"), "?"),
}


TABLE_LEAST_ROWS = 4  # sources the table shows without scrolling, however short


class EngineStrip(QWidget):
    """A square a week, oldest first, coloured and lettered by the engine shown then.
    One week is chosen (the latest, to begin with): click it, or with the strip in focus
    move with ←/→, Home and End; `chosen` then says that week's verdict and reason."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks: Sequence[tuple[Week, Verdict]] = ()
        self.current = -1
        self.setMouseTracking(True)
        self.setMinimumHeight(26)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("The stuck engine, week by week")

    def show_strip(self, weeks: Sequence[tuple[Week, Verdict]]) -> None:
        self.weeks = weeks
        self.setToolTip("" if weeks else "No weeks to show yet.")
        self.choose(len(weeks) - 1)

    def choose(self, index: int) -> None:
        self.current = max(-1, min(index, len(self.weeks) - 1))
        text = self.week_text(self.current, with_reason=True) if self.current >= 0 else ""
        self.setAccessibleDescription(text)
        self.chosen.emit(text)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(26 * 22, 26)

    def _cell(self, index: int) -> QRectF:
        width = self.width() / max(1, len(self.weeks))
        return QRectF(index * width + 1, 1, max(2.0, width - 2), self.height() - 2)

    def _index_at(self, event: QMouseEvent) -> int | None:
        for index in range(len(self.weeks)):
            if self._cell(index).contains(event.position()):
                return index
        return None

    def week_text(self, index: int, with_reason: bool = False) -> str:
        week, verdict = self.weeks[index]
        said = f"Week of {format_day(week.start)}: {ENGINE_WORDS[verdict.engine]}"
        return f"{said}. {verdict.reason}" if with_reason else said

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            metrics = QFontMetricsF(painter.font())
            for index, (_, verdict) in enumerate(self.weeks):
                colour, letter = ENGINE_LOOK[verdict.engine]
                cell = self._cell(index)
                painter.setPen(QPen(colour.darker(120), 1))
                painter.setBrush(colour)
                painter.drawRoundedRect(cell, 3, 3)
                if cell.width() > metrics.horizontalAdvance(letter) + 2:
                    painter.setPen(text_on(colour))
                    painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, letter)
            if 0 <= self.current < len(self.weeks):
                # The chosen week: a ring in the text colour, thicker with the focus.
                ring = self.palette().color(QPalette.ColorRole.WindowText)
                painter.setPen(QPen(ring, 2.5 if self.hasFocus() else 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(self._cell(self.current).adjusted(-1, -1, 1, 1), 4, 4)
        finally:
            painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self._index_at(event)
        if index is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), self.week_text(index), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self._index_at(event)
        if index is not None:
            self.choose(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Left: self.current - 1,
            Qt.Key.Key_Right: self.current + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: len(self.weeks) - 1,
        }
        target = moves.get(Qt.Key(event.key()))
        if target is None or not self.weeks:
            super().keyPressEvent(event)
            return
        self.choose(max(0, target))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()


class WorkTab(QWidget):
    plan_asked = Signal()  # production is stuck: the hand-off list, on the Plan page

    def __init__(
        self, read: Callable[[int], WorkScreen], state: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._read, self._state = read, state
        self.weeks_choice = QComboBox()
        for count in PERIODS:
            self.weeks_choice.addItem(f"Last {count} weeks", count)
        chosen = _int(state.value(PERIOD_KEY, 13))
        self.weeks_choice.setCurrentIndex(PERIODS.index(chosen) if chosen in PERIODS else 1)
        self.weeks_choice.setToolTip("How many weeks the figures look back over")
        self.weeks_choice.currentIndexChanged.connect(self._weeks_chosen)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.verdict.linkActivated.connect(lambda _: self.plan_asked.emit())
        self.verdict.setTextInteractionFlags(links_by_mouse_and_keys())
        self.strip = EngineStrip()
        self.strip_note = QLabel(
            "Each square a week, oldest first: M marketing, S sales, P production stuck; "
            "– nothing stuck; ? too little to judge. A change shows once it holds two weeks."
        )
        self.strip_note.setWordWrap(True)
        self.strip_week = QLabel()  # the week chosen in the strip: its verdict and reason
        self.strip_week.setWordWrap(True)
        self.strip_week.setTextFormat(Qt.TextFormat.PlainText)
        self.strip.chosen.connect(self.strip_week.setText)
        self.sentences = QLabel()
        self.sentences.setWordWrap(True)
        self.sentences.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = WorkChart()
        self.table = QTableWidget(0, len(words.SOURCE_HEADINGS))
        self.table.setHorizontalHeaderLabels(words.SOURCE_HEADINGS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # One line a source (a wrapped name was cut through by the row's height), and
        # room for a few of them however short the window: the tab scrolls instead.
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(
            header.sizeHint().height()
            + TABLE_LEAST_ROWS * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        self.attribution = QLabel(words.ATTRIBUTION)

        top = QHBoxLayout()
        top.addWidget(_buddy("&Weeks:", self.weeks_choice))
        top.addWidget(self.weeks_choice)
        top.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.verdict)
        left.addWidget(self.strip)
        left.addWidget(self.strip_week)
        left.addWidget(self.strip_note)
        left.addWidget(self.sentences)
        left.addStretch(1)
        left_box = QWidget()
        left_box.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        upper = QHBoxLayout()
        upper.addWidget(left_box, 2)
        upper.addWidget(self.chart, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(upper, 3)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.attribution)
        self.shown: WorkScreen | None = None

    @property
    def weeks(self) -> int:
        return int(self.weeks_choice.currentData())

    def reload(self) -> None:
        self.show_screen(self._read(self.weeks))

    def _weeks_chosen(self) -> None:
        self._state.setValue(PERIOD_KEY, self.weeks)
        self.reload()

    def show_screen(self, screen: WorkScreen) -> None:
        self.shown = screen
        report, money = screen.report, screen.money
        verdict, figures = report.verdict, report.figures
        notes = "".join(f"<br><i>{for_rich_text(note)}</i>" for note in verdict_notes(report))
        self.verdict.setText(
            f"<span style='font-size:large'><b>{for_rich_text(ENGINE_WORDS[verdict.engine])}.</b>"
            f"</span> {for_rich_text(verdict.reason)}<br>Next: {for_rich_text(verdict.next_step)}"
            + (f" {HAND_OFF_LINK}" if verdict.engine is Engine.PRODUCTION else "")
            + notes
        )
        self.strip.show_strip(report.strip)
        # 26 question marks tell a new owner nothing: the strip shows once an engine is
        # named, now or in a week before.
        blank = all(
            shown.engine is Engine.NOT_ENOUGH_DATA
            for shown in (verdict, *(week_verdict for _, week_verdict in report.strip))
        )
        for part in (self.strip, self.strip_week, self.strip_note):
            part.setVisible(not blank)
        if not figures.flow.enquiries and not report.sources:
            self.sentences.setText(
                f"{words.period_words(figures)}: nothing logged yet.\n{HOW_TO_START}"
            )
        else:
            lines = (
                f"{words.period_words(figures)}:", words.flow_words(figures),
                words.word_of_mouth_words(figures), words.asks_words(figures),
                words.quotes_words(figures, money), words.money_words(figures, money),
                words.backlog_words(figures), words.needed_words(figures),
            )  # fmt: skip
            self.sentences.setText("\n".join(lines))
        self.chart.show_weeks(screen.weeks, money)
        rows = report.sources
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(
            [*words.SOURCE_HEADINGS[:3], *(f"{h} ({screen.currency})" if h in _MONEY else h
                                           for h in words.SOURCE_HEADINGS[3:])]
        )  # fmt: skip
        plain = _plain_money(screen)
        for row_number, row in enumerate(rows):
            for column, text in enumerate(words.source_cells(row, plain)):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                else:
                    item.setToolTip(tooltip(text))  # (a long name is cut short to its row)
                self.table.setItem(row_number, column, item)
        self.attribution.setText(
            words.ATTRIBUTION if rows else "No source has anything in these weeks yet."
        )


HAND_OFF_LINK = '<a href="#plan">Open the hand-off list</a>'
HOW_TO_START = (
    "Log each enquiry as it comes in (Ctrl+L), with where they heard of you; say which "
    "source a marketing block works for; mark blocks done. In a few weeks this tab shows "
    "what your marketing hours bring in, and which engine holds the business back."
)
_MONEY = frozenset({"Work won", "Spend", "Won per hour", "Cost per job"})


def read_work_screen(ops: Operations, weeks: int) -> WorkScreen:
    """The tab's data for the `weeks` weeks up to today, with amounts written as the
    owner's locale writes numbers."""
    locale_name = ops.data.locale_name
    data = ops.read(work_charts, ops.today(), locale_name, weeks)
    mark = decimal_mark_for_locale(locale_name)

    def money(minor: int) -> str:
        return format_money(minor, data.currency, mark)

    return WorkScreen(data.report, data.weeks, money, data.currency)


def _plain_money(screen: WorkScreen) -> Callable[[int], str]:
    """Amounts in the table without the currency: its headings say it once."""
    prefix = f"{screen.currency}\u00a0"

    def plain(minor: int) -> str:
        return screen.money(minor).removeprefix(prefix)

    return plain


def _buddy(text: str, field: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(field)
    return label


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 13
