"""Each table's columns and the domain object a row of it is, declared once.

Plain Python, no SQLAlchemy: every read and write of a row (`rows.py`, `tables.py`,
`reads.py`) maps bare `sqlite3` rows through these declarations, and the import's bulk
inserts (services/data_set.py, through the ORM models of schema.py) take their values
from the same ones. So a table's columns are listed here and nowhere else (the tables
of work coming in in lead_columns.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.imported_appointments import ImportedAppointment
from tradesman.domain.plan import HandOff, HandOffWay, Plan
from tradesman.domain.purposes import Purpose
from tradesman.domain.series import Series
from tradesman.domain.task_rules import Every, TaskRule
from tradesman.domain.tasks import Task, TaskStatus

D = TypeVar("D")
Convert = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _or_none(convert: Convert) -> Convert:
    return lambda value: None if value is None else convert(value)


@dataclass(frozen=True)
class Column:
    """One column: its name in the table (and on the ORM model), and the domain field."""

    name: str
    field: str
    load: Convert = _same  # the Python value -> the domain object's
    save: Convert = _same  # the domain object's value -> the Python value
    # A bare sqlite3 value -> the Python value: what schema.py's column types do on
    # reading (and tables.sql_value undoes on writing).
    raw: Convert = _same


def plain(*names: str) -> tuple[Column, ...]:
    return tuple(Column(name, name) for name in names)


def choice(name: str, kind: type[StrEnum]) -> Column:
    """An enum kept as its text. (A dictionary lookup: calling the enum itself for
    thousands of rows is slow.)"""
    return Column(name, name, load={member.value: member for member in kind}.__getitem__,
                  save=lambda member: member.value)  # fmt: skip


def maybe_choice(name: str, kind: type[StrEnum]) -> Column:
    """An enum kept as its text, or NULL."""
    load = {member.value: member for member in kind}
    return Column(name, name, load=_or_none(load.__getitem__),
                  save=_or_none(lambda member: member.value))  # fmt: skip


def day(name: str) -> Column:
    return Column(name, name, raw=_or_none(date.fromisoformat))


def moment(name: str) -> Column:
    return Column(name, name, raw=_or_none(datetime.fromisoformat))


def flag(name: str) -> Column:
    return Column(name, name, raw=bool)


def weekday_bits(weekdays: frozenset[int]) -> int:
    return sum(1 << weekday for weekday in weekdays)


def weekdays_of(bits: int) -> frozenset[int]:
    return frozenset(weekday for weekday in range(7) if bits & (1 << weekday))


@dataclass(frozen=True)
class Columns(Generic[D]):
    """A table's columns and how a row of it becomes a domain object and back."""

    table: str
    make: Callable[..., D]
    columns: tuple[Column, ...]
    only_id: int | None = None  # a table of one row (the plan): that row's id

    def names(self, prefix: str = "") -> str:
        """The column list for a SELECT, in the order `from_values` reads."""
        return ", ".join(prefix + column.name for column in self.columns)

    def from_values(self, values: Sequence[Any]) -> D:
        """The domain object from a bare sqlite3 row selected with `names()`."""
        return self.make(**{
            column.field: column.load(column.raw(value))
            for column, value in zip(self.columns, values, strict=False)
        })  # fmt: skip

    def from_row(self, row: object) -> D:
        """The domain object from an ORM row."""
        return self.make(**{
            column.field: column.load(getattr(row, column.name)) for column in self.columns
        })  # fmt: skip

    def values(self, item: D) -> dict[str, Any]:
        """The row's values for `item`, as Python values (`tables.sql_value` makes them
        the file's; its id left out when it has none yet)."""
        values = {column.name: column.save(getattr(item, column.field)) for column in self.columns}
        if self.only_id is not None:
            values["id"] = self.only_id
        elif values.get("id") is None:
            values.pop("id", None)
        return values

    def key(self, item: D) -> int | None:
        """The id of `item`'s row (None: not stored yet)."""
        if self.only_id is not None:
            return self.only_id
        key: int | None = getattr(item, "id")  # noqa: B009 (every other table has an id)
        return key


BLOCK = Columns(
    "block",
    TimeBlock,
    (
        *plain("id"),
        day("day"),
        Column("start_minute", "start"),
        Column("end_minute", "end"),
        choice("area", Area),
        *plain("title", "notes"),
        choice("status", BlockStatus),
        *plain("actual_minutes", "task_id", "series_id", "source_id"),
        maybe_choice("purpose", Purpose),
    ),
)

TASK = Columns(
    "task",
    Task,
    (
        *plain("id", "title"),
        choice("area", Area),
        choice("status", TaskStatus),
        day("due"),
        *plain("estimate_minutes", "notes"),
        moment("created"),
        moment("completed"),
        *plain("rule_id"),
        flag("customer_job"),
        *plain("source_id", "lead_id"),
        maybe_choice("purpose", Purpose),
    ),
)

TASK_RULE = Columns(
    "task_rule",
    TaskRule,
    (
        *plain("id", "title"),
        choice("area", Area),
        choice("every", Every),
        *plain("interval"),
        day("first_due"),
        *plain("estimate_minutes", "notes", "nth", "weekday"),
        day("until"),
        *plain("lead_days"),
        day("next_due"),
        flag("customer_job"),
    ),
)

# (How far its blocks are made, `made_through`, is the series record's, not the
# series': services/series.py keeps it.)
SERIES = Columns(
    "series",
    Series,
    (
        *plain("id", "title"),
        choice("area", Area),
        Column("start_minute", "start"),
        Column("end_minute", "end"),
        *plain("notes"),
        Column("weekdays", "weekdays", load=weekdays_of, save=weekday_bits),
        *plain("every_weeks", "weeks_from"),
        day("first_day"),
        day("until"),
        *plain("task_id", "source_id"),
        maybe_choice("purpose", Purpose),
    ),
)

PLAN_ROW = 1  # the plan's one row

PLAN = Columns(
    "plan",
    Plan,
    (
        day("start"),
        *plain("weeks", "target_share", "capacity_minutes", "typed_baseline", "marketing_floor"),
    ),
    only_id=PLAN_ROW,
)

HAND_OFF = Columns(
    "hand_off",
    HandOff,
    (
        *plain("id", "title"),
        choice("area", Area),
        choice("way", HandOffWay),
        *plain("minutes_a_week"),
        flag("done"),
    ),
)

# Blocks made from a phone calendar's appointments (schema v10).
CALENDAR_EVENT = Columns("calendar_event", ImportedAppointment, plain("id", "block_id", "event"))
