"""The whole data set at once: read it for export, replace it on import."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Table, delete, insert
from sqlalchemy.orm import Session

from tradesman.domain.leads import SEEDED_SOURCES, Source
from tradesman.domain.plan import check_hand_off, check_plan
from tradesman.domain.series import SeriesRecord
from tradesman.exchange.document import DataSet
from tradesman.progress import Progress, Steps, no_progress
from tradesman.services.counts import Counts
from tradesman.services.lead_settings import load_lead_settings, save_lead_settings
from tradesman.services.plan_rows import all_hand_offs, get_plan
from tradesman.services.settings import LEAD_KEYS, load_settings, save_settings
from tradesman.services.task_rules import all_rules, prepared_rule
from tradesman.services.tasks import stamped
from tradesman.store import columns, lead_columns, tables
from tradesman.store.schema import (
    Base,
    BlockRow,
    CalendarEventRow,
    HandOffRow,
    LeadRow,
    PlanRow,
    SeriesRow,
    SeriesSkipRow,
    SettingRow,
    SourceRow,
    SpendRow,
    TakingsRow,
    TaskRow,
    TaskRuleRow,
)
from tradesman.store.series_rows import all_records

if TYPE_CHECKING:
    from tradesman.store.reads import Db

T = TypeVar("T")
# Rows inserted at a time: the import tells its progress (and can be stopped) between
# them, and each statement stays one executemany of rows alike in their columns.
CHUNK = 5_000


def _unseen(rows: int) -> None:
    """Rows inserted that no progress bar is told of."""


def read_data_set(session: Db, locale_name: str | None) -> DataSet:
    """Everything, with tasks and series by id and blocks in calendar order."""
    tasks = tables.TASKS.all(session)
    blocks = tables.BLOCKS.all(session, order="day, start_minute, id")
    return DataSet(
        load_settings(session, locale_name), tasks, blocks, all_records(session),
        all_rules(session), get_plan(session), all_hand_offs(session),
        tables.SOURCES.all(session), tables.LEADS.all(session), tables.SPEND.all(session),
        tables.TAKINGS.all(session), load_lead_settings(session, locale_name),
        tables.CALENDAR_EVENTS.all(session),
    )  # fmt: skip


def replace_data_set(
    session: Session, data: DataSet, now: datetime, progress: Progress | None = None
) -> Counts:
    """Replace everything with `data` (already checked by `from_document`).

    Runs inside the caller's write transaction, so either all of it lands or none
    (`Cancelled` from `progress`, told of the rows as they go in, rolls it all back).
    Everything gets new ids from the database (ids are never given out twice), and
    the links between blocks, tasks, series, sources and enquiries are carried over to
    them. A file from before sources were kept (format 5 or older) gets the list a new
    data file starts with. `now` is the completed time of done tasks without one.
    """
    step = Steps(progress or no_progress, _rows_in(data)).step
    for table in (
        CalendarEventRow, BlockRow, SeriesSkipRow, SeriesRow, TaskRow, TaskRuleRow, PlanRow,
        HandOffRow, SpendRow, TakingsRow, LeadRow, SourceRow,
    ):  # fmt: skip
        session.execute(delete(table))
    # (The settings of work coming in stay as they are unless the file gives them.)
    session.execute(delete(SettingRow).where(SettingRow.key.not_in(LEAD_KEYS)))
    given = data.sources or [
        Source(name, kind, id=-1 - n) for n, (name, kind) in enumerate(SEEDED_SOURCES)
    ]  # (ids of their own, never None: None is "no source" below)
    sources = _insert_all(
        session, SourceRow, [source.id for source in given],
        [_values(lead_columns.SOURCE, source) for source in given], step,
    )  # fmt: skip
    leads = _insert_all(
        session, LeadRow, [lead.id for lead in data.leads],
        [
            _values(lead_columns.LEAD, lead.with_changes(source_id=_link(sources, lead.source_id)))
            for lead in data.leads
        ],
        step,
    )  # fmt: skip
    money = [
        _values(lead_columns.SPEND, spend.with_changes(source_id=_link(sources, spend.source_id)))
        for spend in data.spend
    ]
    _insert(session, SpendRow, money, step)
    months = [_values(lead_columns.TAKINGS, takings) for takings in data.takings]
    _insert(session, TakingsRow, months, step)

    save_settings(session, data.settings)
    if data.lead_settings is not None:
        save_lead_settings(session, data.lead_settings)
    if data.plan is not None:
        tables.PLAN.write(session, check_plan(data.plan))
    for hand_off in data.hand_offs:
        tables.HAND_OFFS.write(session, check_hand_off(hand_off).with_changes(id=None))
    rule_ids = _insert_all(
        session, TaskRuleRow, [rule.id for rule in data.rules],
        [_values(columns.TASK_RULE, prepared_rule(rule)) for rule in data.rules], step,
    )  # fmt: skip
    tasks = [
        task.with_changes(
            rule_id=rule_ids.get(task.rule_id),
            source_id=_link(sources, task.source_id),
            lead_id=_link(leads, task.lead_id),
        )
        for task in data.tasks
    ]
    task_ids = _insert_all(
        session, TaskRow, [task.id for task in tasks],
        [_values(columns.TASK, stamped(task, now)) for task in tasks], step,
    )  # fmt: skip
    series_ids = _insert_all(
        session, SeriesRow, [record.series.id for record in data.series],
        [_series_row(record, task_ids, sources) for record in data.series], step,
    )  # fmt: skip
    skipped = [
        {"series_id": series_ids[record.series.id], "day": day}
        for record in data.series
        for day in record.skipped
    ]
    _insert(session, SeriesSkipRow, skipped)
    # (The links set in the row's values: a block copied with new links for each of a
    # hundred thousand rows costs seconds.)
    blocks = [
        {
            **_values(columns.BLOCK, block),
            "task_id": task_ids.get(block.task_id),
            "series_id": series_ids.get(block.series_id),
            "source_id": _link(sources, block.source_id),
        }
        for block in data.blocks
    ]
    if data.imported:  # (the new ids are needed only to carry these over)
        block_ids = _insert_all(
            session, BlockRow, [block.id for block in data.blocks], blocks, step
        )
        imported = [
            {"block_id": block_ids[item.block_id], "event": item.event}
            for item in data.imported
            if item.block_id in block_ids
        ]
        _insert(session, CalendarEventRow, imported)
    else:
        _insert(session, BlockRow, blocks, step)
    return Counts.of(data)


def _rows_in(data: DataSet) -> int:
    """The rows an import inserts that its progress counts."""
    return (
        len(data.sources) + len(data.leads) + len(data.spend) + len(data.takings)
        + len(data.rules) + len(data.tasks) + len(data.series) + len(data.blocks)
    )  # fmt: skip


def _series_row(
    record: SeriesRecord, task_ids: dict[int | None, int], sources: dict[int | None, int]
) -> dict[str, object]:
    series = record.series.with_changes(
        task_id=task_ids.get(record.series.task_id),
        source_id=_link(sources, record.series.source_id),
    )
    return {**_values(columns.SERIES, series), "made_through": record.made_through}


def _link(new_ids: dict[int | None, int], link: int | None) -> int | None:
    """The new database id of what `link` named in the file (None stays None)."""
    return None if link is None else new_ids.get(link)


def _values(table: columns.Columns[T], item: T) -> dict[str, Any]:
    """The row's values without its id: the database gives every row a new one."""
    values = table.values(item)
    values.pop("id", None)
    return values


def _insert_all(
    session: Session,
    table: type[Base],
    local_ids: Sequence[int | None],
    rows: list[dict[str, object]],
    step: Callable[[int], None] = _unseen,
) -> dict[int | None, int]:
    """Insert rows and say which new database id each local id became."""
    columns = _table(table)
    statement = insert(columns).returning(columns.c.id, sort_by_parameter_order=True)
    new_ids: list[int] = []
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        new_ids.extend(session.scalars(statement, chunk).all())
        step(len(chunk))
    return dict(zip(local_ids, new_ids, strict=True))


def _insert(
    session: Session,
    table: type[Base],
    rows: list[dict[str, object]],
    step: Callable[[int], None] = _unseen,
) -> None:
    """Insert rows whose new ids nothing needs, a chunk at a time."""
    statement = insert(_table(table))
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        session.execute(statement, chunk)
        step(len(chunk))


def _table(row: type[Base]) -> Table:
    """The table itself, for inserting many rows through SQLAlchemy Core: the ORM's bulk
    insert splits rows into batches by which values are empty and joins the returned
    ids batch by batch, which grows with the square of the rows (a million-block import
    never finished). Plain column values need nothing the ORM adds."""
    table = row.__table__
    assert isinstance(table, Table)
    return table
