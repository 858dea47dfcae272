"""Each table's ORM rows read and written through its one declaration (`columns.py`).

A `Table` knows how to get, store exactly and remove a row as a domain object, so the
services and the undo machinery never list a table's columns again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from tradesman.store import columns, lead_columns, schema

D = TypeVar("D")


@dataclass(frozen=True)
class Table(Generic[D]):
    columns: columns.Columns[D]
    row: type[schema.Base]

    def to_domain(self, row: schema.Base) -> D:
        return self.columns.from_row(row)

    def get(self, session: Session, key: int) -> D | None:
        row = session.get(self.row, key)
        return None if row is None else self.to_domain(row)

    def all(
        self,
        session: Session,
        *where: ColumnElement[bool],
        order: Sequence[Any] = (),
        limit: int | None = None,
    ) -> list[D]:
        """The rows (that match `where`), in `order` (by id when none is given); only
        the first `limit` when one is given."""
        query = select(self.row).where(*where).order_by(*(order or (self._id,))).limit(limit)
        return [self.to_domain(row) for row in session.scalars(query)]

    def write(self, session: Session, item: D, **more: object) -> schema.Base:
        """Store `item` exactly under its id, whether or not its row exists now (undo
        and redo put rows back so); an item without an id gets a new row and id.
        `more`: columns the domain object does not hold (a series' `made_through`)."""
        key = self.columns.key(item)
        row = None if key is None else session.get(self.row, key)
        if row is None:
            row = self.row()
            session.add(row)
        for name, value in {**self.columns.values(item), **more}.items():
            setattr(row, name, value)
        session.flush()
        return row

    def put(self, session: Session, item: D) -> D:
        """`write`, returning the item as it is stored."""
        return self.to_domain(self.write(session, item))

    def delete(self, session: Session, key: int | None) -> None:
        session.execute(delete(self.row).where(self._id == key))

    @property
    def _id(self) -> ColumnElement[int]:
        id_column: ColumnElement[int] = self.row.__table__.c.id
        return id_column


BLOCKS = Table(columns.BLOCK, schema.BlockRow)
TASKS = Table(columns.TASK, schema.TaskRow)
TASK_RULES = Table(columns.TASK_RULE, schema.TaskRuleRow)
SERIES = Table(columns.SERIES, schema.SeriesRow)
PLAN = Table(columns.PLAN, schema.PlanRow)
HAND_OFFS = Table(columns.HAND_OFF, schema.HandOffRow)
SOURCES = Table(lead_columns.SOURCE, schema.SourceRow)
LEADS = Table(lead_columns.LEAD, schema.LeadRow)
SPEND = Table(lead_columns.SPEND, schema.SpendRow)
TAKINGS = Table(lead_columns.TAKINGS, schema.TakingsRow)
CALENDAR_EVENTS = Table(columns.CALENDAR_EVENT, schema.CalendarEventRow)
