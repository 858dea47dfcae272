"""The calendar as the owner sees it: overlaps, short blocks, titles in tooltips, and
markers for blocks scrolled out of view. Driven with real mouse events through qtbot."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from planner_kit import FRI, LEFT, MON, THU, TUE, WED, open_window
from PySide6.QtCore import QEvent, QPoint, QRectF
from PySide6.QtGui import QHelpEvent, QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import Area
from tradesman.domain.blocks import TimeBlock
from tradesman.paths import DataPaths
from tradesman.services import edits
from tradesman.store.database import Store
from tradesman.ui.main_window import MainWindow
from tradesman.ui.week.week_canvas import WeekCanvas

HOSTILE = "AT&T <b>x</b> & &amp;"


def at(day: date, start: str, end: str, area: Area, title: str) -> TimeBlock:
    h1, m1 = map(int, start.split(":"))
    h2, m2 = map(int, end.split(":"))
    return TimeBlock(day, h1 * 60 + m1, h2 * 60 + m2, area, title)


@pytest.fixture
def window(qtbot: QtBot, store: Store, paths: DataPaths) -> Iterator[MainWindow]:
    with store.writing() as session:
        edits.add_blocks(session, [
            at(TUE, "08:00", "17:00", Area.PRODUCTION, "Oakwood kitchen refit"),
            at(TUE, "10:00", "11:00", Area.SALES, "Visit the Browns"),
            at(WED, "09:00", "09:15", Area.ADMIN, "Call back Mrs Patel"),
            at(WED, "10:00", "10:30", Area.MARKETING, HOSTILE),
            at(MON, "05:00", "05:30", Area.MARKETING, "Early post"),
            at(FRI, "22:30", "23:30", Area.ADMIN, "Books"),
            at(THU, "08:00", "16:00", Area.PRODUCTION, "Bathroom refit – Lee"),
            at(THU, "08:00", "09:00", Area.SALES, "Survey"),
        ])  # fmt: skip
    yield open_window(qtbot, paths, store)


def rect_of(window: MainWindow, title: str) -> QRectF:
    canvas: WeekCanvas = window.canvas
    block = next(b for b in canvas.blocks if b.title == title)
    assert block.id is not None
    return canvas.block_rect(block.id)


def test_a_long_job_keeps_its_full_width_under_a_visit(window: MainWindow, qtbot: QtBot) -> None:
    canvas = window.canvas
    geometry = canvas.geometry_
    job, visit = rect_of(window, "Oakwood kitchen refit"), rect_of(window, "Visit the Browns")
    assert job.width() >= geometry.column_width - 6  # the whole day column, all day
    # The visit lies over the job's right-hand side; the job shows beside it.
    assert job.left() + geometry.column_width / 5 < visit.left() < job.center().x()
    assert abs(visit.right() - job.right()) < 1
    # The mouse finds each where it is seen: the visit on top, the job in its strip.
    qtbot.mouseClick(canvas, LEFT, pos=visit.center().toPoint())
    assert _title(canvas.selected()) == "Visit the Browns"
    strip = QPoint(int(job.left() + 8), int(visit.center().y()))
    qtbot.mouseClick(canvas, LEFT, pos=strip)
    assert _title(canvas.selected()) == "Oakwood kitchen refit"


def test_a_visit_at_the_start_of_a_job_leaves_the_job_full_width(
    window: MainWindow, qtbot: QtBot
) -> None:
    canvas = window.canvas
    job, survey = rect_of(window, "Bathroom refit – Lee"), rect_of(window, "Survey")
    assert job.width() >= canvas.geometry_.column_width - 6
    assert abs(survey.center().x() - job.right() + survey.width() / 2) < 2  # its right half
    placement = next(p for p in canvas.placements if p.block.title == "Bathroom refit – Lee")
    assert canvas.geometry_.words_right(placement) <= survey.left() + 1  # title not hidden
    qtbot.mouseClick(canvas, LEFT, pos=QPoint(int(job.left() + 10), int(survey.center().y())))
    assert _title(canvas.selected()) == "Bathroom refit – Lee"


def dark_pixels(image: QImage, rect: QRectF) -> int:
    """Pixels of text (dark ink on the block's light wash) inside `rect`."""
    ratio = image.devicePixelRatio()
    count = 0
    for x in range(int(rect.left() + 6), int(rect.right() - 1)):
        for y in range(int(rect.top() + 1), int(rect.bottom())):
            if image.pixelColor(int(x * ratio), int(y * ratio)).lightnessF() < 0.35:
                count += 1
    return count


def test_a_quarter_hour_block_shows_its_title_on_one_line(window: MainWindow) -> None:
    short = rect_of(window, "Call back Mrs Patel")
    assert short.height() < 14  # a quarter hour at the usual zoom
    image = window.canvas.grab().toImage()
    assert dark_pixels(image, short) > 40  # letters, not a bare sliver


def test_a_short_block_shows_its_title_beside_its_start_time(window: MainWindow) -> None:
    from tradesman.ui.week.week_painter import BlockFonts, one_line_text

    fonts = BlockFonts(window.canvas.font())
    block = next(b for b in window.canvas.blocks if b.title == "Call back Mrs Patel")
    assert one_line_text(block, "", 400, fonts) == ("Call back Mrs Patel", "  09:00")
    # Narrow, the title keeps the room (the time is in the tooltip and the block's place).
    title, time = one_line_text(block, "", 90, fonts)
    assert title.startswith("Call back") and title.endswith("…") and time == ""


def shown_as(text: str) -> str:
    """What a tooltip shows: Qt reads text that might be rich text as markup."""
    from PySide6.QtGui import Qt as GuiQt

    if GuiQt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def test_the_tooltip_shows_the_whole_title_as_typed(window: MainWindow, qtbot: QtBot) -> None:
    canvas = window.canvas
    centre = rect_of(window, HOSTILE).center().toPoint()
    qtbot.mouseMove(canvas, centre)
    event = QHelpEvent(QEvent.Type.ToolTip, centre, canvas.mapToGlobal(centre))
    QApplication.sendEvent(canvas, event)
    qtbot.waitUntil(lambda: bool(QToolTip.text()))
    lines = shown_as(QToolTip.text()).splitlines()
    assert lines[0] == HOSTILE
    assert lines[1].startswith("Marketing, 10:00–10:30")
    QToolTip.hideText()


def test_days_with_blocks_out_of_view_show_a_marker(window: MainWindow, qtbot: QtBot) -> None:
    canvas = window.canvas
    markers = {(m.day, m.above): m.words() for m in canvas.hidden_blocks()}
    assert markers == {(MON, True): "05:00 Early post", (FRI, False): "22:30 Books"}
    image = canvas.grab().toImage()
    monday = next(m for m in canvas.hidden_blocks() if m.day == MON)
    assert canvas.shown_rect().contains(monday.rect)  # drawn where the eye is
    assert dark_pixels(image, monday.rect) > 20  # with words on it
    # Clicking the marker scrolls to the early block, and the marker goes.
    qtbot.mouseClick(canvas, LEFT, pos=monday.rect.center().toPoint())
    qtbot.waitUntil(lambda: canvas.shown_rect().contains(rect_of(window, "Early post")))
    assert (MON, True) not in {(m.day, m.above) for m in canvas.hidden_blocks()}
    assert canvas.selected() is None  # a click on a marker selects nothing


def _title(block: TimeBlock | None) -> str:
    """The chosen block's title (none chosen fails the test here, plainly)."""
    assert block is not None, "no block is chosen"
    return block.title
