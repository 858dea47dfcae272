"""What the Work page shows, read in one transaction (the open and recent enquiries
with their sources and next follow-ups, the latest spend and takings, and the settings
their amounts are written in), and the one step the page takes that is two edits: a job
won and booked."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tradesman.store.reads import Db

from dataclasses import dataclass
from datetime import date

from tradesman.domain.leads import Lead, LeadSettings, LeadState, Source, Spend, Takings
from tradesman.services.changes import Change
from tradesman.services.lead_settings import load_lead_settings
from tradesman.services.leads import (
    book_job,
    decide_enquiry,
    get_lead,
    next_follow_ups,
    open_and_recent,
    win_enquiry,
)
from tradesman.services.source_list import all_sources
from tradesman.services.spend import all_takings, spend_between

SPEND_SHOWN = 30  # the latest spend on the page (the numbers count it all)
TAKINGS_SHOWN = 12  # a year of months


@dataclass(frozen=True)
class WorkLists:
    leads: list[Lead]
    sources: dict[int, Source]  # archived ones too: old enquiries still name them
    follow_ups: dict[int, date]  # an open enquiry's next follow-up day, by its id
    spend: list[Spend]  # the latest first
    takings: list[Takings]  # the latest month first
    settings: LeadSettings


def work_lists(session: Db, today: date, locale_name: str | None) -> WorkLists:
    sources = {source.id: source for source in all_sources(session) if source.id is not None}
    return WorkLists(
        open_and_recent(session, today),
        sources,
        next_follow_ups(session),
        spend_between(session, limit=SPEND_SHOWN),
        all_takings(session, limit=TAKINGS_SHOWN),
        load_lead_settings(session, locale_name),
    )


def win_and_book(
    session: Db,
    lead_id: int,
    day: date,
    value: int,
    today: date,
    book_the_job: bool = False,
    estimate_minutes: int | None = None,
) -> Change:
    """Won, worth `value`, in one undo step with the job booked when asked. An enquiry
    won without a quote (a price agreed on the spot) is quoted `value` that day."""
    lead = get_lead(session, lead_id)
    if lead.state is LeadState.NEW:
        change = decide_enquiry(session, lead, lead.quoted(day, value).won(day, value), today)
    else:
        change = win_enquiry(session, lead_id, day, today, value)
    if book_the_job:
        change = change.then(book_job(session, lead_id, estimate_minutes))
    return change
