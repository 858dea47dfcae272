"""The Plan page: the doer-to-marketer plan at a glance.

Where the owner stands and where they aim; the ramp week by week (a table, and the
business share drawn against the plan's rising target); how each past week went; the
commitments (business blocks booked every week) and the hand-off list, with work that
keeps coming back offered as suggestions. With no plan yet, one sentence and a button.

The page only shows and asks: the edits are PlanActions', the data the Operations'.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from tradesman.domain.allocation import Trend
from tradesman.domain.areas import Area
from tradesman.domain.clock import format_hours
from tradesman.domain.numbers import percent
from tradesman.domain.plan import (
    HandOff,
    HandOffWay,
    Repeating,
    how_weeks_went,
    measured_from,
)
from tradesman.domain.series import Series
from tradesman.domain.weeks import Week, format_day
from tradesman.services.plan_view import PlanView
from tradesman.ui.charts.chart_trend import TrendChart
from tradesman.ui.plan.commitment_dialog import describe_commitment
from tradesman.ui.plan.plan_actions import PlanActions
from tradesman.ui.plan.ramp_table import RampTable


def headline(view: PlanView) -> str:
    """'From 23% business time to 40% by 23 May 2027'."""
    plan, share = view.plan, view.baseline.share
    by = format_day(plan.last_week.end)
    if share is None:
        return f"Aiming for {percent(plan.target_share)} business time by {by}"
    if share >= plan.target_share:
        return f"{percent(plan.target_share)} business time or more, every week to {by}"
    return f"From {percent(share)} business time to {percent(plan.target_share)} by {by}"


def details(view: PlanView) -> str:
    plan, baseline = view.plan, view.baseline
    if baseline.share is None:
        where = "Where you stood before the plan is not known yet (see below)."
    elif baseline.measured:
        where = f"Where you stand is measured from {measured_from(baseline.measured_weeks)}."
    else:
        where = "Where you stand is as you said."
    text = (
        f"{plan.weeks} weeks from {format_day(plan.start)}, over a working week of "
        f"{format_hours(plan.capacity_minutes)}. {where}"
    )
    if plan.marketing_floor > 0:
        text += (
            f" Of the business hours, at least {percent(plan.marketing_floor)} marketing each week."
        )
    ended = len(view.progress)
    if ended:
        weeks = "1 week has" if ended == 1 else f"{ended} weeks have"
        text += f"\n{weeks} ended: {', '.join(how_weeks_went(view.progress))}."
    return text


def no_ramp_text(view: PlanView) -> str:
    """Why there is no ramp to show (the baseline is unknown), and what to do."""
    return (
        "No hours are marked done in the weeks before the plan's first week "
        f"({format_day(view.plan.start)}), so the plan cannot measure where you stood and "
        "has no weeks to show. Choose Change plan… and say what share of your week went "
        "to the business before the plan."
    )


class PlanPage(QWidget):
    def __init__(
        self,
        actions: PlanActions,
        read_plan: Callable[[], PlanView | None],
        read_trend: Callable[[Week, int], Trend],
        preview_plan: Callable[[], object],
        this_week: Callable[[], Week],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan_actions = actions
        self._read_plan = read_plan
        self._read_trend = read_trend
        self._this_week = this_week
        self.view: PlanView | None = None
        self._stack = QStackedLayout(self)

        # No plan yet.
        empty = QWidget()
        self.empty_text = QLabel(
            "<p style='font-size:15pt'><b>No plan yet.</b></p>"
            "<p>A plan moves you, week by week, from doing all the work to running the "
            "business: a little more time for marketing, sales and admin each week, until "
            "they take the share you aim for.</p>"
        )
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.make_button = QPushButton("&Make a plan…")
        self.make_button.clicked.connect(actions.edit_plan)
        column = QVBoxLayout(empty)
        column.addStretch(1)
        column.addWidget(self.empty_text)
        column.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        column.setContentsMargins(80, 20, 80, 20)
        self._stack.addWidget(empty)

        # The plan.
        content = QWidget()
        self.headline = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.change_button = QPushButton("&Change plan…")
        self.change_button.clicked.connect(actions.edit_plan)
        self.print_button = QPushButton("&Preview and print…")
        self.print_button.setToolTip(
            "The whole plan as a PDF to keep, print or send (Ctrl+Shift+P)"
        )
        self.print_button.clicked.connect(preview_plan)
        self.remove_button = QPushButton("Put the plan awa&y")
        self.remove_button.clicked.connect(actions.remove_plan)
        buttons = QHBoxLayout()
        for button in (self.change_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)

        self.ramp_table = RampTable()
        # In the ramp's place while the baseline is unknown: never an empty table.
        self.no_ramp = QLabel()
        self.no_ramp.setWordWrap(True)
        self.no_ramp.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_ramp.setTextFormat(Qt.TextFormat.PlainText)
        self.no_ramp.setMinimumWidth(420)
        self.no_ramp.hide()
        self.chart = TrendChart()

        self.commitments = QListWidget()
        self.commitments.setToolTip("Business time booked on your calendar every week of the plan")
        self.add_commitment_button = QPushButton("&Add commitment…")
        self.add_commitment_button.clicked.connect(self._add_commitment)
        self.stop_button = QPushButton("&Stop")
        self.stop_button.setToolTip("Take it off the calendar from today on")
        self.stop_button.clicked.connect(self._stop_commitment)
        self.commitments.currentRowChanged.connect(lambda _: self._fit_buttons())

        self.hand_offs = _HandOffList()
        self.hand_offs.setToolTip(
            "Work to get off your hands. Tick it when it is handed off; Delete removes it."
        )
        self.hand_offs.itemChanged.connect(self._ticked)
        self.hand_offs.itemActivated.connect(self._edit_hand_off)
        self.hand_offs.delete_pressed.connect(self._delete_hand_off)
        self.hand_offs.currentRowChanged.connect(lambda _: self._fit_buttons())
        self.add_hand_off_button = QPushButton("A&dd…")
        self.add_hand_off_button.clicked.connect(
            lambda: actions.new_hand_off(HandOff("", Area.PRODUCTION))
        )
        self.edit_hand_off_button = QPushButton("Ed&it…")
        self.edit_hand_off_button.clicked.connect(lambda: self._edit_hand_off(None))
        self.remove_hand_off_button = QPushButton("&Remove")
        self.remove_hand_off_button.clicked.connect(lambda: self._delete_hand_off())
        self.suggestions = QListWidget()
        self.suggestions.setToolTip("Double-click one to put it on your hand-off list")
        self.suggestions.itemActivated.connect(self._take_suggestion)
        self.suggestions_label = QLabel()
        self.suggestions_label.setWordWrap(True)

        commitments_box = _group(
            "Commitments: business time every week",
            self.commitments,
            (self.add_commitment_button, self.stop_button),
        )
        hand_off_box = _group(
            "Hand-off list",
            self.hand_offs,
            (self.add_hand_off_button, self.edit_hand_off_button, self.remove_hand_off_button),
            below=(self.suggestions_label, self.suggestions),
        )
        grid = QGridLayout(content)
        grid.addWidget(self.headline, 0, 0, 1, 2)
        grid.addWidget(self.details, 1, 0, 1, 2)
        grid.addLayout(buttons, 2, 0, 1, 2)
        # The ramp and its chart share their row by their own measure: the table, with
        # its marketing and what came in, needs more of the width than the lists below.
        ramp_row = QHBoxLayout()
        ramp_row.addWidget(self.ramp_table, 8)
        ramp_row.addWidget(self.no_ramp, 8)
        ramp_row.addWidget(self.chart, 3)
        grid.addLayout(ramp_row, 3, 0, 1, 2)
        grid.addWidget(commitments_box, 4, 0)
        grid.addWidget(hand_off_box, 4, 1)
        grid.setRowStretch(3, 3)
        grid.setRowStretch(4, 2)
        for listing in (self.commitments, self.hand_offs, self.suggestions):
            # Lists ask for ~200 px whatever they hold; here they share out what the ramp
            # leaves, by the stretch above.
            listing.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
            listing.setMinimumHeight(3 * listing.fontMetrics().height() + 8)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._stack.addWidget(content)

    # -- showing ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the plan and show it (the page pulls its own data, as the others do)."""
        self.show_plan(self._read_plan())

    def show_plan(self, view: PlanView | None) -> None:
        # This week is brought into sight when a plan is first shown or changes, not
        # after every tick of the hand-off list.
        new_plan = view is None or self.view is None or view.plan != self.view.plan
        self.view = view
        if view is None:
            self._stack.setCurrentIndex(0)
            return
        self._stack.setCurrentIndex(1)
        self.headline.setText(headline(view))
        self.details.setText(details(view))
        self.ramp_table.fill(view, self._this_week(), scroll=new_plan)
        self.ramp_table.setVisible(bool(view.ramp))
        self.no_ramp.setVisible(not view.ramp)
        self.no_ramp.setText("" if view.ramp else no_ramp_text(view))
        trend = self._read_trend(view.plan.last_week, view.plan.weeks)
        self.chart.show_trend(trend)
        # (Short: the chart has the narrower part of the row.)
        self.chart.title = "Business share against the plan's aim"
        self._fill_commitments(view)
        self._fill_hand_offs(view)
        self._fit_buttons()

    def _fill_commitments(self, view: PlanView) -> None:
        self.commitments.clear()
        for series in view.commitments:
            item = QListWidgetItem(describe_commitment(series))
            item.setData(Qt.ItemDataRole.UserRole, series)
            self.commitments.addItem(item)
        if not view.commitments:
            item = QListWidgetItem("None yet. Book a regular hour for marketing or sales: "
                                   "Add commitment…")  # fmt: skip
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.commitments.addItem(item)

    def _fill_hand_offs(self, view: PlanView) -> None:
        hand_offs = self.hand_offs
        chosen = self._chosen_hand_off()
        hand_offs.blockSignals(True)  # (filling is not ticking)
        try:
            hand_offs.clear()
            for hand_off in view.hand_offs:
                item = QListWidgetItem(hand_off_text(hand_off))
                item.setData(Qt.ItemDataRole.UserRole, hand_off)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if hand_off.done else Qt.CheckState.Unchecked
                )
                hand_offs.addItem(item)
                if chosen is not None and hand_off.id == chosen.id:
                    hand_offs.setCurrentItem(item)  # (still chosen after a tick or an edit)
        finally:
            hand_offs.blockSignals(False)
        self.suggestions.clear()
        for repeating in view.suggestions:
            weeks = f"{repeating.weeks} of the last 8 weeks"
            text = (f"{repeating.title} · {repeating.area.label} · {weeks}, "
                    f"about {format_hours(repeating.minutes_a_week)} a week")  # fmt: skip
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, repeating)
            self.suggestions.addItem(item)
        self.suggestions_label.setText(
            "Work that keeps coming back — double-click to add it to the list:"
            if view.suggestions
            else "No production or admin work has come back most weeks lately."
        )
        self.suggestions.setVisible(bool(view.suggestions))

    def _fit_buttons(self) -> None:
        self.stop_button.setEnabled(self._chosen_commitment() is not None)
        ended = self.view is not None and self.view.plan.last_week.end < self._this_week().start
        self.add_commitment_button.setEnabled(not ended)
        self.add_commitment_button.setToolTip(
            "The plan has ended: make a new one to book more business time."
            if ended
            else "Book business time every week of the plan, on the calendar"
        )
        chosen = self._chosen_hand_off() is not None
        self.edit_hand_off_button.setEnabled(chosen)
        self.remove_hand_off_button.setEnabled(chosen)

    # -- asking ----------------------------------------------------------------------------
    def _chosen_commitment(self) -> Series | None:
        item = self.commitments.currentItem()
        data = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return data if isinstance(data, Series) else None

    def _chosen_hand_off(self, item: QListWidgetItem | None = None) -> HandOff | None:
        item = item or self.hand_offs.currentItem()
        data = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return data if isinstance(data, HandOff) else None

    def _add_commitment(self) -> None:
        if self.view is not None:
            self.plan_actions.add_commitment(self.view.plan)

    def _stop_commitment(self) -> None:
        series = self._chosen_commitment()
        if series is not None:
            self.plan_actions.stop_commitment(series)

    def _ticked(self, item: QListWidgetItem) -> None:
        hand_off = self._chosen_hand_off(item)
        if hand_off is not None:
            done = item.checkState() == Qt.CheckState.Checked
            if done != hand_off.done:
                self.plan_actions.set_done(hand_off, done)

    def _edit_hand_off(self, item: QListWidgetItem | None) -> None:
        hand_off = self._chosen_hand_off(item)
        if hand_off is not None:
            self.plan_actions.edit_hand_off(hand_off)

    def _delete_hand_off(self) -> None:
        hand_off = self._chosen_hand_off()
        if hand_off is not None:
            self.plan_actions.delete_hand_off(hand_off)

    def _take_suggestion(self, item: QListWidgetItem) -> None:
        repeating = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(repeating, Repeating):
            return
        # Admin that repeats is best made quick; production that repeats, given to a helper.
        way = HandOffWay.SYSTEMISE if repeating.area is Area.ADMIN else HandOffWay.DELEGATE
        self.plan_actions.add_hand_off(
            HandOff(repeating.title, repeating.area, way, repeating.minutes_a_week)
        )


def hand_off_text(hand_off: HandOff) -> str:
    """'Collect timber · Production · Delegate · 2 h a week'."""
    parts = [hand_off.title, hand_off.area.label, hand_off.way.label]
    if hand_off.minutes_a_week:
        parts.append(f"{format_hours(hand_off.minutes_a_week)} a week")
    return " · ".join(parts)


class _HandOffList(QListWidget):
    """The hand-off list; Delete asks to remove the chosen one."""

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


def _group(
    title: str,
    listing: QListWidget,
    buttons: tuple[QPushButton, ...],
    below: tuple[QWidget, ...] = (),
) -> QGroupBox:
    box = QGroupBox(title)
    column = QVBoxLayout(box)
    column.addWidget(listing, 1)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    column.addLayout(row)
    for widget in below:  # (lists among them share the room with the first)
        column.addWidget(widget, 1 if isinstance(widget, QListWidget) else 0)
    return box
