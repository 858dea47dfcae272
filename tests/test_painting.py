"""Painting the calendar again and again must not wear anything out."""

from __future__ import annotations

import gc
import sys
from datetime import date

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.settings import Settings
from tradesman.domain.weeks import Week
from tradesman.ui.week.week_canvas import WeekCanvas

WEEK = Week(date(2026, 11, 23))


def test_painting_does_not_leak_references_to_none(qtbot: QtBot) -> None:
    """PySide6 6.12.0 on Python 3.11 lost a reference to None on every void QPainter
    call, so a busy calendar aborted the app within seconds. Guard against it."""
    canvas = WeekCanvas(WEEK)
    qtbot.addWidget(canvas)
    canvas.resize(900, 1056)
    blocks = [
        TimeBlock(day, start * 60, (start + 1) * 60, area, f"Job {n}", status=status, id=n)
        for n, (day, start, area, status) in enumerate(
            (WEEK.days[n % 7], 7 + n % 10, list(Area)[n % 4], list(BlockStatus)[n % 3])
            for n in range(40)
        )
    ]
    canvas.show_week(WEEK, blocks, Settings(), date(2026, 11, 25))
    image = QImage(canvas.size(), QImage.Format.Format_ARGB32)

    def paint_once() -> None:
        canvas.render(image)

    paint_once()
    # Garbage from earlier tests, collected mid-loop, lets go of None too: collect it
    # first and hold the collector while counting.
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for _ in range(20):
            paint_once()
        lost = before - sys.getrefcount(None)
    finally:
        gc.enable()
    # The bug lost one reference per QPainter call: ~800 a paint here, 16,000 in all.
    assert lost < 200
