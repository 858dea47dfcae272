"""A task's title reads as typed wherever it is shown (issue 12, item 3): the after-job
question and the delete question (real message boxes, their showing replaced), the
library menu, the Schedule… dialog and the Repeating list."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from planner_kit import TODAY, Planner
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.domain.tasks import Task, TaskCard, TaskStatus
from tradesman.services import edits, task_edits
from tradesman.services.templates import Template
from tradesman.ui.shared import prompts
from tradesman.ui.tasks.task_schedule_dialog import ScheduleDialog
from tradesman.ui.tasks.tasks_page import TasksPage

TITLE = "AT&T <b>x</b> & &amp;"
REAL_CONFIRM = prompts.confirm  # (before the tests' guard replaces it)
REAL_BLOCKS_FATE = prompts.choose_blocks_fate


def answered_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Qt.TextFormat, str]]:
    """Real message boxes, never shown: each records what its label says and how it
    reads it, and answers with its first button of its own (not Cancel)."""
    seen: list[tuple[str, Qt.TextFormat, str]] = []

    def answer(box: QMessageBox) -> int:
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label is not None
        seen.append((label.text(), label.textFormat(), box.text()))
        accept = [
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        ]
        accept[0].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(prompts, "confirm", REAL_CONFIRM)
    monkeypatch.setattr(prompts, "choose_blocks_fate", REAL_BLOCKS_FATE)
    return seen


def add(planner: Planner, *tasks: Task) -> None:
    with planner.store.writing() as session:
        task_edits.add_tasks(session, tasks)
    planner.window.refresh_all()


def card_of(planner: Planner, area: Area) -> TaskCard:
    planner.window.show_page(1)
    page = planner.window.desk.tasks_page
    assert page is not None
    return page.models[area].cards()[0]


def test_the_after_job_question_shows_the_title_as_typed_one_follow_up_a_line(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = answered_boxes(monkeypatch)
    add(planner, Task(TITLE, Area.PRODUCTION))
    actions = planner.window.desk.task_actions
    assert actions is not None
    actions.mark(card_of(planner, Area.PRODUCTION).task, TaskStatus.DONE)
    [(shown, how, _)] = seen
    assert how == Qt.TextFormat.PlainText
    head, listed = shown.split("\n\n")
    assert head.startswith(f"'{TITLE}' is done.")
    assert [line.split(" (due")[0] for line in listed.split("\n")] == [
        f"• {TITLE}: photos",
        f"• {TITLE}: ask for a review",
        f"• {TITLE}: ask for a referral",
        f"• {TITLE}: six-month check-in call",
    ]


def test_the_delete_question_shows_the_title_as_typed(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = answered_boxes(monkeypatch)
    add(planner, Task(TITLE, Area.SALES))
    task = card_of(planner, Area.SALES).task
    with planner.store.writing() as session:
        edits.add_blocks(session, [TimeBlock(TODAY, 600, 660, Area.SALES, TITLE, task_id=task.id)])
    planner.window.refresh_all()
    actions = planner.window.desk.task_actions
    assert actions is not None
    actions.delete(task)
    [(shown, how, _)] = seen
    assert how == Qt.TextFormat.PlainText
    assert shown.startswith(f"'{TITLE}' has time on the calendar.")


def test_the_library_menu_keeps_the_ampersand_and_the_tags(qtbot: Any) -> None:
    template = Template(TITLE, Area.SALES, 15, 1, "<i>notes</i> & more")
    page = TasksPage(lambda with_done: [], (template,), lambda: TODAY, lambda: date(2026, 11, 29))
    qtbot.addWidget(page)
    menu = page.library.menu()
    sales = next(a.menu() for a in menu.actions() if a.text() == "Sales")
    assert isinstance(sales, QMenu)
    [action] = sales.actions()
    assert action.iconText() == TITLE  # what the menu shows: no "&T" shortcut eaten
    assert action.toolTip() == "<qt>&lt;i&gt;notes&lt;/i&gt; &amp; more</qt>"


def test_the_schedule_dialog_names_the_task_as_typed(qtbot: Any) -> None:
    card = TaskCard(Task(TITLE, Area.SALES, id=1))
    dialog = ScheduleDialog(card, 60, (TODAY, 9 * 60), True)
    qtbot.addWidget(dialog)
    assert dialog.task_title.textFormat() == Qt.TextFormat.PlainText
    assert dialog.task_title.text() == TITLE
