"""Review the week (Week → Review the week…, Ctrl+R): the Sunday-evening routine in one
dialog, in four steps — blocks not yet marked, new enquiries (Tab on the last row adds
a row), what became of the open ones, and the week's marketing spend.

Nothing is saved until Save on the last step, and then every answer at once, as one
undo step; a bad answer is named in a sentence and the dialog goes to its step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from tradesman.domain import lead_checks
from tradesman.domain.blocks import BlockStatus
from tradesman.domain.clock import format_clock
from tradesman.domain.leads import Lead, LeadState, LostReason, NotQuotedReason, Spend
from tradesman.domain.money import format_amount
from tradesman.domain.validation import InvalidInput
from tradesman.domain.week_review import WeekReview
from tradesman.domain.weeks import format_day
from tradesman.domain.work_lanes import LOST_WORDS, NOT_QUOTED_WORDS
from tradesman.services.week_review import ReviewQuestions
from tradesman.ui.shared.literal import plain_label
from tradesman.ui.shared.palette import warning_style
from tradesman.ui.work.lead_dialogs import find_source

STEPS = ("Blocks not yet marked", "New enquiries", "Open enquiries and quotes", "Spend")
MARKS = (("Leave as planned", None), ("Done", BlockStatus.DONE), ("Skipped", BlockStatus.SKIPPED))
WAITING, WON, QUOTED = "waiting", "won", "quoted"
T = TypeVar("T")


def _table(headings: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headings))
    table.setHorizontalHeaderLabels(list(headings))
    # The first column (the block, the enquiry, who) takes the room; the rest fit.
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headings)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().hide()
    table.setTabKeyNavigation(True)
    return table


class _GrowOnTab(QObject):
    """Tab in the last cell of a table of rows to fill adds a row and goes to it (a
    spreadsheet's way); Tab anywhere else moves on as usual."""

    def __init__(self, table: QTableWidget, add_row: Callable[[], None]) -> None:
        super().__init__(table)
        self._table, self._add_row = table, add_row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            return False  # (first: the table may be going, along with its cells)
        table = self._table
        if watched is table.cellWidget(table.rowCount() - 1, table.columnCount() - 1):
            self._add_row()
            first = table.cellWidget(table.rowCount() - 1, 0)
            if first is not None:
                first.setFocus()
            return True
        return False


class ReviewDialog(QDialog):
    chosen = Signal(object)  # the WeekReview, when saved

    def __init__(
        self,
        questions: ReviewQuestions,
        today: date,
        decimal_mark: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Review the week")
        self._questions, self._today, self._mark = questions, today, decimal_mark
        self._sources = [s for s in questions.sources if not s.archived]
        self.heading = QLabel()
        self.problem = QLabel()
        self.problem.setStyleSheet(warning_style(self.problem.palette()))
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.steps = QStackedWidget()
        self.blocks = self._blocks_step()
        self.new_leads = _table(("Who", "What", "Where they heard of you"))
        self._grow_leads = _GrowOnTab(self.new_leads, self.add_lead_row)
        self.add_lead_row()
        self.open_leads = self._open_step()
        self.spend = _table(("Amount", "Works for (a source, or empty)", "What for"))
        self._grow_spend = _GrowOnTab(self.spend, self.add_spend_row)
        self.add_spend_row()
        for page in (self.blocks, self.new_leads, self.open_leads, self.spend):
            self.steps.addWidget(page)
        self.back = QPushButton("&Back")
        self.next = QPushButton("&Next")
        self.save_button = QPushButton("&Save the review")
        cancel = QPushButton("Cancel")
        self.back.clicked.connect(lambda: self.go(self.steps.currentIndex() - 1))
        self.next.clicked.connect(lambda: self.go(self.steps.currentIndex() + 1))
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        for button in (self.back, self.next, self.save_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.resize(720, 460)
        self.go(0)

    # -- the steps ------------------------------------------------------------------
    def _blocks_step(self) -> QTableWidget:
        table = _table(("Block", "Day", "How it went"))
        for block in self._questions.unmarked:
            row = table.rowCount()
            table.insertRow(row)
            table.setCellWidget(row, 0, plain_label(block.title or "(untitled)"))
            when = f"{format_day(block.day, with_year=False)} {format_clock(block.start)}"
            table.setCellWidget(row, 1, plain_label(when))
            mark = QComboBox()
            for words, status in MARKS:  # (Qt keeps an enum as its text: decoded below)
                mark.addItem(words, None if status is None else status.value)
            table.setCellWidget(row, 2, mark)
        return table

    def _open_step(self) -> QTableWidget:
        table = _table(("Enquiry", "What became of it", "Amount"))
        for lead in self._questions.open_leads:
            row = table.rowCount()
            table.insertRow(row)
            table.setCellWidget(row, 0, plain_label(_lead_line(lead, self._mark)))
            choice = QComboBox()
            if lead.state is LeadState.QUOTED:
                choice.addItem("Still waiting", WAITING)
                choice.addItem("Won", WON)
                for reason, words in LOST_WORDS.items():
                    choice.addItem(f"Lost: {words}", f"lost:{reason.value}")
            else:
                choice.addItem("Not quoted yet", WAITING)
                choice.addItem("Quoted", QUOTED)
                for passed, words in NOT_QUOTED_WORDS.items():
                    choice.addItem(f"Not quoting: {words}", f"passed:{passed.value}")
            table.setCellWidget(row, 1, choice)
            known = "" if lead.quote is None else format_amount(lead.quote, self._mark)
            table.setCellWidget(row, 2, QLineEdit(known))
        return table

    def add_lead_row(self) -> None:
        self._add_row(self.new_leads, self._grow_leads)

    def add_spend_row(self) -> None:
        self._add_row(self.spend, self._grow_spend)

    @staticmethod
    def _add_row(table: QTableWidget, grow: _GrowOnTab) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column in range(table.columnCount()):
            edit = QLineEdit()
            edit.installEventFilter(grow)  # (it acts only on the last row's last cell)
            table.setCellWidget(row, column, edit)

    def go(self, step: int) -> None:
        step = max(0, min(step, len(STEPS) - 1))
        self.steps.setCurrentIndex(step)
        self.heading.setText(f"Step {step + 1} of {len(STEPS)}: {STEPS[step]}")
        self.back.setEnabled(step > 0)
        self.next.setVisible(step < len(STEPS) - 1)
        self.save_button.setDefault(step == len(STEPS) - 1)
        self.next.setDefault(step < len(STEPS) - 1)

    # -- the answers ----------------------------------------------------------------
    def cell(self, table: QTableWidget, row: int, column: int) -> str:
        widget = table.cellWidget(row, column)
        return widget.text().strip() if isinstance(widget, QLineEdit) else ""

    def review(self) -> WeekReview:
        """The answers, checked; InvalidInput names the first bad one (its field is the
        step it is on, as a number)."""
        marks = []
        for row, block in enumerate(self._questions.unmarked):
            status = _combo(self.blocks, row, 2).currentData()
            if block.id is not None and status is not None:
                marks.append((block.id, BlockStatus(status)))
        new_leads = []
        for row in range(self.new_leads.rowCount()):
            who, what = self.cell(self.new_leads, row, 0), self.cell(self.new_leads, row, 1)
            heard = self.cell(self.new_leads, row, 2)
            if not (who or what or heard):
                continue
            source = find_source(heard, self._sources)
            lead = Lead(who, self._today, source.id if source else None, what=what)
            new_leads.append(_step(1, partial(lead_checks.check_lead, lead, self._today)))
        quotes: list[tuple[int, int]] = []
        wins: list[tuple[int, int]] = []
        losses: list[tuple[int, LostReason]] = []
        passes: list[tuple[int, NotQuotedReason]] = []
        for row, lead in enumerate(self._questions.open_leads):
            answer = _combo(self.open_leads, row, 1).currentData()
            if lead.id is None or answer == WAITING:
                continue
            if answer in (WON, QUOTED):
                text = self.cell(self.open_leads, row, 2)
                amount = _step(2, partial(lead_checks.amount, "amount", text, self._mark))
                (wins if answer == WON else quotes).append((lead.id, amount))
            elif answer.startswith("lost:"):
                losses.append((lead.id, LostReason(answer.removeprefix("lost:"))))
            elif answer.startswith("passed:"):
                passes.append((lead.id, NotQuotedReason(answer.removeprefix("passed:"))))
        spend = []
        for row in range(self.spend.rowCount()):
            text, heard = self.cell(self.spend, row, 0), self.cell(self.spend, row, 1)
            note = self.cell(self.spend, row, 2)
            if not (text or heard or note):
                continue
            amount = _step(3, partial(lead_checks.amount, "amount", text, self._mark))
            source = find_source(heard, self._sources) if heard else None
            if heard and source is None:
                raise InvalidInput(
                    "3", f"No source is called “{heard}”; leave it empty or pick one."
                )
            spend.append(Spend(self._today, amount, source.id if source else None, note))
        return WeekReview(
            tuple(marks), tuple(new_leads), tuple(quotes), tuple(wins), tuple(losses),
            tuple(passes), tuple(spend),
        )  # fmt: skip

    def save(self) -> None:
        try:
            review = self.review()
        except InvalidInput as exc:
            self.problem.setText(exc.message)
            self.problem.show()
            if exc.field.isdigit():
                self.go(int(exc.field))
            return
        self.problem.hide()
        self.chosen.emit(review)
        self.accept()


def _combo(table: QTableWidget, row: int, column: int) -> QComboBox:
    widget = table.cellWidget(row, column)
    assert isinstance(widget, QComboBox)
    return widget


def _step(step: int, check: Callable[[], T]) -> T:
    """Run `check`; a refusal names the step it belongs to, so the dialog can go there."""
    try:
        return check()
    except InvalidInput as exc:
        raise InvalidInput(str(step), exc.message) from None


def _lead_line(lead: Lead, mark: str) -> str:
    what = f" – {lead.what}" if lead.what else ""
    if lead.state is LeadState.QUOTED and lead.quote is not None:
        return f"{lead.who}{what} (quoted {format_amount(lead.quote, mark)})"
    return f"{lead.who}{what} (came in {format_day(lead.came_in, with_year=False)})"
