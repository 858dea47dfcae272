"""The edits of work coming in (issue 14): each is a Change that undo (applying it
reversed) takes back exactly and redo puts back, with its follow-up tasks made or
closed in the same step; and the reads the Work page and the command line make."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.leads import (
    Lead,
    LeadState,
    LostReason,
    NotQuotedReason,
    Source,
    SourceKind,
    Spend,
)
from tradesman.domain.series import Series
from tradesman.domain.tasks import Task, TaskStatus
from tradesman.domain.validation import InvalidInput
from tradesman.services import edits, leads, sources, spend, task_edits
from tradesman.services.changes import Change, apply_change
from tradesman.services.edited_tables import LEADS, SOURCES, SPEND
from tradesman.services.lead_list import leads_in
from tradesman.services.op_changes import OpChanges
from tradesman.services.source_list import all_sources
from tradesman.store import tables
from tradesman.store.database import Store
from tradesman.store.series_rows import all_records

TODAY = date(2026, 11, 25)
REFERRAL, TRADE, PAST, GOOGLE, WEBSITE, SIGN, FLYERS, DIRECTORY, OTHER, NOT_SURE = range(1, 11)


def everything(store: Store) -> tuple[Any, ...]:
    with store.reading() as session:
        return (
            tables.SOURCES.all(session), tables.LEADS.all(session), tables.TASKS.all(session),
            tables.BLOCKS.all(session), all_records(session), tables.SPEND.all(session),
            tables.TAKINGS.all(session),
        )  # fmt: skip


def edit(store: Store, make: Callable[[sqlite3.Connection], Change]) -> Change:
    """Make the edit, then check that undo brings back exactly what was there before it
    and redo what it left; returns its Change."""
    before = everything(store)
    with store.writing() as session:
        change = make(session)
    after = everything(store)
    with store.writing() as session:
        apply_change(session, change.reversed())
    assert everything(store) == before
    with store.writing() as session:
        apply_change(session, change)
    assert everything(store) == after
    return change


def an_enquiry(store: Store, who: str = "Mrs Patel", **changes: object) -> int:
    """A new enquiry's id."""
    lead = Lead(who, date(2026, 11, 20), source_id=REFERRAL, what="Kitchen doors")
    change = edit(store, lambda s: leads.add_enquiry(s, lead.with_changes(**changes), TODAY))
    return ident(change.after(LEADS)[0])


def ident(item: Lead | Source) -> int:
    assert item.id is not None
    return item.id


def tasks_of(store: Store, lead_id: int | None) -> list[Task]:
    with store.reading() as session:
        return [task for task in tables.TASKS.all(session) if task.lead_id == lead_id]


def test_a_new_enquiry_makes_its_call_back_due_the_next_day(store: Store) -> None:
    lead_id = an_enquiry(store)
    with store.reading() as session:
        assert leads.get_lead(session, lead_id).state is LeadState.NEW
    (call,) = tasks_of(store, lead_id)
    assert (call.title, call.area, call.due, call.status) == (
        "Call back: Mrs Patel", Area.SALES, date(2026, 11, 21), TaskStatus.OPEN,
    )  # fmt: skip


def test_already_called_makes_no_call_back(store: Store) -> None:
    lead = Lead("Joe", TODAY, source_id=NOT_SURE)
    change = edit(store, lambda s: leads.add_enquiry(s, lead, TODAY, called=True))
    assert tasks_of(store, change.after(LEADS)[0].id) == []
    assert OpChanges.of(change).leads and not OpChanges.of(change).tasks


def test_a_missing_source_saves_nothing(store: Store) -> None:
    before = everything(store)
    with pytest.raises(InvalidInput, match="Where did they hear of you"), store.writing() as s:
        leads.add_enquiry(s, Lead("Joe", TODAY, source_id=None), TODAY)
    assert everything(store) == before


def test_a_quote_makes_two_follow_ups_and_a_decision_closes_them_all(store: Store) -> None:
    lead_id = an_enquiry(store)
    quoted = edit(
        store, lambda s: leads.quote_enquiry(s, lead_id, date(2026, 11, 22), 320050, TODAY)
    )
    assert OpChanges.of(quoted).leads and OpChanges.of(quoted).tasks
    assert sorted(task.due for task in tasks_of(store, lead_id) if task.due) == [
        date(2026, 11, 21), date(2026, 11, 25), date(2026, 12, 2),
    ]  # fmt: skip
    with store.reading() as session:
        assert leads.next_follow_ups(session) == {lead_id: date(2026, 11, 21)}
    won = edit(store, lambda s: leads.win_enquiry(s, lead_id, TODAY, TODAY))
    (stored,) = won.after(LEADS)
    assert (stored.state, stored.value, stored.decided_on) == (LeadState.WON, 320050, TODAY)
    assert {task.status for task in tasks_of(store, lead_id)} == {TaskStatus.DONE}
    with store.reading() as session:
        assert leads.next_follow_ups(session) == {}
    # The job booked for it is a production task linked to it, and no follow-up.
    edit(store, lambda s: leads.book_job(s, lead_id, 16 * 60))
    job = [task for task in tasks_of(store, lead_id) if task.area is Area.PRODUCTION]
    assert [(task.title, task.estimate_minutes) for task in job] == [
        ("Mrs Patel: Kitchen doors", 960)
    ]


def test_won_with_its_own_value_and_lost_and_not_quoted(store: Store) -> None:
    one, two, three = (an_enquiry(store, who) for who in ("A", "B", "C"))
    for lead_id in (one, two):

        def quote(session: sqlite3.Connection, quoted: int = lead_id) -> Change:
            return leads.quote_enquiry(session, quoted, TODAY, 1000, TODAY)

        edit(store, quote)
    change = edit(store, lambda s: leads.win_enquiry(s, one, TODAY, TODAY, value=1250))
    assert change.after(LEADS)[0].value == 1250
    change = edit(store, lambda s: leads.lose_enquiry(s, two, TODAY, LostReason.NO_REPLY, TODAY))
    assert change.after(LEADS)[0].lost_reason is LostReason.NO_REPLY
    change = edit(
        store, lambda s: leads.not_quoting(s, three, TODAY, NotQuotedReason.TOO_BUSY, TODAY)
    )
    assert change.after(LEADS)[0].state is LeadState.NOT_QUOTED
    assert {task.status for task in tasks_of(store, three)} == {TaskStatus.DONE}
    with store.reading() as session:
        assert [lead.who for lead in leads_in(session, [LeadState.WON])] == ["A"]
        assert len(leads_in(session)) == 3
        assert leads.open_and_recent(session, date(2027, 6, 1)) == []
        assert len(leads.open_and_recent(session, TODAY)) == 3


@pytest.mark.parametrize(
    ("day", "amount", "field"),
    [(date(2026, 11, 19), 100, "quoted_on"), (date(2026, 11, 27), 100, "quoted_on"),
     (TODAY, 0, "quote"), (TODAY, 1_000_000_001, "quote")],
)  # fmt: skip
def test_a_bad_quote_saves_nothing(store: Store, day: date, amount: int, field: str) -> None:
    lead_id = an_enquiry(store)
    before = everything(store)
    with pytest.raises(InvalidInput) as caught, store.writing() as session:
        leads.quote_enquiry(session, lead_id, day, amount, TODAY)
    assert caught.value.field == field
    assert everything(store) == before


def test_a_decision_before_the_quote_names_the_quotes_day(store: Store) -> None:
    lead_id = an_enquiry(store)
    edit(store, lambda s: leads.quote_enquiry(s, lead_id, date(2026, 11, 23), 100, TODAY))
    before = everything(store)
    with pytest.raises(InvalidInput, match="23 Nov 2026"), store.writing() as session:
        leads.lose_enquiry(session, lead_id, date(2026, 11, 22), LostReason.PRICE, TODAY)
    assert everything(store) == before


def test_won_or_lost_needs_a_quote_first(store: Store) -> None:
    lead_id = an_enquiry(store)
    with pytest.raises(InvalidInput, match="Quote it first"), store.writing() as session:
        leads.win_enquiry(session, lead_id, TODAY, TODAY)


def test_a_likely_duplicate_is_found_before_saving(store: Store) -> None:
    an_enquiry(store, "Mrs Patel")
    with store.reading() as session:
        assert [lead.who for lead in leads.likely_duplicates(session, "MRS PATEL ", TODAY)] == [
            "Mrs Patel"
        ]
        assert leads.likely_duplicates(session, "Mrs Patel", date(2026, 12, 5)) == []
        assert leads.likely_duplicates(session, "Mr Patel", TODAY) == []


def test_an_enquiry_changed_and_deleted(store: Store) -> None:
    lead_id = an_enquiry(store)
    with store.reading() as session:
        lead = leads.get_lead(session, lead_id)
    edit(store, lambda s: leads.change_enquiry(s, lead.with_changes(who="Mrs A. Patel"), TODAY))
    edit(store, lambda s: leads.delete_enquiry(s, lead_id))
    assert [task.title for task in tasks_of(store, None)] == ["Call back: Mrs Patel"]


def test_sources_added_renamed_archived_and_refused_in_any_case(store: Store) -> None:
    change = edit(store, lambda s: sources.add_source(s, "Radio", SourceKind.MARKETING))
    assert OpChanges.of(change).leads
    radio = ident(change.after(SOURCES)[0])
    with pytest.raises(InvalidInput, match="already a source"), store.writing() as session:
        sources.add_source(session, "website", SourceKind.MARKETING)
    with pytest.raises(InvalidInput, match="already a source"), store.writing() as session:
        sources.rename_source(session, radio, "RADIO ")  # itself: fine...
        sources.rename_source(session, radio, "WEBSITE")  # ...another: refused
    edit(store, lambda s: sources.rename_source(s, radio, "Local radio"))
    edit(store, lambda s: sources.change_kind(s, radio, SourceKind.WORD_OF_MOUTH))
    edit(store, lambda s: sources.archive_source(s, radio))
    with store.reading() as session:
        assert "Local radio" not in [s.name for s in all_sources(session, archived=False)]
        assert sources.get_source(session, radio).archived


def test_a_merge_moves_everything_in_one_undo_step(store: Store) -> None:
    lead_id = an_enquiry(store, source_id=FLYERS)
    edit(store, lambda s: spend.add_spend(s, Spend(TODAY, 4500, FLYERS, "postcards"), TODAY))
    edit(store, lambda s: edits.add_blocks(s, [
        TimeBlock(TODAY, 420, 480, Area.MARKETING, "Drop flyers", source_id=FLYERS)
    ]))  # fmt: skip
    edit(
        store, lambda s: task_edits.add_tasks(s, [Task("Print", Area.MARKETING, source_id=FLYERS)])
    )
    series = Series("Leaflet round", Area.MARKETING, 600, 660, frozenset({4}), TODAY,
                    source_id=FLYERS)  # fmt: skip
    edit(store, lambda s: edits.add_series(s, series, TODAY))
    with store.reading() as session:
        (flyers,) = [c for c in sources.sources_with_counts(session) if c.source.id == FLYERS]
    assert (flyers.leads, flyers.spend, flyers.tasks, flyers.series) == (1, 1, 1, 1)
    assert flyers.blocks > 50 and flyers.in_use
    change = edit(store, lambda s: sources.merge_sources(s, FLYERS, OTHER))
    with store.reading() as session:
        counts = {c.source.id: c for c in sources.sources_with_counts(session)}
        assert FLYERS not in counts
        assert counts[OTHER].leads == 1 and counts[OTHER].blocks == flyers.blocks
        assert tables.LEADS.get(session, lead_id).source_id == OTHER  # type: ignore[union-attr]
    assert OpChanges.of(change).leads and OpChanges.of(change).spend


def test_a_source_is_found_by_the_start_of_its_name(store: Store) -> None:
    with store.reading() as session:
        assert sources.find_source(session, "goo").id == GOOGLE
        assert sources.find_source(session, "NOT SURE").id == NOT_SURE
        with pytest.raises(InvalidInput) as caught:
            sources.find_source(session, "a")
        assert '"A customer\'s referral"' in caught.value.message
        assert '"A past customer"' in caught.value.message
        with pytest.raises(InvalidInput, match="No source starts with"):
            sources.find_source(session, "radio")


def test_a_block_moved_away_from_marketing_loses_its_source_and_says_so(store: Store) -> None:
    block = TimeBlock(TODAY, 420, 480, Area.MARKETING, "Google profile", source_id=GOOGLE)
    (saved,) = edit(store, lambda s: edits.add_blocks(s, [block])).after_blocks
    assert saved.source_id == GOOGLE
    change = edit(store, lambda s: edits.change_block(s, saved.with_changes(area=Area.SALES)))
    assert change.after_blocks[0].source_id is None
    assert sources.sources_cleared(change) == ["Google profile"]
    retitled = edit(store, lambda s: edits.change_block(s, saved.with_changes(title="Profile")))
    assert sources.sources_cleared(retitled) == []


def test_a_block_booked_from_a_marketing_task_takes_its_source(store: Store) -> None:
    task = Task("Update the business profile", Area.MARKETING, source_id=GOOGLE)
    (saved,) = edit(store, lambda s: task_edits.add_tasks(s, [task])).after_tasks
    change = edit(store, lambda s: task_edits.schedule_task(s, saved.id or 0, TODAY, 480))
    assert change.after_blocks[0].source_id == GOOGLE


def test_spend_and_takings(store: Store) -> None:
    change = edit(
        store, lambda s: spend.add_spend(s, Spend(TODAY, 4500, FLYERS, "200 postcards"), TODAY)
    )
    assert OpChanges.of(change).spend and OpChanges.of(change).touches_work_coming_in()
    (saved,) = change.after(SPEND)
    edit(store, lambda s: spend.add_spend(s, Spend(date(2026, 11, 1), 9900), TODAY))
    with store.reading() as session:
        assert [item.amount for item in spend.spend_between(session)] == [4500, 9900]
        assert [item.amount for item in spend.spend_between(session, TODAY)] == [4500]
    edit(store, lambda s: spend.delete_spend(s, saved.id or 0))
    edit(store, lambda s: spend.set_takings(s, date(2026, 11, 17), 1_200_000, TODAY))
    edit(store, lambda s: spend.set_takings(s, date(2026, 11, 1), 1_300_000, TODAY))
    with store.reading() as session:
        assert [(t.month, t.amount) for t in spend.all_takings(session)] == [
            (date(2026, 11, 1), 1_300_000)
        ]
    edit(store, lambda s: spend.set_takings(s, date(2026, 11, 1), None, TODAY))
    with pytest.raises(InvalidInput, match="amount must be a number"), store.writing() as s:
        spend.add_spend(s, Spend(TODAY, -5), TODAY)
