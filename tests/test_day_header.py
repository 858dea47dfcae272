"""The row of day names over the calendar: whole words where there is room, shorter
words (never words cut at both ends) where there is not, alike from day to day, and
the day in full words on hover."""

from __future__ import annotations

from datetime import date
from functools import partial

from planner_kit import THU, TUE, WED, Planner
from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import QToolTip

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.services import edits
from tradesman.ui.week.day_header import SIDE_ROOM, DayHeader


def header_of(planner: Planner) -> DayHeader:
    header: DayHeader = planner.window.week_page.view.header
    return header


def add_long_tuesday(planner: Planner) -> None:
    """8 h 45 min planned on Tuesday: the longest words a day header has to show."""
    with planner.store.writing() as session:
        edits.add_blocks(session, [TimeBlock(TUE, 13 * 60, 17 * 60 + 45, Area.ADMIN, "Books")])
    planner.window.refresh()
    planner.qtbot.waitUntil(lambda: len(planner.canvas.blocks) == 3)


def shown_on(planner: Planner) -> dict[date, tuple[str, str]]:
    texts = header_of(planner).shown_texts()
    return dict(zip(planner.canvas.week.days, texts, strict=True))


def test_a_wide_window_shows_each_day_in_full(planner: Planner) -> None:
    add_long_tuesday(planner)
    shown = shown_on(planner)
    assert shown[TUE] == ("Tue 24", "8 h 45 min planned")
    assert shown[THU] == ("Thu 26", "1 h planned")
    assert shown[WED] == ("Wed 25  today", "")


def test_a_laptop_window_says_the_hours_more_briefly_and_alike(planner: Planner) -> None:
    add_long_tuesday(planner)
    planner.window.resize(1000, 700)
    planner.qtbot.waitUntil(lambda: planner.canvas.geometry_.column_width < 100)
    shown = shown_on(planner)
    # Said more briefly, not cut off at both ends as it was: the number comes first.
    assert shown[TUE] == ("Tue 24", "8 h 45 min")
    # Thursday's "1 h planned" would fit, but the row reads alike from day to day.
    assert shown[THU][1] == "1 h"


def test_no_words_spill_over_into_the_next_day(planner: Planner) -> None:
    """Looked at as drawn: the edges between Tuesday and its neighbours stay bare."""
    add_long_tuesday(planner)
    planner.window.resize(1000, 700)
    planner.qtbot.waitUntil(lambda: planner.canvas.geometry_.column_width < 100)
    header = header_of(planner)
    picture = header.grab().toImage()
    ground = header.palette().color(QPalette.ColorRole.Window).rgb()
    geometry = planner.canvas.geometry_
    scale = picture.devicePixelRatio()
    tuesday = planner.canvas.week.days.index(TUE)
    for edge in (geometry.column_left(tuesday), geometry.column_left(tuesday + 1)):
        for x in (round(edge) - 1, round(edge)):
            for y in range(header.height() - 4):  # (above the line along the bottom)
                colour = QColor(picture.pixel(int(x * scale), int(y * scale))).rgb()
                assert colour == ground, f"words drawn over the edge at x={x}, y={y}"


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
    assert small.pointSizeF() < big.pointSizeF()
    for day, (name, hours) in shown_on(planner).items():
        assert name == str(day.day)  # "today" and the day's name go before the date
        assert QFontMetricsF(bold).horizontalAdvance(name) <= room
        assert QFontMetricsF(small).horizontalAdvance(hours) <= room
    assert shown_on(planner)[TUE][1].startswith("8")  # its start, where it is cut


def test_a_font_sized_in_pixels_still_gets_smaller_hours(planner: Planner) -> None:
    header = header_of(planner)
    font = QFont(header.font())
    font.setPixelSize(20)
    header.setFont(font)
    _, small = header.fonts()
    assert small.pixelSize() == 17


def tip_says(words: str) -> bool:
    return QToolTip.isVisible() and QToolTip.text() == words


class ToolTipCounter(QObject):
    """How many times Qt asked the header for a tooltip (each real hover that rests)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self.count += 1
        return False


def test_resting_the_pointer_on_a_day_tells_it_in_full(planner: Planner) -> None:
    add_long_tuesday(planner)
    qtbot = planner.qtbot
    header = header_of(planner)
    asked = ToolTipCounter()
    header.installEventFilter(asked)
    geometry = planner.canvas.geometry_

    def middle_of(index: int) -> QPoint:
        return QPoint(int(geometry.column_left(index) + geometry.column_width / 2), 5)

    for day, words in (
        (TUE, "Tuesday 24 Nov 2026: 8 h 45 min planned"),
        (WED, "Wednesday 25 Nov 2026 (today): nothing planned"),
    ):
        qtbot.mouseMove(header, middle_of(planner.canvas.week.days.index(day)))
        qtbot.waitUntil(partial(tip_says, words))

    # Over the room kept above the calendar's scroll bar, no day is named: the tip
    # goes as the pointer leaves Wednesday, and no other comes when it rests there.
    beyond = QPoint(int(geometry.column_left(7)) + 3, 5)
    assert beyond.x() < header.width()
    before = asked.count
    qtbot.mouseMove(header, beyond)
    qtbot.waitUntil(lambda: asked.count > before)
    assert QToolTip.text() == "" or QToolTip.text().startswith("Wednesday")  # not Sunday's
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
