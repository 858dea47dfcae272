"""The long tables of an export, read with plain SQL and handed on one row at a time.

Tasks, blocks, enquiries, spend and takings grow with the years; the sqlite3 cursor
yields them row after row, mapped through each table's one declaration, so an export
of fifty years holds one row of them at a time (see sheet_reads.py for the same idea).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any, TypeVar

from tradesman.store.columns import BLOCK, TASK, Columns
from tradesman.store.lead_columns import LEAD, SPEND, TAKINGS

D = TypeVar("D")

# Blocks in calendar order, as the export has always written them; the rest by id.
BLOCK_ORDER = "day, start_minute, id"
# The tables whose rows an export counts to say how far it has come.
LONG_TABLES = (TASK, BLOCK, LEAD, SPEND, TAKINGS)


def rows_of(db: sqlite3.Connection, table: Columns[D], order: str = "id") -> Iterator[D]:
    """Every row of `table` as its domain object, in `order`, one at a time."""
    cursor = db.execute(f"SELECT {table.names()} FROM {table.table} ORDER BY {order}")
    try:
        for row in cursor:
            yield table.from_values(row)
    finally:
        cursor.close()


def ids_of(db: sqlite3.Connection, table: Columns[D]) -> frozenset[int]:
    """The ids of `table`'s rows (what a link to one of them may name)."""
    return frozenset(row[0] for row in db.execute(f"SELECT id FROM {table.table}").fetchall())


def rows_in(db: sqlite3.Connection, *tables: Columns[Any]) -> int:
    """How many rows `tables` hold between them."""
    return sum(db.execute(f"SELECT COUNT(*) FROM {table.table}").fetchone()[0] for table in tables)
