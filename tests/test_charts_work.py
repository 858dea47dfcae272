"""The Charts page's Work coming in tab, driven as the owner drives it: the stuck engine
with its reason and next step, the strip of 26 weeks, the chart of enquiries and jobs
won with exact figures under the mouse, the table of sources, the weeks chosen with
keys and remembered, and a new data file that says how to start."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from literal_kit import read_tooltip
from planner_kit import CTRL, TODAY, open_window
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.leads import Lead, NotQuotedReason
from tradesman.paths import DataPaths
from tradesman.services import edits
from tradesman.store import tables
from tradesman.store.database import Store
from tradesman.ui.charts.work_tab import HOW_TO_START, WorkTab
from tradesman.ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.fixture
def window(qtbot: QtBot, paths: DataPaths, store: Store) -> MainWindow:
    with store.writing() as session:
        for lead in (
            Lead("Mrs Patel", ago(40), 1).quoted(ago(38), 320000).won(ago(30)),
            Lead("Mr Brown", ago(33), 4).quoted(ago(31), 150050).won(ago(20)),
            Lead("Ms Nowak", ago(25), 4).quoted(ago(24), 90000),
            Lead("Kev", ago(12), 1),
            Lead("The Smiths", ago(9), 4).not_quoted(ago(9), NotQuotedReason.TOO_BUSY),
        ):
            tables.LEADS.put(session, lead)
        edits.add_blocks(session, [
            TimeBlock(ago(31), 420, 540, Area.MARKETING, "Profile", status=BlockStatus.DONE,
                      source_id=4),
        ])  # fmt: skip
    return open_window(qtbot, paths, store)


def open_work_tab(qtbot: QtBot, window: MainWindow) -> WorkTab:
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.desk.charts_page
    assert page is not None
    qtbot.keyClick(page.tabs, Qt.Key.Key_I, ALT)  # Work coming &in
    qtbot.waitUntil(lambda: page.work_tab is not None and page.work_tab.isVisible())
    tab = page.work_tab
    assert tab is not None
    qtbot.waitUntil(lambda: tab.chart.paints > 0)
    return tab


def test_the_tab_names_the_stuck_engine_with_its_reason_and_next_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = open_work_tab(qtbot, window)
    text = tab.verdict.text()
    assert "<b>Production is stuck.</b>" in text
    assert "1 enquiry turned away as too busy in the last 13 weeks." in text
    assert "Next: Work is there but your hours are not" in text
    assert len(tab.strip.weeks) == 26
    assert tab.strip.week_text(25).startswith("Week of ")
    assert (
        "Enquiries came in 5 of the 6 weeks since the first was logged, 0.8 a week"
        in tab.sentences.text()
    )


def test_the_table_of_sources_with_its_amounts_said_once_in_the_headings(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = open_work_tab(qtbot, window)
    table = tab.table
    headings = [
        item.text() if (item := table.horizontalHeaderItem(n)) else ""
        for n in range(table.columnCount())
    ]
    assert headings[:4] == ["Source", "Enquiries", "Won", "Work won (GBP)"]
    rows = [
        [item.text() if (item := table.item(r, c)) else "" for c in range(5)]
        for r in range(table.rowCount())
    ]
    assert rows == [
        ["A customer's referral", "2", "1", "3,200", "0"],
        ["Google / business profile", "3", "1", "1,500.50", "0"],
    ]
    assert tab.attribution.text() == "Each enquiry counts for the one source it was logged with."


def test_pointing_at_a_week_of_the_chart_tells_its_figures(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = open_work_tab(qtbot, window)
    qtbot.waitUntil(lambda: bool(tab.chart.hits))
    hit = next(h for h in tab.chart.hits if "1 job won" in h.text)
    qtbot.mouseMove(tab.chart, hit.bounds.center().toPoint())
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "Week of" in QToolTip.text())
    assert "1 job won (GBP\u00a0" in QToolTip.text()


def test_the_weeks_are_chosen_with_keys_and_remembered(
    qtbot: QtBot, window: MainWindow, paths: DataPaths
) -> None:
    tab = open_work_tab(qtbot, window)
    tab.weeks_choice.setFocus()
    qtbot.keyClick(tab.weeks_choice, Qt.Key.Key_Up)  # 13 -> 4 weeks
    qtbot.waitUntil(lambda: "The last 4 weeks" in tab.sentences.text())
    assert len(tab.chart.weeks) == 4
    window.state.sync()
    state = QSettings(str(paths.window_state), QSettings.Format.IniFormat)
    assert int(str(state.value("charts/work_weeks"))) == 4
    assert int(str(state.value("charts/tab"))) == 1


def test_a_new_data_file_says_how_to_start(qtbot: QtBot, paths: DataPaths, store: Store) -> None:
    tab = open_work_tab(qtbot, open_window(qtbot, paths, store))
    assert "<b>Not enough to judge yet.</b>" in tab.verdict.text()
    assert "Log every enquiry as it comes in (Ctrl+L)" in tab.verdict.text()
    assert tab.table.rowCount() == 0
    assert tab.attribution.text() == "No source has anything in these weeks yet."
    assert tab.chart.hits == ()  # (the chart says how to start instead of empty bars)
    assert tab.sentences.text().endswith("nothing logged yet.\n" + HOW_TO_START)
    # (26 weeks of "too little to judge" tell a new owner nothing: no strip yet.)
    assert not tab.strip.isVisible() and not tab.strip_week.isVisible()


def test_alt_g_goes_back_to_where_the_time_goes_and_no_tab_key_opens_a_menu(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = open_work_tab(qtbot, window)
    page = window.desk.charts_page
    assert page is not None
    qtbot.keyClick(page.tabs, Qt.Key.Key_G, ALT)
    qtbot.waitUntil(lambda: page.tabs.currentIndex() == 0)
    assert not tab.isVisible()
    menus = [action.text() for action in window.menuBar().actions()]
    keys = {text[text.index("&") + 1].lower() for text in menus if "&" in text}
    assert not keys & {"g", "i"}  # (the tabs' letters are not a menu's)


def test_production_stuck_links_to_the_hand_off_list(qtbot: QtBot, window: MainWindow) -> None:
    from tradesman.ui.window.action_table import PLAN_PAGE

    tab = open_work_tab(qtbot, window)
    assert "Open the hand-off list" in tab.verdict.text()  # (production is stuck here)
    tab.verdict.setFocus()
    qtbot.keyClick(tab.verdict, Qt.Key.Key_Tab)
    qtbot.keyClick(tab.verdict, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == PLAN_PAGE)


@pytest.mark.parametrize("most", [1, 3, 7, 9, 11, 12, 14, 17, 23, 33, 47, 59, 77, 99, 140])
def test_the_hours_axis_lines_up_with_the_enquiries_axis(most: int) -> None:
    # The right axis's hours are drawn scaled to the top line: every grid line must
    # divide the top exactly, or the hours line sits off its labels.
    from tradesman.ui.charts.chart_work import _round_up, _steps

    top = _round_up(most)
    step = _steps(top)
    assert top >= most and top % step == 0 and top // step <= 5


def test_the_strip_is_read_week_by_week_with_the_keys_and_a_click(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = open_work_tab(qtbot, window)
    strip = tab.strip
    assert strip.isVisible()
    # The latest week is chosen to begin with, and said in words with its reason.
    last_week, last_verdict = strip.weeks[-1]
    assert tab.strip_week.text() == strip.week_text(25, with_reason=True)
    assert last_verdict.reason in tab.strip_week.text()
    strip.setFocus()
    qtbot.waitUntil(strip.hasFocus)
    qtbot.keyClick(strip, Qt.Key.Key_Left)
    assert strip.current == 24
    assert tab.strip_week.text().startswith(f"Week of {strip.week_text(24)[8:]}")
    qtbot.keyClick(strip, Qt.Key.Key_Home)
    assert strip.current == 0
    first_week = strip.weeks[0][0]
    assert tab.strip_week.text().startswith(f"Week of {first_week.start.day} ")
    qtbot.keyClick(strip, Qt.Key.Key_Left)  # (nothing before the first)
    assert strip.current == 0
    qtbot.keyClick(strip, Qt.Key.Key_End)
    assert strip.current == 25 and strip.accessibleDescription() == tab.strip_week.text()
    # A click on the third square chooses that week.
    third = strip._cell(2).center().toPoint()
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=third)
    assert strip.current == 2 and tab.strip_week.text().startswith("Week of ")
    assert last_week != strip.weeks[2][0]


def test_the_tab_and_the_week_page_name_the_same_engine_whatever_weeks_are_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.split_panel
    qtbot.waitUntil(lambda: panel.work_text() != "")
    week_page_engine = panel.work_text().split("\n")[1]
    assert week_page_engine.startswith("<b>Production is stuck.</b>")
    tab = open_work_tab(qtbot, window)
    tab.weeks_choice.setFocus()
    qtbot.keyClick(tab.weeks_choice, Qt.Key.Key_Up)  # 13 -> 4 weeks
    qtbot.waitUntil(lambda: "The last 4 weeks" in tab.sentences.text())
    text = tab.verdict.text()
    assert "<b>Production is stuck.</b>" in text
    assert "1 enquiry turned away as too busy in the last 13 weeks." in text
    assert "The verdict is judged over the last 13 weeks; the figures below cover the last 4." in (
        text
    )


def test_on_a_short_window_the_tab_scrolls_and_cuts_no_sentence_or_table_short(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Found by hand at 1000x700: the last sentence was cut off with no way to scroll
    to it, and the table of sources showed a row and a half."""
    from literal_kit import TRICKY

    from tradesman.services.sources import rename_source
    from tradesman.ui.charts.work_tab import TABLE_LEAST_ROWS

    window.desk.ops.run(rename_source, 4, TRICKY)  # (a name that looks like markup)
    window.resize(1000, 600)
    qtbot.waitUntil(lambda: window.height() == max(600, window.minimumHeight()))
    tab = open_work_tab(qtbot, window)
    sentences = tab.sentences
    qtbot.waitUntil(lambda: sentences.height() >= sentences.heightForWidth(sentences.width()))
    rows = tab.table.verticalHeader().defaultSectionSize()
    assert tab.table.height() >= tab.table.horizontalHeader().height() + TABLE_LEAST_ROWS * rows
    assert tab.table.wordWrap() is False  # a source's name on one line, cut at its end
    names = [tab.table.item(row, 0) for row in range(tab.table.rowCount())]
    tips = {read_tooltip(name.toolTip()) for name in names if name is not None}
    assert TRICKY in tips and tips == {name.text() for name in names if name is not None}
