"""Enquiries: logging one, its quote, and what became of it, each a `Change` that
brings its follow-up tasks along (made, or closed) so one undo takes back both.

`today` is the owner's today: no day more than one after it is taken. The reads give
the enquiries by state and the likely duplicates of one about to be logged."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from tradesman.domain.areas import Area
from tradesman.domain.lead_checks import check_lead
from tradesman.domain.leads import (
    DECIDED_STATES,
    DUPLICATE_DAYS,
    OPEN_STATES,
    Lead,
    LeadState,
    LostReason,
    NotQuotedReason,
    call_back_task,
    is_likely_duplicate,
    quote_follow_up_tasks,
)
from tradesman.domain.tasks import Task, TaskStatus
from tradesman.domain.validation import InvalidInput
from tradesman.errors import UserError
from tradesman.services.changes import Change, Row, commit, rows
from tradesman.services.edited_tables import LEADS, TASKS
from tradesman.services.lead_rows import check_source_link
from tradesman.store import tables
from tradesman.store.lookups import earliest_open_due_by_lead, leads_in_or_decided_since

if TYPE_CHECKING:
    from tradesman.store.reads import Db

# How far back the won and lost lanes (and `leads` without --all) look.
RECENT = timedelta(weeks=13)


class LeadGone(UserError):
    """The enquiry was removed meanwhile (an undo, an import)."""


def get_lead(session: Db, lead_id: int) -> Lead:
    lead = tables.LEADS.get(session, lead_id)
    if lead is None:
        raise LeadGone(f"There is no enquiry number {lead_id}.")
    return lead


def open_and_recent(session: Db, today: date) -> list[Lead]:
    """The open enquiries, and those decided in the last 13 weeks (the Work page's lanes)."""
    states = [state.value for state in OPEN_STATES]
    return leads_in_or_decided_since(session, states, today - RECENT)


def likely_duplicates(session: Db, who: str, day: date) -> list[Lead]:
    """Enquiries from the same "who" (any case) within 14 days of `day`: asked about
    before a new one is saved."""
    around = timedelta(days=DUPLICATE_DAYS)
    near = tables.LEADS.all(
        session,
        "came_in BETWEEN ? AND ?",
        ((day - around).isoformat(), (day + around).isoformat()),
    )
    return [lead for lead in near if is_likely_duplicate(who, day, lead)]


def follow_ups_of(session: Db, lead_id: int) -> list[Task]:
    """The enquiry's open sales tasks (its call-back and quote follow-ups)."""
    return tables.TASKS.all(
        session,
        "lead_id = ? AND area = ? AND status != ?",
        (lead_id, Area.SALES.value, TaskStatus.DONE.value),
    )


def next_follow_ups(session: Db) -> dict[int, date]:
    """Each open enquiry's next follow-up: the earliest due day of its open sales tasks."""
    return earliest_open_due_by_lead(
        session, Area.SALES.value, (TaskStatus.OPEN.value, TaskStatus.DOING.value)
    )


def add_enquiry(session: Db, lead: Lead, today: date, *, called: bool = False) -> Change:
    """A new enquiry, and "Call back: {who}" due the next day unless already called."""
    checked = check_lead(lead.with_changes(state=LeadState.NEW, id=None), today)
    check_source_link(session, checked.source_id)
    added = commit(session, rows(LEADS, after=[checked]))
    if called:
        return added
    (stored,) = added.after(LEADS)
    return added.then(commit(session, rows(TASKS, after=[call_back_task(stored)])))


def change_enquiry(session: Db, lead: Lead, today: date) -> Change:
    """Save changes to an enquiry's words, day or source (its state moves by the edits
    below)."""
    assert lead.id is not None
    before = get_lead(session, lead.id)
    after = check_lead(lead.with_changes(state=before.state), today)
    check_source_link(session, after.source_id)
    return commit(session, rows(LEADS, [before], [after]))


def quote_enquiry(session: Db, lead_id: int, day: date, amount: int, today: date) -> Change:
    """The enquiry quoted, and two follow-up tasks at +3 and +10 days. A quote changed
    (quoted again) keeps the follow-ups it has."""
    before = get_lead(session, lead_id)
    if before.state not in OPEN_STATES:
        raise InvalidInput("state", "That enquiry is already decided; it cannot be quoted now.")
    after = check_lead(before.quoted(day, amount), today)
    touched: list[Row[Any]] = [*rows(LEADS, [before], [after])]
    if before.state is LeadState.NEW:
        touched += rows(TASKS, after=quote_follow_up_tasks(after))
    return commit(session, touched)


def win_enquiry(
    session: Db, lead_id: int, day: date, today: date, value: int | None = None
) -> Change:
    """Won, worth `value` (the quote when not given); its open follow-ups close."""
    before = _quoted(session, lead_id, "won")
    return decide_enquiry(session, before, before.won(day, value), today)


def lose_enquiry(session: Db, lead_id: int, day: date, reason: LostReason, today: date) -> Change:
    """Lost, and why; its open follow-ups close."""
    before = _quoted(session, lead_id, "lost")
    return decide_enquiry(session, before, before.lost(day, reason), today)


def not_quoting(
    session: Db, lead_id: int, day: date, reason: NotQuotedReason, today: date
) -> Change:
    """Not quoted, and why; its open follow-ups close."""
    before = get_lead(session, lead_id)
    if before.state is not LeadState.NEW:
        raise InvalidInput("state", "Only an enquiry not yet quoted can be left unquoted.")
    return decide_enquiry(session, before, before.not_quoted(day, reason), today)


def book_job(session: Db, lead_id: int, estimate_minutes: int | None) -> Change:
    """The job won, as a production task for that customer linked to its enquiry."""
    lead = get_lead(session, lead_id)
    title = f"{lead.who}: {lead.what}" if lead.what else lead.who
    job = Task(title[:200], Area.PRODUCTION, estimate_minutes=estimate_minutes, lead_id=lead_id)
    return commit(session, rows(TASKS, after=[job]))


def delete_enquiry(session: Db, lead_id: int) -> Change:
    """Remove an enquiry; its tasks stay, no longer linked to it."""
    lead = get_lead(session, lead_id)
    linked = tables.TASKS.all(session, "lead_id = ?", (lead_id,))
    unlinked = [task.with_changes(lead_id=None) for task in linked]
    return commit(session, rows(TASKS, linked, unlinked) + rows(LEADS, [lead]))


def _quoted(session: Db, lead_id: int, decision: str) -> Lead:
    lead = get_lead(session, lead_id)
    if lead.state is LeadState.NEW:
        raise InvalidInput("state", f"Quote it first: only a quoted enquiry can be {decision}.")
    if lead.state is LeadState.NOT_QUOTED:
        raise InvalidInput("state", f"That enquiry was not quoted, so it cannot be {decision}.")
    return lead


def decide_enquiry(session: Db, before: Lead, after: Lead, today: date) -> Change:
    """`before` becomes `after` (won, lost or not quoted); its open follow-ups close."""
    checked = check_lead(after, today)
    assert checked.state in DECIDED_STATES and before.id is not None
    open_tasks = follow_ups_of(session, before.id)
    closed = [task.with_changes(status=TaskStatus.DONE) for task in open_tasks]
    return commit(session, rows(LEADS, [before], [checked]) + rows(TASKS, open_tasks, closed))
