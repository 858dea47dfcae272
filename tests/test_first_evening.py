"""What a new owner meets in the first evening (issue 12): each slip, driven as the
owner drives the window, with qtbot's mouse and keys."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers import run_cli
from literal_kit import TRICKY, read_action, read_button, read_label, read_tooltip
from planner_kit import CTRL, FRI, LEFT, MON, SHIFT, TODAY, TUE, Planner, add_tuesday_series
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QMessageBox,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.plan import Plan
from tradesman.domain.series import Series
from tradesman.domain.settings import AfterJob, WeekStart
from tradesman.domain.tasks import Task
from tradesman.paths import DataPaths
from tradesman.services import edits
from tradesman.services import plan as plan_service
from tradesman.services.blocks import blocks_between
from tradesman.services.data import Data
from tradesman.services.first_look import first_look
from tradesman.services.settings import load_settings
from tradesman.store.database import Store
from tradesman.ui.main_window import MainWindow
from tradesman.ui.shared import prompts
from tradesman.ui.shared.operations import Operations
from tradesman.ui.shared.palette import contrast, readable_accent
from tradesman.ui.tasks.task_dialog import TaskDialog
from tradesman.ui.week.block_tooltip import tooltip_text
from tradesman.ui.window.settings_dialog import SettingsDialog
from tradesman.ui.window.welcome_dialog import WelcomeDialog

REAL_CHOOSE_SCOPE = prompts.choose_scope  # (before the tests' guard replaces it)


def test_done_and_made_to_repeat_in_one_save_stays_done(planner: Planner) -> None:
    planner.qtbot.mouseDClick(planner.canvas, LEFT, pos=planner.middle_of("Kitchen – Patel"))
    dialog = planner.dialog()
    dialog.status.setCurrentIndex(1)  # done
    planner.type_into(dialog.actual, "1:30")
    dialog.repeat.setCurrentIndex(1)  # every week, on its Tuesday
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())

    shown = planner.block("Kitchen – Patel")
    assert (shown.status, shown.actual_minutes, shown.series_id is not None) == (
        BlockStatus.DONE, 90, True,
    )  # fmt: skip
    assert planner.row("Production") == ("4 h", "1 h 30 min")
    with planner.store.reading() as session:
        saved = blocks_between(session, TUE, TUE + timedelta(days=14))
    assert [(b.day, b.status, b.actual_minutes) for b in saved if b.title == "Kitchen – Patel"] == [
        (TUE, BlockStatus.DONE, 90),
        (TUE + timedelta(days=7), BlockStatus.PLANNED, None),
        (TUE + timedelta(days=14), BlockStatus.PLANNED, None),
    ]
    planner.undo()
    shown = planner.block("Kitchen – Patel")
    assert (shown.status, shown.series_id) == (BlockStatus.PLANNED, None)


def test_a_new_block_made_done_and_repeating_keeps_its_actual_time(planner: Planner) -> None:
    planner.qtbot.mouseDClick(planner.canvas, LEFT, pos=planner.at(date(2026, 11, 23), 7))
    dialog = planner.dialog()
    planner.type_into(dialog.title, "Van check")
    dialog.status.setCurrentIndex(1)  # done
    planner.type_into(dialog.actual, "0:45")
    dialog.repeat.setCurrentIndex(2)  # every 2 weeks
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    shown = planner.block("Van check")
    assert (shown.status, shown.actual_minutes) == (BlockStatus.DONE, 45)


def test_settings_offer_the_after_job_choice_and_save_it(planner: Planner) -> None:
    planner.window.acts["settings"].trigger()
    planner.qtbot.waitUntil(lambda: planner.window.findChild(SettingsDialog) is not None)
    dialog = planner.window.findChild(SettingsDialog)
    assert dialog is not None
    label = dialog.form.labelForField(dialog.after_job_row)
    assert isinstance(label, QLabel) and label.isVisible() and dialog.after_job.isVisible()
    assert label.text().replace("&", "") == "After a job is done"
    assert dialog.after_job.currentText() == "Offer the follow-up marketing tasks"
    dialog.after_job.setFocus()
    planner.qtbot.keyClick(dialog.after_job, Qt.Key.Key_End)  # the last: "Do nothing"
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    with planner.store.reading() as session:
        assert load_settings(session, "en_GB").after_job is AfterJob.OFF


def test_tricky_titles_read_as_typed_in_the_actual_time_question_and_undo_menu(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    with planner.store.writing() as session:
        edits.add_blocks(session, [TimeBlock(MON, 7 * 60, 8 * 60, Area.ADMIN, TRICKY)])
    planner.window.refresh_all()
    questions: list[str] = []

    def answer(dialog: QInputDialog) -> int:
        dialog.show()  # (as exec would: the dialog sets up its label when shown)
        planner.qtbot.waitExposed(dialog)
        questions.append(read_label(next(lb for lb in dialog.findChildren(QLabel) if lb.text())))
        dialog.setTextValue("1:30")
        dialog.hide()
        return QInputDialog.DialogCode.Accepted

    monkeypatch.setattr(QInputDialog, "exec", answer)
    planner.qtbot.mouseClick(planner.canvas, LEFT, pos=planner.middle_of(TRICKY))
    planner.keys(Qt.Key.Key_T, CTRL)
    assert questions == [f"How long did '{TRICKY}' really take?"]
    assert planner.block(TRICKY).actual_minutes == 90
    assert read_action(planner.window.acts["undo"]) == f"Undo Set actual time of '{TRICKY}'"


def test_go_to_date_opens_on_today(planner: Planner, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[date] = []
    monkeypatch.setattr(prompts, "ask_date", lambda parent, title, day: offered.append(day))
    planner.window.acts["next_week"].trigger()
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_G, CTRL)
    assert offered == [TODAY]


def test_lengths_read_as_lengths_never_as_clock_times(planner: Planner) -> None:
    block = planner.block("Site visit")
    with planner.store.writing() as session:
        edits.change_block(
            session, block.with_changes(status=BlockStatus.DONE, actual_minutes=1200)
        )
    planner.window.refresh_all()
    planner.qtbot.mouseDClick(planner.canvas, LEFT, pos=planner.middle_of("Site visit"))
    dialog = planner.dialog()
    assert dialog.actual.text() == "20 h"
    planner.type_into(dialog.actual, "1 h 30 min")  # as the app writes a length, taken back
    planner.qtbot.mouseClick(dialog.save_button, LEFT)
    planner.qtbot.waitUntil(lambda: not dialog.isVisible())
    assert planner.block("Site visit").actual_minutes == 90
    task_dialog = TaskDialog(
        Task("Quote the loft", Area.SALES, estimate_minutes=1200), TODAY, False
    )
    planner.qtbot.addWidget(task_dialog)
    assert task_dialog.estimate.text() == "20 h"


def test_a_malformed_week_on_the_command_line_is_a_usage_slip(tmp_path: Path) -> None:
    result = run_cli("summary", "--week", "foo", data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert result.stderr.startswith('tradesman: "foo" is not a week; write it like 2026-W48')


LAST_MON = MON - timedelta(days=7)


def add_last_week(planner: Planner) -> None:
    with planner.store.writing() as session:
        edits.add_blocks(session, [
            TimeBlock(LAST_MON, 480, 540, Area.ADMIN, "Invoices"),
            TimeBlock(LAST_MON + timedelta(days=1), 600, 660, Area.MARKETING, "Flyers"),
            TimeBlock(LAST_MON + timedelta(days=3), 480, 600, Area.SALES, "Quotes"),
            TimeBlock(LAST_MON + timedelta(days=4), 480, 600, Area.PRODUCTION, "Shed roof"),
        ])  # fmt: skip
    planner.window.refresh_all()


def test_copy_last_week_onto_a_planned_week_asks_and_spares_the_days_gone(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_last_week(planner)
    asked: list[tuple[str, bool, str | None]] = []

    def ask(
        parent: object, question: str, week_has_plans: bool, gone_days: str | None
    ) -> tuple[str, bool] | None:
        asked.append((question, week_has_plans, gone_days))
        return answers.pop(0)

    monkeypatch.setattr(prompts, "ask_how_to_copy_week", ask)
    answers: list[tuple[str, bool] | None] = [None]
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_C, CTRL | SHIFT)
    assert asked[0][1:] == (True, "Mon 23 and Tue 24 Nov")
    assert asked[0][0] == (
        "Last week has 2 blocks to copy onto the days to come. This week has 2 blocks of its "
        "own already: add the copies on top, or only on the days that are still empty? 2 more "
        "would go on Mon 23 and Tue 24 Nov, already gone: tick below to copy those too."
    )
    assert [t[0] for t in planner.titles()] == ["Kitchen – Patel", "Site visit"]  # cancelled

    answers.append(("on top", False))  # the days gone stay as they were
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_C, CTRL | SHIFT)
    assert sorted((t[0], t[1]) for t in planner.titles()) == [
        ("Kitchen – Patel", TUE), ("Quotes", MON + timedelta(days=3)),
        ("Shed roof", MON + timedelta(days=4)), ("Site visit", MON + timedelta(days=3)),
    ]  # fmt: skip
    planner.undo()

    answers.append(("empty", True))  # the days gone too, but only where nothing is planned
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_C, CTRL | SHIFT)
    assert sorted((t[0], t[1]) for t in planner.titles()) == [
        ("Invoices", MON), ("Kitchen – Patel", TUE),
        ("Shed roof", MON + timedelta(days=4)), ("Site visit", MON + timedelta(days=3)),
    ]  # fmt: skip


def test_copy_last_week_onto_an_empty_week_to_come_asks_nothing(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_tuesday_series(planner)  # a repeating block is in every week: not a plan of its own
    monkeypatch.setattr(prompts, "ask_how_to_copy_week", lambda *a: pytest.fail("asked"))
    planner.window.acts["next_week"].trigger()
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_C, CTRL | SHIFT)
    assert sorted(t[0] for t in planner.titles()) == [
        "Kitchen – Patel", "Marketing hour", "Site visit",
    ]  # fmt: skip


def test_the_copy_question_offers_the_three_answers_and_the_days_gone(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[str]] = []

    def click(box: QMessageBox) -> int:
        seen.append([read_button(b) for b in box.buttons()] + [read_button(box.checkBox())])
        box.checkBox().setChecked(True)
        next(b for b in box.buttons() if b.text() == "Only the empty days").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    parent = QWidget()
    qtbot.addWidget(parent)
    answer = prompts.ask_how_to_copy_week(parent, "Copy?", True, "Mon 23 Nov")
    assert answer == ("empty", True)
    assert sorted(seen[0]) == sorted(
        ["Add on top", "Only the empty days", "Cancel", "Also copy onto Mon 23 Nov, already gone"]
    )


@pytest.mark.parametrize("remembered", [None, QRect(0, 0, 2400, 1500)])
def test_the_window_opens_within_a_small_screen(
    qtbot: QtBot, paths: DataPaths, store: Store, remembered: QRect | None
) -> None:
    state = QSettings(str(paths.window_state), QSettings.Format.IniFormat)
    if remembered is not None:  # a size remembered from a bigger monitor
        big = MainWindow(paths.folder, state, WeekStart.MONDAY, today=lambda: TODAY)
        big.setGeometry(remembered)
        state.setValue("window/geometry", big.saveGeometry())
        big.deleteLater()
    window = MainWindow(paths.folder, state, WeekStart.MONDAY, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show_first_look(first_look(paths.database, "en_GB", TODAY))
    window.attach(Operations(Data(store, "en_GB"), today=lambda: TODAY))
    window.show()
    qtbot.waitExposed(window)
    free = window.screen().availableGeometry()
    assert free.height() < 1000  # (the test screen is small, as a laptop's is)
    assert free.contains(window.frameGeometry())
    status_bar = window.statusBar()
    bottom = status_bar.mapTo(window, QPoint(0, status_bar.height()))
    assert status_bar.isVisible() and bottom.y() <= window.height()


def test_the_page_buttons_never_fall_off_the_toolbar(planner: Planner) -> None:
    window = planner.window
    toolbar = window.findChild(QToolBar, "weekToolbar")
    assert toolbar is not None
    font = QFont(window.font())
    font.setPointSizeF(font.pointSizeF() * 1.35)  # a desktop with a larger, wider font
    window.setFont(font)
    production = toolbar.widgetForAction(window.acts.area_actions[Area.PRODUCTION])
    assert isinstance(production, QToolButton)
    for width in (1900, 1100, 800, 500):
        window.resize(width, 700)
        # (waitUntil calls each lambda before the loop moves on)
        planner.qtbot.waitUntil(lambda: window.width() == max(width, window.minimumWidth()))  # noqa: B023
        more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        planner.qtbot.waitUntil(lambda: more is None or not more.isVisible())  # noqa: B023 (no "»" menu)
        for action in window.acts.page_actions:
            button = toolbar.widgetForAction(action)
            assert button.isVisible() and toolbar.rect().contains(button.geometry())
        words = production.toolButtonStyle() is not Qt.ToolButtonStyle.ToolButtonIconOnly
        assert words is (width == 1900)  # the Draw buttons' names go first
    assert window.width() > 500  # no narrower than the buttons need


def dark_palette() -> QPalette:
    """A dark GTK-like theme: dark grey window, light text, a dark blue highlight."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#353535"), (QPalette.ColorRole.WindowText, "#eeeeee"),
        (QPalette.ColorRole.Base, "#2a2a2a"), (QPalette.ColorRole.Text, "#eeeeee"),
        (QPalette.ColorRole.Highlight, "#15539e"),
    ):  # fmt: skip
        palette.setColor(role, QColor(colour))
    return palette


def test_today_reads_clearly_in_a_dark_theme_and_keeps_the_light_themes_colour(
    planner: Planner,
) -> None:
    dark = dark_palette()
    assert contrast(dark.color(QPalette.ColorRole.Highlight), QColor("#353535")) < 3  # as GTK's
    header = planner.window.week_page.view.header
    header.setPalette(dark)
    picture = header.grab().toImage()
    index = planner.canvas.week.days.index(TODAY)
    left = int(planner.canvas.geometry_.column_left(index))
    width = int(planner.canvas.geometry_.column_width)
    underline = picture.pixelColor(left + width // 2, picture.height() - 2)
    assert contrast(underline, QColor("#353535")) >= 4.5  # "today" and its line read
    light = QPalette(QColor("#efefef"))
    light.setColor(QPalette.ColorRole.Highlight, QColor("#308cc6"))
    light.setColor(QPalette.ColorRole.WindowText, QColor("#000000"))
    assert contrast(readable_accent(light), QColor("#efefef")) >= 4.5


def fresh_window(qtbot: QtBot, paths: DataPaths, store: Store) -> MainWindow:
    state = QSettings(str(paths.window_state), QSettings.Format.IniFormat)
    window = MainWindow(paths.folder, state, WeekStart.MONDAY, today=lambda: TODAY)
    qtbot.addWidget(window)
    look = first_look(paths.database, "en_GB", TODAY)
    assert look.first_start  # nothing saved yet
    window.show_first_look(look)
    window.attach(Operations(Data(store, "en_GB"), today=lambda: TODAY))
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


def shown_welcome(qtbot: QtBot, window: MainWindow) -> WelcomeDialog:
    window.desk.welcome()
    qtbot.waitUntil(lambda: window.findChild(WelcomeDialog) is not None)
    dialog = window.findChild(WelcomeDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_first_start_welcomes_and_asks_the_weeks_shape(
    qtbot: QtBot, paths: DataPaths, store: Store
) -> None:
    window = fresh_window(qtbot, paths, store)
    dialog = shown_welcome(qtbot, window)
    assert dialog.business_name.isVisible() and dialog.target.isVisible()
    assert dialog.work_days[0].isVisible() and dialog.day_start.isVisible()
    assert not dialog.owner_name.isVisible() and not dialog.after_job.isVisible()
    qtbot.keyClicks(dialog.business_name, "Oak & Sons")
    qtbot.mouseClick(dialog.work_days[5], LEFT)  # Saturdays too
    dialog.day_start.selectAll()
    qtbot.keyClicks(dialog.day_start, "07:00")
    dialog.target.setValue(25)
    assert read_button(dialog.save_button) == "Start planning"
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with store.reading() as session:
        saved = load_settings(session, "en_GB")
    assert (saved.business_name, 5 in saved.work_days, saved.day_start) == ("Oak & Sons", True, 420)
    assert saved.target_business_share == 0.25
    assert window.windowTitle() == "Oak & Sons — Tradesman"
    assert not first_look(paths.database, "en_GB", TODAY).first_start  # welcomed once


def test_skipping_the_welcome_keeps_the_usual_settings_and_it_does_not_come_back(
    qtbot: QtBot, paths: DataPaths, store: Store
) -> None:
    window = fresh_window(qtbot, paths, store)
    dialog = shown_welcome(qtbot, window)
    assert read_button(dialog.skip_button) == "Skip for now"
    qtbot.mouseClick(dialog.skip_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not first_look(paths.database, "en_GB", TODAY).first_start


def test_an_empty_week_says_how_to_draw_a_block(
    qtbot: QtBot, paths: DataPaths, store: Store
) -> None:
    window = fresh_window(qtbot, paths, store)
    hint = window.week_page.view.empty_hint
    assert hint.isVisible() and "Drag down a day to draw a block" in read_label(hint)
    viewport = window.week_page.view.scroller.viewport()
    assert viewport.rect().contains(hint.geometry())  # on view, not scrolled away
    window.set_paint_area(Area.SALES)
    start = window.canvas.point_at(TODAY, 10 * 60)
    qtbot.mousePress(window.canvas, LEFT, pos=start)
    for step in range(1, 7):
        qtbot.mouseMove(window.canvas, start + QPoint(0, 12 * step))
    qtbot.mouseRelease(window.canvas, LEFT, pos=start + QPoint(0, 72))
    qtbot.keyClick(window.canvas.title_editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not hint.isVisible())
    window.acts["next_week"].trigger()
    assert hint.isVisible()  # the next week is empty again


@pytest.mark.parametrize("height", [600, 680, 760, 900, 1100])
def test_the_side_column_keeps_cards_to_schedule_and_a_readable_trend(
    planner: Planner, height: int
) -> None:
    window = planner.window
    window.resize(1280, height)
    planner.qtbot.waitUntil(lambda: window.height() == max(height, window.minimumHeight()))
    trend, schedule = window.week_page.compact_trend, window.desk.schedule_list
    assert schedule is not None
    planner.qtbot.waitUntil(lambda: schedule.height() >= 150)  # a heading and a whole card
    if trend is not None and trend.isVisible():
        assert trend.height() >= 100 + 30  # room for its legend and week labels
    if height >= 900:
        assert trend is not None and trend.isVisible()


def test_a_tricky_title_and_business_name_read_as_typed_all_over_the_window(
    planner: Planner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's side of issue 12 item 3 (the Tasks page's side is in
    test_task_text_literal.py): the window title, the block's tooltip, the scope
    question of a repeating block, the undo and redo entries, the status bar."""
    window = planner.window
    assert window.desk.planner is not None
    ops = window.desk.planner.ops
    ops.save_settings(ops.settings().with_changes(business_name=TRICKY))
    with planner.store.writing() as session:
        edits.add_series(
            session,
            Series(TRICKY, Area.ADMIN, 7 * 60, 8 * 60, frozenset({4}), first_day=FRI),
            TODAY,
        )
    window.refresh_all()
    assert window.windowTitle() == f"{TRICKY} — Tradesman"
    block = planner.block(TRICKY)
    assert read_tooltip(tooltip_text(block)).splitlines()[0] == TRICKY
    questions: list[str] = []

    def read_box(box: QMessageBox) -> int:
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label is not None
        questions.append(read_label(label))
        next(b for b in box.buttons() if b.text() == "Only this block").click()
        return 0

    monkeypatch.setattr(prompts, "choose_scope", REAL_CHOOSE_SCOPE)
    monkeypatch.setattr(QMessageBox, "exec", read_box)
    planner.drag(planner.middle_of(TRICKY), planner.at(FRI, 9.5))
    assert questions and questions[0].startswith(f"'{TRICKY}' repeats.")
    assert read_action(window.acts["undo"]) == f"Undo Move '{TRICKY}'"
    planner.undo()
    assert read_action(window.acts["redo"]) == f"Redo Move '{TRICKY}'"
    assert TRICKY in window.statusBar().currentMessage()


def test_an_idle_window_stops_fitting_its_toolbar(planner: Planner) -> None:
    """Fitting the toolbar changes the week's name, which asks for a fit: that must
    settle, or an idle window keeps a processor core busy (a hot, drained laptop)."""
    window = planner.window
    fitter = window.toolbar.fitter
    assert fitter is not None
    for width in (1900, 700, 1100):  # each fit takes a different number of steps
        window.resize(width, 700)
        window.show_next_week()
        planner.qtbot.waitUntil(lambda: not fitter._soon.isActive())
        measured = fitter.measured
        for _ in range(20):
            QApplication.processEvents()
        assert not fitter._soon.isActive() and fitter.measured == measured


def test_the_split_panel_names_a_plans_target_as_the_plans(planner: Planner) -> None:
    """A plan's first weeks aim lower than the settings: the panel says whose aim it is."""
    actions = planner.window.desk.task_actions
    assert actions is not None
    plan = Plan(MON, 8, 0.6, 40 * 60, typed_baseline=0.1)  # this week aims lower than 30 %
    actions.ops.run(plan_service.save_plan, plan)
    gap = planner.window.split_panel.planned.gap.text()
    assert "the plan's 16% for this week (30% in the long run)." in gap
    assert planner.window.split_panel.planned.bar._plans
