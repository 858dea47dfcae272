"""One edit as data: the rows it touched, before and after, so it can be undone and redone.

Every edit the window makes returns a `Change`: a list of rows, each one table's row
as it was (None: it did not exist) and as it is (None: it was removed). Applying it
makes the rows look like their `after` side; applying `change.reversed()` (every row
with its sides swapped) puts them back. Because a Change names rows by id and holds
their whole contents, undo and redo never have to know what kind of edit it was: a
move, a paste, a whole series or a week copied. How each table is stored and removed
is declared once, in `edited_tables.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tradesman.store.reads import Db

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.plan import HandOff
from tradesman.domain.series import SeriesRecord
from tradesman.domain.task_rules import TaskRule
from tradesman.domain.tasks import Task
from tradesman.services.edited_tables import (
    BLOCKS,
    HAND_OFFS,
    ORDER,
    RULES,
    SERIES,
    TASKS,
    EditedTable,
)

T = TypeVar("T")


@dataclass(frozen=True)
class Row(Generic[T]):
    """One row an edit touched: as it was and as it is (None: not there)."""

    table: EditedTable[T]
    before: T | None
    after: T | None

    def reversed(self) -> Row[T]:
        return Row(self.table, self.after, self.before)


def rows(table: EditedTable[T], before: Iterable[T] = (), after: Iterable[T] = ()) -> list[Row[T]]:
    """The rows of one table an edit touched, each row's two sides paired by id: in
    the order of `after`, then the rows it removes."""
    was = {table.key(item): item for item in before}
    paired = [Row(table, was.get(key), item) for item in after for key in (table.key(item),)]
    kept = {table.key(item) for item in after}
    return paired + [Row(table, item, None) for key, item in was.items() if key not in kept]


@dataclass(frozen=True)
class Change:
    rows: tuple[Row[Any], ...] = ()

    def reversed(self) -> Change:
        return Change(tuple(row.reversed() for row in self.rows))

    @property
    def is_empty(self) -> bool:
        return all(row.before == row.after for row in self.rows)

    def before(self, table: EditedTable[T]) -> tuple[T, ...]:
        return tuple(
            row.before for row in self.rows if row.table is table and row.before is not None
        )

    def after(self, table: EditedTable[T]) -> tuple[T, ...]:
        return tuple(row.after for row in self._of(table) if row.after is not None)

    def _of(self, table: EditedTable[T]) -> list[Row[T]]:
        return [row for row in self.rows if row.table is table]

    def touches(self, *touched: EditedTable[Any]) -> bool:
        return any(row.table in touched for row in self.rows)

    @property
    def before_blocks(self) -> tuple[TimeBlock, ...]:
        """The blocks as they were (the window finds the week to show after an undo
        from these and `after_blocks`)."""
        return self.before(BLOCKS)

    @property
    def after_blocks(self) -> tuple[TimeBlock, ...]:
        """The blocks as they are, in the order the edit made them (the window shows
        the week of the first after a redo, and selects it after an add)."""
        return self.after(BLOCKS)

    @property
    def after_tasks(self) -> tuple[Task, ...]:
        return self.after(TASKS)

    @property
    def after_rules(self) -> tuple[TaskRule, ...]:
        return self.after(RULES)

    @property
    def after_series(self) -> tuple[SeriesRecord, ...]:
        return self.after(SERIES)

    @property
    def after_hand_offs(self) -> tuple[HandOff, ...]:
        return self.after(HAND_OFFS)

    def days(self) -> list[date]:
        """The days whose blocks the change touched, in order."""
        return sorted({block.day for block in (*self.before_blocks, *self.after_blocks)})

    def then(self, later: Change) -> Change:
        """This change and `later` as one (one undo step): each row as it was before
        this one touched it, and as `later` left it."""
        joined: dict[tuple[int, int | None], Row[Any]] = {}
        for index, row in enumerate((*self.rows, *later.rows)):
            item = row.after if row.after is not None else row.before
            found = row.table.key(item)
            key = (id(row.table), -1 - index if found is None else found)
            first = joined.get(key)
            joined[key] = row if first is None else Row(row.table, first.before, row.after)
        return Change(tuple(joined.values()))


def commit(session: Db, touched: Sequence[Row[Any]]) -> Change:
    """Store the after side of `touched` and return the Change, holding each row
    exactly as stored (a new row with its id, a title as trimmed)."""
    return _apply(session, Change(tuple(touched)))


def apply_change(session: Db, change: Change) -> None:
    """Make the rows `change` touched look like its `after` side."""
    _apply(session, change)


def _apply(session: Db, change: Change) -> Change:
    """Rows are stored table by table in `ORDER` and removed in the reverse order."""
    stored = list(change.rows)
    for table in ORDER:
        for index, row in enumerate(change.rows):
            if row.table is table and row.after is not None:
                stored[index] = Row(table, row.before, table.put(session, row.after, change))
    for table in reversed(ORDER):
        for row in change.rows:
            if row.table is table and row.after is None and row.before is not None:
                table.remove(session, row.before, change)
    return Change(tuple(stored))
