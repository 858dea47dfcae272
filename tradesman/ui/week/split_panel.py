"""The split panel: where this week's hours go, technician against business, planned and actual.

The same numbers as `tradesman summary`: planned counts every block, actual counts what
done blocks really took; the business share is measured against the owner's target.
The table of hours is one rich-text label: quicker to build than a grid of labels, and
it keeps the `Qt` enum namespace (slow to load) off the path to the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from tradesman.area_colours import AREA_HEX
from tradesman.domain.areas import AREAS
from tradesman.domain.clock import format_hours
from tradesman.domain.numbers import percent

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from tradesman.domain.split import Split, WeekSplit
    from tradesman.ui.week.split_bar import SplitBar


def target_gap_text(split: Split, target: float, long_term: float | None = None) -> str:
    """The business share against the target, with the gap in hours a person can plan.
    With `long_term` (the settings' target), `target` is a plan's for this week: said
    so, or a plan's lower first weeks would read as a lowered target."""
    share = split.business_share
    if share is None:
        return ""
    gap = round(target * split.total_minutes) - split.business_minutes
    if gap <= 0:
        return f"Business share {percent(share)}: at or above the {_aim(target, long_term)}."
    aim = _aim(target, long_term)
    return f"Business share {percent(share)}: {format_hours(gap)} short of the {aim}."


def _aim(target: float, long_term: float | None) -> str:
    if long_term is None:
        return f"{percent(target)} target"
    return f"plan's {percent(target)} for this week ({percent(long_term)} in the long run)"


def hours_table(split: WeekSplit) -> list[tuple[str, str, str]]:
    """Rows of (name, planned, actual): the areas, technician, business, business share."""
    planned, actual = split.planned, split.actual
    rows = [
        (area.label, format_hours(planned.minutes(area)), format_hours(actual.minutes(area)))
        for area in AREAS
    ]
    rows.append(
        (
            "Technician",
            format_hours(planned.technician_minutes),
            format_hours(actual.technician_minutes),
        )
    )
    rows.append(
        ("Business", format_hours(planned.business_minutes), format_hours(actual.business_minutes))
    )
    rows.append(("Business share", percent(planned.business_share), percent(actual.business_share)))
    return rows


def _heading(text: str, size: str = "") -> str:
    """Bold (and optionally larger) text as rich text: cheaper at start-up than a QFont."""
    style = f' style="font-size:{size}"' if size else ""
    return f"<b{style}>{_escape(text)}</b>"


class _SplitSection(QWidget):
    """A heading, the bar, and a line about the share against the target (the hours
    themselves are in the table below)."""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        from tradesman.ui.week.split_bar import SplitBar  # not needed before the data arrives

        super().__init__(parent)
        self.heading = QLabel(_heading(heading))
        self.bar: SplitBar = SplitBar()
        self.gap = QLabel()
        self.gap.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget in (self.heading, self.bar, self.gap):
            layout.addWidget(widget)

    def show_split(self, split: Split, target: float, long_term: float | None = None) -> None:
        self.bar.show_split(split, target, plans=long_term is not None)
        self.gap.setText(target_gap_text(split, target, long_term) or "No hours yet.")


class SplitPanel(QFrame):
    """Planned and actual split for one week, with hours per area."""

    work_asked = Signal()  # the note of work coming in's "More…": the figures in full
    # New words shown: the panel may need another height (a line more or fewer where
    # they wrap), which the column beside the week sets (side_column.fit).
    words_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("splitPanel")
        # (Never squeezed either: see SideColumn.fit.)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setMinimumWidth(320)
        self.setMaximumWidth(560)  # a bar wider than this is hard to read across
        self.title = QLabel(_heading("This week", "large"))
        self.empty_note = QLabel("Opening your data…")
        self.empty_note.setWordWrap(True)
        self.rows: list[tuple[str, str, str]] = []
        self._sections: tuple[_SplitSection, _SplitSection, QLabel, QLabel] | None = None
        self.work_note: QLabel | None = None  # made when the engines are first read
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(14, 12, 14, 12)
        self._layout.setSpacing(10)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.empty_note)
        self._layout.addStretch(1)

    def _made_sections(self) -> tuple[_SplitSection, _SplitSection, QLabel, QLabel]:
        """The bars and the table, made when the first week arrives: the window's first
        paint (before any data) does without them."""
        if self._sections is None:
            self._sections = (
                _SplitSection("Planned"),
                _SplitSection("Actual (blocks marked done)"),
                QLabel(),
                QLabel(),
            )
            for offset, widget in enumerate(self._sections):
                self._layout.insertWidget(2 + offset, widget)
        return self._sections

    def show_week(
        self,
        heading: str,
        split: WeekSplit,
        target: float,
        overlap_minutes: int = 0,
        long_term: float | None = None,
    ) -> None:
        """`long_term`: the settings' target, where `target` is a plan's for the week."""
        planned, actual, table, overlap_note = self._made_sections()
        self.title.setText(_heading(heading, "large"))
        nothing = split.planned.total_minutes == 0 and split.actual.total_minutes == 0
        self.empty_note.setText(
            "Nothing is planned for this week yet. The split shows here as soon as the "
            "week has time blocks."
        )
        self.empty_note.setVisible(nothing)
        planned.show_split(split.planned, target, long_term)
        actual.show_split(split.actual, target, long_term)
        self.rows = hours_table(split)
        table.setText(_table_html(self.rows))
        # (The target itself is marked on both bars.)
        overlap_note.setText(
            f"{format_hours(overlap_minutes)} of blocks overlap: those hours are "
            "counted once for each block."
            if overlap_minutes
            else ""
        )
        overlap_note.setVisible(bool(overlap_minutes))
        overlap_note.setWordWrap(True)
        self.words_changed.emit()

    def show_work(self, this_week: str, verdict: str, reason: str, next_step: str) -> None:
        """Under the hours: what came in this week, and which engine holds the business
        back now (the next step in its tooltip; the Charts page has it all)."""
        if self.work_note is None:
            self.work_note = QLabel()
            self.work_note.setObjectName("workNote")
            self.work_note.setWordWrap(True)
            self.work_note.linkActivated.connect(lambda _: self.work_asked.emit())
            self.work_note.setTextInteractionFlags(links_by_mouse_and_keys())
            above_the_stretch = self._layout.count() - 1
            self._layout.insertWidget(above_the_stretch, self.work_note)
        self.work_note.setText(
            f"{_escape(this_week)}<br><b>{_escape(verdict)}.</b> {_escape(reason)} {MORE_LINK}"
        )
        from tradesman.ui.shared.literal import tooltip  # (after the start: it loads html)

        self.work_note.setToolTip(tooltip(f"Next: {next_step}"))  # (it may name a source)
        self.words_changed.emit()

    def work_text(self) -> str:
        """The note of work coming in as plain words (for the tests)."""
        note = self.work_note
        return (
            "" if note is None else note.text().replace("<br>", "\n").replace(f" {MORE_LINK}", "")
        )

    def notes(self) -> str:
        """The line under the table: how long blocks overlap, when they do."""
        return self._made_sections()[3].text()

    @property
    def planned(self) -> _SplitSection:
        return self._made_sections()[0]

    @property
    def actual(self) -> _SplitSection:
        return self._made_sections()[1]


def links_by_mouse_and_keys() -> Qt.TextInteractionFlag:
    """A label's links followed with a click, or Tab and Enter."""
    from PySide6.QtCore import Qt  # (not at the top: the Qt namespace costs the first paint)

    flags = Qt.TextInteractionFlag
    return flags.LinksAccessibleByMouse | flags.LinksAccessibleByKeyboard


MORE_LINK = '<a href="#work">More…</a>'


def _table_html(rows: list[tuple[str, str, str]]) -> str:
    swatches = {area.label: AREA_HEX[area] for area in AREAS}
    head = (
        '<td width="100" align="right"><b>Planned</b></td>'
        '<td width="100" align="right"><b>Actual</b></td>'
    )
    cells = [f"<tr><td></td>{head}</tr>"]
    for name, planned, actual in rows:
        colour = swatches.get(name)
        label = _escape(name)
        if colour:
            label = f'<span style="color:{colour}">■</span>&nbsp;{label}'
        else:
            label = f"<b>{label}</b>"
        cells.append(
            f'<tr><td>{label}</td><td align="right">{_escape(planned)}</td>'
            f'<td align="right">{_escape(actual)}</td></tr>'
        )
    return '<table cellspacing="0" cellpadding="2">' + "".join(cells) + "</table>"


def _escape(text: str) -> str:
    # (Not the html module: it loads a large table of entities, on the start-up path.)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
