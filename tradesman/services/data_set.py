"""The whole data set at once: read it for export, replace it on import."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from tradesman.domain.series import SeriesRecord
from tradesman.exchange.document import DataSet
from tradesman.services.blocks import block_columns, to_block
from tradesman.services.plan_rows import all_hand_offs, get_plan, put_hand_off, put_plan
from tradesman.services.series import all_records, series_columns
from tradesman.services.settings import load_settings, save_settings
from tradesman.services.task_rules import all_rules, rule_columns
from tradesman.services.tasks import task_columns, to_task
from tradesman.store.schema import (
    Base,
    BlockRow,
    HandOffRow,
    PlanRow,
    SeriesRow,
    SeriesSkipRow,
    SettingRow,
    TaskRow,
    TaskRuleRow,
)


@dataclass(frozen=True)
class Counts:
    tasks: int
    blocks: int
    series: int = 0
    rules: int = 0

    @classmethod
    def of(cls, data: DataSet) -> Counts:
        return cls(len(data.tasks), len(data.blocks), len(data.series), len(data.rules))


def read_data_set(session: Session, locale_name: str | None) -> DataSet:
    """Everything, with tasks and series by id and blocks in calendar order."""
    tasks = [to_task(row) for row in session.scalars(select(TaskRow).order_by(TaskRow.id))]
    blocks = [
        to_block(row)
        for row in session.scalars(
            select(BlockRow).order_by(BlockRow.day, BlockRow.start_minute, BlockRow.id)
        )
    ]
    return DataSet(
        load_settings(session, locale_name), tasks, blocks, all_records(session),
        all_rules(session), get_plan(session), all_hand_offs(session),
    )  # fmt: skip


def replace_data_set(session: Session, data: DataSet, now: datetime) -> Counts:
    """Replace everything with `data` (already checked by `from_document`).

    Runs inside the caller's write transaction, so either all of it lands or none.
    Everything gets new ids from the database (ids are never given out twice), and
    the links between blocks, tasks and series are carried over to them. `now` is the
    completed time of done tasks that do not have one.
    """
    for table in (
        BlockRow, SeriesSkipRow, SeriesRow, TaskRow, TaskRuleRow, SettingRow, PlanRow, HandOffRow,
    ):  # fmt: skip
        session.execute(delete(table))
    save_settings(session, data.settings)
    put_plan(session, data.plan)
    for hand_off in data.hand_offs:
        put_hand_off(session, hand_off.with_changes(id=None))
    rule_ids = _insert_all(
        session, TaskRuleRow, [rule.id for rule in data.rules],
        [rule_columns(rule) for rule in data.rules],
    )  # fmt: skip
    tasks = [task.with_changes(rule_id=rule_ids.get(task.rule_id)) for task in data.tasks]
    task_ids = _insert_all(
        session, TaskRow, [task.id for task in tasks], [task_columns(task, now) for task in tasks]
    )
    series_ids = _insert_all(
        session, SeriesRow, [record.series.id for record in data.series],
        [_series_row(record, task_ids) for record in data.series],
    )  # fmt: skip
    skipped = [
        {"series_id": series_ids[record.series.id], "day": day}
        for record in data.series
        for day in record.skipped
    ]
    if skipped:
        session.execute(insert(SeriesSkipRow), skipped)
    blocks = [
        block_columns(
            block.with_changes(
                task_id=task_ids.get(block.task_id), series_id=series_ids.get(block.series_id)
            )
        )
        for block in data.blocks
    ]
    if blocks:
        session.execute(insert(_table(BlockRow)), blocks)
    return Counts.of(data)


def _series_row(record: SeriesRecord, task_ids: dict[int | None, int]) -> dict[str, object]:
    series = record.series.with_changes(task_id=task_ids.get(record.series.task_id))
    return {**series_columns(series), "made_through": record.made_through}


def _insert_all(
    session: Session,
    table: type[TaskRow] | type[SeriesRow] | type[TaskRuleRow],
    local_ids: Sequence[int | None],
    rows: list[dict[str, object]],
) -> dict[int | None, int]:
    """Insert rows and say which new database id each local id became."""
    if not rows:
        return {}
    columns = _table(table)
    statement = insert(columns).returning(columns.c.id, sort_by_parameter_order=True)
    new_ids = session.scalars(statement, rows).all()
    return dict(zip(local_ids, new_ids, strict=True))


def _table(row: type[Base]) -> Table:
    """The table itself, for inserting many rows through SQLAlchemy Core: the ORM's bulk
    insert splits rows into batches by which values are empty and joins the returned
    ids batch by batch, which grows with the square of the rows (a million-block import
    never finished). Plain column values need nothing the ORM adds."""
    table = row.__table__
    assert isinstance(table, Table)
    return table
