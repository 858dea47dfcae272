"""The tables an edit can change, and how a `Change` stores and removes their rows.

Each is the store's table (`store/tables.py`: the columns, declared once) with the
check a row passes before it is stored. Series alone need more care (`SeriesTable`).
`ORDER` is the order rows are stored in: what other rows point at comes first, and
rows are removed in the reverse order, so every link stays valid on the way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.imported_appointments import ImportedAppointment
from tradesman.domain.leads import Lead, Source, Spend, Takings
from tradesman.domain.plan import HandOff, Plan, check_hand_off, check_plan
from tradesman.domain.series import SeriesRecord
from tradesman.domain.task_rules import TaskRule
from tradesman.domain.tasks import Task
from tradesman.services.blocks import checked_block
from tradesman.services.lead_rows import (
    checked_lead,
    checked_source,
    checked_spend,
    checked_takings,
)
from tradesman.services.series import extend_one_series
from tradesman.services.task_rules import prepared_rule
from tradesman.services.tasks import checked_task
from tradesman.store import tables
from tradesman.store.series_rows import (
    get_record,
    put_record,
    records_of,
    remove_blocks_of,
    remove_series,
)

if TYPE_CHECKING:
    from tradesman.services.changes import Change
    from tradesman.store.reads import Db

T = TypeVar("T")


class EditedTable(Generic[T]):
    """A table whose rows a Change holds; `put` returns the row as stored."""

    name: str

    def key(self, item: T) -> int | None:
        raise NotImplementedError

    def put(self, session: Db, item: T, change: Change) -> T:
        raise NotImplementedError

    def remove(self, session: Db, item: T, change: Change) -> None:
        raise NotImplementedError


@dataclass(frozen=True, eq=False)
class CheckedTable(EditedTable[T]):
    """Rows stored just as they are, once `check` has passed them."""

    name: str
    stored: tables.Table[T]
    check: Callable[[Db, T], T]

    def key(self, item: T) -> int | None:
        return self.stored.columns.key(item)

    def put(self, session: Db, item: T, change: Change) -> T:
        return self.stored.put(session, self.check(session, item))

    def remove(self, session: Db, item: T, change: Change) -> None:
        self.stored.delete(session, self.key(item))


class SeriesTable(EditedTable[SeriesRecord]):
    """Series with their skipped days; their blocks come and go with them."""

    name = "series"

    def key(self, item: SeriesRecord) -> int | None:
        return item.series.id

    def put(self, session: Db, item: SeriesRecord, change: Change) -> SeriesRecord:
        """Store a series as `item` says, minding the blocks made since the change.

        Looking at later weeks makes a series' blocks further ahead than the change
        knew. If the series is the same as it is now, those blocks are still right and
        stay; if it differs (undoing a change to the whole series), they are made again
        to match.
        """
        series_id = item.series.id
        assert series_id is not None
        now = records_of(session, [series_id])
        made_since = now[0].made_through if now else item.made_through
        if made_since <= item.made_through:
            put_record(session, item)
        elif now and now[0].series == item.series:
            put_record(session, replace(item, made_through=made_since))
        else:
            put_record(session, item)
            remove_blocks_of(session, series_id, _kept_blocks(change), after=item.made_through)
            extend_one_series(session, series_id, made_since)
        return get_record(session, series_id)

    def remove(self, session: Db, item: SeriesRecord, change: Change) -> None:
        # Blocks still made by a series that goes away go with it; blocks the change
        # keeps (history) were stored without it already.
        series_id = item.series.id
        remove_blocks_of(session, series_id, _kept_blocks(change))
        remove_series(session, series_id)


def _kept_blocks(change: Change) -> set[int]:
    return {block.id for block in change.after_blocks if block.id is not None}


RULES: EditedTable[TaskRule] = CheckedTable(
    "rules", tables.TASK_RULES, lambda session, rule: prepared_rule(rule)
)
TASKS: EditedTable[Task] = CheckedTable("tasks", tables.TASKS, checked_task)
SERIES: EditedTable[SeriesRecord] = SeriesTable()
BLOCKS: EditedTable[TimeBlock] = CheckedTable("blocks", tables.BLOCKS, checked_block)
PLAN: EditedTable[Plan] = CheckedTable("plan", tables.PLAN, lambda session, plan: check_plan(plan))
HAND_OFFS: EditedTable[HandOff] = CheckedTable(
    "hand-offs", tables.HAND_OFFS, lambda session, hand_off: check_hand_off(hand_off)
)

SOURCES: EditedTable[Source] = CheckedTable("sources", tables.SOURCES, checked_source)
LEADS: EditedTable[Lead] = CheckedTable("enquiries", tables.LEADS, checked_lead)
SPEND: EditedTable[Spend] = CheckedTable("spend", tables.SPEND, checked_spend)
TAKINGS: EditedTable[Takings] = CheckedTable("takings", tables.TAKINGS, checked_takings)

# (Stored as they are: the import that makes them names blocks it has just stored.)
IMPORTED: EditedTable[ImportedAppointment] = CheckedTable(
    "calendar appointments", tables.CALENDAR_EVENTS, lambda session, imported: imported
)

# Enquiries point at sources; tasks at rules, enquiries and sources; series at tasks and
# sources; blocks at tasks, series and sources; spend at sources. The takings, the plan
# and its hand-offs point at nothing; the calendar's appointments name blocks.
ORDER: tuple[EditedTable[Any], ...] = (
    SOURCES, LEADS, RULES, TASKS, SERIES, BLOCKS, IMPORTED, SPEND, TAKINGS, PLAN, HAND_OFFS,
)  # fmt: skip
