"""The store's plain-SQL queries, run over a bare sqlite3 connection.

The Store's transactions (the window's), the start-up's first look and the commands
that only read all hand out bare connections; a SQLAlchemy Session (the import's, and
tests') is read through the connection under it. A read written over `Db` takes
either (`dbapi_connection`).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.plan import Plan
from tradesman.domain.tasks import TaskCard
from tradesman.store.columns import BLOCK, PLAN, PLAN_ROW, TASK

if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlalchemy.orm import Session

    # What a read over plain SQL is given: a Session (it reads inside the Session's own
    # transaction) or a bare sqlite3 connection (SQLAlchemy never loaded).
    Db: TypeAlias = Session | sqlite3.Connection

# Planned counts every block's length; actual counts done blocks, at their actual
# minutes or, when none were given, their planned length. Summed by SQLite.
_PLANNED_AND_ACTUAL = """SUM(end_minute - start_minute),
           SUM(CASE WHEN status = 'done'
                    THEN COALESCE(actual_minutes, end_minute - start_minute)
                    ELSE 0 END)"""

MINUTES_PER_AREA = f"""
    SELECT area,
           {_PLANNED_AND_ACTUAL}
    FROM block
    WHERE day BETWEEN :first AND :last
    GROUP BY area
"""


# The same sums, one row per day and area, for the chart of a week by day.
MINUTES_PER_DAY_AND_AREA = f"""
    SELECT day, area,
           {_PLANNED_AND_ACTUAL}
    FROM block
    WHERE day BETWEEN :first AND :last
    GROUP BY day, area
"""

# And one row per week and area: weeks are counted in sevens of days from :first (the
# first day of the first week), so they follow the owner's week start, Sunday or Monday.
MINUTES_PER_WEEK_AND_AREA = f"""
    SELECT CAST(julianday(day) - julianday(:first) AS INTEGER) / 7 AS week, area,
           {_PLANNED_AND_ACTUAL}
    FROM block
    WHERE day BETWEEN :first AND :last
    GROUP BY week, area
"""

# Technician and admin work that comes back week after week, by title (any case): in
# how many of the weeks from :first it appears, and its minutes across them all.
# Skipped blocks do not count: they were not done.
REPEATING_WORK = """
    SELECT MIN(title), area,
           COUNT(DISTINCT CAST(julianday(day) - julianday(:first) AS INTEGER) / 7) AS weeks,
           SUM(end_minute - start_minute)
    FROM block
    WHERE day BETWEEN :first AND :last AND status != 'skipped'
          AND area IN ('production', 'admin')
    GROUP BY lower(trim(title)), area
    HAVING weeks >= :least_weeks
    ORDER BY weeks DESC, SUM(end_minute - start_minute) DESC
    LIMIT :most
"""


BLOCKS_BETWEEN = f"""
    SELECT {BLOCK.names()}
    FROM block
    WHERE day BETWEEN :first AND :last
    ORDER BY day, start_minute, id
"""

# Tasks with what the calendar has for them, added up by SQLite: minutes booked (all
# linked blocks not skipped), minutes done (done blocks, at their actual time), and how
# many linked blocks are still planned from :today on. {where} picks the tasks: every
# one (the Tasks page), the open ones through their status index (the list to schedule
# beside the week: a few dozen, however many years of done tasks lie behind them), or
# one by its id.
_TASK_CARDS = f"""
    SELECT {TASK.names("t.")},
           COALESCE(SUM(CASE WHEN b.status != 'skipped'
                             THEN b.end_minute - b.start_minute ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN b.status = 'done'
                             THEN COALESCE(b.actual_minutes, b.end_minute - b.start_minute)
                             ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN b.status = 'planned' AND b.day >= :today
                             THEN 1 ELSE 0 END), 0)
    FROM task AS t LEFT JOIN block AS b ON b.task_id = t.id
    {{where}}
    GROUP BY t.id
    ORDER BY t.due IS NULL, t.due, t.id
"""
TASK_CARDS = _TASK_CARDS.format(where="")
OPEN_TASK_CARDS = _TASK_CARDS.format(where="WHERE t.status IN ('open', 'doing')")
ONE_TASK_CARD = _TASK_CARDS.format(where="WHERE t.id = :task_id")


def dbapi_connection(db: Db) -> sqlite3.Connection:
    """The sqlite3 connection under a Session, inside the Session's own transaction
    (a bare connection is its own)."""
    if isinstance(db, sqlite3.Connection):
        return db
    connection = db.connection().connection.driver_connection
    assert isinstance(connection, sqlite3.Connection)
    return connection


def minutes_per_area(db: sqlite3.Connection, first: date, last: date) -> list[tuple[str, int, int]]:
    """(area, planned minutes, actual minutes) for the blocks from `first` to `last`."""
    rows = db.execute(MINUTES_PER_AREA, {"first": first.isoformat(), "last": last.isoformat()})
    return [(area, int(planned or 0), int(actual or 0)) for area, planned, actual in rows]


def minutes_per_day_and_area(
    db: sqlite3.Connection, first: date, last: date
) -> list[tuple[date, str, int, int]]:
    """(day, area, planned minutes, actual minutes) for each day and area with blocks."""
    rows = db.execute(
        MINUTES_PER_DAY_AND_AREA, {"first": first.isoformat(), "last": last.isoformat()}
    )
    return [
        (date.fromisoformat(day), area, int(planned or 0), int(actual or 0))
        for day, area, planned, actual in rows
    ]


def repeating_work(
    db: sqlite3.Connection, first: date, last: date, least_weeks: int, most: int
) -> list[tuple[str, str, int, int]]:
    """(title, area, weeks it appears in, minutes in all) for work that keeps coming back."""
    rows = db.execute(
        REPEATING_WORK,
        {
            "first": first.isoformat(),
            "last": last.isoformat(),
            "least_weeks": least_weeks,
            "most": most,
        },
    )
    return [(title, area, int(weeks), int(minutes)) for title, area, weeks, minutes in rows]


def minutes_per_week_and_area(
    db: sqlite3.Connection, first: date, last: date
) -> list[tuple[int, str, int, int]]:
    """(week number counted from `first`, area, planned, actual minutes)."""
    rows = db.execute(
        MINUTES_PER_WEEK_AND_AREA, {"first": first.isoformat(), "last": last.isoformat()}
    )
    return [
        (int(week), area, int(planned or 0), int(actual or 0))
        for week, area, planned, actual in rows
    ]


def blocks_from(db: sqlite3.Connection, first: date, last: date) -> list[TimeBlock]:
    """The blocks from `first` to `last` (both included), in the order of the days."""
    rows = db.execute(BLOCKS_BETWEEN, {"first": first.isoformat(), "last": last.isoformat()})
    return [BLOCK.from_values(row) for row in rows]


def task_cards_from(db: sqlite3.Connection, today: date) -> list[TaskCard]:
    """Every task, done ones too, with its booked, done and still-planned block totals."""
    return _cards(db.execute(TASK_CARDS, {"today": today.isoformat()}))


def open_task_cards_from(db: sqlite3.Connection, today: date) -> list[TaskCard]:
    """The tasks not done (open or doing), in the same order, with the same totals."""
    return _cards(db.execute(OPEN_TASK_CARDS, {"today": today.isoformat()}))


def task_card_from(db: sqlite3.Connection, today: date, task_id: int) -> TaskCard | None:
    """One task's card (None if there is no such task)."""
    found = _cards(db.execute(ONE_TASK_CARD, {"today": today.isoformat(), "task_id": task_id}))
    return found[0] if found else None


def _cards(rows: Iterable[Sequence[Any]]) -> list[TaskCard]:
    width = len(TASK.columns)
    return [
        TaskCard(TASK.from_values(row[:width]), *(int(total) for total in row[width:]))
        for row in rows
    ]


def series_behind(db: sqlite3.Connection, last: date) -> bool:
    """Whether any repeating series still has blocks to make up to `last`."""
    found = db.execute(
        "SELECT 1 FROM series WHERE made_through < :last"
        " AND (until IS NULL OR made_through < until) LIMIT 1",
        {"last": last.isoformat()},
    ).fetchone()
    return found is not None


def plan_from(db: sqlite3.Connection) -> Plan | None:
    """The saved plan (there is at most one), or None."""
    row = db.execute(f"SELECT {PLAN.names()} FROM plan WHERE id = ?", (PLAN_ROW,)).fetchone()
    return None if row is None else PLAN.from_values(row)


def setting_values(db: sqlite3.Connection) -> dict[str, Any]:
    """Every saved setting, JSON-decoded. A value that does not decode (damaged by
    another program) is left out, so it takes its default, and the log says so."""
    values = {}
    for key, value in db.execute("SELECT key, value FROM setting"):
        try:
            values[key] = json.loads(value)
        except ValueError:
            logging.getLogger(__name__).warning("setting %r is unreadable: %r", key, value)
    return values


def replace_setting_values(db: sqlite3.Connection, values: Mapping[str, Any]) -> None:
    """Save exactly these settings (inside the caller's write transaction)."""
    db.execute("DELETE FROM setting")
    db.executemany(
        "INSERT INTO setting (key, value) VALUES (?, ?)",
        [(key, json.dumps(value, ensure_ascii=False)) for key, value in values.items()],
    )
