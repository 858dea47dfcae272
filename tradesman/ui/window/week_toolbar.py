"""The toolbar: the week's buttons and name, the Draw buttons, and the pages at the end.

The week's buttons and name are there for the first paint; the Draw buttons and the
page buttons join when the data arrives (`fill`), to the right, so nothing on screen
moves. When the buttons do not fit, the toolbar narrows step by step (`ToolbarFitter`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QToolBar, QToolButton, QWidget

from tradesman.ui.shared.palette import swatch
from tradesman.ui.window.action_table import CHARTS_PAGE, WEEK_PAGE

if TYPE_CHECKING:
    from tradesman.domain.weeks import Week
    from tradesman.ui.shared.toolbar_fit import ToolbarFitter
    from tradesman.ui.window.actions import WindowActions

WIDE_MARGINS, NARROW_MARGINS = (12, 0, 12, 0), (4, 0, 4, 0)


class WeekToolbar(QToolBar):
    def __init__(self, actions: WindowActions) -> None:
        super().__init__("Week")
        self._actions = actions
        self.setObjectName("weekToolbar")
        self.setMovable(False)
        for key in ("previous_week", "this_week", "next_week"):
            self.addAction(actions[key])
        self.week_label = QLabel()
        self.week_label.setContentsMargins(*WIDE_MARGINS)
        self.addWidget(self.week_label)
        self._week_items = list(self.actions())  # shown on the pages about a week
        self._draw_items: list[QAction] = []  # shown on the calendar only
        self.fitter: ToolbarFitter | None = None  # made with the Draw buttons
        self._short_name = False  # "(this week)" left out to fit
        self._without_this_week = False  # the This week button left out to fit (Alt+Home)
        self._page = 0
        self._shown: tuple[Week, bool] | None = None

    def fill(self, page: int) -> None:
        """The Draw buttons, and the pages at the far end (see the module's words)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QSizePolicy

        self._draw_items.append(self.addSeparator())
        draw_label = QLabel("  Draw: ")
        self._draw_items.append(self.addWidget(draw_label))
        for area, action in self._actions.area_actions.items():
            action.setIcon(swatch(area))
            self.addAction(action)
            self._draw_items.append(action)
        gap = QWidget()
        gap.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(gap)
        for action in self._actions.page_actions:
            self.addAction(action)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.fitter = self._make_fitter(draw_label)
        self.follow_page(page)

    def _make_fitter(self, draw_label: QLabel) -> ToolbarFitter:
        """The ways the toolbar narrows, least needed first: the Draw buttons keep only
        their colour (the tooltip and keys 1-4 name them), the week buttons only their
        arrows, then "Draw:", the year and "(this week)" go, and last the This week
        button (Alt+Home and the Week menu still go there)."""
        from PySide6.QtCore import Qt

        from tradesman.ui.shared.toolbar_fit import ToolbarFitter

        def draw_colours_only(on: bool) -> None:
            style = Qt.ToolButtonStyle
            for action in self._actions.area_actions.values():
                button = self.widgetForAction(action)
                if isinstance(button, QToolButton):
                    button.setToolButtonStyle(
                        style.ToolButtonIconOnly if on else style.ToolButtonTextBesideIcon
                    )

        def arrows_only(on: bool) -> None:
            self._actions["previous_week"].setIconText("◀" if on else "")  # ("": the text)
            self._actions["next_week"].setIconText("▶" if on else "")

        def fewer_words(on: bool) -> None:
            draw_label.setText(" " if on else "  Draw: ")
            self._short_name = on
            self.week_label.setContentsMargins(*(NARROW_MARGINS if on else WIDE_MARGINS))
            if self._shown is not None:
                self.show_week_name(*self._shown)

        def without_this_week(on: bool) -> None:
            self._without_this_week = on
            self.follow_page(self._page, remeasure=False)

        steps = (draw_colours_only, arrows_only, fewer_words, without_this_week)
        return ToolbarFitter(self, steps)

    def follow_page(self, page: int, remeasure: bool = True) -> None:
        # The week's buttons mean nothing on the tasks and plan pages, and Draw only on
        # the calendar.
        self._page = page
        this_week = self._actions["this_week"]
        for action in self._week_items:
            shown = page in (WEEK_PAGE, CHARTS_PAGE)
            action.setVisible(shown and not (action is this_week and self._without_this_week))
        for item in self._draw_items:
            item.setVisible(page == WEEK_PAGE)
        if self.fitter is not None and remeasure:
            self.fitter.remeasure()

    def show_week_name(self, week: Week, this_week: bool) -> None:
        self._shown = (week, this_week)
        if self._short_name:
            text = week.short_label
        else:
            text = week.label + ("  (this week)" if this_week else "")
        self.week_label.setText(f"<b>{text}</b>")
        if self.fitter is not None:
            self.fitter.words_changed()
