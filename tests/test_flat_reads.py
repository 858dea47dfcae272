"""Costs that stay flat as the years pile up (issue 17): what the window reads after an
edit, an undo, a redo or a week switch, and at the start, is what is on screen (the
week, the open tasks) and sums SQLite works out through an index, never the whole
history. Work is counted in SQLite's own steps (a progress handler), never with a
timer, so the shared machine's load cannot move it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from planner_kit import TODAY, TUE, Planner
from store_watch import sqlite_work as counted_work

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.plan import Plan
from tradesman.domain.tasks import Task, TaskStatus
from tradesman.paths import DataPaths
from tradesman.services import edits, task_edits
from tradesman.services.plan import save_plan
from tradesman.services.screens import to_schedule
from tradesman.services.task_cards import (
    Show,
    TaskFilter,
    all_task_cards,
    card_for,
    open_task_cards,
    task_cards,
)
from tradesman.store.database import Store, open_store
from tradesman.store.migrations import MIGRATIONS
from tradesman.store.reads import dbapi_connection
from tradesman.ui.window.action_table import PAGES

STEP = 100  # SQLite instructions per count


@contextmanager
def sqlite_work(store: Store) -> Iterator[list[int]]:
    """SQLite's work (in hundreds of instructions) on every transaction begun inside."""
    with counted_work(store, STEP) as counted:
        yield counted


def add_old_history(store: Store, years: int) -> None:
    """`years` of finished work ending two years ago (before anything the engines look
    back on): done tasks each with a done block, and enquiries decided, the rows that
    pile up and that no screen of today shows."""
    first = TODAY - timedelta(days=365 * (years + 2))
    with store.writing() as session:
        db = dbapi_connection(session)
        source = db.execute("SELECT id FROM source ORDER BY id").fetchone()[0]
        for n in range(years * 300):
            day = first + timedelta(days=n * 365 // 300)
            stamp = datetime.combine(day, datetime.min.time(), UTC).isoformat()
            task_id = db.execute(
                "INSERT INTO task (title, area, status, due, estimate_minutes, created,"
                " completed) VALUES (?, 'production', 'done', ?, 60, ?, ?)",
                (f"Old job {n}", day.isoformat(), stamp, stamp),
            ).lastrowid
            db.execute(
                "INSERT INTO block (day, start_minute, end_minute, area, title, status,"
                " task_id) VALUES (?, 480, 540, 'production', ?, 'done', ?)",
                (day.isoformat(), f"Old job {n}", task_id),
            )
            db.execute(
                "INSERT INTO lead (who, came_in, source_id, state, decided_on,"
                " not_quoted_reason) VALUES (?, ?, ?, 'not_quoted', ?, 'too_busy')",
                (f"Client {n}", day.isoformat(), source, day.isoformat()),
            )


# -- the indexes (schema v11) --------------------------------------------------------


def test_a_file_of_version_10_gets_the_indexes_and_keeps_its_rows(paths: DataPaths) -> None:
    open_store(paths, MIGRATIONS[:10]).close()
    db = sqlite3.connect(paths.database)
    db.execute(
        "INSERT INTO task (title, area, status, created, completed) "
        "VALUES ('Hang doors', 'production', 'done', '2026-11-02T09:00:00+00:00', "
        "'2026-11-03T09:00:00+00:00')"
    )
    db.commit()
    db.close()
    open_store(paths).close()
    db = sqlite3.connect(paths.database)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 11
    indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"task_by_status_completed", "lead_by_quoted", "lead_by_decided"} <= indexes
    assert db.execute("SELECT title FROM task").fetchall() == [("Hang doors",)]
    db.close()
    (backup,) = paths.backups.iterdir()
    assert backup.name.endswith("before-update-to-v11.sqlite3")


# -- what the owner sees ------------------------------------------------------------


def _some_tasks(store: Store) -> None:
    done_at = datetime(2026, 11, 20, 9, tzinfo=UTC)
    with store.writing() as session:
        task_edits.add_tasks(session, [
            Task("Undated", Area.ADMIN),
            Task("Due Friday", Area.PRODUCTION, due=date(2026, 11, 27), estimate_minutes=120),
            Task("Finished", Area.SALES, TaskStatus.DONE, due=date(2026, 11, 1),
                 completed=done_at),
            Task("Due Monday", Area.MARKETING, TaskStatus.DOING, due=date(2026, 11, 23)),
            Task("Also Friday", Area.SALES, due=date(2026, 11, 27)),
            Task("Booked in full", Area.PRODUCTION, estimate_minutes=60),
            Task("Finished undated", Area.ADMIN, TaskStatus.DONE, completed=done_at),
        ])  # fmt: skip
    with store.writing() as session:
        booked = next(c for c in all_task_cards(session, TODAY) if c.task.title.startswith("B"))
        task_edits.schedule_task(session, booked.task.id or 0, TUE, 8 * 60)


def test_the_list_to_schedule_keeps_its_order_and_never_shows_a_done_task(store: Store) -> None:
    _some_tasks(store)
    with store.reading() as session:
        listed = [c.task.title for c in to_schedule(open_task_cards(session, TODAY))]
    # Soonest due first, undated last, then as they were made; booked in full is off it.
    assert listed == ["Due Monday", "Due Friday", "Also Friday", "Undated"]


def test_open_cards_are_the_open_ones_of_all_cards_in_the_same_order(store: Store) -> None:
    _some_tasks(store)
    with store.reading() as session:
        everything = all_task_cards(session, TODAY)
        opened = open_task_cards(session, TODAY)
        assert opened == [card for card in everything if card.task.is_open]
        assert task_cards(session, TaskFilter(), TODAY) == opened
        assert [c.task.title for c in task_cards(session, TaskFilter(Show.DONE), TODAY)] == [
            "Finished",
            "Finished undated",
        ]
        for card in everything:
            assert card_for(session, card.task.id or 0, TODAY) == card
        assert card_for(session, 10_000, TODAY) is None


def test_a_task_finished_leaves_the_list_beside_the_week(planner: Planner) -> None:
    with planner.store.writing() as session:
        task_edits.add_tasks(session, [Task("Quote for Patel", Area.SALES)])
    planner.window.refresh_all()
    schedule = planner.window.desk.schedule_list
    assert [c.task.title for c in schedule.model.cards()] == ["Quote for Patel"]
    task = schedule.model.cards()[0].task
    planner.window.desk.planner.push(
        "Finish", task_edits.change_task, task.with_changes(status=TaskStatus.DONE)
    )
    assert schedule.model.cards() == []
    planner.undo()
    assert [c.task.title for c in schedule.model.cards()] == ["Quote for Patel"]


# -- what it costs ------------------------------------------------------------------


def _booked_block(planner: Planner) -> TimeBlock:
    """A block booked for an open task, on the week on show (an edit of it touches the
    list to schedule: its task's hours)."""
    with planner.store.writing() as session:
        task_edits.add_tasks(
            session, [Task("Kitchen – Patel", Area.PRODUCTION, estimate_minutes=600)]
        )
    with planner.store.writing() as session:
        task = next(c.task for c in open_task_cards(session, TODAY) if c.task.title.startswith("K"))
        edits.add_blocks(session, [
            TimeBlock(TUE, 13 * 60, 15 * 60, Area.PRODUCTION, "Kitchen – Patel", task_id=task.id)
        ])  # fmt: skip
    planner.window.refresh_all()
    return next(b for b in planner.canvas.blocks if b.task_id is not None)


def _work_of_a_round(planner: Planner, block: TimeBlock) -> dict[str, int]:
    """SQLite's work for an edit, its undo and redo, a week there and back, the list to
    schedule read as at the start, and the note of work coming in."""
    window, store = planner.window, planner.store
    note = window.desk.work_note
    assert note is not None  # (made once the start is ready)
    moved = replace(block, start=block.start + 30, end=block.end + 30)

    def there_and_back() -> None:
        window.acts["next_week"].trigger()
        window.acts["previous_week"].trigger()

    steps: dict[str, Callable[[], object]] = {
        "edit": lambda: window.desk.planner.change_block(block, moved),
        "undo": window.acts["undo"].trigger,
        "redo": window.acts["redo"].trigger,
        "week switch": there_and_back,
        "start's list": window.desk.show_side_list,
        "work note": note.show_now,
    }
    work = {}
    for name, step in steps.items():
        with sqlite_work(store) as counted:
            step()
        work[name] = counted[0]
    window.acts["undo"].trigger()
    return work


@pytest.mark.parametrize("page", PAGES)
def test_edits_undo_redo_and_week_switches_cost_the_same_after_years_of_history(
    planner: Planner, page: str
) -> None:
    planner.qtbot.waitUntil(lambda: planner.window.desk.work_note is not None)
    with planner.store.writing() as session:  # (a plan running: its page reads the most)
        save_plan(session, Plan(TODAY - timedelta(days=TODAY.weekday() + 28), 12, 0.4, 45 * 60))
    block = _booked_block(planner)
    planner.window.show_page(PAGES.index(page))  # (a page on show reads again after edits)
    planner.window.acts["next_week"].trigger()  # (series made that far: nothing to write)
    planner.window.acts["previous_week"].trigger()
    _work_of_a_round(planner, block)  # (once first, so nothing is made on the way)
    fresh = _work_of_a_round(planner, block)
    add_old_history(planner.store, years=10)
    planner.window.refresh_all()
    years_on = _work_of_a_round(planner, block)
    # Ten years of done tasks, their blocks and decided enquiries are thousands of rows;
    # read through an index they cost nothing, read at all they cost many times this.
    for name, before in fresh.items():
        assert years_on[name] <= before * 1.2 + 20, (name, fresh, years_on)


def test_the_tasks_page_shows_done_tasks_when_asked_and_reads_them_only_then(
    planner: Planner,
) -> None:
    add_old_history(planner.store, years=1)
    with planner.store.writing() as session:
        task_edits.add_tasks(session, [Task("Hang doors", Area.PRODUCTION)])
    planner.window.show_page(PAGES.index("tasks"))
    page = planner.window.desk.tasks_page
    assert page is not None
    lane = page.models[Area.PRODUCTION]
    assert [c.task.title for c in lane.cards()] == ["Hang doors"]
    page.show_choice.setCurrentIndex(1)  # done
    assert len(lane.cards()) == 300 and all(not c.task.is_open for c in lane.cards())
    page.show_choice.setCurrentIndex(2)  # all
    assert len(lane.cards()) == 301
    planner.window.refresh_all()  # (an edit elsewhere: read again, done ones still shown)
    page.reload()
    assert len(lane.cards()) == 301
    page.show_choice.setCurrentIndex(0)  # open again
    assert [c.task.title for c in lane.cards()] == ["Hang doors"]
