"""Words in red read on a dark theme too: an old quote's card, a field's problem, a
failed backup's warning. The red of a light theme is kept there; on a dark theme's grey
it is lightened until it reads (WCAG 4.5:1), instead of dark red on dark grey."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from tradesman.domain.leads import Lead, Source, SourceKind
from tradesman.domain.work_lanes import Lane, lead_cards
from tradesman.ui.shared.palette import WARNING_RED, contrast, warning_style
from tradesman.ui.work.work_page import LeadLane

TODAY = date(2026, 12, 4)
DARK_GREY, DARKER_GREY = "#353535", "#2a2a2a"


def dark() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, DARK_GREY), (QPalette.ColorRole.WindowText, "#eeeeee"),
        (QPalette.ColorRole.Base, DARKER_GREY), (QPalette.ColorRole.AlternateBase, DARK_GREY),
        (QPalette.ColorRole.Text, "#eeeeee"),
    ):  # fmt: skip
        palette.setColor(role, QColor(colour))
    return palette


def light() -> QPalette:
    palette = QPalette(QColor("#efefef"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f7f7"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#000000"))
    return palette


def stale_card_colour(qtbot: QtBot, palette: QPalette) -> QColor:
    lane = LeadLane(Lane.QUOTED)
    qtbot.addWidget(lane)
    lane.setPalette(palette)
    old = Lead("Mr Brown", date(2026, 10, 1), 1, id=13).quoted(date(2026, 10, 2), 90000)
    source = {1: Source("Website", SourceKind.MARKETING, id=1)}
    cards = lead_cards([old], source, TODAY, stale_days=30, follow_ups={})[Lane.QUOTED]
    assert cards[0].stale
    lane.show_cards(cards, "GBP", ".", TODAY)
    return lane.item(0).foreground().color()


def test_an_old_quote_reads_on_a_dark_theme_and_keeps_its_red_on_a_light_one(
    qtbot: QtBot,
) -> None:
    on_dark = stale_card_colour(qtbot, dark())
    assert contrast(QColor(WARNING_RED), QColor(DARKER_GREY)) < 3  # what it was: unreadable
    assert contrast(on_dark, QColor(DARKER_GREY)) >= 4.5
    assert contrast(on_dark, QColor(DARK_GREY)) >= 4.5  # (the other shade of card, too)
    assert on_dark.red() > on_dark.green()  # still a red
    assert stale_card_colour(qtbot, light()).name() == "#c0392b"


def test_a_warning_reads_on_a_dark_window_and_keeps_its_red_on_a_light_one() -> None:
    style = warning_style(dark())
    shown = QColor(style.removeprefix("color: ").removesuffix(";"))
    assert contrast(shown, QColor(DARK_GREY)) >= 4.5 and shown.red() > shown.blue()
    assert warning_style(light()) == "color: #c0392b;"
