"""Two widgets the window makes or measures itself rather than take from Qt: a widget
Qt made, handed to Python, makes PySide load every kind of widget to tell its kind
(~10 ms of the start). Each stand-in must look and measure exactly as Qt's own."""

from __future__ import annotations

from planner_kit import Planner
from PySide6.QtWidgets import QScrollArea, QStyle, QWidget

from tradesman.ui.week.week_view import own_viewport


def test_the_weeks_own_viewport_is_as_a_scroll_areas_own(qtbot: object) -> None:
    qts, ours = QScrollArea(), QScrollArea()
    ours.setViewport(own_viewport())
    for area in (qts, ours):
        area.resize(300, 200)
    made, own = qts.viewport(), ours.viewport()
    assert own.objectName() == made.objectName() == "qt_scrollarea_viewport"
    assert own.backgroundRole() == made.backgroundRole()
    assert own.autoFillBackground() is made.autoFillBackground() is True
    assert own.palette().color(own.backgroundRole()) == made.palette().color(made.backgroundRole())
    assert own.focusProxy() is ours and made.focusProxy() is qts
    assert own.geometry() == made.geometry()


def test_the_toolbar_fitter_counts_separators_as_wide_as_they_are(planner: Planner) -> None:
    """The fitter takes a separator's width from the style, not from its widget: the
    total must be what every widget's own size hint adds up to."""
    toolbar = planner.window.toolbar
    fitter = toolbar.fitter
    assert fitter is not None
    assert any(action.isSeparator() and action.isVisible() for action in toolbar.actions())
    layout = toolbar.layout()
    assert layout is not None
    margins, spacing = layout.contentsMargins(), max(0, layout.spacing())
    extension = toolbar.style().pixelMetric(
        QStyle.PixelMetric.PM_ToolBarExtensionExtent, None, toolbar
    )
    widths = [
        widget.sizeHint().width()
        for action in toolbar.actions()
        if action.isVisible() and isinstance(widget := toolbar.widgetForAction(action), QWidget)
    ]
    expected = margins.left() + margins.right() + 2 * extension
    expected += sum(max(0, width) + spacing for width in widths)
    assert fitter.needed_width() == expected
