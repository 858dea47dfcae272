"""The engines read from a real data file (services/engines.py, store/engine_reads.py):
each row lands where the numbers expect it, an ask is counted once, a job carries the
minutes done on it day by day, and a plan's hours stand in for the recent average."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.engine_inputs import AskDone
from tradesman.domain.engine_verdict import Engine
from tradesman.domain.leads import Lead, LeadSettings, Spend, Takings
from tradesman.domain.plan import Plan
from tradesman.domain.purposes import Purpose
from tradesman.domain.tasks import Task, TaskStatus
from tradesman.domain.weeks import Week
from tradesman.services import edits, task_edits
from tradesman.services.engines import engine_inputs, read_engines
from tradesman.services.lead_settings import save_lead_settings
from tradesman.services.plan import save_plan
from tradesman.store import tables
from tradesman.store.database import Store

TODAY = date(2026, 12, 2)  # a Wednesday; the tests' week starts on Monday
NOW = datetime(2026, 12, 2, 9, tzinfo=UTC)


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


def done_block(day: date, area: Area, minutes: int, **fields: object) -> TimeBlock:
    block = TimeBlock(day, 7 * 60, 7 * 60 + minutes, area, "Work", status=BlockStatus.DONE)
    return block.with_changes(**fields)


def test_each_row_lands_where_the_numbers_expect_it(store: Store) -> None:
    with store.writing() as session:
        for lead in (
            Lead("Mrs Patel", d(11, 10), 4).quoted(d(11, 12), 280000).won(d(11, 20), 300000),
            Lead("Old and decided", d(1, 5, 2024), 1).quoted(d(1, 6, 2024), 100).won(d(1, 9, 2024)),
            Lead("Old quote still waiting", d(1, 5, 2024), 1).quoted(d(1, 8, 2024), 5000),
        ):
            tables.LEADS.put(session, lead)
        tables.SPEND.put(session, Spend(d(11, 15), 4500, source_id=4))
        tables.TAKINGS.put(session, Takings(d(11, 1), 600000))
        save_lead_settings(session, LeadSettings("GBP", 30, 4000))
        tasks = task_edits.add_tasks(session, [
            Task("Kitchen – Patel", Area.PRODUCTION, estimate_minutes=1200, created=NOW),
            Task("Own shop", Area.PRODUCTION, customer_job=False, created=NOW),
            Task("Patel: ask for a referral", Area.MARKETING, TaskStatus.DONE, created=NOW,
                 completed=datetime(2026, 11, 27, 23, 30, tzinfo=UTC), purpose=Purpose.REFERRAL_ASK),
        ]).after_tasks  # fmt: skip
        kitchen, _, ask = tasks
        edits.add_blocks(session, [
            done_block(d(11, 23), Area.PRODUCTION, 480, task_id=kitchen.id),
            done_block(d(11, 24), Area.PRODUCTION, 300, task_id=kitchen.id, actual_minutes=240),
            done_block(d(11, 25), Area.PRODUCTION, 60),  # no job: counts as hours, not the job's
            done_block(d(11, 26), Area.MARKETING, 90, source_id=4),
            done_block(d(11, 26), Area.MARKETING, 30, task_id=ask.id, purpose=Purpose.REFERRAL_ASK),
            done_block(d(11, 27), Area.MARKETING, 30, purpose=Purpose.REVIEW_ASK),
            TimeBlock(d(11, 28), 420, 480, Area.MARKETING, "Not done", source_id=4),
        ])  # fmt: skip
    with store.reading() as session:
        inputs = engine_inputs(session, TODAY, "en_GB")
    assert inputs.this_week == Week(d(11, 30)) and inputs.hourly_rate == 4000
    # The old enquiry decided long ago is not read; the old quote still open is.
    assert sorted(lead.who for lead in inputs.leads) == ["Mrs Patel", "Old quote still waiting"]
    assert [s.amount for s in inputs.spend] == [4500] and len(inputs.takings) == 1
    assert sorted((m.day, m.minutes, m.source_id) for m in inputs.marketing) == [
        (d(11, 26), 30, None), (d(11, 26), 90, 4), (d(11, 27), 30, None),
    ]  # fmt: skip
    # The referral ask counts once (the task, not its block too), on the owner's day.
    local_day = datetime(2026, 11, 27, 23, 30, tzinfo=UTC).astimezone().date()
    assert sorted(inputs.asks, key=lambda a: a.purpose) == [
        AskDone(local_day, Purpose.REFERRAL_ASK), AskDone(d(11, 27), Purpose.REVIEW_ASK),
    ]  # fmt: skip
    (job,) = inputs.jobs  # the own-shop task is no customer's job
    assert (job.title, job.estimate_minutes, job.completed) == ("Kitchen – Patel", 1200, None)
    assert job.done == ((d(11, 23), 480), (d(11, 24), 240)) and job.remaining_on(TODAY) == 480
    assert inputs.technician_done[d(11, 23)] == 480 + 240 + 60
    assert inputs.technician_planned == {}


def test_a_running_plan_gives_the_weeks_technician_hours(store: Store) -> None:
    with store.writing() as session:
        save_plan(session, Plan(d(11, 2), 12, 0.4, 40 * 60, typed_baseline=0.1))
    with store.reading() as session:
        inputs = engine_inputs(session, TODAY, "en_GB")
    planned = inputs.technician_planned
    assert d(11, 2) in planned and d(11, 30) in planned and len(planned) == 12
    assert all(0 < minutes < 40 * 60 for minutes in planned.values())


def test_a_new_data_file_reads_as_not_enough_to_judge(store: Store) -> None:
    with store.reading() as session:
        report = read_engines(session, TODAY, "en_GB")
    assert report.verdict.engine is Engine.NOT_ENOUGH_DATA and report.sources == ()
    assert len(report.strip) == 26
