"""What a new owner meets in the first evening (issue 12): each slip, driven as the
owner drives the window, with qtbot's mouse and keys."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from literal_kit import TRICKY, read_action, read_label
from planner_kit import CTRL, LEFT, MON, TUE, Planner
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.settings import AfterJob
from tradesman.services import edits
from tradesman.services.blocks import blocks_between
from tradesman.services.settings import load_settings
from tradesman.ui.settings_dialog import SettingsDialog


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
    planner.window.settings_action.trigger()
    planner.qtbot.waitUntil(lambda: planner.window.findChild(SettingsDialog) is not None)
    dialog = planner.window.findChild(SettingsDialog)
    label = dialog.form.labelForField(dialog.after_job_row)
    assert label is not None and label.isVisible() and dialog.after_job.isVisible()
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
    assert read_action(planner.window.undo_action) == f"Undo Set actual time of '{TRICKY}'"
