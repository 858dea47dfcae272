"""The questions of the Work page: a new enquiry (three fields, Enter saves), the
quote's amount, and the job's value when it is won. Each problem shows under its field,
and nothing is saved until every field checks out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from tradesman.domain import lead_checks
from tradesman.domain.clock import parse_duration
from tradesman.domain.leads import (
    Lead,
    LeadSettings,
    Source,
    SourceKind,
    Spend,
    Takings,
    month_of,
    sources_named,
)
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
    estimate_minutes: int | None = None  # the booked job's, when known


def _day_edit(day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    return edit


def find_source(text: str, sources: list[Source]) -> Source | None:
    """The one source `text` names, or None (none, or more than one, match)."""
    found = sources_named(text, sources)
    return found[0] if len(found) == 1 else None


class EnquiryDialog(FormDialog):
    """Says `chosen(NewEnquiry)` when saved."""

    def __init__(
        self,
        sources: list[Source],
        today: date,
        parent: QWidget | None = None,
        lead: Lead | None = None,
    ) -> None:
        """A new enquiry, or `lead` opened to change it (then with who referred them
        and notes too)."""
        super().__init__("New enquiry" if lead is None else f"Enquiry: {lead.who}", "who", parent)
        self._sources = [
            s for s in sources if not s.archived or (lead is not None and s.id == lead.source_id)
        ]
        self._today, self._lead = today, lead
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
        self.referred_by = QLineEdit()
        self.referred_by.setMaxLength(100)
        self.notes = QLineEdit()
        form = QFormLayout()
        form.addRow("&Who", self.fields.wrap("who", self.who))
        form.addRow("W&hat", self.fields.wrap("what", self.what))
        form.addRow("Where they &heard of you", self.fields.wrap("source", self.source))
        form.addRow("&Day", self.fields.wrap("came_in", self.day))
        if lead is None:
            form.addRow("", self.already_called)
        else:
            form.addRow("&Referred by", self.fields.wrap("referred_by", self.referred_by))
            form.addRow("&Notes", self.fields.wrap("notes", self.notes))
            self._fill(lead)
        self.lay_out(
            form,
            "A “Call back” task is made for tomorrow, unless you have called already."
            if lead is None
            else "Its tasks (the call back, the follow-ups) keep their names and days: "
            "change those on the Tasks page.",
            width=460,
        )

    def _fill(self, lead: Lead) -> None:
        self.who.setText(lead.who)
        self.what.setText(lead.what)
        self.source.setCurrentIndex(self.source.findData(lead.source_id))
        self.day.setDate(to_qdate(lead.came_in))
        self.referred_by.setText(lead.referred_by)
        self.notes.setText(lead.notes)

    def checked(self) -> NewEnquiry:
        if not self.who.text().strip():  # (said first: it is the first field)
            raise InvalidInput("who", lead_checks.NO_WHO)
        source = find_source(self.source.currentText(), self._sources)
        if source is None:
            raise InvalidInput("source", lead_checks.NO_SOURCE)
        who, what, came_in = self.who.text(), self.what.text(), from_qdate(self.day.date())
        if self._lead is None:
            lead = Lead(who, came_in, source.id, what=what)
        else:
            lead = self._lead.with_changes(
                who=who, what=what, came_in=came_in, source_id=source.id,
                referred_by=self.referred_by.text(), notes=self.notes.text(),
            )  # fmt: skip
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
        self.estimate = QLineEdit()
        self.estimate.setPlaceholderText("the job's hours, like 16:00 (if you know)")
        self.book.toggled.connect(self.estimate.setEnabled)
        form = QFormLayout()
        form.addRow("&Job value" if won else "&Amount", self.fields.wrap("amount", self.amount))
        form.addRow("&Day", self.fields.wrap("day", self.day, also=("quoted_on", "decided_on")))
        if won:
            form.addRow("", self.book)
            form.addRow("&Estimate", self.fields.wrap("estimate_minutes", self.estimate))
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
        book = self._won and self.book.isChecked()
        text = self.estimate.text().strip()
        estimate = None
        if book and text:
            try:
                estimate = parse_duration(text)
            except ValueError as exc:
                raise InvalidInput("estimate_minutes", str(exc)) from None
        return Decision(day, amount, book, estimate)


class SpendDialog(FormDialog):
    """Money spent on marketing: says `chosen(Spend)` when saved."""

    def __init__(
        self, sources: list[Source], today: date, decimal_mark: str, parent: QWidget | None = None
    ) -> None:
        super().__init__("Marketing spend", "amount", parent)
        self._today, self._mark = today, decimal_mark
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("like 120 or 120.50")
        self.day = _day_edit(today)
        self.source = QComboBox()
        self.source.addItem("No one source", None)
        for source in sources:
            if not source.archived and source.kind is SourceKind.MARKETING:
                self.source.addItem(source.name, source.id)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.note.setPlaceholderText("what for, like “200 postcards”")
        form = QFormLayout()
        form.addRow("&Amount", self.fields.wrap("amount", self.amount))
        form.addRow("&Day", self.fields.wrap("day", self.day))
        form.addRow("&Works for", self.fields.wrap("source_id", self.source))
        form.addRow("&What for", self.fields.wrap("note", self.note))
        self.lay_out(form, "Flyers, adverts, a directory listing: money spent to be found.")

    def checked(self) -> Spend:
        amount = lead_checks.amount("amount", self.amount.text(), self._mark)
        spend = Spend(
            from_qdate(self.day.date()), amount, self.source.currentData(), self.note.text()
        )
        return lead_checks.check_spend(spend, self._today)


class TakingsDialog(FormDialog):
    """One month's takings from the books: says `chosen(Takings)` when saved."""

    def __init__(self, today: date, decimal_mark: str, parent: QWidget | None = None) -> None:
        super().__init__("Takings for a month", "amount", parent)
        self._today, self._mark = today, decimal_mark
        last_month = month_of(month_of(today) - timedelta(days=1))
        self.month = QDateEdit(to_qdate(last_month))
        self.month.setDisplayFormat("MMMM yyyy")
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("like 14200")
        form = QFormLayout()
        form.addRow("&Month", self.fields.wrap("month", self.month))
        form.addRow("&Takings", self.fields.wrap("amount", self.amount))
        self.lay_out(
            form,
            "What came in that month, from your books: the fairest base for marketing "
            "spend as a share of what the business takes.",
        )

    def checked(self) -> Takings:
        amount = lead_checks.amount("amount", self.amount.text(), self._mark)
        takings = Takings(month_of(from_qdate(self.month.date())), amount)
        return lead_checks.check_takings(takings, self._today)


class WorkSettingsDialog(FormDialog):
    """The currency amounts are written in, when a quote stands out as waiting too long,
    and the owner's hourly rate. Says `chosen(LeadSettings)` when saved."""

    def __init__(
        self, settings: LeadSettings, decimal_mark: str, parent: QWidget | None = None
    ) -> None:
        super().__init__("Money and quotes", "currency", parent)
        self._settings, self._mark = settings, decimal_mark
        self.currency = QLineEdit(settings.currency)
        self.currency.setMaxLength(12)
        self.stale_days = QSpinBox()
        self.stale_days.setRange(1, lead_checks.STALE_MOST)
        self.stale_days.setValue(settings.stale_quote_days)
        self.stale_days.setSuffix(" days")
        rate = settings.hourly_rate
        self.hourly_rate = QLineEdit("" if rate is None else format_amount(rate, decimal_mark))
        self.hourly_rate.setPlaceholderText("what an hour of your time is worth (if you know)")
        form = QFormLayout()
        form.addRow("&Currency", self.fields.wrap("currency", self.currency))
        form.addRow(
            "A quote stands out &after", self.fields.wrap("stale_quote_days", self.stale_days)
        )
        form.addRow("Your &hourly rate", self.fields.wrap("hourly_rate", self.hourly_rate))
        self.lay_out(
            form,
            "Changing the currency changes its name beside amounts; it converts nothing. "
            "The hourly rate counts your own marketing hours as a cost.",
        )

    def checked(self) -> LeadSettings:
        text = self.hourly_rate.text().strip()
        rate = lead_checks.amount("hourly_rate", text, self._mark) if text else None
        return lead_checks.check_lead_settings(
            self._settings.with_changes(
                currency=self.currency.text(),
                stale_quote_days=self.stale_days.value(),
                hourly_rate=rate,
            )
        )
