"""One edit as data: the rows it touched, before and after, so it can be undone and redone.

Every edit the window makes returns a `Change`. Applying it makes the touched rows look
like `after`; applying `change.reversed()` puts them back as they were. Because a
Change names rows by id and holds their whole contents, undo and redo never have to
know what kind of edit it was: a move, a paste, a whole series or a week copied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import delete
from sqlalchemy.orm import Session

from tradesman.domain.blocks import TimeBlock
from tradesman.domain.plan import HandOff, Plan
from tradesman.domain.series import SeriesRecord
from tradesman.domain.task_rules import TaskRule
from tradesman.domain.tasks import Task
from tradesman.services.blocks import add_block, put_block
from tradesman.services.plan_rows import put_hand_off, put_plan
from tradesman.services.series import extend_one_series, put_record, to_series
from tradesman.services.task_rules import put_rule
from tradesman.services.tasks import add_task, put_task
from tradesman.store.schema import BlockRow, HandOffRow, SeriesRow, TaskRow, TaskRuleRow


@dataclass(frozen=True)
class Change:
    before_blocks: tuple[TimeBlock, ...] = ()
    after_blocks: tuple[TimeBlock, ...] = ()
    before_series: tuple[SeriesRecord, ...] = ()
    after_series: tuple[SeriesRecord, ...] = ()
    before_tasks: tuple[Task, ...] = ()
    after_tasks: tuple[Task, ...] = ()
    before_rules: tuple[TaskRule, ...] = ()
    after_rules: tuple[TaskRule, ...] = ()
    # The plan is one row or none: an empty side means "no plan".
    before_plan: tuple[Plan, ...] = ()
    after_plan: tuple[Plan, ...] = ()
    before_hand_offs: tuple[HandOff, ...] = ()
    after_hand_offs: tuple[HandOff, ...] = ()

    def reversed(self) -> Change:
        return Change(
            self.after_blocks, self.before_blocks, self.after_series, self.before_series,
            self.after_tasks, self.before_tasks, self.after_rules, self.before_rules,
            self.after_plan, self.before_plan, self.after_hand_offs, self.before_hand_offs,
        )  # fmt: skip

    @property
    def is_empty(self) -> bool:
        return (
            self.before_blocks == self.after_blocks
            and self.before_series == self.after_series
            and self.before_tasks == self.after_tasks
            and self.before_rules == self.after_rules
            and self.before_plan == self.after_plan
            and self.before_hand_offs == self.after_hand_offs
        )


def _put_series(session: Session, record: SeriesRecord, kept_blocks: set[int | None]) -> None:
    """Store a series as `record` says, minding the blocks made since the change.

    Looking at later weeks makes a series' blocks further ahead than the change knew.
    If the series is the same as it is now, those blocks are still right and stay; if
    it differs (undoing a change to the whole series), they are made again to match.
    """
    series_id = record.series.id
    assert series_id is not None
    row = session.get(SeriesRow, series_id)
    made_since = row.made_through if row is not None else record.made_through
    if made_since <= record.made_through:
        put_record(session, record)
        return
    if row is not None and to_series(row) == record.series:
        put_record(session, replace(record, made_through=made_since))
        return
    put_record(session, record)
    session.execute(
        delete(BlockRow).where(
            BlockRow.series_id == series_id,
            BlockRow.day > record.made_through,
            BlockRow.id.not_in(kept_blocks),
        )
    )
    extend_one_series(session, series_id, made_since)


def apply_change(session: Session, change: Change) -> None:
    """Make the rows `change` touched look like its `after` side.

    The order keeps every link valid on the way: what others point at (rules, series,
    tasks) is put back first and removed last.
    """
    kept_blocks = {block.id for block in change.after_blocks}
    kept_series = {record.series.id for record in change.after_series}
    kept_tasks = {task.id for task in change.after_tasks}
    kept_rules = {rule.id for rule in change.after_rules}
    for rule in change.after_rules:
        put_rule(session, rule)
    for record in change.after_series:
        _put_series(session, record, kept_blocks)
    for task in change.after_tasks:
        put_task(session, task)
    for block in change.before_blocks:
        if block.id not in kept_blocks:
            session.execute(delete(BlockRow).where(BlockRow.id == block.id))
    for block in change.after_blocks:
        put_block(session, block)
    for record in change.before_series:
        series_id = record.series.id
        if series_id not in kept_series:
            # Blocks still made by a series that goes away go with it; blocks the
            # change keeps (history) were detached above.
            session.execute(
                delete(BlockRow).where(
                    BlockRow.series_id == series_id, BlockRow.id.not_in(kept_blocks)
                )
            )
            session.execute(delete(SeriesRow).where(SeriesRow.id == series_id))
    for task in change.before_tasks:
        if task.id not in kept_tasks:
            session.execute(delete(TaskRow).where(TaskRow.id == task.id))
    for rule in change.before_rules:
        if rule.id not in kept_rules:
            session.execute(delete(TaskRuleRow).where(TaskRuleRow.id == rule.id))
    if change.after_plan or change.before_plan:
        put_plan(session, change.after_plan[0] if change.after_plan else None)
    kept_hand_offs = {hand_off.id for hand_off in change.after_hand_offs}
    for hand_off in change.after_hand_offs:
        put_hand_off(session, hand_off)
    for hand_off in change.before_hand_offs:
        if hand_off.id not in kept_hand_offs:
            session.execute(delete(HandOffRow).where(HandOffRow.id == hand_off.id))
    session.flush()


def commit(
    session: Session,
    before_blocks: Sequence[TimeBlock] = (),
    after_blocks: Sequence[TimeBlock] = (),
    before_series: Sequence[SeriesRecord] = (),
    after_series: Sequence[SeriesRecord] = (),
    before_tasks: Sequence[Task] = (),
    after_tasks: Sequence[Task] = (),
    before_rules: Sequence[TaskRule] = (),
    after_rules: Sequence[TaskRule] = (),
) -> Change:
    """Save the after side and return the Change, holding each row exactly as stored.

    Rows without an id are inserted first to get one (rules, then tasks, then blocks,
    so new rows can point at each other only in that order).
    """
    rules = [rule if rule.id is not None else put_rule(session, rule) for rule in after_rules]
    tasks = [
        put_task(session, task) if task.id is not None else add_task(session, task)
        for task in after_tasks
    ]
    blocks = [
        block if block.id is not None else add_block(session, block) for block in after_blocks
    ]
    change = Change(
        tuple(before_blocks), tuple(blocks), tuple(before_series), tuple(after_series),
        tuple(before_tasks), tuple(tasks), tuple(before_rules), tuple(rules),
    )  # fmt: skip
    apply_change(session, change)
    return change
