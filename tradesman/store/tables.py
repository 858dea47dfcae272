"""Each table's rows read and written as domain objects through its one declaration
(`columns.py`, `lead_columns.py`), in plain SQL over `Db`: a bare sqlite3 connection (the
window's edits, which load no SQLAlchemy) or a Session (its transaction's connection).

A `Table` knows how to get, store exactly and remove a row as a domain object, so the
services and the undo machinery never list a table's columns again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from tradesman.store import columns, lead_columns
from tradesman.store.reads import dbapi_connection
from tradesman.store.rows import row_by_id, row_exists, rows_where

if TYPE_CHECKING:
    from tradesman.store.reads import Db

D = TypeVar("D")


def sql_value(value: object) -> object:
    """A domain object's field as the file keeps it (see migrations.py's STRICT tables): a
    day as 'YYYY-MM-DD', a moment as ISO text in UTC to the second, a flag as 0 or 1."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("timestamps must carry a time zone")
        return value.astimezone(UTC).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


@dataclass(frozen=True)
class Table(Generic[D]):
    columns: columns.Columns[D]

    @property
    def name(self) -> str:
        return self.columns.table

    def get(self, db: Db, key: int) -> D | None:
        return row_by_id(db, self.columns, key)

    def exists(self, db: Db, key: int) -> bool:
        """Whether a row has id `key` (a link checked before it is stored)."""
        return row_exists(db, self.columns, key)

    def all(
        self,
        db: Db,
        where: str = "",
        params: Sequence[Any] | Mapping[str, Any] = (),
        order: str = "id",
        limit: int | None = None,
    ) -> list[D]:
        """The rows `where` picks (SQL, with `params`; all when empty), in `order` (SQL;
        by id when not given); only the first `limit` when one is given."""
        if limit is not None:
            order = f"{order} LIMIT {int(limit)}"
        return rows_where(db, self.columns, where, params, order)

    def write(self, db: Db, item: D, **more: object) -> int:
        """Store `item` exactly under its id, whether or not its row exists now (undo
        and redo put rows back so); an item without an id gets a new row and id, which
        is returned. `more`: columns the domain object does not hold (a series'
        `made_through`)."""
        values = {
            name: sql_value(value) for name, value in {**self.columns.values(item), **more}.items()
        }
        names = list(values)
        sql = (
            f"INSERT INTO {self.name} ({', '.join(names)})"
            f" VALUES ({', '.join(':' + name for name in names)})"
        )
        key = values.get("id")
        if key is not None:  # (an update in place: never a delete and insert, whose
            # cascades would unlink the rows that point at this one; and none at all when
            # nothing differs, so an unchanged row does not count as a change to back up)
            others = [name for name in names if name != "id"]
            changed = ", ".join(f"{name} = excluded.{name}" for name in others)
            differs = " OR ".join(f"{name} IS NOT excluded.{name}" for name in others)
            sql += f" ON CONFLICT(id) DO UPDATE SET {changed} WHERE {differs}"
        cursor = dbapi_connection(db).execute(sql, values)
        if key is None:
            assert cursor.lastrowid is not None
            return cursor.lastrowid
        assert isinstance(key, int)
        return key

    def add_all(self, db: Db, items: Sequence[D]) -> None:
        """New rows for `items` (none has an id yet), in one statement run for each."""
        rows = [{name: sql_value(value) for name, value in self.columns.values(item).items()}
                for item in items]  # fmt: skip
        if rows:
            names = list(rows[0])
            dbapi_connection(db).executemany(
                f"INSERT INTO {self.name} ({', '.join(names)})"
                f" VALUES ({', '.join(':' + name for name in names)})",
                rows,
            )

    def put(self, db: Db, item: D) -> D:
        """`write`, returning the item as it is stored."""
        stored = self.get(db, self.write(db, item))
        assert stored is not None
        return stored

    def delete(self, db: Db, key: int | None) -> None:
        dbapi_connection(db).execute(f"DELETE FROM {self.name} WHERE id = ?", (key,))


BLOCKS = Table(columns.BLOCK)
TASKS = Table(columns.TASK)
TASK_RULES = Table(columns.TASK_RULE)
SERIES = Table(columns.SERIES)
PLAN = Table(columns.PLAN)
HAND_OFFS = Table(columns.HAND_OFF)
SOURCES = Table(lead_columns.SOURCE)
LEADS = Table(lead_columns.LEAD)
SPEND = Table(lead_columns.SPEND)
TAKINGS = Table(lead_columns.TAKINGS)
CALENDAR_EVENTS = Table(columns.CALENDAR_EVENT)
