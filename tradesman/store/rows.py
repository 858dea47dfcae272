"""Rows of one table as domain objects, read with plain SQL through the table's one
declaration (`columns.py`).

Given a bare sqlite3 connection (the window's, the commands') they read over it; given
a SQLAlchemy Session, inside its transaction (`reads.dbapi_connection`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from tradesman.store.columns import Columns
from tradesman.store.reads import dbapi_connection

if TYPE_CHECKING:
    from tradesman.store.reads import Db

D = TypeVar("D")


def row_by_id(db: Db, table: Columns[D], key: int) -> D | None:
    """The row of `table` with id `key`, or None."""
    found = (
        dbapi_connection(db)
        .execute(f"SELECT {table.names()} FROM {table.table} WHERE id = ?", (key,))
        .fetchone()
    )
    return None if found is None else table.from_values(found)


def rows_where(
    db: Db,
    table: Columns[D],
    where: str = "",
    params: Sequence[Any] | Mapping[str, Any] = (),
    order: str = "id",
) -> list[D]:
    """The rows of `table` that `where` (SQL, with `params`) picks, in `order` (SQL)."""
    sql = f"SELECT {table.names()} FROM {table.table}"
    if where:
        sql += f" WHERE {where}"
    rows = dbapi_connection(db).execute(f"{sql} ORDER BY {order}", params)
    return [table.from_values(row) for row in rows]


def row_exists(db: Db, table: Columns[D], key: int) -> bool:
    """Whether `table` has a row with id `key` (a link checked before it is stored)."""
    found = dbapi_connection(db).execute(f"SELECT 1 FROM {table.table} WHERE id = ?", (key,))
    return found.fetchone() is not None
