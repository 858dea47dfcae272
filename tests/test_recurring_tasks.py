"""Recurring tasks: each occurrence made exactly once, whatever the clock and restarts do."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
import time_machine

from tradesman.domain.areas import Area
from tradesman.domain.task_rules import Every, TaskRule, due_to_make, occurrence_after
from tradesman.domain.tasks import Task, TaskCard
from tradesman.domain.validation import InvalidInput, check_task_rule
from tradesman.paths import DataPaths
from tradesman.services import task_edits
from tradesman.services.tasks import add_task
from tradesman.store.database import open_store
from tradesman.store.tables import TASKS

if TYPE_CHECKING:
    from planner_kit import Planner


def rule(every: Every, interval: int, first_due: date, **more: object) -> TaskRule:
    return TaskRule("Chase unpaid invoices", Area.ADMIN, every, interval, first_due).with_changes(
        **more
    )


def first(r: TaskRule, count: int) -> list[date]:
    return [occurrence_after(r, n) for n in range(count)]


def test_every_few_days_and_weeks() -> None:
    assert first(rule(Every.DAYS, 3, date(2026, 12, 30)), 3) == [
        date(2026, 12, 30),
        date(2027, 1, 2),
        date(2027, 1, 5),
    ]
    assert first(rule(Every.WEEKS, 2, date(2026, 11, 27)), 3) == [
        date(2026, 11, 27),
        date(2026, 12, 11),
        date(2026, 12, 25),
    ]


def test_months_keep_to_their_day_and_fall_back_at_month_ends() -> None:
    monthly = rule(Every.MONTHS, 1, date(2027, 1, 31))
    assert first(monthly, 5) == [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
        date(2027, 5, 31),
    ]
    quarterly = rule(Every.MONTHS, 3, date(2026, 11, 30))
    assert first(quarterly, 4) == [
        date(2026, 11, 30),
        date(2027, 2, 28),
        date(2027, 5, 30),
        date(2027, 8, 30),
    ]


def test_a_leap_day_rule_falls_on_the_28th_in_other_years() -> None:
    yearly = rule(Every.MONTHS, 12, date(2024, 2, 29))
    assert first(yearly, 5) == [
        date(2024, 2, 29),
        date(2025, 2, 28),
        date(2026, 2, 28),
        date(2027, 2, 28),
        date(2028, 2, 29),
    ]


def test_the_nth_or_last_weekday_of_the_month() -> None:
    second_tuesday = rule(Every.WEEKDAY_OF_MONTH, 1, date(2026, 11, 1), nth=2, weekday=1)
    assert first(second_tuesday, 3) == [date(2026, 11, 10), date(2026, 12, 8), date(2027, 1, 12)]
    last_friday = rule(Every.WEEKDAY_OF_MONTH, 2, date(2026, 11, 1), nth=-1, weekday=4)
    assert first(last_friday, 3) == [date(2026, 11, 27), date(2027, 1, 29), date(2027, 3, 26)]
    started_late = rule(Every.WEEKDAY_OF_MONTH, 1, date(2026, 11, 28), nth=-1, weekday=4)
    assert started_late.pending == date(2026, 12, 25)  # November's last Friday was the 27th
    assert last_friday.describe() == "Every 2 months on the last Friday"


def test_tasks_appear_a_week_before_they_are_due_and_stop_at_the_end_date() -> None:
    weekly = rule(Every.WEEKS, 1, date(2026, 12, 4), until=date(2026, 12, 18))
    assert due_to_make(weekly, date(2026, 11, 26)) == []
    assert due_to_make(weekly, date(2026, 11, 27)) == [date(2026, 12, 4)]
    assert due_to_make(weekly, date(2027, 6, 1)) == [
        date(2026, 12, 4),
        date(2026, 12, 11),
        date(2026, 12, 18),
    ]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"interval": 0}, "interval"),
        ({"interval": 53, "every": Every.WEEKS}, "interval"),
        ({"nth": 5, "every": Every.WEEKDAY_OF_MONTH}, "nth"),
        ({"until": date(2026, 1, 1)}, "until"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_rules_are_refused(changes: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_task_rule(rule(Every.DAYS, 1, date(2026, 11, 25)).with_changes(**changes))
    assert caught.value.field == field


RULES = [
    rule(Every.DAYS, 5, date(2026, 11, 25)),
    rule(Every.WEEKS, 2, date(2026, 12, 4)),
    rule(Every.MONTHS, 1, date(2027, 1, 31)),  # month ends: 28 Feb, 30 Apr...
    rule(Every.MONTHS, 12, date(2028, 2, 29)),  # a leap day
    rule(Every.WEEKDAY_OF_MONTH, 1, date(2026, 12, 1), nth=-1, weekday=4),
]


def due_day(task: Task) -> date:
    assert task.due is not None, task  # a task a rule makes is always due on a day
    return task.due


def expected_dues(r: TaskRule, today: date) -> list[date]:
    """Worked out independently: every occurrence on or after the first due date whose
    task should have appeared by `today`."""
    dues, n = [], 0
    while (due := occurrence_after(r, n)) - timedelta(days=r.lead_days) <= today:
        if due >= r.first_due:
            dues.append(due)
        n += 1
    return dues


def test_a_year_and_more_day_by_day_with_restarts_makes_each_task_once(paths: DataPaths) -> None:
    """The app opened on some days and not others, closed and reopened: every
    occurrence exists exactly once by the end, none missing, none twice."""
    start = datetime(2026, 11, 25, 8, 0)
    with time_machine.travel(start, tick=False) as clock:
        store = open_store(paths)
        with store.writing() as session:
            for r in RULES:
                task_edits.add_rule(session, r, date.today())
        store.close()
        for day in range(500):
            clock.move_to(start + timedelta(days=day, hours=day % 24))
            if day % 3 == 1:  # some days the app is not opened at all
                continue
            store = open_store(paths)  # a restart
            for _ in range(2):  # opened twice that day
                with store.writing() as session:
                    from tradesman.services.task_rules import make_due_tasks

                    make_due_tasks(session, date.today())
            store.close()
        today = date.today()
    store = open_store(paths)
    with store.reading() as session:
        tasks = TASKS.all(session)
    store.close()
    by_rule = Counter((t.rule_id, due_day(t)) for t in tasks)
    assert max(by_rule.values()) == 1  # nothing twice
    for number, r in enumerate(RULES, start=1):
        made = sorted(due for rule_id, due in by_rule if rule_id == number)
        assert made == expected_dues(r, today), r.describe()  # nothing missing
    assert date(2028, 2, 29) in {t.due for t in tasks} and date(2027, 2, 26) in {
        t.due for t in tasks
    }


def test_a_crash_while_making_tasks_leaves_nothing_half_made(
    paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(paths)
    with store.writing() as session:
        task_edits.add_rule(session, rule(Every.DAYS, 1, date(2026, 11, 25)), date(2026, 11, 1))
    from tradesman.services import task_rules

    real = add_task
    calls = []

    def dies_on_the_third(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 3:
            raise OSError("power cut")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(task_rules, "add_task", dies_on_the_third)
    with pytest.raises(OSError), store.writing() as session:
        task_rules.make_due_tasks(session, date(2026, 11, 20))
    monkeypatch.setattr(task_rules, "add_task", real)
    with store.reading() as session:
        assert TASKS.all(session) == []
    with store.writing() as session:
        task_rules.make_due_tasks(session, date(2026, 11, 20))
    with store.reading() as session:
        assert sorted(due_day(t) for t in TASKS.all(session)) == [
            date(2026, 11, 25),
            date(2026, 11, 26),
            date(2026, 11, 27),
        ]
    store.close()


def test_a_repeating_task_can_be_stopped_from_its_menu_and_undone(planner: Planner) -> None:
    """The menu of a task made by a rule offers to stop it: no more come; the ones made
    stay; undo brings the rule back."""
    from planner_kit import CTRL, TODAY
    from PySide6.QtCore import Qt

    from tradesman.services.task_rules import all_rules

    window = planner.window
    actions = window.desk.task_actions
    assert actions is not None
    made = actions.ops.run(task_edits.add_rule, rule(Every.WEEKS, 1, TODAY), TODAY)
    task = made.after_tasks[0]
    assert task.id is not None
    card = actions.ops.task_card(task.id)
    assert card is not None
    menu = actions.card_menu(card)
    stop = next(a for a in menu.actions() if a.text() == "Stop repeating")
    stop.trigger()
    with planner.store.reading() as session:
        assert all_rules(session) == []
        kept = TASKS.all(session)
        assert kept and all(t.rule_id is None for t in kept)  # the tasks made stay
    planner.qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    with planner.store.reading() as session:
        assert len(all_rules(session)) == 1
        assert [t.rule_id for t in TASKS.all(session)] != [None]
    plain = actions.card_menu(TaskCard(task.with_changes(rule_id=None)))
    assert "Stop repeating" not in [a.text() for a in plain.actions()]
