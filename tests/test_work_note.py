"""The Week page's note of work coming in, in the real window: this week's enquiries,
quotes, jobs won and marketing hours, and the stuck engine with its reason; it reads
again by itself once a change has settled, and a new data file says how to start."""

from __future__ import annotations

from datetime import timedelta

import pytest
from planner_kit import TODAY, open_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.leads import Lead
from tradesman.paths import DataPaths
from tradesman.services import edits
from tradesman.services.leads import add_enquiry
from tradesman.store import tables
from tradesman.store.database import Store
from tradesman.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, paths: DataPaths, store: Store) -> MainWindow:
    with store.writing() as session:
        for days_ago, who in ((40, "Mr Brown"), (20, "Ms Nowak"), (9, "Kev")):
            tables.LEADS.put(session, Lead(who, TODAY - timedelta(days=days_ago), 4))
        patel = Lead("Mrs Patel", TODAY - timedelta(days=2), 1).quoted(TODAY, 320000)
        tables.LEADS.put(session, patel.won(TODAY))
        edits.add_blocks(session, [
            TimeBlock(TODAY, 7 * 60, 9 * 60, Area.MARKETING, "Profile", status=BlockStatus.DONE),
        ])  # fmt: skip
    return open_window(qtbot, paths, store)


def test_the_note_says_this_weeks_work_and_the_stuck_engine(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.split_panel
    qtbot.waitUntil(lambda: panel.work_text() != "")
    this_week, engine = panel.work_text().split("\n")
    assert this_week == (
        "This week: 1 enquiry · 1 quote out · 1 job won (GBP\u00a03,200) · marketing 2 h"
    )
    # (No rule holds, but with no hours marked done and one quote decided, that is no
    # proof that nothing is stuck.)
    assert engine == (
        "<b>Not enough to judge yet.</b> Nothing found stuck, but too little to be sure: "
        "no technician hours marked done in the last 4 weeks; 1 quote decided (3 needed)."
    )
    assert panel.work_note is not None
    shown = QTextDocument()  # (the tooltip is rich text, so a source's name shows as typed)
    shown.setHtml(panel.work_note.toolTip())
    assert shown.toPlainText().startswith("Next: ")


def test_the_note_reads_again_once_a_change_has_settled(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.split_panel
    qtbot.waitUntil(lambda: panel.work_text() != "")
    window.desk.ops.run(add_enquiry, Lead("Tom Dubois", TODAY, 4), TODAY)
    qtbot.waitUntil(lambda: "2 enquiries" in panel.work_text(), timeout=3000)


def test_a_new_data_file_says_there_is_not_enough_to_judge_yet(
    qtbot: QtBot, paths: DataPaths, store: Store
) -> None:
    panel = open_window(qtbot, paths, store).split_panel
    qtbot.waitUntil(lambda: panel.work_text() != "")
    assert panel.work_text() == (
        "This week: 0 enquiries · 0 quotes out · 0 jobs won · no marketing yet\n"
        "<b>Not enough to judge yet.</b> 0 enquiries logged in the last 13 weeks; 3 are "
        "needed to judge."
    )


def test_more_opens_the_work_coming_in_tab_from_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    from tradesman.ui.window.action_table import CHARTS_PAGE

    qtbot.waitUntil(lambda: window.split_panel.work_note is not None)
    note = window.split_panel.work_note
    assert note is not None
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # to the link "More…"
    qtbot.keyClick(note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == CHARTS_PAGE)
    page = window.desk.charts_page
    assert page is not None and page.tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: page.work_tab is not None and page.work_tab.isVisible())


def test_with_a_plan_the_weeks_marketing_is_set_against_its_least(
    qtbot: QtBot, paths: DataPaths, store: Store
) -> None:
    from tradesman.domain.plan import Plan
    from tradesman.services.plan import save_plan

    monday = TODAY - timedelta(days=TODAY.weekday())
    with store.writing() as session:
        save_plan(session, Plan(monday, 12, 0.4, 40 * 60, typed_baseline=0.4))
        edits.add_blocks(session, [
            TimeBlock(TODAY, 7 * 60, 9 * 60, Area.MARKETING, "Profile", status=BlockStatus.DONE),
        ])  # fmt: skip
    panel = open_window(qtbot, paths, store).split_panel
    qtbot.waitUntil(lambda: panel.work_text() != "")
    # 40 % of 40 h is 16 h of business; half of it marketing: at least 8 h.
    assert panel.work_text().split("\n")[0].endswith("· marketing 2 h of at least 8 h")


def test_a_source_named_with_markup_shows_as_typed(qtbot: QtBot) -> None:
    from tradesman.ui.week.split_panel import SplitPanel

    panel = SplitPanel()
    qtbot.addWidget(panel)
    step = "Book the marketing hour that brought most work per hour: AT&T <b>Van</b> Дерево."
    panel.show_work("This week: 1 enquiry", "Marketing is stuck", "Few came.", step)
    assert panel.work_note is not None
    shown = QTextDocument()
    shown.setHtml(panel.work_note.toolTip())
    assert shown.toPlainText() == f"Next: {step}"
