"""Marketing spend and the months' takings: their edits (each a `Change`) and lists."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tradesman.domain.lead_checks import check_spend, check_takings
from tradesman.domain.leads import Spend, Takings, month_of
from tradesman.errors import UserError
from tradesman.services.changes import Change, commit, rows
from tradesman.services.edited_tables import SPEND, TAKINGS
from tradesman.services.lead_rows import check_source_link
from tradesman.store import tables

if TYPE_CHECKING:
    from tradesman.store.reads import Db


def add_spend(session: Db, spend: Spend, today: date) -> Change:
    checked = check_spend(spend.with_changes(id=None), today)
    check_source_link(session, checked.source_id)
    return commit(session, rows(SPEND, after=[checked]))


def delete_spend(session: Db, spend_id: int) -> Change:
    spend = tables.SPEND.get(session, spend_id)
    if spend is None:
        raise UserError("That spend was removed meanwhile.")
    return commit(session, rows(SPEND, [spend]))


def spend_between(
    session: Db,
    first: date | None = None,
    last: date | None = None,
    limit: int | None = None,
) -> list[Spend]:
    """The spend from `first` to `last` (either open), the latest first; only the
    latest `limit` when one is given (read through the day's index, not all of it)."""
    where, days = [], []
    if first is not None:
        where.append("day >= ?")
        days.append(first.isoformat())
    if last is not None:
        where.append("day <= ?")
        days.append(last.isoformat())
    return tables.SPEND.all(
        session, " AND ".join(where), days, order="day DESC, id DESC", limit=limit
    )


def set_takings(session: Db, month: date, amount: int | None, today: date) -> Change:
    """The takings of `month` (any day in it) set, changed, or cleared (None)."""
    first = month_of(month)
    kept = takings_of(session, first)
    before = [] if kept is None else [kept]
    if amount is None:
        return commit(session, rows(TAKINGS, before))
    after = check_takings(Takings(first, amount, id=None if kept is None else kept.id), today)
    return commit(session, rows(TAKINGS, before, [after]))


def takings_of(session: Db, month: date) -> Takings | None:
    """The takings kept for `month` (any day in it), if any."""
    found = tables.TAKINGS.all(session, "month = ?", (month_of(month).isoformat(),))
    return found[0] if found else None


def all_takings(session: Db, limit: int | None = None) -> list[Takings]:
    """Every month's takings, the latest first (only the latest `limit`, if given)."""
    return tables.TAKINGS.all(session, order="month DESC", limit=limit)
