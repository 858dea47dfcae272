"""The whole data set at once: read it for export, replace it on import."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from tradesman.exchange.document import DataSet
from tradesman.services.blocks import block_columns, to_block
from tradesman.services.settings import load_settings, save_settings
from tradesman.services.tasks import task_columns, to_task
from tradesman.store.schema import BlockRow, SettingRow, TaskRow


@dataclass(frozen=True)
class Counts:
    tasks: int
    blocks: int


def read_data_set(session: Session, locale_name: str | None) -> DataSet:
    """Everything, with tasks by id and blocks in calendar order."""
    tasks = [to_task(row) for row in session.scalars(select(TaskRow).order_by(TaskRow.id))]
    blocks = [
        to_block(row)
        for row in session.scalars(
            select(BlockRow).order_by(BlockRow.day, BlockRow.start_minute, BlockRow.id)
        )
    ]
    return DataSet(load_settings(session, locale_name), tasks, blocks)


def replace_data_set(session: Session, data: DataSet, now: datetime) -> Counts:
    """Replace everything with `data` (already checked by `from_document`).

    Runs inside the caller's write transaction, so either all of it lands or none.
    Tasks keep their ids from the data set, so blocks' links stay right. `now` is
    the completed time of done tasks that do not have one.
    """
    session.execute(delete(BlockRow))
    session.execute(delete(TaskRow))
    session.execute(delete(SettingRow))
    save_settings(session, data.settings)
    if data.tasks:
        session.execute(
            insert(TaskRow),
            [{"id": task.id, **task_columns(task, now)} for task in data.tasks],
        )
    if data.blocks:
        session.execute(insert(BlockRow), [block_columns(block) for block in data.blocks])
    return Counts(tasks=len(data.tasks), blocks=len(data.blocks))


def count_items(session: Session) -> Counts:
    return Counts(
        tasks=session.scalar(select(func.count()).select_from(TaskRow)) or 0,
        blocks=session.scalar(select(func.count()).select_from(BlockRow)) or 0,
    )
