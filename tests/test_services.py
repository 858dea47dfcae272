"""Services over a real data file: one edit, one transaction, plain domain objects back."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.settings import Settings, WeekStart
from tradesman.domain.split import split_blocks
from tradesman.domain.tasks import Task, TaskStatus
from tradesman.domain.validation import InvalidInput
from tradesman.domain.weeks import Week
from tradesman.services import blocks as block_service
from tradesman.services import edits, task_edits
from tradesman.services import tasks as task_service
from tradesman.services.settings import load_settings, save_settings
from tradesman.services.summary import week_split
from tradesman.store.database import Store
from tradesman.store.tables import TASKS

WEEK = Week(date(2026, 11, 23))


def kitchen(**changes: object) -> TimeBlock:
    block = TimeBlock(date(2026, 11, 24), 7 * 60, 12 * 60, Area.PRODUCTION, "Kitchen – Patel")
    return block.with_changes(**changes)


def test_a_block_is_saved_and_read_back_whole(store: Store) -> None:
    with store.writing() as session:
        saved = edits.add_blocks(
            session, [kitchen(notes="Bring the level\nand the saw")]
        ).after_blocks[0]
    assert saved.id is not None
    with store.reading() as session:
        assert block_service.blocks_in_week(session, WEEK) == [saved]
        assert block_service.get_block(session, saved.id) == saved


def test_a_bad_block_changes_nothing(store: Store) -> None:
    with pytest.raises(InvalidInput, match="before the start time"), store.writing() as session:
        edits.add_blocks(session, [kitchen(title="Fine")])
        edits.add_blocks(session, [kitchen(start=13 * 60, end=12 * 60)])
    with store.reading() as session:
        assert block_service.blocks_in_week(session, WEEK) == []  # the first add rolled back too


def test_the_sql_split_equals_the_split_worked_out_in_memory(store: Store) -> None:
    blocks = [
        kitchen(status=BlockStatus.DONE),
        kitchen(day=date(2026, 11, 25), status=BlockStatus.DONE, actual_minutes=200),
        kitchen(day=date(2026, 11, 26), area=Area.MARKETING, status=BlockStatus.SKIPPED),
        kitchen(day=date(2026, 11, 29), start=0, end=1440, area=Area.ADMIN),  # a whole Sunday
        kitchen(day=date(2026, 11, 30)),  # next week
    ]
    with store.writing() as session:
        for block in blocks:
            edits.add_blocks(session, [block])
    with store.reading() as session:
        assert week_split(session, WEEK) == split_blocks(blocks[:4])


def test_deleting_a_task_unlinks_its_blocks(store: Store) -> None:
    now = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    with store.writing() as session:
        task = task_service.add_task(session, Task("Fit kitchen", Area.PRODUCTION), now)
        block = edits.add_blocks(session, [kitchen(task_id=task.id)]).after_blocks[0]
    assert task.created == now and task.status is TaskStatus.OPEN
    with store.writing() as session:
        task_edits.delete_task(session, task.id or 0, with_blocks=False)
    with store.reading() as session:
        assert block_service.get_block(session, block.id or 0) == block.with_changes(task_id=None)


def test_a_block_cannot_link_to_a_missing_task(store: Store) -> None:
    with pytest.raises(InvalidInput, match="no longer exists"), store.writing() as session:
        edits.add_blocks(session, [kitchen(task_id=42)])


def test_finishing_a_task_stamps_when(store: Store) -> None:
    later = datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
    with store.writing() as session:
        task = task_service.add_task(session, Task("Send the quote", Area.SALES))
    with store.writing() as session:
        done = task_service.add_task(session, task.with_changes(status=TaskStatus.DONE), later)
    assert done.completed == later
    with store.writing() as session:
        reopened = task_service.add_task(session, done.with_changes(status=TaskStatus.OPEN))
    assert reopened.completed is None
    with store.reading() as session:
        assert TASKS.all(session) == [reopened]


def test_settings_round_trip_and_default_from_the_locale(store: Store) -> None:
    with store.reading() as session:
        assert load_settings(session, "en_US.UTF-8").week_start is WeekStart.SUNDAY
        assert load_settings(session, "en_GB.UTF-8").week_start is WeekStart.MONDAY
    chosen = Settings(
        business_name="Oak & Sons", week_start=WeekStart.SUNDAY, work_days=frozenset({0, 5})
    )
    with store.writing() as session:
        save_settings(session, chosen)
    with store.reading() as session:
        assert load_settings(session, "en_GB.UTF-8") == chosen  # saved, no longer the locale's


def test_bad_settings_are_not_saved(store: Store) -> None:
    with pytest.raises(InvalidInput, match="between 0 and 100 %"), store.writing() as session:
        save_settings(session, Settings(target_business_share=2.0))
    with store.reading() as session:
        assert load_settings(session, None) == Settings()
