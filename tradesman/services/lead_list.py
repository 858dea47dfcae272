"""Reading enquiries by state and by the weeks they touch (plain SQL: see
store/rows.py), apart from leads.py's edits, so the printed week and plan load no
SQLAlchemy."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.leads import Lead, LeadState
from tradesman.store.lead_columns import LEAD
from tradesman.store.rows import rows_where

if TYPE_CHECKING:
    from tradesman.store.reads import Db

NEWEST_FIRST = "came_in DESC, id DESC"


def leads_in(db: Db, states: Collection[LeadState] | None = None) -> list[Lead]:
    """The enquiries in `states` (all when None), the newest first."""
    if states is None:
        return rows_where(db, LEAD, order=NEWEST_FIRST)
    picked = [state.value for state in states]
    where = f"state IN ({', '.join('?' for _ in picked)})"
    return rows_where(db, LEAD, where, picked, NEWEST_FIRST)


def leads_touching(db: Db, first: date, last: date) -> list[Lead]:
    """The enquiries that came in, were quoted or were decided from `first` to `last`."""
    # Each way in through its own index (the v11 ones for quoted_on and decided_on):
    # one OR, ordered by id, would walk every enquiry ever logged.
    picked = """id IN (SELECT id FROM lead WHERE came_in BETWEEN :first AND :last
                UNION SELECT id FROM lead WHERE quoted_on BETWEEN :first AND :last
                UNION SELECT id FROM lead WHERE decided_on BETWEEN :first AND :last)"""
    return rows_where(db, LEAD, picked, {"first": first.isoformat(), "last": last.isoformat()})
