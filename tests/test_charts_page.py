"""The Charts page, driven as the owner drives it: keys, clicks, pointing with the mouse,
and the figures it shows checked against the store's own sums."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest
from planner_kit import CTRL, LEFT, TODAY, TUE, Planner, open_window, seed
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMenu, QToolTip
from pytestqt.qtbot import QtBot

from tradesman.domain.areas import Area
from tradesman.domain.blocks import BlockStatus, TimeBlock
from tradesman.domain.settings import WeekStart
from tradesman.domain.split import Split
from tradesman.domain.weeks import Week
from tradesman.paths import DataPaths
from tradesman.services import edits
from tradesman.services.allocation import business_trend, week_by_day
from tradesman.services.data import Data
from tradesman.services.first_look import first_look
from tradesman.store.database import Store
from tradesman.ui.charts.chart_base import Chart, ChartColours
from tradesman.ui.charts.chart_day_bars import BarsShow
from tradesman.ui.charts.charts_page import ChartsPage
from tradesman.ui.main_window import MainWindow
from tradesman.ui.shared import prompts
from tradesman.ui.shared.operations import Operations
from tradesman.ui.shared.palette import area_colour

WEEK_48 = Week(date(2026, 11, 23))
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def open_charts(planner: Planner) -> ChartsPage:
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_3, CTRL)
    page = planner.window.desk.charts_page
    current = planner.window.pages.currentWidget()
    assert page is not None and current is not None and current.isAncestorOf(page)
    planner.qtbot.waitUntil(lambda: all(chart.paints and chart.hits for chart in page.charts))
    return page


def point_at(planner: Planner, chart: Chart, words: str) -> str:
    """Move the mouse onto the first place of `chart` whose text has `words`; the tooltip."""
    hit = next(h for h in chart.hits if words in h.text)
    target = hit.bounds.center().toPoint()
    if not hit.contains(hit.bounds.center()):  # (a ring piece: its middle may be outside)
        target = next(
            QPoint(x, y)
            for x in range(int(hit.bounds.left()), int(hit.bounds.right()), 3)
            for y in range(int(hit.bounds.top()), int(hit.bounds.bottom()), 3)
            if hit.contains(QPoint(x, y).toPointF())
        )
    planner.qtbot.mouseMove(chart, target)
    planner.qtbot.waitUntil(lambda: QToolTip.isVisible() and words in QToolTip.text())
    return QToolTip.text()


def test_ctrl_3_shows_the_weeks_charts_with_the_stores_own_figures(planner: Planner) -> None:
    page = open_charts(planner)
    window = planner.window
    assert window.acts["charts_page"].isChecked()
    with planner.store.reading() as session:
        assert page.by_day.data == week_by_day(session, WEEK_48)
        assert page.trend.trend == business_trend(session, WEEK_48, 12, 0.3)
    assert page.by_day.data is not None and page.split.split is not None
    assert page.by_day.data.days[1].planned == Split(production=240)
    assert page.split.split.planned == Split(production=240, sales=60)
    assert page.split.target == 0.3
    # The week's buttons stay (the charts follow the week); drawing does not.
    assert window.acts["previous_week"].isVisible()
    assert not window.acts.area_actions[next(iter(window.acts.area_actions))].isVisible()


def test_pointing_at_the_charts_tells_the_exact_hours(planner: Planner) -> None:
    page = open_charts(planner)
    text = point_at(planner, page.by_day, "Tuesday 24 Nov 2026 · Production")
    assert "Planned: 4 h" in text and "Actual: 0 min (no blocks marked done)" in text
    text = point_at(planner, page.split, "Planned: 1 h business")
    assert "of 5 h (20%)" in text and "Target: 30% business" in text
    text = point_at(planner, page.split, "Planned · Sales")
    assert "1 h (20% of 5 h)" in text
    text = point_at(planner, page.trend, "Week 48 · 23–29 Nov 2026")
    assert "Planned: 20% business (1 h of 5 h)" in text
    assert "Actual: no blocks marked done" in text and "Target: 30%" in text
    assert page.trend.hover_text() == text


def test_an_edit_undo_and_redo_show_on_the_charts_at_once(planner: Planner) -> None:
    planner.qtbot.mouseClick(planner.canvas, LEFT, pos=planner.middle_of("Kitchen – Patel"))
    planner.keys(Qt.Key.Key_Return, CTRL)  # mark done
    page = open_charts(planner)
    assert page.by_day.data is not None
    assert page.by_day.data.days[1].actual == Split(production=240)
    planner.qtbot.keyClick(page, Qt.Key.Key_Z, CTRL)
    planner.qtbot.waitUntil(
        lambda: page.split.split is not None and page.split.split.actual == Split()
    )
    assert page.trend.trend is not None and page.trend.trend.actual_shares[-1] is None
    planner.qtbot.keyClick(page, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    planner.qtbot.waitUntil(
        lambda: page.split.split is not None and page.split.split.actual == Split(production=240)
    )


def test_the_week_buttons_move_the_charts_and_an_empty_week_says_so(planner: Planner) -> None:
    page = open_charts(planner)
    planner.qtbot.keyClick(page, Qt.Key.Key_Left, ALT)
    planner.qtbot.waitUntil(
        lambda: page.by_day.data is not None and page.by_day.data.week == WEEK_48.previous()
    )
    planner.qtbot.waitUntil(lambda: page.by_day.hits == ())
    assert page.by_day.empty_message().startswith("Nothing is planned for this week yet.")
    assert page.by_day.title == f"Hours by day · {WEEK_48.previous().label}"
    assert page.trend.trend is not None
    assert page.trend.trend.weeks[-1].week == WEEK_48.previous()
    assert page.trend.empty_message().startswith("No time blocks in these 12 weeks yet.")
    planner.qtbot.keyClick(page, Qt.Key.Key_Home, ALT)
    planner.qtbot.waitUntil(lambda: page.by_day.empty_message() == "")
    assert page.by_day.title == f"Hours by day · {WEEK_48.label}"  # (a kept picture says which)


def test_the_bars_and_the_trend_length_are_chosen_with_keys_and_remembered(
    planner: Planner,
) -> None:
    page = open_charts(planner)
    planner.qtbot.keyClick(page, Qt.Key.Key_B, ALT)  # "Bars show"
    planner.qtbot.waitUntil(page.bars_choice.hasFocus)
    planner.qtbot.keyClick(page.bars_choice, Qt.Key.Key_Down)
    planner.qtbot.keyClick(page.bars_choice, Qt.Key.Key_Down)
    assert page.by_day.bars() == ["actual"]
    # Nothing is done in week 48: the chart says how to get actual hours.
    assert "No blocks are marked done this week yet." in page.by_day.empty_message()
    planner.qtbot.keyClick(page, Qt.Key.Key_L, ALT)  # "Trend length"
    planner.qtbot.waitUntil(page.weeks_choice.hasFocus)
    planner.qtbot.keyClick(page.weeks_choice, Qt.Key.Key_End)
    planner.qtbot.waitUntil(
        lambda: page.trend.trend is not None and len(page.trend.trend.weeks) == 52
    )
    state = QSettings(str(planner.paths.window_state), QSettings.Format.IniFormat)
    assert state.value("charts/bars") == BarsShow.ACTUAL.value
    assert int(str(state.value("charts/weeks"))) == 52
    planner.window.close()
    again = open_window(planner.qtbot, planner.paths, planner.store)
    assert again.pages.currentIndex() == 2  # the page it was left on
    assert again.desk.charts_page is not None
    assert again.desk.charts_page.by_day.bars() == ["actual"]
    assert again.desk.charts_page.trend.trend is not None
    assert len(again.desk.charts_page.trend.trend.weeks) == 52


def test_copy_puts_the_three_charts_on_the_clipboard_as_one_picture(planner: Planner) -> None:
    page = open_charts(planner)
    QGuiApplication.clipboard().clear()
    planner.qtbot.keyClick(page, Qt.Key.Key_C, CTRL)
    planner.qtbot.waitUntil(lambda: not QGuiApplication.clipboard().image().isNull())
    picture = QGuiApplication.clipboard().image()
    area = page.charts_area.size()
    assert (picture.width(), picture.height()) == (area.width() * 2, area.height() * 2)
    assert "copied" in planner.window.statusBar().currentMessage()


def test_save_as_png_writes_a_picture_where_the_owner_chose(
    planner: Planner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "my charts.png"
    offered: list[Path] = []

    def choose(parent: object, title: str, suggested: Path, *rest: object, **named: object) -> Path:
        offered.append(suggested)
        return chosen

    monkeypatch.setattr(prompts, "choose_file_to_save", choose)
    page = open_charts(planner)
    planner.qtbot.mouseClick(page.save_button, LEFT)
    assert offered[0].name == "tradesman-charts-2026-W48.png"
    planner.qtbot.waitUntil(
        lambda: "Saved the picture" in planner.window.statusBar().currentMessage()
    )
    picture = QImage(str(chosen))
    assert not picture.isNull() and picture.width() == page.charts_area.width() * 2
    assert f"Saved the picture to {chosen}" in planner.window.statusBar().currentMessage()
    # One chart alone, from its right-click menu.
    # (QTest's right click does not make the context-menu event the platform would.)
    centre = page.trend.rect().center()
    right_click = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, centre, page.trend.mapToGlobal(centre)
    )
    QApplication.sendEvent(page.trend, right_click)
    planner.qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert [a.text() for a in menu.actions()] == ["&Copy this chart", "&Save this chart as PNG…"]
    menu.actions()[1].trigger()
    menu.close()
    assert offered[-1].name == "tradesman-business-share-2026-W48.png"
    # (By size, not width alone: the trend may be as wide as all the charts together.)
    planner.qtbot.waitUntil(lambda: QImage(str(chosen)).size() == page.trend.size() * 2)
    leftovers = [p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".part")]
    assert leftovers == ["my charts.png"]


def test_a_picture_that_cannot_be_saved_is_explained_and_nothing_is_written(
    planner: Planner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "no such folder" / "charts.png"
    monkeypatch.setattr(prompts, "choose_file_to_save", lambda *a, **k: missing)
    warned: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda parent, title, message: warned.append(message))
    page = open_charts(planner)
    planner.qtbot.keyClick(page, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    planner.qtbot.waitUntil(lambda: warned != [])
    assert warned == [f"Could not save {missing}: the folder does not exist."]
    assert planner.window.statusBar().currentMessage() == warned[0]
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".png", ".part")] == []


def test_the_small_trend_beside_the_calendar_opens_the_charts(planner: Planner) -> None:
    small = planner.window.week_page.compact_trend
    assert small is not None and small.trend is not None
    assert small.trend.weeks[-1].week == WEEK_48 and len(small.trend.weeks) == 12
    assert "Week 48 · 23–29 Nov 2026: planned 20%, actual —, target 30%" in small.toolTip()
    planner.qtbot.waitUntil(lambda: small.paints > 0)
    planner.qtbot.mouseClick(small, LEFT)
    assert planner.window.pages.currentIndex() == 2


def test_ctrl_c_on_the_calendar_still_copies_the_block(planner: Planner) -> None:
    planner.qtbot.mouseClick(planner.canvas, LEFT, pos=planner.middle_of("Kitchen – Patel"))
    QGuiApplication.clipboard().clear()
    planner.keys(Qt.Key.Key_C, CTRL)
    planner.qtbot.mouseClick(planner.canvas, LEFT, pos=planner.at(TUE, 14))
    planner.keys(Qt.Key.Key_V, CTRL)
    planner.qtbot.waitUntil(
        lambda: [t for t in planner.titles() if t[0] == "Kitchen – Patel"].__len__() == 2
    )
    assert QGuiApplication.clipboard().image().isNull()


def test_calendar_keys_do_nothing_on_the_charts_page(planner: Planner) -> None:
    planner.qtbot.mouseClick(planner.canvas, LEFT, pos=planner.middle_of("Kitchen – Patel"))
    page = open_charts(planner)
    for key, modifiers in ((Qt.Key.Key_Delete, NONE), (Qt.Key.Key_D, CTRL),
                           (Qt.Key.Key_K, CTRL), (Qt.Key.Key_V, CTRL), (Qt.Key.Key_N, CTRL)):  # fmt: skip
        planner.qtbot.keyClick(page, key, modifiers)
    assert [t[0] for t in planner.titles()] == ["Kitchen – Patel", "Site visit"]
    assert planner.block("Kitchen – Patel").status.value == "planned"
    assert page.split.split is not None
    assert page.split.split.planned == Split(production=240, sales=60)
    planner.qtbot.keyClick(page, Qt.Key.Key_1, CTRL)
    planner.keys(Qt.Key.Key_Delete)  # back on the calendar the keys work again
    planner.qtbot.waitUntil(lambda: [t[0] for t in planner.titles()] == ["Site visit"])


def test_the_bars_and_rings_are_drawn_to_scale(planner: Planner) -> None:
    page = open_charts(planner)
    chart = page.by_day
    tuesday = next(h for h in chart.hits if h.text.startswith("Tuesday 24 Nov 2026 · Production"))
    thursday = next(h for h in chart.hits if h.text.startswith("Thursday 26 Nov 2026 · Sales"))
    # 4 h of production against 1 h of sales, measured in pixels as drawn.
    assert tuesday.bounds.height() == pytest.approx(4 * thursday.bounds.height(), abs=1)
    assert tuesday.bounds.bottom() == pytest.approx(thursday.bounds.bottom(), abs=1)
    picture = chart.image(1.0)
    middle = tuesday.bounds.center().toPoint()
    wash = ChartColours.from_palette(chart.palette()).planned_fill(Area.PRODUCTION)
    assert _close(picture.pixelColor(middle), wash)
    above = QPoint(middle.x(), int(tuesday.bounds.top()) - 4)
    assert not _close(picture.pixelColor(above), wash)
    # The planned ring: sales (1 h of 5 h) from twelve o'clock to 72 degrees, then production.
    ring = page.split
    centre_hit = next(h for h in ring.hits if h.text.startswith("Planned: 1 h business"))
    centre, inner = centre_hit.bounds.center(), centre_hit.bounds.width() / 2
    radius = (inner + inner / 0.62) / 2
    picture = ring.image(1.0)

    def colour_at(degrees_clockwise: float) -> QColor:
        angle = math.radians(90 - degrees_clockwise)
        spot = centre + QPointF(math.cos(angle), -math.sin(angle)) * radius
        return picture.pixelColor(spot.toPoint())

    assert _close(colour_at(36), area_colour(Area.SALES))
    assert _close(colour_at(180), area_colour(Area.PRODUCTION))
    assert _close(colour_at(300), area_colour(Area.PRODUCTION))


def test_a_new_target_shows_on_the_open_charts_at_once(planner: Planner) -> None:
    page = open_charts(planner)
    ops = planner.window.desk.ops
    assert ops is not None
    ops.save_settings(ops.settings().with_changes(target_business_share=0.45))
    planner.qtbot.waitUntil(lambda: page.split.target == 0.45)
    assert page.trend.trend is not None and page.trend.trend.weeks[-1].target == 0.45
    assert "Target 45%" in [item[0] for item in page.trend.legend(_colours(page))]


def test_the_charts_page_chosen_before_the_data_opens_fills_in_when_it_does(
    qtbot: QtBot, store: Store, paths: DataPaths
) -> None:
    seed(store)
    state = QSettings(str(paths.window_state), QSettings.Format.IniFormat)
    window = MainWindow(paths.folder, state, WeekStart.MONDAY, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.acts["charts_page"].trigger()  # before there is any data
    assert window.pages.currentIndex() == 2
    assert window.findChild(ChartsPage) is None  # nothing to show yet
    window.show_first_look(first_look(paths.database, "en_GB", TODAY))
    window.attach(Operations(Data(store, "en_GB"), today=lambda: TODAY))
    assert window.desk.charts_page is not None and window.desk.charts_page.split.split is not None
    assert window.acts["save_charts"].isEnabled() and not window.acts["delete"].isEnabled()


def test_the_charts_let_the_window_stay_small(planner: Planner) -> None:
    open_charts(planner)
    assert planner.window.minimumSizeHint().width() <= 700
    planner.qtbot.keyClick(planner.window, Qt.Key.Key_1, CTRL)
    planner.window.resize(1000, 600)
    small = planner.window.week_page.compact_trend
    assert small is not None
    # Too short for the split and the small trend: the split keeps its room.
    planner.qtbot.waitUntil(lambda: not small.isVisible())
    panel = planner.window.split_panel
    assert panel.height() >= panel.heightForWidth(panel.width()) > 200
    planner.window.resize(1200, 1000)
    planner.qtbot.waitUntil(small.isVisible)


def test_the_small_trends_menu_copies_it_or_opens_the_charts(planner: Planner) -> None:
    small = planner.window.week_page.compact_trend
    assert small is not None
    menu = small.context_menu()
    assert [a.text() for a in menu.actions()] == ["&Copy this chart", "&Open the charts"]
    menu.actions()[0].trigger()
    assert QGuiApplication.clipboard().image().width() == small.width() * 2
    assert "The chart is copied" in planner.window.statusBar().currentMessage()
    menu.actions()[1].trigger()
    assert planner.window.pages.currentIndex() == 2
    menu.deleteLater()


def test_pointing_forgets_what_it_pointed_at_when_the_chart_changes(planner: Planner) -> None:
    page = open_charts(planner)
    point_at(planner, page.by_day, "Tuesday 24 Nov 2026 · Production")
    assert page.by_day.hover_text() != ""
    page.by_day.set_show(BarsShow.ACTUAL)
    assert page.by_day.hover_text() == ""
    point_at(planner, page.trend, "Week 48")
    planner.window.resize(planner.window.width() - 150, planner.window.height())
    planner.qtbot.waitUntil(lambda: page.trend.hover_text() == "")


ODD_DAYS = [
    # (start, end, area, status, actual) on Tuesday 24 Nov: overlaps past 24 h, a done
    # block that took longer than planned.
    *[(0, 1440, Area.PRODUCTION, BlockStatus.PLANNED, None)] * 2,
    (600, 660, Area.ADMIN, BlockStatus.DONE, 900),
]


@pytest.mark.parametrize("target", [0.0, 1.0])
@pytest.mark.parametrize("size", [(1, 1), (60, 60), (200, 150), (2600, 1400)])
def test_odd_weeks_and_sizes_draw_without_a_fault(
    planner: Planner, target: float, size: tuple[int, int]
) -> None:
    with planner.store.writing() as session:
        edits.add_blocks(session, [
            TimeBlock(TUE, start, end, area, "Odd", status=status, actual_minutes=actual)
            for start, end, area, status, actual in ODD_DAYS
        ])  # fmt: skip
    ops = planner.window.desk.ops
    assert ops is not None
    ops.save_settings(ops.settings().with_changes(target_business_share=target))
    page = open_charts(planner)
    for chart in (*page.charts, planner.window.week_page.compact_trend):
        assert chart is not None
        chart.setMinimumSize(0, 0)
        chart.resize(*size)
        picture = chart.image(1.0)
        assert (picture.width(), picture.height()) == size
    assert page.by_day.data is not None and page.by_day.data.most_minutes_in_a_day == 3180


def test_a_chart_of_no_size_still_makes_a_picture(planner: Planner) -> None:
    page = open_charts(planner)
    page.split.setMinimumSize(0, 0)
    page.split.resize(0, 0)
    assert page.split.image().isNull()  # nothing to see, and nothing broken


def _close(seen: QColor, expected: QColor, slack: int = 12) -> bool:
    def rgb(colour: QColor) -> tuple[int, int, int]:
        return colour.red(), colour.green(), colour.blue()

    return all(abs(a - b) <= slack for a, b in zip(rgb(seen), rgb(expected), strict=True))


def _colours(page: ChartsPage) -> ChartColours:
    return ChartColours.from_palette(page.palette())
