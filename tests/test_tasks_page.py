"""Tasks, driven through the window: the tasks page, the task dialog, the list beside the
week, and tasks dropped onto the calendar. Every edit is undone and redone.

Drags between lists are real Qt drag-and-drop events (enter, move, drop) sent to the
views; QTest cannot drive QDrag's own event loop.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from planner_kit import CTRL, FRI, LEFT, THU, TODAY, Planner
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.settings import AfterJob
from tradesman.domain.tasks import Task, TaskCard, TaskStatus
from tradesman.services import edits, task_edits
from tradesman.ui.shared import prompts
from tradesman.ui.tasks.task_dialog import TaskDialog
from tradesman.ui.tasks.task_model import task_mime
from tradesman.ui.tasks.tasks_page import TasksPage

SHIFT = Qt.KeyboardModifier.ShiftModifier


def add(planner: Planner, *tasks: Task) -> None:
    with planner.store.writing() as session:
        task_edits.add_tasks(session, tasks)
    planner.window.refresh_all()


def page(planner: Planner) -> TasksPage:
    planner.window.show_page(1)
    shown = planner.window.desk.tasks_page
    assert shown is not None and shown.isVisible()
    return shown


def lane(planner: Planner, area: Area) -> list[tuple[str, TaskStatus]]:
    return [(c.task.title, c.task.status) for c in page(planner).models[area].cards()]


def card(planner: Planner, title: str) -> TaskCard:
    current = page(planner)
    return next(c for m in current.models.values() for c in m.cards() if c.task.title == title)


def task_dialog(planner: Planner) -> TaskDialog:
    def showing() -> list[TaskDialog]:
        return [d for d in planner.window.findChildren(TaskDialog) if d.isVisible()]

    planner.qtbot.waitUntil(lambda: bool(showing()))
    return showing()[-1]


def drop(target: QWidget, point: QPoint, card_: TaskCard) -> None:
    """Drag a card in: enter, move, drop, as the mouse does."""
    mime = task_mime(card_)
    args = (
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, QDragEnterEvent(point, *args))
    QApplication.sendEvent(target, QDragMoveEvent(point, *args))
    QApplication.sendEvent(target, QDropEvent(QPointF(point), *args))


def test_a_new_task_through_the_dialog_and_undo(planner: Planner) -> None:
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_N, CTRL | SHIFT)
    dialog = task_dialog(planner)
    planner.qtbot.mouseClick(dialog.save_button, LEFT)  # no title yet
    assert dialog.error_text("title") == "Give it a title."
    planner.qtbot.keyClicks(dialog.title, "Send the quote for the loft stairs")
    dialog.area.setCurrentIndex(2)  # sales
    dialog.has_due.setChecked(True)
    dialog.due.setDate(dialog.due.date().addDays(2))
    planner.qtbot.keyClicks(dialog.estimate, "abc")
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    assert "not a length of time" in dialog.error_text("estimate_minutes")
    dialog.estimate.clear()
    planner.qtbot.keyClicks(dialog.estimate, "1:30")
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert lane(planner, Area.SALES) == [("Send the quote for the loft stairs", TaskStatus.OPEN)]
    made = card(planner, "Send the quote for the loft stairs").task
    assert (made.due, made.estimate_minutes) == (TODAY + timedelta(days=2), 90)
    planner.window.acts["undo"].trigger()
    assert lane(planner, Area.SALES) == []
    planner.window.acts["redo"].trigger()
    assert lane(planner, Area.SALES) == [("Send the quote for the loft stairs", TaskStatus.OPEN)]


def test_editing_a_card_by_double_click(planner: Planner) -> None:
    add(planner, Task("Newsletter", Area.MARKETING))
    view = page(planner).lists[Area.MARKETING]
    index = page(planner).models[Area.MARKETING].index(2, 0)  # Doing, To do, then the card
    planner.qtbot.waitUntil(lambda: view.visualRect(index).height() > 0)  # laid out
    where = view.visualRect(index).center()
    planner.qtbot.mouseClick(view.viewport(), LEFT, pos=where)  # a double-click starts as a click
    planner.qtbot.mouseDClick(view.viewport(), LEFT, pos=where)
    dialog = task_dialog(planner)
    dialog.title.selectAll()
    planner.qtbot.keyClicks(dialog.title, "Winter newsletter")
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert lane(planner, Area.MARKETING) == [("Winter newsletter", TaskStatus.OPEN)]
    assert planner.window.acts["undo"].text() == "&Undo Change 'Newsletter'"
    planner.window.acts["undo"].trigger()
    assert lane(planner, Area.MARKETING) == [("Newsletter", TaskStatus.OPEN)]


def test_filters_show_done_search_and_due_this_week(planner: Planner) -> None:
    add(
        planner,
        Task("Fit Dübel shelves", Area.PRODUCTION, due=TODAY + timedelta(days=2)),
        Task("Order materials", Area.PRODUCTION, due=TODAY + timedelta(days=20)),
        Task("Invoice Patel", Area.ADMIN, status=TaskStatus.DONE),
    )
    tasks = page(planner)
    assert [t for t, _ in lane(planner, Area.PRODUCTION)] == [
        "Fit Dübel shelves",
        "Order materials",
    ]
    assert lane(planner, Area.ADMIN) == []  # done tasks are hidden at first
    tasks.show_choice.setCurrentIndex(2)  # all
    assert lane(planner, Area.ADMIN) == [("Invoice Patel", TaskStatus.DONE)]
    tasks.show_choice.setCurrentIndex(0)
    planner.qtbot.keyClicks(tasks.search, "DÜBEL")
    planner.qtbot.waitUntil(
        lambda: [t for t, _ in lane(planner, Area.PRODUCTION)] == ["Fit Dübel shelves"]
    )
    tasks.search.clear()
    tasks.due_this_week.setChecked(True)
    assert [t for t, _ in lane(planner, Area.PRODUCTION)] == ["Fit Dübel shelves"]
    tasks.search.setText("nothing like this")
    tasks.reload()
    assert tasks.empty_note.text() == "No tasks match. Clear the search or show all tasks."


def test_a_card_dragged_to_another_group_and_lane(planner: Planner) -> None:
    add(planner, Task("Send quote", Area.SALES))
    tasks = page(planner)
    view, model = tasks.lists[Area.SALES], tasks.models[Area.SALES]
    drop(view.viewport(), view.visualRect(model.index(0, 0)).center(), card(planner, "Send quote"))
    assert lane(planner, Area.SALES) == [("Send quote", TaskStatus.DOING)]
    admin = tasks.lists[Area.ADMIN]
    drop(admin.viewport(), QPoint(20, 10), card(planner, "Send quote"))
    assert lane(planner, Area.ADMIN) == [("Send quote", TaskStatus.DOING)]
    planner.window.acts["undo"].trigger()
    planner.window.acts["undo"].trigger()
    assert lane(planner, Area.SALES) == [("Send quote", TaskStatus.OPEN)]


def test_a_task_dropped_on_the_calendar_books_its_time(planner: Planner) -> None:
    add(planner, Task("Measure up – Nowak", Area.SALES, estimate_minutes=100))
    schedule = planner.window.desk.schedule_list
    assert schedule is not None
    assert [c.task.title for c in schedule.model.cards()] == ["Measure up – Nowak"]
    planner.window.show_page(0)
    drop(planner.canvas, planner.at(THU, 13.1), card(planner, "Measure up – Nowak"))
    planner.window.show_page(0)
    booked = next(b for b in planner.canvas.blocks if b.title == "Measure up – Nowak")
    assert (booked.day, booked.start, booked.end, booked.area) == (
        THU,
        13 * 60,
        14 * 60 + 45,
        Area.SALES,
    )
    assert booked.task_id == card(planner, "Measure up – Nowak").task.id
    assert card(planner, "Measure up – Nowak").booked_minutes == 105
    assert [c.task.title for c in schedule.model.cards()] == []  # all its time is booked
    assert planner.row("Sales") == ("2 h 45 min", "0 min")
    planner.window.acts["undo"].trigger()
    planner.window.show_page(0)
    assert all(b.title != "Measure up – Nowak" for b in planner.canvas.blocks)
    assert [c.task.title for c in schedule.model.cards()] == ["Measure up – Nowak"]


def finish(planner: Planner, title: str) -> None:
    current = card(planner, title)
    assert planner.window.desk.task_actions is not None
    menu = planner.window.desk.task_actions.card_menu(current)
    next(a for a in menu.actions() if a.text() == "Mark done").trigger()


def test_after_the_job_the_marketing_offered_and_taken(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(planner, Task("Kitchen – Patel", Area.PRODUCTION))
    asked: list[str] = []

    def confirm(parent: object, title: str, question: str, action: str) -> bool:
        asked.append(question)
        return True

    monkeypatch.setattr(prompts, "confirm", confirm)
    finish(planner, "Kitchen – Patel")
    assert "Kitchen – Patel" in asked[0] and "Kitchen – Patel: ask for a review" in asked[0]
    page(planner).show_choice.setCurrentIndex(2)
    marketing = {c.task.title: c.task.due for c in page(planner).models[Area.MARKETING].cards()}
    assert marketing == {
        "Kitchen – Patel: photos": TODAY + timedelta(days=1),
        "Kitchen – Patel: ask for a review": TODAY + timedelta(days=3),
        "Kitchen – Patel: ask for a referral": TODAY + timedelta(days=14),
        "Kitchen – Patel: six-month check-in call": TODAY + timedelta(days=182),
    }
    assert card(planner, "Kitchen – Patel").task.status is TaskStatus.DONE
    planner.window.acts["undo"].trigger()  # the follow-ups are their own step
    assert lane(planner, Area.MARKETING) == []
    assert card(planner, "Kitchen – Patel").task.status is TaskStatus.DONE


def test_after_the_job_the_marketing_declined(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(planner, Task("Decking – Rossi", Area.PRODUCTION))
    monkeypatch.setattr(prompts, "confirm", lambda *a: False)
    finish(planner, "Decking – Rossi")
    assert lane(planner, Area.MARKETING) == []
    page(planner).show_choice.setCurrentIndex(2)  # all: done tasks too
    assert card(planner, "Decking – Rossi").task.status is TaskStatus.DONE


@pytest.mark.parametrize(("choice", "added"), [(AfterJob.AUTOMATIC, 4), (AfterJob.OFF, 0)])
def test_after_the_job_as_the_settings_say(planner: Planner, choice: AfterJob, added: int) -> None:
    assert planner.window.desk.planner is not None
    ops = planner.window.desk.planner.ops  # (as File → Settings saves them: the views hear of it)
    ops.save_settings(ops.settings().with_changes(after_job=choice))
    add(planner, Task("Stairs – Jones", Area.PRODUCTION))
    finish(planner, "Stairs – Jones")  # no prompt is allowed (conftest fails on one)
    assert len(lane(planner, Area.MARKETING)) == added


def test_finishing_a_task_offers_to_skip_its_planned_blocks(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(planner, Task("Invoices", Area.ADMIN))
    task = card(planner, "Invoices").task
    with planner.store.writing() as session:
        edits.add_blocks(session, [
            TimeBlock(TODAY - timedelta(days=1), 480, 540, Area.ADMIN, "Invoices", status=BlockStatus.DONE, task_id=task.id),
            TimeBlock(FRI, 480, 540, Area.ADMIN, "Invoices", task_id=task.id),
        ])  # fmt: skip
    planner.window.refresh_all()
    monkeypatch.setattr(
        prompts, "confirm", lambda parent, title, question, action: "1 block planned" in question
    )
    finish(planner, "Invoices")
    planner.window.show_page(0)
    statuses = sorted((b.day, b.status) for b in planner.canvas.blocks if b.title == "Invoices")
    assert statuses == [(TODAY - timedelta(days=1), BlockStatus.DONE), (FRI, BlockStatus.SKIPPED)]
    assert planner.row("Admin") == ("2 h", "1 h")


@pytest.mark.parametrize(("fate", "left"), [("keep", ["Kitchen – Patel"]), ("delete", [])])
def test_deleting_a_task_with_blocks_asks_what_becomes_of_them(
    planner: Planner, monkeypatch: pytest.MonkeyPatch, fate: str, left: list[str]
) -> None:
    add(planner, Task("Kitchen – Patel", Area.PRODUCTION))
    task = card(planner, "Kitchen – Patel").task
    kitchen = planner.block("Kitchen – Patel")
    with planner.store.writing() as session:
        edits.change_block(session, kitchen.with_changes(task_id=task.id))
    monkeypatch.setattr(prompts, "choose_blocks_fate", lambda *a: fate)
    assert planner.window.desk.task_actions is not None
    menu = planner.window.desk.task_actions.card_menu(card(planner, "Kitchen – Patel"))
    next(a for a in menu.actions() if a.text() == "Delete").trigger()
    assert lane(planner, Area.PRODUCTION) == []
    planner.window.show_page(0)
    assert [b.title for b in planner.canvas.blocks if b.title == "Kitchen – Patel"] == left
    assert all(b.task_id is None for b in planner.canvas.blocks)
    planner.window.acts["undo"].trigger()
    planner.window.show_page(0)
    assert planner.block("Kitchen – Patel").task_id == task.id
    assert lane(planner, Area.PRODUCTION) == [("Kitchen – Patel", TaskStatus.OPEN)]


def test_a_task_from_the_library_in_two_clicks(planner: Planner) -> None:
    tasks = page(planner)
    marketing = next(a.menu() for a in tasks.library.menu().actions() if a.text() == "Marketing")
    assert isinstance(marketing, QMenu)
    review = next(a for a in marketing.actions() if a.text() == "Ask a past client for a review")
    review.trigger()
    made = card(planner, "Ask a past client for a review").task
    assert (made.area, made.due, made.estimate_minutes) == (
        Area.MARKETING,
        TODAY + timedelta(days=2),
        15,
    )
    assert (
        planner.window.statusBar()
        .currentMessage()
        .startswith("Added 'Ask a past client for a review'")
    )


def test_a_repeating_task_from_the_dialog(planner: Planner) -> None:
    planner.window.acts["new_task"].trigger()
    dialog = task_dialog(planner)
    planner.qtbot.keyClicks(dialog.title, "Chase unpaid invoices")
    dialog.area.setCurrentIndex(3)
    dialog.repeat.setCurrentIndex(2)  # every ... weeks
    dialog.interval.setValue(2)
    dialog.due.setDate(dialog.due.date().addDays(2))  # first due Friday
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert lane(planner, Area.ADMIN) == [("Chase unpaid invoices", TaskStatus.OPEN)]
    assert card(planner, "Chase unpaid invoices").task.rule_id is not None
    planner.window.acts["undo"].trigger()
    assert lane(planner, Area.ADMIN) == []


def test_recurring_tasks_appear_when_the_app_stays_open_past_midnight(planner: Planner) -> None:
    import time_machine

    from tradesman.domain.task_rules import Every, TaskRule

    with planner.store.writing() as session:  # weekly, first due Thursday 3 Dec
        task_edits.add_rule(
            session,
            TaskRule("Bookkeeping hour", Area.ADMIN, Every.WEEKS, 1, date(2026, 12, 3)),
            TODAY,
        )
    planner.window.refresh_all()
    assert lane(planner, Area.ADMIN) == []  # appears a week before: from 26 Nov
    ops = planner.window.desk.ops
    assert ops is not None
    with time_machine.travel(datetime(2026, 11, 26, 0, 0, 5), tick=False):
        ops.today = date.today  # the app's clock, now running on the test's clock
        planner.window.today = date.today
        planner.window.desk.day_watcher._today = date.today
        planner.window.desk.day_watcher.check()  # (it looks once a minute)
        assert lane(planner, Area.ADMIN) == [("Bookkeeping hour", TaskStatus.OPEN)]
        planner.window.desk.day_watcher.check()
        assert len(lane(planner, Area.ADMIN)) == 1  # once only


def test_the_window_opens_on_the_page_it_was_left_on(planner: Planner) -> None:
    from planner_kit import open_window

    page(planner)
    planner.window.close()
    again = open_window(planner.qtbot, planner.paths, planner.store)
    assert again.pages.currentIndex() == 1 and again.desk.tasks_page is not None
    again.show_page(0)
    again.close()
    third = open_window(planner.qtbot, planner.paths, planner.store)
    assert third.pages.currentIndex() == 0


def test_recurring_rules_and_their_tasks_survive_export_and_import(
    planner: Planner, tmp_path: Path
) -> None:
    import json

    from helpers import without_ids

    from tradesman.domain.task_rules import Every, TaskRule
    from tradesman.exchange.document import FORMAT_VERSION
    from tradesman.paths import prepare_data_folder
    from tradesman.services.export_file import export_text
    from tradesman.services.transfer import import_from_file
    from tradesman.store.database import open_store

    with planner.store.writing() as session:
        task_edits.add_rule(
            session,
            TaskRule(
                "Bookkeeping hour",
                Area.ADMIN,
                Every.WEEKDAY_OF_MONTH,
                1,
                date(2026, 11, 1),
                nth=-1,
                weekday=4,
                estimate_minutes=60,
            ),
            TODAY,
        )
    one, _ = export_text(planner.store, None)
    first = json.loads(one)
    assert first["version"] == FORMAT_VERSION and first["task_rules"][0]["weekday"] == "friday"
    assert first["tasks"][0]["rule"] == first["task_rules"][0]["id"]
    (tmp_path / "one.json").write_text(one)
    other = open_store(prepare_data_folder(tmp_path / "other"))
    import_from_file(other, tmp_path / "one.json", None)
    two, _ = export_text(other, None)
    other.close()
    assert without_ids(json.loads(two)) == without_ids(first)
