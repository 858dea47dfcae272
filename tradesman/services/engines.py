"""The three engines read from the store in one transaction: the rows the numbers are
worked from (store/engine_reads.py, plain SQL: the plan PDF loads no SQLAlchemy), made
into domain/engine_inputs.py's plain data, and the report of the engines now and over
the last 26 weeks (domain/engine_verdict.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby
from typing import TYPE_CHECKING

from tradesman.domain.areas import Area
from tradesman.domain.engine_inputs import AskDone, EngineInputs, Job, MarketingTime
from tradesman.domain.engine_verdict import (
    PERIOD_WEEKS,
    STRIP_WEEKS,
    EngineReport,
    Verdict,
    engine_report,
)
from tradesman.domain.engine_weeks import EngineWeek, engine_weeks
from tradesman.domain.money import decimal_mark_for_locale
from tradesman.domain.purposes import Purpose
from tradesman.domain.weeks import Week, week_containing
from tradesman.domain.work_weeks import WorkWeek
from tradesman.reports.sheets import WorkInSheet
from tradesman.services.lead_settings import load_lead_settings
from tradesman.services.plan_baseline import current_plan_ramp
from tradesman.services.settings import load_settings
from tradesman.services.source_list import all_sources
from tradesman.services.summary import week_split, work_of_week_over
from tradesman.store import engine_reads
from tradesman.store.reads import dbapi_connection

if TYPE_CHECKING:
    from tradesman.store.reads import Db

# The longest look back any figure takes: the strip's first week, with a year before it
# for "fewer enquiries than usual".
USUAL_WEEKS = 52
RECENT_WEEKS = 4  # technician hours a week, when no plan says (domain/engine_numbers.py)


def read_engines(
    session: Db, today: date, locale_name: str | None, weeks: int = PERIOD_WEEKS
) -> EngineReport:
    """The engines over the `weeks` weeks up to today, and the strip before them."""
    return engine_report(engine_inputs(session, today, locale_name, weeks), weeks)


@dataclass(frozen=True)
class WorkNote:
    """What the Week page says of work coming in: this week's, and the engines now."""

    work: WorkWeek
    marketing_minutes: int  # marketing done this week
    verdict: Verdict
    currency: str
    marketing_floor_minutes: int | None = None  # the plan's least marketing this week


def work_note(session: Db, today: date, locale_name: str | None) -> WorkNote:
    settings = load_settings(session, locale_name)
    this_week = week_containing(today, settings.week_start)
    split = week_split(session, this_week)
    floor = next(
        (
            ramp_week.marketing_floor_minutes
            for ramp_week in current_plan_ramp(dbapi_connection(session), today)
            if ramp_week.week.contains(this_week.monday)
        ),
        None,
    )
    return WorkNote(
        work_of_week(session, this_week),
        split.actual.minutes(Area.MARKETING),
        read_engines(session, today, locale_name).verdict,
        load_lead_settings(session, locale_name).currency,
        floor or None,  # (a floor of nothing is no floor)
    )


@dataclass(frozen=True)
class WorkCharts:
    """The Charts page's work coming in: the engines, and the weeks for its chart."""

    report: EngineReport
    weeks: list[EngineWeek]
    currency: str


def work_charts(
    session: Db, today: date, locale_name: str | None, weeks: int = PERIOD_WEEKS
) -> WorkCharts:
    inputs = engine_inputs(session, today, locale_name, weeks)
    return WorkCharts(
        engine_report(inputs, weeks),
        engine_weeks(inputs, inputs.this_week, weeks),
        load_lead_settings(session, locale_name).currency,
    )


def work_in_sheet(
    session: Db, today: date, locale_name: str | None, weeks: int = PERIOD_WEEKS
) -> WorkInSheet | None:
    """Where the work comes from, for the plan PDF: the engines with how amounts are
    written; None when no enquiry was ever logged (the page then says how to start)."""
    if not engine_reads.any_enquiry(dbapi_connection(session)):
        return None
    currency = load_lead_settings(session, locale_name).currency
    report = read_engines(session, today, locale_name, weeks)
    return WorkInSheet(report, currency, decimal_mark_for_locale(locale_name))


def work_of_week(session: Db, week: Week) -> WorkWeek:
    """The enquiries, quotes given and jobs won of one week."""
    return work_of_week_over(dbapi_connection(session), week)


def engine_inputs(
    session: Db, today: date, locale_name: str | None, weeks: int = PERIOD_WEEKS
) -> EngineInputs:
    db = dbapi_connection(session)
    settings = load_settings(session, locale_name)
    this_week = week_containing(today, settings.week_start)
    judged = max(weeks, PERIOD_WEEKS)  # (the verdict is judged over 13 weeks)
    looked_back = STRIP_WEEKS + max(judged, USUAL_WEEKS)
    cutoff = this_week.plus(-looked_back).start
    sources = {s.id: s for s in all_sources(session) if s.id is not None}
    return EngineInputs(
        today=today,
        this_week=this_week,
        leads=engine_reads.leads_since(db, cutoff),
        sources=sources,
        spend=engine_reads.spend_since(db, cutoff),
        takings=engine_reads.takings_since(db, cutoff),
        marketing=[
            MarketingTime(day, minutes, source)
            for day, minutes, source in engine_reads.marketing_done(db, cutoff)
        ],
        asks=_asks(*engine_reads.asks_done(db, cutoff)),
        jobs=_jobs(engine_reads.jobs_since(db, this_week.plus(-(STRIP_WEEKS + judged)).start)),
        technician_planned={
            week_containing(ramp_week.week.monday, settings.week_start).start: (
                ramp_week.technician_minutes
            )
            for ramp_week in current_plan_ramp(dbapi_connection(session), today)
        },
        technician_done=_technician_done(db, this_week, looked_back),
        hourly_rate=load_lead_settings(session, locale_name).hourly_rate,
        first_enquiry=engine_reads.first_enquiry(db),
    )


def _asks(tasks: Iterable[tuple[str, str]], blocks: Iterable[tuple[date, str]]) -> list[AskDone]:
    """Asks done on the owner's day: a task's finishing time is kept in UTC."""
    done = [AskDone(_local_day(when), Purpose(purpose)) for when, purpose in tasks]
    return done + [AskDone(day, Purpose(purpose)) for day, purpose in blocks]


def _jobs(rows: list[engine_reads.JobRow]) -> list[Job]:
    jobs = []
    for _, job_rows in groupby(rows, key=lambda row: row[0]):
        first, *rest = list(job_rows)
        _, title, created, completed, estimate, _, _ = first
        done = tuple(
            (date.fromisoformat(day), int(minutes))
            for *_, day, minutes in (first, *rest)
            if day is not None and minutes is not None
        )
        finished = None if completed is None else _local_day(completed)
        jobs.append(Job(title, _local_day(created), finished, estimate, done))
    return jobs


def _technician_done(db: sqlite3.Connection, this_week: Week, weeks_back: int) -> dict[date, int]:
    """Technician minutes done in each week from the first any figure looks at."""
    first = this_week.plus(-weeks_back - RECENT_WEEKS)
    by_number = engine_reads.technician_done_by_week(db, first.start, this_week.end)
    return {first.plus(number).start: minutes for number, minutes in by_number.items()}


def _local_day(stored: str) -> date:
    return datetime.fromisoformat(stored).astimezone().date()
