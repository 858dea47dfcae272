"""Zooming the hours from the keyboard and the View menu, remembered for next time."""

from __future__ import annotations

from planner_kit import CTRL, Planner, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from tradesman.store.database import open_store


def test_ctrl_plus_and_minus_zoom_the_hours_and_the_zoom_is_remembered(
    planner: Planner,
) -> None:
    canvas = planner.canvas
    usual = canvas.hour_height
    before = planner.rect_of("Kitchen – Patel").height()
    planner.keys(Qt.Key.Key_Equal, CTRL)
    planner.keys(Qt.Key.Key_Equal, CTRL)
    most = canvas.hour_height
    taller = planner.rect_of("Kitchen – Patel").height()
    assert taller > before * 1.5  # the hours really are taller
    planner.keys(Qt.Key.Key_Minus, CTRL)
    zoomed = canvas.hour_height
    assert usual < zoomed < most

    planner.window.close()
    planner.store.close()
    store = open_store(planner.paths)
    window = open_window(planner.qtbot, planner.paths, store)
    assert window.canvas.hour_height == zoomed  # a new window on the same data folder
    store.close()


def test_the_view_menu_offers_zoom_with_its_keys(planner: Planner) -> None:
    view = next(m for m in planner.window.menuBar().findChildren(QMenu) if m.title() == "&View")
    entries = {a.text(): a.shortcut().toString() for a in view.actions()}
    assert entries["Zoom &in"] == "Ctrl++" and entries["Zoom &out"] == "Ctrl+-"
    usual = planner.canvas.hour_height
    next(a for a in view.actions() if a.text() == "Zoom &out").trigger()
    assert planner.canvas.hour_height < usual


def test_zoom_stops_at_its_ends_and_keeps_the_time_in_the_middle(planner: Planner) -> None:
    canvas = planner.canvas
    for _ in range(12):
        planner.keys(Qt.Key.Key_Minus, CTRL)
    smallest = canvas.hour_height
    planner.keys(Qt.Key.Key_Minus, CTRL)
    assert canvas.hour_height == smallest > 0
    for _ in range(12):
        planner.keys(Qt.Key.Key_Equal, CTRL)
    view = planner.window.week_page.view
    bar = view.scroller.verticalScrollBar()

    def minute_in_middle() -> float:
        return canvas.geometry_.minute_at(bar.value() + view.scroller.viewport().height() / 2)

    middle = minute_in_middle()
    planner.keys(Qt.Key.Key_Minus, CTRL)
    assert abs(minute_in_middle() - middle) < 20
