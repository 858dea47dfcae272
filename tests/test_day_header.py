"""The row of day names over the calendar: whole words where there is room, shorter
words (never words cut at both ends) where there is not, and the day in full on hover."""

from __future__ import annotations

from functools import partial

from planner_kit import TUE, WED, Planner
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QFont, QFontMetricsF, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.services import edits
from tradesman.ui.week.day_header import SIDE_ROOM, DayHeader


def tip_is(words: str) -> bool:
    return bool(QToolTip.text() == words)


def header_of(planner: Planner) -> DayHeader:
    header: DayHeader = planner.window.week_page.view.header
    return header


def add_long_tuesday(planner: Planner) -> None:
    """8 h 45 min planned on Tuesday: the longest words a day header has to show."""
    with planner.store.writing() as session:
        edits.add_blocks(session, [TimeBlock(TUE, 13 * 60, 17 * 60 + 45, Area.ADMIN, "Books")])
    planner.window.refresh()
    planner.qtbot.waitUntil(lambda: len(planner.canvas.blocks) == 3)


def test_a_wide_window_shows_each_day_in_full(planner: Planner) -> None:
    add_long_tuesday(planner)
    shown = dict(zip(planner.canvas.week.days, header_of(planner).shown_texts(), strict=True))
    assert shown[TUE] == ("Tue 24", "8 h 45 min planned")
    assert shown[WED] == ("Wed 25  today", "")


def test_a_laptop_window_says_the_hours_more_briefly(planner: Planner) -> None:
    add_long_tuesday(planner)
    planner.window.resize(1000, 700)
    planner.qtbot.waitUntil(lambda: planner.canvas.geometry_.column_width < 100)
    header = header_of(planner)
    tuesday = planner.canvas.week.days.index(TUE)
    # Said more briefly, not cut off at both ends as it was: the number comes first.
    assert header.shown_texts()[tuesday] == ("Tue 24", "8 h 45 min")


def test_the_narrowest_columns_still_show_every_date_and_nothing_spills(
    planner: Planner,
) -> None:
    add_long_tuesday(planner)
    header = header_of(planner)
    big = QFont(header.font())
    big.setPointSizeF(big.pointSizeF() * 1.6)  # a large desktop font
    header.setFont(big)
    planner.window.resize(planner.window.minimumSizeHint().width(), 700)
    planner.qtbot.waitUntil(lambda: planner.canvas.geometry_.column_width < 50)
    room = planner.canvas.geometry_.column_width - 2 * SIDE_ROOM
    bold, small = header.fonts()
    for day, (name, hours) in zip(planner.canvas.week.days, header.shown_texts(), strict=True):
        assert name == str(day.day)  # "today" and the day's name go before the date
        assert QFontMetricsF(bold).horizontalAdvance(name) <= room
        assert QFontMetricsF(small).horizontalAdvance(hours) <= room
    tuesday = planner.canvas.week.days.index(TUE)
    assert header.shown_texts()[tuesday][1].startswith("8")  # its start, where it is cut


def test_hovering_a_day_tells_it_in_full_words(planner: Planner) -> None:
    add_long_tuesday(planner)
    header = header_of(planner)
    geometry = planner.canvas.geometry_
    for day, words in (
        (TUE, "Tuesday 24 Nov 2026: 8 h 45 min planned"),
        (WED, "Wednesday 25 Nov 2026: nothing planned"),
    ):
        index = planner.canvas.week.days.index(day)
        point = QPoint(int(geometry.column_left(index) + geometry.column_width / 2), 5)
        planner.qtbot.mouseMove(header, point)
        QToolTip.hideText()
        event = QHelpEvent(QEvent.Type.ToolTip, point, header.mapToGlobal(point))
        QApplication.sendEvent(header, event)
        planner.qtbot.waitUntil(partial(tip_is, words))
    QToolTip.hideText()
