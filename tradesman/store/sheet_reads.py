"""The rows of the spreadsheet exports, read with plain SQL and handed on one at a time.

Each query walks its table in order with the names a spreadsheet wants beside the ids
(the task a block is booked for, the source, who an enquiry is from) joined in by
SQLite, and the sqlite3 cursor yields row after row: nothing is gathered into a list,
so fifty years of blocks cost the memory of one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from typing import Any

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.leads import Lead, Spend
from tradesman.domain.tasks import Task
from tradesman.store.columns import BLOCK, TASK
from tradesman.store.lead_columns import LEAD, SPEND

BLOCK_LINES = f"""
    SELECT {BLOCK.names("b.")}, t.title, s.name
    FROM block AS b
    LEFT JOIN task AS t ON t.id = b.task_id
    LEFT JOIN source AS s ON s.id = b.source_id
    ORDER BY b.day, b.start_minute, b.id
"""

# Booked and done as the task cards count them (store/reads.py: TASK_CARDS).
TASK_LINES = f"""
    SELECT {TASK.names("t.")},
           COALESCE(SUM(CASE WHEN b.status != 'skipped'
                             THEN b.end_minute - b.start_minute ELSE 0 END), 0),
           COALESCE(SUM(CASE WHEN b.status = 'done'
                             THEN COALESCE(b.actual_minutes, b.end_minute - b.start_minute)
                             ELSE 0 END), 0),
           s.name, l.who
    FROM task AS t
    LEFT JOIN block AS b ON b.task_id = t.id
    LEFT JOIN source AS s ON s.id = t.source_id
    LEFT JOIN lead AS l ON l.id = t.lead_id
    GROUP BY t.id
    ORDER BY t.due IS NULL, t.due, t.id
"""

LEAD_LINES = f"""
    SELECT {LEAD.names("l.")}, s.name
    FROM lead AS l LEFT JOIN source AS s ON s.id = l.source_id
    ORDER BY l.came_in, l.id
"""

SPEND_LINES = f"""
    SELECT {SPEND.names("p.")}, s.name
    FROM spend AS p LEFT JOIN source AS s ON s.id = p.source_id
    ORDER BY p.day, p.id
"""

FIRST_AND_LAST_DAY = "SELECT MIN(day), MAX(day) FROM block"


def _rows(db: sqlite3.Connection, sql: str) -> Iterator[Any]:
    cursor = db.execute(sql)
    try:
        yield from cursor
    finally:
        cursor.close()  # (a walk stopped half-way must not keep the statement open)


def block_lines(db: sqlite3.Connection) -> Iterator[tuple[TimeBlock, str | None, str | None]]:
    """Every block by day and time, with its task's title and its source's name."""
    width = len(BLOCK.columns)
    for row in _rows(db, BLOCK_LINES):
        yield BLOCK.from_values(row[:width]), row[width], row[width + 1]


def task_lines(
    db: sqlite3.Connection,
) -> Iterator[tuple[Task, int, int, str | None, str | None]]:
    """Every task, soonest due first: minutes booked and done, source, who it is for."""
    width = len(TASK.columns)
    for row in _rows(db, TASK_LINES):
        booked, done, source, who = row[width:]
        yield TASK.from_values(row[:width]), int(booked), int(done), source, who


def lead_lines(db: sqlite3.Connection) -> Iterator[tuple[Lead, str | None]]:
    """Every enquiry in the order they came in, with its source's name."""
    width = len(LEAD.columns)
    for row in _rows(db, LEAD_LINES):
        yield LEAD.from_values(row[:width]), row[width]


def spend_lines(db: sqlite3.Connection) -> Iterator[tuple[Spend, str | None]]:
    """Every spend by day, with its source's name."""
    width = len(SPEND.columns)
    for row in _rows(db, SPEND_LINES):
        yield SPEND.from_values(row[:width]), row[width]


def first_and_last_block_day(db: sqlite3.Connection) -> tuple[date, date] | None:
    """The days of the first and the last block; None with no blocks at all."""
    first, last = db.execute(FIRST_AND_LAST_DAY).fetchone()
    return None if first is None else (date.fromisoformat(first), date.fromisoformat(last))
