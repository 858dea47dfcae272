"""Marking marketing work as an ask, in the real window: the block and task dialogs offer
"Counts as" for marketing work only, keep the mark on a second look, and drop it when
the work moves out of marketing."""

from __future__ import annotations

import pytest
from planner_kit import TODAY, open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import AREAS, Area
from tradesman.domain.purposes import Purpose
from tradesman.domain.tasks import Task
from tradesman.paths import DataPaths
from tradesman.services.task_cards import Show, TaskFilter, task_cards
from tradesman.services.templates import templates
from tradesman.store.database import Store
from tradesman.ui.main_window import MainWindow
from tradesman.ui.tasks.task_dialog import TaskDialog
from tradesman.ui.week.block_dialog import BlockDialog


@pytest.fixture
def window(qtbot: QtBot, paths: DataPaths, store: Store) -> MainWindow:
    return open_window(qtbot, paths, store)


def tasks(window: MainWindow) -> list[Task]:
    cards = window.desk.ops.read(task_cards, TaskFilter(show=Show.ALL), TODAY)
    return [card.task for card in cards]


def test_a_marketing_block_is_marked_as_a_referral_ask_from_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.acts["new_block"].trigger()
    (dialog,) = [d for d in window.findChildren(BlockDialog) if d.isVisible()]
    assert dialog.purpose_row.isHidden()  # production time is no ask
    qtbot.keyClicks(dialog.title, "Ring last month's customers")
    dialog.area.setCurrentIndex(AREAS.index(Area.MARKETING))
    assert not dialog.purpose_row.isHidden()
    assert [dialog.purpose.itemText(i) for i in range(dialog.purpose.count())] == [
        "Other marketing work", "Asking for a review", "Asking for a referral",
    ]  # fmt: skip
    dialog.purpose.setFocus()
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.canvas.blocks) == 1)
    (block,) = window.canvas.blocks
    assert block.purpose is Purpose.REFERRAL_ASK
    window.desk.planner.edit_block(block)
    (again,) = [d for d in window.findChildren(BlockDialog) if d.isVisible()]
    assert again.purpose.currentText() == "Asking for a referral"
    again.area.setCurrentIndex(AREAS.index(Area.SALES))
    qtbot.keyClick(again.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.canvas.blocks[0].area is Area.SALES)
    assert window.canvas.blocks[0].purpose is None
    window.acts["undo"].trigger()
    qtbot.waitUntil(lambda: window.canvas.blocks[0].purpose is Purpose.REFERRAL_ASK)


def test_the_librarys_review_ask_shows_its_mark_and_loses_it_out_of_marketing(
    qtbot: QtBot, window: MainWindow
) -> None:
    (review,) = [t for t in templates() if t.title == "Ask a past client for a review"]
    window.desk.task_actions.add_template(review)
    (task,) = [t for t in tasks(window) if t.title == review.title]
    assert task.purpose is Purpose.REVIEW_ASK
    window.desk.task_actions.edit_task(task)
    (dialog,) = [d for d in window.findChildren(TaskDialog) if d.isVisible()]
    assert not dialog.purpose_row.isHidden()
    assert dialog.purpose.currentText() == "Asking for a review"
    dialog.area.setCurrentIndex(AREAS.index(Area.ADMIN))
    assert dialog.purpose_row.isHidden() and dialog.source_row.isHidden()
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(t.area is Area.ADMIN for t in tasks(window)))
    (moved,) = [t for t in tasks(window) if t.title == review.title]
    assert moved.purpose is None and moved.source_id is None
