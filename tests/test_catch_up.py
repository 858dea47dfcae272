"""Catching up on the past: a recurring task or a repeating block that starts far back
(an import, a date typed by hand, an old data file) makes a bounded number of copies,
in steps that are each saved, without freezing the window; and the owner is told."""

from __future__ import annotations

import json
import logging
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from planner_kit import LEFT, TODAY, Planner, open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tradesman.domain import task_rules as rule_maths
from tradesman.domain.areas import Area
from tradesman.domain.series import Series
from tradesman.domain.task_rules import Every, TaskRule, due_to_make, next_occurrence
from tradesman.paths import DataPaths, prepare_data_folder
from tradesman.services import edits, task_edits
from tradesman.services import task_rules as rule_service
from tradesman.services.blocks import blocks_between
from tradesman.services.changes import commit, rows
from tradesman.services.edited_tables import RULES
from tradesman.services.tasks import add_task
from tradesman.services.transfer import import_from_file
from tradesman.store.database import Store
from tradesman.store.tables import TASKS
from tradesman.ui.shared import prompts
from tradesman.ui.shared.operations import Operations

# The 205-byte import of the report: one task every day, first due 1 Jan 1900.
DAILY_SINCE_1900: dict[str, Any] = {  # (as JSON: any shape)
    "format": "tradesman",
    "version": 4,
    "task_rules": [
        {"id": "r1", "title": "Check the van", "area": "admin", "every": "days",
         "first_due": "1900-01-01"},
    ],
}  # fmt: skip
CATCH_UP_FROM = TODAY - timedelta(days=366)  # 24 Nov 2025: the oldest task a rule makes
BLOCKS_FROM = TODAY - timedelta(days=366)  # 24 Nov 2025: the oldest block a series makes
DAILY_COUNT = 366 + 1 + 7  # a daily rule's tasks: a year back, today, a week ahead


def write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def daily_rule(title: str = "Check the van", first_due: date = date(1900, 1, 1)) -> TaskRule:
    return TaskRule(title, Area.ADMIN, Every.DAYS, 1, first_due)


def due_days(store: Store) -> Counter[tuple[int | None, date | None]]:
    with store.reading() as session:
        return Counter((task.rule_id, task.due) for task in TASKS.all(session))


# -- recurring tasks ------------------------------------------------------------------------
@pytest.mark.timeout(30)
def test_a_daily_rule_from_1900_makes_only_its_recent_tasks(store: Store, tmp_path: Path) -> None:
    import_from_file(store, write(tmp_path / "van.json", DAILY_SINCE_1900), None)
    with store.writing() as session:
        made = rule_service.make_due_tasks(session, TODAY)
    days = sorted(task.due for task in made if task.due is not None)
    # Every day from a year back to a week ahead (the lead days), each once.
    assert len(days) == DAILY_COUNT < 400
    assert days[0] == CATCH_UP_FROM and days[-1] == TODAY + timedelta(days=7)
    assert max(due_days(store).values()) == 1
    with store.writing() as session:  # and the next day, only that day's
        again = rule_service.make_due_tasks(session, TODAY + timedelta(days=1))
    assert [task.due for task in again] == [TODAY + timedelta(days=8)]


def test_working_out_the_next_occurrence_does_not_count_from_the_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Linear: 3,000 occurrences cost about 3,000 looks at the calendar, not 4.5 million."""
    real = rule_maths.occurrence_after
    calls = 0

    def counted(rule: TaskRule, index: int) -> date:
        nonlocal calls
        calls += 1
        return real(rule, index)

    monkeypatch.setattr(rule_maths, "occurrence_after", counted)
    # (Without the bound into the past, so that there are thousands of occurrences.)
    monkeypatch.setattr(rule_maths, "CATCH_UP", timedelta(days=100_000), raising=False)
    today = date(2000, 1, 1) + timedelta(days=3_000 - 1 - 7)
    made = due_to_make(daily_rule(first_due=date(2000, 1, 1)), today)
    assert len(made) == 3_000
    assert calls <= 3 * len(made)


@pytest.mark.parametrize(
    "rule",
    [
        TaskRule("Invoices", Area.ADMIN, Every.DAYS, 3, date(1900, 1, 1)),
        TaskRule("Invoices", Area.ADMIN, Every.WEEKS, 2, date(1901, 3, 5)),
        TaskRule("Invoices", Area.ADMIN, Every.MONTHS, 1, date(1900, 1, 31)),
        TaskRule("Invoices", Area.ADMIN, Every.MONTHS, 12, date(1904, 2, 29)),
        TaskRule("x", Area.ADMIN, Every.WEEKDAY_OF_MONTH, 2, date(1900, 1, 28), nth=-1, weekday=4),
        TaskRule("x", Area.ADMIN, Every.WEEKDAY_OF_MONTH, 5, date(1900, 1, 1), nth=4, weekday=0),
    ],
    ids=lambda r: r.describe(),
)
def test_the_next_occurrence_is_the_one_counting_would_find(rule: TaskRule) -> None:
    def by_counting(after: date) -> date:
        index = 0
        while (due := rule_maths.occurrence_after(rule, index)) <= after:
            index += 1
        return due

    for after in (
        date(1899, 12, 31), rule.first_due, date(1900, 2, 28), date(1904, 2, 28),
        date(1904, 2, 29), date(1950, 12, 31), date(2026, 1, 30), date(2026, 2, 27),
        date(2026, 2, 28), date(2026, 3, 31), date(2026, 11, 25),
    ):  # fmt: skip
        assert next_occurrence(rule, after) == by_counting(after), after


def test_month_ends_far_back_are_made_once_each_from_the_recent_ones() -> None:
    monthly = TaskRule("Books", Area.ADMIN, Every.MONTHS, 1, date(1900, 1, 31))
    assert due_to_make(monthly, TODAY) == [
        date(2025, 11, 30), date(2025, 12, 31), date(2026, 1, 31), date(2026, 2, 28),
        date(2026, 3, 31), date(2026, 4, 30), date(2026, 5, 31), date(2026, 6, 30),
        date(2026, 7, 31), date(2026, 8, 31), date(2026, 9, 30), date(2026, 10, 31),
        date(2026, 11, 30),
    ]  # fmt: skip
    # A yearly task missed while the app was closed for months still shows, overdue.
    yearly = TaskRule("Van insurance", Area.ADMIN, Every.MONTHS, 12, date(2020, 3, 1))
    assert due_to_make(yearly, TODAY) == [date(2026, 3, 1)]


def test_a_rule_that_ended_long_ago_makes_nothing_and_the_import_says_so(
    store: Store, tmp_path: Path
) -> None:
    ended = daily_rule().with_changes(until=date(1950, 6, 30))
    assert due_to_make(ended, TODAY) == []
    rule = {**DAILY_SINCE_1900["task_rules"][0], "until": "1950-06-30"}
    source = write(tmp_path / "ended.json", {**DAILY_SINCE_1900, "task_rules": [rule]})
    result = import_from_file(store, source, None, today=TODAY)
    assert [late.sentence() for late in result.late_starts] == [
        'The repeating task "Check the van" was first due on 1 Jan 1900 and ended more than '
        "a year ago: no tasks are made for it."
    ]


def test_a_catch_up_stopped_half_way_never_makes_a_task_twice(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.writing() as session:
        for title in ("Check the van", "Sweep the shop"):
            commit(session, rows(RULES, after=[daily_rule(title)]))
    real = add_task
    calls = 0

    def power_cut_in_the_third_step(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 120:
            raise OSError("power cut")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(rule_service, "add_task", power_cut_in_the_third_step)
    with pytest.raises(OSError):
        rule_service.catch_up_tasks(store, TODAY, step=50)
    assert sum(due_days(store).values()) == 100  # two whole steps were saved, not the third
    monkeypatch.setattr(rule_service, "add_task", real)
    assert rule_service.catch_up_tasks(store, TODAY, step=50) == 2 * DAILY_COUNT - 100
    made = due_days(store)
    assert max(made.values()) == 1 and len(made) == 2 * DAILY_COUNT
    assert min(due for _, due in made if due is not None) == CATCH_UP_FROM


def test_a_rule_typed_in_with_a_first_date_far_back_makes_only_recent_tasks(
    store: Store,
) -> None:
    with store.writing() as session:
        change = task_edits.add_rule(session, daily_rule(), TODAY)
    assert len(change.after_tasks) == DAILY_COUNT
    assert min(t.due for t in change.after_tasks if t.due) == CATCH_UP_FROM


# -- repeating blocks -----------------------------------------------------------------------
def daily_series(title: str, first_day: date = date(1900, 1, 1)) -> Series:
    return Series(title, Area.MARKETING, 7 * 60, 8 * 60, frozenset(range(7)), first_day)


def series_file(path: Path, count: int) -> Path:
    return write(
        path,
        {
            "format": "tradesman",
            "version": 4,
            "series": [
                {"id": f"s{n}", "title": f"Round {n}", "area": "marketing", "start": "07:00",
                 "end": "07:30", "weekdays": ["monday", "tuesday", "wednesday", "thursday",
                 "friday", "saturday", "sunday"], "first_day": "1900-01-01"}
                for n in range(count)
            ],
        },
    )  # fmt: skip


@pytest.fixture
def root_log_handlers() -> Iterator[None]:
    """cli.main starts logging into the data folder; leave the root logger as it was."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.mark.timeout(60)
@pytest.mark.usefixtures("root_log_handlers")
def test_twenty_daily_series_since_1900_make_a_year_of_blocks_for_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tradesman.cli import main
    from tradesman.store.database import open_store

    paths = prepare_data_folder(tmp_path / "data")
    store = open_store(paths)
    import_from_file(store, series_file(tmp_path / "rounds.json", 20), None)
    store.close()
    assert main(["--data-dir", str(paths.folder), "summary", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["planned"]["marketing"] == 20 * 7 * 0.5  # every day of this week
    store = open_store(paths)
    try:
        with store.reading() as session:
            blocks = blocks_between(session, date(1900, 1, 1), date(2200, 1, 1))
    finally:
        store.close()
    assert len(blocks) <= 20 * (366 + 14)
    assert min(b.day for b in blocks) == date.today() - timedelta(days=366)


def test_a_series_typed_in_far_back_makes_a_year_of_blocks_and_undoes_whole(
    store: Store,
) -> None:
    from tradesman.services.changes import apply_change

    with store.writing() as session:
        change = edits.add_series(session, daily_series("Photos"), TODAY)
    days = sorted(block.day for block in change.after_blocks)
    assert days[0] == BLOCKS_FROM and days[-1] == TODAY + timedelta(days=366)
    with store.writing() as session:
        apply_change(session, change.reversed())
        assert blocks_between(session, date(1900, 1, 1), date(2200, 1, 1)) == []


def test_a_past_block_made_to_repeat_stays_where_it_is(store: Store) -> None:
    from tradesman.domain.blocks import TimeBlock

    old_day = date(1990, 5, 1)
    with store.writing() as session:
        (old,) = edits.add_blocks(
            session, [TimeBlock(old_day, 420, 480, Area.MARKETING, "Photos")]
        ).after_blocks
        assert old.id is not None
        edits.repeat_block(session, old, daily_series("Photos", old_day), TODAY)
        blocks = blocks_between(session, date(1900, 1, 1), date(2200, 1, 1))
    assert blocks[0].id == old.id and blocks[0].day == old_day
    assert blocks[1].day == BLOCKS_FROM
    assert len(blocks) == 1 + 366 + 366 + 1


def test_series_catch_up_in_steps_never_makes_a_block_twice(
    store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tradesman.services import series as series_service

    import_from_file(store, series_file(tmp_path / "rounds.json", 3), None)
    real = series_service.extend_one_series
    calls = 0

    def power_cut(*args: object, **kwargs: object) -> int:
        nonlocal calls
        calls += 1
        if calls == 5:
            raise OSError("power cut")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(series_service, "extend_one_series", power_cut)
    last = TODAY + timedelta(days=6)
    with pytest.raises(OSError):
        series_service.catch_up_series(store, last, TODAY)
    with store.reading() as session:
        saved = blocks_between(session, date(1900, 1, 1), date(2200, 1, 1))
    assert 0 < len(saved) < 3 * (366 + 7)  # the first steps are kept
    monkeypatch.setattr(series_service, "extend_one_series", real)
    series_service.catch_up_series(store, last, TODAY)
    with store.reading() as session:
        blocks = blocks_between(session, date(1900, 1, 1), date(2200, 1, 1))
    per_day = Counter((b.series_id, b.day) for b in blocks)
    assert max(per_day.values()) == 1
    assert len(blocks) == 3 * (366 + 7) and min(b.day for b in blocks) == BLOCKS_FROM


# -- telling the owner ----------------------------------------------------------------------
def test_the_import_names_the_rule_and_the_day_its_tasks_start(
    store: Store, tmp_path: Path
) -> None:
    rounds = json.loads(series_file(tmp_path / "rounds.json", 1).read_text())
    source = write(tmp_path / "both.json", {**DAILY_SINCE_1900, "series": rounds["series"]})
    result = import_from_file(store, source, None, today=TODAY)
    assert [late.sentence() for late in result.late_starts] == [
        'The repeating task "Check the van" was first due on 1 Jan 1900: its tasks are '
        "made from 24 Nov 2025 on, not one for every time since.",
        'The repeating block "Round 0" starts on 1 Jan 1900: its blocks are made from '
        "24 Nov 2025 on, not for every day since.",
    ]


@pytest.mark.usefixtures("root_log_handlers")
def test_the_command_line_import_says_where_the_tasks_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tradesman.cli import main

    source = write(tmp_path / "van.json", DAILY_SINCE_1900)
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(source)]) == 0
    said = capsys.readouterr().out
    start = date.today() - timedelta(days=366)
    assert said.startswith("Imported 0 tasks and 0 blocks from")
    assert '"Check the van" was first due on 1 Jan 1900' in said
    assert f"made from {start.day} " in said


def test_the_window_import_says_where_the_tasks_start_and_makes_them(
    planner: Planner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write(tmp_path / "van.json", DAILY_SINCE_1900)
    told: list[str] = []
    monkeypatch.setattr(prompts, "choose_file_to_open", lambda *a: source)
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    monkeypatch.setattr(prompts, "tell", lambda parent, title, message: told.append(message))
    planner.window.acts["import"].trigger()
    planner.qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert '"Check the van" was first due on 1 Jan 1900' in told[0]
    assert "made from 24 Nov 2025 on" in told[0]
    schedule = planner.window.desk.schedule_list
    assert schedule is not None
    planner.qtbot.waitUntil(lambda: len(schedule.model.cards()) == DAILY_COUNT, timeout=10_000)


def test_the_task_dialog_says_when_a_first_due_date_is_far_back(planner: Planner) -> None:
    from tradesman.ui.tasks.task_dialog import TaskDialog
    from tradesman.ui.week.block_dialog import to_qdate

    actions = planner.window.desk.task_actions
    assert actions is not None
    actions.new_task(Area.ADMIN)
    dialog = next(d for d in planner.window.findChildren(TaskDialog) if d.isVisible())
    planner.qtbot.keyClicks(dialog.title, "Check the van")
    dialog.repeat.setCurrentIndex(1)  # every ... days
    assert not dialog.catch_up_note.isVisibleTo(dialog)  # due today: nothing to say
    dialog.due.setDate(to_qdate(date(1900, 1, 1)))
    assert dialog.catch_up_note.isVisibleTo(dialog)
    assert "from 24 Nov 2025" in dialog.catch_up_note.text()
    assert "1 Jan 1900" in dialog.catch_up_note.text()
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert sum(due_days(planner.store).values()) == DAILY_COUNT


def test_the_block_dialog_says_when_a_series_starts_far_back(planner: Planner) -> None:
    from planner_kit import TUE

    from tradesman.ui.week.block_dialog import to_qdate

    planner.qtbot.mouseDClick(planner.canvas, LEFT, pos=planner.at(TUE, 15))
    dialog = planner.dialog()
    planner.type_into(dialog.title, "Photos")
    dialog.repeat.setCurrentIndex(1)
    assert not dialog.catch_up_note.isVisibleTo(dialog)
    dialog.day.setDate(to_qdate(date(1900, 1, 2)))  # a Tuesday
    assert dialog.catch_up_note.isVisibleTo(dialog)
    assert "from 24 Nov 2025" in dialog.catch_up_note.text()
    dialog.repeat.setCurrentIndex(0)  # does not repeat: nothing to say
    assert not dialog.catch_up_note.isVisibleTo(dialog)


# -- the window -----------------------------------------------------------------------------
@pytest.mark.timeout(60)
def test_the_window_opens_ready_on_the_205_byte_file(
    qtbot: QtBot, store: Store, paths: DataPaths, tmp_path: Path
) -> None:
    import_from_file(store, write(tmp_path / "van.json", DAILY_SINCE_1900), None)
    window = open_window(qtbot, paths, store)
    qtbot.waitUntil(window.acts["new_task"].isEnabled, timeout=5_000)
    schedule = window.desk.schedule_list
    assert schedule is not None
    qtbot.waitUntil(lambda: len(schedule.model.cards()) == DAILY_COUNT, timeout=5_000)


@pytest.mark.timeout(60)
def test_a_long_catch_up_runs_while_the_window_stays_usable(
    qtbot: QtBot, store: Store, paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five daily rules from 1900: 1,870 tasks, more than are made at once; the rest are
    made on a worker thread (held back here) while the owner goes on working."""
    with store.writing() as session:
        for n in range(5):
            commit(session, rows(RULES, after=[daily_rule(f"Round {n}")]))
    release = threading.Event()
    real = Operations.catch_up_tasks

    def held_back(self: Operations, *args: object) -> int:
        assert threading.current_thread() is not threading.main_thread()
        release.wait(30)
        return real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Operations, "catch_up_tasks", held_back)
    try:  # (the worker is let go whatever happens, not left waiting on a closed store)
        window = open_window(qtbot, paths, store)
        assert window.acts["new_task"].isEnabled()  # attached: ready for edits
        assert "recurring tasks" in window.statusBar().currentMessage()
        qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        assert window.week.start == date(2026, 11, 30)  # the window answers meanwhile
    finally:
        release.set()
    schedule = window.desk.schedule_list
    assert schedule is not None
    qtbot.waitUntil(lambda: len(schedule.model.cards()) == 5 * DAILY_COUNT, timeout=10_000)
    assert max(due_days(store).values()) == 1
