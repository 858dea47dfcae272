"""The week planner, driven as a user drives it: mouse drags and keys through qtbot.

Every edit is checked three ways: on the calendar, in the split panel's numbers, and
after undo and redo. The data must also be there after closing and reopening.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.settings import Settings, WeekStart
from tradesman.paths import DataPaths
from tradesman.services import edits
from tradesman.services.first_look import first_look
from tradesman.services.settings import save_settings
from tradesman.store.database import Store, open_store
from tradesman.ui import prompts
from tradesman.ui.block_dialog import BlockDialog
from tradesman.ui.main_window import MainWindow
from tradesman.ui.operations import Operations
from tradesman.ui.settings_dialog import SettingsDialog

TODAY = date(2026, 11, 25)  # Wednesday of week 48: Mon 23 to Sun 29 Nov 2026
MON, TUE, WED, THU, FRI = (date(2026, 11, 23) + timedelta(days=n) for n in range(5))
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


@dataclass
class Planner:
    """The window and what a test needs beside it."""

    window: MainWindow
    store: Store
    paths: DataPaths
    qtbot: QtBot

    @property
    def canvas(self):  # type: ignore[no-untyped-def]
        return self.window.canvas

    def titles(self) -> list[tuple[str, date, int, int]]:
        return [(b.title, b.day, b.start, b.end) for b in self.canvas.blocks]

    def block(self, title: str) -> TimeBlock:
        return next(b for b in self.canvas.blocks if b.title == title)

    def row(self, name: str) -> tuple[str, str]:
        return next((p, a) for label, p, a in self.window.split_panel.rows if label == name)

    def keys(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.canvas, key, modifiers)

    def undo(self) -> None:
        self.keys(Qt.Key.Key_Z, CTRL)

    def redo(self) -> None:
        self.keys(Qt.Key.Key_Z, CTRL | SHIFT)

    def drag(self, start: QPoint, end: QPoint) -> None:
        """Press, move in steps past the drag distance, and let go: as a hand would."""
        self.qtbot.mousePress(self.canvas, LEFT, pos=start)
        for step in range(1, 7):
            self.qtbot.mouseMove(self.canvas, start + (end - start) * step / 6)
        self.qtbot.mouseRelease(self.canvas, LEFT, pos=end)

    def at(self, day: date, hours: float) -> QPoint:
        """A point on the calendar: `day`'s weekday in the week on show, at `hours`."""
        shown = self.canvas.week.days[(day.weekday() - self.canvas.week.start.weekday()) % 7]
        return self.canvas.point_at(shown, int(hours * 60))

    def middle_of(self, title: str) -> QPoint:
        return self.canvas.block_rect(self.block(title).id).center().toPoint()

    def dialog(self) -> BlockDialog:
        self.qtbot.waitUntil(lambda: self.window.findChild(BlockDialog) is not None)
        dialog = self.window.findChild(BlockDialog)
        assert dialog is not None
        self.qtbot.waitExposed(dialog)
        return dialog

    def type_into(self, edit: object, text: str) -> None:
        edit.selectAll()  # type: ignore[attr-defined]
        self.qtbot.keyClicks(edit, text)


def seed(store: Store) -> None:
    with store.writing() as session:
        save_settings(session, Settings(business_name="Oak & Sons", target_business_share=0.3))
        edits.add_blocks(session, [
            TimeBlock(TUE, 8 * 60, 12 * 60, Area.PRODUCTION, "Kitchen – Patel"),
            TimeBlock(THU, 9 * 60, 10 * 60, Area.SALES, "Site visit"),
        ])  # fmt: skip


def open_window(qtbot: QtBot, paths: DataPaths, store: Store) -> MainWindow:
    state = QSettings(str(paths.window_state), QSettings.Format.IniFormat)
    window = MainWindow(paths.folder, state, WeekStart.MONDAY, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show_first_look(first_look(paths.database, "en_GB", TODAY))
    window.attach(Operations(store, "en_GB", today=lambda: TODAY))
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.canvas.setFocus()
    return window


@pytest.fixture
def planner(qtbot: QtBot, store: Store, paths: DataPaths) -> Iterator[Planner]:
    seed(store)
    yield Planner(open_window(qtbot, paths, store), store, paths, qtbot)


def test_drawing_a_block_titles_it_in_place_and_undoes(planner: Planner) -> None:
    planner.window.set_paint_area(Area.MARKETING)
    planner.drag(planner.at(MON, 9), planner.at(MON, 11))
    editor = planner.canvas._title_editor
    assert editor is not None and editor.hasFocus()
    planner.qtbot.keyClicks(editor, "Photograph the Patel kitchen")
    planner.qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert ("Photograph the Patel kitchen", MON, 540, 660) in planner.titles()
    assert planner.row("Marketing") == ("2 h", "0 min")
    assert planner.window.findChild(BlockDialog) is None  # Enter named it; it did not open it
    assert planner.window.undo_action.text() == "&Undo Add 'Photograph the Patel kitchen'"
    planner.undo()
    assert planner.row("Marketing") == ("0 min", "0 min")
    assert all(t[0] != "Photograph the Patel kitchen" for t in planner.titles())
    planner.redo()
    assert ("Photograph the Patel kitchen", MON, 540, 660) in planner.titles()


def test_a_drawn_block_left_unnamed_takes_its_areas_name_and_escape_drops_it(
    planner: Planner,
) -> None:
    planner.drag(planner.at(FRI, 13), planner.at(FRI, 14.5))
    planner.qtbot.keyClick(planner.canvas._title_editor, Qt.Key.Key_Return)
    assert ("Production", FRI, 13 * 60, 14 * 60 + 30) in planner.titles()
    planner.drag(planner.at(FRI, 15), planner.at(FRI, 16))
    planner.qtbot.keyClick(planner.canvas._title_editor, Qt.Key.Key_Escape)
    assert len(planner.titles()) == 3


def test_dragging_a_block_to_another_day_and_time(planner: Planner) -> None:
    start = planner.middle_of("Kitchen – Patel")  # Tuesday 08:00-12:00, the middle is 10:00
    planner.drag(start, planner.at(THU, 12))  # two hours later, two days on
    assert ("Kitchen – Patel", THU, 10 * 60, 14 * 60) in planner.titles()
    assert planner.window.undo_action.text() == "&Undo Move 'Kitchen – Patel'"
    assert planner.row("Production") == ("4 h", "0 min")  # moved, not copied
    planner.undo()
    assert ("Kitchen – Patel", TUE, 8 * 60, 12 * 60) in planner.titles()
    planner.redo()
    assert ("Kitchen – Patel", THU, 10 * 60, 14 * 60) in planner.titles()


def test_stretching_a_block_by_its_bottom_edge(planner: Planner) -> None:
    rect = planner.canvas.block_rect(planner.block("Kitchen – Patel").id)
    bottom = QPoint(int(rect.center().x()), int(rect.bottom()) - 2)
    planner.drag(bottom, bottom + QPoint(0, int(planner.canvas.geometry_.hour_height * 1.5)))
    assert ("Kitchen – Patel", TUE, 8 * 60, 13 * 60 + 30) in planner.titles()
    assert planner.row("Production") == ("5 h 30 min", "0 min")
    assert planner.window.undo_action.text() == "&Undo Resize 'Kitchen – Patel'"
    planner.undo()
    assert planner.row("Production") == ("4 h", "0 min")


def test_keys_alone_plan_a_week(planner: Planner) -> None:
    """Tab to a block, arrows to move and stretch it, Enter to edit, Delete to remove."""
    planner.keys(Qt.Key.Key_Tab)
    assert planner.canvas.selected().title == "Kitchen – Patel"
    planner.keys(Qt.Key.Key_Down)
    planner.keys(Qt.Key.Key_Right)
    planner.keys(Qt.Key.Key_Down, SHIFT)
    assert ("Kitchen – Patel", WED, 8 * 60 + 15, 12 * 60 + 30) in planner.titles()
    planner.keys(Qt.Key.Key_Tab)
    assert planner.canvas.selected().title == "Site visit"
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
    assert planner.canvas.selected().day == FRI
    planner.keys(Qt.Key.Key_D, CTRL)  # the pasted one, on to the next day
    assert ("Site visit", date(2026, 11, 28), 14 * 60, 15 * 60) in planner.titles()
    assert planner.row("Sales") == ("3 h", "0 min")
    planner.undo()
    planner.undo()
    assert planner.row("Sales") == ("1 h", "0 min")


def test_marking_done_from_the_right_click_menu(planner: Planner) -> None:
    block = planner.block("Kitchen – Patel")
    menu = planner.window.planner.block_menu(block)
    done = next(a for a in menu.actions() if a.text() == "Mark done")
    planner.canvas.select(block)
    done.trigger()
    assert planner.block("Kitchen – Patel").status is BlockStatus.DONE
    assert planner.row("Production") == ("4 h", "4 h")
    planner.undo()
    assert planner.row("Production") == ("4 h", "0 min")


def add_tuesday_series(planner: Planner) -> None:
    planner.qtbot.mouseDClick(planner.canvas, LEFT, pos=planner.at(TUE, 15))
    dialog = planner.dialog()
    planner.type_into(dialog.title, "Marketing hour")
    dialog.area.setCurrentIndex(1)
    planner.type_into(dialog.start, "15:00")
    planner.type_into(dialog.end, "16:00")
    dialog.repeat.setCurrentIndex(1)  # every week; Tuesday is ticked already
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_repeating_block_fills_every_week(planner: Planner) -> None:
    add_tuesday_series(planner)
    assert ("Marketing hour", TUE, 900, 960) in planner.titles()
    assert planner.row("Marketing") == ("1 h", "0 min")
    planner.window.next_week_action.trigger()
    assert [t for t in planner.titles() if t[0] == "Marketing hour"] == [
        ("Marketing hour", date(2026, 12, 1), 900, 960)
    ]
    planner.window.this_week_action.trigger()
    planner.undo()
    assert all(t[0] != "Marketing hour" for t in planner.titles())
    planner.window.next_week_action.trigger()
    assert planner.titles() == []


def test_moving_only_this_block_of_a_series(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_tuesday_series(planner)
    monkeypatch.setattr(prompts, "choose_scope", lambda *a: "this")
    planner.drag(planner.middle_of("Marketing hour"), planner.at(WED, 16.5))
    assert ("Marketing hour", WED, 960, 1020) in planner.titles()
    assert planner.block("Marketing hour").series_id is None  # it left the series
    planner.window.next_week_action.trigger()
    assert ("Marketing hour", date(2026, 12, 1), 900, 960) in planner.titles()  # the rest stay
    planner.window.previous_week_action.trigger()
    planner.undo()
    assert ("Marketing hour", TUE, 900, 960) in planner.titles()


def test_moving_the_whole_series_from_today_on(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    planner.window.previous_week_action.trigger()
    add_tuesday_series(planner)  # starts last week, so it has a past
    planner.window.this_week_action.trigger()
    monkeypatch.setattr(prompts, "choose_scope", lambda *a: "series")
    planner.drag(
        planner.middle_of("Marketing hour"), planner.at(THU, 7.5)
    )  # Tue 15:00 -> Thu 07:00
    assert ("Marketing hour", THU, 420, 480) in planner.titles()
    assert planner.window.undo_action.text() == "&Undo Move series 'Marketing hour'"
    planner.window.next_week_action.trigger()
    assert ("Marketing hour", date(2026, 12, 3), 420, 480) in planner.titles()
    planner.window.previous_week_action.trigger()
    planner.window.previous_week_action.trigger()  # last week is history: still Tuesday 15:00
    assert ("Marketing hour", date(2026, 11, 17), 900, 960) in planner.titles()
    planner.undo()
    planner.window.this_week_action.trigger()
    assert ("Marketing hour", TUE, 900, 960) in planner.titles()


def test_deleting_a_series_keeps_its_past(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    planner.window.previous_week_action.trigger()
    add_tuesday_series(planner)
    planner.window.this_week_action.trigger()
    monkeypatch.setattr(prompts, "choose_scope", lambda *a: "series")
    planner.canvas.select(planner.block("Marketing hour"))
    planner.keys(Qt.Key.Key_Delete)
    # Tuesday 24th is before today: history, so it stays (and so does last week's).
    assert ("Marketing hour", TUE, 900, 960) in planner.titles()
    planner.window.next_week_action.trigger()
    assert all(t[0] != "Marketing hour" for t in planner.titles())
    planner.window.previous_week_action.trigger()
    planner.window.previous_week_action.trigger()
    assert ("Marketing hour", date(2026, 11, 17), 900, 960) in planner.titles()
    planner.undo()
    planner.window.this_week_action.trigger()
    assert ("Marketing hour", TUE, 900, 960) in planner.titles()


def test_deleting_one_block_of_a_series_leaves_its_day_empty(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_tuesday_series(planner)
    monkeypatch.setattr(prompts, "choose_scope", lambda *a: "this")
    planner.canvas.select(planner.block("Marketing hour"))
    planner.keys(Qt.Key.Key_Delete)
    assert all(t[0] != "Marketing hour" for t in planner.titles())
    planner.window.next_week_action.trigger()
    planner.window.previous_week_action.trigger()  # looking again does not bring it back
    assert all(t[0] != "Marketing hour" for t in planner.titles())


def test_copying_last_weeks_plan(planner: Planner) -> None:
    planner.window.next_week_action.trigger()
    planner.window.copy_week_action.trigger()
    assert planner.titles() == [
        ("Kitchen – Patel", date(2026, 12, 1), 480, 720),
        ("Site visit", date(2026, 12, 3), 540, 600),
    ]
    assert planner.row("Technician") == ("4 h", "0 min")
    planner.undo()
    assert planner.titles() == []


def test_settings_change_the_split_and_undo(planner: Planner) -> None:
    planner.window.settings_action.trigger()
    planner.qtbot.waitUntil(lambda: planner.window.findChild(SettingsDialog) is not None)
    dialog = planner.window.findChild(SettingsDialog)
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


def test_overlapping_blocks_sit_side_by_side_and_the_panel_says_so(planner: Planner) -> None:
    planner.window.set_paint_area(Area.ADMIN)
    planner.drag(
        planner.at(TUE, 12.6), planner.at(TUE, 11)
    )  # drawn upwards, from below the kitchen
    planner.qtbot.keyClicks(planner.canvas._title_editor, "Invoices")
    planner.qtbot.keyClick(planner.canvas._title_editor, Qt.Key.Key_Return)
    lanes = {p.block.title: (p.lane, p.lanes) for p in planner.canvas.placements}
    assert lanes["Kitchen – Patel"] == (0, 2) and lanes["Invoices"] == (1, 2)
    kitchen = planner.canvas.block_rect(planner.block("Kitchen – Patel").id)
    invoices = planner.canvas.block_rect(planner.block("Invoices").id)
    assert kitchen.right() <= invoices.left()
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
    with planner.store.writing() as session:  # another window removes it
        edits.delete_blocks(session, [kitchen.id])
    planner.canvas.select(kitchen)
    planner.keys(Qt.Key.Key_Down)
    assert planner.window.statusBar().currentMessage() == "That block no longer exists."
    assert (
        not planner.window.undo_action.isEnabled()
        or "Kitchen" not in planner.window.undo_action.text()
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
    assert planner.window.week_label.text() == "<b>Week 9 · 1–7 Mar 2027</b>"


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
        planner.window.next_week_action.trigger()
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
    night = planner.canvas.block_rect(planner.block("Night invoices").id)
    assert night.bottom() <= planner.canvas.height()
    planner.canvas.select(planner.block("Night invoices"))
    planner.keys(Qt.Key.Key_Down)  # cannot go past midnight: stays 23:00-24:00
    assert ("Night invoices", MON, 23 * 60, 24 * 60) in planner.titles()
    planner.canvas.select(planner.block("Late books"))
    planner.keys(Qt.Key.Key_Up)  # nor before it
    assert ("Late books", MON, 0, 60) in planner.titles()


def test_a_week_with_a_clock_change_keeps_hours_and_days_in_line(
    qtbot: QtBot, store: Store, paths: DataPaths
) -> None:
    """Clocks go back on Sunday 25 Oct 2026 in Europe: a 07:00-09:00 block is still
    two hours, and the same time sits at the same height on every day."""
    with store.writing() as session:
        edits.add_blocks(session, [
            TimeBlock(date(2026, 10, 24), 7 * 60, 9 * 60, Area.PRODUCTION, "Saturday job"),
            TimeBlock(date(2026, 10, 25), 7 * 60, 9 * 60, Area.PRODUCTION, "Sunday job"),
            TimeBlock(date(2026, 10, 26), 7 * 60, 9 * 60, Area.PRODUCTION, "Monday job"),
        ])  # fmt: skip
    window = open_window(qtbot, paths, store)
    window.show_week(window.week.__class__(date(2026, 10, 19)))
    canvas = window.canvas
    saturday = canvas.block_rect(next(b for b in canvas.blocks if b.title == "Saturday job").id)
    sunday = canvas.block_rect(next(b for b in canvas.blocks if b.title == "Sunday job").id)
    assert (saturday.top(), saturday.height()) == (sunday.top(), sunday.height())
    assert next(p for label, p, _ in window.split_panel.rows if label == "Production") == "4 h"
    window.show_next_week()
    assert [b.title for b in canvas.blocks] == ["Monday job"]
