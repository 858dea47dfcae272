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
from tradesman.store.schema import SpendRow, TakingsRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def add_spend(session: Session, spend: Spend, today: date) -> Change:
    checked = check_spend(spend.with_changes(id=None), today)
    check_source_link(session, checked.source_id)
    return commit(session, rows(SPEND, after=[checked]))


def delete_spend(session: Session, spend_id: int) -> Change:
    spend = tables.SPEND.get(session, spend_id)
    if spend is None:
        raise UserError("That spend was removed meanwhile.")
    return commit(session, rows(SPEND, [spend]))


def spend_between(
    session: Session,
    first: date | None = None,
    last: date | None = None,
    limit: int | None = None,
) -> list[Spend]:
    """The spend from `first` to `last` (either open), the latest first; only the
    latest `limit` when one is given (read through the day's index, not all of it)."""
    where = []
    if first is not None:
        where.append(SpendRow.day >= first)
    if last is not None:
        where.append(SpendRow.day <= last)
    order = (SpendRow.day.desc(), SpendRow.id.desc())
    return tables.SPEND.all(session, *where, order=order, limit=limit)


def set_takings(session: Session, month: date, amount: int | None, today: date) -> Change:
    """The takings of `month` (any day in it) set, changed, or cleared (None)."""
    first = month_of(month)
    before = tables.TAKINGS.all(session, TakingsRow.month == first)
    if amount is None:
        return commit(session, rows(TAKINGS, before))
    kept_id = before[0].id if before else None
    after = check_takings(Takings(first, amount, id=kept_id), today)
    return commit(session, rows(TAKINGS, before, [after]))


def all_takings(session: Session, limit: int | None = None) -> list[Takings]:
    """Every month's takings, the latest first (only the latest `limit`, if given)."""
    return tables.TAKINGS.all(session, order=(TakingsRow.month.desc(),), limit=limit)
