"""Keep every button of the main toolbar on the toolbar, whatever the window's width
or the desktop's font.

Left alone, Qt pushes the buttons that do not fit into a "»" menu, starting from the
right: with a wide font or a narrow window the page buttons (Week, Tasks, Charts,
Plan) vanish first, and they are the ones an owner needs most. Instead, the fitter
takes words off the least needed buttons first, one step at a time (the Draw buttons
keep their colour square and tooltip, the week buttons keep their arrows), and the
toolbar never gets narrower than all the buttons need at their most compact.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QStyle, QStyleOption, QToolBar

# One way to make the toolbar narrower: called with True to do it, False to undo it.
Step = Callable[[bool], None]


class ToolbarFitter(QObject):
    def __init__(self, toolbar: QToolBar, steps: Sequence[Step]) -> None:
        super().__init__(toolbar)
        self.toolbar = toolbar
        self.steps = list(steps)
        self.steps_taken = 0
        self._widths: list[int] = []  # the width needed after 0, 1, ... steps
        self._measuring = False  # (or setting the steps)
        self.measured = 0  # how many times it measured (an idle window measures none)
        # Measuring waits for the event loop (the buttons take a new font after the
        # toolbar hears of it); the timer goes with the toolbar when the window closes.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.measure)
        toolbar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.toolbar:
            kind = event.type()
            if kind == QEvent.Type.Resize:
                self._take_steps()
                if self.steps_taken < len(self.steps) and not self.fits():
                    self.remeasure()  # (widths from before a change of words: measure anew)
            elif kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
                self.remeasure()  # (after the buttons have taken the new font)
        return False

    def words_changed(self) -> None:
        """A button's or label's words changed (a new week's name). When every word
        still fits, only the full width is measured again (a week switch stays quick);
        otherwise all the steps are."""
        if self._widths and self.steps_taken == 0 and not self._measuring and self.fits():
            self._widths[0] = self.needed_width()
            return
        self.remeasure()

    def fits(self) -> bool:
        return self.needed_width() <= self.toolbar.contentsRect().width()

    def remeasure(self) -> None:
        """Measure again soon: the buttons' words or the font changed. (Not while
        the fitter itself changes the words: that would measure for ever.)"""
        if not self._measuring:
            self._soon.start()

    def measure(self) -> None:
        """How wide the toolbar must be after each step; then take the steps needed."""
        if self._measuring:
            return
        self._measuring = True
        self.measured += 1
        try:
            self._widths = []
            for taken in range(len(self.steps) + 1):
                self._set_steps(taken)
                self._widths.append(self.needed_width())
            self.toolbar.setMinimumWidth(self._widths[-1])
            self._take_steps()
        finally:
            self._measuring = False

    def _take_steps(self) -> None:
        if not self._widths:
            return
        room = self.toolbar.contentsRect().width()
        enough = next((n for n, width in enumerate(self._widths) if width <= room), None)
        taken = len(self.steps) if enough is None else enough
        if taken == self.steps_taken and not self._measuring:
            return  # (as they are: nothing to change on this resize)
        was_measuring, self._measuring = self._measuring, True
        try:
            self._set_steps(taken)
        finally:
            self._measuring = was_measuring

    def _set_steps(self, taken: int) -> None:
        for index, step in enumerate(self.steps):
            step(index < taken)
        self.steps_taken = taken

    def _separator_option(self) -> QStyleOption:
        """The style option a separator on this toolbar is measured with (as Qt's
        QToolBarSeparator gives its own: a style sheet's style reads the direction)."""
        from PySide6.QtCore import Qt

        option = QStyleOption()
        option.initFrom(self.toolbar)
        if self.toolbar.orientation() == Qt.Orientation.Horizontal:
            option.state |= QStyle.StateFlag.State_Horizontal
        return option

    def needed_width(self) -> int:
        """The width of the visible buttons, labels and separators side by side."""
        layout = self.toolbar.layout()
        spacing = max(0, layout.spacing()) if layout is not None else 0
        margins = layout.contentsMargins() if layout is not None else None
        width = (margins.left() + margins.right()) if margins is not None else 0
        # (The handle and the » button's place, which Qt keeps even when unused.)
        style = self.toolbar.style()
        width += 2 * style.pixelMetric(
            QStyle.PixelMetric.PM_ToolBarExtensionExtent, None, self.toolbar
        )
        separator = style.pixelMetric(
            QStyle.PixelMetric.PM_ToolBarSeparatorExtent, self._separator_option(), self.toolbar
        )
        for action in self.toolbar.actions():
            if not action.isVisible():
                continue
            if action.isSeparator():
                # (As wide as the separator's size hint says, asked of the style: the
                # widget itself is of a kind PySide does not know, and handing it over
                # would make PySide load every kind of widget to compare, ~8 ms.)
                width += separator + spacing
                continue
            widget = self.toolbar.widgetForAction(action)
            if widget is None:
                continue
            width += max(0, widget.sizeHint().width()) + spacing
        return width
