"""What the Work page asks for, made into undoable edits: log an enquiry (asking first
about a likely duplicate), quote it, win it (and book the job), lose it or pass on it,
and keep the marketing spend and the month's takings.

Each question is a dialog opened without blocking (tests and the owner alike answer it
with keys); the edit is one undo step, and the page reads again on `changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import ParamSpec, TypeVar

from PySide6.QtWidgets import QDialog

from tradesman.domain.leads import (
    Lead,
    LeadSettings,
    LeadState,
    LostReason,
    NotQuotedReason,
    SourceKind,
    Spend,
    Takings,
)
from tradesman.domain.money import decimal_mark_for_locale, format_amount, format_money
from tradesman.domain.week_review import WeekReview
from tradesman.domain.weeks import Week, format_day, week_containing
from tradesman.domain.work_lanes import LOST_WORDS, NOT_QUOTED_WORDS, Lane, lead_cards
from tradesman.services import leads as lead_edits
from tradesman.services import sources as source_edits
from tradesman.services import spend as spend_edits
from tradesman.services.data import Edit
from tradesman.services.lead_settings import load_lead_settings
from tradesman.services.source_list import all_sources
from tradesman.services.sources import sources_with_counts
from tradesman.services.week_review import review_questions, save_review
from tradesman.services.work_reads import win_and_book, work_lists
from tradesman.ui.shared import prompts
from tradesman.ui.shared.commands import EditActions, SaveCommand, push_edit
from tradesman.ui.work.lead_dialogs import (
    Decision,
    DecisionDialog,
    EnquiryDialog,
    NewEnquiry,
    SpendDialog,
    TakingsDialog,
    WorkSettingsDialog,
)
from tradesman.ui.work.review_dialog import ReviewDialog
from tradesman.ui.work.sources_dialog import SourcesDialog
from tradesman.ui.work.work_page import WorkPage, WorkScreen

_Dialog = TypeVar("_Dialog", bound=QDialog)


P = ParamSpec("P")


class LeadActions(EditActions):
    dialog: QDialog | None = None  # the question open now (for the tests)
    # Set by the window: print a week (offered when the review is saved).
    print_week: Callable[[Week], object] | None = None

    @property
    def decimal_mark(self) -> str:
        return decimal_mark_for_locale(self.ops.data.locale_name)

    def read_screen(self) -> WorkScreen:
        today = self.ops.today()
        lists = self.ops.read(work_lists, today, self.ops.data.locale_name)
        settings, mark = lists.settings, self.decimal_mark
        lanes = lead_cards(
            lists.leads, lists.sources, today, settings.stale_quote_days, lists.follow_ups
        )
        names = {key: source.name for key, source in lists.sources.items()}

        def money(minor: int) -> str:
            return format_money(minor, settings.currency, mark)

        spend = [
            " · ".join(
                part
                for part in (
                    format_day(item.day, with_year=False),
                    money(item.amount),
                    names.get(item.source_id or 0, ""),
                    item.note,
                )
                if part
            )
            for item in lists.spend
        ]
        takings = [f"{item.month:%B %Y} · {money(item.amount)}" for item in lists.takings]
        return WorkScreen(lanes, today, spend, takings, settings.currency, mark)

    def serve(self, page: WorkPage) -> None:
        page.new_requested.connect(self.new_enquiry)
        page.open_requested.connect(self.open_enquiry)
        page.move_requested.connect(self.move)
        page.lost_requested.connect(lambda lead, reason: self.lose(lead, LostReason(reason)))
        page.not_quoted_requested.connect(
            lambda lead, reason: self.pass_on(lead, NotQuotedReason(reason))
        )
        page.spend_requested.connect(self.add_spend)
        page.takings_requested.connect(self.add_takings)

    def _open(self, dialog: _Dialog) -> _Dialog:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- enquiries ------------------------------------------------------------------
    def new_enquiry(self) -> EnquiryDialog:
        """Ctrl+L: who, where they heard of you, and the day (today)."""
        dialog = EnquiryDialog(self.ops.read(all_sources), self.ops.today(), self.window)
        dialog.agrees = lambda new: self._not_logged_already(dialog, new)
        dialog.chosen.connect(self._log)
        return self._open(dialog)

    def _not_logged_already(self, dialog: EnquiryDialog, new: NewEnquiry) -> bool:
        """Whether to log it, if the same person enquired lately (asked over the
        dialog: No goes back to it, with all that was typed)."""
        lead = new.lead
        earlier = self.ops.read(lead_edits.likely_duplicates, lead.who, lead.came_in)
        return not earlier or prompts.confirm(
            dialog,
            "The same enquiry again?",
            f"{earlier[0].who} already enquired on "
            f"{format_day(earlier[0].came_in)}. Log this one as well?",
            "Log it as well",
        )

    def _log(self, new: NewEnquiry) -> None:
        lead = new.lead
        self.push(
            f"Log the enquiry from {lead.who}",
            lead_edits.add_enquiry, lead, self.ops.today(), called=new.already_called,
        )  # fmt: skip

    def open_enquiry(self, lead: Lead) -> EnquiryDialog:
        dialog = EnquiryDialog(self.ops.read(all_sources), self.ops.today(), self.window, lead)
        dialog.chosen.connect(lambda new: self._changed(lead, new))
        return self._open(dialog)

    def _changed(self, lead: Lead, new: NewEnquiry) -> None:
        text = f"Change the enquiry from {lead.who}"
        self.push(text, lead_edits.change_enquiry, new.lead, self.ops.today())

    def move(self, lead: Lead, lane: str) -> None:
        """A card dragged (or sent from its menu) to another lane: ask what that takes."""
        if lead.id is None:
            return
        if lane == Lane.QUOTED.value and lead.state is LeadState.NEW:
            self._ask_amount(lead, won=False)
        elif lane == Lane.WON.value and lead.is_open:
            self._ask_amount(lead, won=True)
        elif lane == Lane.CLOSED.value and lead.is_open:
            self._ask_reason(lead)
        elif lane != Lane.NEW.value or lead.state is not LeadState.NEW:
            self.report("Use Edit → Undo to take back a decision.")

    def _ask_amount(self, lead: Lead, won: bool) -> DecisionDialog:
        dialog = DecisionDialog(lead, self.ops.today(), self.decimal_mark, won, self.window)
        dialog.chosen.connect(lambda decision: self._decided(lead, won, decision))
        return self._open(dialog)

    def _decided(self, lead: Lead, won: bool, decision: Decision) -> None:
        assert lead.id is not None
        today = self.ops.today()
        if won:
            self.push(
                f"Won the job for {lead.who}",
                win_and_book, lead.id, decision.day, decision.amount, today,
                decision.book_the_job, decision.estimate_minutes,
            )  # fmt: skip
        else:
            self.push(
                f"Quote {lead.who}",
                lead_edits.quote_enquiry, lead.id, decision.day, decision.amount, today,
            )  # fmt: skip

    def _ask_reason(self, lead: Lead) -> None:
        """Lost (a quoted enquiry) or not quoted (a new one), and why, in one click."""
        if lead.state is LeadState.QUOTED:
            lost = prompts.choose_reason(
                self.window, "Lost", f"Why was the job for {lead.who} lost?",
                tuple((reason.value, words) for reason, words in LOST_WORDS.items()),
            )  # fmt: skip
            if lost is not None:
                self.lose(lead, LostReason(lost))
            return
        passed = prompts.choose_reason(
            self.window, "Not quoting", f"Why not quote {lead.who}?",
            tuple((reason.value, words) for reason, words in NOT_QUOTED_WORDS.items()),
        )  # fmt: skip
        if passed is not None:
            self.pass_on(lead, NotQuotedReason(passed))

    def lose(self, lead: Lead, reason: LostReason, day: date | None = None) -> None:
        assert lead.id is not None
        today = self.ops.today()
        self.push(
            f"Lost the job for {lead.who}",
            lead_edits.lose_enquiry, lead.id, day or today, reason, today,
        )  # fmt: skip

    def pass_on(self, lead: Lead, reason: NotQuotedReason) -> None:
        assert lead.id is not None
        today = self.ops.today()
        self.push(f"Not quoting {lead.who}", lead_edits.not_quoting, lead.id, today, reason, today)

    def work_settings(self) -> WorkSettingsDialog:
        """Work → Money and quotes…: the currency, stale quotes, the hourly rate."""
        before = self.ops.lead_settings()
        dialog = WorkSettingsDialog(before, self.decimal_mark, self.window)

        def save(after: LeadSettings) -> None:
            if after != before:
                text = "Change money and quotes"
                save = self.ops.save_lead_settings
                self.stack.push(SaveCommand(text, save, before, after, self.report))

        dialog.chosen.connect(save)
        return self._open(dialog)

    # -- sources --------------------------------------------------------------------
    def manage_sources(self) -> SourcesDialog:
        """Work → Sources…: add, rename, archive and merge where work comes from."""
        dialog = SourcesDialog(lambda: self.ops.read(sources_with_counts), self.window)

        def edit(text: str, fn: Edit[P], /, *args: P.args, **kwargs: P.kwargs) -> None:
            dialog.say("")
            if push_edit(self.stack, self.ops, dialog.say, text, fn, *args, **kwargs):
                dialog.reload()

        def add() -> None:
            name, kind = dialog.name.text(), SourceKind(dialog.kind.currentData())
            edit(f"Add the source {name}", source_edits.add_source, name, kind)
            if not dialog.problem.text():
                dialog.name.clear()

        def rename() -> None:
            count = dialog.chosen()
            if count is None or count.source.id is None:
                return
            name = prompts.ask_name(dialog, "Rename the source", "New name:", count.source.name)
            if name is not None:
                text = f"Rename {count.source.name}"
                edit(text, source_edits.rename_source, count.source.id, name)

        def archive() -> None:
            count = dialog.chosen()
            if count is not None and count.source.id is not None:
                back = count.source.archived
                text = f"{'Bring back' if back else 'Archive'} {count.source.name}"
                edit(text, source_edits.archive_source, count.source.id, not back)

        def merge() -> None:
            count = dialog.chosen()
            if count is None or count.source.id is None:
                return
            others = [c.source for c in self.ops.read(sources_with_counts)]
            others = [s for s in others if s.id != count.source.id and not s.archived]
            name = prompts.choose_one(
                dialog, "Merge the source", "Move everything to:", [s.name for s in others]
            )
            kept = next((s for s in others if s.name == name), None)
            if kept is not None and kept.id is not None:
                text = f"Merge {count.source.name} into {kept.name}"
                edit(text, source_edits.merge_sources, count.source.id, kept.id)

        dialog.add_button.clicked.connect(add)
        dialog.rename_button.clicked.connect(rename)
        dialog.archive_button.clicked.connect(archive)
        dialog.merge_button.clicked.connect(merge)
        return self._open(dialog)

    # -- the review of the week -----------------------------------------------------
    def review_week(self) -> ReviewDialog:
        """Ctrl+R: this week's unmarked blocks, new enquiries, open ones, and spend."""
        today = self.ops.today()
        week = week_containing(today, self.ops.settings().week_start)
        questions = self.ops.read(review_questions, week, today)
        dialog = ReviewDialog(questions, today, self.decimal_mark, self.window)
        dialog.chosen.connect(lambda review: self._reviewed(review, week))
        return self._open(dialog)

    def _reviewed(self, review: WeekReview, week: Week) -> None:
        if review.is_empty:
            self.report("Nothing to save: every answer was left as it was.")
            return
        if self.push("Review the week", save_review, review, self.ops.today()) is None:
            return
        answers = review.answers()
        self.report(f"Saved the review: {answers} answer{'s' if answers != 1 else ''}.")
        next_week = week_containing(week.end + timedelta(days=1), self.ops.settings().week_start)
        if self.print_week is not None and prompts.confirm(
            self.window,
            "Print next week?",
            f"The review is saved. Print {next_week.label} to pin up for the week ahead?",
            "Print next week",
        ):
            self.print_week(next_week)

    # -- money ----------------------------------------------------------------------
    def add_spend(self) -> SpendDialog:
        sources = self.ops.read(all_sources)
        dialog = SpendDialog(sources, self.ops.today(), self.decimal_mark, self.window)
        dialog.chosen.connect(self._spent)
        return self._open(dialog)

    def _spent(self, spend: Spend) -> None:
        text = f"Spend {format_amount(spend.amount, self.decimal_mark)}"
        self.push(text, spend_edits.add_spend, spend, self.ops.today())

    def add_takings(self) -> TakingsDialog:
        dialog = TakingsDialog(self.ops.today(), self.decimal_mark, self.window)
        dialog.agrees = lambda takings: self._replacing_agreed(dialog, takings)
        dialog.chosen.connect(self._took)
        return self._open(dialog)

    def _replacing_agreed(self, dialog: TakingsDialog, takings: Takings) -> bool:
        """A month's takings typed again: the figure there is named before it is
        replaced (No goes back to the form)."""
        kept = self.ops.read(spend_edits.takings_of, takings.month)
        if kept is None or kept.amount == takings.amount:
            return True
        currency = self.ops.read(load_lead_settings, self.ops.data.locale_name).currency

        def money(minor: int) -> str:  # (a plain space: a question box wraps as it likes)
            return f"{currency} {format_amount(minor, self.decimal_mark)}"

        return prompts.confirm(
            dialog,
            "Replace that month's takings?",
            f"{takings.month:%B %Y} has takings of {money(kept.amount)} already. "
            f"Replace them with {money(takings.amount)}?",
            "Replace",
        )

    def _took(self, takings: Takings) -> None:
        self.push(
            f"Takings for {takings.month:%B %Y}",
            spend_edits.set_takings, takings.month, takings.amount, self.ops.today(),
        )  # fmt: skip
