"""The rows the three engines' numbers are worked from, read with plain SQL over the
bare connection (services/engines.py turns them into domain/engine_inputs.py's data).

Only what the numbers can reach is read: enquiries, spend and marketing time from a
cutoff day on (the longest look back the figures take), and the enquiries still open
whatever their age (an old quote still waiting counts today). Minutes done are as the
week's split counts them: a done block's actual minutes, or its length when none were
given.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from tradesman.domain.leads import Lead, Spend, Takings
from tradesman.store.lead_columns import LEAD, SPEND, TAKINGS

_DONE_MINUTES = "COALESCE(actual_minutes, end_minute - start_minute)"

# Each of the three ways in goes through its own index (schema v11): one OR over them
# would walk every enquiry in order of coming in, for the ORDER BY.
LEADS_SINCE = f"""
    SELECT {LEAD.names()} FROM lead
    WHERE id IN (SELECT id FROM lead WHERE came_in >= :cutoff
                 UNION SELECT id FROM lead WHERE decided_on >= :cutoff
                 UNION SELECT id FROM lead WHERE state IN ('new', 'quoted'))
    ORDER BY came_in, id
"""

# Each way in through its own index (the v11 ones for quoted_on and decided_on): one
# OR would walk every enquiry ever logged.
LEADS_TOUCHING = f"""
    SELECT {LEAD.names()} FROM lead
    WHERE id IN (SELECT id FROM lead WHERE came_in BETWEEN :first AND :last
                 UNION SELECT id FROM lead WHERE quoted_on BETWEEN :first AND :last
                 UNION SELECT id FROM lead WHERE decided_on BETWEEN :first AND :last)
    ORDER BY id
"""

SPEND_SINCE = f"SELECT {SPEND.names()} FROM spend WHERE day >= :cutoff ORDER BY day, id"

TAKINGS_SINCE = f"SELECT {TAKINGS.names()} FROM takings WHERE month >= :month ORDER BY month"

MARKETING_DONE = f"""
    SELECT day, {_DONE_MINUTES}, source_id FROM block
    WHERE area = 'marketing' AND status = 'done' AND day >= :cutoff
"""

# An ask counts once: a marked task when it is done, or a marked done block that is not
# the booking of a marked task (whose own finishing counts it).
ASK_TASKS_DONE = """
    SELECT completed, purpose FROM task
    WHERE purpose IS NOT NULL AND status = 'done' AND completed >= :cutoff
"""
ASK_BLOCKS_DONE = """
    SELECT b.day, b.purpose FROM block AS b LEFT JOIN task AS t ON t.id = b.task_id
    WHERE b.purpose IS NOT NULL AND b.status = 'done' AND b.day >= :cutoff
          AND t.purpose IS NULL
"""

# Customer jobs still open, or finished since the cutoff, with each done block on them.
# The tasks are picked through the status indexes (the "+" keeps SQLite from walking
# every production task ever made by the area's index instead).
JOBS = f"""
    SELECT t.id, t.title, t.created, t.completed, t.estimate_minutes, b.day,
           CASE WHEN b.id IS NULL THEN NULL ELSE {_DONE_MINUTES} END
    FROM task AS t LEFT JOIN block AS b ON b.task_id = t.id AND b.status = 'done'
    WHERE t.id IN (SELECT id FROM task WHERE status IN ('open', 'doing')
                   UNION ALL
                   SELECT id FROM task WHERE status = 'done' AND completed >= :cutoff)
          AND +t.area = 'production' AND t.customer_job = 1
    ORDER BY t.id, b.day
"""

# Technician minutes done, one row per week counted in sevens of days from :first.
TECHNICIAN_DONE_BY_WEEK = f"""
    SELECT CAST(julianday(day) - julianday(:first) AS INTEGER) / 7 AS week,
           SUM({_DONE_MINUTES})
    FROM block
    WHERE area = 'production' AND status = 'done' AND day BETWEEN :first AND :last
    GROUP BY week
"""


def any_enquiry(db: sqlite3.Connection) -> bool:
    """Whether any enquiry was ever logged (without one, the plan's page on where the
    work comes from says how to start)."""
    return bool(db.execute("SELECT EXISTS (SELECT 1 FROM lead)").fetchone()[0])


def first_enquiry(db: sqlite3.Connection) -> date | None:
    """The day the first enquiry came in: the owner has been logging them since."""
    first = db.execute("SELECT MIN(came_in) FROM lead").fetchone()[0]
    return None if first is None else date.fromisoformat(first)


def leads_since(db: sqlite3.Connection, cutoff: date) -> list[Lead]:
    return [LEAD.from_values(row) for row in db.execute(LEADS_SINCE, _day(cutoff))]


def leads_touching(db: sqlite3.Connection, first: date, last: date) -> list[Lead]:
    """The enquiries that came in, were quoted or were decided from `first` to `last`."""
    days = {"first": first.isoformat(), "last": last.isoformat()}
    return [LEAD.from_values(row) for row in db.execute(LEADS_TOUCHING, days)]


def spend_since(db: sqlite3.Connection, cutoff: date) -> list[Spend]:
    return [SPEND.from_values(row) for row in db.execute(SPEND_SINCE, _day(cutoff))]


def takings_since(db: sqlite3.Connection, cutoff: date) -> list[Takings]:
    """The months' takings from the month holding `cutoff` on (no period looks further
    back than the leads and spend read with it)."""
    month = cutoff.replace(day=1).isoformat()
    return [TAKINGS.from_values(row) for row in db.execute(TAKINGS_SINCE, {"month": month})]


def marketing_done(db: sqlite3.Connection, cutoff: date) -> list[tuple[date, int, int | None]]:
    """(day, minutes, source id) of each done marketing block from `cutoff` on."""
    rows = db.execute(MARKETING_DONE, _day(cutoff))
    return [(date.fromisoformat(day), int(minutes), source) for day, minutes, source in rows]


def asks_done(
    db: sqlite3.Connection, cutoff: date
) -> tuple[list[tuple[str, str]], list[tuple[date, str]]]:
    """The marked tasks done (their completed time as stored, in UTC, and purpose) and
    the marked blocks done that are not a marked task's, from `cutoff` on."""
    tasks = [
        (str(when), str(purpose)) for when, purpose in db.execute(ASK_TASKS_DONE, _day(cutoff))
    ]
    blocks = [
        (date.fromisoformat(day), str(purpose))
        for day, purpose in db.execute(ASK_BLOCKS_DONE, _day(cutoff))
    ]
    return tasks, blocks


JobRow = tuple[int, str, str, str | None, int | None, str | None, int | None]


def jobs_since(db: sqlite3.Connection, cutoff: date) -> list[JobRow]:
    """(id, title, created, completed, estimate, a done block's day, its minutes), one
    row per done block (a job without one has a row of its own with no day)."""
    return list(db.execute(JOBS, _day(cutoff)))


def technician_done_by_week(db: sqlite3.Connection, first: date, last: date) -> dict[int, int]:
    """Technician minutes done in each week from `first` (week 0) to `last`."""
    rows = db.execute(
        TECHNICIAN_DONE_BY_WEEK, {"first": first.isoformat(), "last": last.isoformat()}
    )
    return {int(week): int(minutes or 0) for week, minutes in rows}


def _day(cutoff: date) -> dict[str, str]:
    return {"cutoff": cutoff.isoformat()}
