"""Review the week, in the real window: five blocks to mark, three new enquiries typed as
rows (Tab adds the next), two open quotes settled and one spend, in one dialog; every
answer is saved, as one undo step, and the next week is offered for printing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from planner_kit import TODAY, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.leads import Lead, LeadState, LostReason
from tradesman.domain.weeks import Week
from tradesman.paths import DataPaths
from tradesman.services import edits
from tradesman.services.blocks import blocks_in_week
from tradesman.services.lead_list import leads_in
from tradesman.services.leads import add_enquiry, quote_enquiry
from tradesman.services.source_list import all_sources
from tradesman.services.spend import spend_between
from tradesman.store.database import Store
from tradesman.ui.main_window import MainWindow
from tradesman.ui.shared import prompts
from tradesman.ui.work.review_dialog import ReviewDialog

CTRL = Qt.KeyboardModifier.ControlModifier
MON = TODAY - timedelta(days=2)


def seed(store: Store) -> None:
    with store.writing() as session:
        blocks = [
            TimeBlock(MON + timedelta(days=day), 8 * 60 + 60 * hour, 9 * 60 + 60 * hour,
                      Area.PRODUCTION, f"Job {day}{hour}")
            for day, hour in ((0, 0), (0, 2), (1, 0), (1, 2), (2, 0))
        ]  # fmt: skip
        edits.add_blocks(session, blocks)
        google = next(s for s in all_sources(session) if s.name.startswith("Google"))
        for who in ("Ms Nowak", "Mr Brown"):
            change = add_enquiry(session, Lead(who, MON, google.id), TODAY)
            (lead,) = [row.after for row in change.rows if isinstance(row.after, Lead)]
            assert lead.id is not None
            quote_enquiry(session, lead.id, MON, 250000, TODAY)


@pytest.fixture
def window(qtbot: QtBot, paths: DataPaths, store: Store) -> MainWindow:
    seed(store)
    return open_window(qtbot, paths, store)


def type_row(qtbot: QtBot, *cells: str) -> None:
    """Type a row of cells, Tab after each (after the last, Tab adds the next row)."""
    for text in cells:
        field = QApplication.focusWidget()
        assert isinstance(field, QLineEdit)
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Tab)


def test_the_review_saves_every_answer_as_one_undo_step(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[Week] = []
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    window.desk.lead_actions.print_week = printed.append
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    dialog = window.desk.lead_actions.dialog
    assert isinstance(dialog, ReviewDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()  # (as a window manager gives a new dialog the keys)
    qtbot.waitUntil(dialog.isActiveWindow)
    # Step 1: five blocks, three done and two skipped, chosen by their first letter.
    assert dialog.blocks.rowCount() == 5
    for row, letter in enumerate("DDSDS"):
        mark = dialog.blocks.cellWidget(row, 2)
        assert isinstance(mark, QComboBox)
        mark.setFocus()
        qtbot.keyClicks(mark, letter)
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    # Step 2: three enquiries as rows.
    assert dialog.heading.text() == "Step 2 of 4: New enquiries"
    first = dialog.new_leads.cellWidget(0, 0)
    assert first is not None
    first.setFocus()
    type_row(qtbot, "Mrs Patel", "Kitchen worktops", "website")
    type_row(qtbot, "Tom Dubois", "", "referral")
    type_row(qtbot, "Sam Lee", "Doors", "not sure")
    assert dialog.new_leads.rowCount() == 4  # the fourth, empty, is passed over
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    # Step 3: one quote won at its quoted value, one lost on price.
    assert dialog.open_leads.rowCount() == 2
    for who, letters in (("Ms Nowak", "W"), ("Mr Brown", "Lost: P")):
        (row,) = [
            row
            for row in range(2)
            if (label := dialog.open_leads.cellWidget(row, 0)) is not None
            and label.property("text").startswith(who)
        ]
        choice = dialog.open_leads.cellWidget(row, 1)
        assert isinstance(choice, QComboBox)
        choice.setFocus()
        qtbot.keyClicks(choice, letters)
    qtbot.mouseClick(dialog.next, Qt.MouseButton.LeftButton)
    # Step 4: one spend.
    spend = dialog.spend.cellWidget(0, 0)
    assert spend is not None
    spend.setFocus()
    type_row(qtbot, "120", "flyers", "200 postcards")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    ops = window.desk.ops
    week = window.week
    statuses = [
        b.status for b in sorted(ops.read(blocks_in_week, week), key=lambda b: (b.day, b.start))
    ]
    assert statuses == [BlockStatus.DONE] * 2 + [
        BlockStatus.SKIPPED,
        BlockStatus.DONE,
        BlockStatus.SKIPPED,
    ]
    leads = {lead.who: lead for lead in ops.read(leads_in)}
    assert [leads[who].state for who in ("Mrs Patel", "Tom Dubois", "Sam Lee")] == [
        LeadState.NEW
    ] * 3
    assert leads["Mrs Patel"].what == "Kitchen worktops"
    assert (leads["Ms Nowak"].state, leads["Ms Nowak"].value) == (LeadState.WON, 250000)
    assert (leads["Mr Brown"].state, leads["Mr Brown"].lost_reason) == (
        LeadState.LOST,
        LostReason.PRICE,
    )
    (spent,) = ops.read(spend_between)
    assert (spent.amount, spent.note, spent.day) == (12000, "200 postcards", TODAY)
    assert window.statusBar().currentMessage() == "Saved the review: 11 answers."
    assert [w.start for w in printed] == [MON + timedelta(days=7)]  # next week offered
    # One undo takes the whole review back.
    window.acts["undo"].trigger()
    assert {lead.who for lead in ops.read(leads_in)} == {"Ms Nowak", "Mr Brown"}
    assert all(b.status is BlockStatus.PLANNED for b in ops.read(blocks_in_week, week))
    assert ops.read(spend_between) == []


def test_a_bad_amount_goes_to_its_step_and_saves_nothing(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    dialog = window.desk.lead_actions.dialog
    assert isinstance(dialog, ReviewDialog)
    dialog.go(3)
    spend = dialog.spend.cellWidget(0, 0)
    assert isinstance(spend, QLineEdit)
    qtbot.keyClicks(spend, "12.345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.steps.currentIndex() == 3
    assert dialog.problem.text() == "The amount can have at most two decimals, like 3200.50."
    assert window.desk.ops.read(spend_between) == []


def test_the_owner_s_words_are_shown_as_typed(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    tricky = "AT&T <b>Дерево</b>"
    with store.writing() as session:
        edits.add_blocks(session, [TimeBlock(TODAY, 600, 660, Area.SALES, tricky)])
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL)
    dialog = window.desk.lead_actions.dialog
    assert isinstance(dialog, ReviewDialog)
    labels = [dialog.blocks.cellWidget(row, 0) for row in range(dialog.blocks.rowCount())]
    (shown,) = [label for label in labels if isinstance(label, QLabel) and "AT&T" in label.text()]
    assert shown.text() == tricky and shown.textFormat() == Qt.TextFormat.PlainText
