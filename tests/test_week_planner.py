"""The week planner, driven as a user drives it: mouse drags and keys through qtbot.

Every edit is checked three ways: on the calendar, in the split panel's numbers, and
after undo and redo. The data must also be there after closing and reopening.
"""

from __future__ import annotations

from datetime import date

import pytest
from planner_kit import (
    CTRL,
    FRI,
    LEFT,
    MON,
    SHIFT,
    THU,
    TUE,
    WED,
    Planner,
    add_tuesday_series,
    open_window,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.paths import DataPaths
from tradesman.services import edits
from tradesman.store.database import Store, open_store
from tradesman.ui.shared import prompts
from tradesman.ui.week.block_dialog import BlockDialog
from tradesman.ui.window.settings_dialog import SettingsDialog


def test_drawing_a_block_titles_it_in_place_and_undoes(planner: Planner) -> None:
    planner.window.set_paint_area(Area.MARKETING)
    planner.drag(planner.at(MON, 9), planner.at(MON, 11))
    editor = planner.canvas.title_editor
    assert editor is not None and editor.hasFocus()
    planner.qtbot.keyClicks(editor, "Photograph the Patel kitchen")
    planner.qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert ("Photograph the Patel kitchen", MON, 540, 660) in planner.titles()
    assert planner.row("Marketing") == ("2 h", "0 min")
    assert planner.window.findChild(BlockDialog) is None  # Enter named it; it did not open it
    assert planner.window.acts["undo"].text() == "&Undo Add 'Photograph the Patel kitchen'"
    planner.undo()
    assert planner.row("Marketing") == ("0 min", "0 min")
    assert all(t[0] != "Photograph the Patel kitchen" for t in planner.titles())
    planner.redo()
    assert ("Photograph the Patel kitchen", MON, 540, 660) in planner.titles()


def test_a_drawn_block_left_unnamed_takes_its_areas_name_and_escape_drops_it(
    planner: Planner,
) -> None:
    planner.drag(planner.at(FRI, 13), planner.at(FRI, 14.5))
    planner.qtbot.keyClick(planner.canvas.title_editor, Qt.Key.Key_Return)
    assert ("Production", FRI, 13 * 60, 14 * 60 + 30) in planner.titles()
    planner.drag(planner.at(FRI, 15), planner.at(FRI, 16))
    planner.qtbot.keyClick(planner.canvas.title_editor, Qt.Key.Key_Escape)
    assert len(planner.titles()) == 3


def test_dragging_a_block_to_another_day_and_time(planner: Planner) -> None:
    start = planner.middle_of("Kitchen – Patel")  # Tuesday 08:00-12:00, the middle is 10:00
    planner.drag(start, planner.at(THU, 12))  # two hours later, two days on
    assert ("Kitchen – Patel", THU, 10 * 60, 14 * 60) in planner.titles()
    assert planner.window.acts["undo"].text() == "&Undo Move 'Kitchen – Patel'"
    assert planner.row("Production") == ("4 h", "0 min")  # moved, not copied
    planner.undo()
    assert ("Kitchen – Patel", TUE, 8 * 60, 12 * 60) in planner.titles()
    planner.redo()
    assert ("Kitchen – Patel", THU, 10 * 60, 14 * 60) in planner.titles()


def test_stretching_a_block_by_its_bottom_edge(planner: Planner) -> None:
    rect = planner.rect_of("Kitchen – Patel")
    bottom = QPoint(int(rect.center().x()), int(rect.bottom()) - 2)
    planner.drag(bottom, bottom + QPoint(0, int(planner.canvas.geometry_.hour_height * 1.5)))
    assert ("Kitchen – Patel", TUE, 8 * 60, 13 * 60 + 30) in planner.titles()
    assert planner.row("Production") == ("5 h 30 min", "0 min")
    assert planner.window.acts["undo"].text() == "&Undo Resize 'Kitchen – Patel'"
    planner.undo()
    assert planner.row("Production") == ("4 h", "0 min")


def test_keys_alone_plan_a_week(planner: Planner) -> None:
    """Tab to a block, arrows to move and stretch it, Enter to edit, Delete to remove."""
    planner.keys(Qt.Key.Key_Tab)
    assert planner.selected().title == "Kitchen – Patel"
    planner.keys(Qt.Key.Key_Down)
    planner.keys(Qt.Key.Key_Right)
    planner.keys(Qt.Key.Key_Down, SHIFT)
    assert ("Kitchen – Patel", WED, 8 * 60 + 15, 12 * 60 + 30) in planner.titles()
    planner.keys(Qt.Key.Key_Tab)
    assert planner.selected().title == "Site visit"
    planner.keys(Qt.Key.Key_Delete)
    assert [t[0] for t in planner.titles()] == ["Kitchen – Patel"]
    assert planner.row("Sales") == ("0 min", "0 min")
    for _ in range(4):
        planner.undo()
    assert ("Kitchen – Patel", TUE, 8 * 60, 12 * 60) in planner.titles()
    assert planner.row("Sales") == ("1 h", "0 min")


def test_the_edit_dialog_saves_every_field_and_refuses_bad_times(planner: Planner) -> None:
    planner.qtbot.mouseDClick(planner.canvas, LEFT, pos=planner.middle_of("Site visit"))
    dialog = planner.dialog()
    planner.type_into(dialog.end, "08:00")  # before the 09:00 start
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible()
    assert dialog.error_text("end") == "The end time (08:00) is before the start time (09:00)."
    assert ("Site visit", THU, 540, 600) in planner.titles()  # nothing saved half-way
    planner.type_into(dialog.end, "11:30")
    planner.type_into(dialog.title, "Site visit, loft stairs")  # (QTest types ASCII only)
    dialog.status.setCurrentIndex(1)  # done
    planner.type_into(dialog.actual, "3:00")
    planner.qtbot.keyClicks(dialog.notes, "Measure the stairwell")
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = planner.block("Site visit, loft stairs")
    assert (saved.end, saved.status, saved.actual_minutes, saved.notes) == (
        690, BlockStatus.DONE, 180, "Measure the stairwell",
    )  # fmt: skip
    assert planner.row("Sales") == ("2 h 30 min", "3 h")
    planner.undo()
    assert planner.row("Sales") == ("1 h", "0 min")


def test_copy_paste_and_duplicate(planner: Planner) -> None:
    planner.qtbot.mouseClick(planner.canvas, LEFT, pos=planner.middle_of("Site visit"))
    planner.keys(Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text().startswith("Site visit, 26 Nov 2026 09:00–10:00")
    planner.qtbot.mouseClick(
        planner.canvas, LEFT, pos=planner.at(FRI, 14.1)
    )  # empty: the paste spot
    planner.keys(Qt.Key.Key_V, CTRL)
    assert ("Site visit", FRI, 14 * 60, 15 * 60) in planner.titles()
    assert planner.selected().day == FRI
    planner.keys(Qt.Key.Key_D, CTRL)  # the pasted one, on to the next day
    assert ("Site visit", date(2026, 11, 28), 14 * 60, 15 * 60) in planner.titles()
    assert planner.row("Sales") == ("3 h", "0 min")
    planner.undo()
    planner.undo()
    assert planner.row("Sales") == ("1 h", "0 min")


def test_marking_done_from_the_right_click_menu(planner: Planner) -> None:
    block = planner.block("Kitchen – Patel")
    assert planner.window.desk.planner is not None
    menu = planner.window.desk.planner.block_menu(block)
    done = next(a for a in menu.actions() if a.text() == "Mark done")
    planner.canvas.select(block)
    done.trigger()
    assert planner.block("Kitchen – Patel").status is BlockStatus.DONE
    assert planner.row("Production") == ("4 h", "4 h")
    planner.undo()
    assert planner.row("Production") == ("4 h", "0 min")


def test_a_repeating_block_fills_every_week(planner: Planner) -> None:
    add_tuesday_series(planner)
    assert ("Marketing hour", TUE, 900, 960) in planner.titles()
    assert planner.row("Marketing") == ("1 h", "0 min")
    planner.window.acts["next_week"].trigger()
    assert [t for t in planner.titles() if t[0] == "Marketing hour"] == [
        ("Marketing hour", date(2026, 12, 1), 900, 960)
    ]
    planner.window.acts["this_week"].trigger()
    planner.undo()
    assert all(t[0] != "Marketing hour" for t in planner.titles())
    planner.window.acts["next_week"].trigger()
    assert planner.titles() == []


def test_moving_only_this_block_of_a_series(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_tuesday_series(planner)
    monkeypatch.setattr(prompts, "choose_scope", lambda *a: "this")
    planner.drag(planner.middle_of("Marketing hour"), planner.at(WED, 16.5))
    assert ("Marketing hour", WED, 960, 1020) in planner.titles()
    assert planner.block("Marketing hour").series_id is None  # it left the series
    planner.window.acts["next_week"].trigger()
    assert ("Marketing hour", date(2026, 12, 1), 900, 960) in planner.titles()  # the rest stay
    planner.window.acts["previous_week"].trigger()
    planner.undo()
    assert ("Marketing hour", TUE, 900, 960) in planner.titles()


def test_moving_the_whole_series_from_today_on(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    planner.window.acts["previous_week"].trigger()
    add_tuesday_series(planner)  # starts last week, so it has a past
    planner.window.acts["next_week"].trigger()
    planner.window.acts["next_week"].trigger()  # next week: Tuesday 1 Dec is still to come
    monkeypatch.setattr(prompts, "choose_scope", lambda *a: "series")
    planner.drag(
        planner.middle_of("Marketing hour"), planner.at(THU, 7.5)
    )  # Tue 15:00 -> Thu 07:00
    assert ("Marketing hour", date(2026, 12, 3), 420, 480) in planner.titles()
    assert planner.window.acts["undo"].text() == "&Undo Move series 'Marketing hour' from today on"
    planner.window.acts["next_week"].trigger()
    assert ("Marketing hour", date(2026, 12, 10), 420, 480) in planner.titles()
    planner.window.acts["this_week"].trigger()  # Tuesday 24 is before today: history
    assert ("Marketing hour", TUE, 900, 960) in planner.titles()
    assert ("Marketing hour", THU, 420, 480) in planner.titles()  # today on: moved
    planner.undo()
    assert ("Marketing hour", TUE, 900, 960) in planner.titles()
    assert all(t[1] != THU for t in planner.titles() if t[0] == "Marketing hour")


def test_deleting_a_series_keeps_its_past(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    planner.window.acts["previous_week"].trigger()
    add_tuesday_series(planner)
    planner.window.acts["this_week"].trigger()
    monkeypatch.setattr(prompts, "choose_scope", lambda *a: "series")
    planner.canvas.select(planner.block("Marketing hour"))
    planner.keys(Qt.Key.Key_Delete)
    # Tuesday 24th is before today: history, so it stays (and so does last week's).
    assert ("Marketing hour", TUE, 900, 960) in planner.titles()
    planner.window.acts["next_week"].trigger()
    assert all(t[0] != "Marketing hour" for t in planner.titles())
    planner.window.acts["previous_week"].trigger()
    planner.window.acts["previous_week"].trigger()
    assert ("Marketing hour", date(2026, 11, 17), 900, 960) in planner.titles()
    planner.undo()
    planner.window.acts["this_week"].trigger()
    assert ("Marketing hour", TUE, 900, 960) in planner.titles()


def test_deleting_one_block_of_a_series_leaves_its_day_empty(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_tuesday_series(planner)
    monkeypatch.setattr(prompts, "choose_scope", lambda *a: "this")
    planner.canvas.select(planner.block("Marketing hour"))
    planner.keys(Qt.Key.Key_Delete)
    assert all(t[0] != "Marketing hour" for t in planner.titles())
    planner.window.acts["next_week"].trigger()
    planner.window.acts["previous_week"].trigger()  # looking again does not bring it back
    assert all(t[0] != "Marketing hour" for t in planner.titles())


def test_copying_last_weeks_plan(planner: Planner) -> None:
    planner.window.acts["next_week"].trigger()
    planner.window.acts["copy_week"].trigger()
    assert planner.titles() == [
        ("Kitchen – Patel", date(2026, 12, 1), 480, 720),
        ("Site visit", date(2026, 12, 3), 540, 600),
    ]
    assert planner.row("Technician") == ("4 h", "0 min")
    planner.undo()
    assert planner.titles() == []


def test_settings_change_the_split_and_undo(planner: Planner) -> None:
    planner.window.acts["settings"].trigger()
    planner.qtbot.waitUntil(lambda: planner.window.findChild(SettingsDialog) is not None)
    dialog = planner.window.findChild(SettingsDialog)
    assert dialog is not None
    planner.type_into(dialog.day_end, "06:00")
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible()
    assert dialog.error_text("day_end") == "The work day must end after it starts."
    planner.type_into(dialog.day_end, "17:00")
    dialog.target.setValue(45)
    dialog.week_start.setCurrentIndex(1)  # Sunday
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert planner.window.week.start == date(2026, 11, 22)  # the week now starts on Sunday
    assert planner.window.canvas.week.days[0].weekday() == 6
    assert "45%" in planner.window.split_panel.planned.gap.text()
    planner.undo()
    assert planner.window.week.start == MON
    assert "30%" in planner.window.split_panel.planned.gap.text()


def test_an_overlapping_block_lies_over_the_long_one_and_the_panel_says_so(
    planner: Planner,
) -> None:
    planner.window.set_paint_area(Area.ADMIN)
    planner.drag(
        planner.at(TUE, 12.6), planner.at(TUE, 11)
    )  # drawn upwards, from below the kitchen
    planner.qtbot.keyClicks(planner.canvas.title_editor, "Invoices")
    planner.qtbot.keyClick(planner.canvas.title_editor, Qt.Key.Key_Return)
    depth = {p.block.title: p.depth for p in planner.canvas.placements}
    assert depth == {"Kitchen – Patel": 0, "Invoices": 1, "Site visit": 0}
    kitchen = planner.rect_of("Kitchen – Patel")
    invoices = planner.rect_of("Invoices")
    # The kitchen keeps its whole width; the later block lies over its right-hand side.
    assert kitchen.width() >= planner.canvas.geometry_.column_width - 6
    assert kitchen.left() + 20 < invoices.left() and invoices.right() <= kitchen.right() + 1
    assert "1 h of blocks overlap" in planner.window.split_panel.notes()


def test_the_week_survives_closing_and_opening_again(planner: Planner) -> None:
    planner.drag(planner.middle_of("Kitchen – Patel"), planner.at(WED, 10))
    planner.window.close()
    planner.store.close()
    store = open_store(planner.paths)
    window = open_window(planner.qtbot, planner.paths, store)
    assert [(b.title, b.day) for b in window.canvas.blocks] == [
        ("Kitchen – Patel", WED),
        ("Site visit", THU),
    ]
    store.close()


def test_a_block_that_vanished_meanwhile_is_reported_not_crashed_on(planner: Planner) -> None:
    kitchen = planner.block("Kitchen – Patel")
    assert kitchen.id is not None
    with planner.store.writing() as session:  # another window removes it
        edits.delete_blocks(session, [kitchen.id])
    planner.canvas.select(kitchen)
    planner.keys(Qt.Key.Key_Down)
    assert planner.window.statusBar().currentMessage() == "That block no longer exists."
    assert (
        not planner.window.acts["undo"].isEnabled()
        or "Kitchen" not in planner.window.acts["undo"].text()
    )


def test_dragging_a_block_earlier_in_the_day(planner: Planner) -> None:
    planner.drag(
        planner.middle_of("Site visit"), planner.at(THU, 7.5)
    )  # 09:30 -> 07:30: up two hours
    assert ("Site visit", THU, 7 * 60, 8 * 60) in planner.titles()


def test_go_to_a_date(planner: Planner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prompts, "ask_date", lambda *a: date(2027, 3, 3))
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_G, CTRL)
    assert planner.window.week.start == date(2027, 3, 1)
    assert planner.window.toolbar.week_label.text() == "<b>Week 9 · 1–7 Mar 2027</b>"


def test_a_series_with_an_end_date_stops_there(planner: Planner) -> None:
    planner.qtbot.mouseDClick(planner.canvas, LEFT, pos=planner.at(FRI, 8))
    dialog = planner.dialog()
    planner.type_into(dialog.title, "Invoices")
    dialog.repeat.setCurrentIndex(2)  # every 2 weeks
    dialog.until_on.setChecked(True)
    dialog.until.setDate(dialog.until.date().addDays(28))  # Fri 25 Dec 2026
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    fridays = []
    for _ in range(8):
        fridays += [b.day for b in planner.canvas.blocks if b.title == "Invoices"]
        planner.window.acts["next_week"].trigger()
    assert fridays == [FRI, date(2026, 12, 11), date(2026, 12, 25)]


def test_a_new_block_from_the_keyboard(planner: Planner) -> None:
    planner.qtbot.mouseClick(planner.canvas, LEFT, pos=planner.at(WED, 14.1))  # empty 14:00 slot
    planner.keys(Qt.Key.Key_N, CTRL)
    dialog = planner.dialog()
    assert (dialog.start.text(), dialog.end.text()) == ("14:00", "15:00")
    planner.qtbot.keyClicks(dialog.title, "Call back new lead")
    planner.qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert ("Call back new lead", WED, 14 * 60, 15 * 60) in planner.titles()


def test_blocks_touching_midnight(planner: Planner) -> None:
    with planner.store.writing() as session:
        edits.add_blocks(session, [
            TimeBlock(MON, 0, 60, Area.ADMIN, "Late books"),
            TimeBlock(MON, 23 * 60, 24 * 60, Area.ADMIN, "Night invoices"),
        ])  # fmt: skip
    planner.window.refresh()
    assert planner.row("Admin") == ("2 h", "0 min")
    night = planner.rect_of("Night invoices")
    assert night.bottom() <= planner.canvas.height()
    planner.canvas.select(planner.block("Night invoices"))
    planner.keys(Qt.Key.Key_Down)  # cannot go past midnight: stays 23:00-24:00
    assert ("Night invoices", MON, 23 * 60, 24 * 60) in planner.titles()
    planner.canvas.select(planner.block("Late books"))
    planner.keys(Qt.Key.Key_Up)  # nor before it
    assert ("Late books", MON, 0, 60) in planner.titles()


def test_a_week_with_a_clock_change_keeps_hours_and_days_in_line(
    qtbot: QtBot, store: Store, paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Clocks go forward at 01:00 on Sunday 29 March 2026 in London. With the computer
    in London and its clock on that morning: a 07:00-09:00 block is still two hours, the
    same time sits at the same height on every day, and "now" is drawn at the wall-clock
    time, 07:30 (UTC says 06:30)."""
    import time
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import time_machine

    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        with store.writing() as session:
            edits.add_blocks(session, [
                TimeBlock(date(2026, 3, 28), 7 * 60, 9 * 60, Area.PRODUCTION, "Saturday job"),
                TimeBlock(date(2026, 3, 29), 7 * 60, 9 * 60, Area.PRODUCTION, "Sunday job"),
                TimeBlock(date(2026, 3, 30), 7 * 60, 9 * 60, Area.PRODUCTION, "Monday job"),
            ])  # fmt: skip
        morning = datetime(2026, 3, 29, 7, 30, tzinfo=ZoneInfo("Europe/London"))
        with time_machine.travel(morning, tick=False):
            window = open_window(qtbot, paths, store)
            window.show_day(date(2026, 3, 29))
            canvas = window.canvas
            ids = {b.title: b.id or 0 for b in canvas.blocks}
            saturday = canvas.block_rect(ids["Saturday job"])
            sunday = canvas.block_rect(ids["Sunday job"])
            assert (saturday.top(), saturday.height()) == (sunday.top(), sunday.height())
            assert (
                next(p for label, p, _ in window.split_panel.rows if label == "Production") == "4 h"
            )
            assert canvas.now_minute == 7 * 60 + 30
            window.show_next_week()
            assert [b.title for b in canvas.blocks] == ["Monday job"]
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
