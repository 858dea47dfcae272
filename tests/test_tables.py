"""Each table's columns, declared once (store/columns.py): complete, and read the same
over a bare sqlite3 connection as through the ORM."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from helpers import orm_writing
from sqlalchemy import select

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.leads import Lead, LostReason, Spend, Takings
from tradesman.domain.plan import HandOff, Plan
from tradesman.domain.series import Series
from tradesman.domain.task_rules import Every, TaskRule
from tradesman.domain.tasks import Task, TaskStatus
from tradesman.services import edits, plan, task_edits
from tradesman.services.changes import Change
from tradesman.store import schema, tables
from tradesman.store.database import Store
from tradesman.store.schema import Base

TODAY = date(2026, 11, 25)
MODELS: list[type[Base]] = [
    schema.BlockRow, schema.TaskRow, schema.TaskRuleRow, schema.SeriesRow, schema.PlanRow,
    schema.HandOffRow, schema.SourceRow, schema.LeadRow, schema.SpendRow, schema.TakingsRow,
]  # fmt: skip
EVERY_TABLE: list[tables.Table[Any]] = [
    tables.BLOCKS, tables.TASKS, tables.TASK_RULES, tables.SERIES, tables.PLAN,
    tables.HAND_OFFS, tables.SOURCES, tables.LEADS, tables.SPEND, tables.TAKINGS,
]  # fmt: skip


@pytest.mark.parametrize("table", EVERY_TABLE, ids=lambda table: table.columns.table)
def test_every_column_of_a_table_is_declared_once(table: tables.Table[Any]) -> None:
    declared = [column.name for column in table.columns.columns]
    kept_elsewhere = {"made_through"} if table is tables.SERIES else set()
    if table.columns.only_id is not None:
        kept_elsewhere.add("id")
    assert len(declared) == len(set(declared))
    model = Base.metadata.tables[table.name]  # (the import's bulk inserts go through it)
    assert set(declared) | kept_elsewhere == set(model.columns.keys())


def test_what_the_tables_store_reads_back_the_same_through_the_orm_models(store: Store) -> None:
    """The edits store rows in plain SQL; the import writes them through the ORM
    models. Both must mean the same values: read back either way, the objects agree."""
    with store.writing() as session:
        (rule,) = task_edits.add_rule(
            session, TaskRule("Books", Area.ADMIN, Every.WEEKS, 1, TODAY), TODAY
        ).after_rules
        task_edits.add_tasks(session, [
            Task("Quote", Area.SALES, due=TODAY, estimate_minutes=90, customer_job=False),
            Task("Sent", Area.SALES, TaskStatus.DONE, completed=datetime(2026, 11, 2, tzinfo=UTC)),
        ])  # fmt: skip
        edits.add_series(
            session, Series("Photos", Area.MARKETING, 420, 480, frozenset({0, 3}), TODAY), TODAY
        )
        edits.add_blocks(session, [
            TimeBlock(TODAY, 600, 660, Area.PRODUCTION, "Kitchen", status=BlockStatus.DONE,
                      actual_minutes=50),
        ])  # fmt: skip
        plan.save_plan(session, Plan(date(2026, 11, 30), 20, 0.3, 2400, typed_baseline=0.1))
        plan.add_hand_off(session, HandOff("Timber runs", Area.PRODUCTION, minutes_a_week=60))
        # (The enquiries' own edits are tested in test_leads_services.py.)
        lost = Lead("Mrs Patel", TODAY, source_id=2, what="Doors").quoted(TODAY, 320050)
        tables.LEADS.put(session, lost.lost(TODAY, LostReason.PRICE))
        tables.LEADS.put(session, Lead("Joe", TODAY, source_id=10, referred_by="Ann"))
        tables.SPEND.put(session, Spend(TODAY, 4500, source_id=7, note="200 postcards"))
        tables.TAKINGS.put(session, Takings(date(2026, 11, 1), 1_200_000))
        tables.BLOCKS.put(session, TimeBlock(TODAY, 420, 480, Area.MARKETING, "Sign", source_id=6))
    with orm_writing(store) as orm, store.reading() as db:
        for table, model in zip(EVERY_TABLE, MODELS, strict=True):
            through_the_models = [table.columns.from_row(row) for row in orm.scalars(
                select(model).order_by(model.id)  # type: ignore[attr-defined]
            )]  # fmt: skip
            assert through_the_models == table.all(db) != []
    assert rule.next_due is not None


def test_two_changes_join_into_one_with_each_row_first_as_it_was_and_last_as_it_is(
    store: Store,
) -> None:
    with store.writing() as session:
        added = task_edits.add_tasks(session, [Task("Quote", Area.SALES)])
        (task,) = added.after_tasks
        renamed = task_edits.change_task(session, task.with_changes(title="Quote Patel"))
    both = added.then(renamed)
    assert [(row.before, row.after) for row in both.rows] == [(None, renamed.after_tasks[0])]
    assert both.reversed().reversed() == both
    assert Change().then(both) == both and not both.is_empty


def test_storing_a_row_as_it_is_is_not_a_change_to_back_up(store: Store) -> None:
    """An undo or redo may put back a row that is already as it says: no change is
    counted then (an automatic backup is made only when something changed)."""

    def changes() -> int:
        with store.reading() as db:
            counted: int = db.execute("SELECT changes FROM change_count").fetchone()[0]
            return counted

    with store.writing() as db:
        (block,) = edits.add_blocks(
            db, [TimeBlock(TODAY, 420, 480, Area.SALES, "Quote")]
        ).after_blocks
    before = changes()
    with store.writing() as db:
        assert tables.BLOCKS.put(db, block) == block
    assert changes() == before
    with store.writing() as db:
        tables.BLOCKS.put(db, block.with_changes(notes="Ring first"))
    assert changes() == before + 1
