"""The review of the week: what it asks about (read), and its answers saved in one
transaction as one Change, so one undo takes the whole evening's review back."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tradesman.store.reads import Db

from dataclasses import dataclass
from datetime import date

from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.leads import OPEN_STATES, Lead, Source
from tradesman.domain.validation import InvalidInput
from tradesman.domain.week_review import WeekReview
from tradesman.domain.weeks import Week
from tradesman.services.blocks import blocks_in_week, get_block
from tradesman.services.changes import Change
from tradesman.services.edits import change_block
from tradesman.services.lead_list import leads_in
from tradesman.services.leads import add_enquiry, lose_enquiry, not_quoting, quote_enquiry
from tradesman.services.source_list import all_sources
from tradesman.services.spend import add_spend
from tradesman.services.work_reads import win_and_book


@dataclass(frozen=True)
class ReviewQuestions:
    unmarked: list[TimeBlock]  # the week's blocks up to today, still only planned
    open_leads: list[Lead]  # new and quoted enquiries, the oldest first
    sources: list[Source]


def review_questions(session: Db, week: Week, today: date) -> ReviewQuestions:
    unmarked = [
        block
        for block in blocks_in_week(session, week)
        if block.status is BlockStatus.PLANNED and block.day <= today
    ]
    open_leads = sorted(leads_in(session, OPEN_STATES), key=lambda lead: lead.came_in)
    return ReviewQuestions(unmarked, open_leads, all_sources(session))


def save_review(session: Db, review: WeekReview, today: date) -> Change:
    """Every answer, or none: the first refused stops the whole review (the caller's
    transaction is rolled back) with its sentence."""
    if review.is_empty:
        raise InvalidInput("review", "There is nothing to save: no answer was given.")
    steps: list[Change] = []
    for block_id, status in review.marks:
        block = get_block(session, block_id)
        if block is not None:
            steps.append(change_block(session, block.with_changes(status=status)))
    steps += [add_enquiry(session, lead, today) for lead in review.new_leads]
    for lead_id, amount in review.quotes:
        steps.append(quote_enquiry(session, lead_id, today, amount, today))
    for lead_id, value in review.wins:
        steps.append(win_and_book(session, lead_id, today, value, today))
    for lead_id, reason in review.losses:
        steps.append(lose_enquiry(session, lead_id, today, reason, today))
    for lead_id, passed in review.passes:
        steps.append(not_quoting(session, lead_id, today, passed, today))
    steps += [add_spend(session, spend, today) for spend in review.spend]
    if not steps:  # (every block it marked was removed meanwhile)
        raise InvalidInput("review", "Those blocks are gone; there is nothing to save.")
    change = steps[0]
    for later in steps[1:]:
        change = change.then(later)
    return change
