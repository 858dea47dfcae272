"""The planner's harder cases: repeating blocks edited in every way, edges of weeks and
days, and the keyboard. Each was once wrong."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from planner_kit import (
    CTRL,
    FRI,
    LEFT,
    MON,
    THU,
    TODAY,
    TUE,
    WED,
    Planner,
    add_tuesday_series,
)
from PySide6.QtCore import QPoint, Qt

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.series import Series, occurrence_days
from tradesman.domain.settings import WeekStart
from tradesman.domain.weeks import week_containing
from tradesman.services import edits
from tradesman.services.blocks import blocks_between
from tradesman.services.changes import apply_change
from tradesman.store.database import Store
from tradesman.ui.shared import prompts
from tradesman.ui.week.block_dialog import BlockDialog

TUESDAYS = Series(
    "Marketing hour", Area.MARKETING, 420, 540, frozenset({1}), first_day=date(2026, 11, 3)
)


def all_series_blocks(store: Store) -> list[TimeBlock]:
    with store.reading() as session:
        return [
            b for b in blocks_between(session, date(2026, 1, 1), date(2031, 1, 1)) if b.series_id
        ]


def test_undo_and_redo_of_a_whole_series_change_never_doubles_a_day(store: Store) -> None:
    with store.writing() as s:  # made a month ago, in an earlier session
        edits.add_series(s, TUESDAYS, TODAY - timedelta(days=30))
    record = next(iter({b.series_id for b in all_series_blocks(store)}))
    assert record is not None
    with store.reading() as s:
        from tradesman.store.series_rows import get_record

        series = get_record(s, record).series
    with store.writing() as s:
        change = edits.change_series(s, series.with_changes(start=480, end=600), TODAY)
    for step in (change.reversed(), change, change.reversed(), change):
        with store.writing() as s:
            apply_change(s, step)
        days = Counter(b.day for b in all_series_blocks(store))
        assert max(days.values()) == 1


def test_saving_a_repeating_block_unchanged_or_only_done_keeps_it_in_its_series(
    planner: Planner,
) -> None:
    add_tuesday_series(planner)
    planner.window.acts["next_week"].trigger()
    block = planner.block("Marketing hour")
    planner.qtbot.mouseDClick(planner.canvas, LEFT, pos=planner.middle_of("Marketing hour"))
    dialog = planner.dialog()
    undo_before = planner.window.acts["undo"].text()
    planner.qtbot.mouseClick(dialog.save_button, LEFT)  # nothing changed
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert planner.block("Marketing hour").series_id == block.series_id
    assert planner.window.acts["undo"].text() == undo_before
    planner.qtbot.mouseDClick(planner.canvas, LEFT, pos=planner.middle_of("Marketing hour"))
    dialog = planner.dialog()
    dialog.status.setCurrentIndex(1)  # done
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    done = planner.block("Marketing hour")
    assert (done.status, done.series_id) == (BlockStatus.DONE, block.series_id)


def test_a_done_block_made_to_repeat_stays_done(planner: Planner) -> None:
    kitchen = planner.block("Kitchen – Patel")
    planner.canvas.select(kitchen)
    planner.window.acts["done"].trigger()
    planner.qtbot.mouseDClick(planner.canvas, LEFT, pos=planner.middle_of("Kitchen – Patel"))
    dialog = planner.dialog()
    dialog.repeat.setCurrentIndex(1)
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    repeated = planner.block("Kitchen – Patel")
    assert (repeated.id, repeated.status, repeated.series_id is not None) == (
        kitchen.id,
        BlockStatus.DONE,
        True,
    )
    assert planner.row("Production") == ("4 h", "4 h")


def test_the_dialog_keeps_an_unusual_interval_and_can_stop_a_series(
    planner: Planner, store: Store
) -> None:
    with store.writing() as s:
        edits.add_series(
            s, TUESDAYS.with_changes(every_weeks=6, first_day=date(2026, 12, 1)), TODAY
        )
    planner.window.acts["next_week"].trigger()
    planner.qtbot.mouseDClick(planner.canvas, LEFT, pos=planner.middle_of("Marketing hour"))
    dialog = planner.dialog()
    dialog.whole_series.setChecked(True)
    assert dialog.repeat.currentText() == "Every 6 weeks"
    assert not dialog.day.isEnabled()  # a series' days are its weekdays
    dialog.repeat.setCurrentIndex(0)
    assert dialog.repeat.currentText() == "Stop repeating from today on"
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert all(b.title != "Marketing hour" for b in planner.canvas.blocks)
    assert (
        planner.window.acts["undo"].text() == "&Undo Stop repeating 'Marketing hour' from today on"
    )


def test_every_other_week_counts_the_owners_weeks() -> None:
    sunday = date(2026, 11, 22)
    both = Series(
        "Books",
        Area.ADMIN,
        420,
        480,
        frozenset({6, 0}),
        first_day=sunday,
        every_weeks=2,
        weeks_from=6,
    )
    days = list(occurrence_days(both, sunday, sunday + timedelta(days=27)))
    by_week = Counter(week_containing(day, WeekStart.SUNDAY).start for day in days)
    assert sorted(by_week.values()) == [2, 2]


def test_moving_a_series_onto_a_day_it_already_has_is_refused(
    planner: Planner, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.writing() as s:
        edits.add_series(
            s,
            Series("Calls", Area.SALES, 420, 480, frozenset({1, 3}), first_day=date(2026, 12, 1)),
            TODAY,
        )
    planner.window.acts["next_week"].trigger()
    monkeypatch.setattr(prompts, "choose_scope", lambda *a: "series")
    tuesday = next(b for b in planner.canvas.blocks if b.title == "Calls" and b.day.weekday() == 1)
    assert tuesday.id is not None
    planner.drag(planner.canvas.block_rect(tuesday.id).center().toPoint(), planner.at(THU, 7.5))
    assert (
        planner.window.statusBar().currentMessage().startswith("The series is already on Thursdays")
    )
    assert sorted(b.day.weekday() for b in planner.canvas.blocks if b.title == "Calls") == [1, 3]


def test_an_edge_dragged_past_the_other_stops_a_quarter_hour_short(planner: Planner) -> None:
    rect = planner.rect_of("Site visit")  # Thu 09:00-10:00
    top = QPoint(int(rect.center().x()), int(rect.top()) + 2)
    planner.drag(top, planner.at(THU, 11.5))
    assert ("Site visit", THU, 9 * 60 + 45, 10 * 60) in planner.titles()


def test_a_block_moved_or_copied_out_of_the_week_is_followed(planner: Planner) -> None:
    with planner.store.writing() as s:
        edits.add_blocks(s, [TimeBlock(date(2026, 11, 29), 600, 660, Area.ADMIN, "Sunday books")])
    planner.window.refresh()
    planner.canvas.select(planner.block("Sunday books"))
    planner.keys(Qt.Key.Key_Right)
    assert planner.window.week.start == date(2026, 11, 30)
    assert planner.selected().title == "Sunday books"
    planner.keys(Qt.Key.Key_D, CTRL)  # duplicate to Tuesday: same week, stays
    assert planner.window.week.start == date(2026, 11, 30)


def test_changing_week_keeps_a_block_being_named(planner: Planner) -> None:
    planner.drag(planner.at(MON, 9), planner.at(MON, 10))
    planner.qtbot.keyClicks(planner.canvas.title_editor, "Quote")
    planner.window.acts["next_week"].trigger()
    planner.window.acts["previous_week"].trigger()
    assert ("Quote", MON, 540, 600) in planner.titles()


def test_f2_with_nothing_selected_starts_a_new_block(planner: Planner) -> None:
    planner.qtbot.mouseClick(planner.canvas, LEFT, pos=planner.at(WED, 16.1))
    planner.keys(Qt.Key.Key_F2)
    dialog = planner.dialog()
    assert (dialog.windowTitle(), dialog.start.text()) == ("New block", "16:00")
    dialog.reject()


def test_the_menu_key_opens_the_selected_blocks_menu(planner: Planner) -> None:
    shown = []
    planner.canvas.context_requested.connect(lambda block, where: shown.append(block.title))
    planner.keys(Qt.Key.Key_Tab)
    from PySide6.QtGui import QContextMenuEvent

    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(5, 5), QPoint(5, 5))
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(planner.canvas, event)
    assert shown == ["Kitchen – Patel"]


def test_a_past_block_of_a_series_changes_alone_without_asking(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_tuesday_series(planner)  # Tuesday 24 is before today
    monkeypatch.setattr(prompts, "choose_scope", lambda *a: pytest.fail("asked"))
    planner.drag(planner.middle_of("Marketing hour"), planner.at(TUE, 17.5))
    assert ("Marketing hour", TUE, 1020, 1080) in planner.titles()
    planner.window.acts["next_week"].trigger()
    assert ("Marketing hour", date(2026, 12, 1), 900, 960) in planner.titles()


def test_late_double_clicks_copies_twice_and_undo_elsewhere(planner: Planner) -> None:
    planner.qtbot.mouseDClick(planner.canvas, LEFT, pos=planner.at(FRI, 23.6))
    dialog = planner.dialog()
    assert (dialog.start.text(), dialog.end.text()) == ("23:30", "24:00")
    dialog.reject()
    planner.window.acts["next_week"].trigger()
    planner.window.acts["copy_week"].trigger()
    planner.window.acts["copy_week"].trigger()
    assert len(planner.titles()) == 2
    planner.window.acts["this_week"].trigger()
    planner.undo()  # the copy was made in next week: undo shows it
    assert planner.window.week.start == date(2026, 11, 30)
    assert planner.window.statusBar().currentMessage() == "Undone: Copy last week's plan"


def test_tab_leaves_the_calendar_after_the_last_block(planner: Planner) -> None:
    for _ in range(2):
        planner.keys(Qt.Key.Key_Tab)
    assert planner.selected().title == "Site visit"
    planner.keys(Qt.Key.Key_Tab)
    assert not planner.canvas.hasFocus()


def test_far_dates_are_refused_and_series_are_made_three_years_ahead_at_most(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_tuesday_series(planner)
    for far in (date(9999, 12, 31), date(1, 1, 1)):
        monkeypatch.setattr(prompts, "ask_date", lambda *a, far=far: far)
        planner.window.go_to_date()
        assert (
            planner.window.statusBar().currentMessage() == "That is too far from today to plan for."
        )
    monkeypatch.setattr(prompts, "ask_date", lambda *a: date(2500, 1, 1))
    planner.window.go_to_date()
    assert planner.window.week.start.year == 2499 or planner.window.week.start.year == 2500
    made = all_series_blocks(planner.store)
    assert max(b.day for b in made) <= TODAY + timedelta(days=3 * 366)


def test_a_series_removed_meanwhile_is_reported(planner: Planner, store: Store) -> None:
    add_tuesday_series(planner)
    block = planner.block("Marketing hour")
    assert block.series_id is not None and planner.window.desk.planner is not None
    with store.writing() as s:
        edits.end_series(s, block.series_id, date(2020, 1, 1))  # another window ends it
    planner.window.desk.planner.edit_block(block)
    assert planner.window.statusBar().currentMessage() == "That repeating block no longer exists."
    assert not [d for d in planner.window.findChildren(BlockDialog) if d.isVisible()]
