"""The questions of the Work page: a new enquiry (three fields, Enter saves), the
quote's amount, and the job's value when it is won. Each problem shows under its field,
and nothing is saved until every field checks out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from tradesman.domain import lead_checks
from tradesman.domain.leads import Lead, Source
from tradesman.domain.money import format_amount
from tradesman.domain.validation import InvalidInput
from tradesman.ui.shared.forms import FormDialog
from tradesman.ui.week.block_dialog import from_qdate, to_qdate


@dataclass(frozen=True)
class NewEnquiry:
    lead: Lead
    already_called: bool  # no "Call back" task then


@dataclass(frozen=True)
class Decision:
    """A quote's amount, or a won job's value, on a day (and, won, whether to book it)."""

    day: date
    amount: int
    book_the_job: bool = False


def _day_edit(day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    return edit


def find_source(text: str, sources: list[Source]) -> Source | None:
    """The source `text` names: its whole name, or else the one name it begins (any case)."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return None
    exact = [source for source in sources if source.name.casefold() == wanted]
    if exact:
        return exact[0]
    starting = [source for source in sources if source.name.casefold().startswith(wanted)]
    return starting[0] if len(starting) == 1 else None


class EnquiryDialog(FormDialog):
    """Says `chosen(NewEnquiry)` when saved."""

    def __init__(self, sources: list[Source], today: date, parent: QWidget | None = None) -> None:
        super().__init__("New enquiry", "who", parent)
        self._sources = [source for source in sources if not source.archived]
        self._today = today
        self.who = QLineEdit()
        self.who.setMaxLength(200)
        self.who.setPlaceholderText("Who, like “Mrs Patel”")
        self.what = QLineEdit()
        self.what.setMaxLength(200)
        self.what.setPlaceholderText("What for, like “kitchen worktops” (if you know)")
        self.source = QComboBox()
        self.source.setEditable(True)
        self.source.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for source in self._sources:
            self.source.addItem(source.name, source.id)
        self.source.setCurrentIndex(-1)
        line = self.source.lineEdit()
        assert line is not None
        line.setPlaceholderText("Start typing: Google, referral, Not sure…")
        completer = QCompleter([source.name for source in self._sources], self.source)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.source.setCompleter(completer)
        self.day = _day_edit(today)
        self.already_called = QCheckBox("Already called them back")
        form = QFormLayout()
        form.addRow("&Who", self.fields.wrap("who", self.who))
        form.addRow("W&hat", self.fields.wrap("what", self.what))
        form.addRow("Where they &heard of you", self.fields.wrap("source", self.source))
        form.addRow("&Day", self.fields.wrap("came_in", self.day))
        form.addRow("", self.already_called)
        self.lay_out(
            form,
            "A “Call back” task is made for tomorrow, unless you have called already.",
            width=460,
        )

    def checked(self) -> NewEnquiry:
        source = find_source(self.source.currentText(), self._sources)
        if source is None:
            raise InvalidInput("source", lead_checks.NO_SOURCE)
        lead = Lead(
            who=self.who.text(),
            what=self.what.text(),
            came_in=from_qdate(self.day.date()),
            source_id=source.id,
        )
        return NewEnquiry(
            lead_checks.check_lead(lead, self._today), self.already_called.isChecked()
        )


class DecisionDialog(FormDialog):
    """The quote (`won=False`) or the job won: an amount and a day. Says `chosen(Decision)`."""

    def __init__(
        self,
        lead: Lead,
        today: date,
        decimal_mark: str,
        won: bool,
        parent: QWidget | None = None,
    ) -> None:
        title = f"Won: {lead.who}" if won else f"Quote for {lead.who}"
        super().__init__(title, "amount", parent)
        self._lead, self._today, self._mark, self._won = lead, today, decimal_mark, won
        known = lead.quote if won else None
        self.amount = QLineEdit("" if known is None else format_amount(known, decimal_mark))
        self.amount.setPlaceholderText("like 3200 or 3200.50")
        self.day = _day_edit(today)
        self.book = QCheckBox("Book the job: a production task for this customer")
        self.book.setChecked(won)
        form = QFormLayout()
        form.addRow("&Job value" if won else "&Amount", self.fields.wrap("amount", self.amount))
        form.addRow("&Day", self.fields.wrap("day", self.day, also=("quoted_on", "decided_on")))
        if won:
            form.addRow("", self.book)
        self.lay_out(
            form,
            "Amounts are kept exactly as you type them."
            if not won
            else "The job's value is what the customer agreed to pay.",
            width=380,
        )

    def checked(self) -> Decision:
        amount = lead_checks.amount("amount", self.amount.text(), self._mark)
        day = from_qdate(self.day.date())
        lead = self._lead
        if self._won:  # (won without a quote: the value was the price agreed that day)
            quoted = lead if lead.quote is not None else lead.quoted(day, amount)
            step = quoted.won(day, amount)
        else:
            step = lead.quoted(day, amount)
        lead_checks.check_lead(step, self._today)  # the dates in order, nothing too far ahead
        return Decision(day, amount, self._won and self.book.isChecked())
