"""The small questions the services ask of the file, in plain SQL: the last task a rule
made, each enquiry's next follow-up, the Work page's enquiries, how much names each
source, which calendar appointments were imported before."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.leads import Lead
from tradesman.store.lead_columns import LEAD
from tradesman.store.reads import dbapi_connection
from tradesman.store.rows import rows_where

if TYPE_CHECKING:
    from tradesman.store.reads import Db

# What can name a source: each table with a source_id.
NAMING_A_SOURCE = ("lead", "block", "series", "task", "spend")


def last_due_of_rule(db: Db, rule_id: int) -> date | None:
    """The latest due day of the tasks `rule_id` made (None: none with a day)."""
    (last,) = (
        dbapi_connection(db)
        .execute("SELECT MAX(due) FROM task WHERE rule_id = ?", (rule_id,))
        .fetchone()
    )
    return None if last is None else date.fromisoformat(last)


def earliest_open_due_by_lead(db: Db, area: str, open_statuses: Iterable[str]) -> dict[int, date]:
    """For each enquiry, the earliest due day of its tasks in `area` still open (open
    statuses by name: the index on area and status then skips the done ones, years of
    them)."""
    statuses = list(open_statuses)
    found = dbapi_connection(db).execute(
        f"""SELECT lead_id, MIN(due) FROM task
            WHERE lead_id IS NOT NULL AND area = ? AND due IS NOT NULL
                  AND status IN ({", ".join("?" for _ in statuses)})
            GROUP BY lead_id""",
        (area, *statuses),
    )
    return {lead_id: date.fromisoformat(due) for lead_id, due in found}


def leads_in_or_decided_since(db: Db, states: Collection[str], since: date) -> list[Lead]:
    """The enquiries in `states`, and those decided on `since` or later, newest first."""
    # Each way in through its own index (state; decided_on, schema v11): one OR would
    # walk every enquiry ever logged in order of coming in, for the ORDER BY.
    marks = ", ".join("?" for _ in states)
    picked = f"""id IN (SELECT id FROM lead WHERE state IN ({marks})
                 UNION SELECT id FROM lead WHERE decided_on >= ?)"""
    return rows_where(db, LEAD, picked, [*states, since.isoformat()], "came_in DESC, id DESC")


def rows_per_source(db: Db, table: str) -> dict[int | None, int]:
    """How many rows of `table` (one of NAMING_A_SOURCE) name each source."""
    assert table in NAMING_A_SOURCE
    query = f"SELECT source_id, COUNT(*) FROM {table} GROUP BY source_id"
    return {source_id: count for source_id, count in dbapi_connection(db).execute(query)}


def imported_events(db: Db, events: Collection[str]) -> frozenset[str]:
    """Which of `events` (calendar appointments' keys) were imported before."""
    connection = dbapi_connection(db)
    found: set[str] = set()
    names = sorted(events)
    # (Bound one by one, in steps under SQLite's limit on bound values: a key is kept
    # exactly as the file gave it, even with a NUL in it, which a JSON list would cut.)
    for start in range(0, len(names), 500):
        step = names[start : start + 500]
        marks = ", ".join("?" for _ in step)
        rows = connection.execute(
            f"SELECT event FROM calendar_event WHERE event IN ({marks})", step
        )
        found.update(event for (event,) in rows)
    return frozenset(found)
