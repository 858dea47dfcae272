"""Asks marked as such (schema v8, issue 14): a review or referral ask is marketing work
with a `purpose`, so the next issue can count the asks against what comes in. Made by
the after-job follow-ups and the library's two asks, carried onto the calendar, kept
only on marketing work, and marked on the asks a file held before the mark existed."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

import pytest

from tradesman.domain.areas import Area
from tradesman.domain.follow_ups import follow_ups_for
from tradesman.domain.purposes import Purpose
from tradesman.domain.series import Series
from tradesman.domain.tasks import Task
from tradesman.domain.validation import InvalidInput, check_block, check_series, check_task
from tradesman.paths import DataPaths
from tradesman.services.task_edits import add_tasks, change_task, schedule_task
from tradesman.services.templates import templates
from tradesman.store import tables
from tradesman.store.database import Store, open_store
from tradesman.store.migrations import MIGRATIONS

DAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, tzinfo=UTC)


def test_after_the_job_the_review_and_referral_asks_are_marked() -> None:
    made = follow_ups_for(Task("Kitchen – Patel", Area.PRODUCTION, lead_id=3), DAY)
    marked = {task.title: task.purpose for task in made}
    assert marked == {
        "Kitchen – Patel: photos": None,
        "Kitchen – Patel: ask for a review": Purpose.REVIEW_ASK,
        "Kitchen – Patel: ask for a referral": Purpose.REFERRAL_ASK,
        "Kitchen – Patel: six-month check-in call": None,
    }


def test_the_librarys_two_asks_are_marked_and_nothing_else_is() -> None:
    marked = {t.title: t.purpose for t in templates() if t.purpose is not None}
    assert marked == {
        "Ask a past client for a review": Purpose.REVIEW_ASK,
        "Ask for a referral": Purpose.REFERRAL_ASK,
    }
    (ask,) = [t for t in templates() if t.title == "Ask for a referral"]
    assert ask.task(DAY).purpose is Purpose.REFERRAL_ASK


def test_moved_out_of_marketing_work_is_no_longer_an_ask() -> None:
    ask = Task("Ask for a review", Area.MARKETING, purpose=Purpose.REVIEW_ASK)
    assert check_task(ask).purpose is Purpose.REVIEW_ASK
    assert check_task(ask.with_changes(area=Area.SALES)).purpose is None
    series = Series("Asks", Area.MARKETING, 420, 480, frozenset({1}), DAY,
                    purpose=Purpose.REFERRAL_ASK)  # fmt: skip
    assert check_series(series).block_on(DAY).purpose is Purpose.REFERRAL_ASK
    assert check_series(series.with_changes(area=Area.ADMIN)).purpose is None
    with pytest.raises(InvalidInput) as caught:
        check_block(series.block_on(DAY).with_changes(purpose="thank_you"))
    assert caught.value.field == "purpose"


def test_a_task_booked_on_the_calendar_takes_its_mark(store: Store) -> None:
    ask = Task("Ask the Patels for a referral", Area.MARKETING, created=NOW,
               purpose=Purpose.REFERRAL_ASK)  # fmt: skip
    with store.writing() as session:
        (task,) = add_tasks(session, [ask]).after_tasks
        assert task.id is not None
        (block,) = schedule_task(session, task.id, DAY, 9 * 60).after_blocks
    assert block.purpose is Purpose.REFERRAL_ASK
    with store.writing() as session:
        change_task(session, task.with_changes(area=Area.SALES))
    with store.reading() as session:
        moved = tables.TASKS.get(session, task.id)
    assert moved is not None and moved.purpose is None


def _v7_file(paths: DataPaths) -> None:
    open_store(paths, MIGRATIONS[:7]).close()
    db = sqlite3.connect(paths.database)
    db.executemany(
        "INSERT INTO task (title, area, status, created) VALUES (?, ?, 'open', ?)",
        [
            ("Kitchen – Patel: ask for a review", "marketing", NOW.isoformat()),
            ("Decking – Brown: Ask for a referral", "marketing", NOW.isoformat()),
            ("Ask a past client for a review ", "marketing", NOW.isoformat()),
            ("Ask for a referral", "marketing", NOW.isoformat()),
            ("Kitchen – Patel: photos", "marketing", NOW.isoformat()),
            ("Boss: ask for a review", "production", NOW.isoformat()),
        ],
    )
    db.executemany(
        "INSERT INTO block (day, start_minute, end_minute, area, title, status, task_id) "
        "VALUES ('2026-11-23', ?, ?, ?, 'Asks', 'planned', ?)",
        [(420, 480, "marketing", 1), (480, 540, "marketing", 5), (540, 600, "marketing", None)],
    )
    db.commit()
    db.close()


def test_a_v7_file_is_backed_up_then_its_asks_are_marked(paths: DataPaths) -> None:
    _v7_file(paths)
    open_store(paths, MIGRATIONS[:8]).close()
    db = sqlite3.connect(paths.database)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 8
    marks = db.execute("SELECT purpose FROM task ORDER BY id").fetchall()
    assert [mark for (mark,) in marks] == [
        "review_ask", "referral_ask", "review_ask", "referral_ask", None, None,
    ]  # fmt: skip
    blocks = db.execute("SELECT purpose FROM block ORDER BY id").fetchall()
    assert [mark for (mark,) in blocks] == ["review_ask", None, None]
    db.close()
    (backup,) = paths.backups.iterdir()
    assert backup.name.endswith("before-update-to-v8.sqlite3")


@pytest.mark.parametrize(
    ("area", "purpose"), [("production", "review_ask"), ("marketing", "thank_you")]
)
def test_the_file_itself_refuses_a_mark_on_other_work_or_an_unknown_one(
    paths: DataPaths, area: str, purpose: str
) -> None:
    open_store(paths).close()
    db = sqlite3.connect(paths.database)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO block (day, start_minute, end_minute, area, title, status, purpose) "
            "VALUES ('2026-11-23', 420, 480, ?, 'Asks', 'planned', ?)",
            (area, purpose),
        )
    db.close()
