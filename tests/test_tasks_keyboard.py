"""The tasks page from the keyboard, and booking a task without a drag (issue 12, items
16 and 17): real key presses on the lanes, the card menu and the Schedule… dialog."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

import pytest
from planner_kit import LEFT, THU, TODAY, TUE, Planner
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QMenu, QWidget

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.free_time import next_free_slot
from tradesman.domain.tasks import Task
from tradesman.domain.weeks import Week
from tradesman.services import edits, task_edits
from tradesman.ui.tasks.task_dialog import TaskDialog
from tradesman.ui.tasks.task_list import TaskList
from tradesman.ui.tasks.task_schedule_dialog import ScheduleDialog
from tradesman.ui.tasks.tasks_page import TasksPage

WED = TODAY
MON = date(2026, 11, 23)
WEEK = Week(MON)
KEY = Qt.Key


def add(planner: Planner, *tasks: Task) -> None:
    with planner.store.writing() as session:
        task_edits.add_tasks(session, tasks)
    planner.window.refresh_all()


def tasks_page(planner: Planner) -> TasksPage:
    planner.window.show_page(1)
    page = planner.window.desk.tasks_page
    assert page is not None and page.isVisible()
    return page


def current(view: TaskList) -> str | None:
    card = view.current_card()
    return None if card is None else card.task.title


def click_card(planner: Planner, view: TaskList, title: str) -> None:
    row = next(
        n for n, r in enumerate(view.lane_model.rows) if r.card and r.card.task.title == title
    )
    index = view.lane_model.index(row, 0)
    planner.qtbot.waitUntil(lambda: view.visualRect(index).height() > 0)
    planner.qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())


Dialog = TypeVar("Dialog", bound=QWidget)


def shown_dialog(planner: Planner, kind: type[Dialog]) -> Dialog:
    def showing() -> list[Dialog]:
        return [d for d in planner.window.findChildren(kind) if d.isVisible()]

    planner.qtbot.waitUntil(lambda: bool(showing()))
    return showing()[-1]


def test_cards_are_worked_with_arrows_enter_f2_and_delete(planner: Planner) -> None:
    add(
        planner,
        Task("Newsletter", Area.MARKETING),
        Task("Flyers", Area.MARKETING),
        Task("Send the quote", Area.SALES),
    )
    page = tasks_page(planner)
    marketing, sales = page.lists[Area.MARKETING], page.lists[Area.SALES]
    marketing.setFocus(Qt.FocusReason.TabFocusReason)
    planner.qtbot.waitUntil(marketing.hasFocus)
    assert current(marketing) == "Newsletter"  # the first card, at once
    # The card the keys act on has a ring around it, in the highlight colour.
    index = marketing.currentIndex()
    image = marketing.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    ring = marketing.visualRect(index)
    pixel = QColor(image.pixel(int((ring.left() + 1) * ratio), int(ring.center().y() * ratio)))
    assert pixel == marketing.palette().color(QPalette.ColorRole.Highlight)

    planner.qtbot.keyClick(marketing, KEY.Key_Down)
    assert current(marketing) == "Flyers"
    planner.qtbot.keyClick(marketing, KEY.Key_Down)  # the last card: stays
    assert current(marketing) == "Flyers"
    planner.qtbot.keyClick(marketing, KEY.Key_Up)
    planner.qtbot.keyClick(marketing, KEY.Key_Up)  # above is the "To do" heading: stays
    assert current(marketing) == "Newsletter"
    planner.qtbot.keyClick(marketing, KEY.Key_End)
    assert current(marketing) == "Flyers"
    planner.qtbot.keyClick(marketing, KEY.Key_Home)  # the first card, not the heading
    assert current(marketing) == "Newsletter"
    planner.qtbot.keyClick(marketing, KEY.Key_Right)  # production is on the left; sales right
    assert sales.hasFocus() and current(sales) == "Send the quote"
    planner.qtbot.keyClick(sales, KEY.Key_Left)
    assert marketing.hasFocus() and current(marketing) == "Newsletter"

    for key in (KEY.Key_Return, KEY.Key_F2):
        planner.qtbot.keyClick(marketing, key)
        dialog = shown_dialog(planner, TaskDialog)
        assert isinstance(dialog, TaskDialog) and dialog.title.text() == "Newsletter"
        dialog.reject()
        planner.qtbot.waitUntil(dialog.isHidden)

    planner.qtbot.keyClick(marketing, KEY.Key_Delete)
    assert [c.task.title for c in page.models[Area.MARKETING].cards()] == ["Flyers"]
    planner.window.acts["undo"].trigger()
    assert [c.task.title for c in page.models[Area.MARKETING].cards()] == ["Newsletter", "Flyers"]


def test_the_menu_key_opens_the_cards_menu(planner: Planner) -> None:
    add(planner, Task("Newsletter", Area.MARKETING))
    page = tasks_page(planner)
    view = page.lists[Area.MARKETING]
    click_card(planner, view, "Newsletter")
    planner.qtbot.keyClick(view, KEY.Key_Menu)
    actions = planner.window.desk.task_actions
    assert actions is not None
    menu = actions.shown_menu
    assert isinstance(menu, QMenu)
    planner.qtbot.waitUntil(menu.isVisible)
    assert [a.text() for a in menu.actions() if a.text()][:2] == ["Edit…", "Sc&hedule…"]
    # It opens at the card, not wherever the mouse happens to be.
    assert view.viewport().rect().contains(view.viewport().mapFromGlobal(menu.pos()))
    planner.qtbot.keyClick(menu, KEY.Key_Escape)
    planner.qtbot.waitUntil(lambda: not menu.isVisible())


def test_schedule_from_the_card_menu_offers_the_next_free_time(planner: Planner) -> None:
    with planner.store.writing() as session:  # Wednesday is busy until half past ten
        edits.add_blocks(session, [TimeBlock(WED, 7 * 60, 10 * 60 + 30, Area.SALES, "Quotes")])
    add(planner, Task("Fit the worktop", Area.PRODUCTION, estimate_minutes=110))
    page = tasks_page(planner)
    view = page.lists[Area.PRODUCTION]
    click_card(planner, view, "Fit the worktop")
    planner.qtbot.keyClick(view, KEY.Key_Menu)
    actions = planner.window.desk.task_actions
    assert actions is not None and actions.shown_menu is not None
    menu = actions.shown_menu
    planner.qtbot.waitUntil(menu.isVisible)
    planner.qtbot.keyClick(menu, KEY.Key_H)  # Sc&hedule…
    dialog = shown_dialog(planner, ScheduleDialog)
    assert isinstance(dialog, ScheduleDialog)
    assert (dialog.day.date().toPython(), dialog.start.time().toString("HH:mm")) == (
        WED,
        "10:30",
    )
    planner.qtbot.keyClick(dialog, KEY.Key_Return)  # take what is offered
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    booked = [b for b in planner.window.canvas.blocks if b.title == "Fit the worktop"]
    assert [(b.day, b.start, b.end, b.task_id is not None) for b in booked] == [
        (WED, 10 * 60 + 30, 12 * 60 + 30, True)  # two hours: 110 minutes in quarter hours
    ]
    assert "Booked 'Fit the worktop' on Wed 25 Nov at 10:30." in (
        planner.window.statusBar().currentMessage()
    )


def test_schedule_from_the_tasks_menu_books_the_chosen_card(planner: Planner) -> None:
    add(planner, Task("Order materials", Area.PRODUCTION, estimate_minutes=30))
    action = planner.window.acts["schedule_task"]
    action.trigger()  # nothing chosen yet: a sentence, no dialog
    assert (
        "Choose a task first (on the Tasks page, or in To schedule"
        in planner.window.statusBar().currentMessage()
    )
    page = tasks_page(planner)
    view = page.lists[Area.PRODUCTION]
    click_card(planner, view, "Order materials")
    tasks_menu = next(a.menu() for a in planner.window.menuBar().actions() if a.text() == "&Tasks")
    assert isinstance(tasks_menu, QMenu)
    assert action in tasks_menu.actions()
    action.trigger()
    dialog = shown_dialog(planner, ScheduleDialog)
    assert isinstance(dialog, ScheduleDialog)
    assert dialog.day.date().toPython() == WED and dialog.start.time().toString("HH:mm") == "07:00"
    dialog.start.setFocus()
    planner.qtbot.keyClick(dialog.start, KEY.Key_Up)  # an hour later
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    booked = [(b.day, b.start, b.end) for b in planner.window.canvas.blocks
              if b.title == "Order materials"]  # fmt: skip
    assert booked == [(WED, 8 * 60, 8 * 60 + 30)]
    planner.window.acts["undo"].trigger()
    assert [b for b in planner.window.canvas.blocks if b.title == "Order materials"] == []


def test_the_next_free_slot() -> None:
    days = [MON, TUE, WED, THU]
    blocks = [
        TimeBlock(TUE, 8 * 60, 12 * 60, Area.PRODUCTION, "Kitchen"),
        TimeBlock(TUE, 12 * 60 + 10, 17 * 60, Area.PRODUCTION, "Kitchen"),
        TimeBlock(WED, 7 * 60, 9 * 60, Area.SALES, "Skipped", status=BlockStatus.SKIPPED),
        TimeBlock(WED, 9 * 60, 9 * 60 + 50, Area.SALES, "Call"),
    ]
    assert next_free_slot(blocks, days, 7 * 60, 18 * 60, 60, (TUE, 0)) == (TUE, 7 * 60)
    assert next_free_slot(blocks, days, 7 * 60, 18 * 60, 61, (TUE, 0)) == (WED, 7 * 60)
    assert next_free_slot(blocks, days, 7 * 60, 18 * 60, 180, (WED, 8 * 60)) == (WED, 10 * 60)
    assert next_free_slot(blocks, days, 7 * 60, 18 * 60, 60, (TUE, 9 * 60 + 1)) == (TUE, 17 * 60)
    assert next_free_slot(blocks, [TUE], 7 * 60, 18 * 60, 120, (TUE, 0)) is None
    assert next_free_slot([], [THU], 7 * 60, 18 * 60, 60, (THU, 16 * 60 + 50)) == (THU, 17 * 60)


def test_schedule_from_beside_the_week_books_the_card_picked_there(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No drag needed beside the week either: pick a card in To schedule and choose
    Tasks → Schedule…, or right-click it for its menu."""
    add(planner, Task("Order materials", Area.PRODUCTION, estimate_minutes=30))
    side = planner.window.desk.schedule_list
    assert side is not None and side.isVisible()
    assert "right-click it: Schedule…" in side.title.text()
    view = side.view
    row = next(n for n, item in enumerate(side.model.rows) if item.card is not None)
    point = view.visualRect(side.model.index(row, 0)).center()
    planner.qtbot.mouseClick(view.viewport(), LEFT, pos=point)
    planner.window.acts["schedule_task"].trigger()
    dialog = shown_dialog(planner, ScheduleDialog)
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [b.title for b in planner.window.canvas.blocks].count("Order materials") == 1
    planner.window.acts["undo"].trigger()
    menus: list[list[str]] = []
    monkeypatch.setattr(
        QMenu,
        "popup",
        lambda menu, where: menus.append([a.text() for a in menu.actions() if a.text()]),
    )
    view.customContextMenuRequested.emit(point)  # (a right-click, as Qt reports it)
    assert menus and "Sc&hedule…" in menus[0]
